import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { appMentionCallback } from './app-mention.ts';
import { directMessageCallback } from './direct-message.ts';

export const EVENTS = ['app_mention', 'message.im'] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', appMentionCallback(deps));
  app.event('message', directMessageCallback(deps));
}
