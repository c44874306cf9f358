import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTION } from '../../../block-kit/buttons.ts';
import type { ListenerDeps } from '../deps.ts';
import { pageResultsCallback } from './page-results.ts';
import { shareInChannelCallback } from './share-in-channel.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(ACTION.share, shareInChannelCallback(deps));
  for (const actionId of [
    ACTION.more,
    ACTION.older,
    ACTION.newer,
    ACTION.search,
    ACTION.searchUndated,
    ACTION.timeline,
    ACTION.story,
    ACTION.glance,
  ]) {
    app.action<BlockButtonAction>(actionId, pageResultsCallback(deps));
  }
}
