import type { CorpusRecord } from './record.ts';

interface DigestItem {
  record: CorpusRecord;
  yearsAgo: number;
  /** "1 year ago", "10 years ago". */
  label: string;
  score: number;
}

/** One channel's digest for one local day, before it becomes blocks. */
export interface Digest {
  /** `YYYY-MM-DD` in the channel's zone. */
  localDay: string;
  topic: string;
  /** The most significant first, at most `onThisDayLimit`. */
  onThisDay: DigestItem[];
  onThisDayTotal: number;
  /** Newest event first, at most `newlyAddedLimit`. */
  newlyAdded: CorpusRecord[];
  newlyAddedTotal: number;
  /** Who added those of the newly added events that came from Slack: event id → their name. */
  addedBy?: Record<string, string>;
}
