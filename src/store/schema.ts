/**
 * Schema steps, applied in order and recorded in `schema_version`. Shared by both backends, so only
 * portable SQL: times are epoch milliseconds (BIGINT), flags are 0/1 integers.
 * Append new steps; never edit a released one.
 */
export const MIGRATIONS: readonly string[][] = [
  [
    `CREATE TABLE subscriptions (
      team_id TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      time TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      topic TEXT NOT NULL DEFAULT '',
      quiet INTEGER NOT NULL DEFAULT 0,
      last_digest_at BIGINT,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (team_id, channel_id)
    )`,
    `CREATE TABLE digest_claims (
      channel_id TEXT NOT NULL,
      local_day TEXT NOT NULL,
      replica_id TEXT NOT NULL,
      state TEXT NOT NULL,
      claimed_at BIGINT NOT NULL,
      ts TEXT,
      posted_at BIGINT,
      PRIMARY KEY (channel_id, local_day)
    )`,
    `CREATE TABLE records_seen (
      record_id TEXT PRIMARY KEY,
      first_seen_at BIGINT NOT NULL
    )`,
    `CREATE INDEX records_seen_first_seen_at ON records_seen (first_seen_at)`,
  ],
  // Why a channel's digest last failed, shown by `digest status` and cleared by the next post.
  [`ALTER TABLE subscriptions ADD COLUMN last_error TEXT`, `ALTER TABLE subscriptions ADD COLUMN last_error_at BIGINT`],
  // Events added from Slack (the desk) and the append-only log every replica follows. `seq` is given
  // under a lock by the writer, so a sequence number is never seen before a smaller one has committed.
  [
    `CREATE TABLE desk_events (
      id TEXT PRIMARY KEY,
      author TEXT NOT NULL,
      author_name TEXT NOT NULL,
      permalink TEXT,
      record TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    )`,
    `CREATE TABLE desk_changes (
      seq BIGINT PRIMARY KEY,
      action TEXT NOT NULL,
      event_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      at BIGINT NOT NULL,
      before_record TEXT,
      after_record TEXT
    )`,
  ],
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface SubscriptionRow {
  team_id: string;
  channel_id: string;
  time: string;
  time_zone: string;
  topic: string;
  quiet: number;
  last_digest_at: number | string | null;
  updated_at: number | string;
  last_error: string | null;
  last_error_at: number | string | null;
}

export interface ClaimRow {
  channel_id: string;
  local_day: string;
  replica_id: string;
  state: string;
  claimed_at: number | string;
  ts: string | null;
}

export interface DeskEventRow {
  id: string;
  author: string;
  author_name: string;
  permalink: string | null;
  record: string;
  created_at: number | string;
  updated_at: number | string;
}

export interface DeskChangeRow {
  seq: number | string;
  action: string;
  event_id: string;
  user_id: string;
  at: number | string;
  before_record: string | null;
  after_record: string | null;
}
