const SENTENCE_END = /[.!?"'”’:;]$/;
/** "COVID-19 pandemic in Washington, D.C." ends a name, not a sentence. */
const ABBREVIATION_END = /(?:\b\p{Lu}\.){2,}$|\b(?:Inc|Jr|Sr|Ltd|Co|St)\.$/u;
const MAX_STORY_LABEL_WORDS = 12;

/**
 * Splits `Headline text. (BBC) (Sky News)` into the headline and its outlets. A trailing group that
 * is not an outlet name (`(2012–present)`, `(post-U.S. withdrawal)`, `(See …)`) stays in the headline.
 */
export function splitOutlets(line: string): { headline: string; outlets: string[] } {
  // Most lines have only single spaces already; the replace is for the rest.
  let headline = (/[^\S ]| {2}/.test(line) ? line.replace(/\s+/g, ' ') : line).trim();
  const outlets: string[] = [];
  while (headline.endsWith(')')) {
    const open = headline.lastIndexOf('(');
    const name = headline.slice(open + 1, -1);
    if (open < 0 || name.includes(')') || !looksLikeOutlet(name.trim())) break;
    outlets.unshift(name.trim());
    headline = headline.slice(0, open).trimEnd();
  }
  return { headline, outlets };
}

function looksLikeOutlet(name: string): boolean {
  if (name === '' || name.length > 80 || name.split(' ').length > 10) return false;
  if (isPeriodNote(name) || /present\b/i.test(name)) return false;
  if (/^(see\b|note\b|→|n:|e\.g\.|i\.e\.|including\b|equivalent\b)/i.test(name)) return false;
  return !(/^[a-z]/.test(name) && name.includes(' '));
}

const MONTH =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|' +
  '(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?)';
const PERIOD_PART = `(?:(?:early|mid|late)[- ])?(?:${MONTH} )?(?:\\d{1,2},? )?(?:\\d{4}|present)`;
const PERIOD_NOTE = new RegExp(`^(?:${PERIOD_PART}|${MONTH})(?: ?[–—-] ?(?:${PERIOD_PART}|${MONTH}))*$`, 'i');

/**
 * `(November–December 2016)`, `(2011–present)`, `(March 2016)`: the note WCEP adds to a story
 * name to say which of several it is. It dates the story and is never an outlet.
 */
export function isPeriodNote(text: string): boolean {
  return /^[\d\s\-–—/.,]+$/.test(text) || PERIOD_NOTE.test(text.trim());
}

/**
 * Newer WCEP days nest events under story names ("North Korea–South Korea relations"), flattened
 * into the same list. Such a line cites no outlet, reads as a name rather than a sentence, and is
 * followed by the events it groups.
 */
export function isStoryLabelLine(headline: string, outlets: string[]): boolean {
  return (
    outlets.length === 0 &&
    headline !== '' &&
    (!SENTENCE_END.test(headline) || ABBREVIATION_END.test(headline)) &&
    headline.split(' ').length <= MAX_STORY_LABEL_WORDS
  );
}

/** "Trial of X, 2019–2020 Catalan protests" names two stories; "Irish general election, 2011" one. */
export function splitStoryLabels(line: string): string[] {
  const labels: string[] = [];
  // A comma inside a note ("(SPD, CDU/CSU)") does not separate two stories.
  for (const part of line.split(/, (?![^()]*\))/)) {
    const label = part.trim();
    if (label === '') continue;
    if (labels.length > 0 && label.split(' ').length < 2) labels[labels.length - 1] += `, ${label}`;
    else labels.push(label);
  }
  return labels;
}

const GENERIC_STORY_WORDS = new Set([
  'civil',
  'crisis',
  'general',
  'election',
  'elections',
  'season',
  'relations',
  'protests',
  'conflict',
  'attacks',
  'outbreak',
  'pandemic',
  'after',
  'against',
  'between',
  'during',
  'affair',
  'state',
  'states',
  'united',
  'national',
  'international',
  'world',
]);

/**
 * The flattened list does not say where a story's nested events end. The first line under a story
 * name belongs to it; a later line belongs only while it names the story too ("North Korean …"
 * under "North Korea"), so "Obama signs a bill" after the North Korea events is not about North Korea.
 */
export function mentionsStory(headline: string, story: Story): boolean {
  if (story.words.size === 0) return false;
  return headline
    .toLowerCase()
    .split(WORD_SEPARATORS)
    .some((word) => word.length >= 4 && story.words.has(word.slice(0, 5)));
}

/** The story labels lines sit under, and the words naming them, worked out once per label line. */
export interface Story {
  labels: readonly string[];
  words: ReadonlySet<string>;
}

export const NO_STORY: Story = { labels: [], words: new Set() };

export function storyOf(labels: readonly string[]): Story {
  return { labels, words: storyWordsOf(labels) };
}

/** The first five letters of each word of the labels that names something: four letters or more, not generic, not a number. */
function storyWordsOf(labels: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const label of labels) {
    // The note ("(November 2016)", "(state)") tells stories apart; it does not name them.
    for (const word of label
      .replace(/\([^()]*\)/g, ' ')
      .toLowerCase()
      .split(WORD_SEPARATORS)) {
      if (word.length >= 4 && !GENERIC_STORY_WORDS.has(word) && !/^\d+$/.test(word)) words.add(word.slice(0, 5));
    }
  }
  return words;
}

const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
