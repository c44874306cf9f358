import type { CorpusRecord } from './record.ts';

/**
 * Where records come from, so a change can take back exactly what one source gave: a corpus file's
 * path, or a store (`store:desk` for events added from Slack).
 */
export type Origin = string;

/**
 * The only way the corpus changes while the bot runs, used by the file watcher and by capture from
 * Slack alike. Records are as their origin gives them; merging with what other origins give for the
 * same id (the richer record wins, sources merge, stubs stand in) happens behind this interface.
 */
export interface TimelineWriter {
  /** Makes these the records `origin` gives for their ids; resolves once they are searchable. */
  upsert(records: readonly CorpusRecord[], origin: Origin): Promise<void>;
  /** Takes back what `origin` gave for these ids; resolves once that is searchable. */
  remove(ids: readonly string[], origin: Origin): Promise<void>;
}

/** The origin of events added from Slack (the desk), also found on their records' `origin.file`. */
export const DESK_ORIGIN: Origin = 'store:desk';
