import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestRunCommand } from '../../src/cli/commands/digest-run.ts';
import { digestPreviewCommand } from '../../src/cli/commands/digest-preview.ts';
import type { CliContext } from '../../src/cli/command.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';

const corpusDir = new URL('../../corpus', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'kaesong-digest-cli-'));
const databaseUrl = `sqlite:${join(dataDir, 'kaesong.db')}`;
let fake: FakeSlack;

function context(): CliContext & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => void stdout.push(text),
    err: (text) => void stderr.push(text),
    interactive: false,
    env: {
      SLACK_BOT_TOKEN: 'xoxb-cli',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: fake.apiUrl,
      CORPUS_DIR: corpusDir,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'error',
    },
  };
}

beforeAll(async () => {
  fake = await startFakeSlack();
  const store = openSqliteStore(databaseUrl);
  await store.upsertSubscription(
    { teamId: 'T1', channelId: 'C1', time: '08:30', timeZone: 'Asia/Seoul', topic: 'kaesong', quiet: false },
    new Date('2026-01-01T00:00:00Z'),
  );
  await store.close();
});
afterAll(async () => {
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kaesong digest run', () => {
  it('posts a day once through SLACK_API_URL; running again posts nothing', async () => {
    const first = context();
    expect(await digestRunCommand.run(['--date', '2026-08-07'], first)).toBe(0);
    expect(first.stdout).toEqual(['C1 2026-08-07: posted (ts 1700000001.000100)']);
    const again = context();
    expect(await digestRunCommand.run(['--date', '2026-08-07', '--channel', 'C1'], again)).toBe(0);
    expect(again.stdout).toEqual(['C1 2026-08-07: already posted (or being posted by another replica)']);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')[0]!.authorization).toBe('Bearer xoxb-cli');
  });

  it('says which named channel has no subscription and exits 1', async () => {
    const run = context();
    expect(await digestRunCommand.run(['--date', '2026-08-07', '--channel', 'C9NOPE'], run)).toBe(1);
    expect(run.stderr).toEqual(['C9NOPE: no digest subscription (turn one on in Slack with /kaesong digest on)']);
  });
});

describe('kaesong digest preview', () => {
  it('prints the digest as text without posting', async () => {
    const preview = context();
    const before = fake.callsTo('chat.postMessage').length;
    expect(await digestPreviewCommand.run(['--date', '2026-08-07'], preview)).toBe(0);
    expect(preview.stdout.join('\n').split('\n').slice(0, 3)).toEqual([
      '# C1',
      'Daily digest for 2026-08-07 (topic: kaesong)',
      'On this day (2):',
    ]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(before);
  });

  it('prints JSON with --json', async () => {
    const preview = context();
    await digestPreviewCommand.run(['--date', '2026-08-07', '--json'], preview);
    const [first] = JSON.parse(preview.stdout.join('\n')) as Array<{
      channel: string;
      localDay: string;
      digest: { onThisDay: Array<{ label: string }> };
    }>;
    expect([first!.channel, first!.localDay, first!.digest.onThisDay.map((item) => item.label)]).toEqual([
      'C1',
      '2026-08-07',
      ['13 years ago', '13 years ago'],
    ]);
  });
});
