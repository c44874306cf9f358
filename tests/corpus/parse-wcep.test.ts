import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWcep } from '../../src/corpus/parse-wcep.ts';

const WCEP = fileURLToPath(new URL('../../../shared/data/wcep', import.meta.url));
const hasWcep = existsSync(WCEP);

function parseDay(relative: string) {
  const file = `${WCEP}/${relative}`;
  return parseWcep(readFileSync(file, 'utf8'), file);
}

describe.skipIf(!hasWcep)(`parseWcep on ../shared/data/wcep${hasWcep ? '' : ` (skipped: ${WCEP} not found)`}`, () => {
  it('reads the 2013-08-07 day: categories, the story label and the outlets of every line', () => {
    const { records, problems } = parseDay('2013/08/2013-08-07.yaml');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.origin.line, r.category, r.contexts, r.sources.map((s) => s.name)])).toEqual([
      [5, 'Armed conflicts and attacks', [], ['Reuters']],
      [7, 'Armed conflicts and attacks', [], ['BBC', 'Radio Free Europe Radio Liberty']],
      [9, 'Armed conflicts and attacks', [], ['Al Jazeera', 'Xinhua', 'The Times of Israel']],
      [11, 'Armed conflicts and attacks', [], ['Xinhua']],
      [13, 'Armed conflicts and attacks', [], ['Reuters']],
      [16, null, ['Syrian civil war'], ['Now Lebanon']],
      [19, 'Business and economy', [], ['BBC']],
      [22, 'Business and economy', [], ['BBC']],
      [26, 'Disasters and accidents', [], ['BBC']],
      [29, 'International relations', [], ['BBC', 'Sky News']],
      [32, 'Politics and elections', [], ['China Daily']],
      [34, 'Politics and elections', [], ['Reuters']],
    ]);
    expect(records.every((r) => r.date === '2013-08-07' && r.sources.every((s) => s.url === null))).toBe(true);
  });

  it('strips the outlets from the headline and gives the Kaesong line the seed page id', () => {
    const kaesong = parseDay('2013/08/2013-08-07.yaml').records[9]!;
    expect(kaesong.title).toBe('North Korea and South Korea agree to resume talks on reopening the Kaesong industrial zone.');
    expect(kaesong.summary).toBe(kaesong.title);
    expect(kaesong.id).toBe('news/2013/08/7/north-korea-and-south-korea-agree-to-resume-talks-on-reopening-the-kaesong-industrial-zone');
  });

  it('turns a nested story name line into the context of the events under it (2016-02-11)', () => {
    const kaesong = parseDay('2016/02/2016-02-11.yaml').records.filter((r) => r.title.includes('Kaesong'));
    expect(kaesong.map((r) => [r.title, r.category, r.contexts])).toEqual([
      [
        'South Korea starts withdrawing its nationals from the Kaesong Industrial Region in protest to recent actions by North Korea.',
        'International relations',
        ['North Korea–South Korea relations'],
      ],
      [
        'North Korea says it will freeze all South Korean assets and equipment at the jointly run Kaesong Industrial Park.',
        'International relations',
        ['North Korea–South Korea relations'],
      ],
      [
        'South Korea shuts off the supply of electricity and water to the Kaesong Industrial Region.',
        'International relations',
        ['North Korea–South Korea relations'],
      ],
    ]);
  });

  it('reads a rich 2026 day with its outlets, URLs, topics and category', () => {
    const { records, problems } = parseDay('2026/01/2026-01-07.yaml');
    expect(problems).toEqual([]);
    expect(records).toHaveLength(18);
    const first = records[0]!;
    expect(first.id).toBe('news/2026/01/7/united-states-seizes-venezuela-linked-oil-tankers-including-a-russian-flagged-vessel');
    expect(first.title).toBe('United States seizes Venezuela-linked oil tankers, including a Russian-flagged vessel');
    expect(first.summary.startsWith('U.S. authorities boarded and seized the tanker Marinera')).toBe(true);
    expect(first.category).toBe('Armed conflicts and attacks');
    expect(first.contexts).toEqual([
      'venezuela',
      'oil',
      'shipping',
      'sanctions',
      'Maritime seizures',
      'maritime seizure',
      'oil tankers',
      'russia',
    ]);
    expect(first.sources).toEqual([
      { name: 'Insurance Journal / Reuters', url: 'https://www.insurancejournal.com/news/international/2026/01/07/853493.htm' },
      {
        name: 'U.S. Southern Command',
        url: 'https://www.southcom.mil/News/PressReleases/Article/4372191/maritime-interdiction-operation-jan-7-2026/',
      },
    ]);
    expect(first.origin).toEqual({ file: `${WCEP}/2026/01/2026-01-07.yaml`, line: 16, format: 'wcep-rich' });
  });

  it('reports the broken 2026-03-18 file at its line and reads nothing from it', () => {
    const { records, problems } = parseDay('2026/03/2026-03-18.yaml');
    expect(records).toEqual([]);
    expect(problems).toEqual([
      {
        file: `${WCEP}/2026/03/2026-03-18.yaml`,
        line: 19,
        reason: 'not valid YAML: name of an alias node must contain at least one character',
      },
    ]);
  });
});

describe('parseWcep on synthetic days', () => {
  it('reports a line that is not text and keeps the rest of the day', () => {
    const text = [
      "Date: '2013-08-07'",
      'Intelligence_Payload:',
      '  Sport:',
      '  - Team A wins the cup. (ESPN)',
      '  - {odd: value}',
      '  Arab Spring:',
      '  - Protests continue (Al Jazeera) (2011–present)',
    ].join('\n');
    const { records, problems } = parseWcep(text, 'day.yaml');
    expect(problems).toEqual([{ file: 'day.yaml', line: 5, reason: 'event line in "Sport" is not text (got a mapping)' }]);
    expect(records.map((r) => [r.origin.line, r.title, r.category, r.contexts, r.sources])).toEqual([
      [4, 'Team A wins the cup.', 'Sports', [], [{ name: 'ESPN', url: null }]],
      [7, 'Protests continue (Al Jazeera) (2011–present)', null, ['Arab Spring'], []],
    ]);
  });

  it('reads a name with a period note as the story of the lines under it, never as an event with a source', () => {
    const text = [
      "Date: '2016-12-14'",
      'Intelligence_Payload:',
      '  Armed conflicts and attacks:',
      '  - Aleppo offensive (November–December 2016)',
      '  - Shelling breaks the ceasefire in Aleppo. (CNN) (BBC)',
      '  - COVID-19 pandemic in New York (state)',
      '  - Governor Andrew Cuomo closes schools. (NY1)',
      '  - 2016 NCAA Division I FBS football season (American football)',
      '  - Lamar Jackson wins the Heisman Trophy. (CNN)',
      '  - Typhoon Matsa hits Taiwan (Channel News Asia)',
      '  - Polish Constitutional Court crisis, 2015.',
      '  - Thousands march in Warsaw. (BBC)',
      '  - Syrian civil war',
    ].join('\n');
    const { records, problems } = parseWcep(text, 'day.yaml');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.title, r.contexts, r.sources.map((s) => s.name)])).toEqual([
      ['Shelling breaks the ceasefire in Aleppo.', ['Aleppo offensive (November–December 2016)'], ['CNN', 'BBC']],
      ['Governor Andrew Cuomo closes schools.', ['COVID-19 pandemic in New York (state)'], ['NY1']],
      ['Lamar Jackson wins the Heisman Trophy.', ['2016 NCAA Division I FBS football season (American football)'], ['CNN']],
      ['Typhoon Matsa hits Taiwan', [], ['Channel News Asia']],
      ['Thousands march in Warsaw.', ['Polish Constitutional Court crisis, 2015'], ['BBC']],
    ]);
  });

  it('keeps a last line that reads as a sentence, and drops one that reads as a name', () => {
    const day = (line: string) =>
      parseWcep(`Date: '2010-09-23'\nIntelligence_Payload:\n  Sports:\n  - ${line}\n`, 'd.yaml').records.map((r) => r.title);
    expect(day('New York Jets defeat the New England Patriots')).toEqual(['New York Jets defeat the New England Patriots']);
    expect(day('Tornadoes strike North Texas as part of an outbreak (CNN)')).toEqual([
      'Tornadoes strike North Texas as part of an outbreak',
    ]);
    expect(day('2013 Thai political crisis')).toEqual([]);
    expect(day('Israeli-Palestinian conflict (Operation Summer Rains)')).toEqual([]);
  });

  it('drops Uncategorized: it is neither a category nor a story', () => {
    const { records } = parseWcep("Date: '2020-01-01'\nIntelligence_Payload:\n  Uncategorized:\n  - Something happens. (BBC)\n", 'd.yaml');
    expect(records.map((r) => [r.category, r.contexts])).toEqual([[null, []]]);
  });

  it('reports a file of another shape', () => {
    expect(parseWcep('- just\n- a list\n', 'l.yaml').problems).toEqual([
      { file: 'l.yaml', line: 1, reason: 'not a WCEP day: expected a mapping with Date and Intelligence_Payload' },
    ]);
    expect(parseWcep("Date: 'August'\nIntelligence_Payload: {}\n", 'd.yaml').problems).toEqual([
      { file: 'd.yaml', line: 1, reason: 'Date must be YYYY-MM-DD; got "August"' },
    ]);
  });
});
