/** Heights for counts above zero, lowest to highest; zero is the baseline. */
const LEVELS = '▂▃▄▅▆▇█';
const BASELINE = '▁';

/**
 * Counts as a line of block characters, scaled to the largest (`▁▂▅█`): a step with nothing is the
 * baseline, any activity at least the next height up, so a quiet month never looks empty.
 */
export function sparkline(counts: readonly number[]): string {
  const peak = Math.max(0, ...counts);
  return counts
    .map((count) => (count <= 0 || peak === 0 ? BASELINE : LEVELS[Math.max(0, Math.ceil((count / peak) * LEVELS.length) - 1)]!))
    .join('');
}
