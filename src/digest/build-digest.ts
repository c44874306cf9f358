import type { Searcher } from '../search/searcher.ts';
import type { Store, Subscription } from '../store/store.ts';
import type { SlackMessage } from '../block-kit/message.ts';
import { digestMessage, quietDigestMessage, type DigestMessageOptions } from '../block-kit/digest-blocks.ts';
import type { Digest } from '../model/digest.ts';
import type { CorpusRecord } from '../model/record.ts';
import { DESK_ORIGIN } from '../model/timeline-writer.ts';
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
  const selected = selectDigest(searcher, localDay, { topic: subscription.topic, newRecordIds });
  const digest = { ...selected, addedBy: await creditsFor(store, selected.newlyAdded) };
  if (!isEmptyDigest(digest)) return { digest, message: digestMessage(digest, options) };
  return { digest, message: subscription.quiet ? quietDigestMessage(localDay) : null };
}

/** The people who added events from Slack, to credit them under "Newly added". */
async function creditsFor(store: Store, records: readonly CorpusRecord[]): Promise<Record<string, string>> {
  const credits: Record<string, string> = {};
  for (const record of records) {
    if (record.origin.file !== DESK_ORIGIN) continue;
    const event = await store.getDeskEvent(record.id);
    if (event !== null) credits[record.id] = event.authorName;
  }
  return credits;
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
