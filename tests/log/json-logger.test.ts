import { describe, expect, it } from 'vitest';
import { jsonLogger } from '../../src/log/json-logger.ts';

function recording(minimum: Parameters<typeof jsonLogger>[0] = 'info') {
  const lines: string[] = [];
  const logger = jsonLogger(minimum, { write: (line) => lines.push(line) });
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, parsed };
}

describe('jsonLogger', () => {
  it('writes one JSON object per line with the level by name, an ISO time and the message', () => {
    const { logger, lines, parsed } = recording();
    logger.info('corpus reloaded: 9 records');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('}\n')).toBe(true);
    const [entry] = parsed();
    expect(entry).toMatchObject({ level: 'info', msg: 'corpus reloaded: 9 records', pid: process.pid });
    expect(entry!['time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(entry).not.toHaveProperty('details');
  });

  it('keeps details as an array, errors with their type, message and stack', () => {
    const { logger, parsed } = recording();
    logger.error('digest: tick failed', 'Slack API error not_in_channel', new RangeError('bad day'), { channel: 'C1' });
    const [entry] = parsed();
    const details = entry!['details'] as unknown[];
    expect(details[0]).toBe('Slack API error not_in_channel');
    expect(details[1]).toMatchObject({ type: 'RangeError', message: 'bad day' });
    expect(String((details[1] as { stack: string }).stack)).toContain('json-logger.test.ts');
    expect(details[2]).toEqual({ channel: 'C1' });
  });

  it('drops messages below the minimum level', () => {
    const { logger, parsed } = recording('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(parsed().map((entry) => [entry['level'], entry['msg']])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
    ]);
  });

  it('survives a circular detail', () => {
    const { logger, parsed } = recording();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop['self'] = loop;
    logger.warn('odd payload', loop);
    expect((parsed()[0]!['details'] as unknown[])[0]).toEqual({ name: 'loop', self: '[Circular]' });
  });

  it('redacts Slack tokens in the message and inside nested details', () => {
    const { logger, lines } = recording();
    logger.warn('token xoxb-111-222-abc rejected', { request: { headers: { authorization: 'Bearer xapp-1-A-2-ff' } } });
    expect(lines[0]).not.toMatch(/xoxb-111|xapp-1-A/);
    expect(lines[0]).toContain('xoxb-[redacted]');
    expect(lines[0]).toContain('Bearer xapp-[redacted]');
  });
});
