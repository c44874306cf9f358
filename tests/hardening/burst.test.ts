import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/block-kit/limits.ts';
import { startHarness, type Harness } from './app-harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

const QUERIES = [
  'kaesong 2013',
  'kaesong talks',
  'north korea since 2014',
  'panmunjom',
  'timeline kaesong',
  'workers -talks',
  '"industrial zone"',
  'help',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('a burst of slash commands on loopback', () => {
  it('acknowledges 200 commands sent within 10 s, each inside Slack’s 3 seconds', async () => {
    const sends: Array<ReturnType<Harness['slash']>> = [];
    for (let i = 0; i < 200; i += 1) {
      sends.push(h.slash(QUERIES[i % QUERIES.length]!, `burst-${i}`));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const responses = await Promise.all(sends);
    const ms = responses.map((response) => response.ms).sort((a, b) => a - b);
    console.log(
      `burst of 200 /kaesong in ~10 s: ack p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${ms.at(-1)!.toFixed(1)} ms`,
    );
    expect(responses.map((response) => response.status)).toEqual(Array(200).fill(200));
    for (const response of responses) expect(checkMessage(response.json)).toEqual([]);
    expect(ms.filter((value) => value >= 3000)).toEqual([]);
  }, 60_000);
});
