import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { cutText, safeText } from '../../../block-kit/mrkdwn.ts';
import type { DeskService } from '../../../desk/desk-service.ts';
import { describeError } from '../../../model/describe-error.ts';
import { decodeDeskMetadata } from '../../desk-metadata.ts';
import type { ListenerDeps } from '../deps.ts';
import { lineMessage, tellUser } from './desk-replies.ts';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Remove confirmed: removed if the submitting user may, whatever the metadata says; one line either way. */
export function removeDeskView(deps: ListenerDeps, desk: DeskService) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    await ack();
    const metadata = decodeDeskMetadata(view.private_metadata);
    if (metadata?.mode !== 'remove' || metadata.id === undefined) return;
    const where = { user: body.user.id, channel: metadata.channel };
    try {
      const outcome = await desk.remove(metadata.id, body.user.id);
      const line = outcome.ok
        ? `Removed “${safeText(cutText(outcome.record.title, 200))}” from the timeline.`
        : outcome.reason === 'not-allowed'
          ? `You cannot remove this event. ${outcome.who}`
          : 'That event is no longer in the timeline.';
      await tellUser(client, deps.logger, where, lineMessage(line));
    } catch (error) {
      deps.logger.error('desk: removing failed', describeError(error));
      await tellUser(client, deps.logger, where, lineMessage('Removing failed; please try again in a moment.'));
    }
  };
}
