import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.ts';
import { isPeriodNote } from '../../src/corpus/wcep-line.ts';

const WCEP = fileURLToPath(new URL('../../../shared/data/wcep', import.meta.url));
const hasWcep = existsSync(WCEP);

describe.skipIf(!hasWcep)(`WCEP story labels over the whole archive${hasWcep ? '' : ` (skipped: ${WCEP} not found)`}`, () => {
  it('never come out as events, and no period note is a source', { timeout: 60_000 }, async () => {
    const { records } = await loadCorpus([WCEP]);
    // Compared without case, a final full stop or a note: "Aleppo offensive" is the label
    // "Aleppo offensive (November–December 2016)". Contexts include every section name and tag.
    const bare = (text: string) =>
      text
        .toLowerCase()
        .replace(/\s*\([^()]*\)/g, '')
        .replace(/\.$/, '')
        .trim();
    const labels = new Set(records.flatMap((r) => r.contexts.map(bare)));
    const titledAsLabel = records.filter((r) => labels.has(bare(r.title)));
    expect(titledAsLabel.map((r) => `${r.origin.file.slice(WCEP.length + 1)}:${r.origin.line} ${r.title}`)).toEqual([]);
    const noted = records.filter((r) => r.sources.some((s) => isPeriodNote(s.name)));
    expect(noted.map((r) => `${r.origin.file.slice(WCEP.length + 1)}:${r.origin.line} ${r.sources.map((s) => s.name).join(', ')}`)).toEqual(
      [],
    );
    expect(records.filter((r) => r.contexts.includes('Aleppo offensive (November–December 2016)')).length).toBe(7);
  });
});
