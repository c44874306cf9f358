import type { Metrics } from '../model/metrics.ts';

/**
 * fetch for the Slack clients that counts every failed call by method and code, whichever listener
 * made it: `{ ok: false, error }` answers by Slack's code, other statuses as `http_<status>`, and
 * calls that never got an answer as `timeout` or `network`. Web API calls are `/api/<method>`;
 * anything else is a response_url.
 */
export function observedFetch(fetchImpl: typeof fetch, metrics: Pick<Metrics, 'slackApiFailed'>): typeof fetch {
  return async (input, init) => {
    const method = methodOf(input);
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      metrics.slackApiFailed(method, name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network');
      throw error;
    }
    if (!response.ok) {
      metrics.slackApiFailed(method, `http_${response.status}`);
      return response;
    }
    if (!(response.headers.get('content-type') ?? '').includes('json')) return response;
    // Read once and hand on a copy: a tee (response.clone()) cost ~3× more per call than this.
    const text = await response.text();
    const code = errorCode(text);
    if (code !== null) metrics.slackApiFailed(method, code);
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function methodOf(input: Parameters<typeof fetch>[0]): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const match = /\/api\/([A-Za-z0-9_.]+)(?:[?#]|$)/.exec(url);
  return match?.[1] ?? 'response_url';
}

function errorCode(text: string): string | null {
  if (!/"ok"\s*:\s*false/.test(text)) return null;
  try {
    const body = JSON.parse(text) as { ok?: unknown; error?: unknown };
    if (body.ok !== false) return null;
    return typeof body.error === 'string' && /^[a-z0-9_]{1,64}$/.test(body.error) ? body.error : 'unknown';
  } catch {
    return null;
  }
}
