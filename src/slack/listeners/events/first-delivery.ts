import type { EventDedupe } from '../../event-dedupe.ts';

/**
 * False for an event already handled: same event_id seen before (Slack's retries carry
 * X-Slack-Retry-Num, but it has also re-sent envelopes with retry 0, so the id decides).
 */
export function isFirstDelivery(dedupe: EventDedupe, body: { event_id?: unknown }, fallbackId: string): boolean {
  const id = typeof body.event_id === 'string' && body.event_id !== '' ? body.event_id : fallbackId;
  return dedupe.firstTime(id);
}
