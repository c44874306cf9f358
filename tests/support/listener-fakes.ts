import type { Clock } from '../../src/model/clock.ts';
import type { Logger } from '../../src/model/logger.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import { EventDedupe } from '../../src/slack/event-dedupe.ts';
import { RecentReplies } from '../../src/slack/recent-replies.ts';
import { UserChannels } from '../../src/slack/user-channels.ts';
import { searcherProvider } from '../../src/slack/searcher-provider.ts';
import type { ListenerDeps } from '../../src/slack/listeners/deps.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';

export const FIXED_NOW = new Date('2026-11-23T09:00:00Z');
export const fixedClock: Clock = { now: () => FIXED_NOW };

/** A logger that keeps its lines, to assert on what was logged (and that tokens were not). */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log =
    (level: string) =>
    (message: string, ...details: unknown[]) =>
      lines.push([level, message, ...details.map(String)].join(' '));
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export function fakeDeps(
  searcher: Searcher | null,
  overrides: Partial<ListenerDeps> = {},
): ListenerDeps & { logger: ReturnType<typeof recordingLogger> } {
  return {
    searchers: searcherProvider(searcher),
    clock: fixedClock,
    logger: recordingLogger(),
    command: '/kaesong',
    timeZone: 'UTC',
    dedupe: new EventDedupe(100),
    replies: new RecentReplies(100),
    userChannels: new UserChannels(() => FIXED_NOW.getTime()),
    ...overrides,
  } as ListenerDeps & { logger: ReturnType<typeof recordingLogger> };
}

/** Records every call to a function-like fake; `fail` makes the next calls reject like the WebClient does. */
export function recorder<T = unknown>(answer: (arg: T) => unknown = () => ({ ok: true })) {
  const calls: T[] = [];
  let failure: Error | null = null;
  const fn = async (arg: T) => {
    calls.push(arg);
    if (failure !== null) throw failure;
    return answer(arg);
  };
  return Object.assign(fn, {
    calls,
    failWith(code: string) {
      failure = Object.assign(new Error(`An API error occurred: ${code}`), {
        code: 'slack_webapi_platform_error',
        data: { ok: false, error: code },
      });
    },
  });
}

/**
 * A recorder for anything that sends a message (ack, respond, chat.*): like Slack, it refuses one
 * that breaks Block Kit rules (the WebClient's `invalid_blocks` error), so no test passes on it.
 * Strings, empty acks and `delete_original` are not messages.
 */
export function messageRecorder<T = unknown>(answer: (arg: T) => unknown = () => ({ ok: true })) {
  return recorder<T>((arg) => {
    const message = arg as Record<string, unknown> | undefined;
    if (
      typeof message === 'object' &&
      message !== null &&
      message['delete_original'] !== true &&
      !('user_id' in message && 'view' in message)
    ) {
      const problems = checkMessage(message);
      if (problems.length > 0) {
        throw Object.assign(new Error(`An API error occurred: invalid_blocks (${problems.join('; ')})`), {
          code: 'slack_webapi_platform_error',
          data: { ok: false, error: 'invalid_blocks' },
        });
      }
    }
    return answer(arg);
  });
}

/** The parts of a WebClient the listeners call, recorded. */
export function fakeClient(parentText: string | null = null) {
  const postMessage = messageRecorder<Record<string, unknown>>(() => ({ ok: true, ts: '1.1' }));
  const postEphemeral = messageRecorder<Record<string, unknown>>();
  const update = messageRecorder<Record<string, unknown>>((params) => ({ ok: true, ts: params['ts'] }));
  const replies = recorder<Record<string, unknown>>(() => ({
    ok: true,
    messages: parentText === null ? [] : [{ text: parentText, ts: '1' }],
  }));
  return {
    client: { chat: { postMessage, postEphemeral, update }, conversations: { replies } },
    postMessage,
    postEphemeral,
    update,
    replies,
  };
}
