import type { App } from '@slack/bolt';
import type { ListenerDeps } from './deps.ts';
import * as actions from './actions/index.ts';
import * as commands from './commands/index.ts';
import * as events from './events/index.ts';
import * as shortcuts from './shortcuts/index.ts';
import * as desk from './desk/index.ts';

export function registerListeners(app: App, deps: ListenerDeps): void {
  commands.register(app, deps);
  events.register(app, deps);
  actions.register(app, deps);
  shortcuts.register(app, deps);
  desk.register(app, deps);
}
