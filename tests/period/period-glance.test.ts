import { describe, expect, it } from 'vitest';
import { periodGlance, storyEvents } from '../../src/period/period-glance.ts';
import { activitySteps, stepKey } from '../../src/period/activity.ts';
import { periodRecords } from '../support/period-records.ts';

describe('activitySteps', () => {
  it('goes by day up to a month, by month up to four years, by year beyond', () => {
    expect(activitySteps('2013-08-30', '2013-09-02')).toEqual({
      unit: 'day',
      keys: ['2013-08-30', '2013-08-31', '2013-09-01', '2013-09-02'],
    });
    expect(activitySteps('2013-08-01', '2013-09-01').unit).toBe('month');
    expect(activitySteps('2012-11-05', '2013-02-01')).toEqual({ unit: 'month', keys: ['2012-11', '2012-12', '2013-01', '2013-02'] });
    expect(activitySteps('2010-01-01', '2013-12-31').keys).toHaveLength(48);
    expect(activitySteps('2002-01-01', '2026-03-17')).toMatchObject({ unit: 'year', keys: expect.arrayContaining(['2002', '2026']) });
    expect(activitySteps('2002-01-01', '2026-03-17').keys).toHaveLength(25);
  });

  it('files a date under its step', () => {
    expect([stepKey('2013-08-07', 'day'), stepKey('2013-08-07', 'month'), stepKey('2013-08-07', 'year')]).toEqual([
      '2013-08-07',
      '2013-08',
      '2013',
    ]);
  });
});

describe('periodGlance', () => {
  const glance = periodGlance(periodRecords(), { from: '2013-01-01', to: '2013-12-31' });

  it("counts the period's events, leaving out articles and stubs, month by month", () => {
    expect(glance.total).toBe(41);
    expect(glance.steps.unit).toBe('month');
    expect(glance.activity).toEqual([3, 3, 3, 12, 4, 3, 5, 2, 2, 2, 1, 1]);
  });

  it('ranks the story labels by events and sources, with their spans and activity', () => {
    expect(glance.storyCount).toBe(3);
    expect(glance.stories).toEqual([
      {
        label: 'Syrian civil war',
        root: 'Syrian civil war',
        events: 18,
        sources: 24,
        first: '2013-01-03',
        last: '2013-12-03',
        activity: [2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1],
        parts: [],
      },
      {
        label: '2013 Korean crisis',
        root: '2013 Korean crisis',
        events: 9,
        sources: 29,
        first: '2013-04-03',
        last: '2013-04-10',
        activity: [0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0],
        parts: [],
      },
      {
        label: "2013 Egyptian coup d'état",
        root: "2013 Egyptian coup d'état",
        events: 3,
        sources: 6,
        first: '2013-07-03',
        last: '2013-07-05',
        activity: [0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0],
        parts: [],
      },
    ]);
  });

  it('counts the parts of a story present in the period in it, each event once', () => {
    const relabel = (label: string) => (r: ReturnType<typeof periodRecords>[number], i: number) =>
      r.contexts[0] === 'Syrian civil war' && i % 3 === 0 ? { ...r, contexts: [label, 'Syrian civil war'] } : r;
    const records = periodRecords()
      .map(relabel('Syrian civil war in Aleppo'))
      .map((r, i) => (r.contexts[0] === 'Syrian civil war' && i % 3 === 1 ? { ...r, contexts: ['Syrian civil war (2011–present)'] } : r));
    const [war] = periodGlance(records).stories;
    expect([war!.label, war!.root, war!.events, war!.parts]).toEqual([
      'Syrian civil war',
      'Syrian civil war',
      18,
      ['Syrian civil war in Aleppo', 'Syrian civil war (2011–present)'],
    ]);
    expect(storyEvents(records, 'Syrian civil war')).toHaveLength(18);
    const mostlyLong = records.map((r) => (r.contexts[0] === 'Syrian civil war' ? { ...r, contexts: ['Syrian civil war in Aleppo'] } : r));
    const [renamed] = periodGlance(mostlyLong).stories;
    expect([renamed!.label, renamed!.root]).toEqual(['Syrian civil war in Aleppo', 'Syrian civil war']);
  });

  it('lets sources outweigh a few more events', () => {
    const busy = periodGlance(periodRecords(), { stories: 2 });
    const heavier = periodGlance(
      periodRecords().map((r) => (r.contexts[0] === '2013 Korean crisis' ? { ...r, sources: [...r.sources, ...r.sources] } : r)),
      { stories: 1 },
    );
    expect(busy.stories.map((s) => s.label)).toEqual(['Syrian civil war', '2013 Korean crisis']);
    expect(heavier.stories.map((s) => s.label)).toEqual(['2013 Korean crisis']);
  });

  it('picks the most significant events, one per story and per month, in date order', () => {
    expect(glance.highlights.map((r) => [r.date, r.title])).toEqual([
      ['2013-04-08', 'North Korea withdraws its workers from the Kaesong industrial region.'],
      ['2013-06-20', 'Syrian civil war event 11.'],
      ['2013-07-05', "2013 Egyptian coup d'état event 29."],
      ['2013-09-15', 'Other news event 38.'],
      ['2013-10-15', 'Other news event 39.'],
    ]);
  });

  it('lists no story of a single event, and steps through the days of a short period', () => {
    const week = periodGlance(
      periodRecords().filter((r) => r.date! >= '2013-07-01' && r.date! <= '2013-07-07'),
      { from: '2013-07-01', to: '2013-07-07' },
    );
    expect(week.steps).toEqual({
      unit: 'day',
      keys: ['2013-07-01', '2013-07-02', '2013-07-03', '2013-07-04', '2013-07-05', '2013-07-06', '2013-07-07'],
    });
    expect(week.activity).toEqual([0, 0, 2, 1, 1, 0, 0]);
    expect(week.stories.map((s) => [s.label, s.events])).toEqual([["2013 Egyptian coup d'état", 3]]);
  });
});

describe('storyEvents', () => {
  it("gives a story's events oldest first, whatever the case of its label", () => {
    const events = storyEvents(periodRecords(), "2013 EGYPTIAN COUP D'ÉTAT");
    expect(events.map((r) => r.date)).toEqual(['2013-07-03', '2013-07-04', '2013-07-05']);
    expect(storyEvents(periodRecords(), 'Syrian civil war')).toHaveLength(18);
  });
});
