import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32 } from 'node:zlib';
import type { CorpusProblem } from '../model/record.ts';
import { restoreTermTree, runToEnd, type IndexShape } from './mini-search-internals.ts';
import type { RecordColumns } from './record-columns.ts';
import { CorpusIndex, type AliasSources } from './search-index.ts';
import type { AliasData } from './aliases.ts';

/** Bump when tokenising, fields or the layout change: older snapshots are then rebuilt, never trusted. */
export const SNAPSHOT_FORMAT = 8;
const MAGIC = Buffer.from('KAESONG-INDEX\n', 'latin1');
const ALIGN = 8;
const SEPARATOR = '\u0000';
const PADDING = new Uint8Array(ALIGN);

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
  | 'encoded'
  | 'recordStarts'
  | 'days'
  | 'flags'
  | 'contextStarts'
  | 'contextIds'
  | 'idBytes'
  | 'idStarts'
  | 'idSlots'
  | 'contextNames'
  | 'originFiles'
  | 'terms'
  | 'headlineCounts'
  | 'fieldLengths'
  | 'termStarts'
  | 'listFields'
  | 'listStarts'
  | 'postingRecords'
  | 'frequencies'
  | 'aliases'
  | 'aliasSources';

export class SnapshotRejected extends Error {
  override name = 'SnapshotRejected';
}

/** The whole index as one buffer: a small JSON header, then typed-array sections. */
export function encodeSnapshot(index: CorpusIndex, meta: SnapshotMeta): Buffer {
  const { columns } = index.tables;
  const { shape, terms, postings, headlineCounts, fieldLengths } = index.postings;
  const fields = Object.keys(shape.fieldIds).length;
  const sections: Record<SectionName, Uint8Array> = {
    encoded: columns.encoded,
    recordStarts: bytes(columns.recordStarts),
    days: bytes(columns.days),
    flags: columns.flags,
    contextStarts: bytes(columns.contextStarts),
    contextIds: bytes(columns.contextIds),
    idBytes: columns.idBytes,
    idStarts: bytes(columns.idStarts),
    idSlots: bytes(columns.idSlots),
    contextNames: Buffer.from(columns.contextNames.join(SEPARATOR)),
    originFiles: Buffer.from(columns.originFiles.join(SEPARATOR)),
    terms: Buffer.from(terms.join(SEPARATOR)),
    headlineCounts: bytes(headlineCounts),
    fieldLengths: bytes(fieldLengths),
    termStarts: bytes(postings.termStarts),
    listFields: postings.listFields,
    listStarts: bytes(postings.listStarts),
    postingRecords: bytes(postings.records),
    frequencies: bytes(postings.frequencies),
    aliases: Buffer.from(JSON.stringify(index.aliases)),
    aliasSources: Buffer.from(JSON.stringify(index.aliasSources)),
  };
  // The checksum is taken section by section, so the snapshot is written once, straight into its buffer.
  const layout = {} as Header['sections'];
  let offset = 0;
  let crc = 0;
  for (const [name, section] of Object.entries(sections) as [SectionName, Uint8Array][]) {
    layout[name] = [offset, section.length];
    const end = aligned(offset + section.length);
    crc = crcOf(PADDING.subarray(0, end - offset - section.length), crcOf(section, crc));
    offset = end;
  }
  const header: Header = { format: SNAPSHOT_FORMAT, meta, shape, count: columns.count, fields, sections: layout, crc };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const bodyStart = aligned(MAGIC.length + 4 + headerBytes.length);
  // Its own memory (not a pooled slice), so it can be written or handed over without a copy.
  const snapshot = Buffer.allocUnsafeSlow(bodyStart + offset);
  MAGIC.copy(snapshot);
  snapshot.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(snapshot, MAGIC.length + 4);
  snapshot.fill(0, MAGIC.length + 4 + headerBytes.length, bodyStart);
  for (const [name, section] of Object.entries(sections) as [SectionName, Uint8Array][]) {
    const start = bodyStart + layout[name][0];
    snapshot.set(section, start);
    snapshot.fill(0, start + section.length, bodyStart + aligned(layout[name][0] + section.length));
  }
  return snapshot;
}

/**
 * The index a snapshot holds. Throws SnapshotRejected when it is not a snapshot of this format, was
 * made from another corpus (fingerprint), or any byte of it changed (CRC).
 */
export function decodeSnapshot(snapshot: Buffer, fingerprint: string): DecodedSnapshot {
  return runToEnd(decodeSteps(snapshot, fingerprint));
}

/**
 * The same, letting the event loop run between steps of ~50 ms or less: for a new base decoded while
 * the bot answers. The record tables (~0.1 s on the archive) are still made in one step.
 */
export async function decodeSnapshotInSteps(snapshot: Buffer, fingerprint: string): Promise<DecodedSnapshot> {
  const steps = decodeSteps(snapshot, fingerprint);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await nextTurn();
  }
}

interface DecodedSnapshot {
  index: CorpusIndex;
  meta: SnapshotMeta;
}

const CRC_BYTES_PER_STEP = 16 * 1024 * 1024;

function* decodeSteps(snapshot: Buffer, fingerprint: string): Generator<void, DecodedSnapshot> {
  const { header, bodyStart } = readHeader(snapshot);
  if (header.meta.fingerprint !== fingerprint) throw new SnapshotRejected('made from other corpus files');
  const body = snapshot.subarray(bodyStart);
  let crc = 0;
  for (let start = 0; start < body.length; start += CRC_BYTES_PER_STEP) {
    crc = crcOf(body.subarray(start, start + CRC_BYTES_PER_STEP), crc);
    yield;
  }
  if (crc !== header.crc) throw new SnapshotRejected('checksum mismatch (damaged file)');
  const section = (name: SectionName) => {
    const [offset, length] = header.sections[name];
    if (offset + length > body.length) throw new SnapshotRejected(`section ${name} is cut short`);
    return body.subarray(offset, offset + length);
  };
  const text = (name: SectionName) => (header.sections[name][1] === 0 ? [] : section(name).toString('utf8').split(SEPARATOR));
  // Typed arrays view the snapshot's own memory: the buffer is the index, nothing is copied.
  const uint32 = (name: SectionName) => view(Uint32Array, section(name));
  const columns: RecordColumns = {
    count: header.count,
    idBytes: section('idBytes'),
    idStarts: uint32('idStarts'),
    idSlots: uint32('idSlots'),
    days: view(Int32Array, section('days')),
    flags: section('flags'),
    contextStarts: uint32('contextStarts'),
    contextIds: uint32('contextIds'),
    contextNames: text('contextNames'),
    recordStarts: uint32('recordStarts'),
    encoded: section('encoded'),
    originFiles: text('originFiles'),
  };
  if (
    columns.idStarts.length !== header.count + 1 ||
    columns.idStarts[header.count] !== columns.idBytes.length ||
    columns.idSlots.length < header.count ||
    (columns.idSlots.length & (columns.idSlots.length - 1)) !== 0 ||
    columns.days.length !== header.count
  ) {
    throw new SnapshotRejected('record columns disagree');
  }
  const terms = text('terms');
  yield;
  const postings = {
    shape: header.shape,
    fieldLengths: uint32('fieldLengths'),
    terms,
    headlineCounts: uint32('headlineCounts'),
    postings: {
      termStarts: uint32('termStarts'),
      listFields: section('listFields'),
      listStarts: uint32('listStarts'),
      records: uint32('postingRecords'),
      frequencies: view(Uint16Array, section('frequencies')),
    },
  };
  const { termStarts, listStarts, records, frequencies } = postings.postings;
  if (
    termStarts.length !== terms.length + 1 ||
    postings.headlineCounts.length !== terms.length ||
    listStarts.length !== termStarts[terms.length]! + 1 ||
    records.length !== listStarts[listStarts.length - 1] ||
    frequencies.length !== records.length ||
    postings.fieldLengths.length !== header.count * header.fields
  ) {
    throw new SnapshotRejected('posting sections disagree');
  }
  const tree = yield* restoreTermTree(terms, postings.postings);
  yield;
  const index = new CorpusIndex(columns, postings, readAliases(section('aliases')), readAliasSources(section('aliasSources')), tree);
  return { index, meta: header.meta };
}

function readJson(section: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(section.buffer, section.byteOffset, section.length).toString('utf8'));
  } catch {
    return undefined;
  }
}

function readAliasSources(section: Uint8Array): AliasSources {
  const sources = readJson(section) as AliasSources | undefined;
  if (Array.isArray(sources?.synonyms) && Array.isArray(sources.acronyms?.names) && Array.isArray(sources.acronyms.contexts))
    return sources;
  throw new SnapshotRejected('alias sources are not readable');
}

function readAliases(section: Uint8Array): AliasData {
  const aliases = readJson(section) as AliasData | undefined;
  if (Array.isArray(aliases?.sets) && Array.isArray(aliases.capitalsOnly)) return aliases;
  throw new SnapshotRejected('aliases are not readable');
}

function readHeader(snapshot: Buffer): { header: Header; bodyStart: number } {
  if (snapshot.length < MAGIC.length + 4 || !snapshot.subarray(0, MAGIC.length).equals(MAGIC))
    throw new SnapshotRejected('not an index snapshot');
  const headerLength = snapshot.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > snapshot.length) throw new SnapshotRejected('header is cut short');
  let header: Header;
  try {
    header = JSON.parse(snapshot.toString('utf8', MAGIC.length + 4, headerEnd)) as Header;
  } catch {
    throw new SnapshotRejected('header is not readable');
  }
  if (header.format !== SNAPSHOT_FORMAT)
    throw new SnapshotRejected(`format ${String(header.format)}, this version reads ${SNAPSHOT_FORMAT}`);
  return { header, bodyStart: aligned(headerEnd) };
}

function bytes(array: Uint32Array | Int32Array | Uint16Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

type ArrayType<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

/** A typed array over a section's bytes, copied only when they are not aligned for it (a pooled buffer). */
function view<T>(Type: ArrayType<T>, section: Uint8Array): T {
  if (section.length % Type.BYTES_PER_ELEMENT !== 0) throw new SnapshotRejected('a section has a broken length');
  const bytes = section.byteOffset % Type.BYTES_PER_ELEMENT === 0 ? section : Uint8Array.from(section);
  return new Type(bytes.buffer, bytes.byteOffset, bytes.length / Type.BYTES_PER_ELEMENT);
}

/** Node 20's crc32 returns 0 for an empty array over an empty buffer (a corpus without story labels has one): skip those. */
function crcOf(bytes: Uint8Array, crc: number): number {
  return bytes.length === 0 ? crc : crc32(bytes, crc);
}

function aligned(offset: number): number {
  return Math.ceil(offset / ALIGN) * ALIGN;
}
