import type { CorpusRecord } from '../model/record.ts';
import type { RelatedEvent } from '../model/search.ts';
import type { CorpusTables } from './corpus-tables.ts';
import { namesIn } from './entities.ts';
import type { RecordIndex } from './mini-search.ts';
import { ARTICLE } from './record-columns.ts';
import { daysBetween, evidenceOf, type Evidence } from './related-evidence.ts';
import { mergeMasks } from './sorted-lists.ts';
import { indexTerms } from './text.ts';

/** How fast confidence fades with time apart: by half over a year for a story or two actors, two months for less. */
const LONG_MATTER_DAYS = 365;
const SHORT_MATTER_DAYS = Number(process.env.SHORTD ?? 60);
/** Pieces of evidence searched per record (bits of a mask). */
const MOST_EVIDENCE = 24;
/** Candidates read in full to check their names, best first by what their words promise. */
const CHECKED = 32;
/**
 * How sure a link must be to be shown: fewer right items beat three with one wrong. On the judged
 * set (tests/relevance/related) this is where relevant items pass 80% with next to no noise.
 */
export const MIN_CONFIDENCE = Number(process.env.MINC ?? 7);
/** A name this rare (its weight) is a matter by itself, close in time: "Dujail", "Albert Ojwang". */
const RARE_NAME = 8;
const RARE_NAME_DAYS = 60;
/** The weight a second actor needs to make two (about one record in 800 or rarer). */
const SECOND_ACTOR = 5;
/** A place this rare (its weight) is specific enough to go with one actor: a town, not "United States". */
const SPECIFIC_PLACE = 2.5;
/** A place or a broad label with a subject word relates two events only this close in time. */
const PLACE_DAYS = 30;
/** An actor in the same place, with nothing more specific, only this close. */
const ACTOR_AND_PLACE_DAYS = 14;
/** A subject word this rare (records with it) is specific alone: "tsunamis", "acres"; else it takes two. */
const RARE_WORD = 100;
/** A broad label ("Avian influenza") with a subject, only this close. */
const THEME_DAYS = 7;

interface Candidate {
  n: number;
  mask: number;
  days: number;
  score: number;
}

/**
 * Up to `limit` events related to one record: its own Related links first, then the events that
 * share its matter (a specific story label, or its actors with a specific subject), closer in time
 * ranked higher, each shown only when sure enough. Never the record itself or a record with the same
 * headline. Each says why, naming what the two share.
 */
export function findRelated(tables: CorpusTables, miniSearch: RecordIndex, id: string, limit: number): RelatedEvent[] {
  const record = tables.recordById(id);
  if (record === undefined || limit <= 0) return [];
  const headline = sameHeadlineKey(record.title);
  const taken = new Set<string>([record.id]);
  const related: RelatedEvent[] = [];
  const add = (other: CorpusRecord, reason: string) => {
    if (related.length >= limit || taken.has(other.id) || sameHeadlineKey(other.title) === headline) return false;
    taken.add(other.id);
    related.push({ id: other.id, title: other.title, date: other.date, reason });
    return true;
  };

  for (const link of record.related) {
    const linked = tables.recordById(link.id);
    if (linked !== undefined) add(linked, 'linked from the event page');
  }
  if (related.length >= limit) return related;

  const n = tables.numberOf(record.id)!;
  const evidence = evidenceOf(tables, miniSearch, record, n, MOST_EVIDENCE);
  const { numbers, masks } = mergeMasks(evidence.map((piece) => piece.records));
  const origin = tables.days[n]!;
  const promising: Candidate[] = [];
  for (let i = 0; i < numbers.length; i += 1) {
    const other = numbers[i]!;
    if (other === n || (tables.flags(other) & ARTICLE) !== 0) continue;
    const days = daysBetween(origin, tables.days[other]!);
    const candidate = { n: other, mask: masks[i]!, days, score: 0 };
    candidate.score = confidence(evidence, candidate);
    if (candidate.score >= MIN_CONFIDENCE) promising.push(candidate);
  }
  promising.sort((a, b) => b.score - a.score || a.days - b.days || a.n - b.n);

  // The words promise; the candidate's own text says whether a name is there as a name.
  const checked: Candidate[] = [];
  for (const candidate of promising.slice(0, CHECKED)) {
    candidate.mask = confirmedNames(evidence, candidate.mask, tables.record(candidate.n));
    candidate.score = confidence(evidence, candidate);
    if (candidate.score >= MIN_CONFIDENCE) checked.push(candidate);
  }
  checked.sort((a, b) => b.score - a.score || a.days - b.days || a.n - b.n);
  for (const candidate of checked) {
    if (related.length >= limit) break;
    add(tables.record(candidate.n), reason(evidence, candidate.mask));
  }
  return related;
}

/**
 * How sure it is that a candidate shares the record's matter: 0 unless it does, else what they
 * share, weighted by rarity, less the further apart in time they are. A matter is a specific story
 * label; or two actors; or an actor and a specific subject; or a very rare name; or, close in time,
 * an actor and a place, or a place and a specific subject.
 */
function confidence(evidence: readonly Evidence[], { mask, days }: Candidate): number {
  const groups = new Map<number, number>();
  let places = 0;
  let specificPlaces = 0;
  let words = 0;
  let rareWords = 0;
  let stories = 0;
  let themes = 0;
  let sum = 0;
  evidence.forEach((piece, bit) => {
    if ((mask & (1 << bit)) === 0) return;
    if (piece.kind === 'name') {
      groups.set(piece.group, Math.max(groups.get(piece.group) ?? 0, piece.weight));
      return;
    }
    sum += piece.weight;
    if (piece.kind === 'place') {
      places += 1;
      if (piece.weight >= SPECIFIC_PLACE) specificPlaces += 1;
    }
    else if (piece.kind === 'word') {
      words += 1;
      if (piece.frequency <= RARE_WORD) rareWords += 1;
    }
    else if (piece.kind === 'story') stories += 1;
    else themes += 1;
  });
  const nameWeights = [...groups.values()].sort((a, b) => b - a);
  for (const weight of nameWeights) sum += weight;
  const rarestName = nameWeights[0] ?? 0;
  // A second actor counts when it is specific: "Donald Trump" beside the FBI is not a matter.
  const names = nameWeights.length >= 2 && nameWeights[1]! >= SECOND_ACTOR ? 2 : Math.min(1, nameWeights.length);
  const matter =
    stories > 0 ||
    names >= 2 ||
    (names === 1 && (words > 0 || (rarestName >= RARE_NAME && days <= RARE_NAME_DAYS) || (specificPlaces > 0 && days <= ACTOR_AND_PLACE_DAYS))) ||
    ((places > 0 || themes > 0) && (words >= 2 || rareWords > 0) && days <= (places > 0 ? PLACE_DAYS : THEME_DAYS));
  if (!matter) return 0;
  // Two actors or one story carry over the years; one actor with a subject is a matter only while it lasts.
  return sum / (1 + days / (stories > 0 || names >= 2 ? LONG_MATTER_DAYS : SHORT_MATTER_DAYS));
}

/** The mask without the names and places the candidate does not have as names of its own. */
function confirmedNames(evidence: readonly Evidence[], mask: number, other: CorpusRecord): number {
  const text = other.summary === other.title ? other.title : `${other.title}\n${other.summary}`;
  const { runs } = namesIn(text, other.sources.map((source) => source.name));
  let confirmed = mask;
  evidence.forEach((piece, bit) => {
    if ((mask & (1 << bit)) === 0 || (piece.kind !== 'name' && piece.kind !== 'place')) return;
    const unit = ` ${piece.key} `;
    if (!runs.some((run) => run.includes(unit))) confirmed &= ~(1 << bit);
  });
  return confirmed;
}

/** What the two share, as a reporter would say it: "same story: …", or the names and subject. */
function reason(evidence: readonly Evidence[], mask: number): string {
  const shared = evidence.filter((_, bit) => (mask & (1 << bit)) !== 0);
  const story = shared.find((piece) => piece.kind === 'story');
  if (story !== undefined) return `same story: ${story.text}`;
  const order = { name: 0, word: 1, place: 2, theme: 3, story: 4 };
  const named = shared
    .filter((piece) => piece.kind !== 'theme')
    .sort((a, b) => order[a.kind] - order[b.kind] || b.weight - a.weight)
    .slice(0, 3)
    .map((piece) => piece.text);
  return shared.some((piece) => piece.kind === 'name') ? `same matter: ${named.join(', ')}` : `same place and time: ${named.join(', ')}`;
}

function sameHeadlineKey(title: string): string {
  return indexTerms(title).join(' ');
}
