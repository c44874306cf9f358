import { EVENT_PAGE_HEADING } from './parse-event-page.ts';
import { hasFrontMatter } from './front-matter.ts';
import { SYNONYMS_FILE } from './parse-synonyms.ts';

export type FileKind = 'text' | 'wcep' | 'jsonl' | 'synonyms' | 'ignored';
export type DetectedFormat = 'event-page' | 'article' | 'wcep' | 'jsonl' | 'unrecognised';

/** By name alone: which files are corpus files at all. README, LICENSE, dotfiles and other extensions are not. */
export function fileKind(path: string): FileKind {
  const name = path.split(/[\\/]/).pop() ?? '';
  if (name.startsWith('.') || /^(readme|license|licence)\b/i.test(name)) return 'ignored';
  if (SYNONYMS_FILE.test(name)) return 'synonyms';
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === 'md' || extension === 'txt') return 'text';
  if (extension === 'yaml' || extension === 'yml') return 'wcep';
  if (extension === 'jsonl') return 'jsonl';
  return 'ignored';
}

/** A text file is an event page when it opens with the `### [date](/news/…)` heading, an article when it has front matter. */
export function detectFormat(path: string, text: string): DetectedFormat | 'ignored' {
  const kind = fileKind(path);
  if (kind === 'synonyms') return 'ignored';
  if (kind !== 'text') return kind;
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  if (EVENT_PAGE_HEADING.test(firstLine)) return 'event-page';
  if (hasFrontMatter(text.replace(/^\uFEFF/, ''))) return 'article';
  return 'unrecognised';
}
