import { describe, expect, it } from 'vitest';
import { appMentionCallback } from '../../../src/slack/listeners/events/app-mention.ts';
import { appHomeOpenedCallback } from '../../../src/slack/listeners/events/app-home-opened.ts';
import { backgroundShortcutCallback } from '../../../src/slack/listeners/shortcuts/background-shortcut.ts';
import { checkView } from '../../../src/block-kit/limits.ts';
import { fakeSearcher } from '../../support/fake-searcher.ts';
import { kaesongTimeline } from '../../support/records.ts';
import { fakeClient, fakeDeps, messageRecorder, recorder } from '../../support/listener-fakes.ts';

describe('app_mention, edited', () => {
  const mention = (text: string, eventId: string, extra: Record<string, unknown> = {}) => {
    const event = {
      type: 'app_mention',
      user: 'U1',
      text,
      ts: '1700000000.000200',
      channel: 'C1',
      event_ts: '1700000000.000200',
      ...extra,
    };
    return { event, body: { event_id: eventId, event }, context: { botUserId: 'UBOT' } };
  };

  it('updates the answer it gave, with the edited question', async () => {
    const { client, postMessage, update } = fakeClient();
    const callback = appMentionCallback(fakeDeps(fakeSearcher(kaesongTimeline(3))));
    await callback({ ...mention('<@UBOT> kaesong', 'Ev1'), client } as never);
    await callback({ ...mention('<@UBOT> kaesong factory', 'Ev2', { edited: { user: 'U1', ts: '1700000060.000000' } }), client } as never);
    expect(postMessage.calls).toHaveLength(1);
    expect(update.calls).toHaveLength(1);
    expect(update.calls[0]).toMatchObject({ channel: 'C1', ts: '1.1' });
    expect(String(update.calls[0]!['text']).split('\n')[0]).toBe('kaesong factory · 1 event');
  });

  it('tells the asker privately when Slack refuses the update', async () => {
    const { client, update, postEphemeral } = fakeClient();
    const callback = appMentionCallback(fakeDeps(fakeSearcher(kaesongTimeline(3))));
    await callback({ ...mention('<@UBOT> kaesong', 'Ev1'), client } as never);
    update.failWith('cant_update_message');
    await callback({ ...mention('<@UBOT> kaesong factory', 'Ev2', { edited: { user: 'U1', ts: '1' } }), client } as never);
    expect(postEphemeral.calls.map((call) => call['text'])).toEqual([
      'I could not post my answer here (Slack said `cant_update_message`). Please try again in a minute, or use /kaesong, which answers only you.',
    ]);
  });
});

describe('Background shortcut', () => {
  const shortcut = (text: string) => ({
    type: 'message_action',
    callback_id: 'kaesong_background',
    message: { type: 'message', text, ts: '1.1' },
    user: { id: 'U2' },
    channel: { id: 'C1' },
  });

  it('acks, then answers privately with the message’s key words and Share in channel', async () => {
    const ack = messageRecorder<unknown>(() => undefined);
    const respond = messageRecorder<Record<string, unknown>>(() => undefined);
    await backgroundShortcutCallback(fakeDeps(fakeSearcher(kaesongTimeline(3))))({
      shortcut: shortcut('Kaesong factory workers are back at work'),
      ack,
      respond,
    } as never);
    expect(ack.calls).toEqual([undefined]);
    expect(respond.calls[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(String(respond.calls[0]!['text']).split('\n')[0]).toBe('Background for: Kaesong (words from the message)');
    expect(JSON.stringify(respond.calls[0]!['blocks'])).toContain('"action_id":"kaesong_share"');
  });

  it('logs, and does not throw, when the response_url fails', async () => {
    const deps = fakeDeps(fakeSearcher(kaesongTimeline(3)));
    const respond = recorder<unknown>();
    respond.failWith('expired_url');
    await backgroundShortcutCallback(deps)({ shortcut: shortcut('Kaesong'), ack: recorder(), respond } as never);
    expect(deps.logger.lines.filter((line) => line.startsWith('warn'))).toEqual(['warn respond() failed Slack API error expired_url']);
  });
});

describe('app_home_opened', () => {
  const opened = (tab = 'home') => ({ event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab }, body: { team_id: 'T1' } });
  const client = (publish: ReturnType<typeof recorder<Record<string, unknown>>>) => ({
    views: { publish },
    users: { conversations: async () => ({ ok: true, channels: [{ id: 'C1' }] }) },
  });

  it('publishes a valid Home tab, and nothing for the Messages tab', async () => {
    const publish = recorder<Record<string, unknown>>();
    const callback = appHomeOpenedCallback(fakeDeps(fakeSearcher(kaesongTimeline(3))));
    await callback({ ...opened('messages'), client: client(publish) } as never);
    expect(publish.calls).toEqual([]);
    await callback({ ...opened(), client: client(publish) } as never);
    expect(publish.calls[0]!['user_id']).toBe('U1');
    expect(checkView(publish.calls[0]!['view'])).toEqual([]);
  });

  it('logs, and does not throw, when Slack refuses the view', async () => {
    const deps = fakeDeps(fakeSearcher(kaesongTimeline(3)));
    const publish = recorder<Record<string, unknown>>();
    publish.failWith('not_enabled');
    await appHomeOpenedCallback(deps)({ ...opened(), client: client(publish) } as never);
    expect(deps.logger.lines).toEqual(['warn could not publish the Home tab for U1 Slack API error not_enabled']);
  });
});
