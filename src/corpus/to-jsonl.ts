import type { CorpusRecord } from '../model/record.ts';

/** The exchange form of a record: every field but `origin`, which belongs to the file it is read from. */
export type JsonlRecord = Omit<CorpusRecord, 'origin'>;

export function toJsonlRecord(record: CorpusRecord): JsonlRecord {
  return {
    id: record.id,
    kind: record.kind,
    date: record.date,
    title: record.title,
    summary: record.summary,
    body: record.body,
    image: record.image,
    sources: record.sources.map((source) => ({ name: source.name, url: source.url })),
    contexts: [...record.contexts],
    category: record.category,
    related: record.related.map((link) => ({ id: link.id, title: link.title, date: link.date, contexts: [...link.contexts] })),
    stub: record.stub,
  };
}

/** One JSON object per line, each line ending in `\n`. */
export function toJsonl(records: Iterable<CorpusRecord>): string {
  let text = '';
  for (const record of records) text += `${JSON.stringify(toJsonlRecord(record))}\n`;
  return text;
}
