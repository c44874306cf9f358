import type { DigestClaim, Subscription } from './store.ts';
import type { ClaimRow, SubscriptionRow } from './schema.ts';

/** pg returns BIGINT as a string; SQLite as a number. */
function toDate(value: number | string): Date {
  return new Date(Number(value));
}

export function subscriptionFromRow(row: SubscriptionRow): Subscription {
  return {
    teamId: row.team_id,
    channelId: row.channel_id,
    time: row.time,
    timeZone: row.time_zone,
    topic: row.topic,
    quiet: Number(row.quiet) === 1,
    lastDigestAt: row.last_digest_at === null ? null : toDate(row.last_digest_at),
    updatedAt: toDate(row.updated_at),
    lastError: row.last_error === null || row.last_error_at === null ? null : { reason: row.last_error, at: toDate(row.last_error_at) },
  };
}

export function claimFromRow(row: ClaimRow): DigestClaim {
  return {
    channelId: row.channel_id,
    localDay: row.local_day,
    replicaId: row.replica_id,
    state: row.state === 'posted' ? 'posted' : 'claimed',
    claimedAt: toDate(row.claimed_at),
    ts: row.ts,
  };
}
