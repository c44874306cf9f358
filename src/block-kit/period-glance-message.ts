import type { ActivitySteps, PeriodGlance, StoryAtGlance } from '../model/period-glance.ts';
import type { IsoDate } from '../model/record.ts';
import type { KnownBlock, SlackMessage } from './message.ts';
import { ACTION, button } from './buttons.ts';
import type { Cursor } from './cursor.ts';
import { formatShortDate } from './format-date.ts';
import { LIMITS } from './limits.ts';
import { cleanText, cutText, escapeMrkdwn, safeText } from './mrkdwn.ts';
import { resultCard } from './result-card.ts';
import { sparkline } from './sparkline.ts';
import { displayText } from './display-headline.ts';
import { headingBlock, type Heading } from './results-message.ts';

const STORY_LABEL_CHARS = 90;
const MAX_PARTS_SHOWN = 3;

export interface GlanceInput {
  glance: PeriodGlance;
  /** How the period was read ("2013", "Aug 2013"). */
  label: string;
  /** The glance itself, for Share; its query opens the Timeline and each story. */
  cursor: Cursor;
  /** Timeline, story and Share buttons; off on a message shared in the channel. */
  buttons: boolean;
  share?: boolean;
  heading?: Heading;
}

/**
 * A bare date's answer: the period's activity line, its biggest stories (each with its count, date
 * span, activity and a button to its own timeline), then its most significant single events, and a
 * Timeline button for the period's events in date order.
 */
export function periodGlanceMessage({ glance, label, cursor, buttons, share = true, heading }: GlanceInput): SlackMessage {
  const period = safeText(cutText(label, 200));
  const blocks: KnownBlock[] = [];
  if (heading !== undefined) blocks.push(headingBlock(heading));
  blocks.push(
    section(
      'kaesong_summary',
      `*${period} at a glance* · ${count(glance.total, 'event')} · ${count(glance.storyCount, 'story', 'stories')}\n` +
        `${sparkline(glance.activity)}  ${stepsLabel(glance.steps)}`,
    ),
  );
  blocks.push(section('kaesong_stories', '*Biggest stories*, by events and sources'));
  glance.stories.forEach((story, i) => {
    const block = section(`kaesong_story_${i + 1}`, storyText(story));
    if (buttons) block.accessory = button('Story timeline', ACTION.story, { ...cursor, mode: 'timeline', offset: 0, story: story.root });
    blocks.push(block);
  });
  if (glance.highlights.length > 0) {
    blocks.push({ type: 'divider' }, section('kaesong_highlights', '*Most significant events*'));
    glance.highlights.forEach((record, i) => {
      const card = [
        ...(i > 0 ? [{ type: 'divider' } as KnownBlock] : []),
        ...resultCard({ record, score: 0, matchedTerms: [], related: [] }),
      ];
      if (blocks.length + card.length + 1 <= LIMITS.blocks) blocks.push(...card);
    });
  }
  if (buttons) {
    const elements = share ? [button('Share in channel', ACTION.share, { ...cursor, mode: 'glance', offset: 0 }, 'primary')] : [];
    elements.push(button('Timeline', ACTION.timeline, { query: cursor.query, offset: 0, mode: 'timeline', now: cursor.now }));
    blocks.push({ type: 'actions', block_id: 'kaesong_page', elements });
  }
  return { text: fallbackText(glance, label, heading), blocks };
}

/** "◀ 2013 at a glance", added to a story's or the period's timeline. */
export function backToGlanceButton(cursor: Cursor, label: string) {
  const glanceCursor: Cursor = { query: cursor.query, offset: 0, mode: 'glance', now: cursor.now };
  return button(`◀ ${cutText(label, 40)} at a glance`, ACTION.glance, glanceCursor);
}

function storyText(story: StoryAtGlance): string {
  const name = safeText(cutText(cleanText(story.label), STORY_LABEL_CHARS));
  const facts = [count(story.events, 'event'), count(story.sources, 'source'), span(story.first, story.last)];
  const parts = partsLine(story);
  return `*${name}*\n${sparkline(story.activity)}  ${facts.join(' · ')}${parts === null ? '' : `\n${parts}`}`;
}

/** "_incl. in Asia, in Europe and 12 more_": the parts named after the story; a bare note is the same story. */
function partsLine(story: StoryAtGlance): string | null {
  const prefix = `${story.label.toLowerCase()} `;
  const names = new Map<string, string>();
  for (const part of story.parts) {
    const rest = cleanText(part.slice(prefix.length)).split(', ')[0]!; // "… in Lebanon, Iranian embassy bombing" names two
    // "… and Russia–US relations" joins another story
    const aPart = part.toLowerCase().startsWith(prefix) && rest !== '' && !/^(?:\(|and |or |& )/i.test(rest);
    if (aPart && !names.has(rest.toLowerCase())) names.set(rest.toLowerCase(), rest);
  }
  if (names.size === 0) return null;
  const shown = [...names.values()].slice(0, MAX_PARTS_SHOWN).map((rest) => safeText(cutText(rest, 40)));
  const more = names.size - shown.length;
  return `_incl. ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}_`;
}

function stepsLabel(steps: ActivitySteps): string {
  const first = steps.keys[0]!;
  const last = steps.keys[steps.keys.length - 1]!;
  if (steps.unit === 'year') return `by year, ${first === last ? first : `${first}–${last}`}`;
  if (steps.unit === 'month') {
    if (first === last) return `by month, ${monthName(first)}`;
    const sameYear = first.slice(0, 4) === last.slice(0, 4);
    return `by month, ${sameYear ? monthName(first).replace(/ \d{4}$/, '') : monthName(first)}–${monthName(last)}`;
  }
  return `by day, ${span(first, last)}`;
}

/** `7 Aug 2013`, `2–31 Aug 2013`, `3 Jan – 30 Dec 2013`, `28 Dec 2012 – 4 Jan 2013`. */
function span(first: IsoDate, last: IsoDate): string {
  const end = formatShortDate(last) ?? last;
  if (first === last) return end;
  const start = formatShortDate(first) ?? first;
  if (first.slice(0, 7) === last.slice(0, 7)) return `${start.replace(/ .*$/, '')}–${end}`;
  return first.slice(0, 4) === last.slice(0, 4) ? `${start.replace(/ \d{4}$/, '')} – ${end}` : `${start} – ${end}`;
}

function monthName(key: string): string {
  return (formatShortDate(`${key}-01`) ?? key).replace(/^1 /, '');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function section(blockId: string, text: string): KnownBlock & { accessory?: unknown } {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: cutText(text, LIMITS.sectionText) } };
}

/** What notifications and screen readers get: the stories and events in plain lines. */
function fallbackText(glance: PeriodGlance, label: string, heading: Heading | undefined): string {
  const plain = (text: string, max: number) => escapeMrkdwn(cutText(cleanText(text), max));
  const lines = [
    ...(heading === undefined ? [] : [heading.plain]),
    `${plain(label, 200)} at a glance: ${count(glance.total, 'event')}`,
    'Biggest stories:',
    ...glance.stories.map(
      (story, i) =>
        `${i + 1}. ${plain(story.label, STORY_LABEL_CHARS)} (${count(story.events, 'event')}, ${span(story.first, story.last)})`,
    ),
    ...(glance.highlights.length === 0 ? [] : ['Most significant events:']),
    ...glance.highlights.map(
      (record) => `${formatShortDate(record.date) ?? ''}: ${plain(displayText(record.title, record.summary).headline, 200)}`,
    ),
  ];
  return cutText(lines.join('\n'), LIMITS.fallbackText);
}
