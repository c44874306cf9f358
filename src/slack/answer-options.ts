import type { Heading } from '../block-kit/results-message.ts';

/** How a query is answered: where, for whom, and which view of a bare date. */
export interface AnswerOptions {
  /** The slash command's name, for help text. */
  command: string;
  /** Epoch ms relative dates are read against; a button keeps the first search's moment. */
  now: number;
  timeZone?: string;
  offset?: number;
  /** Page buttons, on the asker's own copy. */
  buttons?: boolean;
  /** "Share in channel", only where the reply is the asker's own (ephemeral). Default true. */
  share?: boolean;
  heading?: Heading;
  /** A bare date's first answer is its period at a glance; 'list' pages its events in date order. */
  view?: 'glance' | 'list';
  /** One story's timeline within a bare date's period (a glance's story button). */
  story?: string;
}
