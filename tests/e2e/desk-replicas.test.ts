import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../support/bot-process.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.ts';
import { blockActionBody, nextTriggerId, sendSigned, slashCommandBody } from '../support/signed-request.ts';

const repo = new URL('../..', import.meta.url).pathname;
const SECRET = 'replica-test-secret';
const FORM = 'application/x-www-form-urlencoded';

type Replica = BotProcess;

const postgresUrl = process.env['TEST_DATABASE_URL'];
const schemas: string[] = [];
let fake: FakeSlack;
let dir: string;
const running: Replica[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  dir = await mkdtemp(join(tmpdir(), 'kaesong-replicas-'));
});
afterEach(async () => {
  for (const replica of running.splice(0)) await replica.stop();
});
afterAll(async () => {
  if (postgresUrl !== undefined && schemas.length > 0) {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
  await fake?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** One bot process as `npm run dev` starts it, in HTTP mode on its own port; resolves once /healthz says ready. */
async function startReplica(databaseUrl: string, name: string): Promise<Replica> {
  const replica = await startBotProcess(
    ['--import', 'tsx', 'src/main.ts'],
    {
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      CORPUS_DIR: join(repo, 'corpus'),
      INDEX_CACHE_DIR: join(dir, `cache-${name}`),
      DATABASE_URL: databaseUrl,
    },
    `replica ${name}`,
  );
  running.push(replica);
  return replica;
}

const events = (replica: Replica) => `http://127.0.0.1:${replica.port}/slack/events`;

async function answer(replica: Replica, text: string): Promise<string> {
  const reply = await sendSigned(events(replica), SECRET, slashCommandBody({ text, response_url: fake.responseUrl('replica') }), FORM);
  return reply.text;
}

/** Asks until the answer contains `expected` (another replica's change arrives by polling), for at most 10 s. */
async function eventually(replica: Replica, text: string, expected: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await answer(replica, text);
    if (last.includes(expected)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return last;
}

/** `/kaesong add <headline>` on `replica`, then Save as the modal was opened. */
async function addThrough(replica: Replica, headline: string): Promise<void> {
  const opened = fake.callsTo('views.open').length;
  await sendSigned(events(replica), SECRET, slashCommandBody({ text: `add ${headline}`, response_url: fake.responseUrl('add') }), FORM);
  await fake.waitFor(() => fake.callsTo('views.open').length === opened + 1);
  const view = fake.callsTo('views.open').at(-1)!.params['view'] as { callback_id: string; private_metadata: string };
  const values = {
    desk_headline: { value: { type: 'plain_text_input', value: headline } },
    desk_date: { value: { type: 'datepicker', selected_date: '2026-02-10' } },
    desk_summary: { value: { type: 'plain_text_input', value: 'Added through one replica.' } },
    desk_sources: { value: { type: 'plain_text_input', value: 'https://www.reuters.com/world/asia/x' } },
  };
  const submission = {
    type: 'view_submission',
    team: { id: 'T1' },
    user: { id: 'U1', username: 'ana', team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: nextTriggerId(),
    view: { id: 'V1', type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values }, hash: 'h' },
  };
  const reply = await sendSigned(events(replica), SECRET, blockActionBody(submission), FORM);
  expect(reply.status).toBe(200);
  expect(reply.text).toBe('');
}

async function freshPostgresSchema(url: string): Promise<string> {
  const schema = `kaesong_replicas_${process.pid}_${Date.now()}`;
  schemas.push(schema);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

const backends: Array<[string, () => Promise<string>]> = [['SQLite file', async () => `sqlite:${join(dir, 'shared.db')}`]];
if (postgresUrl !== undefined) backends.push(['PostgreSQL', () => freshPostgresSchema(postgresUrl)]);

describe.each(backends)('two replicas sharing one database (%s)', (_name, database) => {
  it('one saves, the other answers with it; a replica that was down catches up when it starts', async () => {
    const url = await database();
    const [a, b] = await Promise.all([startReplica(url, 'a'), startReplica(url, 'b')]);
    await addThrough(a, 'Kaesong ferry pier reopens');
    expect(await answer(a, 'ferry pier')).toContain('Kaesong ferry pier reopens');
    expect(await eventually(b, 'ferry pier', 'Kaesong ferry pier reopens')).toContain('Kaesong ferry pier reopens');

    await b.stop();
    await addThrough(a, 'Kaesong tram depot rebuilt');
    const again = await startReplica(url, 'b');
    // Caught up at start, from its last sequence number: both events, straight away or within a poll.
    expect(await eventually(again, 'tram depot', 'Kaesong tram depot rebuilt')).toContain('Kaesong tram depot rebuilt');
    expect(await answer(again, 'ferry pier')).toContain('Kaesong ferry pier reopens');
  }, 120_000);
});
