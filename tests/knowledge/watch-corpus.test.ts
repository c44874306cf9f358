import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchCorpus } from '../../src/knowledge/watch-corpus.ts';
import { recordingLogger } from '../support/listener-fakes.ts';

let work: string;
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('watchCorpus', () => {
  it('reports changes while saves keep coming every few ms, not only once they stop', async () => {
    work = await mkdtemp(join(tmpdir(), 'kaesong-watch-'));
    let reported = 0;
    let reportedWhileSaving = 0;
    const watcher = watchCorpus([work], () => (reported += 1), { debounceMs: 400, maxWaitMs: 500, logger: recordingLogger() });
    try {
      // Each save comes well within the debounce of the one before: a plain debounce would wait for the last.
      for (let i = 0; i < 150; i += 1) {
        await writeFile(join(work, `event-${i}.jsonl`), `{"date": "2013-09-16", "title": "Event ${i}"}\n`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      reportedWhileSaving = reported;
    } finally {
      watcher.close();
    }
    expect(reportedWhileSaving).toBeGreaterThan(0);
  });
});
