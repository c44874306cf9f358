import type { CorpusRecord } from '../model/record.ts';

/** A channel's digest subscription. `time` is `HH:MM` in `timeZone` (IANA). */
export interface Subscription {
  teamId: string;
  channelId: string;
  time: string;
  timeZone: string;
  /** Words that make matching events rank higher; empty for none. */
  topic: string;
  /** Post one quiet line on a day with nothing to say, instead of nothing. */
  quiet: boolean;
  /** When this channel last got a digest (the moment it was built); null before the first. */
  lastDigestAt: Date | null;
  /** When the schedule was last set: a slot already past at that moment starts the next day. */
  updatedAt: Date;
  /** Why the latest digest could not be posted, until one is; stores always fill it in (null when fine). */
  lastError?: DigestError | null;
}

interface DigestError {
  /** Slack's error code (`not_in_channel`) or a short reason. */
  reason: string;
  at: Date;
}

export type SubscriptionInput = Omit<Subscription, 'lastDigestAt' | 'updatedAt' | 'lastError'>;

type DigestClaimState = 'claimed' | 'posted';

/** The record that one replica owns (or has posted) one channel's digest for one local day. */
export interface DigestClaim {
  channelId: string;
  localDay: string;
  replicaId: string;
  state: DigestClaimState;
  claimedAt: Date;
  /** Slack message ts once posted. */
  ts: string | null;
}

/** How long an unfinished claim blocks others: a replica that crashed mid-post is taken over after it. */
export const CLAIM_LEASE_MS = 10 * 60 * 1000;

/**
 * Subscriptions, digest claims and the first-seen time of corpus records. Every backend passes
 * tests/store/store-contract.ts. Times always come in from the caller (an injected clock).
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or replaces; sets `updatedAt` to `now` and keeps `lastDigestAt`. */
  upsertSubscription(input: SubscriptionInput, now: Date): Promise<Subscription>;
  /** True when there was one to remove. */
  removeSubscription(teamId: string, channelId: string): Promise<boolean>;
  getSubscription(teamId: string, channelId: string): Promise<Subscription | null>;
  /** All subscriptions, ordered by team then channel. */
  listSubscriptions(): Promise<Subscription[]>;

  /**
   * Takes the right to post `channelId`'s digest for `localDay`. Atomic across processes: true for
   * exactly one caller, unless the holder neither posted nor released within CLAIM_LEASE_MS.
   */
  claimDigest(channelId: string, localDay: string, replicaId: string, now: Date): Promise<boolean>;
  /** Records the post, stamps the channel's `lastDigestAt` with `builtAt` and clears its `lastError`. */
  markDigestPosted(channelId: string, localDay: string, ts: string, builtAt: Date): Promise<void>;
  /**
   * Notes why the channel's digest could not be posted. True only for the first failure since the
   * last successful post (atomic across replicas), so the channel is told once.
   */
  noteDigestFailure(channelId: string, reason: string, at: Date): Promise<boolean>;
  /** Gives an unposted claim back so a later attempt can post that day; only the holder may. */
  releaseDigest(channelId: string, localDay: string, replicaId: string): Promise<void>;
  getDigestClaim(channelId: string, localDay: string): Promise<DigestClaim | null>;

  /** Notes record ids not seen before as first seen at `now`; returns how many were new. */
  noteRecordsSeen(ids: readonly string[], now: Date): Promise<number>;
  /** False until the first records are noted: the corpus a bot starts with is not "newly added". */
  hasSeenRecords(): Promise<boolean>;
  /** Ids first seen strictly after `since`, oldest sighting first. */
  recordsSeenSince(since: Date): Promise<string[]>;

  /**
   * Adds, edits or removes a desk event and appends the change to the log, in one transaction; the
   * next sequence number is taken under a lock, so followers never see a gap fill in later.
   */
  writeDesk(write: DeskWrite, now: Date): Promise<DeskWriteOutcome>;
  getDeskEvent(id: string): Promise<DeskEvent | null>;
  /** Every desk event, oldest first. */
  listDeskEvents(): Promise<DeskEvent[]>;
  /** Changes with a sequence number above `seq`, in order, at most `limit`. */
  deskChangesAfter(seq: number, limit: number): Promise<DeskChange[]>;
  /**
   * Calls `onChange` soon after any replica writes the desk (PostgreSQL LISTEN/NOTIFY). Resolves with
   * a function that stops listening, or null when the backend cannot notify (SQLite: poll instead).
   */
  listenForDeskChanges(onChange: () => void): Promise<(() => Promise<void>) | null>;

  close(): Promise<void>;
}

type DeskAction = 'add' | 'edit' | 'remove';

/** An event added from Slack, as the store keeps it. */
export interface DeskEvent {
  record: CorpusRecord;
  /** The Slack user who added it. */
  author: string;
  /** Their name as Slack gave it then, to credit them without a mention that would notify them. */
  authorName: string;
  /** The Slack message it was captured from, when there was one. */
  permalink: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One entry of the append-only desk log. */
export interface DeskChange {
  seq: number;
  action: DeskAction;
  /** The event's id after the change (before it, for a removal). */
  eventId: string;
  userId: string;
  at: Date;
  before: CorpusRecord | null;
  after: CorpusRecord | null;
}

/** An edit may change the id (a new headline or date gives a new slug). */
export type DeskWrite =
  | { action: 'add'; record: CorpusRecord; userId: string; userName: string; permalink: string | null }
  | { action: 'edit'; id: string; record: CorpusRecord; userId: string }
  | { action: 'remove'; id: string; userId: string };

/** `exists`: the (new) id is taken already; `missing`: no desk event has that id. */
export type DeskWriteOutcome = { ok: true; change: DeskChange } | { ok: false; reason: 'exists' | 'missing' };

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(driver: string, message: string, options?: { cause?: unknown }) {
    super(`[store] [${driver}] ${message}`, options);
  }
}
