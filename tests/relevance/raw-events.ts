import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** One event line of the raw WCEP archive, read independently of the bot's parser. */
export interface RawEvent {
  date: string;
  /** The line as written (outlets included); for the 2026 schema, the headline then the summary. */
  text: string;
  /**
   * The story it is filed under: its section's heading and the label lines above it, back to the
   * label run before the previous event (WCEP nests events under story labels, flattened here).
   */
  context: string;
  /** What a bot record's headline is compared with: `text` reduced to letters and digits. */
  key: string;
  /** `text` and `context` with accents folded, what criteria are matched against. */
  foldedText: string;
  foldedContext: string;
}

/**
 * Every event of the raw WCEP YAML under `dir`. A list item is an event when, once its trailing
 * parenthesised groups are set aside, it ends a sentence (. ! ? or a closing quote), or one of those
 * groups names an outlet (has a letter and is not a "(2012–present)" note), or it runs to more than
 * twelve words. Anything else ("2013 Korean crisis", "Syrian civil war (2011–present)") is a story
 * label: context for the events below it, never an event itself.
 */
export function readRawEvents(dir: string): RawEvent[] {
  const events: RawEvent[] = [];
  for (const file of yamlFiles(dir)) {
    const doc = readYaml(file);
    if (doc === null) continue;
    if (typeof doc.Date === 'string' && isRecord(doc.Intelligence_Payload)) {
      for (const [heading, items] of Object.entries(doc.Intelligence_Payload)) {
        if (!Array.isArray(items)) continue;
        let labels: string[] = [];
        let afterEvent = false;
        for (const item of items) {
          if (typeof item !== 'string') continue;
          if (isEventLine(item)) {
            events.push(rawEvent(doc.Date, item, [heading, ...labels].join('\n')));
            afterEvent = true;
          } else {
            labels = afterEvent ? [item] : [...labels, item];
            afterEvent = false;
          }
        }
      }
    } else if (typeof doc.date === 'string' && Array.isArray(doc.events)) {
      for (const event of doc.events) {
        if (!isRecord(event) || typeof event.headline !== 'string') continue;
        const summary = typeof event.summary === 'string' ? event.summary : '';
        const topics = Array.isArray(event.topics) ? event.topics.filter((topic): topic is string => typeof topic === 'string') : [];
        const text = `${event.headline}\n${summary}`;
        const context = topics.join('\n');
        events.push({
          date: doc.date,
          text,
          context,
          key: keyOf(event.headline),
          foldedText: foldAccents(text),
          foldedContext: foldAccents(context),
        });
      }
    }
  }
  return events;
}

export function isEventLine(line: string): boolean {
  let rest = line.replace(/\s+/g, ' ').trim();
  let sourced = false;
  while (rest.endsWith(')')) {
    const open = rest.lastIndexOf('(');
    if (open < 0) break;
    const group = rest.slice(open + 1, -1);
    if (/\p{L}/u.test(group) && !/present/i.test(group)) sourced = true;
    rest = rest.slice(0, open).trimEnd();
  }
  return /[.!?"'”’]$/.test(rest) || sourced || rest.split(' ').length > 12;
}

/** "Jiří" → "Jiri"; case is kept. */
export function foldAccents(text: string): string {
  return /[^\x00-\x7f]/.test(text)
    ? text
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .normalize('NFC')
    : text;
}

/** Letters and digits only, lower-cased, accents folded: how a headline and a raw line are compared. */
export function keyOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function rawEvent(date: string, line: string, context: string): RawEvent {
  const text = line.replace(/\s+/g, ' ').trim();
  return { date, text, context, key: keyOf(text), foldedText: foldAccents(text), foldedContext: foldAccents(context) };
}

function yamlFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry.name)) files.push(path);
  }
  return files.sort();
}

/** A file that is not valid YAML has no events (the bot reports it as a problem and loads nothing from it either). */
function readYaml(file: string): Record<string, unknown> | null {
  try {
    const doc = yaml.load(readFileSync(file, 'utf8'), { schema: yaml.CORE_SCHEMA });
    return isRecord(doc) ? doc : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
