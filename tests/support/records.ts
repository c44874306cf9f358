import type { CorpusRecord } from '../../src/model/record.ts';

/** A full event record with sensible empty defaults; tests override what they care about. */
export function makeRecord(overrides: Partial<CorpusRecord> & Pick<CorpusRecord, 'id' | 'title'>): CorpusRecord {
  return {
    kind: 'event',
    date: null,
    summary: overrides.title,
    body: '',
    image: null,
    sources: [],
    contexts: [],
    category: null,
    related: [],
    stub: false,
    origin: { file: 'test', line: 1, format: 'jsonl' },
    ...overrides,
  };
}
