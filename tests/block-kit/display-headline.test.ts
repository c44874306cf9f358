import { describe, expect, it } from 'vitest';
import { displayText } from '../../src/block-kit/display-headline.ts';

describe('displayText', () => {
  it('keeps a headline and a different summary as they are', () => {
    expect(displayText('Koreas agree to talks', 'North and South Korea agree to resume talks.')).toEqual({
      headline: 'Koreas agree to talks',
      summary: 'North and South Korea agree to resume talks.',
    });
  });

  it('shows a WCEP line once: as the headline, with no summary repeating it', () => {
    const line = 'North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.';
    expect(displayText(line, line)).toEqual({ headline: line, summary: '' });
    expect(displayText(line, '')).toEqual({ headline: line, summary: '' });
  });

  it('makes the first sentence of a long line the headline and the rest the summary', () => {
    const line =
      'The Federal Reserve System raises the benchmark interest rate in the United States to a level between 0.5 and 0.75%. ' +
      'This is the second time in a decade that the Federal Reserve has increased interest rates.';
    expect(displayText(line, line)).toEqual({
      headline: 'The Federal Reserve System raises the benchmark interest rate in the United States to a level between 0.5 and 0.75%',
      summary: 'This is the second time in a decade that the Federal Reserve has increased interest rates.',
    });
  });

  it('does not end a sentence at an abbreviation or an initial', () => {
    const line =
      'U.S. President George W. Bush makes a surprise visit to Iraq and addresses military leaders and the troops, saying that with ' +
      'success, a U.S. Iraq troop cut is possible. More troops arrive in Baghdad.';
    expect(displayText(line, line).headline).toBe(
      'U.S. President George W. Bush makes a surprise visit to Iraq and addresses military leaders and the troops, saying that with success',
    );
  });

  it('cuts a long single sentence after as many clauses as fit, never before a stub such as "D.C."', () => {
    const line =
      'After 10 cases of COVID-19 are confirmed in Washington, D.C., the U.S. government closes the White House, the Capitol building, ' +
      'and the U.S. Supreme Court Building to visitors until the end of the month.';
    expect(displayText(line, line)).toEqual({
      headline:
        'After 10 cases of COVID-19 are confirmed in Washington, D.C., the U.S. government closes the White House, the Capitol building',
      summary: '…and the U.S. Supreme Court Building to visitors until the end of the month.',
    });
  });

  it('shows a line a little over the limit whole rather than leave a stub under it', () => {
    const line =
      'Vitali Klitschko defeats Odlanier Solís via a controversial first-round technical knockout to retain the WBC Heavyweight Championship in Cologne, Germany.';
    expect(displayText(line, line)).toEqual({ headline: line, summary: '' });
  });

  it('cuts a long line with no comma before a phrase, as "after …"', () => {
    const line =
      "South Korea announces that it will withdraw its remaining workers from North Korea's Kaesong Industrial Region to protect their safety after the North Korean government rejects talks.";
    expect(displayText(line, line)).toEqual({
      headline:
        "South Korea announces that it will withdraw its remaining workers from North Korea's Kaesong Industrial Region to protect their safety",
      summary: '…after the North Korean government rejects talks.',
    });
  });

  it('cuts a long line with no sentence or clause end at a word, and goes on in the summary', () => {
    const line = `${'word '.repeat(50)}end`;
    const { headline, summary } = displayText(line, line);
    expect(headline).toBe(`${'word '.repeat(29)}word…`);
    expect(summary).toBe(`…${'word '.repeat(20)}end`);
  });
});
