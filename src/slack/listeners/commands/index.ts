import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { kaesongCommandCallback } from './kaesong-command.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.command(deps.command, kaesongCommandCallback(deps));
}
