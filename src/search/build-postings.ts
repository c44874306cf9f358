import type { CorpusRecord } from '../model/record.ts';
import { FIELDS, fieldText } from './mini-search.ts';
import type { IndexShape } from './mini-search-internals.ts';
import type { PostingArrays } from './posting-lists.ts';
import { normaliseTerm } from './text.ts';
import { TokenNumbers } from './token-numbers.ts';

/** Fields whose words count towards how rare a headline word is (see CorpusTables.rarity). */
const TITLE = FIELDS.indexOf('title');
const CONTEXTS = FIELDS.indexOf('contexts');
const LABELS = FIELDS.indexOf('labels');
const FIELD_COUNT = FIELDS.length;
/** The most a frequency column holds (Uint16Array). */
const MOST_FREQUENT = 0xffff;

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
 * The postings of a run of records (numbered in column order), all typed arrays so that a part made
 * in another thread crosses over without a copy. Its terms are numbered as first seen in the run;
 * local term i is the builder's vocabulary term `terms[i]`.
 */
export interface PostingsPart {
  start: number;
  end: number;
  terms: Int32Array;
  /** Field lengths of records start … end - 1, FIELDS.length each. */
  fieldLengths: Uint32Array;
  /** Per field, the sum of those field lengths. */
  lengthTotals: Float64Array;
  postings: PostingArrays;
}

/** What a builder made: its parts, and the vocabulary their terms number. */
export interface PostingsPieces {
  vocabulary: readonly string[];
  parts: readonly PostingsPart[];
}

/**
 * The posting lists MiniSearch's `add` would make for these records (records numbered in column
 * order), as flat arrays. Field lengths are MiniSearch's: distinct tokens before stop words are dropped.
 */
export function buildPostings(records: readonly CorpusRecord[]): BuiltPostings {
  const builder = new PostingsBuilder();
  builder.add(records, 0, records.length);
  return joinPostings([builder.pieces()], records.length);
}

/**
 * Builds postings a run of records at a time. Runs that follow each other (`add(…, 0, k)` then
 * `add(…, k, m)`) make one part; any other run starts a new one. Each word occurrence is a lookup in
 * a table of tokens for its term; a part's lists are then laid out by a counting sort on (term, field),
 * which keeps records ascending within a list.
 */
export class PostingsBuilder {
  private readonly vocabulary = new Vocabulary();
  private readonly done: PostingsPart[] = [];
  private open: OpenPart | null = null;
  /** Per vocabulary term: the part (its number + 1) and field (`visit`) it was last seen in, its local number and count there. */
  private seenInPart = new Int32Array(1 << 12);
  private localOf = new Int32Array(1 << 12);
  private seenInField = new Int32Array(1 << 12);
  private frequency = new Int32Array(1 << 12);
  /** Per token: the field it was last seen in. */
  private tokenSeen = new Int32Array(1 << 12);
  private partNumber = 0;
  private visit = 0;
  private fieldLength = 0;
  private readonly termsInField: number[] = [];

  /** `first`: the number of `records[0]` in the whole corpus (another thread builds the records before). */
  constructor(private readonly first = 0) {}

  /** Adds records start … end - 1 of `records` (the whole corpus in column order, or its part from `first` on). */
  add(records: readonly CorpusRecord[], start: number, end: number): void {
    const { first } = this;
    if (this.open === null || this.open.end !== first + start) {
      this.close();
      this.partNumber += 1;
      this.open = new OpenPart(first + start, end - start);
    }
    const part = this.open;
    for (let n = start; n < end; n += 1) {
      const record = records[n]!;
      for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) {
        this.visit += 1;
        this.fieldLength = 0;
        this.termsInField.length = 0;
        // fieldText's pieces one by one rather than joined (they are joined by a line break, which no token spans).
        if (fieldId === CONTEXTS) for (const context of record.contexts) this.addText(context, part);
        else if (fieldId === LABELS) {
          this.addText(record.category ?? '', part);
          for (const source of record.sources) this.addText(source.name, part);
        } else this.addText(fieldText(record, FIELDS[fieldId]!), part);
        part.fieldLengths.push(this.fieldLength);
        part.lengthTotals[fieldId]! += this.fieldLength;
        const { localOf, frequency } = this;
        for (const term of this.termsInField) part.entries.push(localOf[term]! * FIELD_COUNT + fieldId, first + n, frequency[term]!);
      }
    }
    part.end = first + end;
  }

  /** Counts a text's tokens into the field being visited: its length (distinct tokens), its terms and how often. */
  private addText(text: string, part: OpenPart): void {
    const { vocabulary, termsInField, visit } = this;
    const tokenCount = vocabulary.numberTokens(text);
    this.fit(vocabulary.terms.length, vocabulary.tokenCount);
    const { tokenIds } = vocabulary;
    const { tokenSeen, seenInField, frequency, seenInPart, localOf, partNumber } = this;
    let length = 0;
    for (let i = 0; i < tokenCount; i += 1) {
      const tokenId = tokenIds[i]!;
      if (tokenSeen[tokenId] !== visit) {
        tokenSeen[tokenId] = visit;
        length += 1;
      }
      const term = vocabulary.termOf(tokenId);
      if (term < 0) continue;
      if (seenInField[term] !== visit) {
        seenInField[term] = visit;
        frequency[term] = 0;
        termsInField.push(term);
        if (seenInPart[term] !== partNumber) {
          seenInPart[term] = partNumber;
          localOf[term] = part.terms.length;
          part.terms.push(term);
        }
      }
      frequency[term]! += 1;
    }
    this.fieldLength += length;
  }

  /** The parts made so far and the vocabulary they number. */
  pieces(): PostingsPieces {
    this.close();
    return { vocabulary: this.vocabulary.terms, parts: this.done };
  }

  private close(): void {
    if (this.open !== null) this.done.push(this.open.laidOut());
    this.open = null;
  }

  /** Grows the per-term and per-token arrays to hold this many. */
  private fit(terms: number, tokens: number): void {
    if (terms > this.seenInPart.length) {
      const size = grownSize(this.seenInPart.length, terms);
      this.seenInPart = grown(this.seenInPart, size);
      this.localOf = grown(this.localOf, size);
      this.seenInField = grown(this.seenInField, size);
      this.frequency = grown(this.frequency, size);
    }
    if (tokens > this.tokenSeen.length) this.tokenSeen = grown(this.tokenSeen, grownSize(this.tokenSeen.length, tokens));
  }
}

/** A part being built: one entry per (term, field, record) with its list key (local term * fields + field), record and frequency. */
class OpenPart {
  readonly terms = new GrowableInt32(1 << 10);
  readonly fieldLengths: GrowableInt32;
  readonly lengthTotals = new Float64Array(FIELD_COUNT);
  readonly entries: Entries;

  constructor(
    readonly start: number,
    public end: number,
  ) {
    const records = Math.max(end - start, 1);
    this.fieldLengths = new GrowableInt32(records * FIELD_COUNT);
    this.entries = new Entries(Math.min(BLOCK, 64 * records));
  }

  laidOut(): PostingsPart {
    const blocks = this.entries.all();
    const length = this.entries.length;
    const termCount = this.terms.length;
    const keySpace = termCount * FIELD_COUNT;
    const starts = new Uint32Array(keySpace + 1);
    for (const { keys } of blocks) for (let i = 0; i < keys.length; i += 1) starts[keys[i]! + 1]! += 1;
    const lists = prefixSums(starts);
    const records = new Uint32Array(length);
    const frequencies = new Uint16Array(length);
    const next = starts.slice(0, keySpace);
    for (const { keys, numbers, counts } of blocks) {
      for (let i = 0; i < keys.length; i += 1) {
        const at = next[keys[i]!]!++;
        records[at] = numbers[i]!;
        frequencies[at] = counts[i]!;
      }
    }
    return {
      start: this.start,
      end: this.end,
      terms: this.terms.copy(),
      fieldLengths: new Uint32Array(this.fieldLengths.copy().buffer),
      lengthTotals: this.lengthTotals,
      postings: { ...listsOf(starts, termCount, lists), records, frequencies },
    };
  }
}

/**
 * The whole corpus's postings from parts covering records 0 … count - 1 exactly once, made by one
 * builder or several (other threads): exactly what one builder adding every record in order makes.
 * Terms are numbered as first seen in record order, and a list holds each part's records in turn.
 */
export function joinPostings(pieces: readonly PostingsPieces[], count: number): BuiltPostings {
  const parts = pieces
    .flatMap(({ vocabulary, parts: made }, piece) => made.map((part) => ({ part, vocabulary, piece })))
    .sort((a, b) => a.part.start - b.part.start);
  let covered = 0;
  for (const { part } of parts) {
    if (part.start !== covered) throw new Error(`postings parts cover records up to ${covered}, the next starts at ${part.start}`);
    covered = part.end;
  }
  if (covered !== count) throw new Error(`postings parts cover ${covered} records of ${count}`);

  const fieldLengths = new Uint32Array(count * FIELD_COUNT);
  const lengthTotals = new Array<number>(FIELD_COUNT).fill(0);
  for (const { part } of parts) {
    fieldLengths.set(part.fieldLengths, part.start * FIELD_COUNT);
    part.lengthTotals.forEach((total, fieldId) => {
      lengthTotals[fieldId]! += total;
    });
  }

  let terms: string[];
  let postings: PostingArrays;
  if (parts.length === 1) {
    const [{ part, vocabulary }] = parts as [(typeof parts)[number]];
    terms = Array.from(part.terms, (v) => vocabulary[v]!);
    postings = part.postings;
  } else {
    const numbered = numberTerms(parts, pieces.length);
    terms = numbered.terms;
    postings = joinLists(
      parts.map(({ part }, i) => ({ postings: part.postings, merged: numbered.mergedOfPart[i]! })),
      terms.length,
    );
  }
  const documents = Math.max(count, 1);
  return {
    shape: {
      documentCount: count,
      fieldIds: Object.fromEntries(FIELDS.map((field, id) => [field, id])),
      averageFieldLength: lengthTotals.map((total) => total / documents),
    },
    fieldLengths,
    terms,
    postings,
    headlineCounts: headlineCounts(postings, terms.length),
  };
}

/** Terms numbered as first seen over the parts in record order; for each part, its local terms' numbers. */
function numberTerms(
  parts: readonly { part: PostingsPart; vocabulary: readonly string[]; piece: number }[],
  pieceCount: number,
): { terms: string[]; mergedOfPart: Int32Array[] } {
  const terms: string[] = [];
  const numberOf = new Map<string, number>();
  // Per piece, its vocabulary's terms' numbers once known (-1 before): a string lookup once per vocabulary term, not per part.
  const mergedOfVocabulary: (Int32Array | undefined)[] = new Array(pieceCount);
  const mergedOfPart = parts.map(({ part, vocabulary, piece }) => {
    let known = mergedOfVocabulary[piece];
    if (known === undefined) {
      known = new Int32Array(vocabulary.length).fill(-1);
      mergedOfVocabulary[piece] = known;
    }
    const merged = new Int32Array(part.terms.length);
    part.terms.forEach((v, local) => {
      let m = known[v]!;
      if (m < 0) {
        const term = vocabulary[v]!;
        m = numberOf.get(term) ?? -1;
        if (m < 0) {
          m = terms.length;
          terms.push(term);
          numberOf.set(term, m);
        }
        known[v] = m;
      }
      merged[local] = m;
    });
    return merged;
  });
  return { terms, mergedOfPart };
}

/** The parts' lists, part after part within each (term, field), in the merged term numbers. */
function joinLists(parts: readonly { postings: PostingArrays; merged: Int32Array }[], termCount: number): PostingArrays {
  const keySpace = termCount * FIELD_COUNT;
  const starts = new Uint32Array(keySpace + 1);
  for (const { postings, merged } of parts) {
    const { termStarts, listFields, listStarts } = postings;
    for (let local = 0; local < merged.length; local += 1) {
      const base = merged[local]! * FIELD_COUNT + 1;
      for (let l = termStarts[local]!; l < termStarts[local + 1]!; l += 1)
        starts[base + listFields[l]!]! += listStarts[l + 1]! - listStarts[l]!;
    }
  }
  const lists = prefixSums(starts);
  const total = starts[keySpace]!;
  const records = new Uint32Array(total);
  const frequencies = new Uint16Array(total);
  const next = starts.slice(0, keySpace);
  for (const { postings, merged } of parts) {
    const { termStarts, listFields, listStarts } = postings;
    for (let local = 0; local < merged.length; local += 1) {
      const base = merged[local]! * FIELD_COUNT;
      for (let l = termStarts[local]!; l < termStarts[local + 1]!; l += 1) {
        let at = next[base + listFields[l]!]!;
        for (let i = listStarts[l]!; i < listStarts[l + 1]!; i += 1, at += 1) {
          records[at] = postings.records[i]!;
          frequencies[at] = postings.frequencies[i]!;
        }
        next[base + listFields[l]!] = at;
      }
    }
  }
  return { ...listsOf(starts, termCount, lists), records, frequencies };
}

/** Turns counts per key (at key + 1) into starts, in place; returns how many keys have any. */
function prefixSums(starts: Uint32Array): number {
  let lists = 0;
  for (let key = 0; key + 1 < starts.length; key += 1) {
    if (starts[key + 1]! > 0) lists += 1;
    starts[key + 1]! += starts[key]!;
  }
  return lists;
}

/** The term and list tables over entries grouped by key (term * fields + field), from each key's start. */
function listsOf(starts: Uint32Array, termCount: number, lists: number): Omit<PostingArrays, 'records' | 'frequencies'> {
  const termStarts = new Uint32Array(termCount + 1);
  const listFields = new Uint8Array(lists);
  const listStarts = new Uint32Array(lists + 1);
  let l = 0;
  for (let t = 0; t < termCount; t += 1) {
    termStarts[t] = l;
    for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId += 1) {
      const key = t * FIELD_COUNT + fieldId;
      if (starts[key + 1] === starts[key]) continue;
      listFields[l] = fieldId;
      listStarts[l] = starts[key]!;
      l += 1;
    }
  }
  termStarts[termCount] = lists;
  listStarts[lists] = starts[termCount * FIELD_COUNT]!;
  return { termStarts, listFields, listStarts };
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
    if (tokens.length > this.termOfToken.length)
      this.termOfToken = grown(this.termOfToken, grownSize(this.termOfToken.length, tokens.length));
    for (let tokenId = known; tokenId < tokens.length; tokenId += 1)
      this.termOfToken[tokenId] = this.termNumber(normaliseTerm(tokens[tokenId]!));
    return count;
  }

  get tokenCount(): number {
    return this.tokens.tokens.length;
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

/** For each term, the records having it in the headline or the contexts (the union of two sorted lists). */
function headlineCounts({ termStarts, listFields, listStarts, records }: PostingArrays, termCount: number): Uint32Array {
  const result = new Uint32Array(termCount);
  for (let t = 0; t < termCount; t += 1) {
    let a = 0;
    let aEnd = 0;
    let b = 0;
    let bEnd = 0;
    for (let l = termStarts[t]!; l < termStarts[t + 1]!; l += 1) {
      if (listFields[l] === TITLE) [a, aEnd] = [listStarts[l]!, listStarts[l + 1]!];
      if (listFields[l] === CONTEXTS) [b, bEnd] = [listStarts[l]!, listStarts[l + 1]!];
    }
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

function grownSize(size: number, atLeast: number): number {
  let next = Math.max(size, 1);
  while (next < atLeast) next *= 2;
  return next;
}

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}

class GrowableInt32 {
  private array: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.array = new Int32Array(Math.max(capacity, 1));
  }

  push(value: number): void {
    if (this.length === this.array.length) this.array = grown(this.array, this.array.length * 2);
    this.array[this.length++] = value;
  }

  /** The values pushed, in an array of their own (its buffer whole, so it can be transferred). */
  copy(): Int32Array {
    return this.array.slice(0, this.length);
  }
}

/** Entries per block: a part's entries grow a block at a time, never copied (doubling one array was ~12% of the postings' time at 3x). */
const BLOCK = 1 << 20;

/** A part's entries, three parallel columns in blocks: list key, record number and how often (clamped to a Uint16). */
class Entries {
  readonly blocks: { keys: Uint32Array; numbers: Uint32Array; counts: Uint16Array }[] = [];
  private keys: Uint32Array;
  private numbers: Uint32Array;
  private counts: Uint16Array;
  private used = 0;

  constructor(firstBlock: number) {
    this.keys = new Uint32Array(firstBlock);
    this.numbers = new Uint32Array(firstBlock);
    this.counts = new Uint16Array(firstBlock);
  }

  get length(): number {
    return this.blocks.reduce((total, block) => total + block.keys.length, 0) + this.used;
  }

  push(key: number, n: number, count: number): void {
    if (this.used === this.keys.length) {
      this.blocks.push({ keys: this.keys, numbers: this.numbers, counts: this.counts });
      this.keys = new Uint32Array(BLOCK);
      this.numbers = new Uint32Array(BLOCK);
      this.counts = new Uint16Array(BLOCK);
      this.used = 0;
    }
    this.keys[this.used] = key;
    this.numbers[this.used] = n;
    this.counts[this.used] = Math.min(count, MOST_FREQUENT);
    this.used += 1;
  }

  /** Every block, the last one cut to what it holds. */
  all(): { keys: Uint32Array; numbers: Uint32Array; counts: Uint16Array }[] {
    const { keys, numbers, counts, used } = this;
    return [...this.blocks, { keys: keys.subarray(0, used), numbers: numbers.subarray(0, used), counts: counts.subarray(0, used) }];
  }
}
