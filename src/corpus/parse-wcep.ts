import yaml from 'js-yaml';
import type { CorpusProblem, CorpusRecord, ParseOutcome, SourceLink } from '../model/record.ts';
import { parseIsoDate } from './iso-date.ts';
import { eventId } from './slug.ts';
import { canonicalCategory, classifySectionLabel } from './wcep-categories.ts';
import { mentionsStory, NO_STORY, splitOutlets, splitStoryLabels, storyOf } from './wcep-line.ts';
import { storyLabelOf } from './wcep-story-label.ts';
import { indexOfKeyLine, listItemLines } from './yaml-list-lines.ts';

type Fields = Record<string, unknown>;

/**
 * A Wikipedia Current Events day: either the daily shape (`Date`, `Intelligence_Payload:
 * {section: [event lines]}`) or the richer 2026 shape (`date`, `events: [{headline, summary, …}]`).
 * A file that is not valid YAML or has another shape is one problem and no records; a bad event is
 * one problem and the rest of the day is kept.
 */
export function parseWcep(text: string, file: string): ParseOutcome {
  let doc: unknown;
  try {
    doc = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    // Some YAML errors (e.g. a second `---` document) carry no mark.
    if (error instanceof yaml.YAMLException) return fail(file, (error.mark?.line ?? 0) + 1, `not valid YAML: ${error.reason}`);
    return fail(file, 1, `not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isFields(doc)) return fail(file, 1, 'not a WCEP day: expected a mapping with Date and Intelligence_Payload');
  if ('Intelligence_Payload' in doc) return parseDaily(doc, text, file);
  if ('events' in doc) return parseRich(doc, text, file);
  return fail(file, 1, 'not a WCEP day: expected Date and Intelligence_Payload, or date and events');
}

function parseDaily(doc: Fields, text: string, file: string): ParseOutcome {
  const lines = text.split('\n');
  const date = typeof doc.Date === 'string' ? parseIsoDate(doc.Date) : null;
  if (date === null) return fail(file, lineOf(lines, 'Date'), `Date must be YYYY-MM-DD; got ${JSON.stringify(doc.Date)}`);
  const payload = doc.Intelligence_Payload;
  if (payload === null) return { records: [], problems: [] };
  if (!isFields(payload))
    return fail(file, lineOf(lines, 'Intelligence_Payload'), 'Intelligence_Payload must map section names to lists of event lines');

  const sections = Object.entries(payload);
  const itemLines = listItemLines(lines, indexOfKeyLine(lines, 'Intelligence_Payload'));
  const itemCount = sections.reduce((count, [, items]) => count + (Array.isArray(items) ? items.length : 0), 0);
  const linesKnown = itemLines.length === itemCount;
  const fallbackLine = lineOf(lines, 'Intelligence_Payload');
  let itemIndex = 0;

  const records: CorpusRecord[] = [];
  const problems: CorpusProblem[] = [];
  for (const [label, items] of sections) {
    if (!Array.isArray(items)) {
      if (items !== null) problems.push({ file, line: fallbackLine, reason: `section "${label}" is not a list of event lines` });
      continue;
    }
    const section = classifySectionLabel(label);
    let story = NO_STORY;
    let previousWasLabel = false;
    let eventsUnderLabel = 0;
    items.forEach((item: unknown, index) => {
      const line = linesKnown ? itemLines[itemIndex]! : fallbackLine;
      itemIndex += 1;
      if (typeof item !== 'string') {
        problems.push({ file, line, reason: `event line in "${label}" is not text (got ${describe(item)})` });
        return;
      }
      const { headline, outlets } = splitOutlets(item);
      if (headline === '') {
        problems.push({ file, line, reason: `event line in "${label}" has no headline` });
        return;
      }
      const next = items[index + 1];
      const storyName = storyLabelOf({ headline, outlets }, typeof next === 'string' ? splitOutlets(next) : null);
      if (storyName !== null) {
        story = storyOf(previousWasLabel ? [...story.labels, ...splitStoryLabels(storyName)] : splitStoryLabels(storyName));
        previousWasLabel = true;
        eventsUnderLabel = 0;
        return;
      }
      previousWasLabel = false;
      if (eventsUnderLabel > 0 && !mentionsStory(headline, story)) story = NO_STORY;
      eventsUnderLabel += 1;
      records.push({
        id: eventId(date, headline),
        kind: 'event',
        date,
        title: headline,
        summary: headline,
        body: '',
        image: null,
        sources: outlets.map((name) => ({ name, url: null })),
        contexts: unique([...(section.kind === 'story' ? [section.context] : []), ...story.labels]),
        category: section.kind === 'category' ? section.category : null,
        related: [],
        stub: false,
        origin: { file, line, format: 'wcep-daily' },
      });
    });
  }
  return { records, problems };
}

function parseRich(doc: Fields, text: string, file: string): ParseOutcome {
  const lines = text.split('\n');
  const date = typeof doc.date === 'string' ? parseIsoDate(doc.date) : null;
  if (date === null) return fail(file, lineOf(lines, 'date'), `date must be YYYY-MM-DD; got ${JSON.stringify(doc.date)}`);
  if (!Array.isArray(doc.events)) return fail(file, lineOf(lines, 'events'), 'events must be a list');
  const itemLines = listItemLines(lines, indexOfKeyLine(lines, 'events'));
  const linesKnown = itemLines.length === doc.events.length;

  const records: CorpusRecord[] = [];
  const problems: CorpusProblem[] = [];
  doc.events.forEach((event: unknown, index) => {
    const line = linesKnown ? itemLines[index]! : lineOf(lines, 'events');
    if (!isFields(event) || typeof event.headline !== 'string' || event.headline.trim() === '') {
      problems.push({ file, line, reason: 'event has no headline' });
      return;
    }
    const headline = event.headline.replace(/\s+/g, ' ').trim();
    const summary = typeof event.summary === 'string' ? event.summary.replace(/\s+/g, ' ').trim() : '';
    const classification = isFields(event.classification) ? event.classification : {};
    records.push({
      id: eventId(date, headline),
      kind: 'event',
      date,
      title: headline,
      summary: summary === '' ? headline : summary,
      body: '',
      image: null,
      sources: externalSources(event.sources),
      contexts: unique([
        ...strings(event.topics),
        ...strings([event.subcategory]),
        ...strings(classification.tags).map((tag) => tag.replace(/-/g, ' ')),
      ]),
      category: typeof event.category === 'string' ? canonicalCategory(event.category) : null,
      related: [],
      stub: false,
      origin: { file, line, format: 'wcep-rich' },
    });
  });
  return { records, problems };
}

function externalSources(sources: unknown): SourceLink[] {
  if (!isFields(sources) || !Array.isArray(sources.external)) return [];
  return sources.external.flatMap((source: unknown): SourceLink[] => {
    if (!isFields(source) || typeof source.outlet !== 'string' || source.outlet.trim() === '') return [];
    const url = typeof source.url === 'string' && source.url.trim() !== '' ? source.url.trim() : null;
    return [{ name: source.outlet.trim(), url }];
  });
}

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Keeps the first spelling of each context, compared case-insensitively. */
function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

function lineOf(lines: string[], key: string): number {
  return indexOfKeyLine(lines, key) + 1 || 1;
}

function fail(file: string, line: number, reason: string): ParseOutcome {
  return { records: [], problems: [{ file, line, reason }] };
}
