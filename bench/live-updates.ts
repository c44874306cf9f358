/**
 * The "live updates" section of `npm run bench` (issue 12): on the full corpus plus one writable
 * folder, through the real app, how fast a saved file is answered, what acks do meanwhile, queries
 * after many additions, memory after a compaction, and a restart after edits; each beside the
 * full-rebuild path (CORPUS_REBUILD_ABOVE_FILES=0: every change rebuilds the index in the worker).
 */
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { rssOf, slash, startBot, stopBot, type RunningBot } from './app-timing.ts';
import { percentiles, type Percentiles } from './percentiles.ts';

const POLL_MS = 50;
const UPDATE_ROUNDS = 3;
const ADDITIONS = 1_000;
const ADDITION_EVERY_MS = 5;
const COMPACTION_RECORDS = 10_000;
const RESTART_FILES = 100;
const SETTLE_MS = 10_000;
const ANSWER_TIMEOUT_MS = 180_000;
const QUERIES = ['kaesong 2013', 'ebola', 'keasong', 'north korea nuclear test', 'earthquake Aug 2011', '2013', 'syrian civil war aleppo'];

type Mode = 'live' | 'rebuild';

export interface LiveUpdateFigures {
  /** File write → correct /kaesong answer, ms. */
  fileToAnswer: { new: Percentiles; changed: Percentiles; deleted: Percentiles };
  /** Every slash ack while those updates were being applied. */
  acksDuringUpdate: Percentiles;
  /** Acks while a compaction (live) or a full rebuild (rebuild) of 10,000 added records runs. */
  acksDuringCompaction: Percentiles;
  compactionMs: number;
  /** 1,000 single-event files saved one every 5 ms: until the last is answered, then slash acks. */
  additionsToAnswerMs: number;
  acksAfterAdditions: Percentiles;
  /** RSS 10 s after 10,000 additions and their compaction, and of a fresh start on the same files. */
  rssAfterCompaction: number;
  rssFreshStart: number;
  /** The fresh start again after as many commands as the first bot answered: what the commands alone add (caches, V8's new space). */
  rssFreshAfterCommands: number;
  /** Process start → /healthz 200 and a changed file answered, after 100 files changed while it was down. */
  restartAfterEditsMs: number;
}

export const eventLine = (title: string, i = 0) =>
  `${JSON.stringify({ date: '2013-09-16', title, summary: `Desk event ${i} about harbour cranes and the Kaesong zone.` })}\n`;

/** Measures both paths, prints them side by side, and gives the figures for bench/results.json. */
export async function runLiveUpdates(dirs: string[], line: (label: string, value: string) => void) {
  // In its own process, from source: the bundled bench has no build worker beside it, and a clean heap suits the timing.
  const script = new URL('../bench/live-bursts.ts', import.meta.url).pathname;
  const bursts = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, ...dirs], { encoding: 'utf8' })) as {
    applied: { files: number; ms: number }[];
    rebuildMs: number;
  };
  const figures = { ...(await measureLiveUpdates(dirs)), bursts };
  const { live, rebuild } = figures;
  const ms = (value: number) => `${Math.round(value)} ms`;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
  const both = (pick: (f: LiveUpdateFigures) => string) => `live ${pick(live)} | full rebuild ${pick(rebuild)}`;
  const tail = (p: Percentiles) => `p99 ${ms(p.p99)}, max ${ms(p.max)}`;
  console.log('live updates (full corpus + one writable folder, through the app)');
  for (const kind of ['new', 'changed', 'deleted'] as const) {
    const answered = (f: LiveUpdateFigures) => `p50 ${ms(f.fileToAnswer[kind].p50)}, max ${ms(f.fileToAnswer[kind].max)}`;
    line(`  ${kind} one-event file → right answer`, both(answered));
  }
  line(
    '  slash acks during those updates',
    both((f) => tail(f.acksDuringUpdate)),
  );
  line(
    '  slash acks during 10,000 added + compaction',
    both((f) => `${tail(f.acksDuringCompaction)}, took ${ms(f.compactionMs)}`),
  );
  line(
    '  1,000 files, one per 5 ms → last answered',
    both((f) => ms(f.additionsToAnswerMs)),
  );
  line(
    '  slash acks after those 1,000 additions',
    both((f) => tail(f.acksAfterAdditions)),
  );
  line(
    '  RSS after 10,000 added + compaction',
    both((f) => `${mb(f.rssAfterCompaction)} (fresh start ${mb(f.rssFreshStart)}, ${mb(f.rssFreshAfterCommands)} after as many commands)`),
  );
  line(
    '  restart after 100 changed files → answer',
    both((f) => ms(f.restartAfterEditsMs)),
  );
  return figures;
}

async function measureLiveUpdates(dirs: string[]): Promise<Record<Mode, LiveUpdateFigures>> {
  const figures = {} as Record<Mode, LiveUpdateFigures>;
  for (const mode of ['live', 'rebuild'] as const) {
    const work = await mkdtemp(join(tmpdir(), `kaesong-bench-live-${mode}-`));
    try {
      figures[mode] = await measureMode(mode, [...dirs, join(work, 'desk')], join(work, 'cache'));
      // As soon as it is had: the other path takes minutes more.
      console.error(`live updates, ${mode}: ${JSON.stringify(figures[mode])}`);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  return figures;
}

async function measureMode(mode: Mode, dirs: string[], cacheDir: string): Promise<LiveUpdateFigures> {
  const desk = dirs.at(-1)!;
  await mkdir(desk, { recursive: true });
  const env: Record<string, string> = mode === 'rebuild' ? { CORPUS_REBUILD_ABOVE_FILES: '0' } : {};
  // The snapshot is made once, so every later start is from it.
  await stopBot(await startReady(dirs, cacheDir, env));
  let bot = await startReady(dirs, cacheDir, env);
  try {
    // The folders are watched from 1 s after the first index.
    await sleep(2_000);
    const acks: number[] = [];
    const times = { new: [] as number[], changed: [] as number[], deleted: [] as number[] };
    for (let round = 0; round < UPDATE_ROUNDS; round += 1) {
      const file = join(desk, `update-${round}.jsonl`);
      const created = `Zqxnew${round} harbour strike`;
      const changed = `Zqxchg${round} harbour strike`;
      let started = performance.now();
      await writeFile(file, eventLine(created));
      times.new.push(await untilAnswer(bot, `zqxnew${round}`, (text) => text.includes(created), started, acks));
      started = performance.now();
      await writeFile(file, eventLine(changed));
      times.changed.push(await untilAnswer(bot, `zqxchg${round}`, (text) => text.includes(changed), started, acks));
      started = performance.now();
      await unlink(file);
      times.deleted.push(await untilAnswer(bot, `zqxchg${round}`, (text) => !text.includes(changed), started, acks));
    }

    const addedAt = performance.now();
    for (let i = 0; i < ADDITIONS; i += 1) {
      await writeFile(join(desk, `add-${i}.jsonl`), eventLine(`Zqxadd${i} crane delivery`, i));
      await sleep(ADDITION_EVERY_MS);
    }
    const additionsToAnswerMs = await untilAnswer(
      bot,
      `zqxadd${ADDITIONS - 1}`,
      (text) => text.includes(`Zqxadd${ADDITIONS - 1} crane`),
      addedAt,
      [],
    );
    const afterAdditions: number[] = [];
    for (let i = 0; i < 200; i += 1) afterAdditions.push((await slashRetried(bot, QUERIES[i % QUERIES.length]!, `after-${i}`)).ms);

    const compactions = await compactionCount(bot);
    const compactionStarted = performance.now();
    const lines = Array.from({ length: COMPACTION_RECORDS }, (_, i) => eventLine(`Zqxbulk${i} tariff dispute`, i)).join('');
    await writeFile(join(desk, 'bulk.jsonl'), lines);
    const duringCompaction: number[] = [];
    const done = mode === 'live' ? async () => (await compactionCount(bot)) > compactions : async () => true;
    const last = `Zqxbulk${COMPACTION_RECORDS - 1}`;
    await untilAnswer(bot, last.toLowerCase(), (text) => text.includes(last), compactionStarted, duringCompaction);
    while (!(await done())) {
      if (performance.now() - compactionStarted > ANSWER_TIMEOUT_MS) throw new Error('bench: no compaction within 180 s');
      duringCompaction.push(
        (await slashRetried(bot, QUERIES[duringCompaction.length % QUERIES.length]!, `c-${duringCompaction.length}`)).ms,
      );
      await sleep(POLL_MS);
    }
    const compactionMs = performance.now() - compactionStarted;
    await sleep(SETTLE_MS);
    const rssAfterCompaction = rssOf(bot.child.pid!);
    await stopBot(bot);

    bot = await startReady(dirs, cacheDir, env);
    await sleep(SETTLE_MS);
    const rssFreshStart = rssOf(bot.child.pid!);
    const commands = acks.length + afterAdditions.length + duringCompaction.length;
    for (let i = 0; i < commands; i += 1) await slashRetried(bot, QUERIES[i % QUERIES.length]!, `fresh-${i}`);
    await sleep(SETTLE_MS);
    const rssFreshAfterCommands = rssOf(bot.child.pid!);
    await stopBot(bot);

    for (let i = 0; i < RESTART_FILES; i += 1) await writeFile(join(desk, `add-${i}.jsonl`), eventLine(`Zqxedit${i} crane delivery`, i));
    const restartedAt = performance.now();
    bot = await startReady(dirs, cacheDir, env);
    const restartAfterEditsMs = await untilAnswer(bot, 'zqxedit99', (text) => text.includes('Zqxedit99 crane'), restartedAt, []);

    return {
      fileToAnswer: { new: percentiles(times.new), changed: percentiles(times.changed), deleted: percentiles(times.deleted) },
      acksDuringUpdate: percentiles(acks),
      acksDuringCompaction: percentiles(duringCompaction.length > 0 ? duringCompaction : [0]),
      compactionMs,
      additionsToAnswerMs,
      acksAfterAdditions: percentiles(afterAdditions),
      rssAfterCompaction,
      rssFreshStart,
      rssFreshAfterCommands,
      restartAfterEditsMs,
    };
  } finally {
    if (bot.child.exitCode === null) await stopBot(bot);
  }
}

async function startReady(dirs: string[], cacheDir: string, env: Record<string, string>): Promise<RunningBot> {
  const bot = await startBot(dirs, cacheDir, env);
  const deadline = performance.now() + ANSWER_TIMEOUT_MS;
  while (
    (await fetch(bot.health).then(
      (response) => response.status,
      () => 0,
    )) !== 200
  ) {
    if (performance.now() > deadline) throw new Error('bench: the bot was not ready within 180 s');
    await sleep(25);
  }
  return bot;
}

/** Sends the query until the answer is right; ms since `since`, each ack's time kept in `acks`. */
async function untilAnswer(bot: RunningBot, text: string, right: (answer: string) => boolean, since: number, acks: number[]) {
  for (let i = 0; ; i += 1) {
    const answer = await slashRetried(bot, text, `poll-${text}-${i}`);
    acks.push(answer.ms);
    if (right(answer.text)) return performance.now() - since;
    if (performance.now() - since > ANSWER_TIMEOUT_MS) throw new Error(`bench: "${text}" not answered right within 180 s`);
    await sleep(POLL_MS);
  }
}

/**
 * A slash command, sent again once when the connection was reset: while the bot's thread is busy for
 * seconds (the full-rebuild path), a kept-alive connection may time out just as it is reused.
 */
async function slashRetried(bot: RunningBot, text: string, id: string) {
  try {
    return await slash(bot, text, id);
  } catch {
    return slash(bot, text, `${id}-again`);
  }
}

async function compactionCount(bot: RunningBot): Promise<number> {
  const body = await (await fetch(bot.health.replace('/healthz', '/metrics'))).text();
  return Number(/^kaesong_compaction_duration_seconds_count (\d+)$/m.exec(body)?.[1] ?? 0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
