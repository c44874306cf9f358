import pg from 'pg';
import { describeError } from '../model/describe-error.ts';
import { CLAIM_LEASE_MS, StoreError, type DeskWriteOutcome, type Store } from './store.ts';
import { MIGRATIONS, type ClaimRow, type DeskChangeRow, type DeskEventRow, type SubscriptionRow } from './schema.ts';
import { claimFromRow, deskChangeFromRow, deskChangeValues, deskEventFromRow, deskEventValues, subscriptionFromRow } from './rows.ts';
import { deskTargetId, planDeskWrite } from './desk-plan.ts';

/** Any fixed number: every replica takes this advisory lock while migrating, so they migrate one at a time. */
const MIGRATION_LOCK = 4_530_401;
const SEEN_BATCH = 5_000;
/** Desk writes take this lock, so sequence numbers commit in order. */
const DESK_LOCK = 4_530_402;
const DESK_CHANNEL = 'kaesong_desk';

export async function openPostgresStore(databaseUrl: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it and the next query reports real trouble.
  });
  try {
    await migrate(pool);
  } catch (cause) {
    await pool.end().catch(() => {});
    throw new StoreError('postgres', `cannot open ${redactPassword(databaseUrl)}: ${describeError(cause)}`, { cause });
  }
  const query = <Row extends pg.QueryResultRow>(sql: string, values: unknown[]) => pool.query<Row>(sql, values);
  const listeners = new Set<pg.Client>();

  return {
    kind: 'postgres',
    async upsertSubscription(input, now) {
      const { rows } = await query<SubscriptionRow>(
        `INSERT INTO subscriptions (team_id, channel_id, time, time_zone, topic, quiet, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (team_id, channel_id) DO UPDATE SET time = excluded.time, time_zone = excluded.time_zone,
           topic = excluded.topic, quiet = excluded.quiet, updated_at = excluded.updated_at
         RETURNING *`,
        [input.teamId, input.channelId, input.time, input.timeZone, input.topic, input.quiet ? 1 : 0, now.getTime()],
      );
      return subscriptionFromRow(rows[0]!);
    },
    async removeSubscription(teamId, channelId) {
      const result = await query('DELETE FROM subscriptions WHERE team_id = $1 AND channel_id = $2', [teamId, channelId]);
      return (result.rowCount ?? 0) > 0;
    },
    async getSubscription(teamId, channelId) {
      const { rows } = await query<SubscriptionRow>('SELECT * FROM subscriptions WHERE team_id = $1 AND channel_id = $2', [
        teamId,
        channelId,
      ]);
      return rows[0] === undefined ? null : subscriptionFromRow(rows[0]);
    },
    async listSubscriptions() {
      const { rows } = await query<SubscriptionRow>('SELECT * FROM subscriptions ORDER BY team_id, channel_id', []);
      return rows.map(subscriptionFromRow);
    },
    async claimDigest(channelId, localDay, replicaId, now) {
      const result = await query(
        `INSERT INTO digest_claims (channel_id, local_day, replica_id, state, claimed_at)
         VALUES ($1, $2, $3, 'claimed', $4)
         ON CONFLICT (channel_id, local_day) DO UPDATE SET replica_id = excluded.replica_id, claimed_at = excluded.claimed_at
         WHERE digest_claims.state = 'claimed' AND digest_claims.claimed_at <= $5`,
        [channelId, localDay, replicaId, now.getTime(), now.getTime() - CLAIM_LEASE_MS],
      );
      return result.rowCount === 1;
    },
    async markDigestPosted(channelId, localDay, ts, builtAt) {
      await inTransaction(pool, async (client) => {
        await client.query(`UPDATE digest_claims SET state = 'posted', ts = $1, posted_at = $2 WHERE channel_id = $3 AND local_day = $4`, [
          ts,
          builtAt.getTime(),
          channelId,
          localDay,
        ]);
        await client.query('UPDATE subscriptions SET last_digest_at = $1, last_error = NULL, last_error_at = NULL WHERE channel_id = $2', [
          builtAt.getTime(),
          channelId,
        ]);
      });
    },
    async noteDigestFailure(channelId, reason, at) {
      const first = await query(
        'UPDATE subscriptions SET last_error = $1, last_error_at = $2 WHERE channel_id = $3 AND last_error IS NULL',
        [reason, at.getTime(), channelId],
      );
      if ((first.rowCount ?? 0) > 0) return true;
      await query('UPDATE subscriptions SET last_error = $1, last_error_at = $2 WHERE channel_id = $3', [reason, at.getTime(), channelId]);
      return false;
    },
    async releaseDigest(channelId, localDay, replicaId) {
      await query(`DELETE FROM digest_claims WHERE channel_id = $1 AND local_day = $2 AND replica_id = $3 AND state = 'claimed'`, [
        channelId,
        localDay,
        replicaId,
      ]);
    },
    async getDigestClaim(channelId, localDay) {
      const { rows } = await query<ClaimRow>('SELECT * FROM digest_claims WHERE channel_id = $1 AND local_day = $2', [channelId, localDay]);
      return rows[0] === undefined ? null : claimFromRow(rows[0]);
    },
    async noteRecordsSeen(ids, now) {
      let added = 0;
      for (let start = 0; start < ids.length; start += SEEN_BATCH) {
        const result = await query(
          `INSERT INTO records_seen (record_id, first_seen_at) SELECT id, $2 FROM unnest($1::text[]) AS id
           ON CONFLICT (record_id) DO NOTHING`,
          [ids.slice(start, start + SEEN_BATCH), now.getTime()],
        );
        added += result.rowCount ?? 0;
      }
      return added;
    },
    async hasSeenRecords() {
      return ((await query('SELECT 1 FROM records_seen LIMIT 1', [])).rowCount ?? 0) > 0;
    },
    async recordsSeenSince(since) {
      const { rows } = await query<{ record_id: string }>(
        'SELECT record_id FROM records_seen WHERE first_seen_at > $1 ORDER BY first_seen_at, record_id',
        [since.getTime()],
      );
      return rows.map((row) => row.record_id);
    },
    async writeDesk(write, now) {
      let outcome: DeskWriteOutcome = { ok: false, reason: 'missing' };
      await inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [DESK_LOCK]);
        const read = async (id: string) =>
          (await client.query<DeskEventRow>('SELECT * FROM desk_events WHERE id = $1', [id])).rows.map(deskEventFromRow)[0] ?? null;
        const clash = write.action === 'edit' && (await read(write.record.id)) !== null;
        const plan = planDeskWrite(write, await read(deskTargetId(write)), clash, now);
        if (!plan.ok) {
          outcome = plan.outcome;
          return;
        }
        const { rows } = await client.query<{ seq: string | null }>('SELECT MAX(seq) AS seq FROM desk_changes', []);
        const seq = Number(rows[0]?.seq ?? 0) + 1;
        await client.query(
          'INSERT INTO desk_changes (seq, action, event_id, user_id, at, before_record, after_record) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          deskChangeValues(seq, plan.change),
        );
        if (plan.deleteId !== null) await client.query('DELETE FROM desk_events WHERE id = $1', [plan.deleteId]);
        if (plan.put !== null) {
          await client.query(
            'INSERT INTO desk_events (id, author, author_name, permalink, record, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            deskEventValues(plan.put),
          );
        }
        // Delivered to listeners on commit.
        await client.query('SELECT pg_notify($1, $2)', [DESK_CHANNEL, String(seq)]);
        outcome = { ok: true, change: { seq, ...plan.change } };
      });
      return outcome;
    },
    async getDeskEvent(id) {
      const { rows } = await query<DeskEventRow>('SELECT * FROM desk_events WHERE id = $1', [id]);
      return rows[0] === undefined ? null : deskEventFromRow(rows[0]);
    },
    async listDeskEvents() {
      return (await query<DeskEventRow>('SELECT * FROM desk_events ORDER BY created_at, id', [])).rows.map(deskEventFromRow);
    },
    async deskChangesAfter(seq, limit) {
      const { rows } = await query<DeskChangeRow>('SELECT * FROM desk_changes WHERE seq > $1 ORDER BY seq LIMIT $2', [seq, limit]);
      return rows.map(deskChangeFromRow);
    },
    async listenForDeskChanges(onChange) {
      const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
      // A lost connection only costs immediacy: the follower still polls.
      client.on('error', () => listeners.delete(client));
      client.on('notification', () => onChange());
      try {
        await client.connect();
        await client.query(`LISTEN ${DESK_CHANNEL}`);
      } catch {
        await client.end().catch(() => {});
        return null;
      }
      listeners.add(client);
      return async () => {
        listeners.delete(client);
        await client.end().catch(() => {});
      };
    },
    async close() {
      await Promise.all([...listeners].map((client) => client.end().catch(() => {})));
      listeners.clear();
      await pool.end();
    },
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_version');
    const current = rows[0]?.version ?? 0;
    for (const [i, step] of MIGRATIONS.slice(current).entries()) {
      for (const sql of step) await client.query(sql);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [current + i + 1]);
    }
  });
}

/** Runs `work` in one transaction on one pooled connection: committed when it returns, rolled back when it throws. */
async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
