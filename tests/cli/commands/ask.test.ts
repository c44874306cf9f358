import { describe, expect, it } from 'vitest';
import { askCommand, splitInput } from '../../../src/cli/commands/ask.ts';
import { checkMessage } from '../../../src/block-kit/limits.ts';
import { fakeCliContext } from '../../support/cli-context.ts';

const corpus = new URL('../../../corpus', import.meta.url).pathname;

async function ask(...args: string[]) {
  const { context, out, err } = fakeCliContext();
  const code = await askCommand.run([...args, '--corpus', corpus], context);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kaesong ask', () => {
  it('tells slash commands from mentions', () => {
    expect(splitInput('/kaesong 2013')).toEqual({ mention: false, query: '2013' });
    expect(splitInput('@kaesong kaesong talks')).toEqual({ mention: true, query: 'kaesong talks' });
    expect(splitInput('kaesong')).toEqual({ mention: false, query: 'kaesong' });
  });

  it('prints the slash command reply as readable text with its buttons', async () => {
    const { code, out } = await ask('/kaesong kaesong 2013');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^kaesong · 2013 · \d+ events/);
    expect(out).toContain('Sources: BBC (http://www.bbc.co.uk/news/world-asia-23586026)');
    expect(out).toContain('[Share in channel]');
  });

  it('answers a bare year with its Kaesong events in date order: the bundled corpus is too small for a glance', async () => {
    const { out } = await ask('/kaesong 2013');
    const lines = out.split('\n');
    expect(lines[0]).toBe('2013 · 6 events · oldest first · showing 1–5');
    expect(lines[2]).toBe('Wed 17 Apr 2013');
    expect(lines[3]).toContain('Kaesong');
    expect(out).toContain('[Share in channel] [Newer ▶]');
  });

  it('prints a mention reply without the Share button', async () => {
    const { out } = await ask('@kaesong kaesong talks');
    expect(out.split('\n')[0]).toMatch(/^kaesong talks · \d+ events/);
    expect(out).not.toContain('[Share in channel]');
  });

  it('prints the Block Kit payload with --json, valid against the limits', async () => {
    const { out } = await ask('/kaesong kaesong 2013', '--json');
    const payload = JSON.parse(out) as Record<string, unknown>;
    expect(payload['response_type']).toBe('ephemeral');
    expect(checkMessage(payload)).toEqual([]);
  });
});
