/** Splits `---\n<yaml>\n---\n<body>`; null when the text does not open with front matter. */
export function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (match === null) return null;
  const yaml = match[1]!;
  return { yaml, body: text.slice(match[0].length), bodyLine: yaml.split('\n').length + 3 };
}

export function hasFrontMatter(text: string): boolean {
  return /^\uFEFF?---[ \t]*\r?\n/.test(text);
}
