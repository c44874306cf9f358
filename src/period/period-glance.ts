import type { CorpusRecord, IsoDate } from '../model/record.ts';
import type { ActivitySteps, PeriodGlance, StoryAtGlance } from '../model/period-glance.ts';
import { activitySteps, stepKey } from './activity.ts';
import { isInFamily, storyFamilies, type StoryFamilies } from './story-families.ts';

export interface PeriodGlanceOptions {
  stories?: number;
  highlights?: number;
  /** The period's own bounds, when it has them (an end no later than today); otherwise its first and last events'. */
  from?: IsoDate | null;
  to?: IsoDate | null;
}

const DEFAULTS = { stories: 6, highlights: 5 };
const MIN_STORY_EVENTS = 2;

/**
 * Summarises a period's events (dated, any order): its stories with the most events and sources (a
 * story's parts counted in it), and its most significant single events, spread over its stories
 * and its time so that one war does not fill the list. Articles, stubs and undated records are
 * left out. Pure.
 */
export function periodGlance(records: readonly CorpusRecord[], options: PeriodGlanceOptions = {}): PeriodGlance {
  const limits = { stories: options.stories ?? DEFAULTS.stories, highlights: options.highlights ?? DEFAULTS.highlights };
  const events = records.filter(
    (record): record is CorpusRecord & { date: IsoDate } => record.kind === 'event' && !record.stub && record.date !== null,
  );
  const dates = events.map((event) => event.date).sort();
  const first = options.from ?? dates[0] ?? '1970-01-01';
  const to = options.to ?? dates[dates.length - 1] ?? first;
  // biome-ignore lint/complexity/useMathMinMax: ISO days compare as strings; Math.max would turn them into NaN
  const last = to < first ? first : to;
  const steps = activitySteps(first, last);
  const stepIndex = new Map(steps.keys.map((key, i) => [key, i]));
  const activity = steps.keys.map(() => 0);

  const families = storyFamilies(events.flatMap((event) => storyLabels(event).map((label) => label.toLowerCase())));
  const byRoot = new Map<string, Tally>();
  for (const event of events) {
    const step = stepIndex.get(stepKey(event.date, steps.unit));
    if (step !== undefined) activity[step]! += 1;
    const counted = new Set<string>();
    for (const label of storyLabels(event)) {
      const key = label.toLowerCase();
      const root = families.rootOf(key);
      let story = byRoot.get(root);
      if (story === undefined) {
        story = { root, events: 0, sources: 0, first: event.date, last: event.date, activity: steps.keys.map(() => 0), members: new Map() };
        byRoot.set(root, story);
      }
      const member = story.members.get(key) ?? { events: 0, spellings: new Map<string, number>() };
      member.events += 1;
      member.spellings.set(label, (member.spellings.get(label) ?? 0) + 1);
      story.members.set(key, member);
      if (counted.has(root)) continue;
      counted.add(root);
      story.events += 1;
      story.sources += event.sources.length;
      if (event.date < story.first) story.first = event.date;
      if (event.date > story.last) story.last = event.date;
      if (step !== undefined) story.activity[step]! += 1;
    }
  }
  const ranked = [...byRoot.values()]
    .filter((story) => story.events >= MIN_STORY_EVENTS)
    .map(toStory)
    .sort(byWeight);
  return {
    total: events.length,
    storyCount: ranked.length,
    steps,
    activity,
    stories: ranked.slice(0, limits.stories),
    highlights: highlights(
      events,
      new Map(ranked.map((story) => [story.root.toLowerCase(), story.events])),
      families,
      steps,
      limits.highlights,
    ),
  };
}

/** A story family being counted: its members are its labels (lower case), each with its spellings. */
interface Tally extends Omit<StoryAtGlance, 'label' | 'root' | 'parts'> {
  root: string;
  members: Map<string, { events: number; spellings: Map<string, number> }>;
}

/** Named by its most used label; its parts are its other labels, most used first. */
function toStory({ root, members, ...counts }: Tally): StoryAtGlance {
  const labels = [...members.values()]
    .map((member) => ({ label: mostUsed(member.spellings)!, events: member.events }))
    .sort((a, b) => b.events - a.events || a.label.length - b.label.length || a.label.localeCompare(b.label));
  const rootLabel = mostUsed(members.get(root)?.spellings ?? new Map()) ?? labels[0]!.label;
  return { ...counts, label: labels[0]!.label, root: rootLabel, parts: labels.slice(1).map((member) => member.label) };
}

/** "Syrian civil war" 200 times and "Syrian Civil War" 50: the spelling the period uses most (the first of equals). */
function mostUsed(spellings: ReadonlyMap<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of spellings) if (best === undefined || entry[1] > best[1]) best = entry;
  return best?.[0];
}

/** The events filed under `label` (any case) or one of its parts (`label in …`), oldest first. */
export function storyEvents(records: readonly CorpusRecord[], label: string): CorpusRecord[] {
  const root = label.toLowerCase();
  return records
    .filter(
      (record) => record.kind === 'event' && !record.stub && record.contexts.some((context) => isInFamily(context.toLowerCase(), root)),
    )
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
}

/**
 * The contexts that name a story ("Syrian civil war", "2013 Korean crisis"), not a bare tag: the
 * richer WCEP days also tag events with lower-case topics ("oil", "sanctions").
 */
function storyLabels(record: CorpusRecord): string[] {
  return record.contexts.filter((context) => /[\p{Lu}\p{N}]/u.test(context));
}

/** Events count most, then the sources reporting them; then the label, for a stable order. */
function byWeight(a: StoryAtGlance, b: StoryAtGlance): number {
  return weight(b) - weight(a) || b.events - a.events || a.label.localeCompare(b.label);
}

function weight(story: StoryAtGlance): number {
  return story.events + story.sources / 2;
}

/**
 * An event weighs by the sources reporting it, its links to other events, and the size of its
 * story in the period. The heaviest come first, at most one per story (a note such as "(2012–present)"
 * aside) and one per step of the activity line while there are steps enough, so the list spans
 * the period rather than its busiest week.
 */
function highlights(
  events: ReadonlyArray<CorpusRecord & { date: IsoDate }>,
  storySizes: ReadonlyMap<string, number>,
  families: StoryFamilies,
  steps: ActivitySteps,
  limit: number,
): CorpusRecord[] {
  const scored = events.map((event) => {
    const roots = storyLabels(event).map((label) => families.rootOf(label.toLowerCase()));
    const story = roots.reduce((size, root) => Math.max(size, storySizes.get(root) ?? 0), 0);
    const score = 3 * Math.log2(1 + event.sources.length) + Math.min(event.related.length, 5) + Math.log2(1 + story);
    return { event, stories: roots.map(withoutNote), step: stepKey(event.date, steps.unit), score };
  });
  scored.sort((a, b) => b.score - a.score || b.event.date.localeCompare(a.event.date) || a.event.id.localeCompare(b.event.id));
  const onePerStep = steps.keys.length >= limit;
  const picked: CorpusRecord[] = [];
  const storiesPicked = new Set<string>();
  const stepsPicked = new Set<string>();
  for (const { event, stories, step } of scored) {
    if (picked.length >= limit) break;
    if (stories.some((story) => storiesPicked.has(story)) || (onePerStep && stepsPicked.has(step))) continue;
    picked.push(event);
    stories.forEach((story) => storiesPicked.add(story));
    stepsPicked.add(step);
  }
  return picked.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

function withoutNote(label: string): string {
  return label.replace(/\s*\([^()]*\)/g, '').trim();
}
