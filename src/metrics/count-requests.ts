import type { Metrics, RequestKind } from '../model/metrics.ts';

export interface KnownNames {
  /** The slash command this app answers; any other arrives as `other`. */
  command: string;
  /** Button action ids this app's messages carry; any other is counted as `other`. */
  actions: readonly string[];
}

type Body = Record<string, unknown>;

/**
 * Global middleware (structurally Bolt's, so this folder needs no Bolt import) counting commands,
 * mentions and button presses before any listener runs. Labels come from closed lists: a forged or
 * unexpected action id cannot create a new time series. Slack's re-deliveries of an event (a retry
 * number in the context) are the same mention, so they are not counted again.
 */
export function countRequests(metrics: Pick<Metrics, 'commandReceived' | 'mentionReceived' | 'buttonPressed'>, known: KnownNames) {
  return async ({
    body,
    context,
    next,
  }: {
    body: unknown;
    context?: { retryNum?: number | undefined };
    next: () => Promise<void>;
  }): Promise<void> => {
    const request = (body ?? {}) as Body;
    const kind = context?.retryNum === undefined ? requestKind(request) : 'other';
    if (kind === 'command') metrics.commandReceived(request['command'] === known.command ? known.command : 'other');
    if (kind === 'event' && (request['event'] as Body | undefined)?.['type'] === 'app_mention') metrics.mentionReceived();
    if (kind === 'action') {
      const actionId = (request['actions'] as Body[] | undefined)?.[0]?.['action_id'];
      metrics.buttonPressed(typeof actionId === 'string' && known.actions.includes(actionId) ? actionId : 'other');
    }
    await next();
  };
}

/** What kind of Slack request a payload is: a slash command, a button press (block action) or an Events API event. */
export function requestKind(body: Body): RequestKind {
  if (typeof body['command'] === 'string') return 'command';
  if (body['type'] === 'block_actions') return 'action';
  if (body['type'] === 'event_callback') return 'event';
  return 'other';
}
