import type { CorpusProblem, CorpusRecord, ParseOutcome, RelatedLink, SourceLink } from '../model/record.ts';
import { decodeEntities } from './html-entities.ts';
import { parseIsoDate, toIsoDate } from './iso-date.ts';
import { eventId } from './slug.ts';

export const EVENT_PAGE_HEADING = /^###\s*\[([^\]]*)\]\((\/?news\/[^)\s]*)\)\s*$/;
const HEADLINE = /^#\s+(.*)$/;
const SECTION = /^###\s+(.*?):?\s*$/;
const LIST_LINK = /^\d+\.\s+\[(.*)\]\(([^)\s]+)\)\s*(.*)$/;
const CONTEXT = /^_Context:\s*(.*?)_$/;
const NEWS_PATH = /^\/?news\/(\d{4})\/(\d{1,2})\/(\d{1,2})\/([^/]+?)(?:\.md)?$/;
const COVER_IMAGE = 'cover image';

type Section = 'summary' | 'source' | 'related' | 'other';

/**
 * An event page: `### [date](/news/…/index.md)`, `# headline`, summary paragraphs, then `### Source:`
 * (numbered `[Outlet](url)`; `Cover Image` is the picture) and `### Related:` (numbered
 * `[headline](/news/YYYY/MM/D/slug.md) _Context: a, b_`).
 *
 * The page's own contexts: a `_Context: …_` line of its own if it has one; otherwise the contexts
 * that every one of its (two or more) Related links shares, because the corpus relates events that
 * share a context, so what all its neighbours have in common describes the page too.
 */
export function parseEventPage(text: string, file: string): ParseOutcome {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: CorpusProblem[] = [];
  const problem = (index: number, reason: string): void => {
    problems.push({ file, line: index + 1, reason });
  };

  const headingIndex = lines.findIndex((line) => line.trim() !== '');
  const heading = EVENT_PAGE_HEADING.exec(lines[headingIndex]?.trim() ?? '');
  if (heading === null) {
    problem(Math.max(headingIndex, 0), 'event page must start with a "### [YYYY-MM-DD](/news/…)" heading');
    return { records: [], problems };
  }
  const date = parseIsoDate(heading[1]!) ?? dateFromNewsPath(heading[2]!);
  if (date === null) {
    problem(headingIndex, `event page heading has no valid date: "${heading[1]}"`);
    return { records: [], problems };
  }

  let title: string | null = null;
  let section: Section = 'summary';
  const paragraphs: string[][] = [[]];
  let ownContexts: string[] | null = null;
  let image: string | null = null;
  const sources: SourceLink[] = [];
  const related: RelatedLink[] = [];

  for (let i = headingIndex + 1; i < lines.length; i += 1) {
    const line = lines[i]!.trim();
    const sectionMatch = SECTION.exec(line);
    if (sectionMatch !== null) {
      section = sectionFor(sectionMatch[1]!);
      continue;
    }
    if (title === null) {
      const headline = HEADLINE.exec(line);
      if (headline !== null) title = decodeEntities(headline[1]!).trim();
      else if (line !== '') problem(i, 'text before the "# headline" line');
      continue;
    }
    if (section === 'summary') {
      const context = CONTEXT.exec(line);
      if (context !== null) ownContexts = splitContexts(context[1]!);
      else if (line === '') paragraphs.push([]);
      else paragraphs.at(-1)!.push(decodeEntities(line));
      continue;
    }
    if (line === '' || section === 'other') continue;
    const item = LIST_LINK.exec(line);
    if (item === null) {
      problem(i, `not a numbered [text](link) item in the ${section === 'source' ? 'Source' : 'Related'} list`);
      continue;
    }
    const [, label, target, rest] = item as unknown as [string, string, string, string];
    if (section === 'source') {
      const name = decodeEntities(label).trim();
      if (name.toLowerCase() === COVER_IMAGE) image = target;
      else sources.push({ name, url: target });
    } else {
      const link = relatedLink(decodeEntities(label).trim(), target, rest);
      if (link === null) problem(i, `Related link is not a /news/YYYY/MM/D/slug.md path: "${target}"`);
      else related.push(link);
    }
  }

  if (title === null || title === '') {
    problem(headingIndex, 'event page has no "# headline" line');
    return { records: [], problems };
  }
  const record: CorpusRecord = {
    id: eventId(date, title),
    kind: 'event',
    date,
    title,
    summary: paragraphs
      .filter((lines) => lines.length > 0)
      .map((lines) => lines.join(' '))
      .join('\n\n'),
    body: '',
    image,
    sources,
    contexts: ownContexts ?? sharedContexts(related),
    category: null,
    related,
    stub: false,
    origin: { file, line: headingIndex + 1, format: 'event-page' },
  };
  return { records: [record], problems };
}

function sectionFor(name: string): Section {
  const lower = name.toLowerCase();
  if (lower === 'source' || lower === 'sources') return 'source';
  if (lower === 'related') return 'related';
  return 'other';
}

function relatedLink(title: string, target: string, rest: string): RelatedLink | null {
  const path = NEWS_PATH.exec(target);
  if (path === null) return null;
  const [, year, month, day, slug] = path as unknown as [string, string, string, string, string];
  const date = toIsoDate(year, month, day);
  if (date === null) return null;
  const context = /_Context:\s*(.*?)_\s*$/.exec(rest);
  return {
    id: `news/${year}/${date.slice(5, 7)}/${Number(day)}/${slug}`,
    title,
    date,
    contexts: context === null ? [] : splitContexts(decodeEntities(context[1]!)),
  };
}

function dateFromNewsPath(path: string): string | null {
  const match = /^\/?news\/(\d{4})\/(\d{1,2})\/(\d{1,2})\//.exec(path);
  return match === null ? null : toIsoDate(match[1]!, match[2]!, match[3]!);
}

function splitContexts(text: string): string[] {
  return text
    .split(',')
    .map((context) => context.trim())
    .filter((context) => context !== '');
}

function sharedContexts(related: RelatedLink[]): string[] {
  if (related.length < 2) return [];
  const [first, ...others] = related;
  return first!.contexts.filter((context) => others.every((link) => link.contexts.includes(context)));
}
