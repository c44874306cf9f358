import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCorpusFiles } from '../../src/corpus/load-corpus.ts';
import { buildSnapshot } from '../../src/knowledge/build-snapshot.ts';
import { frontFileCount } from '../../src/knowledge/half-build.ts';

const bundled = new URL('../../corpus', import.meta.url).pathname;
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kaesong-build-'));
  await cp(bundled, join(work, 'corpus'), { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const line = (fields: Record<string, unknown>) => `${JSON.stringify(fields)}\n`;

/** Files of every kind a build meets: shared ids across files, Related stubs, a bad line, bad bytes, a BOM, and over 4 MB of events. */
async function writeMixedCorpus(dir: string): Promise<void> {
  await mkdir(join(dir, 'wire'), { recursive: true });
  const shared = { date: '2013-08-14', title: 'Koreas agree to reopen the Kaesong complex' };
  await writeFile(join(dir, 'wire', 'a.jsonl'), line({ ...shared, sources: [{ name: 'Yonhap', url: null }] }) + line({ title: 7 }));
  await writeFile(
    join(dir, 'wire', 'b.jsonl'),
    line({
      ...shared,
      summary: 'The two Koreas agree on a five-point plan to reopen the joint industrial zone.',
      sources: [{ name: 'Reuters', url: 'https://reuters.com/k' }],
      related: [
        {
          id: 'news/2013/04/8/north-korea-withdraws-its-workers-from-kaesong',
          title: 'North Korea withdraws its workers',
          date: '2013-04-08',
          contexts: ['Kaesong'],
        },
      ],
    }),
  );
  await writeFile(join(dir, 'wire', 'bom.jsonl'), `\uFEFF${line({ date: '2013-09-16', title: 'Kaesong reopens after five months' })}`);
  await writeFile(
    join(dir, 'wire', 'latin1.jsonl'),
    Buffer.concat([Buffer.from('{"date":"2013-09-20","title":"Caf'), Buffer.from([0xe9]), Buffer.from(' talks in Seoul"}\n')]),
  );
  const big = Array.from({ length: 11_000 }, (_, i) =>
    line({
      date: `2011-0${(i % 9) + 1}-${String((i % 27) + 1).padStart(2, '0')}`,
      title: `Harbour crane tariff dispute number ${i}`,
      summary: `Port ${i % 97} `.repeat(40),
    }),
  ).join('');
  await writeFile(join(dir, 'wire', 'big.jsonl'), big);
}

/**
 * Two files of about the same size, so a two-thread build parses each in its own thread: an id both give, Related
 * links from each to a record of the other and to an id neither gives, an acronym label in both, undated records
 * in both, and dates against path order (the front file's are later), so the halves' records cross over.
 */
async function writeCrossingCorpus(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const label = 'World Health Organization (WHO)';
  const nowhere = { id: 'news/1999/01/1/never-written', title: 'A meeting nobody wrote up', date: '1999-01-01', contexts: ['Lost'] };
  const filler = (year: number, n: number) =>
    Array.from({ length: n }, (_, i) =>
      line({ date: `${year}-0${(i % 9) + 1}-1${i % 10}`, title: `Harbour report ${year} ${i}`, contexts: i % 7 === 0 ? [label] : [] }),
    ).join('');
  await writeFile(
    join(dir, 'a-later.jsonl'),
    line({ id: 'shared', date: '2015-05-05', title: 'Shared event', sources: [{ name: 'Yonhap', url: null }] }) +
      line({
        date: '2020-01-02',
        title: 'Front links back',
        related: [{ id: 'news/2010/01/3/back-only', title: 'Back only', date: '2010-01-03', contexts: ['From the front'] }, nowhere],
      }) +
      line({ id: 'undated-front', date: null, title: 'Undated in the front' }) +
      filler(2020, 70),
  );
  await writeFile(
    join(dir, 'b-earlier.jsonl'),
    line({ id: 'shared', date: '2015-05-05', title: 'Shared event', summary: 'Richer here.', contexts: [label] }) +
      line({
        date: '2010-01-03',
        title: 'Back only',
        related: [{ id: 'news/2020/01/2/front-links-back', title: 'Front', date: '2020-01-02', contexts: [] }],
      }) +
      line({ date: '2010-02-03', title: 'Back links nowhere', related: [{ ...nowhere, contexts: ['Found'] }] }) +
      line({ id: 'undated-back', date: null, title: 'Undated in the back' }) +
      filler(2010, 60),
  );
}

describe('buildSnapshot', () => {
  it('gives the same snapshot and manifest in two threads when ids, stubs and dates cross the halves of the files', async () => {
    const dir = join(work, 'crossing');
    await writeCrossingCorpus(dir);
    const files = listCorpusFiles([dir]);
    // The front thread parses the first file, the back thread the second.
    expect(frontFileCount(files)).toBe(1);
    const one = await buildSnapshot([dir], files, 'fingerprint', undefined, 1);
    const two = await buildSnapshot([dir], files, 'fingerprint', undefined, 2);
    expect(two.threads).toBe(2);
    expect(two.snapshot.equals(one.snapshot)).toBe(true);
    expect(two.manifest.numbers).toEqual(one.manifest.numbers);
    expect(two.manifest.digests).toEqual(one.manifest.digests);
    expect(two.manifest.starts).toEqual(one.manifest.starts);
    // Each file's ids: its records' and its Related links' (73 + 2, 64 + 2).
    expect(one.manifest.starts).toEqual(Uint32Array.from([0, 75, 141]));
  });

  it('gives the same snapshot and manifest, byte for byte, in two threads as in one', async () => {
    const dir = join(work, 'corpus');
    await writeMixedCorpus(dir);
    const files = listCorpusFiles([dir]);
    const one = await buildSnapshot([dir], files, 'fingerprint', undefined, 1);
    const two = await buildSnapshot([dir], files, 'fingerprint', undefined, 2);
    expect(two.threads).toBe(2);
    expect(two.snapshot.equals(one.snapshot)).toBe(true);
    // `racy` says whether a file was read within 2 s of its last change: when it was read, not what it gave.
    const gave = ({ files: facts, ...numbers }: typeof one.manifest) => ({
      ...numbers,
      files: facts.map(({ racy: _racy, ...fact }) => fact),
    });
    expect(gave(two.manifest)).toEqual(gave(one.manifest));
    expect(two.manifest.files.map((fact) => fact.path)).toEqual(files.map((file) => file.path));
    expect(one.manifest.numbers.length).toBeGreaterThan(2_000);
    expect(one.manifest.files.flatMap((entry) => entry.problems.map((problem) => `${problem.line}: ${problem.reason}`))).toEqual([
      '2: title must be a non-empty string',
      expect.stringContaining('1: '),
    ]);
  });

  it('builds in one thread when the second thread fails, with the same snapshot', async () => {
    const dir = join(work, 'corpus');
    await writeMixedCorpus(dir);
    const files = listCorpusFiles([dir]);
    // A second thread that dies once it is given its files (out of memory, say).
    const failing = join(work, 'failing-thread.mjs');
    await writeFile(
      failing,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('no memory'); });\n",
    );
    const one = await buildSnapshot([dir], files, 'fingerprint', undefined, 1);
    const fellBack = await buildSnapshot([dir], files, 'fingerprint', undefined, 2, pathToFileURL(failing));
    expect(fellBack.threads).toBe(1);
    expect(fellBack.snapshot.equals(one.snapshot)).toBe(true);
    expect(fellBack.manifest.numbers).toEqual(one.manifest.numbers);
  });
});
