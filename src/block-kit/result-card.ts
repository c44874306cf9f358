import type { SearchHit } from '../model/search.ts';
import { primaryUrl } from '../model/record.ts';
import type { KnownBlock } from './message.ts';
import { formatEventDate, formatShortDate } from './format-date.ts';
import { boldTerms, cleanText, cutText, excerptAround, link, safeText, safeUrl } from './mrkdwn.ts';
import { LIMITS } from './limits.ts';
import { displayText } from './display-headline.ts';
import { deskMenu } from './desk-modal.ts';
import { DESK_ORIGIN } from '../model/timeline-writer.ts';

const HEADLINE_CHARS = 250;
const SUMMARY_CHARS = 700;
const EXCERPT_CHARS = 320;
const RELATED_TITLE_CHARS = 90;
const RELATED_REASON_CHARS = 70;
const MAX_RELATED = 3;
const MAX_SOURCES = 5;
const MAX_TAGS = 6;

/**
 * One search result as blocks: a section (date, linked headline, summary with matched terms in bold,
 * cover image), a context line of sources and tags, and one of related events, each with why, when
 * there are any; a desk event's card ends with its ⋯ menu.
 */
export function resultCard(hit: SearchHit): KnownBlock[] {
  const { record } = hit;
  const blocks: KnownBlock[] = [];
  const section: KnownBlock = { type: 'section', text: { type: 'mrkdwn', text: cardText(hit) } };
  const image = safeUrl(record.image);
  if (image !== null && record.image !== null && record.image.length <= LIMITS.imageUrl) {
    section.accessory = { type: 'image', image_url: record.image, alt_text: cutText(cleanText(record.title) || 'Cover image', 200) };
  }
  blocks.push(section);
  const context = contextLine(hit);
  if (context.length > 0) blocks.push({ type: 'context', elements: context.map((text) => ({ type: 'mrkdwn', text })) });
  const related = relatedLine(hit);
  if (related !== null) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: related }] });
  // Added from Slack: Edit and Remove, offered to anyone and checked against the presser on the server.
  if (record.origin.file === DESK_ORIGIN) blocks.push(deskMenu(record.id));
  return blocks;
}

function cardText(hit: SearchHit): string {
  for (let scale = 1; ; scale /= 2) {
    const text = cardTextWithin(hit, scale);
    if (text.length <= LIMITS.sectionText || scale < 0.01)
      return text.length <= LIMITS.sectionText ? text : cutText(text, LIMITS.sectionText);
  }
}

function cardTextWithin(hit: SearchHit, scale: number): string {
  const { record, matchedTerms } = hit;
  const date = formatEventDate(record.date);
  const kind = record.kind === 'article' ? 'Background' : null;
  const shown = displayText(record.title, record.summary);
  const headline = safeText(cutText(shown.headline || '(untitled)', Math.floor(HEADLINE_CHARS * scale)));
  const title = `*${link(primaryUrl(record), headline)}*`;
  const meta = [kind, date].filter((part): part is string => part !== null).join(' · ');
  const bodyText =
    record.kind === 'article' && record.body.trim() !== ''
      ? excerptAround(record.body, matchedTerms, Math.floor(EXCERPT_CHARS * scale))
      : cutText(shown.summary, Math.floor(SUMMARY_CHARS * scale));
  const body = boldTerms(bodyText, matchedTerms);
  return [meta === '' ? null : `_${meta}_`, title, body === '' ? null : body].filter((line) => line !== null).join('\n');
}

function contextLine(hit: SearchHit): string[] {
  const { record } = hit;
  const elements: string[] = [];
  const sources = record.sources.slice(0, MAX_SOURCES).map((source) => link(source.url, safeText(cutText(cleanText(source.name), 60))));
  if (sources.length > 0) elements.push(`Sources: ${sources.join(' · ')}`);
  const tags = [...record.contexts, ...(record.category === null ? [] : [record.category])]
    .slice(0, MAX_TAGS)
    .map((tag) => safeText(cutText(cleanText(tag), 60)));
  if (tags.length > 0) elements.push(`Context: ${tags.join(' · ')}`);
  return elements;
}

function relatedLine(hit: SearchHit): string | null {
  const related = hit.related.slice(0, MAX_RELATED);
  if (related.length === 0) return null;
  const items = related.map((event) => {
    const date = formatShortDate(event.date);
    const title = safeText(cutText(cleanText(event.title), RELATED_TITLE_CHARS));
    // Why it is related, so a reporter can judge at a glance: "(same story: 2013 Korean crisis)".
    const item = `${title} (${safeText(cutText(cleanText(event.reason), RELATED_REASON_CHARS))})`;
    return date === null ? item : `${date}: ${item}`;
  });
  return `Related: ${items.join('  ·  ')}`;
}
