import type { Logger } from '../model/logger.ts';
import { describeError, isTokenFailure } from '../model/describe-error.ts';

export interface InitialiseOptions {
  sleep?: (ms: number) => Promise<void>;
  maxDelayMs?: number;
}

export class BotTokenRejected extends Error {
  override name = 'BotTokenRejected';
}

/**
 * Bolt checks the bot token (auth.test) when it initialises. Left to itself it does so in the App
 * constructor and a Slack outage at that moment crashes the process with an unhandled rejection. Here
 * an unreachable Slack is retried with backoff (1 s doubling to 30 s) until it answers; a token Slack
 * rejects is final and says what to do.
 */
export async function initialiseWithRetry(app: { init(): Promise<void> }, logger: Logger, options: InitialiseOptions = {}): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await app.init();
      return;
    } catch (error) {
      if (isTokenFailure(error)) throw new BotTokenRejected(describeError(error));
      const delay = Math.min(maxDelayMs, 1_000 * 2 ** attempt);
      logger.warn(`Slack did not answer the start-up token check (${describeError(error)}); trying again in ${delay / 1000} s`);
      await sleep(delay);
    }
  }
}
