import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/block-kit/sparkline.ts';

describe('sparkline', () => {
  it('scales counts to the peak, with nothing on the baseline and any activity above it', () => {
    expect(sparkline([0, 1, 4, 7, 14])).toBe('▁▂▃▅█');
    expect(sparkline([2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1])).toBe('██████▅▅▅▅▅▅');
    expect(sparkline([0, 0, 0])).toBe('▁▁▁');
    expect(sparkline([])).toBe('');
  });
});
