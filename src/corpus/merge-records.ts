import type { CorpusRecord, RelatedLink, SourceLink } from '../model/record.ts';

/**
 * One record per id, in date order (undated last) then id, so ranking ties are stable.
 * - The same id from several files is one record: the richest wins (see `compareRichness`) and
 *   the others add their sources, contexts, related links, and any image, category or date it lacks.
 * - Every Related link is also a stub event (title, date, contexts from the link): alone it stands
 *   for an event no file provides; beside a full record of that id it only adds the link's contexts.
 */
export function mergeRecords(records: readonly CorpusRecord[]): CorpusRecord[] {
  return mergedGroups(groupRecords(records)).sort(byDateThenId);
}

/** Records by id: an id's records in order, then the stubs of the Related links to it in the records' order; an id's only one alone. */
export type RecordGroups = Map<string, CorpusRecord | CorpusRecord[]>;

export function groupRecords(records: readonly CorpusRecord[]): RecordGroups {
  const groups = new Groups();
  for (const record of records) groups.add(record);
  for (const record of records) for (const link of record.related) if (link.id !== record.id) groups.add(stubFor(link, record));
  return groups.byId;
}

/** One record per group (see mergeGroup), in the groups' order. */
export function mergedGroups(groups: RecordGroups): CorpusRecord[] {
  const merged: CorpusRecord[] = [];
  for (const group of groups.values()) merged.push(Array.isArray(group) ? mergeGroup(group) : group);
  return merged;
}

/**
 * Negative when `a` is richer: a full record beats a stub, then the longer summary, then having an
 * image, then more sources with links, then more sources.
 */
export function compareRichness(a: CorpusRecord, b: CorpusRecord): number {
  return (
    Number(a.stub) - Number(b.stub) ||
    b.summary.length - a.summary.length ||
    Number(b.image !== null) - Number(a.image !== null) ||
    linkedSources(b) - linkedSources(a) ||
    b.sources.length - a.sources.length
  );
}

export function mergeSources(sources: readonly SourceLink[]): SourceLink[] {
  const seen = new Set<string>();
  const namesWithUrl = new Set(sources.filter((source) => source.url !== null).map((source) => source.name.toLowerCase()));
  return sources.filter((source) => {
    const name = source.name.toLowerCase();
    if (source.url === null && namesWithUrl.has(name)) return false;
    const key = `${name}\n${source.url ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The one record for a group of records of the same id (stubs included), as `mergeRecords` makes it. */
export function mergeGroup(group: CorpusRecord[]): CorpusRecord {
  if (group.length === 1) return group[0]!;
  const ordered = [...group].sort(compareRichness);
  const winner = ordered[0]!;
  return {
    ...winner,
    date: winner.date ?? firstOf(ordered, (record) => record.date),
    image: winner.image ?? firstOf(ordered, (record) => record.image),
    category: winner.category ?? firstOf(ordered, (record) => record.category),
    sources: mergeSources(ordered.flatMap((record) => record.sources)),
    contexts: uniqueIgnoringCase(ordered.flatMap((record) => record.contexts)),
    related: uniqueRelated(ordered.flatMap((record) => record.related)),
  };
}

export function stubFor(link: RelatedLink, from: CorpusRecord): CorpusRecord {
  return {
    id: link.id,
    kind: 'event',
    date: link.date,
    title: link.title,
    summary: '',
    body: '',
    image: null,
    sources: [],
    contexts: [...link.contexts],
    category: null,
    related: [],
    stub: true,
    origin: from.origin,
  };
}

/**
 * Records by id in the order added, an id's first record alone: most ids have one, and an array for each id
 * (with the copies of the list of records and stubs) was ~8% of a build thread's profile at 3x.
 */
class Groups {
  readonly byId: RecordGroups = new Map();

  add(record: CorpusRecord): void {
    const group = this.byId.get(record.id);
    if (group === undefined) this.byId.set(record.id, record);
    else if (Array.isArray(group)) group.push(record);
    else this.byId.set(record.id, [group, record]);
  }
}

function firstOf<T>(records: CorpusRecord[], pick: (record: CorpusRecord) => T | null): T | null {
  for (const record of records) {
    const value = pick(record);
    if (value !== null) return value;
  }
  return null;
}

function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(value.toLowerCase()) && seen.add(value.toLowerCase()));
}

function uniqueRelated(links: RelatedLink[]): RelatedLink[] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.id) && seen.add(link.id));
}

function linkedSources(record: CorpusRecord): number {
  return record.sources.filter((source) => source.url !== null).length;
}

function byDateThenId(a: CorpusRecord, b: CorpusRecord): number {
  const dateOrder = a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;
  return dateOrder || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
