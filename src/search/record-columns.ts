import type { CorpusFormat, CorpusRecord, RelatedLink } from '../model/record.ts';
import { bytesInMemory, type ByteSource } from './byte-source.ts';
import { dayNumber, NO_DATE } from './day-number.ts';

export const STUB = 1;
export const ARTICLE = 2;

/**
 * The corpus as columns: what search, filters and related events read for every candidate lives in
 * typed arrays; the full records stay encoded as JSON and are decoded only for the few that are shown.
 * At 114k events this keeps the records off the JS heap (about 90 MB of UTF-8 instead of ~250 MB of
 * objects) and makes the whole thing a handful of buffers that a snapshot writes and reads as is.
 * Ids too stay bytes, found through a hash table: at 1M records, as strings in a Map, they were
 * ~250 MB of heap and over a second of every start from a snapshot.
 * The ids' and bodies' bytes are a ByteSource: a start from a snapshot leaves them in the file (two
 * thirds of it) and reads only the records shown or compared.
 * Records are numbered in date order, undated last.
 */
export interface RecordColumns {
  count: number;
  /** Record n's id is the UTF-8 in idBytes[idStarts[n] .. idStarts[n + 1]); see idOf. */
  idBytes: ByteSource;
  idStarts: Uint32Array;
  /** Open addressing over the ids' hashes: record number + 1 per slot, 0 for an empty one; see numberOfId. */
  idSlots: Uint32Array;
  /** dayNumber of each record, NO_DATE when undated. */
  days: Int32Array;
  /** STUB | ARTICLE bits. */
  flags: Uint8Array;
  /** Record n's contexts are contextIds[contextStarts[n] .. contextStarts[n + 1]). */
  contextStarts: Uint32Array;
  contextIds: Uint32Array;
  /** Distinct contexts, lower-cased. */
  contextNames: string[];
  /** Record n is the JSON in encoded[recordStarts[n] .. recordStarts[n + 1]), see encodeRecord. */
  recordStarts: Uint32Array;
  encoded: ByteSource;
  /** The corpus files records come from; records name theirs by number. */
  originFiles: string[];
}

/** Records in column order: by date, undated last, then by id so ties are stable. */
export function inColumnOrder(records: readonly CorpusRecord[]): CorpusRecord[] {
  return [...records].sort(byDateThenId);
}

/**
 * Columns of records already in column order (see inColumnOrder). `filesBefore`: the origin files of the records
 * before these (another thread's, see joinColumns), numbered first so that these records' bodies need no change.
 */
export function recordColumns(sorted: readonly CorpusRecord[], filesBefore: readonly string[] = []): RecordColumns {
  const count = sorted.length;
  const days = new Int32Array(count);
  const flags = new Uint8Array(count);
  const contextStarts = new Uint32Array(count + 1);
  const contextIds: number[] = [];
  const contextNumber = new Map<string, number>();
  const bodies = new ByteWriter(count * 256);
  const recordStarts = new Uint32Array(count + 1);
  const fileNumber = new Map<string, number>(filesBefore.map((file, i) => [file, i]));
  sorted.forEach((record, n) => {
    days[n] = record.date === null ? NO_DATE : dayNumber(record.date);
    flags[n] = (record.stub ? STUB : 0) | (record.kind === 'article' ? ARTICLE : 0);
    contextStarts[n] = contextIds.length;
    for (const context of record.contexts) {
      const key = context.toLowerCase();
      let id = contextNumber.get(key);
      if (id === undefined) {
        id = contextNumber.size;
        contextNumber.set(key, id);
      }
      contextIds.push(id);
    }
    let file = fileNumber.get(record.origin.file);
    if (file === undefined) {
      file = fileNumber.size;
      fileNumber.set(record.origin.file, file);
    }
    recordStarts[n] = bodies.length;
    bodies.write(encodeRecord(record, file));
  });
  contextStarts[count] = contextIds.length;
  recordStarts[count] = bodies.length;
  const ids = encodeAll(sorted.map((record) => record.id));
  return {
    count,
    idBytes: bytesInMemory(ids.encoded),
    idStarts: ids.starts,
    idSlots: idTable(ids.encoded, ids.starts),
    days,
    flags,
    contextStarts,
    contextIds: Uint32Array.from(contextIds),
    contextNames: [...contextNumber.keys()],
    recordStarts,
    encoded: bytesInMemory(bodies.bytes()),
    originFiles: [...fileNumber.keys()],
  };
}

/** The origin files of records in column order, as recordColumns numbers them. */
export function originFilesOf(sorted: readonly CorpusRecord[]): string[] {
  const files = new Set<string>();
  for (const record of sorted) files.add(record.origin.file);
  return [...files];
}

/**
 * The columns of `front`'s records then `back`'s, as recordColumns makes them of all the records: `back` made
 * with `front.originFiles` as the files before.
 */
export function joinColumns(front: RecordColumns, back: RecordColumns): RecordColumns {
  const count = front.count + back.count;
  const idBytes = concatBytes(allOf(front.idBytes), allOf(back.idBytes));
  const idStarts = joinStarts(front.idStarts, back.idStarts);
  const contextNumber = new Map(front.contextNames.map((name, i) => [name, i]));
  const contextOfBack = Uint32Array.from(back.contextNames, (name) => {
    let id = contextNumber.get(name);
    if (id === undefined) {
      id = contextNumber.size;
      contextNumber.set(name, id);
    }
    return id;
  });
  const contextIds = new Uint32Array(front.contextIds.length + back.contextIds.length);
  contextIds.set(front.contextIds);
  for (let i = 0; i < back.contextIds.length; i += 1) contextIds[front.contextIds.length + i] = contextOfBack[back.contextIds[i]!]!;
  return {
    count,
    idBytes: bytesInMemory(idBytes),
    idStarts,
    idSlots: idTable(idBytes, idStarts),
    days: concatInt32(front.days, back.days),
    flags: concatBytes(front.flags, back.flags),
    contextStarts: joinStarts(front.contextStarts, back.contextStarts),
    contextIds,
    contextNames: [...contextNumber.keys()],
    recordStarts: joinStarts(front.recordStarts, back.recordStarts),
    encoded: bytesInMemory(concatBytes(allOf(front.encoded), allOf(back.encoded))),
    originFiles: back.originFiles,
  };
}

/** Offsets into a's data then b's: b's shifted by a's end, a's end given once. */
function joinStarts(a: Uint32Array, b: Uint32Array): Uint32Array {
  const joined = new Uint32Array(a.length + b.length - 1);
  joined.set(a);
  const shift = a[a.length - 1]!;
  for (let i = 1; i < b.length; i += 1) joined[a.length - 1 + i] = b[i]! + shift;
  return joined;
}

function concatInt32(a: Int32Array, b: Int32Array): Int32Array {
  const joined = new Int32Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** All of an in-memory source's bytes (a view: no copy). */
function allOf(source: ByteSource): Uint8Array {
  return source.read(0, source.length);
}

/**
 * A record as a JSON array without its id (the ids column has it), its date and flags (columns
 * too), its file (a number) and its summary when that only repeats the headline, as WCEP's do:
 * about half the bytes of the record as an object.
 */
type EncodedRecord = [
  title: string,
  summary: string | 0,
  body: string,
  image: string | null,
  sources: [string, string | null][],
  contexts: string[],
  category: string | null,
  related: RelatedLink[],
  origin: [file: number, line: number, format: CorpusFormat],
];

function encodeRecord(record: CorpusRecord, file: number): string {
  const encoded: EncodedRecord = [
    record.title,
    record.summary === record.title ? 0 : record.summary,
    record.body,
    record.image,
    record.sources.map((source) => [source.name, source.url]),
    record.contexts,
    record.category,
    record.related,
    [file, record.origin.line, record.origin.format],
  ];
  return JSON.stringify(encoded);
}

/**
 * UTF-8 appended to one buffer as each text is made: the texts die young (at 3x, holding all the records'
 * JSON until the end and then writing it made garbage collection a third of the columns' time).
 */
class ByteWriter {
  private buffer: Buffer;
  length = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(capacity, 1024));
  }

  write(text: string): void {
    // At most 3 bytes a UTF-16 unit; grown only when that might not fit.
    if (this.length + text.length * 3 > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + text.length * 3));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** The bytes written, in a buffer of their own (whole, so it can be transferred). */
  bytes(): Uint8Array {
    return new Uint8Array(this.buffer.subarray(0, this.length));
  }
}

function encodeAll(json: string[]): { encoded: Uint8Array; starts: Uint32Array } {
  // Measured first and written in place: a Buffer per text was a million short-lived objects at 1M records.
  const starts = new Uint32Array(json.length + 1);
  let offset = 0;
  json.forEach((text, n) => {
    starts[n] = offset;
    offset += Buffer.byteLength(text, 'utf8');
  });
  starts[json.length] = offset;
  const encoded = Buffer.allocUnsafe(offset);
  json.forEach((text, n) => encoded.write(text, starts[n]!, 'utf8'));
  return { encoded, starts };
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function decodeRecord(columns: RecordColumns, n: number): CorpusRecord {
  const bytes = columns.encoded.read(columns.recordStarts[n]!, columns.recordStarts[n + 1]!);
  const [title, summary, body, image, sources, contexts, category, related, [file, line, format]] = JSON.parse(
    decoder.decode(bytes),
  ) as EncodedRecord;
  const day = columns.days[n]!;
  const flags = columns.flags[n]!;
  return {
    id: idOf(columns, n),
    kind: (flags & ARTICLE) !== 0 ? 'article' : 'event',
    date: day === NO_DATE ? null : isoDate(day),
    title,
    summary: summary === 0 ? title : summary,
    body,
    image,
    sources: sources.map(([name, url]) => ({ name, url })),
    contexts,
    category,
    related,
    stub: (flags & STUB) !== 0,
    origin: { file: columns.originFiles[file]!, line, format },
  };
}

export function idOf(columns: RecordColumns, n: number): string {
  return decoder.decode(columns.idBytes.read(columns.idStarts[n]!, columns.idStarts[n + 1]!));
}

/** The number of the record with this id, undefined when none has it. */
export function numberOfId(columns: RecordColumns, id: string): number | undefined {
  // Encoded into one reused buffer: a build numbers every id of the corpus (~1M at 9x), and an array per call was 4.5 s of it.
  if (id.length * 3 > scratch.length) scratch = new Uint8Array(id.length * 3);
  const length = encoder.encodeInto(id, scratch).written;
  const { idBytes, idStarts, idSlots } = columns;
  const mask = idSlots.length - 1;
  for (let slot = hashOf(scratch, 0, length) & mask; ; slot = (slot + 1) & mask) {
    const entry = idSlots[slot]!;
    if (entry === 0) return undefined;
    const n = entry - 1;
    const start = idStarts[n]!;
    // Only an id of the same length is read (from the snapshot file, after a start from one).
    if (idStarts[n + 1]! - start === length && sameBytes(idBytes.read(start, start + length), scratch, length)) return n;
  }
}

let scratch = new Uint8Array(256);

/** At most half full, so a miss ends within a probe or two; a power of two, so a slot is a mask away. */
function idTable(idBytes: Uint8Array, idStarts: Uint32Array): Uint32Array {
  const count = idStarts.length - 1;
  let size = 2;
  while (size < count * 2) size *= 2;
  const slots = new Uint32Array(size);
  const mask = size - 1;
  for (let n = 0; n < count; n += 1) {
    let slot = hashOf(idBytes, idStarts[n]!, idStarts[n + 1]!) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = n + 1;
  }
  return slots;
}

/** FNV-1a over bytes start … end - 1. */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array, length: number): boolean {
  for (let i = 0; i < length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function isoDate(day: number): string {
  const text = String(day);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

function byDateThenId(a: CorpusRecord, b: CorpusRecord): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
