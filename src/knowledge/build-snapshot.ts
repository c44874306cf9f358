import { entryUrl } from './entry-url.ts';
import { Worker } from 'node:worker_threads';
import { contributionsOf } from '../corpus/contributions.ts';
import { groupRecords, mergedGroups } from '../corpus/merge-records.ts';
import { loadCorpus, missingFolders, type CorpusFile } from '../corpus/load-corpus.ts';
import { joinPostings, PostingsBuilder, type PostingsPieces } from '../search/build-postings.ts';
import { tallyAcronyms, type AcronymTally } from '../search/mine-aliases.ts';
import { inColumnOrder, joinColumns, numberOfId, originFilesOf, recordColumns, type RecordColumns } from '../search/record-columns.ts';
import type { SynonymSet } from '../corpus/parse-synonyms.ts';
import type { CorpusProblem } from '../model/record.ts';
import { createSearchIndex, indexOfParts } from '../search/search-index.ts';
import { encodeSnapshot } from '../search/index-snapshot.ts';
import type { BuildProgress, BuildTimings } from './build-messages.ts';
import { manifestCollector, manifestOfHalves, numberedHalf, type CorpusManifest, type NumberedHalf } from './corpus-manifest.ts';
import { choosePivot, frontFileCount, idHashes, Inbox, parseHalf, positionsIn, sortedDays, splitAtPivot } from './half-build.ts';
import { columnsOf, postingsOf, type FromBack, type ToBack } from './half-messages.ts';

const FILES_PER_PROGRESS = 1_000;

/**
 * Parses the corpus folders and builds the index as snapshot bytes, with what each file gave it (by
 * record number: see CorpusManifest): the same steps in a build process or in place.
 * With `threads: 2` each thread parses half of the files (by bytes) and builds the index of half of the
 * records (by date), joined at the end (the snapshot and manifest are byte for byte the same).
 */
export async function buildSnapshot(
  dirs: readonly string[],
  files: readonly CorpusFile[],
  fingerprint: string,
  onProgress: (progress: BuildProgress) => void = () => {},
  threads: 1 | 2 = 1,
  /** The second thread's code (tests give one that fails). */
  backThreadCode: URL = backThreadUrl(),
): Promise<BuiltSnapshot> {
  if (threads === 1 || files.length < 2) return buildInOne(dirs, files, fingerprint, onProgress);
  try {
    return await buildInTwo(dirs, files, fingerprint, onProgress, backThreadCode);
  } catch (error) {
    // The second thread is a speed-up, not a requirement: without it (out of memory, say) the build is done again in one.
    if (!(error instanceof BackThreadFailed)) throw error;
    return buildInOne(dirs, files, fingerprint, onProgress);
  }
}

interface BuiltSnapshot {
  snapshot: Buffer;
  manifest: CorpusManifest;
  timings: BuildTimings;
  /** How many threads built it: 1 after a second thread failed. */
  threads: 1 | 2;
}

class BackThreadFailed extends Error {}

async function buildInOne(
  dirs: readonly string[],
  files: readonly CorpusFile[],
  fingerprint: string,
  onProgress: (progress: BuildProgress) => void,
): Promise<BuiltSnapshot> {
  const started = performance.now();
  let lastReport = 0;
  const collector = manifestCollector();
  const corpus = await loadCorpus(dirs, {
    files,
    onFile: collector.onFile,
    onProgress: ({ filesRead, filesTotal, records }) => {
      if (filesRead - lastReport < FILES_PER_PROGRESS && filesRead !== filesTotal) return;
      lastReport = filesRead;
      onProgress({ step: 'reading', done: filesRead, total: filesTotal, records });
    },
  });
  const parsed = performance.now();
  onProgress({ step: 'indexing', done: 0, total: corpus.records.length, records: corpus.records.length });
  const index = createSearchIndex(corpus.records, corpus.synonyms);
  const built = performance.now();
  const manifest = collector.manifest(fingerprint, (id) => index.tables.numberOf(id));
  const snapshot = encodeSnapshot(index, { fingerprint, files: corpus.files, problems: corpus.problems });
  return {
    snapshot,
    manifest,
    timings: { parseMs: parsed - started, buildMs: built - parsed, encodeMs: performance.now() - built },
    threads: 1,
  };
}

/**
 * The front half of the files parsed here, the back half in a second thread. Ids both halves give something to
 * are merged here (their records and stubs in file order, as one thread would group them); then the records
 * before a pivot day are this thread's, the others the back thread's, each building the columns, postings and
 * acronyms of its records, which this thread joins after its own: record numbers are this thread's then the
 * back thread's, which is column order.
 */
async function buildInTwo(
  dirs: readonly string[],
  files: readonly CorpusFile[],
  fingerprint: string,
  onProgress: (progress: BuildProgress) => void,
  code: URL,
): Promise<BuiltSnapshot> {
  const started = performance.now();
  const back = backThread(code);
  try {
    const front = await frontHalf(files, back, onProgress);
    const half = await back.inbox.take('built');
    const columns = joinColumns(front.columns, columnsOf(half.columns));
    const { count } = columns;
    front.tally.join(half.acronyms);
    const postings = joinPostings([front.postings, postingsOf(half.postings)], count);
    const index = indexOfParts(columns, postings, [...front.synonyms, ...half.synonyms], front.tally);
    const builtAt = performance.now();
    const manifest = manifestOfHalves(fingerprint, [front.manifest, half.manifest], (id) => numberOfId(columns, id));
    const problems = [...missingFolders(dirs), ...front.problems, ...half.problems];
    const snapshot = encodeSnapshot(index, { fingerprint, files: files.length, problems });
    return {
      snapshot,
      manifest,
      timings: { parseMs: front.parsedAt - started, buildMs: builtAt - front.parsedAt, encodeMs: performance.now() - builtAt },
      threads: 2,
    };
  } finally {
    back.stop();
  }
}

/**
 * The front half's part of the index (see buildInTwo), its records left behind: no longer reachable while the
 * halves are joined, they cost the collections then nothing (at 9x they made the join's few large arrays take seconds).
 */
async function frontHalf(
  files: readonly CorpusFile[],
  back: BackThread,
  onProgress: (progress: BuildProgress) => void,
): Promise<{
  columns: RecordColumns;
  postings: PostingsPieces;
  tally: AcronymTally;
  manifest: NumberedHalf;
  problems: CorpusProblem[];
  synonyms: SynonymSet[];
  parsedAt: number;
}> {
  const frontCount = frontFileCount(files);
  back.send({ type: 'start', files: files.slice(frontCount) });
  const parsed = parseHalf(files.slice(0, frontCount), (filesRead, records) => {
    if (filesRead % FILES_PER_PROGRESS === 0) onProgress({ step: 'reading', done: filesRead, total: files.length, records });
  });
  const groups = groupRecords(parsed.records);
  const { hashes } = await back.inbox.take('ids');
  back.send({ type: 'candidates', positions: positionsIn(hashes, idHashes([...groups.keys()])) });
  const { ids } = await back.inbox.take('candidates');
  const cross = ids.filter((id) => groups.has(id));
  back.send({ type: 'cross', ids: cross });
  const ours = contributionsOf(parsed.records, new Set(cross));
  const { contributions: theirs } = await back.inbox.take('groups');
  cross.forEach((id, i) => {
    const [front, after] = [ours.get(id)!, theirs[i]!];
    groups.set(id, [...front.records, ...after.records, ...front.stubs, ...after.stubs]);
  });
  const merged = mergedGroups(groups);
  const { days } = await back.inbox.take('days');
  const pivot = choosePivot(sortedDays(merged), days);
  back.send({ type: 'pivot', pivot });
  const { before, after } = splitAtPivot(merged, pivot);
  back.send({ type: 'records', records: after });
  const { records: moved } = await back.inbox.take('records');
  const sorted = inColumnOrder(moved.length === 0 ? before : [...before, ...moved]);
  back.send({ type: 'front', count: sorted.length, originFiles: originFilesOf(sorted) });
  const parsedAt = performance.now();
  onProgress({ step: 'indexing', done: 0, total: sorted.length, records: sorted.length });
  const postings = new PostingsBuilder();
  postings.add(sorted, 0, sorted.length);
  const columns = recordColumns(sorted);
  return {
    columns,
    postings: postings.pieces(),
    tally: tallyAcronyms(sorted),
    manifest: numberedHalf(parsed.manifest, (id) => numberOfId(columns, id)),
    problems: parsed.problems,
    synonyms: parsed.synonyms,
    parsedAt,
  };
}

interface BackThread {
  send: (message: ToBack) => void;
  inbox: Inbox<FromBack>;
  stop: () => void;
}

/** Starts the back thread: its messages come to `inbox`, which fails with BackThreadFailed when the thread does. */
function backThread(code: URL): BackThread {
  const worker = new Worker(code, { execArgv: [] });
  const inbox = new Inbox<FromBack>();
  worker.on('message', (message: FromBack) => inbox.put(message));
  worker.once('error', (error) => inbox.fail(new BackThreadFailed(`the second build thread failed: ${error.message}`, { cause: error })));
  worker.once('exit', (code) => inbox.fail(new BackThreadFailed(`the second build thread stopped (exit code ${code})`)));
  return { send: (message) => worker.postMessage(message), inbox, stop: () => void worker.terminate() };
}

function backThreadUrl(): URL {
  return entryUrl(import.meta.url, 'half-build-thread-boot.mjs', 'half-build-thread.mjs');
}
