import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { createSearchIndex } from '../../src/search/search-index.ts';
import { decodeSnapshot, encodeSnapshot, snapshotLayout, SnapshotRejected, type SnapshotParts } from '../../src/search/index-snapshot.ts';
import { parseQuery } from '../../src/query/parse-query.ts';

const corpusDir = new URL('../../corpus', import.meta.url).pathname;
const wcep2013 = new URL('../../../shared/data/wcep/2013', import.meta.url).pathname;
const now = new Date('2026-11-23T09:00:00Z');
const QUERIES = [
  'kaesong 2013',
  'keasong',
  'north korea talks',
  '"final talks"',
  '2013',
  'talks -nuclear',
  'on this day',
  'syrian civil war',
  '개성',
  'DPRK talks',
];

async function roundTrip(dirs: string[]) {
  const { records, problems, files, synonyms } = await loadCorpus(dirs);
  const built = createSearchIndex(records, synonyms);
  const snapshot = encodeSnapshot(built, { fingerprint: 'f1', files, problems });
  return { records, built, snapshot, loaded: decodeSnapshot(snapshot, 'f1') };
}

function answers(index: ReturnType<typeof createSearchIndex>) {
  return QUERIES.map((text) => {
    const page = index.search(parseQuery(text, { now }), { limit: 10 });
    return {
      text,
      total: page.total,
      corrections: page.corrections,
      hits: page.hits.map((hit) => [hit.record, hit.score, hit.matchedTerms, hit.related]),
    };
  });
}

describe('index snapshot', () => {
  it('gives back every record exactly and answers every query as the built index does', async () => {
    const { records, built, loaded } = await roundTrip([corpusDir]);
    expect(loaded.index.size).toBe(9);
    for (const record of records) expect(loaded.index.get(record.id)).toEqual(record);
    expect(answers(loaded.index)).toEqual(answers(built));
    expect(loaded.index.aliases).toEqual(built.aliases);
    expect(loaded.index.search(parseQuery('개성', { now })).total).toBe(built.search(parseQuery('kaesong', { now })).total);
    expect(loaded.meta).toEqual({ fingerprint: 'f1', files: 5, problems: [] });
  });

  it('round-trips a year of WCEP days with the same answers', async (context) => {
    const { existsSync } = await import('node:fs');
    if (!existsSync(wcep2013)) context.skip('../shared/data/wcep is not here');
    const { records, built, loaded } = await roundTrip([corpusDir, wcep2013]);
    expect(loaded.index.size).toBe(built.size);
    expect(answers(loaded.index)).toEqual(answers(built));
    // Ids are looked up in a hash table over the snapshot's bytes: every one is found, a near miss is not.
    expect(records.filter((record) => loaded.index.get(record.id)?.id !== record.id)).toEqual([]);
    expect(loaded.index.get(`${records[0]!.id}-`)).toBeUndefined();
    expect(loaded.index.get(records[0]!.id.slice(0, -1))).toBeUndefined();
  });

  it('rejects a snapshot of another corpus', async () => {
    const { snapshot } = await roundTrip([corpusDir]);
    expect(() => decodeSnapshot(snapshot, 'f2')).toThrow(new SnapshotRejected('made from other corpus files'));
  });

  it('rejects a damaged or cut snapshot and anything that is not one', async () => {
    const { snapshot } = await roundTrip([corpusDir]);
    const damaged = Buffer.from(snapshot);
    damaged[damaged.length - 100]! ^= 0xff;
    expect(() => decodeSnapshot(damaged, 'f1')).toThrow(new SnapshotRejected('checksum mismatch (damaged file)'));
    expect(() => decodeSnapshot(snapshot.subarray(0, 40), 'f1')).toThrow(SnapshotRejected);
    expect(() => decodeSnapshot(snapshot.subarray(0, snapshot.length - 8), 'f1')).toThrow(SnapshotRejected);
    expect(() => decodeSnapshot(Buffer.from('{"not":"a snapshot"}'), 'f1')).toThrow(new SnapshotRejected('not an index snapshot'));
  });

  it('decodes from its hot part alone, and reads record bodies and ids only for the records shown', async () => {
    const { snapshot, built } = await roundTrip([corpusDir]);
    const layout = snapshotLayout(snapshot, snapshot.length);
    const read: string[] = [];
    const parts: SnapshotParts = {
      layout,
      hot: snapshot.subarray(layout.hotStart, layout.coldStart),
      cold: (position, length) => ({
        length,
        read: (start, end) => {
          const bytes = snapshot.subarray(position + start, position + end);
          read.push(bytes.toString('utf8').slice(0, 12));
          return bytes;
        },
      }),
    };
    const { index } = decodeSnapshot(parts, 'f1');
    expect(read).toEqual([]);
    const hits = index.search(parseQuery('truce village', { now }), { limit: 1 }).hits;
    expect(hits.map((hit) => hit.record)).toEqual(
      built.search(parseQuery('truce village', { now }), { limit: 1 }).hits.map((hit) => hit.record),
    );
    // One body, that of the record shown; ids: only its own (decoded, and looked up for its related events).
    const id = hits[0]!.record.id.slice(0, 12);
    expect(read).toEqual([expect.stringMatching(/^\["/), id, id, id]);
  });

  it('rejects a damaged hot part, and a damaged cold part when the whole snapshot is in memory', async () => {
    const { snapshot } = await roundTrip([corpusDir]);
    const layout = snapshotLayout(snapshot, snapshot.length);
    for (const position of [layout.hotStart + 3, layout.coldStart + 3, snapshot.length - 1]) {
      const damaged = Buffer.from(snapshot);
      damaged[position]! ^= 0xff;
      expect(() => decodeSnapshot(damaged, 'f1')).toThrow(new SnapshotRejected('checksum mismatch (damaged file)'));
    }
    // From parts, the cold part is the caller's to check after the start.
    const damaged = Buffer.from(snapshot);
    damaged[layout.coldStart + 3]! ^= 0xff;
    const cold = (position: number, length: number) => ({
      length,
      read: (start: number, end: number) => damaged.subarray(position + start, position + end),
    });
    expect(decodeSnapshot({ layout, hot: damaged.subarray(layout.hotStart, layout.coldStart), cold }, 'f1').index.size).toBe(9);
  });
});
