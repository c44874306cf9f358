import type { KnownBlock } from '../block-kit/message.ts';

/** What the slash command needs from the digest: `/kaesong digest <args>` is handed over whole. */
export interface DigestCommandPort {
  handle(args: string, ctx: { teamId: string; channelId: string; userId: string }): Promise<{ text: string; blocks?: KnownBlock[] }>;
  /** For the App Home tab: a team's subscriptions and the ids of records added lately, newest first. */
  overview?(teamId: string): Promise<DigestOverview>;
}

export interface DigestOverview {
  subscriptions: Array<{ channelId: string; time: string; timeZone: string; topic: string }>;
  recentlyAdded: string[];
}

export const DIGEST_NOT_SET_UP = 'The daily digest is not set up on this bot.';
