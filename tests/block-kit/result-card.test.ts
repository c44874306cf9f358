import { describe, expect, it } from 'vitest';
import { resultCard } from '../../src/block-kit/result-card.ts';
import { checkMessage } from '../../src/block-kit/limits.ts';
import { makeHit, makeRecord } from '../support/records.ts';

function textOf(block: unknown): string {
  return JSON.stringify(block);
}

describe('resultCard', () => {
  it('shows the date, the linked headline, the summary with matched terms in bold, and the image', () => {
    const [section] = resultCard(makeHit());
    expect(section).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          '_Wed 7 Aug 2013_\n' +
          '*<http://www.bbc.co.uk/news/world-asia-23586026|North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.>*\n' +
          'North and South Korea agree to resume talks on reopening the joint *Kaesong* zone, days after Seoul demanded "final talks" on the matter.',
      },
      accessory: {
        type: 'image',
        image_url: 'https://ichef-1.bbci.co.uk/news/1024/media/images/69152000/jpg/_69152117_69152116.jpg',
        alt_text: 'North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.',
      },
    });
  });

  it('shows a WCEP line once, and a long one as a short headline over the rest', () => {
    const short = 'North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.';
    const wcep = { image: null, sources: [{ name: 'BBC', url: null }], origin: { file: 'd.yaml', line: 5, format: 'wcep-daily' as const } };
    const once = resultCard(makeHit(makeRecord({ title: short, summary: short, ...wcep })))[0] as { text: { text: string } };
    expect(once.text.text).toBe(
      '_Wed 7 Aug 2013_\n*North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.*',
    );
    const long = `${short.slice(0, -1)}, days after Seoul demanded "final talks" on the matter. The two sides last met in July without agreement.`;
    const split = resultCard(makeHit(makeRecord({ title: long, summary: long, ...wcep })))[0] as { text: { text: string } };
    expect(split.text.text).toBe(
      '_Wed 7 Aug 2013_\n' +
        '*North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone, days after Seoul demanded "final talks" on the matter*\n' +
        'The two sides last met in July without agreement.',
    );
  });

  it('lists sources as links and context tags', () => {
    const [, context] = resultCard(makeHit());
    expect(context).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Sources: <http://www.bbc.co.uk/news/world-asia-23586026|BBC> · <http://news.sky.com/story/1125548/koreas-agree-to-talks-complex-may-re-open|Sky News>',
        },
        { type: 'mrkdwn', text: 'Context: Kaesong area · North Korea · South Korea' },
      ],
    });
  });

  it('shows at most three related events with their dates and why each is related', () => {
    const reasons = ['same story: 2013 Korean crisis', 'same matter: Kaesong, reopening', 'linked from the event page', 'same story'];
    const related = [1, 2, 3, 4].map((n) => ({ id: `r${n}`, title: `Related event ${n}`, date: `2013-04-2${n}`, reason: reasons[n - 1]! }));
    const blocks = resultCard(makeHit(makeRecord(), { related }));
    expect(blocks[2]).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Related: 21 Apr 2013: Related event 1 (same story: 2013 Korean crisis)  ·  22 Apr 2013: Related event 2 (same matter: Kaesong, reopening)  ·  23 Apr 2013: Related event 3 (linked from the event page)',
        },
      ],
    });
  });

  it('gives articles a short excerpt around the match instead of the body', () => {
    const body = `${'Background paragraph without the word. '.repeat(40)}The Kaesong complex employed 53,000 North Korean workers. ${'Trailing text. '.repeat(40)}`;
    const article = makeRecord({ kind: 'article', body, summary: 'Lead paragraph.', date: null, image: null, sources: [] });
    const text = (resultCard(makeHit(article)) as Array<{ text?: { text: string } }>)[0]!.text!.text;
    expect(text).toContain('The *Kaesong* complex employed 53,000');
    expect(text.startsWith('_Background_\n')).toBe(true);
    expect(text.length).toBeLessThan(500);
  });

  it('escapes hostile corpus text and stays valid at any length', () => {
    const hostile = makeRecord({
      title: `<!channel> *AT&T* ${'very long headline '.repeat(400)}`,
      summary: `<script> & ${'long summary words '.repeat(2000)}`,
      sources: [{ name: '<evil|name>', url: 'https://x.org/?a=1&b=<2>' }],
      contexts: Array.from({ length: 50 }, (_, i) => `tag ${i} & more`),
    });
    const blocks = resultCard(makeHit(hostile, { matchedTerms: ['long', 'amp', '*'] }));
    expect(checkMessage({ text: 'x', blocks })).toEqual([]);
    const mrkdwn = textOf((blocks[0] as { text: unknown }).text);
    expect(mrkdwn).not.toContain('<!channel>');
    expect(mrkdwn).toContain('&lt;!channel&gt; \u2217AT&amp;T\u2217');
  });

  it('leaves out the image when the record has none, and links nothing without a URL', () => {
    const [section] = resultCard(makeHit(makeRecord({ image: null, sources: [{ name: 'Reuters', url: null }] })));
    expect(section).not.toHaveProperty('accessory');
    expect(textOf(section)).toContain('*North Korea and South Korea agree');
  });
});
