import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../model/logger.ts';
import type { EventDedupe } from './event-dedupe.ts';

/**
 * Socket Mode can send the same slash command, button press or shortcut twice (an envelope
 * re-sent when the first ack was slow or a connection was refreshed). The second copy is acked and
 * dropped, so a re-sent "Share in channel" cannot post twice. Events are deduplicated by their
 * listeners on `event_id`.
 */
export function skipRedeliveries(dedupe: EventDedupe, logger: Logger) {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const key = interactionKey(args.body as unknown as Record<string, unknown>);
    if (key !== null && !dedupe.firstTime(key)) {
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      logger.info(`dropped a repeated delivery (${key.split(':')[0]})`);
      return;
    }
    await args.next();
  };
}

/**
 * What one user action is, across deliveries: its response_url and trigger_id are made once per
 * command, press or shortcut; a press also has its action_ts. Null for anything else (events).
 */
function interactionKey(body: Record<string, unknown>): string | null {
  const trigger = typeof body['trigger_id'] === 'string' ? body['trigger_id'] : '';
  const responseUrl = typeof body['response_url'] === 'string' ? body['response_url'] : '';
  if (typeof body['command'] === 'string') return `command:${trigger}:${responseUrl}`;
  if (body['type'] === 'block_actions') {
    const action = Array.isArray(body['actions']) ? (body['actions'][0] as Record<string, unknown> | undefined) : undefined;
    return `action:${trigger}:${responseUrl}:${String(action?.['action_id'])}:${String(action?.['action_ts'])}`;
  }
  if (body['type'] === 'message_action' || body['type'] === 'shortcut') return `shortcut:${trigger}:${responseUrl}`;
  return null;
}
