/**
 * `npm run bench -- --scale N`: the WCEP archive made N times larger, to see how the bot grows. The
 * archive is read as it is; beside it come N - 1 copies shifted back by whole multiples of 25 years
 * (WCEP spans 2002–2026, so copies never share a year), as per-year JSON Lines. They are generated once
 * and cached outside the repository (~/.cache/kaesong/scale-N/), since 9× is ~1M records and ~0.5 GB.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../src/corpus/load-corpus.ts';
import { toJsonl } from '../src/corpus/to-jsonl.ts';
import type { CorpusRecord, RelatedLink } from '../src/model/record.ts';

const YEARS_PER_COPY = 25;
/** Written last: a folder without it is a generation that was cut short. */
const COMPLETE = '.complete';

/** `--scale N` from the command line, 1 when absent; only whole numbers from 1 to 20. */
export function scaleOf(argv: readonly string[]): number {
  const at = argv.indexOf('--scale');
  if (at === -1) return 1;
  const scale = Number(argv[at + 1]);
  if (!Number.isInteger(scale) || scale < 1 || scale > 20) throw new Error(`bench: --scale takes a whole number 1–20, got ${argv[at + 1]}`);
  return scale;
}

/**
 * The folder of the N - 1 shifted copies of `wcep`, generated when not cached yet. The bench reads it
 * beside `wcep` itself: together they are the N× corpus.
 */
export async function scaledCopies(wcep: string, scale: number): Promise<string> {
  const cacheRoot = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  const folder = join(cacheRoot, 'kaesong', `scale-${scale}`);
  if (existsSync(join(folder, COMPLETE))) return folder;
  const started = performance.now();
  const partial = `${folder}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  // Stubs are left out: the shifted Related links make them again when the copies are merged.
  const originals = (await loadCorpus([wcep])).records.filter((record) => !record.stub && record.date !== null);
  for (let copy = 1; copy < scale; copy += 1) {
    const byYear = new Map<string, CorpusRecord[]>();
    for (const record of originals) {
      const shifted = shiftRecord(record, copy * YEARS_PER_COPY);
      const year = shifted.date!.slice(0, 4);
      const list = byYear.get(year);
      if (list === undefined) byYear.set(year, [shifted]);
      else list.push(shifted);
    }
    for (const [year, records] of byYear) await writeFile(join(partial, `${year}.jsonl`), toJsonl(records));
  }
  await writeFile(join(partial, COMPLETE), `${new Date().toISOString()}\n`);
  await rm(folder, { recursive: true, force: true });
  await rename(partial, folder);
  console.log(
    `scale ${scale}: ${originals.length * (scale - 1)} shifted records written to ${folder} in ${(performance.now() - started) / 1000} s`,
  );
  return folder;
}

/** The record `years` earlier: its date, its id's date and its Related links' ids and dates. */
export function shiftRecord(record: CorpusRecord, years: number): CorpusRecord {
  return {
    ...record,
    id: shiftId(record.id, years),
    date: record.date === null ? null : shiftDate(record.date, years),
    related: record.related.map(
      (link): RelatedLink => ({
        ...link,
        id: shiftId(link.id, years),
        date: link.date === null ? null : shiftDate(link.date, years),
      }),
    ),
  };
}

/** `YYYY-MM-DD` moved back `years` years; 29 February becomes the 28th in a year without it. */
export function shiftDate(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) - years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** `news/YYYY/MM/D/slug` with its date moved back like shiftDate; any other id gets a suffix naming the shift. */
export function shiftId(id: string, years: number): string {
  const match = /^news\/(\d{4})\/(\d{2})\/(\d{1,2})\/(.*)$/.exec(id);
  if (match === null) return `${id}-${years}-years-back`;
  const [, year, month, day, slug] = match;
  const shifted = shiftDate(`${year}-${month}-${day!.padStart(2, '0')}`, years);
  return `news/${shifted.slice(0, 4)}/${shifted.slice(5, 7)}/${Number(shifted.slice(8))}/${slug}`;
}
