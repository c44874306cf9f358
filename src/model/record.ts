/** A calendar day, `YYYY-MM-DD`. Events are dated to the day, with no time zone. */
export type IsoDate = string;

type RecordKind = 'event' | 'article';

export type CorpusFormat = 'event-page' | 'article' | 'wcep-daily' | 'wcep-rich' | 'jsonl';

/** A source the record cites. WCEP lines name outlets without URLs. */
export interface SourceLink {
  name: string;
  url: string | null;
}

/** An explicit "Related:" link written in the corpus itself. */
export interface RelatedLink {
  id: string;
  title: string;
  date: IsoDate | null;
  contexts: string[];
}

/** Where a record came from, so problems and duplicates can point at a file and line. */
interface RecordOrigin {
  file: string;
  line: number;
  format: CorpusFormat;
}

/**
 * One thing the bot knows: a dated news event or a background article.
 * `id` follows the corpus link scheme `news/YYYY/MM/D/<slug>` for events.
 */
export interface CorpusRecord {
  id: string;
  kind: RecordKind;
  date: IsoDate | null;
  title: string;
  /** Events: the summary paragraph(s). Articles: the lead paragraph. */
  summary: string;
  /** Articles: the full text. Events: empty. */
  body: string;
  image: string | null;
  sources: SourceLink[];
  /** Story labels and context tags ("2013 Korean crisis", "North Korea"). */
  contexts: string[];
  /** A generic WCEP category ("Politics", "Armed conflicts and attacks"). */
  category: string | null;
  related: RelatedLink[];
  /** True for an event known only from another record's Related link. */
  stub: boolean;
  origin: RecordOrigin;
}

/** A problem found while reading the corpus. Reported, never fatal. */
export interface CorpusProblem {
  file: string;
  line: number;
  reason: string;
}

export interface ParseOutcome {
  records: CorpusRecord[];
  problems: CorpusProblem[];
}

/** The first source with a URL, which is what a headline links to. */
export function primaryUrl(record: Pick<CorpusRecord, 'sources'>): string | null {
  return record.sources.find((source) => source.url !== null)?.url ?? null;
}
