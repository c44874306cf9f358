import { describe, expect, it } from 'vitest';
import { eventId, slugify } from '../../src/corpus/slug.ts';

describe('slugify', () => {
  it('lower-cases and turns runs of other characters into one dash, trimmed at both ends', () => {
    expect(slugify('  North Korea\'s "final talks" -- now! ')).toBe('north-korea-s-final-talks-now');
  });

  it('cuts at 140 characters and drops a dash left at the cut, as the seed links do', () => {
    expect(
      slugify(
        "South Korea announces that it will withdraw its remaining workers from North Korea's Kaesong Industrial Region to protect their safety after the North Korean government rejects talks. ",
      ),
    ).toBe(
      'south-korea-announces-that-it-will-withdraw-its-remaining-workers-from-north-korea-s-kaesong-industrial-region-to-protect-their-safety-after',
    );
    expect(
      slugify(
        'North Korea blocks a delegation of South Korean businessmen from delivering food and supplies to 200 of their staff inside the closed Kaesong joint industrial zone. ',
      ),
    ).toBe(
      'north-korea-blocks-a-delegation-of-south-korean-businessmen-from-delivering-food-and-supplies-to-200-of-their-staff-inside-the-closed-kaeson',
    );
    expect(
      slugify(
        "South Korea says it will resume cross-border propaganda broadcasts and limit entry to the Kaesong Industrial Region in response to yesterday's nuclear test.",
      ),
    ).toBe(
      'south-korea-says-it-will-resume-cross-border-propaganda-broadcasts-and-limit-entry-to-the-kaesong-industrial-region-in-response-to-yesterday',
    );
  });

  it('folds accents rather than dropping the letter', () => {
    expect(slugify('Jiří Rusnok resigns')).toBe('jiri-rusnok-resigns');
  });
});

describe('eventId', () => {
  it('pads the month but not the day, like /news/2013/08/7/', () => {
    expect(eventId('2013-08-07', 'Talks resume.')).toBe('news/2013/08/7/talks-resume');
    expect(eventId('2016-02-11', 'Talks resume.')).toBe('news/2016/02/11/talks-resume');
  });
});
