import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { appMentionCallback } from './app-mention.ts';
import { directMessageCallback } from './direct-message.ts';
import { appHomeOpenedCallback } from './app-home-opened.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', appMentionCallback(deps));
  app.event('message', directMessageCallback(deps));
  app.event('app_home_opened', appHomeOpenedCallback(deps));
}
