/**
 * 1-based line numbers of the items of the first block list after line `afterIndex` (0-based), in
 * order: the lines at the first item's indentation that start with `- `. Cheap enough to run on
 * every file, so problems and records can point at the line of their event.
 */
export function listItemLines(lines: string[], afterIndex: number): number[] {
  const found: number[] = [];
  let indent = -1;
  for (let i = afterIndex + 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    const match = /^( *)(- |-$)/.exec(line);
    if (indent < 0) {
      if (match !== null) {
        indent = match[1]!.length;
        found.push(i + 1);
      }
      continue;
    }
    if (match !== null && match[1]!.length === indent) {
      found.push(i + 1);
      continue;
    }
    const lineIndent = /^ */.exec(line)![0].length;
    const isContent = line.trim() !== '' && !line.trimStart().startsWith('#');
    if (isContent && (lineIndent < indent || (indent === 0 && lineIndent === 0))) break;
  }
  return found;
}

export function indexOfKeyLine(lines: string[], key: string): number {
  return lines.findIndex((line) => line.startsWith(`${key}:`));
}
