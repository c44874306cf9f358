import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describeError } from '../model/describe-error.ts';
import { CLAIM_LEASE_MS, StoreError, type DeskWrite, type DeskWriteOutcome, type Store, type SubscriptionInput } from './store.ts';
import { MIGRATIONS, type ClaimRow, type DeskChangeRow, type DeskEventRow, type SubscriptionRow } from './schema.ts';
import { claimFromRow, deskChangeFromRow, deskChangeValues, deskEventFromRow, deskEventValues, subscriptionFromRow } from './rows.ts';
import { deskTargetId, planDeskWrite } from './desk-plan.ts';

/** `sqlite:./data/kaesong.db`, `sqlite:/abs/file.db` or `sqlite::memory:` → a path for better-sqlite3. */
export function sqlitePath(databaseUrl: string): string {
  const rest = databaseUrl.replace(/^sqlite:(\/\/(?=\/))?/, '');
  if (rest === '') throw new StoreError('sqlite', `no file in "${databaseUrl}"; use e.g. sqlite:./data/kaesong.db`);
  return rest;
}

export function openSqliteStore(databaseUrl: string): Store {
  const path = sqlitePath(databaseUrl);
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (cause) {
    throw new StoreError('sqlite', `cannot open ${path}: ${describeError(cause)}`, { cause });
  }

  const statements = {
    upsert: db.prepare(`INSERT INTO subscriptions (team_id, channel_id, time, time_zone, topic, quiet, updated_at)
      VALUES (@teamId, @channelId, @time, @timeZone, @topic, @quiet, @now)
      ON CONFLICT (team_id, channel_id) DO UPDATE SET time = excluded.time, time_zone = excluded.time_zone,
        topic = excluded.topic, quiet = excluded.quiet, updated_at = excluded.updated_at`),
    remove: db.prepare('DELETE FROM subscriptions WHERE team_id = ? AND channel_id = ?'),
    get: db.prepare<[string, string], SubscriptionRow>('SELECT * FROM subscriptions WHERE team_id = ? AND channel_id = ?'),
    list: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY team_id, channel_id'),
    claim: db.prepare(`INSERT INTO digest_claims (channel_id, local_day, replica_id, state, claimed_at)
      VALUES (@channelId, @localDay, @replicaId, 'claimed', @now)
      ON CONFLICT (channel_id, local_day) DO UPDATE SET replica_id = excluded.replica_id, claimed_at = excluded.claimed_at
      WHERE digest_claims.state = 'claimed' AND digest_claims.claimed_at <= @staleBefore`),
    markPosted: db.prepare(`UPDATE digest_claims SET state = 'posted', ts = ?, posted_at = ? WHERE channel_id = ? AND local_day = ?`),
    stampSubscription: db.prepare(
      'UPDATE subscriptions SET last_digest_at = ?, last_error = NULL, last_error_at = NULL WHERE channel_id = ?',
    ),
    firstFailure: db.prepare('UPDATE subscriptions SET last_error = ?, last_error_at = ? WHERE channel_id = ? AND last_error IS NULL'),
    anotherFailure: db.prepare('UPDATE subscriptions SET last_error = ?, last_error_at = ? WHERE channel_id = ?'),
    release: db.prepare(`DELETE FROM digest_claims WHERE channel_id = ? AND local_day = ? AND replica_id = ? AND state = 'claimed'`),
    getClaim: db.prepare<[string, string], ClaimRow>('SELECT * FROM digest_claims WHERE channel_id = ? AND local_day = ?'),
    noteSeen: db.prepare('INSERT INTO records_seen (record_id, first_seen_at) VALUES (?, ?) ON CONFLICT (record_id) DO NOTHING'),
    anySeen: db.prepare('SELECT 1 FROM records_seen LIMIT 1'),
    seenSince: db.prepare<[number], { record_id: string }>(
      'SELECT record_id FROM records_seen WHERE first_seen_at > ? ORDER BY first_seen_at, record_id',
    ),
    getDesk: db.prepare<[string], DeskEventRow>('SELECT * FROM desk_events WHERE id = ?'),
    listDesk: db.prepare<[], DeskEventRow>('SELECT * FROM desk_events ORDER BY created_at, id'),
    putDesk: db.prepare(
      'INSERT INTO desk_events (id, author, author_name, permalink, record, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteDesk: db.prepare('DELETE FROM desk_events WHERE id = ?'),
    lastSeq: db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM desk_changes'),
    logChange: db.prepare(
      'INSERT INTO desk_changes (seq, action, event_id, user_id, at, before_record, after_record) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    changesAfter: db.prepare<[number, number], DeskChangeRow>('SELECT * FROM desk_changes WHERE seq > ? ORDER BY seq LIMIT ?'),
  };

  const deskEvent = (id: string) => {
    const row = statements.getDesk.get(id);
    return row === undefined ? null : deskEventFromRow(row);
  };
  const writeDesk = db.transaction((write: DeskWrite, now: Date): DeskWriteOutcome => {
    const clash = write.action === 'edit' && statements.getDesk.get(write.record.id) !== undefined;
    const plan = planDeskWrite(write, deskEvent(deskTargetId(write)), clash, now);
    if (!plan.ok) return plan.outcome;
    const seq = (statements.lastSeq.get()?.seq ?? 0) + 1;
    statements.logChange.run(...deskChangeValues(seq, plan.change));
    if (plan.deleteId !== null) statements.deleteDesk.run(plan.deleteId);
    if (plan.put !== null) statements.putDesk.run(...deskEventValues(plan.put));
    return { ok: true, change: { seq, ...plan.change } };
  });

  const markPosted = db.transaction((channelId: string, localDay: string, ts: string, builtAt: number) => {
    statements.markPosted.run(ts, builtAt, channelId, localDay);
    statements.stampSubscription.run(builtAt, channelId);
  });
  const noteSeen = db.transaction((ids: readonly string[], now: number) => {
    let added = 0;
    for (const id of ids) added += statements.noteSeen.run(id, now).changes;
    return added;
  });

  return {
    kind: 'sqlite',
    async upsertSubscription(input: SubscriptionInput, now: Date) {
      statements.upsert.run({ ...input, quiet: input.quiet ? 1 : 0, now: now.getTime() });
      return subscriptionFromRow(statements.get.get(input.teamId, input.channelId)!);
    },
    async removeSubscription(teamId, channelId) {
      return statements.remove.run(teamId, channelId).changes > 0;
    },
    async getSubscription(teamId, channelId) {
      const row = statements.get.get(teamId, channelId);
      return row === undefined ? null : subscriptionFromRow(row);
    },
    async listSubscriptions() {
      return statements.list.all().map(subscriptionFromRow);
    },
    async claimDigest(channelId, localDay, replicaId, now) {
      const staleBefore = now.getTime() - CLAIM_LEASE_MS;
      return statements.claim.run({ channelId, localDay, replicaId, now: now.getTime(), staleBefore }).changes === 1;
    },
    async markDigestPosted(channelId, localDay, ts, builtAt) {
      markPosted(channelId, localDay, ts, builtAt.getTime());
    },
    async noteDigestFailure(channelId, reason, at) {
      if (statements.firstFailure.run(reason, at.getTime(), channelId).changes > 0) return true;
      statements.anotherFailure.run(reason, at.getTime(), channelId);
      return false;
    },
    async releaseDigest(channelId, localDay, replicaId) {
      statements.release.run(channelId, localDay, replicaId);
    },
    async getDigestClaim(channelId, localDay) {
      const row = statements.getClaim.get(channelId, localDay);
      return row === undefined ? null : claimFromRow(row);
    },
    async noteRecordsSeen(ids, now) {
      return noteSeen(ids, now.getTime());
    },
    async hasSeenRecords() {
      return statements.anySeen.get() !== undefined;
    },
    async recordsSeenSince(since) {
      return statements.seenSince.all(since.getTime()).map((row) => row.record_id);
    },
    async writeDesk(write, now) {
      return writeDesk.immediate(write, now);
    },
    async getDeskEvent(id) {
      return deskEvent(id);
    },
    async listDeskEvents() {
      return statements.listDesk.all().map(deskEventFromRow);
    },
    async deskChangesAfter(seq, limit) {
      return statements.changesAfter.all(seq, limit).map(deskChangeFromRow);
    },
    async listenForDeskChanges() {
      return null;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/** Applies missing schema steps inside one write transaction, so two processes starting at once agree. */
function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_version').get();
    const current = row?.version ?? 0;
    MIGRATIONS.slice(current).forEach((step, i) => {
      for (const sql of step) db.exec(sql);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(current + i + 1);
    });
  }).immediate();
}
