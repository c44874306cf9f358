import type { CorpusProblem } from '../model/record.ts';

import { isUtf8 } from 'node:buffer';

const REPLACEMENT = '\uFFFD';
const REPLACEMENT_BYTES = Buffer.from(REPLACEMENT, 'utf8');

/** Whether checkEncoding would find nothing in these bytes' text: valid UTF-8 without NUL or U+FFFD. */
export function decodesCleanly(bytes: Buffer): boolean {
  return isUtf8(bytes) && !bytes.includes(0) && !bytes.includes(REPLACEMENT_BYTES);
}

/**
 * What reading a file as UTF-8 left behind. UTF-16 and binary files are unusable (the loader has
 * already replaced their bytes), so they are one problem and no records; a file with a few bytes
 * that are not UTF-8 (Latin-1, Windows-1252) still parses, with a problem at its first bad line.
 */
export function checkEncoding(text: string, file: string): { usable: boolean; problems: CorpusProblem[] } {
  if (text.includes('\u0000')) {
    const reason = looksLikeUtf16(text) ? 'this is UTF-16 text: save the file as UTF-8' : 'not a text file (it holds binary data)';
    return { usable: false, problems: [{ file, line: 1, reason }] };
  }
  const first = text.indexOf(REPLACEMENT);
  if (first === -1) return { usable: true, problems: [] };
  if (replacementShare(text) > 0.1)
    return { usable: false, problems: [{ file, line: 1, reason: 'not a text file (it holds binary data)' }] };
  const line = lineAt(text, first);
  return {
    usable: true,
    problems: [{ file, line, reason: `not valid UTF-8 (save the file as UTF-8); unreadable characters show as ${REPLACEMENT}` }],
  };
}

/** A byte order mark read as UTF-8, or ASCII text with a NUL beside every character. */
function looksLikeUtf16(text: string): boolean {
  if (text.startsWith(REPLACEMENT + REPLACEMENT)) return true;
  const sample = text.slice(0, 400);
  let nulAtOddOrEven = 0;
  for (let i = 0; i < sample.length; i += 2) if (sample[i] === '\u0000' || sample[i + 1] === '\u0000') nulAtOddOrEven += 1;
  return nulAtOddOrEven > (sample.length / 2) * 0.8;
}

function replacementShare(text: string): number {
  const sample = text.slice(0, 4096);
  let count = 0;
  for (const char of sample) if (char === REPLACEMENT) count += 1;
  return count / sample.length;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
