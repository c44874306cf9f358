import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../model/logger.ts';

/** Bolt's logger interface over ours, so Bolt's own lines go through the same redacting output. */
export function boltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  const join = (msg: unknown[]) =>
    msg.map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : JSON.stringify(part))).join(' ');
  return {
    debug: (...msg) => logger.debug(`[bolt] ${join(msg)}`),
    info: (...msg) => logger.info(`[bolt] ${join(msg)}`),
    warn: (...msg) => (isPerAttempt(msg) ? logger.debug : logger.warn)(`[bolt] ${join(msg)}`),
    error: (...msg) => logger.error(`[bolt] ${join(msg)}`),
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    setName: () => {},
  };
}

/** The Web API client warns on every failed attempt; the caller logs the final outcome once. */
function isPerAttempt(msg: unknown[]): boolean {
  return msg[0] === 'http request failed';
}
