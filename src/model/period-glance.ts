import type { CorpusRecord, IsoDate } from './record.ts';

/** What one step of an activity line stands for. */
export type ActivityUnit = 'day' | 'month' | 'year';

/** The steps of a period's activity line: its days, months or years, oldest first. */
export interface ActivitySteps {
  unit: ActivityUnit;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, one per step. */
  keys: string[];
}

/** One story of a period: a story label and what the period holds under it. */
export interface StoryAtGlance {
  /** Its most used label in the period. */
  label: string;
  /** The label its parts extend ("COVID-19 pandemic" of "… in Asia"): what opens its timeline. */
  root: string;
  events: number;
  /** Sources cited by its events, counted once per event. */
  sources: number;
  first: IsoDate;
  last: IsoDate;
  /** Its events per step of the glance's activity line. */
  activity: number[];
  /** Its other labels in the period ("COVID-19 pandemic in Asia"), most events first; counted in. */
  parts: string[];
}

/** A period at a glance: its biggest stories and its most significant single events. */
export interface PeriodGlance {
  /** Dated events in the period. */
  total: number;
  /** How many stories have at least two events in the period; `stories` is the biggest of them. */
  storyCount: number;
  steps: ActivitySteps;
  /** All the period's events per step. */
  activity: number[];
  stories: StoryAtGlance[];
  highlights: CorpusRecord[];
}
