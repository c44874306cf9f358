import { LIMITS } from './limits.ts';

/** Where a button takes the user: the query as typed, the page offset, and the "now" it was read against. */
export interface Cursor {
  query: string;
  offset: number;
  mode: 'search' | 'timeline';
  /** Epoch milliseconds the query's relative dates ("last week") were first read against. */
  now: number;
}

interface Wire {
  v: 1;
  q: string;
  o: number;
  m: 's' | 't';
  n: number;
}

const MAX_OFFSET = 100_000;

/** A button `value` of at most 2000 characters; an overlong query is cut, never the JSON. */
export function encodeCursor(cursor: Cursor): string {
  let query = cursor.query;
  for (;;) {
    const wire: Wire = { v: 1, q: query, o: cursor.offset, m: cursor.mode === 'timeline' ? 't' : 's', n: cursor.now };
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
  const { v, q, o, m, n } = wire as Record<string, unknown>;
  if (v !== 1 || typeof q !== 'string' || (m !== 's' && m !== 't')) return null;
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > MAX_OFFSET) return null;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || Number.isNaN(new Date(n).getTime())) return null;
  return { query: q, offset: o, mode: m === 't' ? 'timeline' : 'search', now: n };
}
