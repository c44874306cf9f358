import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import yaml from 'js-yaml';
import { checkMessage, checkView } from '../../src/block-kit/limits.ts';

interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` for posts to a response URL. */
  method: string;
  params: Record<string, unknown>;
  /** The Authorization header as sent (tests assert its shape, never print it). */
  authorization: string | null;
  path: string;
  /** Why the fake refused the call as Slack would (`invalid_blocks`, `not_in_channel` …); null when accepted. */
  rejected: string | null;
  /** What the fake answered (Web API calls). */
  answer?: Record<string, unknown>;
}

type Answer = (params: Record<string, unknown>) => Record<string, unknown>;

interface ChannelState {
  /** The bot is a member. */
  member: boolean;
  /** A private channel (or group DM): `chat:write.public` does not reach it. */
  private: boolean;
}

/**
 * A stand-in for Slack on 127.0.0.1: the Web API under `/api/<method>` (form or JSON bodies) and
 * response URLs under `/response/<id>`. Records every call and holds Slack's own rules:
 * - every message (chat.postMessage, chat.postEphemeral, chat.update, response_url) passes
 *   `checkMessage`, else `invalid_blocks` (HTTP 400 `invalid_blocks` on a response_url);
 * - views.publish and views.open pass `checkView` (and need a user_id / trigger_id);
 * - a trigger_id opens one view (`exchanged_trigger_id` after) and expires 3 s after it was issued
 *   (`expired_trigger_id`; issue one with `trigger()`); views.update needs a view it opened (`not_found`);
 * - chat.getPermalink needs a channel and message_ts; usergroups.users.list a known group (`no_such_subteam`)
 *   and the manifest's `usergroups:read` (`missing_scope`);
 * - posting needs the bot in the channel (`not_in_channel`; private ones answer `channel_not_found`),
 *   except public channels when the manifest grants `chat:write.public`;
 * - chat.update only edits a message the bot posted (`message_not_found`);
 * - a response_url takes at most 5 posts and can be expired by a test (404).
 * By default the bot is in every channel; `channel()` declares otherwise.
 */
export interface FakeSlack {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  /** Accepted calls to `method` (refused ones are in `calls`, with `rejected` set). */
  callsTo(method: string): RecordedCall[];
  /** Every call Slack would have refused, with the reason. */
  rejections(): RecordedCall[];
  /** Make every later call to `method` answer `{ ok: false, error }`. */
  failMethod(method: string, error: string): void;
  /** Make only the next call to `method` answer `{ ok: false, error }`. */
  failNext(method: string, error: string): void;
  answer(method: string, answer: Answer): void;
  /** Declares the bot's membership of a channel (and whether it is private). */
  channel(id: string, state: Partial<ChannelState>): void;
  /** Notes that Slack issued `triggerId` now (with an interaction): views.open with it works for 3 s. */
  trigger(triggerId: string): void;
  /** Declares a user group and its members, for usergroups.users.list. */
  usergroup(id: string, members: string[]): void;
  /** The response URL `id` answers 404 from now on, as one does after 30 minutes. */
  expireResponseUrl(id: string): void;
  /** Resolves once `predicate` holds for the recorded calls; rejects after `timeoutMs`. */
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

// From the project root, where vitest and the bench both run: the bench bundles this file into
// .bench/, where a path relative to the module would miss the manifest.
const MANIFEST_SCOPES = new Set(
  (yaml.load(readFileSync('manifest.yml', 'utf8')) as { oauth_config: { scopes: { bot: string[] } } }).oauth_config.scopes.bot,
);
const POSTING = new Set(['chat.postMessage', 'chat.postEphemeral']);
const RESPONSE_URL_USES = 5;
const TRIGGER_LIFETIME_MS = 3_000;

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, string>();
  const nextFailures = new Map<string, string>();
  const channels = new Map<string, ChannelState>();
  const posted = new Map<string, string>(); // ts → channel, for chat.update
  const expired = new Set<string>();
  const triggers = new Map<string, number>(); // trigger_id → when issued
  const usedTriggers = new Set<string>();
  const openedViews = new Set<string>();
  const usergroups = new Map<string, string[]>();
  const answers = new Map<string, Answer>([
    [
      'auth.test',
      () => ({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'kaesong', team: 'Newsroom', url: 'https://newsroom.slack.com/' }),
    ],
    [
      'chat.postMessage',
      (params) => {
        const ts = `${1_700_000_000 + calls.length}.000100`;
        posted.set(ts, String(params['channel']));
        return { channel: params['channel'], ts };
      },
    ],
    ['chat.update', (params) => ({ channel: params['channel'], ts: params['ts'] })],
    ['conversations.replies', () => ({ messages: [], has_more: false })],
    [
      'conversations.info',
      (params) => {
        const id = String(params['channel']);
        const state = stateOf(id);
        return { channel: { id, is_member: state.member, is_private: state.private, is_im: id.startsWith('D') } };
      },
    ],
    ['users.conversations', () => ({ channels: [...channels.keys()].map((id) => ({ id })), response_metadata: { next_cursor: '' } })],
    ['views.publish', (params) => ({ view: { id: 'V1', ...(params['view'] as object) } })],
    [
      'views.open',
      (params) => {
        const id = `V${openedViews.size + 2}`;
        openedViews.add(id);
        return { view: { id, ...(params['view'] as object) } };
      },
    ],
    ['views.update', (params) => ({ view: { id: params['view_id'], ...(params['view'] as object) } })],
    [
      'chat.getPermalink',
      (params) => ({
        channel: params['channel'],
        permalink: `https://newsroom.slack.com/archives/${String(params['channel'])}/p${String(params['message_ts']).replace('.', '')}`,
      }),
    ],
    ['usergroups.users.list', (params) => ({ users: usergroups.get(String(params['usergroup'])) ?? [] })],
  ]);
  const waiters = new Set<() => void>();

  function stateOf(channel: string): ChannelState {
    return channels.get(channel) ?? { member: true, private: channel.startsWith('G') };
  }

  /** The error code Slack would answer with, or null when it would accept the call. */
  function refusal(method: string, params: Record<string, unknown>): string | null {
    if (POSTING.has(method) || method === 'chat.update') {
      const channel = String(params['channel'] ?? '');
      if (method === 'chat.update' && posted.get(String(params['ts'])) !== channel) return 'message_not_found';
      if (POSTING.has(method) && !/^[DU]/.test(channel)) {
        const state = stateOf(channel);
        if (!state.member && state.private) return 'channel_not_found';
        if (!state.member && !(method === 'chat.postMessage' && MANIFEST_SCOPES.has('chat:write.public'))) return 'not_in_channel';
      }
      if (checkMessage(params).length > 0) return 'invalid_blocks';
    }
    if (
      method === 'views.publish' &&
      (typeof params['user_id'] !== 'string' ||
        checkView(params['view']).length > 0 ||
        (params['view'] as { type?: unknown })?.type !== 'home')
    ) {
      return 'invalid_arguments';
    }
    if (method === 'views.open') {
      const trigger = params['trigger_id'];
      if (typeof trigger !== 'string' || trigger === '') return 'invalid_trigger_id';
      const issued = triggers.get(trigger);
      if (issued !== undefined && Date.now() - issued > TRIGGER_LIFETIME_MS) return 'expired_trigger_id';
      if (usedTriggers.has(trigger)) return 'exchanged_trigger_id';
      if (checkView(params['view']).length > 0 || (params['view'] as { type?: unknown })?.type !== 'modal') return 'invalid_arguments';
      usedTriggers.add(trigger);
    }
    if (method === 'views.update') {
      if (!openedViews.has(String(params['view_id'] ?? ''))) return 'not_found';
      if (checkView(params['view']).length > 0) return 'invalid_arguments';
    }
    if (method === 'chat.postEphemeral' && typeof params['user'] !== 'string') return 'user_not_in_channel';
    if (method === 'chat.getPermalink' && (typeof params['channel'] !== 'string' || typeof params['message_ts'] !== 'string')) {
      return 'invalid_arguments';
    }
    if (method === 'usergroups.users.list') {
      if (!MANIFEST_SCOPES.has('usergroups:read')) return 'missing_scope';
      if (!usergroups.has(String(params['usergroup'] ?? ''))) return 'no_such_subteam';
    }
    return null;
  }

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = req.url ?? '/';
    const params = parseBody(raw, req.headers['content-type'] ?? '');
    const isResponseUrl = path.startsWith('/response/');
    const method = isResponseUrl ? 'response_url' : path.replace(/^\/api\//, '').replace(/\?.*$/, '');
    const call: RecordedCall = { method, params, authorization: req.headers.authorization ?? null, path, rejected: null };
    if (isResponseUrl) {
      const uses = calls.filter((earlier) => earlier.path === path && earlier.rejected === null).length;
      call.rejected =
        expired.has(path) || uses >= RESPONSE_URL_USES
          ? 'expired_url'
          : params['delete_original'] === true
            ? null
            : checkMessage(params).length > 0
              ? 'invalid_blocks'
              : null;
      calls.push(call);
      for (const wake of waiters) wake();
      if (call.rejected !== null) {
        res.writeHead(call.rejected === 'expired_url' ? 404 : 400, { 'content-type': 'text/plain' });
        res.end(call.rejected);
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    call.rejected = nextFailures.get(method) ?? failures.get(method) ?? refusal(method, params);
    nextFailures.delete(method);
    calls.push(call);
    for (const wake of waiters) wake();
    res.setHeader('content-type', 'application/json');
    if (call.rejected !== null) {
      res.end(JSON.stringify({ ok: false, error: call.rejected }));
      return;
    }
    call.answer = { ok: true, ...(answers.get(method)?.(params) ?? {}) };
    res.end(JSON.stringify(call.answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method && call.rejected === null),
    rejections: () => calls.filter((call) => call.rejected !== null),
    failMethod: (method, error) => failures.set(method, error),
    failNext: (method, error) => nextFailures.set(method, error),
    answer: (method, answer) => answers.set(method, answer),
    channel: (id, state) => channels.set(id, { ...stateOf(id), ...state }),
    expireResponseUrl: (id) => expired.add(`/response/${id}`),
    trigger: (triggerId) => triggers.set(triggerId, Date.now()),
    usergroup: (id, members) => usergroups.set(id, members),
    waitFor(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(calls)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `fake Slack: condition not met within ${timeoutMs} ms; calls: ${calls.map((call) => `${call.method}${call.rejected === null ? '' : ` (${call.rejected})`}`).join(', ')}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The WebClient sends forms with JSON-encoded arrays (`blocks`); respond() sends JSON. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = /^[[{]/.test(value) ? safeJson(value) : value === 'true' ? true : value === 'false' ? false : value;
  }
  return params;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
