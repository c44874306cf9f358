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
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; description: string; usage_hint: string; should_escape: boolean }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = yaml.load(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as Manifest;

/** What the code registers with Bolt, recorded by a stand-in App. */
function registered() {
  const seen = { commands: [] as string[], events: [] as string[], actions: [] as string[] };
  const app = {
    command: (name: string) => seen.commands.push(name),
    event: (name: string) => seen.events.push(name),
    action: (id: string) => seen.actions.push(id),
  };
  const command = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_APP_TOKEN: 'xapp-x' }, { slack: true }).slack!.slashCommand;
  registerListeners(app as never, fakeDeps(fakeSearcher([]), { command }));
  return seen;
}

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
    expect(events).toEqual(['app_mention', 'message']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
  });

  it('turns interactivity on, since the code handles buttons', () => {
    expect(registered().actions.length).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('asks for the scopes the features need and no more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history'].sort(),
    );
  });

  it('has display information, a bot user, and Socket Mode on', () => {
    expect(manifest.display_information).toMatchObject({ name: 'Kaesong', background_color: '#1d3557' });
    expect(manifest.features.bot_user.display_name).toBe('Kaesong');
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
