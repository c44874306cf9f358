import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse-article.ts';

function read(name: string) {
  const file = `corpus/articles/${name}`;
  const outcome = parseArticle(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file);
  expect(outcome.problems).toEqual([]);
  expect(outcome.records).toHaveLength(1);
  return outcome.records[0]!;
}

describe('parseArticle on the bundled seed articles', () => {
  it('reads the undated government explainer (seed 001) with no outlet', () => {
    const article = read('inter-korean-exchanges-and-cooperation.md');
    expect(article.id).toBe('article/inter-korean-exchanges-and-cooperation');
    expect(article.kind).toBe('article');
    expect(article.title).toBe('Inter-Korean Exchanges and Cooperation');
    expect(article.date).toBeNull();
    expect(article.sources).toEqual([]);
    expect(article.contexts).toEqual(['Inter-Korean relations', 'Kaesong area', 'North Korea', 'South Korea']);
    expect(article.summary.startsWith('Between September 1990 and October 1992, the two Koreas engaged')).toBe(true);
    expect(article.body).toContain('Gaeseong is the third largest city in the North');
    expect(article.body).not.toMatch(/gnb content footer|URL Copy|Featured Topics/);
  });

  it('reads the CNN report of Wednesday 2013-08-07 (seed 002)', () => {
    const article = read('2013-08-07-north-korea-pledges-to-reopen-kaesong.md');
    expect(article.title).toBe('North Korea pledges to take steps to reopen the Kaesong Industrial Zone');
    expect(article.date).toBe('2013-08-07');
    expect(article.sources).toEqual([{ name: 'CNN', url: null }]);
    expect(article.contexts).toEqual(['Kaesong area', 'North Korea', 'South Korea']);
    expect(article.summary).toBe(
      'North Korea pledged Wednesday to take steps to reopen the Kaesong Industrial Zone, the joint manufacturing complex where it halted the operations of South Korean companies during a period of high tensions this year.',
    );
    expect(article.body.endsWith("CNN's K.J. Kwon contributed to this report.")).toBe(true);
  });

  it('reads the Panmunjom talks of Sunday 2013-06-09 (seed 003) without inventing an outlet', () => {
    const article = read('2013-06-09-truce-village-talks.md');
    expect(article.id).toBe('article/at-truce-village-north-south-korea-set-stage-for-cabinet-level-talks');
    expect(article.title).toBe("At 'Truce Village,' North, South Korea set stage for cabinet-level talks");
    expect(article.date).toBe('2013-06-09');
    expect(article.sources).toEqual([]);
    expect(article.contexts).toEqual(['Inter-Korean relations', 'Kaesong area', 'Panmunjom', 'North Korea', 'South Korea']);
    expect(article.summary.startsWith('North and South Korea inched closer to resetting their strained relations Sunday')).toBe(true);
    expect(article.body).not.toMatch(/Discuss as:|originally published/);
  });
});

describe('parseArticle on bad front matter', () => {
  it('reports invalid YAML at its line in the file', () => {
    const outcome = parseArticle('---\ntitle: ok\ntags: [a, b\n---\nText\n', 'a.md');
    expect(outcome.records).toEqual([]);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]!.file).toBe('a.md');
    expect(outcome.problems[0]!.line).toBe(4);
    expect(outcome.problems[0]!.reason).toMatch(/^front matter is not valid YAML: /);
  });

  it('reports a missing title', () => {
    expect(parseArticle('---\ndate: 2013-08-07\n---\nText\n', 'a.md').problems).toEqual([
      { file: 'a.md', line: 2, reason: 'article front matter has no title' },
    ]);
  });

  it('keeps the article but reports a date that is not YYYY-MM-DD', () => {
    const outcome = parseArticle('---\ntitle: T\ndate: August 2013\noutlet: CNN\nurl: https://cnn.com/x\n---\nLead.\n\nMore.\n', 'a.md');
    expect(outcome.problems).toEqual([{ file: 'a.md', line: 2, reason: 'article date must be YYYY-MM-DD or empty; got "August 2013"' }]);
    expect(outcome.records.map((r) => [r.date, r.summary, r.body, r.sources])).toEqual([
      [null, 'Lead.', 'Lead.\n\nMore.', [{ name: 'CNN', url: 'https://cnn.com/x' }]],
    ]);
  });
});
