import type { CorpusRecord } from '../model/record.ts';
import type { RecordTables } from './record-tables.ts';
import { namesIn } from './entities.ts';
import { GENERIC_WORDS } from './name-words.ts';
import { isCountryOrRegion } from './place-names.ts';
import type { RecordIndex } from './mini-search.ts';
import { indexShape, postingsOf } from './mini-search-internals.ts';
import { intersectSorted, mergeSorted, nearestCommon, nearestSlice } from './sorted-lists.ts';

/**
 * What another event can share with a record: a name (person, organisation, named thing), a town
 * or small region (specific), a country or big place,
 * a subject word, a specific story label ("2006 transatlantic aircraft plot") or a broad one
 * ("Syrian civil war", "COVID-19 pandemic in Quebec").
 */
type EvidenceKind = 'name' | 'place' | 'town' | 'word' | 'story' | 'theme';

export interface Evidence {
  kind: EvidenceKind;
  /** Index terms joined by spaces, or the label. */
  key: string;
  /** As a reporter reads it: "Charles Taylor", "2013 Korean crisis". */
  text: string;
  /** How much sharing it says, from how few records have it. */
  weight: number;
  /** How many records have it. */
  frequency: number;
  /** Names of one actor written in parts ("Islamic State", "Levant") share a group; -1 for the rest. */
  group: number;
  /** Records that have it, ascending; the nearest in time when there are many. */
  records: ArrayLike<number>;
}

const TEXT_FIELDS = ['title', 'summary'];
/** Per kind of evidence, the most records it may be in before it says nothing. */
const MOST_WITH_NAME = 0.02;
const MOST_WITH_PLACE = 0.1;
const MOST_WITH_WORD = 0.008;
/** Subject words kept, rarest first: a headline's rare words say what its matter is. */
const SUBJECT_WORDS = 6;
/** A label this small and this short-lived names one story; a bigger or longer one is a theme. */
const STORY_MOST_RECORDS = 300;
const STORY_MOST_DAYS = 120;
/** Records read per piece of evidence: the nearest in time, records being numbered by date. */
const NEAREST = 60;
/** A place in this few records, not a country or a state, is a town or a small region: specific. */
const TOWN = 200;
/** About the size of the full archive: rarity is measured against it whatever the corpus. */
const RARITY_SCALE = 100_000;
/** A specific story shared is enough to show within its few months, and ranks above a shared name. */
const STORY_WEIGHT = 14;
/**
 * A label naming a long-running theme rather than one story, however few records carry it here: a
 * war, an uprising, relations between two countries, a pandemic, a year's earthquakes, a cabinet's
 * formation, reactions to something.
 */
const BROAD_THEMES = [
  'war wars uprising conflict insurgency relations pandemic epidemic protests unrest revolution invasion occupation',
  'intervention sanctions economy season elections formation appointments presidency administration reactions',
  'impact aftermath timeline politics',
].join(' ');
const BROAD_LABEL = new RegExp(String.raw`\b(?:${BROAD_THEMES.split(' ').join('|')}|in \d{4})\b`, 'iu');
/** A name in one record only (the record itself) relates nothing. */
const LEAST_RECORDS = 2;

/**
 * How much a piece of evidence says, from how many records have it, on an absolute scale: a name in
 * five records is as specific in a small corpus as in the whole archive.
 */
function weightOf(frequency: number): number {
  return Math.log(1 + RARITY_SCALE / (frequency + 1));
}

/** The evidence a record offers, strongest first, at most `most` pieces. */
export function evidenceOf(tables: RecordTables, miniSearch: RecordIndex, record: CorpusRecord, n: number, most: number): Evidence[] {
  const total = tables.count;

  const evidence: Evidence[] = [];
  const text = record.summary === record.title ? record.title : `${record.title}\n${record.summary}`;
  const { names, words } = namesIn(
    text,
    record.sources.map((source) => source.name),
  );

  for (const name of names) {
    const limit = Math.max(50, total * (name.place ? MOST_WITH_PLACE : MOST_WITH_NAME));
    const { frequency, records } = recordsWithName(miniSearch, name.key, n, limit);
    if (frequency < LEAST_RECORDS || frequency > limit) continue;
    // A town counts as much as a name; a country or a big city, half.
    const town = name.place && frequency <= TOWN && !isCountryOrRegion(name.key);
    const weight = weightOf(frequency) * (name.place && !town ? 0.5 : 1);
    evidence.push({
      kind: town ? 'town' : name.place ? 'place' : 'name',
      key: name.key,
      text: name.text,
      weight,
      frequency,
      group: name.group,
      records,
    });
  }

  const nameTerms = new Set(names.flatMap((name) => name.key.split(' ')));
  const subject = [...new Set(words)]
    .filter((term) => term.length >= 4 && !/^\d/u.test(term) && !nameTerms.has(term) && !GENERIC_WORDS.has(term))
    .map((term) => ({ term, frequency: tables.headlineFrequency(term) }))
    .filter(({ frequency }) => frequency >= LEAST_RECORDS && frequency <= Math.max(50, total * MOST_WITH_WORD))
    .sort((a, b) => a.frequency - b.frequency)
    .slice(0, SUBJECT_WORDS);
  for (const { term, frequency } of subject) {
    // Each form's nearest records, merged: the two nearest sets hold the nearest of both forms.
    const [one, other] = numberForms(term).map((form) => nearestWithTerm(miniSearch, form, n).records);
    const records = other!.length === 0 ? one! : nearestSlice(Uint32Array.from(mergeSorted(one!, other!)), n, NEAREST);
    evidence.push({ kind: 'word', key: term, text: term, weight: weightOf(frequency) * 0.5, frequency, group: -1, records });
  }

  for (const label of record.contexts) {
    const all = tables.withContext(label);
    if (all.length < LEAST_RECORDS) continue;
    const story =
      all.length <= STORY_MOST_RECORDS &&
      !BROAD_LABEL.test(label) &&
      daysBetween(tables.days[all[0]!]!, tables.days[all[all.length - 1]!]!) <= STORY_MOST_DAYS;
    evidence.push({
      kind: story ? 'story' : 'theme',
      key: label,
      text: label,
      weight: story ? STORY_WEIGHT : 1,
      frequency: all.length,
      group: -1,
      records: nearestSlice(all, n, NEAREST),
    });
  }
  return evidence.sort((a, b) => b.weight - a.weight).slice(0, most);
}

/** A word and its other number: "outbreak" and "outbreaks", "wildfires" and "wildfire". */
function numberForms(term: string): string[] {
  if (term.endsWith('ies')) return [term, `${term.slice(0, -3)}y`];
  if (term.endsWith('s') && !term.endsWith('ss')) return [term, term.slice(0, -1)];
  return [term, term.endsWith('y') ? `${term.slice(0, -1)}ies` : `${term}s`];
}

/**
 * The records with a name, nearest to record n, at most NEAREST, and about how many there are in
 * all (for a long name of common words, the count of its rarest word: an upper bound). None when
 * that count is over `most`.
 */
function recordsWithName(miniSearch: RecordIndex, key: string, n: number, most: number): { frequency: number; records: ArrayLike<number> } {
  const terms = key.split(' ');
  if (terms.length === 1) return nearestWithTerm(miniSearch, terms[0]!, n);
  // A long name is looked for in headlines (where the summary repeats them, as WCEP's do, that is all).
  const lists = terms.map((term) => fieldRecords(miniSearch, term)[0] ?? EMPTY).sort((a, b) => a.length - b.length);
  const [rarest, ...others] = lists;
  if (rarest!.length <= NEAREST * 2) {
    const all = intersectSorted(lists);
    return { frequency: all.length, records: nearestSlice(all, n, NEAREST) };
  }
  // Too common to count (the caller drops it): not walked, as walking its words' lists grows with the corpus.
  if (rarest!.length > most) return { frequency: rarest!.length, records: EMPTY };
  return { frequency: rarest!.length, records: nearestCommon(rarest!, others, n, NEAREST) };
}

const EMPTY = new Uint32Array(0);

/** A term's records in the headline and summary fields, each list ascending (views, no copies). */
function fieldRecords(miniSearch: RecordIndex, term: string): Uint32Array[] {
  const postings = postingsOf(miniSearch, term);
  if (postings === undefined) return [];
  const { fieldIds } = indexShape(miniSearch);
  const lists: Uint32Array[] = [];
  for (const field of TEXT_FIELDS) {
    const list = postings.get(fieldIds[field]!)?.recordNumbers();
    if (list !== undefined && list.length > 0) lists.push(list);
  }
  return lists;
}

/** The records nearest to n with a term in headline or summary, and about how many have it. */
function nearestWithTerm(miniSearch: RecordIndex, term: string, n: number): { frequency: number; records: Uint32Array } {
  const lists = fieldRecords(miniSearch, term);
  if (lists.length === 0) return { frequency: 0, records: EMPTY };
  if (lists.length === 1) return { frequency: lists[0]!.length, records: nearestSlice(lists[0]!, n, NEAREST) };
  const merged = Uint32Array.from(mergeSorted(nearestSlice(lists[0]!, n, NEAREST), nearestSlice(lists[1]!, n, NEAREST)));
  return { frequency: lists[0]!.length + lists[1]!.length, records: nearestSlice(merged, n, NEAREST) };
}

/** Whole days from one day number (20130807) to another, either way round; undated counts as far. */
export function daysBetween(a: number, b: number): number {
  if (a === 0 || b === 0) return 3650;
  return Math.abs(dayCount(b) - dayCount(a));
}

/** Days since 1 March of year 0 for a day number (20130807): the civil-calendar count, without Date objects. */
function dayCount(day: number): number {
  const month = Math.floor(day / 100) % 100;
  const year = Math.floor(day / 10_000) - (month <= 2 ? 1 : 0);
  const shifted = (month + 9) % 12;
  return (
    year * 365 +
    Math.floor(year / 4) -
    Math.floor(year / 100) +
    Math.floor(year / 400) +
    Math.floor((153 * shifted + 2) / 5) +
    (day % 100) -
    1
  );
}
