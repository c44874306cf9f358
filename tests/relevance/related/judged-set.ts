import { readFileSync } from 'node:fs';
import type { RelatedEvent } from '../../../src/model/search.ts';

/** How a reporter judged one (event, related event) pair; see README.md for the criteria. */
type Judgement = 'relevant' | 'loose' | 'noise';

export interface JudgedSet {
  /** The sampled events, in the order of events.jsonl. */
  events: { id: string; title: string }[];
  /** `${event} ${related}` → its judgement. */
  judgements: Map<string, Judgement>;
}

export interface RelatedQuality {
  events: number;
  /** Events that show at least one related item. */
  covered: number;
  shown: number;
  relevant: number;
  loose: number;
  noise: number;
  /** Shown pairs nobody has judged yet: counted as not relevant, listed to be judged. */
  unjudged: { event: string; eventTitle: string; related: string; relatedTitle: string; reason: string }[];
  /** Events whose first related item is relevant. */
  firstRelevant: number;
}

const HERE = new URL('.', import.meta.url).pathname;

export function loadJudgedSet(dir = HERE): JudgedSet {
  const lines = (file: string) =>
    readFileSync(`${dir}/${file}`, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
  const events = lines('events.jsonl').map(({ event, title }: { event: string; title: string }) => ({ id: event, title }));
  const judgements = new Map<string, Judgement>();
  for (const { event, related, label } of lines('pairs.jsonl') as { event: string; related: string; label: Judgement }[])
    judgements.set(`${event} ${related}`, label);
  return { events, judgements };
}

/** The related items `relatedOf` shows for each sampled event (the bot shows three under a card), measured against the judgements. */
export function measureRelated(set: JudgedSet, relatedOf: (id: string) => RelatedEvent[]): RelatedQuality {
  const quality: RelatedQuality = {
    events: set.events.length,
    covered: 0,
    shown: 0,
    relevant: 0,
    loose: 0,
    noise: 0,
    unjudged: [],
    firstRelevant: 0,
  };
  for (const event of set.events) {
    const related = relatedOf(event.id);
    if (related.length > 0) quality.covered += 1;
    related.forEach((item, i) => {
      quality.shown += 1;
      const judgement = set.judgements.get(`${event.id} ${item.id}`);
      if (judgement === undefined)
        quality.unjudged.push({
          event: event.id,
          eventTitle: event.title,
          related: item.id,
          relatedTitle: item.title,
          reason: item.reason,
        });
      else quality[judgement] += 1;
      if (i === 0 && judgement === 'relevant') quality.firstRelevant += 1;
    });
  }
  return quality;
}

/** "relevant 81.0% · loose 17.9% · noise 1.1% (95 shown) · first relevant 84.4% · coverage 45/96 · unjudged 0" */
export function describeQuality(quality: RelatedQuality): string {
  const share = (count: number, of: number) => `${of === 0 ? '0.0' : ((100 * count) / of).toFixed(1)}%`;
  return [
    `relevant ${share(quality.relevant, quality.shown)}`,
    `loose ${share(quality.loose, quality.shown)}`,
    `noise ${share(quality.noise, quality.shown)} (${quality.shown} shown)`,
    `first relevant ${share(quality.firstRelevant, quality.covered)}`,
    `coverage ${quality.covered}/${quality.events}`,
    `unjudged ${quality.unjudged.length}`,
  ].join(' · ');
}
