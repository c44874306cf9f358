import type { CorpusRecord } from '../model/record.ts';

const CAPITALISED_WORD = String.raw`[\p{Lu}][\p{L}\p{N}'’.&-]*`;
const WORD_INSIDE_NAME = String.raw`${CAPITALISED_WORD}|of|the|for|and|on|in|at|de|du|des|la|le|\d+`;
const ACRONYM = String.raw`[\p{Lu}][\p{Lu}\p{N}&-]{1,9}`;
/** A run of capitalised words (small linking words and numbers allowed inside), then "(ACRONYM)". */
const NAME_THEN_ACRONYM = new RegExp(String.raw`((?:${CAPITALISED_WORD})(?:\s+(?:${WORD_INSIDE_NAME})){0,9})\s+\((${ACRONYM})\)`, 'gu');
const LINKING = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'at', 'de', 'du', 'des', 'la', 'le', '&']);
/** A loose match (letters found inside the words, MH17 for Malaysia Airlines Flight 17) must be seen this often. */
const LOOSE_MINIMUM = 2;

/**
 * What acronym mining counts, kept so a live index can add and take away records: per acronym, per
 * name, how often it is written out (headlines and summaries of each record, each distinct story
 * label once), and how many records carry each label that spells one out.
 */
export interface AcronymTallyData {
  names: [acronym: string, name: string, count: number, strict: boolean][];
  contexts: [context: string, records: number][];
}

export class AcronymTally {
  private readonly counts = new Map<string, Map<string, { count: number; strict: boolean }>>();
  private readonly contextRecords = new Map<string, number>();

  constructor(data: AcronymTallyData = { names: [], contexts: [] }) {
    for (const [acronym, name, count, strict] of data.names) this.names(acronym).set(name, { count, strict });
    for (const [context, records] of data.contexts) this.contextRecords.set(context, records);
  }

  /** Counts a record in (sign 1) or out (-1); whether any pair's count changed. */
  count(record: CorpusRecord, sign: 1 | -1): boolean {
    let changed = this.scan(record.title, sign);
    if (record.summary !== record.title) changed = this.scan(record.summary, sign) || changed;
    for (const context of new Set(record.contexts)) {
      if (!context.includes('(')) continue;
      const records = (this.contextRecords.get(context) ?? 0) + sign;
      if (records === 0) this.contextRecords.delete(context);
      else this.contextRecords.set(context, records);
      // A label counts once, however many records carry it.
      if (records === (sign === 1 ? 1 : 0)) changed = this.scan(context, sign) || changed;
    }
    return changed;
  }

  /** Each acronym's commonest name (by initials, or by letters in order if seen LOOSE_MINIMUM times), by acronym. */
  pairs(): [acronym: string, name: string][] {
    const pairs: [string, string][] = [];
    for (const [acronym, names] of this.counts) {
      const usable = [...names].filter(([, { count, strict }]) => strict || count >= LOOSE_MINIMUM);
      const best = usable.sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))[0];
      if (best !== undefined) pairs.push([acronym, best[0]]);
    }
    return pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** Counts in the tally of the records after these (made in another thread): as if each had been counted in here, in order. */
  join(after: AcronymTallyData): void {
    for (const [acronym, name, count, strict] of after.names) {
      const names = this.names(acronym);
      const entry = names.get(name);
      if (entry === undefined) names.set(name, { count, strict });
      else entry.count += count;
    }
    for (const [context, records] of after.contexts) {
      const before = this.contextRecords.get(context);
      this.contextRecords.set(context, (before ?? 0) + records);
      // A label both tallies carry was scanned by both; counted in here it would not have been again (no count drops to 0).
      if (before !== undefined) this.scan(context, -1);
    }
  }

  toJSON(): AcronymTallyData {
    const names: AcronymTallyData['names'] = [];
    for (const [acronym, counts] of this.counts) for (const [name, { count, strict }] of counts) names.push([acronym, name, count, strict]);
    return { names, contexts: [...this.contextRecords] };
  }

  private scan(text: string, sign: 1 | -1): boolean {
    if (!text.includes('(')) return false;
    let changed = false;
    for (const match of text.matchAll(NAME_THEN_ACRONYM)) {
      const acronym = match[2]!;
      const found = expansion(match[1]!.split(/\s+/), acronym);
      if (found === null) continue;
      const names = this.names(acronym);
      const entry = names.get(found.name) ?? { count: 0, strict: found.strict };
      entry.count += sign;
      changed = true;
      if (entry.count > 0) names.set(found.name, entry);
      else names.delete(found.name);
      if (names.size === 0) this.counts.delete(acronym);
    }
    return changed;
  }

  private names(acronym: string): Map<string, { count: number; strict: boolean }> {
    let names = this.counts.get(acronym);
    if (names === undefined) {
      names = new Map();
      this.counts.set(acronym, names);
    }
    return names;
  }
}

/** The tally of acronym pairs written out in these records (see AcronymTally). */
export function tallyAcronyms(records: readonly CorpusRecord[]): AcronymTally {
  const tally = new AcronymTally();
  for (const record of records) tally.count(record, 1);
  return tally;
}

/**
 * Acronym pairs written out in the corpus as "Full Name (ACRONYM)", in headlines, summaries and story
 * labels: "World Health Organization (WHO)", "Malaysia Airlines Flight 17 (MH17)". The name is the
 * shortest run of words before the brackets that the acronym abbreviates: their initials (linking words
 * may be skipped), or, seen at least twice, its letters in order from the first word's initial with its
 * number at the end. Each acronym keeps its commonest name.
 */
export function mineAcronyms(records: readonly CorpusRecord[]): [acronym: string, name: string][] {
  return tallyAcronyms(records).pairs();
}

/** The shortest tail of `words` that `acronym` abbreviates, and whether by initials. */
function expansion(words: string[], acronym: string): { name: string; strict: boolean } | null {
  const letters = acronym.toLowerCase().replace(/[&-]/g, '');
  for (let start = words.length - 1; start >= 0; start -= 1) {
    const tail = words.slice(start);
    if (LINKING.has(tail[0]!.toLowerCase())) continue;
    if (initialsMatch(tail, letters)) return { name: tail.join(' '), strict: true };
    if (lettersInOrder(tail, letters)) return { name: tail.join(' '), strict: false };
  }
  return null;
}

/** World Health Organization → who; Organization of the Petroleum Exporting Countries → opec (linking words optional). */
function initialsMatch(words: string[], letters: string): boolean {
  const initials = (skipLinking: boolean) =>
    words
      .filter((word) => !(skipLinking && LINKING.has(word.toLowerCase())))
      .map((word) => (/^\d+$/.test(word) ? word : word[0]!.toLowerCase()))
      .join('');
  return initials(true) === letters || initials(false) === letters;
}

/** Malaysia Airlines Flight 17 → mh17: same first letter, same number at the end, the letters in order. */
function lettersInOrder(words: string[], letters: string): boolean {
  const number = /\d+$/.exec(letters)?.[0] ?? '';
  const last = words[words.length - 1]!;
  if (number !== '' && last !== number) return false;
  const wanted = letters.slice(0, letters.length - number.length);
  const text = (number === '' ? words : words.slice(0, -1)).join('').toLowerCase();
  if (wanted.length < 2 || text[0] !== wanted[0]) return false;
  let at = 0;
  for (const char of text) if (char === wanted[at]) at += 1;
  return at >= wanted.length && words.length >= 2;
}
