import type { KnownBlock } from '@slack/types';

export type { KnownBlock };

/** A reply before it is sent: the Block Kit body and the plain fallback Slack notifies and reads aloud. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Posts never unfurl: a card already shows the headline and image. */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;
