import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveKnowledge, type LiveKnowledge } from '../../src/knowledge/live-knowledge.ts';
import { followDesk, type DeskFollower } from '../../src/desk/follow-desk.ts';
import { silentLogger } from '../../src/model/logger.ts';
import { searcherProvider } from '../../src/slack/searcher-provider.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { corpusDir, startHarness, type Harness } from '../hardening/app-harness.ts';
import { nextTriggerId } from '../support/signed-request.ts';

type Json = Record<string, unknown>;
interface View {
  callback_id: string;
  title: { text: string };
  private_metadata: string;
  blocks: Array<{
    type: string;
    block_id?: string;
    element?: { type: string; initial_value?: string; initial_date?: string; options?: Json[]; initial_options?: Json[] };
    text?: { text: string };
  }>;
}

let h: Harness;
let store: Store;
let knowledge: LiveKnowledge;
let follower: DeskFollower;

async function start(env: Record<string, string> = {}, wrap: (store: Store) => Store = (plain) => plain) {
  store = wrap(openSqliteStore('sqlite::memory:'));
  const searchers = searcherProvider(null);
  knowledge = liveKnowledge([corpusDir], {
    cacheDir: null,
    logger: silentLogger,
    onIndex: (index) => searchers.set(index),
    watchDelayMs: 60_000,
  });
  await knowledge.ready;
  follower = followDesk(store, knowledge, { logger: silentLogger, every: () => () => {} });
  await follower.start();
  h = await startHarness({ searchers, desk: { store, follower }, env });
}

afterEach(async () => {
  await h.stop();
  await follower.stop();
  await knowledge.close();
  await store.close();
});

const MESSAGE =
  'Seoul confirms the Kaesong factories reopen on 2026-02-10, with 120 firms. Unification ministry: <https://www.reuters.com/world/asia/kaesong-reopens|Reuters story> and <https://en.yna.co.kr/view/AEN2026> <!channel>';

function shortcutPayload(user: string) {
  return {
    type: 'message_action',
    callback_id: 'kaesong_add_to_timeline',
    trigger_id: nextTriggerId(),
    response_url: h.fake.responseUrl(`shortcut-${user}`),
    team: { id: 'T1', domain: 'newsroom' },
    channel: { id: 'C1', name: 'korea-desk' },
    user: { id: user, username: user, team_id: 'T1' },
    message_ts: '1770000000.000100',
    action_ts: '1770000001.000100',
    message: { type: 'message', user: 'U9', ts: '1770000000.000100', text: MESSAGE },
  };
}

function lastOpenedView(): View {
  return h.fake.callsTo('views.open').at(-1)!.params['view'] as View;
}

/** The view's fields as the user left them (the initial values), with `changes` typed over them. */
function stateOf(view: View, changes: Record<string, string | string[]> = {}) {
  const values: Record<string, Json> = {};
  for (const block of view.blocks) {
    if (block.type !== 'input' || block.block_id === undefined || block.element === undefined) continue;
    const change = changes[block.block_id];
    const element = block.element;
    if (element.type === 'datepicker')
      values[block.block_id] = { value: { type: 'datepicker', selected_date: change ?? element.initial_date ?? null } };
    else if (element.type === 'checkboxes') {
      const selected = Array.isArray(change)
        ? (element.options ?? []).filter((option) => change.includes(String(option['value'])))
        : (element.initial_options ?? []);
      values[block.block_id] = { value: { type: 'checkboxes', selected_options: selected } };
    } else
      values[block.block_id] = {
        value: { type: 'plain_text_input', value: typeof change === 'string' ? change : (element.initial_value ?? null) },
      };
  }
  return { values };
}

function submit(view: View, user: string, changes: Record<string, string | string[]> = {}, metadata = view.private_metadata) {
  return h.interact({
    type: 'view_submission',
    team: { id: 'T1', domain: 'newsroom' },
    user: { id: user, username: user, team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: nextTriggerId(),
    view: {
      id: 'V9',
      type: 'modal',
      team_id: 'T1',
      callback_id: view.callback_id,
      private_metadata: metadata,
      state: stateOf(view, changes),
      hash: 'h',
    },
  });
}

function pressMenu(id: string, choice: 'edit' | 'remove', user: string, responseId: string) {
  return h.interact({
    type: 'block_actions',
    user: { id: user, username: user, team_id: 'T1' },
    api_app_id: 'A1',
    team: { id: 'T1', domain: 'newsroom' },
    container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: true },
    channel: { id: 'C1', name: 'korea-desk' },
    trigger_id: nextTriggerId(),
    response_url: h.fake.responseUrl(responseId),
    actions: [
      {
        type: 'overflow',
        action_id: `kaesong_desk_menu:${id}`,
        block_id: 'b1',
        selected_option: { text: { type: 'plain_text', text: choice === 'edit' ? 'Edit' : 'Remove' }, value: choice },
        action_ts: '1.3',
      },
    ],
  });
}

async function search(text: string): Promise<string> {
  const reply = await h.slash(text, `search-${text}`);
  return (reply.json as { text: string }).text;
}

/** Adds the shortcut's message as U1 would, leaving every field as prefilled. */
async function addFromShortcut(changes: Record<string, string | string[]> = {}) {
  await h.interact(shortcutPayload('U1'));
  await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 1);
  const reply = await submit(lastOpenedView(), 'U1', changes);
  expect(reply.status).toBe(200);
  expect(reply.text).toBe('');
  return (await store.listDeskEvents())[0]!;
}

const ID = 'news/2026/02/10/seoul-confirms-the-kaesong-factories-reopen-on-2026-02-10-with-120-firms';

describe('Add to timeline', () => {
  beforeEach(async () => {
    await start();
  });

  it('the message shortcut opens the modal prefilled from the message', async () => {
    expect((await h.interact(shortcutPayload('U1'))).status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 1);
    const view = lastOpenedView();
    expect(view.title.text).toBe('Add to timeline');
    const field = (id: string) => view.blocks.find((block) => block.block_id === id)!.element!;
    expect(field('desk_headline').initial_value).toBe('Seoul confirms the Kaesong factories reopen on 2026-02-10, with 120 firms.');
    expect(field('desk_date').initial_date).toBe('2026-02-10');
    expect(field('desk_summary').initial_value).toBe(
      'Seoul confirms the Kaesong factories reopen on 2026-02-10, with 120 firms. Unification ministry: Reuters story and https://en.yna.co.kr/view/AEN2026 @channel',
    );
    expect(field('desk_sources').initial_value).toBe(
      'Reuters https://www.reuters.com/world/asia/kaesong-reopens\nYonhap https://en.yna.co.kr/view/AEN2026',
    );
    expect(field('desk_contexts').initial_value).toBe('Kaesong area, North Korea, South Korea');
    const related = field('desk_related');
    expect(related.options!.length).toBeGreaterThanOrEqual(3);
    expect(related.initial_options!.map((option) => option['value'])).toEqual(['0', '1', '2']);
    expect(field('desk_image').initial_value).toBeUndefined();
    expect(h.fake.rejections()).toEqual([]);
  });

  it('answers an invalid submission with errors on its fields and saves nothing', async () => {
    await h.interact(shortcutPayload('U1'));
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 1);
    const reply = await submit(lastOpenedView(), 'U1', {
      desk_headline: '   ',
      desk_date: '1750-01-01',
      desk_sources: 'Reuters ftp://reuters.com/x',
      desk_image: 'javascript:alert(1)',
    });
    expect(reply.json).toEqual({
      response_action: 'errors',
      errors: {
        desk_headline: 'A headline is required.',
        desk_date: 'The date must be between 1800 and a year from today.',
        desk_sources: 'Line 1: each source needs an http(s) link at the end, e.g. “Reuters https://www.reuters.com/…”.',
        desk_image: 'The cover image must be an http(s) link, e.g. https://example.org/photo.jpg.',
      },
    });
    const tooLong = await submit(lastOpenedView(), 'U1', { desk_headline: 'x'.repeat(301) });
    expect(tooLong.json).toEqual({ response_action: 'errors', errors: { desk_headline: 'At most 300 characters, please (this is 301).' } });
    expect(await store.listDeskEvents()).toEqual([]);
    expect(await store.deskChangesAfter(0, 10)).toEqual([]);
  });

  it('saves a valid one, confirms with the card, and /kaesong finds it at once', async () => {
    expect(await search('factories reopen 120 firms')).not.toContain('Seoul confirms');
    const saved = await addFromShortcut();
    expect(saved.author).toBe('U1');
    expect(saved.permalink).toBe('https://newsroom.slack.com/archives/C1/p1770000000000100');
    expect(saved.record).toMatchObject({
      id: ID,
      date: '2026-02-10',
      sources: [
        { name: 'Reuters', url: 'https://www.reuters.com/world/asia/kaesong-reopens' },
        { name: 'Yonhap', url: 'https://en.yna.co.kr/view/AEN2026' },
      ],
      contexts: ['Kaesong area', 'North Korea', 'South Korea'],
    });
    expect(saved.record.related.length).toBe(3);
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').length === 1);
    const confirmation = h.fake.callsTo('chat.postEphemeral')[0]!.params;
    expect(confirmation).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(String(confirmation['text'])).toBe(
      '*Added to the timeline*, searchable now: Seoul confirms the Kaesong factories reopen on 2026-02-10, with 120 firms.',
    );
    expect(JSON.stringify(confirmation['blocks'])).toContain(`"action_id":"kaesong_desk_menu:${ID}"`);
    expect(await search('factories reopen 120 firms')).toContain('Seoul confirms the Kaesong factories reopen');
    expect(h.fake.rejections()).toEqual([]);
  });

  it('confirms in the DM when the message was in a private channel the bot is not in', async () => {
    h.fake.channel('C1', { member: false, private: true });
    await addFromShortcut();
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1);
    expect(h.fake.callsTo('chat.postMessage')[0]!.params).toMatchObject({ channel: 'U1' });
    expect(h.fake.rejections().map((call) => [call.method, call.rejected])).toEqual([['chat.postEphemeral', 'channel_not_found']]);
  });

  it('says so when the event is already there, and saves nothing more', async () => {
    await addFromShortcut();
    await h.interact(shortcutPayload('U2'));
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 2);
    const again = await submit(lastOpenedView(), 'U2');
    expect(again.json).toEqual({
      response_action: 'errors',
      errors: {
        desk_headline:
          'An event with this date and headline is already in the timeline. Change the headline or the date, or edit that event: its card is in the channel, with ⋯ → Edit.',
      },
    });
    expect((await store.deskChangesAfter(0, 10)).length).toBe(1);
  });

  it('lets the author edit and remove, and refuses both to someone else, even with a tampered form', async () => {
    await addFromShortcut();
    // Someone else: one line saying who can.
    await pressMenu(ID, 'edit', 'U2', 'menu-u2');
    await h.fake.waitFor(() => h.fake.calls.some((call) => call.path === '/response/menu-u2'));
    expect(h.fake.calls.find((call) => call.path === '/response/menu-u2')!.params).toMatchObject({
      response_type: 'ephemeral',
      text: 'You cannot edit this event. Only the person who added it (<@U1>) can.',
    });
    // The author's edit modal, prefilled …
    await pressMenu(ID, 'edit', 'U1', 'menu-u1');
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 2);
    const edit = lastOpenedView();
    expect(edit.title.text).toBe('Edit event');
    // … submitted by someone else with the author's metadata: refused on the server.
    const tampered = await submit(edit, 'U2', { desk_headline: 'Hijacked' });
    expect(tampered.json).toEqual({
      response_action: 'errors',
      errors: { desk_headline: 'Only the person who added this event, or a timeline editor, can change it.' },
    });
    expect((await store.getDeskEvent(ID))!.record.title).toBe('Seoul confirms the Kaesong factories reopen on 2026-02-10, with 120 firms.');
    // The author's own edit: a new headline, so a new id; searchable at once, the old one gone.
    expect((await submit(edit, 'U1', { desk_headline: 'Kaesong factories reopen with 120 firms' })).text).toBe('');
    const newId = 'news/2026/02/10/kaesong-factories-reopen-with-120-firms';
    expect((await store.listDeskEvents()).map((event) => [event.record.id, event.author])).toEqual([[newId, 'U1']]);
    expect(await search('factories reopen 120 firms')).toContain('Kaesong factories reopen with 120 firms');
    expect(await search('factories reopen 120 firms')).not.toContain('Seoul confirms');

    // Remove: refused to someone else, a confirm dialog for the author, then gone.
    await pressMenu(newId, 'remove', 'U2', 'remove-u2');
    await h.fake.waitFor(() => h.fake.calls.some((call) => call.path === '/response/remove-u2'));
    expect(h.fake.calls.find((call) => call.path === '/response/remove-u2')!.params['text']).toBe(
      'You cannot remove this event. Only the person who added it (<@U1>) can.',
    );
    await pressMenu(newId, 'remove', 'U1', 'remove-u1');
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 3);
    const confirm = lastOpenedView();
    expect(confirm.callback_id).toBe('kaesong_desk_remove');
    expect(confirm.blocks[0]!.text!.text).toBe(
      'Remove “Kaesong factories reopen with 120 firms” from the timeline? Everyone stops finding it.',
    );
    // A replayed confirmation by someone else removes nothing.
    await submit(confirm, 'U2');
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').some((call) => call.params['user'] === 'U2'));
    expect((await store.listDeskEvents()).length).toBe(1);
    await submit(confirm, 'U1');
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').some((call) => String(call.params['text']).startsWith('Removed')));
    expect(await store.listDeskEvents()).toEqual([]);
    expect(await search('factories reopen 120 firms')).not.toContain('Kaesong factories reopen with 120 firms');
    expect((await store.deskChangesAfter(0, 10)).map((change) => [change.action, change.userId])).toEqual([
      ['add', 'U1'],
      ['edit', 'U1'],
      ['remove', 'U1'],
    ]);
    expect(h.fake.rejections()).toEqual([]);
  });

  it('stores a hostile headline as typed and never lets it ping or format', async () => {
    const hostile = '<!channel> *Kaesong* _gates_ ~open~ `now` <@U0BOSS>';
    const saved = await addFromShortcut({ desk_headline: hostile });
    expect(saved.record.title).toBe(hostile);
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').length === 1);
    const confirmation = JSON.stringify(h.fake.callsTo('chat.postEphemeral')[0]!.params['blocks']);
    // The cards (the fallback text is never rendered as a card).
    const answer = JSON.stringify(((await h.slash('kaesong gates open now', 'hostile')).json as { blocks: unknown }).blocks);
    for (const shown of [confirmation, answer]) {
      expect(shown).toContain('&lt;!channel&gt;');
      expect(shown).not.toContain('<!channel>');
      expect(shown).not.toContain('<@U0BOSS>');
      // Formatting characters become look-alikes Slack does not parse.
      expect(shown).toContain('∗Kaesong∗ ˍgatesˍ ∼open∼ ˋnowˋ');
      expect(shown).not.toMatch(/`now`|~open~|_gates_/);
    }
  });

  it('/kaesong add opens the same modal with the headline', async () => {
    await h.slash('add Kaesong talks resume', 'add');
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 1);
    const view = lastOpenedView();
    expect(view.blocks.find((block) => block.block_id === 'desk_headline')!.element!.initial_value).toBe('Kaesong talks resume');
    expect(view.blocks.find((block) => block.block_id === 'desk_date')!.element!.initial_date).toBe('2026-11-23');
  });
});

describe('a save slower than Slack waits for', () => {
  let release: () => void = () => {};
  beforeEach(async () => {
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await start({}, (plain) => ({ ...plain, writeDesk: async (...args) => gate.then(() => plain.writeDesk(...args)) }));
  });

  it('closes the modal within the 3 s, then confirms once saved', async () => {
    await h.interact(shortcutPayload('U1'));
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 1);
    const reply = await submit(lastOpenedView(), 'U1');
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect(h.fake.callsTo('chat.postEphemeral')).toEqual([]);
    release();
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').length === 1);
    expect(String(h.fake.callsTo('chat.postEphemeral')[0]!.params['text'])).toMatch(
      /^\*Added to the timeline\*, searchable now: Seoul confirms/,
    );
    expect(await search('factories reopen 120 firms')).toContain('Seoul confirms the Kaesong factories reopen');
  });
});

describe('the Home tab', () => {
  beforeEach(async () => {
    await start({ KAESONG_ADDING: 'editors', KAESONG_EDITORS: 'U7' });
  });

  it('offers Add event to those who may add, which opens the modal; the confirmation goes to their DM', async () => {
    await h.event({ type: 'app_home_opened', user: 'U7', channel: 'D7', tab: 'home', event_ts: '1.1' }, 'Ev-home-editor');
    await h.event({ type: 'app_home_opened', user: 'U2', channel: 'D2', tab: 'home', event_ts: '1.2' }, 'Ev-home-reader');
    await h.fake.waitFor(() => h.fake.callsTo('views.publish').length === 2);
    const buttonsFor = (user: string) =>
      JSON.stringify(h.fake.callsTo('views.publish').find((call) => call.params['user_id'] === user)!.params['view']).includes(
        '"action_id":"kaesong_add_event"',
      );
    expect(buttonsFor('U7')).toBe(true);
    expect(buttonsFor('U2')).toBe(false);
    await h.interact({
      type: 'block_actions',
      user: { id: 'U7', username: 'ed', team_id: 'T1' },
      api_app_id: 'A1',
      team: { id: 'T1' },
      container: { type: 'view', view_id: 'V1' },
      trigger_id: nextTriggerId(),
      view: { id: 'V1', type: 'home' },
      actions: [
        {
          type: 'button',
          action_id: 'kaesong_add_event',
          block_id: 'kaesong_home_add',
          action_ts: '1.3',
          text: { type: 'plain_text', text: 'Add event' },
        },
      ],
    });
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 1);
    expect((await submit(lastOpenedView(), 'U7', { desk_headline: 'Kaesong ferry pier reopens' })).text).toBe('');
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1);
    expect(h.fake.callsTo('chat.postMessage')[0]!.params['channel']).toBe('U7');
    // Adding is for editors only here: someone else's submission is refused on the server.
    expect((await submit(lastOpenedView(), 'U2', { desk_headline: 'Another event' })).json).toEqual({
      response_action: 'errors',
      errors: { desk_headline: 'Only the timeline editors can add events.' },
    });
  });
});

describe('editors', () => {
  beforeEach(async () => {
    await start({ KAESONG_EDITORS: 'U7,S1' });
    h.fake.usergroup('S1', ['U3']);
  });

  it('lets a member of an editors group edit anyone’s event, and names the editors to others', async () => {
    await addFromShortcut();
    await pressMenu(ID, 'edit', 'U2', 'menu-u2');
    await h.fake.waitFor(() => h.fake.calls.some((call) => call.path === '/response/menu-u2'));
    expect(h.fake.calls.find((call) => call.path === '/response/menu-u2')!.params['text']).toBe(
      'You cannot edit this event. Only the person who added it (<@U1>) or the timeline editors (<@U7>, <!subteam^S1>) can.',
    );
    await pressMenu(ID, 'edit', 'U3', 'menu-u3');
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 2);
    expect((await submit(lastOpenedView(), 'U3', { desk_summary: 'Edited by the desk editor.' })).text).toBe('');
    expect((await store.getDeskEvent(ID))!.record.summary).toBe('Edited by the desk editor.');
    expect(h.fake.callsTo('usergroups.users.list').map((call) => call.params['usergroup'])).toEqual(['S1']);
  });
});
