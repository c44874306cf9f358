/**
 * What the adapters report for monitoring. The core never sees it; the Prometheus implementation
 * lives in `src/metrics/`, and `noMetrics` stands in where nothing is measured (CLI, tests).
 */
export interface Metrics {
  /** One search or "did you mean" lookup answered for Slack, and how long the index took. */
  queryAnswered(kind: QueryKind, seconds: number): void;
  /** Slack's request acknowledged, `seconds` after the app received it. */
  acked(request: RequestKind, seconds: number): void;
  commandReceived(command: string): void;
  mentionReceived(): void;
  buttonPressed(actionId: string): void;
  /** A Web API call or response_url post that failed: Slack's error code, `http_<status>`, `timeout` or `network`. */
  slackApiFailed(method: string, code: string): void;
  reloaded(outcome: ReloadOutcome, seconds: number): void;
  /** The live index's changes folded into a new base, `seconds` from start to swap. */
  compacted(seconds: number): void;
  /** How much of the live index is not yet folded into its base, after each change. */
  liveIndexSize(size: LiveIndexSize): void;
  digestPost(outcome: DigestPostOutcome): void;
}

/** Told apart by the parsed query: a date alone is a timeline, "on this day" is a month-day. */
export type QueryKind = 'words' | 'words-and-date' | 'timeline' | 'on-this-day' | 'did-you-mean';
export type RequestKind = 'command' | 'action' | 'event' | 'other';
/** `changed`: a new index was swapped in; `unchanged`: the files were the same; `failed`: the old index stays. */
export type ReloadOutcome = 'changed' | 'unchanged' | 'failed';
interface LiveIndexSize {
  deltaRecords: number;
  tombstones: number;
}
export type DigestPostOutcome = 'posted' | 'nothing-to-say' | 'taken' | 'cooling-down' | 'failed';

export const noMetrics: Metrics = {
  queryAnswered() {},
  acked() {},
  commandReceived() {},
  mentionReceived() {},
  buttonPressed() {},
  slackApiFailed() {},
  reloaded() {},
  compacted() {},
  liveIndexSize() {},
  digestPost() {},
};
