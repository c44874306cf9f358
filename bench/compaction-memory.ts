/**
 * Memory and main-thread cost of a compaction (issue 12): `node --import tsx bench/compaction-memory.ts
 * <runs> <corpus folders...>`. Each run, in fresh processes: a snapshot is made; a start from it, 10,000
 * one-event records added in one file and applied, then compacted, RSS 10 s later; a fresh start on the
 * same files, RSS 10 s later. The longest event-loop stall during the compaction (build and swap) is
 * what a slash ack could have waited. Prints each run and the medians as JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { liveKnowledge } from '../src/knowledge/live-knowledge.ts';
import type { Logger } from '../src/model/logger.ts';
import { ALLOCATOR_ENV } from './allocator-env.ts';
import { eventLine } from './live-updates.ts';

const RECORDS = 10_000;
const SETTLE_MS = 10_000;
const MB = 1024 * 1024;
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Phase = 'snapshot' | 'compact' | 'fresh';

interface PhaseFigures {
  rssMb: number;
  heapMb: number;
  externalMb: number;
  rssAfterGcMb: number;
  heapAfterGcMb: number;
  compactionMs?: number;
  /** Longest stall of this thread while the compaction ran, and the 99th percentile of the loop delay. */
  stallMaxMs?: number;
  stallP99Ms?: number;
  longestGapMs?: number;
}

async function phase(name: Phase, cacheDir: string, dirs: string[]): Promise<PhaseFigures> {
  // Compacted when asked only: the addition alone would start one, and asking again would queue a second.
  const live = liveKnowledge(dirs, { cacheDir, logger: quiet, onIndex: () => {}, watchDelayMs: 3_600_000, compactAt: 1e9 });
  await live.ready;
  const figures: Partial<PhaseFigures> = {};
  if (name === 'compact') {
    await writeFile(
      join(dirs.at(-1)!, 'bulk.jsonl'),
      Array.from({ length: RECORDS }, (_, i) => eventLine(`Zqxbulk${i} tariff`, i)).join(''),
    );
    await live.reload();
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    // The longest gap between ticks of a 5 ms timer: how long a slash ack arriving then could have waited.
    let tick = performance.now();
    let longestGap = 0;
    const ticking = setInterval(() => {
      longestGap = Math.max(longestGap, performance.now() - tick);
      tick = performance.now();
    }, 5);
    const started = performance.now();
    await live.compact();
    figures.compactionMs = Math.round(performance.now() - started);
    delay.disable();
    clearInterval(ticking);
    figures.longestGapMs = Math.round(longestGap);
    figures.stallMaxMs = Math.round(delay.max / 1e6);
    figures.stallP99Ms = Math.round(delay.percentile(99) / 1e6);
  }
  if (name !== 'snapshot') await sleep(SETTLE_MS);
  const memory = process.memoryUsage();
  // What is garbage not yet collected, and what is kept: the same after a full collection.
  (globalThis as { gc?: () => void }).gc?.();
  const collected = process.memoryUsage();
  await live.close();
  return {
    ...figures,
    rssMb: Math.round(memory.rss / MB),
    heapMb: Math.round(memory.heapUsed / MB),
    externalMb: Math.round(memory.external / MB),
    rssAfterGcMb: Math.round(collected.rss / MB),
    heapAfterGcMb: Math.round(collected.heapUsed / MB),
  };
}

async function run(dirs: string[]): Promise<{ compact: PhaseFigures; fresh: PhaseFigures }> {
  const work = await mkdtemp(join(tmpdir(), 'kaesong-bench-compaction-'));
  const desk = join(work, 'desk');
  await mkdir(desk);
  const inChild = (name: Phase) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', new URL(import.meta.url).pathname, name, join(work, 'cache'), ...dirs, desk],
        { encoding: 'utf8', env: { ...process.env, ...ALLOCATOR_ENV } },
      ),
    ) as PhaseFigures;
  try {
    inChild('snapshot');
    return { compact: inChild('compact'), fresh: inChild('fresh') };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const [first, ...rest] = process.argv.slice(2);
if (first === 'snapshot' || first === 'compact' || first === 'fresh') {
  const [cacheDir, ...dirs] = rest;
  process.stdout.write(`${JSON.stringify(await phase(first, cacheDir!, dirs))}\n`);
} else {
  const runs: { compact: PhaseFigures; fresh: PhaseFigures }[] = [];
  for (let i = 0; i < Number(first); i += 1) {
    runs.push(await run(rest));
    console.error(JSON.stringify(runs.at(-1)));
  }
  const of = (pick: (r: (typeof runs)[number]) => number | undefined) => median(runs.map((r) => pick(r) ?? Number.NaN));
  const medians = {
    rssAfterCompactionMb: of((r) => r.compact.rssMb),
    rssFreshStartMb: of((r) => r.fresh.rssMb),
    heapAfterCompactionMb: of((r) => r.compact.heapMb),
    heapFreshStartMb: of((r) => r.fresh.heapMb),
    rssAfterCompactionGcMb: of((r) => r.compact.rssAfterGcMb),
    rssFreshStartGcMb: of((r) => r.fresh.rssAfterGcMb),
    heapAfterCompactionGcMb: of((r) => r.compact.heapAfterGcMb),
    compactionMs: of((r) => r.compact.compactionMs),
    stallMaxMs: of((r) => r.compact.stallMaxMs),
    stallP99Ms: of((r) => r.compact.stallP99Ms),
    longestGapMs: of((r) => r.compact.longestGapMs),
  };
  process.stdout.write(`${JSON.stringify({ runs: runs.length, medians })}\n`);
}
