import { describe, expect, it } from 'vitest';
import { countRequests, requestKind } from '../../src/metrics/count-requests.ts';
import { timeAcks } from '../../src/metrics/time-acks.ts';
import { recordingMetrics } from './recording-metrics.ts';

const KNOWN = { command: '/kaesong', actions: ['kaesong_share', 'kaesong_more'] };

async function count(body: Record<string, unknown>, context: { retryNum?: number } = {}) {
  const metrics = recordingMetrics();
  let nextCalled = false;
  await countRequests(
    metrics,
    KNOWN,
  )({
    body,
    context,
    next: async () => {
      nextCalled = true;
    },
  });
  expect(nextCalled).toBe(true);
  return metrics.calls;
}

describe('countRequests', () => {
  it('counts the slash command by name, and any other command as other', async () => {
    expect(await count({ command: '/kaesong', text: 'kaesong' })).toEqual(['commandReceived(/kaesong)']);
    expect(await count({ command: '/elsewhere', text: '' })).toEqual(['commandReceived(other)']);
  });

  it('counts app_mention events, and no other event', async () => {
    expect(await count({ type: 'event_callback', event: { type: 'app_mention', text: '<@UBOT> hi' } })).toEqual(['mentionReceived()']);
    expect(await count({ type: 'event_callback', event: { type: 'message', channel_type: 'im' } })).toEqual([]);
  });

  it('does not count Slack’s re-delivery of an event it already sent', async () => {
    expect(await count({ type: 'event_callback', event: { type: 'app_mention', text: '<@UBOT> hi' } }, { retryNum: 1 })).toEqual([]);
  });

  it('counts a button press by its action id when it is one of ours, as other when not', async () => {
    expect(await count({ type: 'block_actions', actions: [{ action_id: 'kaesong_more' }] })).toEqual(['buttonPressed(kaesong_more)']);
    expect(await count({ type: 'block_actions', actions: [{ action_id: 'forged_action_1234' }] })).toEqual(['buttonPressed(other)']);
    expect(await count({ type: 'block_actions', actions: [] })).toEqual(['buttonPressed(other)']);
  });
});

describe('requestKind', () => {
  it('tells commands, actions, events and the rest apart', () => {
    expect(
      [{ command: '/kaesong' }, { type: 'block_actions' }, { type: 'event_callback' }, { type: 'view_submission' }].map(requestKind),
    ).toEqual(['command', 'action', 'event', 'other']);
  });
});

describe('timeAcks', () => {
  it('times the first ack from the request’s arrival, passes the ack through, and ignores a second ack', async () => {
    const metrics = recordingMetrics();
    let clock = 1_000;
    const acked: unknown[] = [];
    const process = timeAcks(
      async (request: { body: Record<string, unknown>; ack: (response?: unknown) => Promise<void> }) => {
        clock += 42;
        await request.ack({ text: 'hi' });
        clock += 10;
        await request.ack();
      },
      metrics,
      () => clock,
    );
    await process({ body: { command: '/kaesong' }, ack: async (response) => void acked.push(response) });
    expect(acked).toEqual([{ text: 'hi' }, undefined]);
    expect(metrics.calls).toEqual(['acked(command)']);
    expect(metrics.seconds).toEqual([0.042]);
  });
});
