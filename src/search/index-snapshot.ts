import { crc32 } from 'node:zlib';
import type { CorpusProblem } from '../model/record.ts';
import { CorpusTables } from './corpus-tables.ts';
import { eachTerm, fieldLengthOf, indexShape, restoreMiniSearch, type IndexShape, type Postings } from './mini-search-internals.ts';
import type { RecordColumns } from './record-columns.ts';
import { CorpusIndex } from './search-index.ts';

/** Bump when tokenising, fields or the layout change: older snapshots are then rebuilt, never trusted. */
export const SNAPSHOT_FORMAT = 4;
const MAGIC = Buffer.from('KAESONG-INDEX\n', 'latin1');
const ALIGN = 8;
const SEPARATOR = '\u0000';

/** What a snapshot remembers besides the index, so a start from it reports what a fresh load would. */
export interface SnapshotMeta {
  fingerprint: string;
  files: number;
  problems: CorpusProblem[];
}

interface Header {
  format: number;
  meta: SnapshotMeta;
  shape: IndexShape;
  count: number;
  fields: number;
  sections: Record<SectionName, [offset: number, length: number]>;
  crc: number;
}

type SectionName =
  | 'encoded' | 'recordStarts' | 'days' | 'flags' | 'contextStarts' | 'contextIds' | 'ids' | 'contextNames'
  | 'originFiles' | 'frequencyTerms' | 'frequencies' | 'terms' | 'postings' | 'fieldLengths';

export class SnapshotRejected extends Error {
  override name = 'SnapshotRejected';
}

/** The whole index as one buffer: a small JSON header, then typed-array sections. */
export function encodeSnapshot(index: CorpusIndex, meta: SnapshotMeta): Buffer {
  const { columns } = index.tables;
  const shape = indexShape(index.miniSearch);
  const fields = Object.keys(shape.fieldIds).length;
  const terms: string[] = [];
  const postings = new GrowableUint32();
  for (const [term, byField] of eachTerm(index.miniSearch)) {
    terms.push(term);
    postings.push(byField.size);
    for (const [fieldId, docs] of byField) {
      postings.push(fieldId);
      postings.push(docs.size);
      for (const [n, frequency] of docs) {
        postings.push(n);
        postings.push(frequency);
      }
    }
  }
  const fieldLengths = new Uint32Array(columns.count * fields);
  for (let n = 0; n < columns.count; n += 1) {
    fieldLengthOf(index.miniSearch, n).forEach((length, field) => (fieldLengths[n * fields + field] = length ?? 0));
  }
  const frequency = index.tables.headlineTermFrequencies();
  const sections: Record<SectionName, Uint8Array> = {
    encoded: columns.encoded,
    recordStarts: bytes(columns.recordStarts),
    days: bytes(columns.days),
    flags: columns.flags,
    contextStarts: bytes(columns.contextStarts),
    contextIds: bytes(columns.contextIds),
    ids: Buffer.from(columns.ids.join(SEPARATOR)),
    contextNames: Buffer.from(columns.contextNames.join(SEPARATOR)),
    originFiles: Buffer.from(columns.originFiles.join(SEPARATOR)),
    frequencyTerms: Buffer.from([...frequency.keys()].join(SEPARATOR)),
    frequencies: bytes(Uint32Array.from(frequency.values())),
    terms: Buffer.from(terms.join(SEPARATOR)),
    postings: bytes(postings.view()),
    fieldLengths: bytes(fieldLengths),
  };
  const layout = {} as Header['sections'];
  let offset = 0;
  for (const [name, section] of Object.entries(sections) as [SectionName, Uint8Array][]) {
    layout[name] = [offset, section.length];
    offset = aligned(offset + section.length);
  }
  const body = Buffer.alloc(offset);
  for (const [name, section] of Object.entries(sections) as [SectionName, Uint8Array][]) body.set(section, layout[name][0]);
  const header: Header = { format: SNAPSHOT_FORMAT, meta, shape, count: columns.count, fields, sections: layout, crc: crc32(body) };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.alloc(aligned(MAGIC.length + 4 + headerBytes.length));
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(prefix, MAGIC.length + 4);
  return Buffer.concat([prefix, body]);
}

/**
 * The index a snapshot holds. Throws SnapshotRejected when it is not a snapshot of this format, was
 * made from another corpus (fingerprint), or any byte of it changed (CRC).
 */
export function decodeSnapshot(snapshot: Buffer, fingerprint: string): { index: CorpusIndex; meta: SnapshotMeta } {
  const { header, bodyStart } = readHeader(snapshot);
  if (header.meta.fingerprint !== fingerprint) throw new SnapshotRejected('made from other corpus files');
  const body = snapshot.subarray(bodyStart);
  if (crc32(body) !== header.crc) throw new SnapshotRejected('checksum mismatch (damaged file)');
  const section = (name: SectionName) => {
    const [offset, length] = header.sections[name];
    if (offset + length > body.length) throw new SnapshotRejected(`section ${name} is cut short`);
    return body.subarray(offset, offset + length);
  };
  const text = (name: SectionName) => (header.sections[name][1] === 0 ? [] : section(name).toString('utf8').split(SEPARATOR));
  const columns: RecordColumns = {
    count: header.count,
    ids: text('ids'),
    days: new Int32Array(ownBuffer(section('days'))),
    flags: new Uint8Array(section('flags')),
    contextStarts: new Uint32Array(ownBuffer(section('contextStarts'))),
    contextIds: new Uint32Array(ownBuffer(section('contextIds'))),
    contextNames: text('contextNames'),
    recordStarts: new Uint32Array(ownBuffer(section('recordStarts'))),
    encoded: new Uint8Array(section('encoded')),
    originFiles: text('originFiles'),
  };
  if (columns.ids.length !== header.count || columns.days.length !== header.count) throw new SnapshotRejected('record columns disagree');
  const frequencyTerms = text('frequencyTerms');
  const frequencies = new Uint32Array(ownBuffer(section('frequencies')));
  const headlineTermFrequency = new Map<string, number>();
  frequencyTerms.forEach((term, i) => headlineTermFrequency.set(term, frequencies[i]!));
  const fieldLengths = new Uint32Array(ownBuffer(section('fieldLengths')));
  const { fields } = header;
  const miniSearch = restoreMiniSearch(
    header.shape,
    columns.flags,
    (n) => Array.from(fieldLengths.subarray(n * fields, (n + 1) * fields)),
    readPostings(text('terms'), new Uint32Array(ownBuffer(section('postings')))),
  );
  return { index: new CorpusIndex(new CorpusTables(columns, headlineTermFrequency), miniSearch), meta: header.meta };
}

function* readPostings(terms: string[], postings: Uint32Array): Generator<[string, Postings]> {
  let p = 0;
  for (const term of terms) {
    const fieldCount = postings[p++]!;
    const byField: Postings = new Map();
    for (let f = 0; f < fieldCount; f += 1) {
      const fieldId = postings[p++]!;
      const size = postings[p++]!;
      const docs = new Map<number, number>();
      for (let i = 0; i < size; i += 1) docs.set(postings[p++]!, postings[p++]!);
      byField.set(fieldId, docs);
    }
    yield [term, byField];
  }
}

function readHeader(snapshot: Buffer): { header: Header; bodyStart: number } {
  if (snapshot.length < MAGIC.length + 4 || !snapshot.subarray(0, MAGIC.length).equals(MAGIC)) throw new SnapshotRejected('not an index snapshot');
  const headerLength = snapshot.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > snapshot.length) throw new SnapshotRejected('header is cut short');
  let header: Header;
  try {
    header = JSON.parse(snapshot.toString('utf8', MAGIC.length + 4, headerEnd)) as Header;
  } catch {
    throw new SnapshotRejected('header is not readable');
  }
  if (header.format !== SNAPSHOT_FORMAT) throw new SnapshotRejected(`format ${String(header.format)}, this version reads ${SNAPSHOT_FORMAT}`);
  return { header, bodyStart: aligned(headerEnd) };
}

function bytes(array: Uint32Array | Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** The section copied into its own ArrayBuffer, so a typed array can view it whatever its offset. */
function ownBuffer(section: Buffer): ArrayBuffer {
  const copy = new Uint8Array(section.length);
  copy.set(section);
  return copy.buffer;
}

function aligned(offset: number): number {
  return Math.ceil(offset / ALIGN) * ALIGN;
}

class GrowableUint32 {
  private array = new Uint32Array(1 << 20);
  private length = 0;

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Uint32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }

  view(): Uint32Array {
    return this.array.subarray(0, this.length);
  }
}
