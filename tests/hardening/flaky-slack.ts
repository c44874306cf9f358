import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeSlack } from '../support/fake-slack.ts';

/** What the next call to a method gets instead of the fake's answer. */
type Misbehaviour = { status: 429; retryAfter: number } | { status: 404 | 500 } | { hang: true } | { delayMs: number } | { error: string };

/**
 * A proxy in front of the fake Slack that misbehaves on cue: 429s with Retry-After, 500s, calls that
 * never answer, slow answers. Each scripted misbehaviour is used once, in order; then calls pass through.
 */
export interface FlakySlack {
  apiUrl: string;
  responseUrl(id: string): string;
  script(method: string, ...steps: Misbehaviour[]): void;
  /** When each call to `method` arrived (ms, performance.now()), passed through or not. */
  arrivals(method: string): number[];
  close(): Promise<void>;
}

export async function startFlakySlack(fake: FakeSlack): Promise<FlakySlack> {
  const scripts = new Map<string, Misbehaviour[]>();
  const arrivals = new Map<string, number[]>();
  const hung = new Set<import('node:http').ServerResponse>();
  const target = new URL(fake.apiUrl).origin;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? '/';
    const method = path.startsWith('/response/') ? 'response_url' : path.replace(/^\/api\//, '').replace(/\?.*$/, '');
    arrivals.set(method, [...(arrivals.get(method) ?? []), performance.now()]);
    const step = scripts.get(method)?.shift();
    if (step !== undefined && 'hang' in step) {
      hung.add(res);
      return;
    }
    if (step !== undefined && 'error' in step) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: step.error }));
      return;
    }
    if (step !== undefined && 'delayMs' in step) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    if (step !== undefined && 'status' in step) {
      res.writeHead(step.status, {
        'content-type': 'application/json',
        ...(step.status === 429 ? { 'retry-after': String(step.retryAfter) } : {}),
      });
      res.end(JSON.stringify({ ok: false, error: step.status === 429 ? 'ratelimited' : 'internal_error' }));
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const answer = await fetch(`${target}${path}`, { method: 'POST', headers, body: Buffer.concat(chunks) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    script: (method, ...steps) => scripts.set(method, [...(scripts.get(method) ?? []), ...steps]),
    arrivals: (method) => arrivals.get(method) ?? [],
    close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
