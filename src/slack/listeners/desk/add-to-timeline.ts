import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { prefillFromMessage, relatedSuggestions } from '../../../desk/prefill.ts';
import type { DeskService } from '../../../desk/desk-service.ts';
import { describeError } from '../../../model/describe-error.ts';
import type { ListenerDeps } from '../deps.ts';
import { respondSafely } from '../reply.ts';
import { openDeskModal } from './open-desk-modal.ts';

export const ADD_TO_TIMELINE_SHORTCUT = 'kaesong_add_to_timeline';

type ShortcutArgs = AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>;

/** "Add to timeline" on a message: the modal prefilled from it, opened within the trigger's 3 seconds. */
export function addToTimelineShortcut(deps: ListenerDeps, desk: DeskService) {
  return async ({ shortcut, ack, client, respond }: ShortcutArgs): Promise<void> => {
    await ack();
    const policy = await desk.mayAdd(shortcut.user.id);
    if (!policy.allowed) {
      await respondSafely(respond, deps.logger, { response_type: 'ephemeral', text: policy.who });
      return;
    }
    const text = typeof shortcut.message.text === 'string' ? shortcut.message.text : '';
    const { form, suggestions } = prefillFromMessage(
      { text, ts: shortcut.message_ts },
      { searcher: deps.searchers.current(), now: deps.clock.now(), timeZone: deps.timeZone },
    );
    await openSafely(deps, () =>
      openDeskModal(client, shortcut.trigger_id, {
        form,
        suggestions,
        metadata: { mode: 'add', channel: shortcut.channel.id, messageTs: shortcut.message_ts },
      }),
    );
  };
}

/** `/kaesong add [headline]` and the Home tab's Add event: the same modal, empty or with the headline, dated today. */
export async function openAddFromCommand(
  deps: ListenerDeps,
  desk: DeskService,
  client: WebClient,
  command: { user_id: string; channel_id?: string; trigger_id: string },
  headline: string,
): Promise<string | null> {
  const policy = await desk.mayAdd(command.user_id);
  if (!policy.allowed) return policy.who;
  const searcher = deps.searchers.current();
  const suggestions = headline === '' || searcher === null ? [] : relatedSuggestions(searcher, headline, null);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: deps.timeZone }).format(deps.clock.now());
  const form = { headline, date: today, summary: '', sources: '', contexts: '', related: [], image: '' };
  const channel = command.channel_id === undefined ? {} : { channel: command.channel_id };
  await openSafely(deps, () => openDeskModal(client, command.trigger_id, { form, suggestions, metadata: { mode: 'add', ...channel } }));
  return null;
}

async function openSafely(deps: ListenerDeps, open: () => Promise<void>): Promise<void> {
  try {
    await open();
  } catch (error) {
    // An expired trigger (Slack took too long to reach us) leaves nothing to answer in.
    deps.logger.warn('desk: could not open the modal', describeError(error));
  }
}
