import type { CorpusRecord } from '../model/record.ts';
import type { DeskChange, DeskEvent, DigestClaim, Subscription } from './store.ts';
import type { ClaimRow, DeskChangeRow, DeskEventRow, SubscriptionRow } from './schema.ts';

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

export function deskEventFromRow(row: DeskEventRow): DeskEvent {
  return {
    record: JSON.parse(row.record) as CorpusRecord,
    author: row.author,
    authorName: row.author_name,
    permalink: row.permalink,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export function deskChangeFromRow(row: DeskChangeRow): DeskChange {
  const action = row.action === 'add' || row.action === 'edit' ? row.action : 'remove';
  return {
    seq: Number(row.seq),
    action,
    eventId: row.event_id,
    userId: row.user_id,
    at: toDate(row.at),
    before: row.before_record === null ? null : (JSON.parse(row.before_record) as CorpusRecord),
    after: row.after_record === null ? null : (JSON.parse(row.after_record) as CorpusRecord),
  };
}

/** The values of a desk_events row, in column order: id, author, author_name, permalink, record, created_at, updated_at. */
export function deskEventValues(event: DeskEvent): [string, string, string, string | null, string, number, number] {
  const { record, author, authorName, permalink, createdAt, updatedAt } = event;
  return [record.id, author, authorName, permalink, JSON.stringify(record), createdAt.getTime(), updatedAt.getTime()];
}

/** The values of a desk_changes row, in column order. */
export function deskChangeValues(
  seq: number,
  change: Omit<DeskChange, 'seq'>,
): [number, string, string, string, number, string | null, string | null] {
  const json = (record: CorpusRecord | null) => (record === null ? null : JSON.stringify(record));
  return [seq, change.action, change.eventId, change.userId, change.at.getTime(), json(change.before), json(change.after)];
}
