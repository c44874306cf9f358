import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/bot-process.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { sendSigned, slashCommandBody } from '../support/signed-request.ts';

const repo = new URL('../..', import.meta.url).pathname;
const SECRET = 'bundle-test-secret';
const EVENTS = 24_000;

let fake: FakeSlack;
let dir: string;

beforeAll(async () => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: repo, stdio: 'pipe' });
  fake = await startFakeSlack();
  dir = await mkdtemp(join(tmpdir(), 'kaesong-bundle-'));
  // Over the 4 MB at which the index is built in a child process: the bundle must find the build entry.
  mkdirSync(join(dir, 'corpus'));
  cpSync(join(repo, 'corpus'), join(dir, 'corpus', 'bundled'), { recursive: true });
  const lines = Array.from({ length: EVENTS }, (_, i) =>
    JSON.stringify({
      date: `2015-01-${String((i % 28) + 1).padStart(2, '0')}`,
      title: `Desk note ${i} on harbour works and ferry timetables`,
      summary: 'x'.repeat(120),
    }),
  );
  writeFileSync(join(dir, 'corpus', 'desk.jsonl'), `${lines.join('\n')}\n`);
});

afterAll(async () => {
  await fake?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** `npm start`'s process: the bundle in dist/, without tsx. Resolves with its log once /healthz says ready. */
function startBundle(settings: Record<string, string> = {}): Promise<BotProcess> {
  return startBotProcess(
    ['dist/main.mjs'],
    {
      SLACK_BOT_TOKEN: 'xoxb-bundle-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      CORPUS_DIR: join(dir, 'corpus'),
      INDEX_CACHE_DIR: join(dir, 'cache'),
      DATABASE_URL: `sqlite:${join(dir, 'k.db')}`,
      ...settings,
    },
    'the bundled bot',
  );
}

async function ask(port: number, text: string) {
  return sendSigned(
    `http://127.0.0.1:${port}/slack/events`,
    SECRET,
    slashCommandBody({ text, response_url: fake.responseUrl('bundle') }),
    'application/x-www-form-urlencoded',
  );
}

describe('the production bundle (npm start)', () => {
  it('builds a large corpus in its build process, answers, and starts from the snapshot next time', async () => {
    const first = await startBundle();
    try {
      expect(first.log()).toContain(`indexing ${EVENTS + 9} records…`); // a line only the worker build writes
      expect(first.log()).toContain(`index: ${EVENTS + 9} records from 6 files, built in`);
      const answer = await ask(first.port, 'kaesong 2013');
      expect(answer.status).toBe(200);
      expect(answer.text).toContain('Kaesong');
      expect((await ask(first.port, '"desk note 23999"')).text).toContain('Desk note 23999 on harbour works');
    } finally {
      await first.stop();
    }

    const second = await startBundle({ LOG_FORMAT: 'json' });
    try {
      expect(second.log()).toMatch(new RegExp(`index: ${EVENTS + 9} records from 6 files, loaded from snapshot in \\d+ ms`));
      expect((await ask(second.port, 'kaesong 2013')).text).toContain('Kaesong');
      const entries = second
        .log()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { level: string; msg: string });
      expect(entries.map((entry) => entry.level)).not.toContain('error');
      const metrics = await (await fetch(`http://127.0.0.1:${second.port}/metrics`)).text();
      expect(metrics).toContain(`\nkaesong_records ${EVENTS + 9}\n`);
      expect(metrics).toContain('\nkaesong_commands_total{command="/kaesong"} 1\n');
    } finally {
      await second.stop();
    }
  }, 120_000);
});
