import { describe, expect, it } from 'vitest';
import { pageResultsCallback } from '../../../src/slack/listeners/actions/page-results.ts';
import { shareInChannelCallback } from '../../../src/slack/listeners/actions/share-in-channel.ts';
import { checkMessage } from '../../../src/block-kit/limits.ts';
import { encodeCursor, type Cursor } from '../../../src/block-kit/cursor.ts';
import { fakeSearcher } from '../../support/fake-searcher.ts';
import { periodRecords } from '../../support/period-records.ts';
import { FIXED_NOW, fakeDeps, recorder } from '../../support/listener-fakes.ts';

function press(actionId: string, cursor: Omit<Cursor, 'now'>) {
  const ack = recorder<unknown>(() => undefined);
  const respond = recorder<Record<string, unknown>>(() => undefined);
  const value = encodeCursor({ ...cursor, now: FIXED_NOW.getTime() });
  const body = {
    type: 'block_actions',
    user: { id: 'U777' },
    container: { type: 'message', is_ephemeral: true },
    actions: [{ action_id: actionId, value }],
  };
  return { args: { ack, respond, body, action: body.actions[0] } as never, ack, respond };
}

const firstLine = (reply: Record<string, unknown>) => String(reply['text']).split('\n')[0];

describe('the period at a glance, from its buttons', () => {
  it("Timeline replaces the glance with the period's events in date order", async () => {
    const { args, ack, respond } = press('kaesong_timeline', { query: '2013', offset: 0, mode: 'timeline' });
    await pageResultsCallback(fakeDeps(fakeSearcher(periodRecords())))(args);
    expect(ack.calls).toHaveLength(1);
    expect(respond.calls[0]!['replace_original']).toBe(true);
    expect(firstLine(respond.calls[0]!)).toBe('2013 · 43 events · oldest first · showing 1–5');
    expect(checkMessage(respond.calls[0]!)).toEqual([]);
  });

  it('a story opens its own timeline in the period', async () => {
    const { args, respond } = press('kaesong_story', { query: '2013', offset: 0, mode: 'timeline', story: "2013 Egyptian coup d'état" });
    await pageResultsCallback(fakeDeps(fakeSearcher(periodRecords())))(args);
    expect(firstLine(respond.calls[0]!)).toBe("2013 · 2013 Egyptian coup d'état · 3 events · oldest first");
    expect(checkMessage(respond.calls[0]!)).toEqual([]);
  });

  it('the way back shows the glance again', async () => {
    const { args, respond } = press('kaesong_glance', { query: '2013', offset: 0, mode: 'glance' });
    await pageResultsCallback(fakeDeps(fakeSearcher(periodRecords())))(args);
    expect(firstLine(respond.calls[0]!)).toBe('2013 at a glance: 41 events');
  });

  it('Share posts the glance itself for everyone, without buttons', async () => {
    const { args, respond } = press('kaesong_share', { query: '2013', offset: 0, mode: 'glance' });
    await shareInChannelCallback(fakeDeps(fakeSearcher(periodRecords())))(args);
    const shared = respond.calls[0]!;
    expect(String(shared['text']).split('\n').slice(0, 2)).toEqual(['Shared by <@U777>', '2013 at a glance: 41 events']);
    expect(JSON.stringify(shared['blocks'])).not.toContain('"button"');
    expect(checkMessage(shared)).toEqual([]);
  });
});
