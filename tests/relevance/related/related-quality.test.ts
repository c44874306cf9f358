import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load-corpus.ts';
import { createSearchIndex } from '../../../src/search/search-index.ts';
import { describeQuality, loadJudgedSet, measureRelated, type RelatedQuality } from './judged-set.ts';

const wcep = new URL('../../../../shared/data/wcep', import.meta.url).pathname;
const bundled = new URL('../../../corpus', import.meta.url).pathname;
/** Related items under a card, as the bot shows them. */
const SHOWN = 3;

describe.skipIf(!existsSync(wcep))(
  'related events on the full WCEP archive, against the judged set (skipped when ../shared/data/wcep is not here)',
  () => {
    let quality: RelatedQuality;
    beforeAll(async () => {
      const index = createSearchIndex((await loadCorpus([bundled, wcep])).records);
      quality = measureRelated(loadJudgedSet(), (id) => index.related(id, SHOWN));
      console.log(`related events: ${describeQuality(quality)}`);
    }, 180_000);

    it('shows only pairs that have been judged, near enough, so the figures measure judgements', () => {
      const listed = quality.unjudged.map((pair) => `${pair.eventTitle.slice(0, 80)} → ${pair.relatedTitle.slice(0, 80)} (${pair.reason})`);
      expect(quality.unjudged.length, `judge these in pairs.jsonl:\n${listed.join('\n')}`).toBeLessThanOrEqual(
        Math.floor(quality.shown * 0.05),
      );
    });

    it('shows at least 80% relevant items and at most 3% noise', () => {
      expect(quality.relevant / quality.shown).toBeGreaterThanOrEqual(0.8);
      expect(quality.noise / quality.shown).toBeLessThanOrEqual(0.03);
    });

    it('puts a relevant item first for at least 85% of the events that show any', () => {
      expect(quality.firstRelevant / quality.covered).toBeGreaterThanOrEqual(0.85);
    });

    it('still shows related events for at least two events in five', () => {
      expect(quality.covered / quality.events).toBeGreaterThanOrEqual(0.4);
    });
  },
);
