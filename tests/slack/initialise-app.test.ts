import { describe, expect, it } from 'vitest';
import { BotTokenRejected, initialiseWithRetry } from '../../src/slack/initialise-app.ts';
import { recordingLogger } from '../support/listener-fakes.ts';

const networkDown = Object.assign(new Error('A request error occurred: fetch failed'), { code: 'slack_webapi_request_error' });
const revoked = Object.assign(new Error('An API error occurred: token_revoked'), {
  code: 'slack_webapi_platform_error',
  data: { ok: false, error: 'token_revoked' },
});

function appFailing(...errors: Error[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async init() {
      const error = errors[calls];
      calls += 1;
      if (error !== undefined) throw error;
    },
  };
}

describe('initialiseWithRetry', () => {
  it('waits out a Slack outage at start-up with growing pauses instead of crashing', async () => {
    const app = appFailing(networkDown, networkDown, networkDown);
    const pauses: number[] = [];
    const logger = recordingLogger();
    await initialiseWithRetry(app, logger, { sleep: async (ms) => void pauses.push(ms), maxDelayMs: 3_000 });
    expect(app.calls).toBe(4);
    expect(pauses).toEqual([1_000, 2_000, 3_000]);
    expect(logger.lines.filter((line) => line.includes('Slack did not answer the start-up token check'))).toHaveLength(3);
  });

  it('stops at once, saying what to do, when Slack rejects the token', async () => {
    const app = appFailing(revoked);
    await expect(initialiseWithRetry(app, recordingLogger(), { sleep: async () => {} })).rejects.toThrow(
      new BotTokenRejected('Slack API error token_revoked: Slack rejects the bot token; reinstall the app or set a new SLACK_BOT_TOKEN'),
    );
    expect(app.calls).toBe(1);
  });
});
