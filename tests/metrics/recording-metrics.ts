import { noMetrics, type Metrics } from '../../src/model/metrics.ts';

/** A Metrics that keeps every call as `name(arg, …)`, durations left out, to assert on exactly. */
export function recordingMetrics(): Metrics & { calls: string[]; seconds: number[] } {
  const calls: string[] = [];
  const seconds: number[] = [];
  const record =
    (name: keyof Metrics) =>
    (...args: unknown[]) => {
      const timed = typeof args.at(-1) === 'number';
      if (timed) seconds.push(args.at(-1) as number);
      calls.push(
        `${name}(${(timed ? args.slice(0, -1) : args).map((arg) => (typeof arg === 'object' ? JSON.stringify(arg) : arg)).join(', ')})`,
      );
    };
  const metrics = Object.fromEntries(Object.keys(noMetrics).map((name) => [name, record(name as keyof Metrics)])) as unknown as Metrics;
  return Object.assign(metrics, { calls, seconds });
}
