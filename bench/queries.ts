/** A mixed set of newsroom queries, by kind. Typos are the ones reporters make: swaps, drops, doubles. */
export const BENCH_QUERIES = {
  exact: ['kaesong', 'ebola', 'brexit', 'fukushima', 'hezbollah', 'earthquake', 'referendum', 'cholera', 'pyongyang', 'impeachment'],
  'multi-word': [
    'north korea nuclear test',
    'syrian civil war aleppo',
    'european central bank interest rates',
    'hurricane katrina new orleans',
    'arab spring tahrir square protests',
    'kaesong industrial zone talks',
    'world cup final',
    'israel gaza ceasefire',
  ],
  fuzzy: ['keasong', 'ebloa', 'brexti', 'fukushma', 'hezbolah', 'pyongyan', 'earthqauke', 'refrendum', 'zimbabwe mugabee', 'guantanmo'],
  'date-filtered': [
    'kaesong 2013',
    'ebola 2014',
    'earthquake Aug 2011',
    'election since 2020',
    'north korea before 2006',
    'olympics 2008-2012',
    'tsunami 2004-12',
    'oil prices 2008',
  ],
  timeline: ['2013', 'Aug 2013', '2013-08-07', '2001-09-11', '2016..2017', 'March 2020'],
} as const;

export type QueryKind = keyof typeof BENCH_QUERIES;
