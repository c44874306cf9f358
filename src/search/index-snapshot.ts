import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32 } from 'node:zlib';
import type { CorpusProblem } from '../model/record.ts';
import { restoreTermTree, runToEnd, type IndexShape, type TermTree } from './mini-search-internals.ts';
import type { PostingArrays } from './posting-lists.ts';
import type { RecordColumns } from './record-columns.ts';
import { CorpusIndex, type AliasSources } from './search-index.ts';
import type { AliasData } from './aliases.ts';
import { bytesInMemory, type ByteSource } from './byte-source.ts';

/** Bump when tokenising, fields or the layout change: older snapshots are then rebuilt, never trusted. */
export const SNAPSHOT_FORMAT = 9;
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
  /** Offsets from the end of the header: the hot sections, then the cold ones. */
  sections: Record<SectionName, [offset: number, length: number]>;
  hot: Part;
  cold: Part;
}

/** A run of sections and the CRC of its bytes (padding included). */
interface Part {
  length: number;
  crc: number;
}

/** What a start needs: everything a query reads for every candidate. */
const HOT_SECTIONS = [
  'recordStarts',
  'days',
  'flags',
  'contextStarts',
  'contextIds',
  'idStarts',
  'idSlots',
  'contextNames',
  'originFiles',
  'terms',
  'headlineCounts',
  'fieldLengths',
  'termStarts',
  'listFields',
  'listStarts',
  'postingRecords',
  'frequencies',
  'aliases',
  'aliasSources',
] as const;

/** Read only for the records shown or compared (two thirds of the file): a start leaves them in the file. */
const COLD_SECTIONS = ['encoded', 'idBytes'] as const;

type SectionName = (typeof HOT_SECTIONS)[number] | (typeof COLD_SECTIONS)[number];

export class SnapshotRejected extends Error {
  override name = 'SnapshotRejected';
}

/**
 * The whole index as one buffer: a small JSON header, the hot sections, then the cold ones, each
 * part with its own CRC so that a start can check the hot part and leave the cold one for later.
 */
export function encodeSnapshot(index: CorpusIndex, meta: SnapshotMeta): Buffer {
  const { columns } = index.tables;
  const { shape, terms, postings, headlineCounts, fieldLengths } = index.postings;
  const fields = Object.keys(shape.fieldIds).length;
  const sections: Record<SectionName, Uint8Array | ByteSource> = {
    recordStarts: bytes(columns.recordStarts),
    days: bytes(columns.days),
    flags: columns.flags,
    contextStarts: bytes(columns.contextStarts),
    contextIds: bytes(columns.contextIds),
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
    encoded: columns.encoded,
    idBytes: columns.idBytes,
  };
  // A source's bytes are read when used, and used before the next read (see ByteSource).
  const bytesOf = (name: SectionName) => {
    const section = sections[name];
    return section instanceof Uint8Array ? section : section.read(0, section.length);
  };
  // The checksums are taken section by section, so the snapshot is written once, straight into its buffer.
  const layout = {} as Header['sections'];
  let offset = 0;
  const part = (names: readonly SectionName[]): Part => {
    const start = offset;
    let crc = 0;
    for (const name of names) {
      const section = bytesOf(name);
      layout[name] = [offset, section.length];
      const end = aligned(offset + section.length);
      crc = crcOf(PADDING.subarray(0, end - offset - section.length), crcOf(section, crc));
      offset = end;
    }
    return { length: offset - start, crc };
  };
  const hot = part(HOT_SECTIONS);
  const cold = part(COLD_SECTIONS);
  const header: Header = { format: SNAPSHOT_FORMAT, meta, shape, count: columns.count, fields, sections: layout, hot, cold };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const bodyStart = aligned(MAGIC.length + 4 + headerBytes.length);
  // Its own memory (not a pooled slice), so it can be written or handed over without a copy.
  const snapshot = Buffer.allocUnsafeSlow(bodyStart + offset);
  MAGIC.copy(snapshot);
  snapshot.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(snapshot, MAGIC.length + 4);
  snapshot.fill(0, MAGIC.length + 4 + headerBytes.length, bodyStart);
  for (const name of [...HOT_SECTIONS, ...COLD_SECTIONS]) {
    const section = bytesOf(name);
    const start = bodyStart + layout[name][0];
    snapshot.set(section, start);
    snapshot.fill(0, start + section.length, bodyStart + aligned(layout[name][0] + section.length));
  }
  return snapshot;
}

/** The first bytes of a snapshot file that say how long its header is. */
export const SNAPSHOT_PREFIX_BYTES = MAGIC.length + 4;

/** Where a snapshot's parts are in its file, from its header. */
export interface SnapshotLayout {
  header: Header;
  /** Position of the hot part in the file; it is header.hot.length long. */
  hotStart: number;
  /** Position of the cold part in the file; it is cold.length long, and its CRC is cold.crc. */
  coldStart: number;
  cold: Part;
}

/** A snapshot read from its file in parts: the hot part in memory, the cold sections read from the file when needed. */
export interface SnapshotParts {
  layout: SnapshotLayout;
  hot: Buffer;
  /** The hot part's CRC when its reader took it as it read (otherwise taken here). */
  hotCrc?: number;
  /** length bytes of the file from position. */
  cold: (position: number, length: number) => ByteSource;
  /** The term tree, made while the rest of the hot part was read (earlyTermTree). */
  early?: EarlyTerms;
}

/** The terms section read apart and its tree; used only once its bytes are found the same as the checked hot part's. */
export interface EarlyTerms {
  bytes: Buffer;
  terms: string[];
  tree: TermTree;
  /** Empty until the hot part is decoded: the tree's postings read them only when searched. */
  arrays: PostingArrays;
}

/** Where the terms section is in the file, to be read apart from the rest of the hot part. */
export function termsSection(layout: SnapshotLayout): { position: number; length: number } {
  const [offset, length] = layout.header.sections.terms;
  if (offset + length > layout.header.hot.length) throw new SnapshotRejected('section terms is cut short');
  return { position: layout.hotStart + offset, length };
}

/** The term tree from the terms section's bytes, in steps, before the postings it points into are there. */
export function* earlyTermTree(bytes: Buffer): Generator<void, EarlyTerms> {
  const terms = bytes.length === 0 ? [] : bytes.toString('utf8').split(SEPARATOR);
  const arrays = {} as PostingArrays;
  const tree = yield* restoreTermTree(terms, arrays);
  return { bytes, terms, tree, arrays };
}

/** How many bytes of the file the header ends at, from its first SNAPSHOT_PREFIX_BYTES. */
export function snapshotHeaderEnd(prefix: Buffer): number {
  if (prefix.length < SNAPSHOT_PREFIX_BYTES || !prefix.subarray(0, MAGIC.length).equals(MAGIC))
    throw new SnapshotRejected('not an index snapshot');
  return SNAPSHOT_PREFIX_BYTES + prefix.readUInt32LE(MAGIC.length);
}

/** The layout of a snapshot of fileLength bytes from its first bytes (at least up to snapshotHeaderEnd). */
export function snapshotLayout(head: Buffer, fileLength: number): SnapshotLayout {
  const headerEnd = snapshotHeaderEnd(head);
  if (headerEnd > head.length) throw new SnapshotRejected('header is cut short');
  let header: Header;
  try {
    header = JSON.parse(head.toString('utf8', SNAPSHOT_PREFIX_BYTES, headerEnd)) as Header;
  } catch {
    throw new SnapshotRejected('header is not readable');
  }
  if (header.format !== SNAPSHOT_FORMAT)
    throw new SnapshotRejected(`format ${String(header.format)}, this version reads ${SNAPSHOT_FORMAT}`);
  const hotStart = aligned(headerEnd);
  const coldStart = hotStart + header.hot.length;
  if (coldStart + header.cold.length > fileLength) throw new SnapshotRejected('file is cut short');
  return { header, hotStart, coldStart, cold: header.cold };
}

/**
 * The index a snapshot holds. Throws SnapshotRejected when it is not a snapshot of this format, was
 * made from another corpus (fingerprint), or any byte of it changed (CRC). From parts of a file, only
 * the hot part's CRC is checked: the caller checks the cold part's (layout.cold) after the start.
 */
export function decodeSnapshot(snapshot: Buffer | SnapshotParts, fingerprint: string): DecodedSnapshot {
  return runToEnd(decodeSteps(snapshot, fingerprint));
}

/**
 * The same, letting the event loop run between steps of ~50 ms or less: for a new base decoded while
 * the bot answers. The record tables (~0.1 s on the archive) are still made in one step.
 */
export async function decodeSnapshotInSteps(snapshot: Buffer | SnapshotParts, fingerprint: string): Promise<DecodedSnapshot> {
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

/** A whole snapshot in memory as parts; its cold part is checked here too, with the hot one. */
function* inMemory(snapshot: Buffer): Generator<void, SnapshotParts> {
  const layout = snapshotLayout(snapshot, snapshot.length);
  const cold = snapshot.subarray(layout.coldStart, layout.coldStart + layout.cold.length);
  if ((yield* checksumOf(cold)) !== layout.cold.crc) throw new SnapshotRejected('checksum mismatch (damaged file)');
  return {
    layout,
    hot: snapshot.subarray(layout.hotStart, layout.coldStart),
    cold: (position, length) => bytesInMemory(snapshot.subarray(position, position + length)),
  };
}

function* checksumOf(bytes: Uint8Array): Generator<void, number> {
  let crc = 0;
  for (let start = 0; start < bytes.length; start += CRC_BYTES_PER_STEP) {
    crc = crcOf(bytes.subarray(start, start + CRC_BYTES_PER_STEP), crc);
    yield;
  }
  return crc;
}

function* decodeSteps(snapshot: Buffer | SnapshotParts, fingerprint: string): Generator<void, DecodedSnapshot> {
  const parts = Buffer.isBuffer(snapshot) ? yield* inMemory(snapshot) : snapshot;
  const { layout, hot: body } = parts;
  const { header } = layout;
  if (header.meta.fingerprint !== fingerprint) throw new SnapshotRejected('made from other corpus files');
  if (body.length !== header.hot.length) throw new SnapshotRejected('hot part is cut short');
  if ((parts.hotCrc ?? (yield* checksumOf(body))) !== header.hot.crc) throw new SnapshotRejected('checksum mismatch (damaged file)');
  const section = (name: SectionName) => {
    const [offset, length] = header.sections[name];
    if (offset + length > body.length) throw new SnapshotRejected(`section ${name} is cut short`);
    return body.subarray(offset, offset + length);
  };
  const coldSection = (name: SectionName) => {
    const [offset, length] = header.sections[name];
    if (offset < header.hot.length || offset + length > header.hot.length + header.cold.length)
      throw new SnapshotRejected(`section ${name} is out of place`);
    return parts.cold(layout.hotStart + offset, length);
  };
  const text = (name: SectionName) => (header.sections[name][1] === 0 ? [] : section(name).toString('utf8').split(SEPARATOR));
  // Typed arrays view the hot part's own memory: nothing is copied. The cold sections stay where they are.
  const uint32 = (name: SectionName) => view(Uint32Array, section(name));
  const columns: RecordColumns = {
    count: header.count,
    idBytes: coldSection('idBytes'),
    idStarts: uint32('idStarts'),
    idSlots: uint32('idSlots'),
    days: view(Int32Array, section('days')),
    flags: section('flags'),
    contextStarts: uint32('contextStarts'),
    contextIds: uint32('contextIds'),
    contextNames: text('contextNames'),
    recordStarts: uint32('recordStarts'),
    encoded: coldSection('encoded'),
    originFiles: text('originFiles'),
  };
  if (
    columns.idStarts.length !== header.count + 1 ||
    columns.idStarts[header.count] !== columns.idBytes.length ||
    columns.recordStarts.length !== header.count + 1 ||
    columns.recordStarts[header.count] !== columns.encoded.length ||
    columns.idSlots.length < header.count ||
    (columns.idSlots.length & (columns.idSlots.length - 1)) !== 0 ||
    columns.days.length !== header.count
  ) {
    throw new SnapshotRejected('record columns disagree');
  }
  const { early } = parts;
  // A tree made from the terms read apart is used only if they are the bytes the hot part's CRC covered.
  if (early !== undefined && !early.bytes.equals(section('terms'))) throw new SnapshotRejected('terms read apart differ from the hot part');
  const terms = early?.terms ?? text('terms');
  yield;
  const arrays: PostingArrays = {
    termStarts: uint32('termStarts'),
    listFields: section('listFields'),
    listStarts: uint32('listStarts'),
    records: uint32('postingRecords'),
    frequencies: view(Uint16Array, section('frequencies')),
  };
  const postings = {
    shape: header.shape,
    fieldLengths: uint32('fieldLengths'),
    terms,
    headlineCounts: uint32('headlineCounts'),
    postings: early === undefined ? arrays : Object.assign(early.arrays, arrays),
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
  const tree = early?.tree ?? (yield* restoreTermTree(terms, postings.postings));
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
