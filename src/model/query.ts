import type { IsoDate } from './record.ts';

/** Inclusive on both ends; `null` is open. */
interface DateRange {
  from: IsoDate | null;
  to: IsoDate | null;
}

export type DateFilter =
  | { kind: 'range'; range: DateRange }
  /** "on this day": this month and day in every year. */
  | { kind: 'month-day'; month: number; day: number };

/** What a user typed after `/kaesong`, understood. Parsing never throws. */
export interface ParsedQuery {
  /** The input as typed, trimmed. */
  raw: string;
  /** Free words left for full-text search, without phrases, excludes or dates. */
  terms: string[];
  /** Quoted phrases; each must appear as written. */
  phrases: string[];
  /** `-word`: records containing these words are left out. */
  excludes: string[];
  date: DateFilter | null;
  /** How the date part was read, for display ("2013", "since Mar 2014"); null without a date. */
  dateLabel: string | null;
  /** Only a date and nothing to search for: answer with that range's events, oldest first. */
  timeline: boolean;
}
