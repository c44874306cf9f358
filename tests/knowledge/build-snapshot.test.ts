import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCorpusFiles } from '../../src/corpus/load-corpus.ts';
import { buildSnapshot } from '../../src/knowledge/build-snapshot.ts';

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

describe('buildSnapshot', () => {
  // In two threads the postings are built in runs shared out from both ends, the last run always by the columns thread.
  it('gives the same snapshot and manifest, byte for byte, in two threads as in one', async () => {
    const dir = join(work, 'corpus');
    await writeMixedCorpus(dir);
    const files = listCorpusFiles([dir]);
    const one = await buildSnapshot([dir], files, 'fingerprint', undefined, 1);
    const two = await buildSnapshot([dir], files, 'fingerprint', undefined, 2);
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

  it('builds in one thread when the columns thread fails, with the same snapshot', async () => {
    const dir = join(work, 'corpus');
    await writeMixedCorpus(dir);
    const files = listCorpusFiles([dir]);
    // A columns thread that dies once the bytes start coming (out of memory, say): this thread has taken every run by the time it asks.
    const failing = join(work, 'failing-thread.mjs');
    await writeFile(
      failing,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('no memory'); });\n",
    );
    const one = await buildSnapshot([dir], files, 'fingerprint', undefined, 1);
    const fellBack = await buildSnapshot([dir], files, 'fingerprint', undefined, 2, pathToFileURL(failing));
    expect(fellBack.snapshot.equals(one.snapshot)).toBe(true);
    expect(fellBack.manifest.numbers).toEqual(one.manifest.numbers);
  });
});
