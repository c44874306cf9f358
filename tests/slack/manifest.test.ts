import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { registerListeners } from '../../src/slack/listeners/index.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { fakeDeps } from '../support/listener-fakes.ts';
import { fakeSearcher } from '../support/fake-searcher.ts';

interface Manifest {
  display_information: { name: string; description: string; background_color: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; description: string; usage_hint: string; should_escape: boolean; url?: string }>;
    shortcuts: Array<{ name: string; type: string; callback_id: string; description: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const load = (name: string) => yaml.load(readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8')) as Manifest;
const manifest = load('manifest.yml');
const httpManifest = load('manifest.http.yml');

/** What the code registers with Bolt, recorded by a stand-in App. */
function registered() {
  const seen = {
    commands: [] as string[],
    events: [] as string[],
    actions: [] as string[],
    shortcuts: [] as Array<{ callback_id: string; type: string }>,
    views: [] as string[],
  };
  const app = {
    command: (name: string) => seen.commands.push(name),
    event: (name: string) => seen.events.push(name),
    action: (id: string | RegExp) => seen.actions.push(String(id)),
    view: (callbackId: string) => seen.views.push(callbackId),
    shortcut: (constraints: { callback_id: string; type: string }) => seen.shortcuts.push(constraints),
  };
  const command = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_APP_TOKEN: 'xapp-x' }, { slack: true }).slack!.slashCommand;
  // With the desk, as main.ts wires it: its shortcut, modals and card menus are registered too.
  registerListeners(app as never, fakeDeps(fakeSearcher([]), { command, desk: {} as never }));
  return seen;
}

/** Bolt's event name for each manifest subscription (message.im arrives as `message`, checked for channel_type im). */
const BOLT_EVENT: Record<string, string> = { app_mention: 'app_mention', 'message.im': 'message', app_home_opened: 'app_home_opened' };

describe('manifest.yml', () => {
  it('declares the slash command the code registers by default, with description and usage hint', () => {
    const { commands } = registered();
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(commands);
    const [command] = manifest.features.slash_commands;
    expect(command!.command.length).toBeLessThanOrEqual(32);
    expect(command!.description.length).toBeGreaterThan(0);
    expect(command!.usage_hint.length).toBeLessThanOrEqual(1000);
  });

  it('subscribes to exactly the events the code listens for (message only from DMs)', () => {
    const { events } = registered();
    expect(events).toEqual(['app_mention', 'message', 'app_home_opened']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im', 'app_home_opened']);
    expect(manifest.settings.event_subscriptions.bot_events.map((event) => BOLT_EVENT[event])).toEqual(events);
  });

  it('declares the message shortcuts the code registers, by callback id', () => {
    const { shortcuts } = registered();
    expect(shortcuts).toEqual([
      { callback_id: 'kaesong_background', type: 'message_action' },
      { callback_id: 'kaesong_add_to_timeline', type: 'message_action' },
    ]);
    expect(
      manifest.features.shortcuts.map(({ callback_id, type }) => ({
        callback_id,
        type: type === 'message' ? 'message_action' : 'shortcut',
      })),
    ).toEqual(shortcuts);
    for (const shortcut of manifest.features.shortcuts) {
      expect(shortcut.name.length).toBeLessThanOrEqual(25);
      expect(shortcut.description.length).toBeLessThanOrEqual(150);
    }
  });

  it('turns on the Home tab the code publishes, and interactivity, since the code handles buttons and modals', () => {
    expect(registered().actions.length).toBeGreaterThan(0);
    expect(registered().views).toEqual(['kaesong_desk_save', 'kaesong_desk_remove']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it('asks for the scopes the features need and no more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'commands', // /kaesong
        'chat:write', // replies, digests
        'chat:write.public', // digests in public channels the bot was not invited to
        'app_mentions:read', // @Kaesong
        'im:history', // DMs to the bot
        'channels:history', // a thread's first message, public channels
        'groups:history', // the same, private channels
        'channels:read', // Home tab: which public channels the user is in (users.conversations)
        'groups:read', // the same, private channels
        'usergroups:read', // KAESONG_EDITORS's user groups (usergroups.users.list)
      ].sort(),
    );
  });

  it('has display information, a bot user, and Socket Mode on', () => {
    expect(manifest.display_information).toMatchObject({ name: 'Kaesong', background_color: '#1d3557' });
    expect(manifest.features.bot_user.display_name).toBe('Kaesong');
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

describe('manifest.http.yml', () => {
  it('is manifest.yml with Socket Mode off and the three request URLs, all the /slack/events endpoint', () => {
    const url = 'https://kaesong.example.org/slack/events';
    expect(httpManifest.settings.socket_mode_enabled).toBe(false);
    expect(httpManifest.features.slash_commands.map((command) => command.url)).toEqual([url]);
    expect(httpManifest.settings.event_subscriptions.request_url).toBe(url);
    expect(httpManifest.settings.interactivity.request_url).toBe(url);
    const strip = (m: Manifest) =>
      JSON.parse(
        JSON.stringify(m, (key, value: unknown) =>
          key === 'url' || key === 'request_url' || key === 'socket_mode_enabled' ? undefined : value,
        ),
      ) as unknown;
    expect(strip(httpManifest)).toEqual(strip(manifest));
  });
});
