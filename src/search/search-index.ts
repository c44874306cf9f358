import type { CorpusRecord } from '../model/record.ts';
import { CorpusTables } from './corpus-tables.ts';
import { buildPostings, type BuiltPostings } from './build-postings.ts';
import { postingsOf, restoreMiniSearch, type TermTree } from './mini-search-internals.ts';
import { inColumnOrder, recordColumns, type RecordColumns } from './record-columns.ts';
import { AliasTable, mergeAliases, type AliasData } from './aliases.ts';
import { tallyAcronyms, type AcronymTally, type AcronymTallyData } from './mine-aliases.ts';
import { IndexSearcher } from './index-searcher.ts';
import { TermPostings } from './posting-lists.ts';

/** What an index's aliases are made of: kept so a live index can mine them again as records change. */
export interface AliasSources {
  /** The editors' sets of names for one thing (synonyms.txt). */
  synonyms: string[][];
  acronyms: AcronymTallyData;
}

/**
 * Builds the in-memory index over a loaded corpus, with the editors' synonyms (sets of names for one
 * thing, as the corpus loader reads them from synonyms.txt) and the acronyms the corpus spells out.
 */
export function createSearchIndex(records: readonly CorpusRecord[], synonyms: readonly (readonly string[])[] = []): CorpusIndex {
  const sorted = inColumnOrder(records);
  const tally = tallyAcronyms(sorted);
  const sources = { synonyms: synonyms.map((set) => [...set]), acronyms: tally.toJSON() };
  return new CorpusIndex(recordColumns(sorted), buildPostings(sorted), mergeAliases(synonyms, tally.pairs()), sources);
}

/** The index of columns and postings built elsewhere (in parts, by two threads), with the acronyms the records spell out. */
export function indexOfParts(
  columns: RecordColumns,
  postings: BuiltPostings,
  synonyms: readonly (readonly string[])[],
  tally: AcronymTally,
): CorpusIndex {
  const sources = { synonyms: synonyms.map((set) => [...set]), acronyms: tally.toJSON() };
  return new CorpusIndex(columns, postings, mergeAliases(synonyms, tally.pairs()), sources);
}

/** An index over a fixed set of records, as built or read from a snapshot: the base of a live index. */
export class CorpusIndex extends IndexSearcher<CorpusTables> {
  /** Over records in column order, their postings and aliases, as built or read from a snapshot. */
  constructor(
    columns: RecordColumns,
    readonly postings: BuiltPostings,
    readonly aliases: AliasData,
    readonly aliasSources: AliasSources,
    /** Its tree of terms when made beforehand (a snapshot decoded in steps). */
    tree?: TermTree,
  ) {
    const { shape, fieldLengths, terms } = postings;
    const miniSearch = restoreMiniSearch(shape, columns.flags, fieldLengths, terms, postings.postings, tree);
    const tables = new CorpusTables(columns, (term) => {
      const termPostings = postingsOf(miniSearch, term);
      return termPostings instanceof TermPostings ? postings.headlineCounts[termPostings.term]! : 0;
    });
    super(tables, miniSearch, new AliasTable(aliases), columns.flags);
  }

  /** The editors' synonyms the index was built with (for building its successor). */
  get synonyms(): string[][] {
    return this.aliasSources.synonyms;
  }
}
