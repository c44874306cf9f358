import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { askCommand } from '../../src/cli/commands/ask.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';
import { renderMessageText } from '../../src/slack/render-text.ts';
import type { SlackMessage } from '../../src/block-kit/message.ts';

const WCEP = fileURLToPath(new URL('../../../shared/data/wcep', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));
const hasWcep = existsSync(WCEP);

describe.skipIf(!hasWcep)(`/kaesong 2013 on the full archive${hasWcep ? '' : ` (skipped: ${WCEP} not found)`}`, () => {
  it('answers with 2013 at a glance: its biggest stories, then its most significant events', { timeout: 180_000 }, async () => {
    const out: string[] = [];
    await askCommand.run(['/kaesong 2013', '--json', '--corpus', CORPUS, '--corpus', WCEP], {
      out: (t) => out.push(t),
      err: () => undefined,
      env: {},
      interactive: false,
    });
    const payload = JSON.parse(out.join('\n')) as SlackMessage;
    expect(checkMessage(payload)).toEqual([]);
    const lines = renderMessageText(payload, { ansi: false }).split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '2013 at a glance · 4,991 events · 153 stories',
      '▇▇████▆▆▅▅▅▅  by month, Jan–Dec 2013',
      'Biggest stories, by events and sources',
      'Syrian civil war',
      '▅▃▄▄▅▄▃█▆▃▄▄  254 events · 294 sources · 1 Jan – 30 Dec 2013',
      'incl. spillover in Lebanon  [Story timeline]',
    ]);
    expect(lines).toContain('2013 Korean crisis');
    expect(lines).toContain(
      'North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone. (http://www.bbc.co.uk/news/world-asia-23586026)',
    );
    expect(lines[lines.length - 1]).toBe('[Share in channel] [Timeline]');
  });
});
