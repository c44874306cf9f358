import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { mergeRecords } from '../../src/corpus/merge-records.ts';
import { parseJsonl } from '../../src/corpus/parse-jsonl.ts';
import { liveKnowledge, type LiveKnowledge } from '../../src/knowledge/live-knowledge.ts';
import type { CorpusRecord } from '../../src/model/record.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import type { LiveIndex } from '../../src/search/live-index.ts';
import { createSearchIndex } from '../../src/search/search-index.ts';
import type { Searcher } from '../../src/search/searcher.ts';
import { recordingLogger } from '../support/listener-fakes.ts';

// A start from the last snapshot knows what each file gave its base by record number (the compact
// manifest), and who gives each id from that: files sharing ids and Related links, changed while the bot
// was down and again after, must merge exactly as a fresh load of the files and the store does.

const now = new Date('2026-11-23T09:00:00Z');
const IDS = ['news/2013/09/1/a', 'news/2013/09/1/b', 'news/2013/09/2/c', 'article/e'];
const WORDS = ['kaesong', 'factory', 'talks', 'border', 'seoul'];
const FILES = ['a.jsonl', 'b.jsonl', 'sub/c.jsonl'];

const text = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const event = fc.record({
  id: fc.constantFrom(...IDS),
  date: fc.constantFrom('2013-09-01', '2013-09-02', null),
  title: text(1, 3),
  // Equal lengths: records as rich as each other merge in origin order, which must then be right.
  summary: fc.constantFrom('', 'kaesong talks', 'factory talks'),
  sources: fc.array(fc.record({ name: fc.constantFrom('BBC', 'Reuters'), url: fc.constantFrom(null, 'http://a.example/1') }), {
    maxLength: 2,
  }),
  contexts: fc.subarray(['North Korea', 'Kaesong area']),
  related: fc.array(fc.record({ id: fc.constantFrom(...IDS), title: text(1, 2), date: fc.constantFrom('2013-09-01', null) }), {
    maxLength: 3,
  }),
});
type Event = typeof event extends fc.Arbitrary<infer T> ? T : never;
const operation = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), file: fc.constantFrom(...FILES), events: fc.array(event, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), file: fc.constantFrom(...FILES) }),
  fc.record({ kind: fc.constant('store' as const), events: fc.array(event, { minLength: 1, maxLength: 2 }) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

const jsonl = (events: readonly Event[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');

async function freshIndex(corpus: string, store: readonly CorpusRecord[]): Promise<Searcher> {
  const parsed: CorpusRecord[] = [];
  const loaded = await loadCorpus([corpus], { onFile: (_file, outcome) => parsed.push(...outcome.records) });
  return createSearchIndex(mergeRecords([...parsed, ...store]), loaded.synonyms);
}

function answers(searcher: Searcher) {
  return {
    size: searcher.size,
    records: IDS.map((id) => searcher.get(id) ?? null),
    searches: ['kaesong', 'seoul talks', 'factory'].map((query) =>
      searcher.search(parseQuery(query, { now }), { limit: 10 }).hits.map((hit) => [hit.record.id, Math.round(hit.score * 1e6)]),
    ),
  };
}

describe('live knowledge, restarted from its snapshot and manifest', () => {
  it('merges files changed while it was down, and after, exactly as a fresh load', async () => {
    const batch = fc.array(operation, { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 4 }), batch, batch, async (initial, whileDown, afterStart) => {
        const work = await mkdtemp(join(tmpdir(), 'kaesong-restart-property-'));
        const corpus = join(work, 'corpus');
        await mkdir(join(corpus, 'sub'), { recursive: true });
        await writeFile(
          join(corpus, 'base.jsonl'),
          `${JSON.stringify({ id: 'news/2000/01/1/base', date: '2000-01-01', title: 'Base' })}\n`,
        );
        await writeFile(join(corpus, 'a.jsonl'), jsonl(initial.slice(0, 2)));
        await writeFile(join(corpus, 'sub/c.jsonl'), jsonl(initial.slice(1)));
        const cacheDir = join(work, 'cache');
        const store = new Map<string, CorpusRecord>();
        let index: LiveIndex | null = null;
        const open = () =>
          liveKnowledge([corpus], { cacheDir, logger: recordingLogger(), onIndex: (i) => (index = i), watchDelayMs: 3_600_000 });
        let live: LiveKnowledge = open();
        const apply = async (op: Operation, running: boolean) => {
          if (op.kind === 'write') {
            await mkdir(dirname(join(corpus, op.file)), { recursive: true });
            await writeFile(join(corpus, op.file), jsonl(op.events));
          } else if (op.kind === 'delete') {
            await unlink(join(corpus, op.file)).catch(() => {});
          } else {
            const records = parseJsonl(jsonl(op.events), 'store:desk').records;
            for (const record of records) store.set(record.id, record);
            if (running) await live.upsert(records, 'store:desk');
          }
        };
        try {
          await live.ready;
          await live.close();
          for (const op of whileDown) await apply(op, false);
          live = open();
          expect((await live.ready).source).toBe('snapshot');
          if (store.size > 0) await live.upsert([...store.values()], 'store:desk');
          expect(answers(index!)).toEqual(answers(await freshIndex(corpus, [...store.values()])));
          for (const op of afterStart) await apply(op, true);
          await live.reload();
          expect(answers(index!)).toEqual(answers(await freshIndex(corpus, [...store.values()])));
        } finally {
          await live.close();
          await rm(work, { recursive: true, force: true });
        }
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});
