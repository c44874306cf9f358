import type { KnownBlock } from '../block-kit/message.ts';

/** What the slash command needs from the digest: `/kaesong digest <args>` is handed over whole. */
export interface DigestCommandPort {
  handle(args: string, ctx: { teamId: string; channelId: string; userId: string }): Promise<{ text: string; blocks?: KnownBlock[] }>;
}

export const DIGEST_NOT_SET_UP = 'The daily digest is not set up on this bot.';
