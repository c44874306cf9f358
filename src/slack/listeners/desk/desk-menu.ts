import type { AllMiddlewareArgs, BlockOverflowAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { DESK_MENU_PREFIX, deskRemoveModal } from '../../../block-kit/desk-modal.ts';
import { formFromRecord } from '../../../desk/desk-draft.ts';
import { relatedSuggestions, type RelatedSuggestion } from '../../../desk/prefill.ts';
import type { DeskService } from '../../../desk/desk-service.ts';
import { describeError } from '../../../model/describe-error.ts';
import { encodeDeskMetadata } from '../../desk-metadata.ts';
import type { ListenerDeps } from '../deps.ts';
import { respondSafely } from '../reply.ts';
import { openDeskModal } from './open-desk-modal.ts';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockOverflowAction>;

/**
 * ⋯ on a desk event's card: Edit opens the modal prefilled, Remove a confirm dialog; anyone but the
 * author and the editors gets one line saying who can. Submitting checks again.
 */
export function deskMenuCallback(deps: ListenerDeps, desk: DeskService) {
  return async ({ ack, action, body, client, respond }: Args): Promise<void> => {
    await ack();
    const id = action.action_id.slice(DESK_MENU_PREFIX.length);
    const choice = action.selected_option?.value;
    const check = await desk.mayChange(id, body.user.id);
    if (check.event === null) {
      await respondSafely(respond, deps.logger, {
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That event is no longer in the timeline.',
      });
      return;
    }
    if (!check.allowed) {
      const verb = choice === 'remove' ? 'remove' : 'edit';
      await respondSafely(respond, deps.logger, {
        response_type: 'ephemeral',
        replace_original: false,
        text: `You cannot ${verb} this event. ${check.who}`,
      });
      return;
    }
    const channel = body.channel?.id;
    const record = check.event.record;
    try {
      if (choice === 'remove') {
        await client.views.open({
          trigger_id: body.trigger_id,
          view: deskRemoveModal(record.title, encodeDeskMetadata({ mode: 'remove', id, ...(channel === undefined ? {} : { channel }) })),
        });
        return;
      }
      const searcher = deps.searchers.current();
      const linked: RelatedSuggestion[] = record.related.map((link) => ({ id: link.id, title: link.title, date: link.date }));
      const more = searcher === null ? [] : relatedSuggestions(searcher, record.title, record.id);
      const suggestions = [...linked, ...more.filter((event) => !linked.some((link) => link.id === event.id))].slice(0, 10);
      await openDeskModal(client, body.trigger_id, {
        form: formFromRecord(record),
        suggestions,
        metadata: { mode: 'edit', id, ...(channel === undefined ? {} : { channel }) },
      });
    } catch (error) {
      deps.logger.warn('desk: could not open the modal', describeError(error));
    }
  };
}
