import { describeQuery, parseQuery } from '../query/parse-query.ts';
import { cutText, escapeMrkdwn, safeText } from '../block-kit/mrkdwn.ts';
import type { Heading } from '../block-kit/results-message.ts';

/** "Background for: *Seoul Kaesong · 2013* (words from …)": says which words were taken from where. */
export function backgroundHeading(query: string, source: string, { now, timeZone }: { now: number; timeZone: string }): Heading {
  const label = cutText(describeQuery(parseQuery(query, { now: new Date(now), timeZone })), 200);
  return {
    mrkdwn: `Background for: *${safeText(label)}* (words from ${source})`,
    plain: `Background for: ${escapeMrkdwn(label)} (words from ${source})`,
  };
}
