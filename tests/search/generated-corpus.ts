import MiniSearch from 'minisearch';
import type { CorpusRecord } from '../../src/model/record.ts';
import { buildPostings } from '../../src/search/build-postings.ts';
import { restoreMiniSearch } from '../../src/search/mini-search-internals.ts';
import { fieldText, miniSearchOptions, type RecordIndex } from '../../src/search/mini-search.ts';
import { inColumnOrder, recordColumns } from '../../src/search/record-columns.ts';
import { makeRecord } from '../support/records.ts';

/** Mulberry32: the same numbers on every machine, from one seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Syllables that make words sharing prefixes and one-letter neighbours, for prefix and typo searches. */
const SYLLABLES = [
  'ka',
  'e',
  'song',
  'nor',
  'th',
  'ko',
  're',
  'an',
  'tal',
  'ks',
  'syr',
  'ia',
  'war',
  'ci',
  'vil',
  'pe',
  'ace',
  'mi',
  'nis',
  'ter',
  'el',
  'ec',
  'tion',
  'ré',
  'zo',
  'ne',
];
const STOP = ['the', 'of', 'and', 'in', 'a', 'to'];
const OUTLETS = ['BBC', 'Reuters', 'AP', 'Al Jazeera', 'Yonhap', 'Le Monde'];
const STORIES = ['Kaesong industrial zone', 'Syrian civil war', 'North Korea', 'Élection présidentielle', 'Peace talks'];
const CATEGORIES = ['Politics', 'Armed conflicts and attacks', 'Business and economy', null];

/**
 * `count` varied records, the same on every machine: events and articles, link-only stubs, summaries
 * that repeat the headline, accents and stop words, a few hundred words used with a long tail.
 */
export function generatedCorpus(count: number, seed = 11): CorpusRecord[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const vocabulary = Array.from({ length: 400 }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join(''));
  const word = () => (next() < 0.15 ? pick(STOP) : vocabulary[Math.floor(vocabulary.length * next() ** 2)]!);
  const sentence = (words: number) => Array.from({ length: words }, word).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const kind = next() < 0.1 ? 'article' : 'event';
    const stub = kind === 'event' && next() < 0.1;
    const date =
      next() < 0.05
        ? null
        : `${2000 + Math.floor(next() * 27)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const title = `${sentence(3 + Math.floor(next() * 10))}.`;
    const summary = stub ? '' : next() < 0.3 ? title : sentence(Math.floor(next() * 30));
    return makeRecord({
      id: `news/${date?.replaceAll('-', '/') ?? 'undated'}/generated-${i}`,
      kind,
      date,
      title,
      summary,
      body: kind === 'article' ? sentence(40 + Math.floor(next() * 80)) : '',
      image: null,
      sources: stub ? [] : Array.from({ length: Math.floor(next() * 3) }, () => ({ name: pick(OUTLETS), url: null })),
      contexts: Array.from({ length: Math.floor(next() * 3) }, () => pick(STORIES)),
      category: stub ? null : pick(CATEGORIES),
      stub,
    });
  });
}

export interface TwoIndexes {
  /** In column order: record n is `records[n]`. */
  records: CorpusRecord[];
  flags: Uint8Array;
  /** Built by MiniSearch itself, one `add` per record. */
  reference: RecordIndex;
  /** Built as the bot builds it: flat postings restored into MiniSearch's private state. */
  restored: RecordIndex;
}

/** The same generated records indexed by MiniSearch.add and by buildPostings + restoreMiniSearch. */
export function twoIndexes(count: number): TwoIndexes {
  const records = inColumnOrder(generatedCorpus(count));
  const { flags } = recordColumns(records);
  const reference: RecordIndex = new MiniSearch<{ id: number }>({
    ...miniSearchOptions(flags),
    extractField: (document, field) => (field === 'id' ? (document.id as unknown as string) : fieldText(records[document.id]!, field)),
  });
  reference.addAll(records.map((_, id) => ({ id })));
  const built = buildPostings(records);
  const restored = restoreMiniSearch(built.shape, flags, built.fieldLengths, built.terms, built.postings);
  return { records, flags, reference, restored };
}
