import type { Clock } from '../../src/model/clock.ts';
import type { Logger } from '../../src/model/logger.ts';
import type { DigestPost, Publish } from '../../src/digest/digest-runner.ts';

export interface SteppableClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function steppableClock(iso: string): SteppableClock {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next) => {
      now = new Date(next);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const log =
    (level: string) =>
    (message: string, ...details: unknown[]) =>
      void lines.push([level, message, ...details.map(String)].join(' '));
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export interface FakePublisher {
  publish: Publish;
  posts: DigestPost[];
  /** Errors thrown by the next calls, in order, before calls succeed again. */
  failNext(...errors: unknown[]): void;
  /** Errors thrown by the next calls for one channel, in order. */
  failIn(channel: string, ...errors: unknown[]): void;
}

export function fakePublisher(): FakePublisher {
  const posts: DigestPost[] = [];
  const failures: unknown[] = [];
  const channelFailures = new Map<string, unknown[]>();
  let counter = 0;
  return {
    posts,
    failNext: (...errors) => void failures.push(...errors),
    failIn: (channel, ...errors) => void channelFailures.set(channel, [...(channelFailures.get(channel) ?? []), ...errors]),
    async publish(post) {
      if (failures.length > 0) throw failures.shift();
      const forChannel = channelFailures.get(post.channel);
      if (forChannel !== undefined && forChannel.length > 0) throw forChannel.shift();
      posts.push(post);
      counter += 1;
      return { ts: `1700000000.${String(counter).padStart(6, '0')}` };
    },
  };
}

export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** The errors @slack/web-api throws, by shape (the runner reads code, retryAfter, statusCode, data). */
export const slackErrors = {
  rateLimited: (retryAfterSeconds: number) =>
    Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: retryAfterSeconds }),
  http: (statusCode: number) =>
    Object.assign(new Error(`HTTP ${statusCode}`), { code: 'slack_webapi_http_error', statusCode, headers: {} }),
  network: () => Object.assign(new Error('socket hang up'), { code: 'slack_webapi_request_error' }),
  platform: (error: string) =>
    Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } }),
};
