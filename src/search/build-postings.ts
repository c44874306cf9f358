import type { CorpusRecord } from '../model/record.ts';
import { FIELDS, fieldText } from './mini-search.ts';
import type { IndexShape } from './mini-search-internals.ts';
import type { PostingArrays } from './posting-lists.ts';
import { normaliseTerm } from './text.ts';
import { TokenNumbers } from './token-numbers.ts';

/** Fields whose words count towards how rare a headline word is (see CorpusTables.rarity). */
const TITLE = FIELDS.indexOf('title');
const CONTEXTS = FIELDS.indexOf('contexts');

/** An index's words and postings, as a build makes them and a snapshot stores them. */
export interface BuiltPostings {
  shape: IndexShape;
  /** Record n's field lengths are fieldLengths[n * FIELDS.length …]. */
  fieldLengths: Uint32Array;
  /** Term t of the arrays is terms[t]. */
  terms: string[];
  postings: PostingArrays;
  /** In how many records term t is in the headline or the contexts. */
  headlineCounts: Uint32Array;
}

/**
 * The posting lists MiniSearch's `add` would make for these records (records numbered in column
 * order), as flat arrays. Each word occurrence is one Map lookup for its term number; the lists are
 * then laid out by a counting sort on (term, field), which keeps records ascending within a list.
 * Field lengths are MiniSearch's: distinct tokens before stop words are dropped.
 */
export function buildPostings(records: readonly CorpusRecord[]): BuiltPostings {
  const fields = FIELDS.length;
  const vocabulary = new Vocabulary();
  const fieldLengths = new Uint32Array(records.length * fields);
  const lengthTotals = new Array<number>(fields).fill(0);
  // One entry per (term, field, record): its list key (term * fields + field), record and frequency.
  const capacity = Math.min(1 << 16, 256 * Math.max(records.length, 1));
  const keys = new GrowableUint32(capacity);
  const numbers = new GrowableUint32(capacity);
  const counts = new GrowableUint32(capacity);
  // Per field of a record: which tokens and terms it has (stamped with `visit`) and how often.
  const tokenSeen: number[] = [];
  const termSeen: number[] = [];
  const termFrequency: number[] = [];
  const termsInField: number[] = [];
  let visit = 0;

  records.forEach((record, n) => {
    for (let fieldId = 0; fieldId < fields; fieldId += 1) {
      visit += 1;
      let length = 0;
      termsInField.length = 0;
      const tokenCount = vocabulary.numberTokens(fieldText(record, FIELDS[fieldId]!));
      const tokenIds = vocabulary.tokenIds;
      for (let i = 0; i < tokenCount; i += 1) {
        const tokenId = tokenIds[i]!;
        const term = vocabulary.termOf(tokenId);
        if (tokenSeen[tokenId] !== visit) {
          tokenSeen[tokenId] = visit;
          length += 1;
        }
        if (term < 0) continue;
        if (termSeen[term] !== visit) {
          termSeen[term] = visit;
          termFrequency[term] = 0;
          termsInField.push(term);
        }
        termFrequency[term]! += 1;
      }
      fieldLengths[n * fields + fieldId] = length;
      lengthTotals[fieldId]! += length;
      for (const term of termsInField) {
        keys.push(term * fields + fieldId);
        numbers.push(n);
        counts.push(termFrequency[term]!);
      }
    }
  });

  const { terms } = vocabulary;
  const postings = layOut(keys.view(), numbers.view(), counts.view(), terms.length, fields);
  const count = Math.max(records.length, 1);
  return {
    shape: {
      documentCount: records.length,
      fieldIds: Object.fromEntries(FIELDS.map((field, id) => [field, id])),
      averageFieldLength: lengthTotals.map((total) => total / count),
    },
    fieldLengths,
    terms,
    postings,
    headlineCounts: headlineCounts(postings, terms.length),
  };
}

/** Tokens as they appear and the index terms they stand for, numbered as first seen. */
class Vocabulary {
  readonly terms: string[] = [];
  private readonly tokens = new TokenNumbers();
  // A token's term from a typed array: a small integer per lookup, not an object to follow.
  private termOfToken = new Int32Array(1 << 12);
  private readonly termNumbers = new Map<string, number>();

  /** Numbers the text's tokens into tokenIds; returns how many. Normalises each distinct token once, in the order first seen. */
  numberTokens(text: string): number {
    const known = this.tokens.tokens.length;
    const count = this.tokens.numberTokens(text);
    const { tokens } = this.tokens;
    for (let tokenId = known; tokenId < tokens.length; tokenId += 1) {
      if (tokenId === this.termOfToken.length) {
        const grown = new Int32Array(tokenId * 2);
        grown.set(this.termOfToken);
        this.termOfToken = grown;
      }
      this.termOfToken[tokenId] = this.termNumber(normaliseTerm(tokens[tokenId]!));
    }
    return count;
  }

  /** The numbers of the last text's tokens, in order. */
  get tokenIds(): Int32Array {
    return this.tokens.ids;
  }

  /** The term a token stands for, -1 for a stop word. */
  termOf(tokenId: number): number {
    return this.termOfToken[tokenId]!;
  }

  private termNumber(term: string | null): number {
    if (term === null) return -1;
    let t = this.termNumbers.get(term);
    if (t === undefined) {
      t = this.terms.length;
      this.termNumbers.set(term, t);
      this.terms.push(term);
    }
    return t;
  }
}

/** Entries grouped into lists by key (a counting sort: stable, so records stay ascending). */
/** The most a frequency column holds (Uint16Array). */
const MOST_FREQUENT = 0xffff;

function layOut(keys: Uint32Array, numbers: Uint32Array, counts: Uint32Array, termCount: number, fields: number): PostingArrays {
  const keySpace = termCount * fields;
  const starts = new Uint32Array(keySpace + 1);
  for (const key of keys) starts[key + 1]! += 1;
  let lists = 0;
  for (let key = 0; key < keySpace; key += 1) {
    if (starts[key + 1]! > 0) lists += 1;
    starts[key + 1]! += starts[key]!;
  }
  const records = new Uint32Array(keys.length);
  const frequencies = new Uint16Array(keys.length);
  const next = starts.slice(0, keySpace);
  for (let i = 0; i < keys.length; i += 1) {
    const at = next[keys[i]!]!++;
    records[at] = numbers[i]!;
    frequencies[at] = Math.min(counts[i]!, MOST_FREQUENT);
  }
  const termStarts = new Uint32Array(termCount + 1);
  const listFields = new Uint8Array(lists);
  const listStarts = new Uint32Array(lists + 1);
  let l = 0;
  for (let t = 0; t < termCount; t += 1) {
    termStarts[t] = l;
    for (let fieldId = 0; fieldId < fields; fieldId += 1) {
      const key = t * fields + fieldId;
      if (starts[key + 1] === starts[key]) continue;
      listFields[l] = fieldId;
      listStarts[l] = starts[key]!;
      l += 1;
    }
  }
  termStarts[termCount] = lists;
  listStarts[lists] = keys.length;
  return { termStarts, listFields, listStarts, records, frequencies };
}

/** For each term, the records having it in the headline or the contexts (the union of two sorted lists). */
function headlineCounts({ termStarts, listFields, listStarts, records }: PostingArrays, termCount: number): Uint32Array {
  const result = new Uint32Array(termCount);
  for (let t = 0; t < termCount; t += 1) {
    let title: [number, number] = [0, 0];
    let contexts: [number, number] = [0, 0];
    for (let l = termStarts[t]!; l < termStarts[t + 1]!; l += 1) {
      if (listFields[l] === TITLE) title = [listStarts[l]!, listStarts[l + 1]!];
      if (listFields[l] === CONTEXTS) contexts = [listStarts[l]!, listStarts[l + 1]!];
    }
    let [a, aEnd] = title;
    let [b, bEnd] = contexts;
    let union = 0;
    while (a < aEnd || b < bEnd) {
      union += 1;
      if (b === bEnd || (a < aEnd && records[a]! < records[b]!)) a += 1;
      else if (a === aEnd || records[b]! < records[a]!) b += 1;
      else {
        a += 1;
        b += 1;
      }
    }
    result[t] = union;
  }
  return result;
}

class GrowableUint32 {
  private array: Uint32Array;
  private length = 0;

  constructor(capacity: number) {
    this.array = new Uint32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Uint32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }

  view(): Uint32Array {
    return this.array.subarray(0, this.length);
  }
}
