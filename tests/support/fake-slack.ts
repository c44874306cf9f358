import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` for posts to a response URL. */
  method: string;
  params: Record<string, unknown>;
  /** The Authorization header as sent (tests assert its shape, never print it). */
  authorization: string | null;
  path: string;
}

type Answer = (params: Record<string, unknown>) => Record<string, unknown>;

/**
 * A stand-in for Slack on 127.0.0.1: the Web API under `/api/<method>` (form or JSON bodies) and
 * response URLs under `/response/<id>`. Records every call, answers `ok: true` (with sensible fields
 * for auth.test, chat.postMessage, conversations.replies), and can be told to fail a method.
 */
export interface FakeSlack {
  apiUrl: string;
  responseUrl(id: string): string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Make every later call to `method` answer `{ ok: false, error }`. */
  failMethod(method: string, error: string): void;
  answer(method: string, answer: Answer): void;
  /** Resolves once `predicate` holds for the recorded calls; rejects after `timeoutMs`. */
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, string>();
  const answers = new Map<string, Answer>([
    ['auth.test', () => ({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'kaesong', team: 'Newsroom', url: 'https://newsroom.slack.com/' })],
    ['chat.postMessage', (params) => ({ channel: params['channel'], ts: `${1_700_000_000 + calls.length}.000100` })],
    ['conversations.replies', () => ({ messages: [], has_more: false })],
  ]);
  const waiters = new Set<() => void>();

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = req.url ?? '/';
    const params = parseBody(raw, req.headers['content-type'] ?? '');
    const isResponseUrl = path.startsWith('/response/');
    const method = isResponseUrl ? 'response_url' : path.replace(/^\/api\//, '').replace(/\?.*$/, '');
    calls.push({ method, params, authorization: req.headers.authorization ?? null, path });
    for (const wake of waiters) wake();
    res.setHeader('content-type', 'application/json');
    const error = failures.get(method);
    if (error !== undefined) {
      res.end(JSON.stringify({ ok: false, error }));
      return;
    }
    res.end(JSON.stringify({ ok: true, ...(answers.get(method)?.(params) ?? {}) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    failMethod: (method, error) => failures.set(method, error),
    answer: (method, answer) => answers.set(method, answer),
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
          reject(new Error(`fake Slack: condition not met within ${timeoutMs} ms; calls: ${calls.map((call) => call.method).join(', ')}`));
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
