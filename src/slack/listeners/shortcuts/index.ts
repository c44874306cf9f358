import type { App, MessageShortcut } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { BACKGROUND_SHORTCUT, backgroundShortcutCallback } from './background-shortcut.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: BACKGROUND_SHORTCUT, type: 'message_action' }, backgroundShortcutCallback(deps));
}
