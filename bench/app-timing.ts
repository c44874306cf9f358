import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startFakeSlack, type FakeSlack } from '../tests/support/fake-slack.ts';
import { sendSigned, slashCommandBody } from '../tests/support/signed-request.ts';
import { ALLOCATOR_ENV } from './allocator-env.ts';
import { percentiles, type Percentiles } from './percentiles.ts';

const SECRET = 'bench-signing-secret';
const ROOT = new URL('..', import.meta.url).pathname;
const SETTLE_MS = 10_000;
/** A cold start of the 9× corpus takes minutes on a loaded two-vCPU machine. */
const READY_WITHIN_MS = 300_000;
/**
 * Each /healthz poll costs the bot ~0.27 ms of CPU (measured over 1,000) and this process some more, on
 * a machine whose two vCPUs give no parallel speed-up: polling every 10 ms through a 9 s cold start
 * is ~900 polls, up to ~0.5 s of CPU taken from the build. Every 25 ms costs less than half of that
 * and rounds the figure up by at most 25 ms.
 */
const HEALTH_POLL_MS = 25;

export interface RunningBot {
  child: ChildProcess;
  events: string;
  health: string;
  fake: FakeSlack;
  spawnedAt: number;
}

/** Builds the production bundle once, as `npm start` does before it runs it. */
export function buildBundle(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

/** Starts `npm start`'s process (the bundle in dist/, see buildBundle, with its allocator setting) in HTTP mode against a fake Slack. */
export async function startBot(dirs: string[], cacheDir: string, env: Record<string, string> = {}): Promise<RunningBot> {
  const fake = await startFakeSlack();
  const port = await freePort();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['dist/main.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      CORPUS_DIR: dirs.join(','),
      INDEX_CACHE_DIR: cacheDir,
      DATABASE_URL: `sqlite:${join(cacheDir, 'bench.db')}`,
      LOG_LEVEL: 'error',
      ...ALLOCATOR_ENV,
      ...env,
    },
  });
  return { child, events: `http://127.0.0.1:${port}/slack/events`, health: `http://127.0.0.1:${port}/healthz`, fake, spawnedAt };
}

export async function stopBot(bot: RunningBot): Promise<void> {
  const exited = new Promise((resolve) => bot.child.once('exit', resolve));
  bot.child.kill('SIGTERM');
  await exited;
  await bot.fake.close();
}

export async function slash(bot: RunningBot, text: string, id: string) {
  return sendSigned(
    bot.events,
    SECRET,
    slashCommandBody({ text, response_url: bot.fake.responseUrl(id) }),
    'application/x-www-form-urlencoded',
  );
}

/** Process start until /healthz says ready and `/kaesong kaesong 2013` is answered with Kaesong cards. */
export async function measureReadyTime(
  dirs: string[],
  cacheDir: string,
): Promise<{ readyMs: number; rssBytes: number; settledRssBytes: number }> {
  const bot = await startBot(dirs, cacheDir);
  try {
    const deadline = Date.now() + READY_WITHIN_MS;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`bench: the bot was not ready within ${READY_WITHIN_MS / 1000} s`);
      const status = await fetch(bot.health).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
    }
    const answer = await slash(bot, 'kaesong 2013', 'ready');
    if (!answer.text.includes('Kaesong')) throw new Error(`bench: first answer has no Kaesong card: ${answer.text.slice(0, 200)}`);
    const readyMs = performance.now() - bot.spawnedAt;
    const rssBytes = rssOf(bot.child.pid!);
    // V8 gives back the start-up garbage once the process has been idle a few seconds.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return { readyMs, rssBytes, settledRssBytes: rssOf(bot.child.pid!) };
  } finally {
    await stopBot(bot);
  }
}

/** Signed slash commands one after another, each timed from send to the ack with its cards. */
export async function measureSlashCommands(dirs: string[], cacheDir: string, count: number): Promise<Percentiles> {
  await measureReadyTime(dirs, cacheDir);
  const bot = await startBot(dirs, cacheDir);
  try {
    while (
      (await fetch(bot.health).then(
        (response) => response.status,
        () => 0,
      )) !== 200
    )
      await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
    const texts = [
      'kaesong 2013',
      'ebola',
      'keasong',
      'north korea nuclear test',
      'earthquake Aug 2011',
      '2013',
      'brexit since 2016',
      'syrian civil war aleppo',
    ];
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) times.push((await slash(bot, texts[i % texts.length]!, `s${i}`)).ms);
    return percentiles(times);
  } finally {
    await stopBot(bot);
  }
}

/** Resident memory of the bot: the process itself or, if it was started through a launcher, its largest child. */
export function rssOf(pid: number): number {
  const children = (() => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  })();
  const rss = (id: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  return Math.max(rss(pid), ...children.map(rss));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
