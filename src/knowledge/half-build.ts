import { fileKind, type FileKind } from '../corpus/detect-format.ts';
import { readCorpusFile, type CorpusFile } from '../corpus/load-corpus.ts';
import type { SynonymSet } from '../corpus/parse-synonyms.ts';
import type { CorpusProblem, CorpusRecord } from '../model/record.ts';
import { dayNumber } from '../search/day-number.ts';
import { manifestCollector, type ManifestHalf } from './corpus-manifest.ts';

// The steps both threads of a two-thread build take over their half of the files (build-snapshot.ts).

/** A half of the corpus files as parsed: records in file order (not merged), problems and synonyms in file order. */
export interface ParsedHalf {
  records: CorpusRecord[];
  problems: CorpusProblem[];
  synonyms: SynonymSet[];
  manifest: ManifestHalf;
}

/** Reads and parses these files, with what each gives the manifest. */
export function parseHalf(files: readonly CorpusFile[], onFile: (filesRead: number, records: number) => void = () => {}): ParsedHalf {
  const records: CorpusRecord[] = [];
  const problems: CorpusProblem[] = [];
  const synonyms: SynonymSet[] = [];
  const manifest = manifestCollector();
  files.forEach((file, i) => {
    const outcome = readCorpusFile(file.path);
    for (const record of outcome.records) records.push(record);
    problems.push(...outcome.problems);
    if (outcome.synonyms !== null) synonyms.push(...outcome.synonyms);
    manifest.onFile(file, outcome);
    onFile(i + 1, records.length);
  });
  return { records, problems, synonyms, manifest: manifest.half() };
}

/**
 * What a byte of a file of this kind costs a build (its parse and its records' index) against a byte of JSON
 * Lines: WCEP's YAML day files are 237 bytes a record that parse in ~49 us; the JSON Lines at 9x 670 bytes a
 * record in ~15 us; indexing a record takes ~26 us either way.
 */
const PARSE_COST: Record<FileKind, number> = { jsonl: 1, wcep: 5, text: 5, synonyms: 1, ignored: 1 };

/** Where the front half of the files ends: nearest half of the parse's cost, estimated by bytes and kind (never in a file). */
export function frontFileCount(files: readonly CorpusFile[]): number {
  const costs = files.map((file) => file.size * PARSE_COST[fileKind(file.path)]);
  const half = costs.reduce((sum, cost) => sum + cost, 0) / 2;
  let cost = 0;
  for (let i = 0; i < files.length; i += 1) {
    const next = cost + costs[i]!;
    if (next >= half) return next - half < half - cost ? i + 1 : i;
    cost = next;
  }
  return files.length;
}

/** FNV-1a over each id's UTF-16 code units: equal ids, equal hashes; the other way round only mostly. */
export function idHashes(ids: readonly string[]): Int32Array {
  const hashes = new Int32Array(ids.length);
  ids.forEach((id, i) => {
    let hash = 0x811c9dc5;
    for (let k = 0; k < id.length; k += 1) hash = Math.imul(hash ^ id.charCodeAt(k), 0x01000193);
    hashes[i] = hash;
  });
  return hashes;
}

/** The positions in `hashes` of those `others` has too, ascending. */
export function positionsIn(hashes: Int32Array, others: Int32Array): Int32Array {
  const known = new Set(others);
  const positions: number[] = [];
  hashes.forEach((hash, i) => {
    if (known.has(hash)) positions.push(i);
  });
  return Int32Array.from(positions);
}

/**
 * A record moved costs its copy out and in (at 9x ~8 us and ~21 us) and its index on the other side, not here
 * (~26 us): more than a record of imbalance.
 */
const MOVE_COST = 2;

/** The day an undated record sorts as: after every date (column order puts undated records last). */
const UNDATED = 0x7fffffff;

function dayOf(record: CorpusRecord): number {
  return record.date === null ? UNDATED : dayNumber(record.date);
}

/** The records' days, ascending. */
export function sortedDays(records: readonly CorpusRecord[]): Int32Array {
  const days = new Int32Array(records.length);
  records.forEach((record, i) => {
    days[i] = dayOf(record);
  });
  return days.sort();
}

/**
 * The day from which records are the back thread's: the one that least adds the records moved between the
 * threads (MOVE_COST each) to how far the split is from half and half. With files in path order by date (as a
 * corpus of per-year files is) that is where the back half's dates begin, and few records move.
 */
export function choosePivot(front: Int32Array, back: Int32Array): number {
  const half = (front.length + back.length) / 2;
  let best = UNDATED;
  let bestCost = Number.POSITIVE_INFINITY;
  // i front and j back records are before the candidate day.
  let i = 0;
  let j = 0;
  for (;;) {
    const day = Math.min(front[i] ?? UNDATED, back[j] ?? UNDATED);
    const moved = front.length - i + j;
    const cost = MOVE_COST * moved + Math.abs(i + j - half);
    if (cost < bestCost) {
      bestCost = cost;
      best = day;
    }
    if (day === UNDATED) return best;
    while (front[i] === day) i += 1;
    while (back[j] === day) j += 1;
  }
}

/** The records before the pivot day (the front thread's) and those on or after it or undated (the back thread's). */
export function splitAtPivot(records: readonly CorpusRecord[], pivot: number): { before: CorpusRecord[]; after: CorpusRecord[] } {
  const before: CorpusRecord[] = [];
  const after: CorpusRecord[] = [];
  for (const record of records) (dayOf(record) < pivot ? before : after).push(record);
  return { before, after };
}

/** Messages from the other thread, taken in the order they are expected; a failure of that thread fails every wait. */
export class Inbox<Message extends { type: string }> {
  private readonly queue: Message[] = [];
  private waiting: { resolve: (message: Message) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  put(message: Message): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting === null) this.queue.push(message);
    else waiting.resolve(message);
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.reject(error);
    this.waiting = null;
  }

  async take<Type extends Message['type']>(type: Type): Promise<Extract<Message, { type: Type }>> {
    const message = await this.next();
    if (message.type !== type) throw new Error(`expected a '${type}' message from the other build thread, got '${message.type}'`);
    return message as Extract<Message, { type: Type }>;
  }

  private next(): Promise<Message> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }
}
