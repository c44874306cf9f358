import type { ParsedQuery } from '../../src/model/query.ts';

export function makeQuery(overrides: Partial<ParsedQuery> = {}): ParsedQuery {
  return { raw: 'kaesong 2013', terms: ['kaesong'], phrases: [], excludes: [], date: null, dateLabel: null, timeline: false, ...overrides };
}
