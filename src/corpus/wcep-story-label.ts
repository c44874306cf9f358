import { isStoryLabelLine, mentionsStory, storyOf } from './wcep-line.ts';

/** One WCEP line split into its headline and the outlets it cites. */
export interface WcepLine {
  headline: string;
  outlets: string[];
}

/**
 * The story name a WCEP line gives, or null when the line reports an event. WCEP nests events
 * under story names ("Aleppo offensive (November–December 2016)", "2014 US Open (tennis)"), and the
 * YAML flattens them into the event list:
 * - a line that cites no outlet and reads as a name is a story name for the lines after it;
 * - so is a name with one parenthesised note that is not an outlet ("COVID-19 pandemic in New York
 *   (state)"), told from an event citing one outlet by reading as a name and by its note naming a
 *   kind of thing ("(American football)") or the next line being about it;
 * - so is a name with a stray full stop, when it is short;
 * - a name that ends its section has no events under it here: it is a story name all the same,
 *   and the note goes with it.
 */
export function storyLabelOf(line: WcepLine, next: WcepLine | null): string | null {
  const { headline, outlets } = line;
  if (!isStoryLabelLine(headline, [])) return strayFullStop(line, next);
  if (outlets.length === 0) return next !== null || readsAsName(headline) ? headline : null;
  if (outlets.length > 1 || !readsAsName(headline)) return null;
  const note = outlets[0]!;
  // With nothing after it to check against, only a short name takes a note rather than cites an outlet.
  if (next === null && headline.split(' ').length > MAX_WORDS_OF_LAST_NAME) return null;
  return next === null || isDisambiguator(note) || mentionsStory(next.headline, storyOf([headline, note])) ? `${headline} (${note})` : null;
}

const MAX_WORDS_OF_LAST_NAME = 6;

/** "Philippine presidential election, 2016." over its events: a name with a stray full stop. */
function strayFullStop({ headline, outlets }: WcepLine, next: WcepLine | null): string | null {
  if (outlets.length > 0 || next === null || !headline.endsWith('.')) return null;
  const name = headline.slice(0, -1);
  const short = name.split(' ').length <= MAX_WORDS_OF_LAST_NAME;
  return short && isStoryLabelLine(name, []) && readsAsName(name) ? name : null;
}

/** Verbs that end in no "-s" or "-ed": an event line's tell, also in title case ("Klitschko Won …") but for "Open". */
const VERBS = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'may',
  'says',
  'said',
  'kill',
  'win',
  'won',
  'lost',
  'set',
  'hit',
  'vote',
  'agree',
  'begin',
  'meet',
  'die',
  'resume',
  'attend',
  'strike',
  'buy',
  'hold',
  'call',
  'defeat',
  'closes',
  'opens',
  'continue',
  'take',
  'make',
  'open',
]);

/** Plural nouns common in story names, which the "-s means a verb" rule below would misread. */
const PLURAL_NOUNS = new Set([
  'elections',
  'protests',
  'relations',
  'clashes',
  'strikes',
  'attacks',
  'rights',
  'games',
  'playoffs',
  'talks',
  'negotiations',
  'sanctions',
  'riots',
  'floods',
  'wildfires',
  'shootings',
  'bombings',
  'killings',
  'hearings',
  'referendums',
  'investigations',
  'papers',
  'affairs',
  'olympics',
  'awards',
  'championships',
  'series',
  'news',
  'politics',
  'economics',
  'forces',
  'states',
  'islands',
  'nations',
  'operations',
  'leaks',
  'disputes',
  'tensions',
  'crimes',
  'trials',
  'earthquakes',
  'storms',
  'tornadoes',
  'outbreaks',
  'unrest',
  'primaries',
  'caucuses',
  'negotiations',
  'summits',
  'hostilities',
  'demonstrations',
]);

/**
 * A story name is a noun phrase ("Greek debt crisis", "Gaza–Israel clashes"); an event line has a
 * verb ("Nintendo Wii is released", "Typhoon Matsa hits Taiwan"). Read from its lower-case words,
 * as capitalised ones are names.
 */
function readsAsName(headline: string): boolean {
  if (headline.endsWith(',')) return false; // what is left of an outlet list, after a sentence
  return !headline.split(/[\s,;:]+/).some((word, index) => {
    if (index > 0 && word !== 'Open' && VERBS.has(word.toLowerCase())) return true;
    if (!/^[a-z]/.test(word)) return false;
    if (PLURAL_NOUNS.has(word) || word.length < 4) return false;
    return /(?<![isu])s$|ed$/.test(word);
  });
}

const FUNCTION_WORDS = new Set([
  'of',
  'the',
  'and',
  'via',
  'for',
  'in',
  'on',
  'at',
  'a',
  'an',
  'de',
  'la',
  'le',
  'el',
  'al',
  'da',
  'do',
  'del',
  'der',
  'des',
  'du',
  'von',
  'van',
  'y',
  'e',
  'und',
]);

/**
 * Wikipedia's note telling a name from others, never an outlet after a name: a kind of thing in
 * lower case ("state", "golf", "U.S. state", "American football", "Japanese company").
 */
function isDisambiguator(note: string): boolean {
  if (/^[a-z][^.]*$/.test(note)) return true;
  const words = note.split(' ');
  return words.length > 1 && words.slice(1).some((word) => /^[a-z]/.test(word) && !FUNCTION_WORDS.has(word));
}
