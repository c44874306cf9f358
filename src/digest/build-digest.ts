import type { Searcher } from '../search/searcher.ts';
import type { Store, Subscription } from '../store/store.ts';
import type { SlackMessage } from '../block-kit/message.ts';
import { digestMessage, quietDigestMessage, type DigestMessageOptions } from '../block-kit/digest-blocks.ts';
import type { Digest } from '../model/digest.ts';
import { isEmptyDigest, selectDigest } from './select-digest.ts';

export interface BuiltDigest {
  digest: Digest;
  /** Null when the day has nothing to say and the channel did not ask for a quiet line. */
  message: SlackMessage | null;
}

/**
 * A channel's digest for a local day. "Newly added" counts from the channel's last digest, or from
 * when it subscribed: records the store first saw after that moment.
 */
export async function buildDigest(
  searcher: Searcher,
  store: Store,
  subscription: Subscription,
  localDay: string,
  options: DigestMessageOptions = {},
): Promise<BuiltDigest> {
  const since = subscription.lastDigestAt ?? subscription.updatedAt;
  const newRecordIds = await store.recordsSeenSince(since);
  const digest = selectDigest(searcher, localDay, { topic: subscription.topic, newRecordIds });
  if (!isEmptyDigest(digest)) return { digest, message: digestMessage(digest, options) };
  return { digest, message: subscription.quiet ? quietDigestMessage(localDay) : null };
}

/**
 * Every dated record id, found through the Searcher contract (all 366 month-days), so the digest
 * needs nothing beyond what every Searcher offers. Undated records never appear in a digest anyway.
 */
export function datedRecordIds(searcher: Pick<Searcher, 'onThisDay'>): string[] {
  const ids: string[] = [];
  for (let month = 1; month <= 12; month++) {
    const days = new Date(Date.UTC(2024, month, 0)).getUTCDate();
    for (let day = 1; day <= days; day++) for (const record of searcher.onThisDay(month, day)) ids.push(record.id);
  }
  return ids;
}
