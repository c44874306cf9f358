import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listCorpusFiles, listCorpusFilesInSteps, loadCorpus } from '../../src/corpus/load-corpus.ts';

const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));
const WCEP = fileURLToPath(new URL('../../../shared/data/wcep', import.meta.url));
const hasWcep = existsSync(WCEP);
const SEED_ID = 'news/2013/08/7/north-korea-and-south-korea-agree-to-resume-talks-on-reopening-the-kaesong-industrial-zone';

describe('loadCorpus on the bundled corpus/', () => {
  it('gives the seed event, its five Related links as stubs and the three articles, in date order', async () => {
    const { records, problems, files, synonyms } = await loadCorpus([CORPUS]);
    expect(problems).toEqual([]);
    // Two article folders' four files, and the editors' synonyms.txt.
    expect(files).toBe(5);
    expect(synonyms).toContainEqual(['Kaesong', 'Gaeseong', '개성']);
    expect(records.map((r) => [r.date, r.kind, r.stub, r.id])).toEqual([
      [
        '2013-04-17',
        'event',
        true,
        'news/2013/04/17/north-korea-blocks-a-delegation-of-south-korean-businessmen-from-delivering-food-and-supplies-to-200-of-their-staff-inside-the-closed-kaeson',
      ],
      [
        '2013-04-26',
        'event',
        true,
        'news/2013/04/26/south-korea-announces-that-it-will-withdraw-its-remaining-workers-from-north-korea-s-kaesong-industrial-region-to-protect-their-safety-after',
      ],
      ['2013-06-09', 'article', false, 'article/at-truce-village-north-south-korea-set-stage-for-cabinet-level-talks'],
      ['2013-08-07', 'article', false, 'article/north-korea-pledges-to-take-steps-to-reopen-the-kaesong-industrial-zone'],
      ['2013-08-07', 'event', false, SEED_ID],
      [
        '2013-08-14',
        'event',
        true,
        'news/2013/08/14/2013-korean-crisis-north-and-south-korea-agree-to-reopen-the-jointly-operated-kaesong-industrial-region',
      ],
      [
        '2016-01-07',
        'event',
        true,
        'news/2016/01/7/south-korea-says-it-will-resume-cross-border-propaganda-broadcasts-and-limit-entry-to-the-kaesong-industrial-region-in-response-to-yesterday',
      ],
      [
        '2016-02-11',
        'event',
        true,
        'news/2016/02/11/south-korea-starts-withdrawing-its-nationals-from-the-kaesong-industrial-region-in-protest-to-recent-actions-by-north-korea',
      ],
      [null, 'article', false, 'article/inter-korean-exchanges-and-cooperation'],
    ]);
    const stub = records[0]!;
    expect([stub.title, stub.summary, stub.contexts, stub.sources]).toEqual([
      'North Korea blocks a delegation of South Korean businessmen from delivering food and supplies to 200 of their staff inside the closed Kaesong joint industrial zone.',
      '',
      ['Kaesong area', 'North Korea', 'South Korea'],
      [],
    ]);
  });
});

describe('loadCorpus on a folder with bad files', () => {
  const GOOD = "Date: '2013-08-07'\nIntelligence_Payload:\n  Politics:\n  - A minister resigns. (Reuters)\n";
  const BROKEN = "Date: '2013-08-08'\nIntelligence_Payload:\n  Politics:\n  - ok\n   - bad: [\n";
  const NOTES = 'Just some notes.\n';
  function folder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kaesong-corpus-'));
    mkdirSync(join(dir, '2013'));
    writeFileSync(join(dir, '2013', 'good.yaml'), GOOD);
    writeFileSync(join(dir, '2013', 'broken.yaml'), BROKEN);
    writeFileSync(join(dir, 'notes.md'), NOTES);
    writeFileSync(join(dir, 'README.md'), 'Not corpus.\n');
    writeFileSync(join(dir, '.hidden.yaml'), 'garbage: [');
    writeFileSync(join(dir, 'picture.png'), 'binary');
    return dir;
  }

  it('reports each bad file with its line and loads the rest; README, dotfiles and other extensions are ignored', async () => {
    const dir = folder();
    const { records, problems, files } = await loadCorpus([dir]);
    expect(files).toBe(3);
    expect(records.map((r) => r.title)).toEqual(['A minister resigns.']);
    expect(problems.map((p) => [p.file.slice(dir.length + 1), p.line, p.reason.split(':')[0]])).toEqual([
      [join('2013', 'broken.yaml'), 5, 'not valid YAML'],
      ['notes.md', 1, 'unrecognised format'],
    ]);
  });

  it('reports a missing folder as a problem, with the path as given', async () => {
    const { records, problems } = await loadCorpus(['no-such-corpus-folder', CORPUS]);
    expect(records).toHaveLength(9);
    expect(problems).toEqual([{ file: 'no-such-corpus-folder', line: 0, reason: 'corpus folder not found' }]);
  });

  it('lists the corpus files sorted by path with their size', async () => {
    const dir = folder();
    const listed = listCorpusFiles([dir]);
    expect(listed.map((f) => [f.path.slice(dir.length + 1), f.size])).toEqual([
      [join('2013', 'broken.yaml'), BROKEN.length],
      [join('2013', 'good.yaml'), GOOD.length],
      ['notes.md', NOTES.length],
    ]);
  });

  it('lists the same files in steps, letting a timer run in between, as in one go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaesong-steps-'));
    for (let month = 1; month <= 12; month += 1) {
      const sub = join(dir, '2013', String(month).padStart(2, '0'));
      mkdirSync(sub, { recursive: true });
      for (let day = 1; day <= 200; day += 1) writeFileSync(join(sub, `${day}.md`), `# Day ${day}\n`);
    }
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const stepped = await listCorpusFilesInSteps([dir, 'no-such-corpus-folder']);
    clearInterval(timer);
    expect(stepped).toHaveLength(2_400);
    expect(stepped).toEqual(listCorpusFiles([dir, 'no-such-corpus-folder']));
    expect(ticks).toBeGreaterThan(0);
  });

  it('reports progress after every file', async () => {
    const seen: number[] = [];
    await loadCorpus([folder()], { onProgress: (progress) => seen.push(progress.filesRead) });
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe.skipIf(!hasWcep)(`loadCorpus with ../shared/data/wcep${hasWcep ? '' : ` (skipped: ${WCEP} not found)`}`, () => {
  it('merges the seed page and the WCEP line of 2013-08-07 into one record, sources combined', async () => {
    const { records } = await loadCorpus([CORPUS, join(WCEP, '2013/08/2013-08-07.yaml'), join(WCEP, '2013/08/2013-08-14.yaml')]);
    const seed = records.filter((r) => r.id === SEED_ID);
    expect(seed).toHaveLength(1);
    expect(seed[0]!.origin.format).toBe('event-page');
    expect(seed[0]!.sources).toEqual([
      { name: 'BBC', url: 'http://www.bbc.co.uk/news/world-asia-23586026' },
      { name: 'Sky News', url: 'http://news.sky.com/story/1125548/koreas-agree-to-talks-complex-may-re-open' },
    ]);
    expect(seed[0]!.category).toBe('International relations');
    expect(seed[0]!.contexts).toEqual(['Kaesong area', 'North Korea', 'South Korea']);
    const reopened = records.find((r) => r.date === '2013-08-14' && r.title.includes('Kaesong'))!;
    expect([reopened.stub, reopened.sources, reopened.contexts]).toEqual([
      false,
      [{ name: 'Reuters', url: null }],
      ['Kaesong area', 'North Korea', 'South Korea'],
    ]);
  });

  it('loads every day, reporting only the broken 2026-03-18 file', { timeout: 60_000 }, async () => {
    const { records, problems, files } = await loadCorpus([WCEP]);
    expect(files).toBe(8601);
    expect(problems.map((p) => [p.file.slice(WCEP.length + 1), p.line])).toEqual([['2026/03/2026-03-18.yaml', 19]]);
    expect(records).toHaveLength(113822); // 114,181 before 359 story labels stopped coming out as events
    expect(records.filter((r) => r.stub)).toHaveLength(0);
  });
});
