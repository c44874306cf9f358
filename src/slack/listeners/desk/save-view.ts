import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { DESK_BLOCK } from '../../../block-kit/desk-modal.ts';
import { validateDeskForm } from '../../../desk/desk-draft.ts';
import type { DeskOutcome, DeskService } from '../../../desk/desk-service.ts';
import { describeError } from '../../../model/describe-error.ts';
import { decodeDeskMetadata } from '../../desk-metadata.ts';
import { deskFormFromState } from '../../desk-form.ts';
import type { ListenerDeps } from '../deps.ts';
import { cardMessage, lineMessage, tellUser } from './desk-replies.ts';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

const NOT_YOURS = 'Only the person who added this event, or a timeline editor, can change it.';
const GONE = 'This event is no longer in the timeline: someone removed it.';

/**
 * Save in the desk modal: invalid input is answered with `errors` on its field and nothing is saved;
 * who may add or edit is checked here, against the store, whatever the modal's metadata says.
 */
export function saveDeskView(deps: ListenerDeps, desk: DeskService) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    const metadata = decodeDeskMetadata(view.private_metadata);
    const user = body.user.id;
    if (metadata === null || metadata.mode === 'remove' || (metadata.mode === 'edit' && metadata.id === undefined)) {
      await ack({ response_action: 'errors', errors: { [DESK_BLOCK.headline]: 'This form has expired; please open it again.' } });
      return;
    }
    const form = deskFormFromState(view.state.values, metadata.related ?? []);
    const checked = validateDeskForm(form, deps.clock.now());
    if (!checked.ok) {
      const errors = Object.fromEntries(
        Object.entries(checked.errors).map(([field, message]) => [DESK_BLOCK[field as keyof typeof DESK_BLOCK], message]),
      );
      await ack({ response_action: 'errors', errors });
      return;
    }
    const saving = (async (): Promise<DeskOutcome> =>
      metadata.mode === 'edit'
        ? desk.edit(metadata.id!, checked.draft, user)
        : desk.add(
            checked.draft,
            { id: user, name: userName(body.user) },
            await permalink(client, metadata.channel, metadata.messageTs),
          ))();
    let outcome: DeskOutcome | 'slow';
    try {
      outcome = await withinAckBudget(saving);
    } catch (error) {
      deps.logger.error('desk: saving failed', describeError(error));
      await ack({ response_action: 'errors', errors: { [DESK_BLOCK.headline]: 'Saving failed; please try again in a moment.' } });
      return;
    }
    if (outcome === 'slow') {
      // Slack closes a modal it has not heard back from in 3 s with an error: close it now, report when saved.
      await ack();
      await reportLate(deps, client, { user, channel: metadata.channel }, metadata.mode, saving);
      return;
    }
    if (!outcome.ok) {
      await ack({ response_action: 'errors', errors: { [DESK_BLOCK.headline]: refusal(outcome, metadata.mode) } });
      if (outcome.reason === 'exists' && outcome.existing !== null) {
        // The way to edit that event instead: its card, with its ⋯ menu.
        await tellUser(
          client,
          deps.logger,
          { user, channel: metadata.channel },
          cardMessage('*Already in the timeline*; edit it with ⋯:', outcome.existing.record),
        );
      }
      return;
    }
    await ack();
    const line = metadata.mode === 'edit' ? '*Saved your changes* to the timeline:' : '*Added to the timeline*, searchable now:';
    await tellUser(client, deps.logger, { user, channel: metadata.channel }, cardMessage(line, outcome.record));
  };
}

/** Saving normally takes milliseconds; past this the modal is closed first and the result told after. */
const ACK_BUDGET_MS = 2_000;

async function withinAckBudget(saving: Promise<DeskOutcome>): Promise<DeskOutcome | 'slow'> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), ACK_BUDGET_MS);
  });
  try {
    return await Promise.race([saving, slow]);
  } finally {
    clearTimeout(timer);
  }
}

async function reportLate(
  deps: ListenerDeps,
  client: WebClient,
  where: { user: string; channel: string | undefined },
  mode: 'add' | 'edit',
  saving: Promise<DeskOutcome>,
): Promise<void> {
  try {
    const outcome = await saving;
    const message = outcome.ok
      ? cardMessage(mode === 'edit' ? '*Saved your changes* to the timeline:' : '*Added to the timeline*, searchable now:', outcome.record)
      : lineMessage(`Not saved: ${refusal(outcome, mode)}`);
    await tellUser(client, deps.logger, where, message);
  } catch (error) {
    deps.logger.error('desk: saving failed', describeError(error));
    await tellUser(client, deps.logger, where, lineMessage('Saving failed; please try again in a moment.'));
  }
}

function refusal(outcome: Exclude<DeskOutcome, { ok: true }>, mode: 'add' | 'edit'): string {
  switch (outcome.reason) {
    case 'exists':
      return outcome.existing === null
        ? 'An event with this date and headline is already in the timeline (from the corpus files). Change the headline or the date.'
        : 'An event with this date and headline is already in the timeline. Change the headline or the date, or edit that event: its card is in the channel, with ⋯ → Edit.';
    case 'not-allowed':
      return mode === 'add' ? 'Only the timeline editors can add events.' : NOT_YOURS;
    case 'missing':
      return GONE;
  }
}

async function permalink(client: WebClient, channel: string | undefined, messageTs: string | undefined): Promise<string | null> {
  if (channel === undefined || messageTs === undefined) return null;
  try {
    return (await client.chat.getPermalink({ channel, message_ts: messageTs })).permalink ?? null;
  } catch {
    return null;
  }
}

/** Slack sends `name` and `username` (the same handle); the id when neither came. */
function userName(user: { id: string; name?: string; username?: string }): string {
  return user.name || user.username || user.id;
}
