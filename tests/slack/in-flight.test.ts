import { setTimeout as after } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { inFlightWork } from '../../src/slack/in-flight.ts';

describe('inFlightWork', () => {
  it('is quiet for no time while a reply is in flight, and counts from when the last one ended', async () => {
    const inFlight = inFlightWork();
    let finish = () => {};
    const reply = inFlight.track(() => new Promise<void>((resolve) => (finish = resolve)));
    await after(20);
    expect(inFlight.quietForMs()).toBe(0);
    finish();
    await reply;
    await after(30);
    expect(inFlight.quietForMs()).toBeGreaterThanOrEqual(29);
    expect(inFlight.quietForMs()).toBeLessThan(1_000);
    expect(await inFlight.drained(10)).toBe(true);
  });
});
