import type { App, BlockButtonAction, BlockOverflowAction, MessageShortcut, ViewSubmitAction } from '@slack/bolt';
import { ADD_EVENT_ACTION } from '../../../block-kit/home-view.ts';
import { DESK_MENU_PREFIX, DESK_VIEW } from '../../../block-kit/desk-modal.ts';
import type { ListenerDeps } from '../deps.ts';
import { ADD_TO_TIMELINE_SHORTCUT, addToTimelineShortcut, openAddFromCommand } from './add-to-timeline.ts';
import { deskMenuCallback } from './desk-menu.ts';
import { removeDeskView } from './remove-view.ts';
import { saveDeskView } from './save-view.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function register(app: App, deps: ListenerDeps): void {
  const desk = deps.desk;
  if (desk === undefined) return;
  app.shortcut<MessageShortcut>({ callback_id: ADD_TO_TIMELINE_SHORTCUT, type: 'message_action' }, addToTimelineShortcut(deps, desk));
  app.view<ViewSubmitAction>(DESK_VIEW.save, saveDeskView(deps, desk));
  app.view<ViewSubmitAction>(DESK_VIEW.remove, removeDeskView(deps, desk));
  app.action<BlockButtonAction>(ADD_EVENT_ACTION, async ({ ack, body, client }) => {
    await ack();
    // From the Home tab there is no channel: the confirmation goes to the user's DM with the bot.
    await openAddFromCommand(deps, desk, client, { user_id: body.user.id, trigger_id: body.trigger_id }, '');
  });
  app.action<BlockOverflowAction>(new RegExp(`^${escapeRegExp(DESK_MENU_PREFIX)}`), deskMenuCallback(deps, desk));
}
