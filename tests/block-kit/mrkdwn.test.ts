import { describe, expect, it } from 'vitest';
import { boldTerms, cutText, excerptAround, link, safeText } from '../../src/block-kit/mrkdwn.ts';

describe('safeText', () => {
  it('escapes &, < and > and collapses whitespace', () => {
    expect(safeText('  AT&T <b>bold</b>\n\tnews ')).toBe('AT&amp;T &lt;b&gt;bold&lt;/b&gt; news');
  });

  it('neutralises formatting characters so corpus text cannot open bold or italics', () => {
    expect(safeText('*not bold* _not italic_ ~no~ `code`')).toBe(
      '\u2217not bold\u2217 \u02CDnot italic\u02CD \u223Cno\u223C \u02CBcode\u02CB',
    );
  });

  it('turns Slack control sequences into plain text', () => {
    expect(safeText('<!channel> <@U123>')).toBe('&lt;!channel&gt; &lt;@U123&gt;');
  });
});

describe('boldTerms', () => {
  it('escapes the text it bolds', () => {
    expect(boldTerms('<Kaesong> & *talks*', ['kaesong', 'talks'])).toBe('&lt;*Kaesong*&gt; &amp; \u2217*talks*\u2217');
  });

  it('bolds whole words case-insensitively', () => {
    expect(boldTerms('Kaesong talks; kaesongs', ['kaesong'])).toBe('*Kaesong* talks; kaesongs');
  });

  it('prefers the longest term and never nests markers', () => {
    expect(boldTerms('North Korea', ['north', 'north korea'])).toBe('*North Korea*');
  });

  it('never bolds inside an escaped entity', () => {
    expect(boldTerms('AT&T amp', ['amp', 't'])).toBe('AT&amp;T *amp*');
  });

  it('treats regex characters in terms literally', () => {
    expect(boldTerms('a+b and ab', ['a+b'])).toBe('*a+b* and ab');
  });

  it('bolds non-Latin words', () => {
    expect(boldTerms('개성공단 재가동', ['개성공단'])).toBe('*개성공단* 재가동');
  });
});

describe('cutText', () => {
  it('leaves short text alone', () => {
    expect(cutText('short', 10)).toBe('short');
  });

  it('cuts at a word boundary with an ellipsis', () => {
    expect(cutText('North Korea and South Korea agree', 20)).toBe('North Korea and…');
  });

  it('cuts inside a single long word when there is no space', () => {
    expect(cutText('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('excerptAround', () => {
  it('shows the window around the first match', () => {
    const text = `${'filler words here. '.repeat(20)}The Kaesong zone reopened after months of talks. ${'more filler. '.repeat(20)}`;
    const excerpt = excerptAround(text, ['kaesong'], 80);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt).toContain('The Kaesong zone reopened');
    expect(excerpt.length).toBeLessThanOrEqual(80);
  });
});

describe('link', () => {
  it('links http(s) URLs and escapes the separators', () => {
    expect(link('https://x.org/a?b=1&c=2|3', 'label')).toBe('<https://x.org/a?b=1&amp;c=2%7C3|label>');
  });

  it('falls back to the label for missing or unsafe URLs', () => {
    expect(link(null, 'BBC')).toBe('BBC');
    expect(link('javascript:alert(1)', 'BBC')).toBe('BBC');
  });
});
