import { isAscii } from 'node:buffer';
import type { CorpusProblem, CorpusRecord, ParseOutcome, RelatedLink, SourceLink } from '../model/record.ts';
import { isPaddedIsoDate, parseIsoDate } from './iso-date.ts';
import { articleId, eventId } from './slug.ts';

/**
 * JSON Lines, one record per line. Fields (all but `title` optional):
 * - `id` string: derived when absent, `news/YYYY/MM/D/<slug>` for events (needs `date`), `article/<slug>`;
 * - `kind` `"event"` (default) or `"article"`; `date` `"YYYY-MM-DD"` or null; `title` non-empty string;
 * - `summary`, `body` strings (default `""`); `image`, `category` string or null;
 * - `sources` `[{name, url}]` (url string or null); `contexts` string list;
 * - `related` `[{id, title, date, contexts}]`; `stub` boolean (default false).
 * Unknown fields are ignored. Blank lines are skipped. A bad line is one problem; the others load.
 */
export function parseJsonl(text: string, file: string): ParseOutcome {
  const lines = text.split('\n');
  return parseLines((visit) => lines.forEach(visit), file);
}

/**
 * The same from the file's bytes, which must be UTF-8 with nothing checkEncoding would report (decodesCleanly):
 * each line decoded alone, an ASCII line as a one-byte string. Decoding a whole file with a few accents makes
 * every line two bytes a character, and that decoding, JSON.parse and the strings it makes cost 3-4 times as much.
 */
export function parseJsonlBytes(bytes: Buffer, file: string): ParseOutcome {
  return parseLines((visit) => {
    let start = 0;
    for (let index = 0; start <= bytes.length; index += 1) {
      let end = bytes.indexOf(NEWLINE, start);
      if (end === -1) end = bytes.length;
      visit(isAscii(bytes.subarray(start, end)) ? bytes.toString('latin1', start, end) : bytes.toString('utf8', start, end), index);
      start = end + 1;
    }
  }, file);
}

const NEWLINE = 0x0a;

function parseLines(eachLine: (visit: (raw: string, index: number) => void) => void, file: string): ParseOutcome {
  const records: CorpusRecord[] = [];
  const problems: CorpusProblem[] = [];
  const firstLineOf = new Map<string, number>();
  eachLine((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const outcome = parseJsonlLine(line, file, index + 1);
    if (typeof outcome === 'string') {
      problems.push({ file, line: index + 1, reason: outcome });
      return;
    }
    // Within one file a repeated id is a slip (across files it is how sources meet): kept, merged, said.
    const earlier = firstLineOf.get(outcome.id);
    if (earlier === undefined) firstLineOf.set(outcome.id, index + 1);
    else problems.push({ file, line: index + 1, reason: `duplicate id ${outcome.id} (also on line ${earlier}): the two are merged` });
    records.push(outcome);
  });
  return { records, problems };
}

class FieldError extends Error {}

function parseJsonlLine(line: string, file: string, lineNumber: number): CorpusRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (!isObject(value)) return 'each line must be one JSON object';
  try {
    const kind = value.kind ?? 'event';
    if (kind !== 'event' && kind !== 'article') throw new FieldError('kind must be "event" or "article"');
    const title = requiredText(value.title, 'title');
    const date = optionalDate(value.date);
    const id = value.id === undefined ? derivedId(kind, date, title) : requiredText(value.id, 'id');
    return {
      id,
      kind,
      date,
      title,
      summary: optionalText(value.summary, 'summary') ?? '',
      body: optionalText(value.body, 'body') ?? '',
      image: optionalText(value.image, 'image'),
      sources: list(value.sources, 'sources', source),
      contexts: textList(value.contexts, 'contexts'),
      category: optionalText(value.category, 'category'),
      related: list(value.related, 'related', relatedLink),
      stub: optionalBoolean(value.stub, 'stub'),
      origin: { file, line: lineNumber, format: 'jsonl' },
    };
  } catch (error) {
    if (error instanceof FieldError) return error.message;
    throw error;
  }
}

function derivedId(kind: 'event' | 'article', date: string | null, title: string): string {
  if (kind === 'article') return articleId(title);
  if (date === null) throw new FieldError('an event without an id needs a date to derive one');
  return eventId(date, title);
}

function source(item: unknown, at: string): SourceLink {
  if (!isObject(item)) throw new FieldError(`${at} must be an object {name, url}`);
  return { name: requiredText(item.name, `${at}.name`), url: optionalText(item.url, `${at}.url`) };
}

function relatedLink(item: unknown, at: string): RelatedLink {
  if (!isObject(item)) throw new FieldError(`${at} must be an object {id, title, date, contexts}`);
  return {
    id: requiredText(item.id, `${at}.id`),
    title: optionalText(item.title, `${at}.title`) ?? '',
    date: optionalDate(item.date, `${at}.date`),
    contexts: textList(item.contexts, `${at}.contexts`),
  };
}

function requiredText(value: unknown, field: string): string {
  if (!isText(value)) throw new FieldError(`${field} must be a non-empty string`);
  return value;
}

/** A string with something besides white space. */
function isText(value: unknown): value is string {
  return typeof value === 'string' && (isVisibleAscii(value.charCodeAt(0)) || value.trim() !== '');
}

function isVisibleAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new FieldError(`${field} must be a string or null`);
  return value;
}

function optionalDate(value: unknown, field = 'date'): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && isPaddedIsoDate(value)) return value;
  const date = typeof value === 'string' ? parseIsoDate(value) : null;
  if (date === null || date !== value) throw new FieldError(`${field} must be "YYYY-MM-DD" or null; got ${JSON.stringify(value)}`);
  return date;
}

function optionalBoolean(value: unknown, field: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new FieldError(`${field} must be true or false`);
  return value;
}

function list<T>(value: unknown, field: string, item: (value: unknown, at: string) => T): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new FieldError(`${field} must be a list`);
  // JSON.parse's own array, not a copy (most lists of a large corpus are empty): it is this record's alone.
  for (let index = 0; index < value.length; index += 1) value[index] = item(value[index], `${field}[${index}]`);
  return value as T[];
}

function textList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new FieldError(`${field} must be a list`);
  for (let index = 0; index < value.length; index += 1) if (!isText(value[index])) requiredText(value[index], `${field}[${index}]`);
  return value as string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
