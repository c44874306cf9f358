import type { CorpusRecord, IsoDate, RelatedLink, SourceLink } from '../model/record.ts';
import { parseIsoDate } from '../corpus/iso-date.ts';
import { eventId } from '../corpus/slug.ts';
import { outletName } from './outlet-name.ts';
import { DESK_ORIGIN } from '../model/timeline-writer.ts';

/** The modal's fields as typed. */
export interface DeskForm {
  headline: string;
  /** `YYYY-MM-DD`, or empty. */
  date: string;
  summary: string;
  /** One source a line: `Outlet https://…` or just the link. */
  sources: string;
  /** Comma-separated. */
  contexts: string;
  /** Ids of the related events ticked. */
  related: string[];
  image: string;
}

type DeskField = 'headline' | 'date' | 'summary' | 'sources' | 'contexts' | 'image';

/** A form that passed validation. */
export interface DeskDraft {
  headline: string;
  date: IsoDate;
  summary: string;
  sources: SourceLink[];
  contexts: string[];
  related: string[];
  image: string | null;
}

export type DeskValidation = { ok: true; draft: DeskDraft } | { ok: false; errors: Partial<Record<DeskField, string>> };

const MAX_HEADLINE = 300;
const MAX_SUMMARY = 3000;
const EARLIEST_YEAR = 1800;

/** Checks what the user typed, as the modal's `errors` answer needs it: one message per field. */
export function validateDeskForm(form: DeskForm, now: Date): DeskValidation {
  const errors: Partial<Record<DeskField, string>> = {};
  const headline = form.headline.replace(/\s+/g, ' ').trim();
  if (headline === '') errors.headline = 'A headline is required.';
  else if (headline.length > MAX_HEADLINE) errors.headline = `At most ${MAX_HEADLINE} characters, please (this is ${headline.length}).`;
  const date = checkDate(form.date.trim(), now);
  if (typeof date !== 'string' || date.startsWith('!')) errors.date = date.slice(1);
  const summary = paragraphs(form.summary);
  if (summary.length > MAX_SUMMARY) errors.summary = `At most ${MAX_SUMMARY} characters, please.`;
  const sources = parseSources(form.sources);
  if (typeof sources === 'string') errors.sources = sources;
  const image = form.image.trim();
  if (image !== '' && !isHttpUrl(image)) errors.image = 'The cover image must be an http(s) link, e.g. https://example.org/photo.jpg.';
  if (Object.keys(errors).length > 0 || typeof sources === 'string') return { ok: false, errors };
  const contexts = [...new Set(form.contexts.split(',').map((tag) => tag.replace(/\s+/g, ' ').replace(/_+$/, '').trim()))].filter(
    (tag) => tag !== '',
  );
  return {
    ok: true,
    draft: {
      headline,
      date,
      summary,
      sources,
      contexts,
      related: [...new Set(form.related)],
      image: image === '' ? null : safeParens(image),
    },
  };
}

/** The date, or `!` and why not. */
function checkDate(text: string, now: Date): string {
  if (text === '') return '!A date is required.';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseIsoDate(text) : null;
  if (date === null) return `!“${text}” is not a calendar date; pick one, e.g. 2013-08-07.`;
  const today = now.toISOString().slice(0, 10);
  const latest = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (Number(date.slice(0, 4)) < EARLIEST_YEAR || date > latest) return `!The date must be between ${EARLIEST_YEAR} and a year from today.`;
  return date;
}

/** Sources, or why a line is not one. */
function parseSources(text: string): SourceLink[] | string {
  const sources: SourceLink[] = [];
  const lines = text.split('\n').map((line) => line.trim());
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const words = line.split(/\s+/);
    const url = words.at(-1)!;
    if (!isHttpUrl(url)) return `Line ${i + 1}: each source needs an http(s) link at the end, e.g. “Reuters https://www.reuters.com/…”.`;
    const name = words.slice(0, -1).join(' ');
    sources.push({ name: name === '' ? outletName(url) : name, url: safeParens(url) });
  }
  return sources;
}

/** Paragraphs separated by one blank line, each on one line: how event pages keep a summary. */
function paragraphs(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join(' '),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** `(` and `)` percent-encoded (the same address), so a link survives the `[name](url)` of an event page. */
function safeParens(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s<>]+$/i.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

/** Sources as the form shows them, one a line. */
function sourcesText(sources: readonly SourceLink[]): string {
  return sources
    .filter((source) => source.url !== null)
    .map((source) => `${source.name} ${source.url}`)
    .join('\n');
}

/** The form an existing event is edited in. */
export function formFromRecord(record: CorpusRecord): DeskForm {
  return {
    headline: record.title,
    date: record.date ?? '',
    summary: record.summary,
    sources: sourcesText(record.sources),
    contexts: record.contexts.join(', '),
    related: record.related.map((link) => link.id),
    image: record.image ?? '',
  };
}

/** The corpus record of a draft; `relatedLink` describes a ticked event (null: left out). */
export function recordFromDraft(draft: DeskDraft, relatedLink: (id: string) => RelatedLink | null): CorpusRecord {
  return {
    id: eventId(draft.date, draft.headline),
    kind: 'event',
    date: draft.date,
    title: draft.headline,
    summary: draft.summary,
    body: '',
    image: draft.image,
    sources: draft.sources,
    contexts: draft.contexts,
    category: null,
    related: draft.related.map(relatedLink).filter((link): link is RelatedLink => link !== null),
    stub: false,
    origin: { file: DESK_ORIGIN, line: 0, format: 'event-page' },
  };
}
