import { LIMITS } from './limits.ts';

/** Where a button takes the user: the query as typed, the page offset, and the "now" it was read against. */
export interface Cursor {
  query: string;
  offset: number;
  /** A bare date's answer is its period at a glance, or (Timeline) its events in date order. */
  mode: 'search' | 'timeline' | 'glance';
  /** Epoch milliseconds the query's relative dates ("last week") were first read against. */
  now: number;
  /** One story's timeline within the query's period: the story label. */
  story?: string;
}

interface Wire {
  v: 1;
  q: string;
  o: number;
  m: 's' | 't' | 'g';
  n: number;
  s?: string;
}

const MAX_OFFSET = 100_000;
/** Story labels run to about 100 characters; the rest of a button value is the query's. */
const MAX_STORY_CHARS = 300;
const MODE_CODE = { search: 's', timeline: 't', glance: 'g' } as const;

/** A button `value` of at most 2000 characters; an overlong query is cut, never the JSON. */
export function encodeCursor(cursor: Cursor): string {
  let query = cursor.query;
  const story = cursor.story === undefined ? {} : { s: cursor.story.slice(0, MAX_STORY_CHARS) };
  for (;;) {
    const wire: Wire = { v: 1, q: query, o: cursor.offset, m: MODE_CODE[cursor.mode], n: cursor.now, ...story };
    const value = JSON.stringify(wire);
    if (value.length <= LIMITS.buttonValue) return value;
    query = query.slice(0, Math.floor(query.length * 0.8));
  }
}

/** Null for anything that is not a cursor this bot wrote: old, tampered or garbled values. */
export function decodeCursor(value: unknown): Cursor | null {
  if (typeof value !== 'string' || value.length > LIMITS.buttonValue) return null;
  let wire: unknown;
  try {
    wire = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof wire !== 'object' || wire === null) return null;
  const { v, q, o, m, n, s } = wire as Record<string, unknown>;
  if (v !== 1 || typeof q !== 'string' || (m !== 's' && m !== 't' && m !== 'g')) return null;
  if (s !== undefined && (typeof s !== 'string' || s.trim() === '' || s.length > MAX_STORY_CHARS)) return null;
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > MAX_OFFSET) return null;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || Number.isNaN(new Date(n).getTime())) return null;
  const mode = m === 't' ? 'timeline' : m === 'g' ? 'glance' : 'search';
  return { query: q, offset: o, mode, now: n, ...(typeof s === 'string' ? { story: s } : {}) };
}
