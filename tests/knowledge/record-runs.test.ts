import { describe, expect, it } from 'vitest';
import { RecordRuns, type RecordRun, sharedRunsBuffer } from '../../src/knowledge/record-runs.ts';

describe('RecordRuns', () => {
  it('shares every record out once, from the front and the back until they meet', () => {
    const buffer = sharedRunsBuffer();
    // Two views over one buffer, as the two threads have.
    const front = new RecordRuns(buffer, 1_000);
    const back = new RecordRuns(buffer, 1_000);
    const fronts: RecordRun[] = [];
    const backs: RecordRun[] = [];
    for (let i = 0; i < 10; i += 1) fronts.push(front.takeFront()!);
    for (let run = back.takeBack(); run !== null; run = back.takeBack()) {
      backs.push(run);
      const more = front.takeFront();
      if (more !== null) fronts.push(more);
    }
    expect(front.takeFront()).toBeNull();
    expect(fronts.slice(0, 3)).toEqual([
      { start: 0, end: 16 },
      { start: 16, end: 32 },
      { start: 32, end: 48 },
    ]);
    expect(backs.slice(0, 2)).toEqual([
      { start: 992, end: 1_000 },
      { start: 976, end: 992 },
    ]);
    // The front's runs follow each other from record 0 (one part for its builder), the back's precede each other from the end,
    // and they meet: every record once.
    expect(fronts.every((run, i) => i === 0 || run.start === fronts[i - 1]!.end)).toBe(true);
    expect(backs.every((run, i) => i === 0 || run.end === backs[i - 1]!.start)).toBe(true);
    expect(fronts.at(-1)!.end).toBe(backs.at(-1)!.start);
    expect([fronts.length, backs.length]).toEqual([36, 27]);
  });

  it('has nothing to share for no records, one run a record for a few, and leaves the last run to the back', () => {
    expect(new RecordRuns(sharedRunsBuffer(), 0).takeFront()).toBeNull();
    const few = new RecordRuns(sharedRunsBuffer(), 3);
    expect([few.takeBack(), few.takeFront(), few.takeFront(), few.takeBack(), few.takeBack()]).toEqual([
      { start: 2, end: 3 },
      { start: 0, end: 1 },
      null,
      { start: 1, end: 2 },
      null,
    ]);
  });
});
