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

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, string>();
  const nextFailures = new Map<string, string>();
  const channels = new Map<string, ChannelState>();
  const posted = new Map<string, string>(); // ts → channel, for chat.update
  const expired = new Set<string>();
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
    ['views.open', (params) => ({ view: { id: 'V2', ...(params['view'] as object) } })],
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
    if (
      method === 'views.open' &&
      (typeof params['trigger_id'] !== 'string' ||
        checkView(params['view']).length > 0 ||
        (params['view'] as { type?: unknown })?.type !== 'modal')
    ) {
      return 'invalid_arguments';
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
