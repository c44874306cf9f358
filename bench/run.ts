/**
 * npm run bench: parse, build, snapshot, memory, query and related latency, and end-to-end slash
 * command latency on the full WCEP corpus, beside MiniSearch with default options as the baseline.
 * Prints figures and writes bench/results.json. Skips when ../shared/data/wcep is absent.
 * `npm run bench -- --scale N` runs it on WCEP and N - 1 shifted copies (bench/scale-corpus.ts), without
 * the MiniSearch baseline and the judged relevance, and writes bench/results-scale-N.json.
 * `npm run bench` runs it bundled by esbuild, as `npm start` runs the bot: tsx's per-function helpers
 * would otherwise be timed too. Paths are relative to this file's folder, one below the project's.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch, { type SearchResult } from 'minisearch';
import { loadCorpus } from '../src/corpus/load-corpus.ts';
import { createSearchIndex } from '../src/search/search-index.ts';
import { decodeSnapshot, encodeSnapshot } from '../src/search/index-snapshot.ts';
import { SnapshotFile } from '../src/knowledge/snapshot-file.ts';
import { parseQuery } from '../src/query/parse-query.ts';
import type { CorpusRecord } from '../src/model/record.ts';
import type { DateFilter } from '../src/model/query.ts';
import { BENCH_QUERIES, type QueryKind } from './queries.ts';
import { buildBundle, measureReadyTime, measureSlashCommands } from './app-timing.ts';
import { runLiveUpdates } from './live-updates.ts';
import { percentiles, type Percentiles } from './percentiles.ts';
import { measureLiveIndex } from './live-index-timing.ts';
import { readRawEvents } from '../tests/relevance/raw-events.ts';
import { judge, readJudgedQueries, type Judgement } from '../tests/relevance/judge.ts';
import { judgedIndex, judgeSearcher, JUDGED_AT } from '../tests/relevance/judge-searcher.ts';
import { describeQuality, loadJudgedSet, measureRelated } from '../tests/relevance/related/judged-set.ts';
import { scaledCopies, scaleOf } from './scale-corpus.ts';
import { timeSlowKinds } from './slow-kinds.ts';

const WCEP = new URL('../../shared/data/wcep', import.meta.url).pathname;
const CORPUS = new URL('../corpus', import.meta.url).pathname;
const JUDGED_RELATED = new URL('../tests/relevance/related', import.meta.url).pathname;
const ROUNDS = 30;
/** Enough ids that p99 is not just the third-slowest call. */
const RELATED_SAMPLE = 1_000;
const NOW = new Date('2026-11-23T09:00:00Z');

if (!existsSync(WCEP)) {
  console.log(`bench: skipped, ${WCEP} is not here (the benchmark needs the full WCEP corpus)`);
  process.exit(0);
}

const results: Record<string, unknown> = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  at: new Date().toISOString(),
};
const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

// `--scale N`: the same bench on WCEP and N - 1 shifted copies of it (bench/scale-corpus.ts).
const SCALE = scaleOf(process.argv.slice(2));
const dirs = SCALE === 1 ? [CORPUS, WCEP] : [CORPUS, WCEP, await scaledCopies(WCEP, SCALE)];
results.scale = SCALE;
// The bot's own start-up and latency first, while this process is small and idle.
const cache = await mkdtemp(join(tmpdir(), 'kaesong-bench-'));
buildBundle();
try {
  await mkdir(cache, { recursive: true });
  const cold = await measureReadyTime(dirs, cache);
  const warm = [await measureReadyTime(dirs, cache), await measureReadyTime(dirs, cache), await measureReadyTime(dirs, cache)];
  const warmMedian = warm.map((run) => run.readyMs).sort((a, b) => a - b)[1]!;
  line('ready: process start → /healthz 200 + answer', `cold ${ms(cold.readyMs)}, from snapshot ${ms(warmMedian)} (median of 3)`);
  const coldRss = `cold start: ${mb(cold.rssBytes)}, ${mb(cold.settledRssBytes)}`;
  line(
    'RSS of the bot with the corpus loaded',
    `${mb(warm[1]!.rssBytes)} at the first answer, ${mb(warm[1]!.settledRssBytes)} 10 s later (${coldRss})`,
  );
  const slash = await measureSlashCommands(dirs, cache, 200);
  line('slash command, signed request → ack with cards', fmt(slash));
  results.app = {
    coldReadyMs: cold.readyMs,
    snapshotReadyMs: warm.map((run) => run.readyMs),
    rssBytes: warm[1]!.rssBytes,
    settledRssBytes: warm[1]!.settledRssBytes,
    coldRssBytes: cold.rssBytes,
    coldSettledRssBytes: cold.settledRssBytes,
    slashCommand: slash,
  };
} finally {
  await rm(cache, { recursive: true, force: true });
}
results.liveUpdates = await runLiveUpdates(dirs, line);
console.log('');

// Ours is timed before the baseline is built, each after a full GC, so neither pays for the other's
// garbage; the bot's process holds only its own index.
const { loaded, records, relatedIds, relatedWarmUpIds } = await buildOurs();
const kinds = Object.keys(BENCH_QUERIES) as QueryKind[];
const parsedQueries = (kind: QueryKind) => BENCH_QUERIES[kind].map((text) => parseQuery(text, { now: NOW }));
collectGarbage();
const ours = Object.fromEntries(
  kinds.map((kind) => [kind, timeQueries(parsedQueries(kind).map((query) => () => loaded.search(query, { limit: 5, relatedLimit: 0 })))]),
);
const all = timeQueries(
  Object.values(BENCH_QUERIES)
    .flat()
    .map((text) => () => loaded.search(parseQuery(text, { now: NOW }), { limit: 5, relatedLimit: 0 })),
);
// Warmed on other ids first, as a running bot is: the ids timed are still uncached.
for (const id of relatedWarmUpIds) loaded.related(id, 3);
const related = percentiles(
  relatedIds.map((id) => {
    const start = performance.now();
    loaded.related(id, 3);
    return performance.now() - start;
  }),
);

// The baseline and the judged relevance are the 1× comparison; at N× the baseline alone would take minutes.
const baseline = SCALE === 1 ? buildBaseline(records) : null;
if (baseline !== null) line('baseline build (MiniSearch defaults)', ms(baseline.buildMs));
collectGarbage();
const queries: Record<string, { ours: Percentiles; baseline?: Percentiles }> = {};
console.log(`\nquery latency over ${ROUNDS} rounds${baseline === null ? '' : ' (ours vs MiniSearch defaults)'}: p50 / p95 / p99`);
for (const kind of kinds) {
  const texts = BENCH_QUERIES[kind];
  if (baseline === null) {
    queries[kind] = { ours: ours[kind]! };
    line(`  ${kind}`, fmt(ours[kind]!));
    continue;
  }
  const base = timeQueries(parsedQueries(kind).map((query, i) => () => baseline.search(texts[i]!, kind, query.date)));
  queries[kind] = { ours: ours[kind]!, baseline: base };
  line(`  ${kind}`, `${fmt(ours[kind]!)}   vs ${fmt(base)}   (p99 ×${(base.p99 / ours[kind]!.p99).toFixed(1)} faster)`);
}
line('  all kinds, parse + search', fmt(all));
results.queries = { ...queries, all };
results.slowKinds = timeSlowKinds(loaded, NOW, ROUNDS, line);
line(`related events (${RELATED_SAMPLE} uncached ids, after warm-up)`, fmt(related));
results.related = related;
const live = measureLiveIndex(
  loaded,
  Object.values(BENCH_QUERIES)
    .flat()
    .map((text) => parseQuery(text, { now: NOW })),
);
const addThenQuery = Object.entries(live.addThenQueryMs).map(([, { upsertMs, firstQueryMs }]) => `${ms(upsertMs)} + ${ms(firstQueryMs)}`);
line('live index: 1st / 100th / 1,000th add + query', addThenQuery.join(' / '));
line('live index: queries after 1,000 adds', `${fmt(live.queriesAfter)}   (base alone ${fmt(live.queriesOnBase)})`);
results.liveIndex = live;
// What a reporter would keep, as tests/relevance/related gates it: three shown under a card.
const relatedQuality = measureRelated(loadJudgedSet(JUDGED_RELATED), (id) => loaded.related(id, 3));
line('related events, judged set', describeQuality(relatedQuality));
results.relatedQuality = { ...relatedQuality, unjudged: relatedQuality.unjudged.length };
if (baseline !== null) results.relevance = await judgedRelevance(baseline);

const resultsFile = SCALE === 1 ? 'results.json' : `results-scale-${SCALE}.json`;
await writeFile(new URL(`../bench/${resultsFile}`, import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten: bench/${resultsFile}`);

/** Each query timed on its own (a batch average would hide the slow ones p99 is about), after one warm-up. */
function timeQueries(queries: (() => unknown)[]): Percentiles {
  for (const query of queries) query();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const query of queries) {
      const start = performance.now();
      query();
      times.push(performance.now() - start);
    }
  }
  return percentiles(times);
}

function fmt(p: Percentiles): string {
  return `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}`;
}

/** A full collection when the bench runs with --expose-gc (npm run bench does). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function buildOurs() {
  let started = performance.now();
  const corpus = await loadCorpus(dirs);
  const parseMs = performance.now() - started;
  line(`parse (${corpus.files} files)`, `${ms(parseMs)}, ${corpus.records.length} records, ${corpus.problems.length} problems`);

  started = performance.now();
  const index = createSearchIndex(corpus.records, corpus.synonyms);
  const buildMs = performance.now() - started;
  line('build index', ms(buildMs));

  started = performance.now();
  const snapshot = encodeSnapshot(index, { fingerprint: 'bench', files: corpus.files, problems: corpus.problems });
  const encodeMs = performance.now() - started;
  // Loaded from its file as the bot starts from it: the queries below read record bodies and ids from there.
  const folder = await mkdtemp(join(tmpdir(), 'kaesong-bench-snapshot-'));
  const path = join(folder, 'index.snapshot');
  await writeFile(path, snapshot);
  started = performance.now();
  const { parts } = await SnapshotFile.open(path);
  const loaded = decodeSnapshot(parts, 'bench').index;
  const decodeMs = performance.now() - started;
  await rm(folder, { recursive: true, force: true });
  const { cold } = parts.layout;
  line('snapshot encode / load', `${ms(encodeMs)} / ${ms(decodeMs)}, ${mb(snapshot.length)} (cold, left in the file: ${mb(cold.length)})`);
  results.build = {
    records: corpus.records.length,
    files: corpus.files,
    problems: corpus.problems.length,
    parseMs,
    buildMs,
    snapshotEncodeMs: encodeMs,
    snapshotLoadMs: decodeMs,
    snapshotBytes: snapshot.length,
    snapshotColdBytes: cold.length,
  };

  const events = corpus.records.filter((record) => !record.stub).map((record) => record.id);
  // Every step-th event from 0 is timed, from 1 warms up: the two never share an id.
  const step = Math.max(2, Math.floor(events.length / RELATED_SAMPLE));
  return {
    loaded,
    records: corpus.records,
    relatedIds: sample(events, step, 0, RELATED_SAMPLE),
    relatedWarmUpIds: sample(events, step, 1, 300),
  };
}

/** Up to `count` items: every `step`-th from `offset`. */
function sample<T>(items: T[], step: number, offset: number, count: number): T[] {
  return items.filter((_, i) => i % step === offset).slice(0, count);
}

function buildBaseline(records: CorpusRecord[]) {
  const start = performance.now();
  const miniSearch = new MiniSearch<{ id: number; title: string; summary: string; body: string; contexts: string; date: string | null }>({
    fields: ['title', 'summary', 'body', 'contexts'],
    storeFields: ['date'],
  });
  miniSearch.addAll(
    records.map((record, id) => ({
      id,
      title: record.title,
      summary: record.summary,
      body: record.body,
      contexts: record.contexts.join(' '),
      date: record.date,
    })),
  );
  const buildMs = performance.now() - start;
  const inRangeOf = (date: DateFilter | null) => (result: SearchResult) =>
    date?.kind !== 'range' ||
    (result.date != null &&
      (date.range.from === null || result.date >= date.range.from) &&
      (date.range.to === null || result.date <= date.range.to));
  return {
    buildMs,
    /** MiniSearch's default search (any word, exact), in the date range. */
    searchDefault(text: string, date: DateFilter | null) {
      return miniSearch.search(text, { filter: inRangeOf(date) });
    },
    search(text: string, kind: QueryKind, date: DateFilter | null) {
      const inRange = inRangeOf(date);
      if (kind === 'timeline') {
        return miniSearch
          .search(MiniSearch.wildcard, { filter: inRange })
          .sort((a, b) => String(a.date).localeCompare(String(b.date)))
          .slice(0, 5);
      }
      const options = kind === 'fuzzy' ? { fuzzy: 0.2, prefix: true } : {};
      return miniSearch.search(text, { ...options, ...(kind === 'date-filtered' ? { filter: inRange } : {}) }).slice(0, 5);
    },
  };
}

async function judgedRelevance(baseline: ReturnType<typeof buildBaseline>) {
  // Relevance on the judged set (tests/relevance), as its test computes it: our index over the WCEP
  // archive and the editors' synonyms; the baseline is the MiniSearch above with its default search
  // (any word, no typos), the query's date as a filter, and the bundled corpus's few records left out.
  console.log('');
  // Files by path from this file's folder: the bundle runs from .bench/, not from tests/relevance/.
  const judgedQueries = readJudgedQueries(new URL('../tests/relevance/judged-queries.yaml', import.meta.url));
  const rawEvents = readRawEvents(WCEP);
  const judgedOurs = judgeSearcher(await judgedIndex(WCEP, join(CORPUS, 'synonyms.txt')), rawEvents, judgedQueries);
  const judgedBaseline = judge(judgedQueries, rawEvents, (text) => {
    const query = parseQuery(text, { now: JUDGED_AT });
    return baseline
      .searchDefault([...query.terms, ...query.phrases].join(' '), query.date)
      .map((result) => records[result.id as number]!)
      .filter((record) => record.origin.file.startsWith(WCEP))
      .slice(0, 20)
      .map((record) => ({ date: record.date, title: record.title }));
  });
  const relevance = (j: Judgement) => `P@10 ${j.meanPrecisionAt10.toFixed(3)}, R@20 ${j.meanRecallAt20.toFixed(3)}`;
  line(
    `relevance, ${judgedOurs.queries.length} judged queries (mean)`,
    `${relevance(judgedOurs)}   vs ${relevance(judgedBaseline)}   (target P@10 ≥ 0.92, R@20 ≥ 0.93)`,
  );
  return { ours: judgedOurs, baseline: judgedBaseline };
}
