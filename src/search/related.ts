import type { CorpusRecord } from '../model/record.ts';
import type { RelatedEvent } from '../model/search.ts';
import type { CorpusTables } from './corpus-tables.ts';
import { capitalisedRuns } from './entities.ts';
import type { RecordIndex } from './mini-search.ts';
import { ARTICLE, decodeRecord } from './record-columns.ts';
import { daysBetween, evidenceOf, type Evidence } from './related-evidence.ts';
import { indexTerms } from './text.ts';

/** How fast confidence fades with time apart: by half over a year for a story or two actors, two months for less. */
const LONG_MATTER_DAYS = 365;
const SHORT_MATTER_DAYS = 60;
/** Candidates read in full at most (twice the number wanted, if more), best first: past these the evidence is too thin. */
const MOST_CHECKED = 8;
/** Pieces of evidence searched per record (bits of a mask). */
const MOST_EVIDENCE = 12;
/**
 * How sure a link must be to be shown: fewer right items beat three with one wrong. On the judged
 * set (tests/relevance/related) this is where relevant items pass 80% with next to no noise.
 */
const MIN_CONFIDENCE = 6;
/** A name this rare (its weight) is a matter by itself, close in time: "Dujail", "Albert Ojwang". */
const RARE_NAME = 7.5;
const RARE_NAME_DAYS = 30;
/** The weight a second actor needs to make two (about one record in 800 or rarer). */
const SECOND_ACTOR = 5;
/** A place or a broad label with a subject word relates two events only this close in time. */
const PLACE_DAYS = 30;
/** Within these few days a broad label and a word, or two rare words, are one matter ("Avian influenza", "outbreak"). */
const SAME_DAYS = 2;
/** A town with a subject word ("Kaesong", "reopening") makes a matter within a few months. */
const TOWN_DAYS = 120;
/** An actor in the same town, with nothing more specific, only this close. */
const ACTOR_AND_PLACE_DAYS = 14;
/** A subject word in this few records names a subject with one actor ("essential", not "crimes"); else it takes two. */
const SUBJECT_WORD = 400;
/** A subject word this rare (records with it) is specific alone: "tsunamis", "acres"; else it takes two. */
const RARE_WORD = 100;
/** A broad label ("Avian influenza") with a subject, only this close. */
const THEME_DAYS = 7;

interface Candidate {
  n: number;
  record?: CorpusRecord;
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
  const origin = tables.days[n]!;
  const wanted = limit - related.length;
  // The best few by what the evidence promises, kept in order as they are found (no sort of thousands).
  const checked = Math.max(MOST_CHECKED, wanted * 2);
  const promising: Candidate[] = [];
  forEachCandidate(tables, evidence, (other, mask) => {
    if (other === n || (tables.flags(other) & ARTICLE) !== 0) return;
    const days = daysBetween(origin, tables.days[other]!);
    const score = confidence(evidence, mask, days);
    if (score < MIN_CONFIDENCE) return;
    if (promising.length >= checked && score <= promising[checked - 1]!.score) return;
    if (taken.has(tables.idOf(other))) return;
    const candidate = { n: other, mask, days, score };
    let at = promising.length;
    while (at > 0 && byScore(candidate, promising[at - 1]!) < 0) at -= 1;
    promising.splice(at, 0, candidate);
    if (promising.length > checked) promising.pop();
  });

  // The words promise; the candidate's own text says whether a name is there as a name. Checking
  // only lowers a score, so candidates are checked best first until the next could not beat the kept.
  const kept: Candidate[] = [];
  for (const candidate of promising) {
    if (kept.length >= wanted && kept[wanted - 1]!.score >= candidate.score) break;
    // Read without the decoded-record cache: most candidates are read once and dropped.
    const other = decodeRecord(tables.columns, candidate.n);
    if (sameHeadlineKey(other.title) === headline) continue;
    candidate.record = other;
    candidate.mask = confirmedNames(evidence, candidate.mask, other);
    candidate.score = confidence(evidence, candidate.mask, candidate.days);
    if (candidate.score < MIN_CONFIDENCE) continue;
    kept.push(candidate);
    kept.sort(byScore);
  }
  for (const candidate of kept) {
    if (related.length >= limit) break;
    add(candidate.record!, reason(evidence, candidate.mask));
  }
  return related;
}

/**
 * How sure it is that a candidate shares the record's matter: 0 unless it does, else what they
 * share, weighted by rarity, less the further apart in time they are. A matter is a specific story
 * label; or two actors; or an actor and a specific subject; or a very rare name; or, close in time,
 * an actor and a place, or a place and a specific subject.
 */
function confidence(evidence: readonly Evidence[], mask: number, days: number): number {
  let places = 0;
  let towns = 0;
  let words = 0;
  let rareWords = 0;
  let subjectWords = 0;
  let stories = 0;
  let themes = 0;
  let sum = 0;
  // Evidence comes strongest first, so a group's first name is its weightiest; later ones add nothing.
  let firstGroup = NaN;
  let rarestName = 0;
  let secondName = 0;
  let otherGroups: number[] | null = null;
  for (let bit = 0; bit < evidence.length; bit += 1) {
    if ((mask & (1 << bit)) === 0) continue;
    const piece = evidence[bit]!;
    if (piece.kind === 'name') {
      if (piece.group === firstGroup || otherGroups?.includes(piece.group)) continue;
      if (Number.isNaN(firstGroup)) {
        firstGroup = piece.group;
        rarestName = piece.weight;
      } else {
        otherGroups ??= [];
        otherGroups.push(piece.group);
        if (otherGroups.length === 1) secondName = piece.weight;
      }
      sum += piece.weight;
      continue;
    }
    sum += piece.weight;
    if (piece.kind === 'place' || piece.kind === 'town') {
      places += 1;
      if (piece.kind === 'town') towns += 1;
    } else if (piece.kind === 'word') {
      // Words say what kind of event it is: past the strongest, each adds a quarter ("drones, missiles").
      if (words > 0) sum -= piece.weight * 0.75;
      words += 1;
      if (piece.frequency <= SUBJECT_WORD) subjectWords += 1;
      if (piece.frequency <= RARE_WORD) rareWords += 1;
    } else if (piece.kind === 'story') stories += 1;
    else themes += 1;
  }
  // A second actor counts when it is specific: "Donald Trump" beside the FBI is not a matter.
  const names = secondName >= SECOND_ACTOR ? 2 : rarestName > 0 ? 1 : 0;
  const matter =
    stories > 0 ||
    names >= 2 ||
    (names === 1 &&
      (words >= 2 ||
        subjectWords > 0 ||
        (rarestName >= RARE_NAME && days <= RARE_NAME_DAYS) ||
        (towns > 0 && days <= ACTOR_AND_PLACE_DAYS))) ||
    ((places > 0 || themes > 0) && (words >= 2 || rareWords > 0) && days <= (places > 0 ? PLACE_DAYS : THEME_DAYS)) ||
    (towns > 0 && words > 0 && days <= TOWN_DAYS) ||
    (themes > 0 && words > 0 && days <= SAME_DAYS) ||
    (rareWords >= 2 && days <= SAME_DAYS);
  if (!matter) return 0;
  // A story, two actors, a rare one or a town with its subject carry over the years; a common actor
  // with a subject is a matter only while it lasts.
  const lasting = stories > 0 || names >= 2 || (words > 0 && (rarestName >= RARE_NAME || towns > 0));
  return sum / (1 + days / (lasting ? LONG_MATTER_DAYS : SHORT_MATTER_DAYS));
}

/** The mask without the names and places the candidate does not have as names of its own. */
function confirmedNames(evidence: readonly Evidence[], mask: number, other: CorpusRecord): number {
  const text = other.summary === other.title ? other.title : `${other.title}\n${other.summary}`;
  const runs = capitalisedRuns(
    text,
    other.sources.map((source) => source.name),
  );
  let confirmed = mask;
  evidence.forEach((piece, bit) => {
    if ((mask & (1 << bit)) === 0 || (piece.kind !== 'name' && piece.kind !== 'place' && piece.kind !== 'town')) return;
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
  const order = { name: 0, word: 1, town: 2, place: 3, theme: 4, story: 5 };
  const named = shared
    .filter((piece) => piece.kind !== 'theme')
    .sort((a, b) => order[a.kind] - order[b.kind] || b.weight - a.weight)
    .slice(0, 3)
    .map((piece) => piece.text);
  if (shared.some((piece) => piece.kind === 'name')) return `same matter: ${named.join(', ')}`;
  const place = shared.find((piece) => piece.kind === 'town') ?? shared.find((piece) => piece.kind === 'place');
  const subject = shared
    .filter((piece) => piece.kind === 'word')
    .slice(0, 2)
    .map((piece) => piece.text);
  return `same place and subject: ${[place?.text, ...subject].filter((text) => text !== undefined).join(', ')}`;
}

const scratchMasks = new WeakMap<CorpusTables, { masks: Uint32Array; touched: Uint32Array }>();

/**
 * Calls back once for each record having any of the evidence, with bit i of its mask set when it has
 * piece i. Scratch arrays are kept per corpus, so a call allocates nothing per candidate.
 */
function forEachCandidate(tables: CorpusTables, evidence: readonly Evidence[], visit: (n: number, mask: number) => void): void {
  const total = evidence.reduce((sum, { records }) => sum + records.length, 0);
  let scratch = scratchMasks.get(tables);
  if (scratch === undefined || scratch.touched.length < total) {
    scratch = { masks: scratch?.masks ?? new Uint32Array(tables.count), touched: new Uint32Array(Math.max(total, 4096)) };
    scratchMasks.set(tables, scratch);
  }
  const { masks, touched } = scratch;
  let count = 0;
  evidence.forEach(({ records }, bit) => {
    for (let i = 0; i < records.length; i += 1) {
      const n = records[i]!;
      if (masks[n] === 0) touched[count++] = n;
      masks[n] = masks[n]! | (1 << bit);
    }
  });
  try {
    for (let i = 0; i < count; i += 1) visit(touched[i]!, masks[touched[i]!]!);
  } finally {
    for (let i = 0; i < count; i += 1) masks[touched[i]!] = 0;
  }
}

function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.days - b.days || a.n - b.n;
}

function sameHeadlineKey(title: string): string {
  return indexTerms(title).join(' ');
}
