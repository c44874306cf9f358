import type { Clock } from '../../model/clock.ts';
import type { Logger } from '../../model/logger.ts';
import type { SearcherProvider } from '../searcher-provider.ts';
import type { DigestCommandPort } from '../../digest/digest-port.ts';
import type { EventDedupe } from '../event-dedupe.ts';
import type { RecentReplies } from '../recent-replies.ts';
import type { UserChannels } from '../user-channels.ts';
import type { DeskService } from '../../desk/desk-service.ts';

/** What every listener may use; one object so tests swap any part. */
export interface ListenerDeps {
  searchers: SearcherProvider;
  clock: Clock;
  logger: Logger;
  /** The slash command's name, e.g. `/kaesong`. */
  command: string;
  /** The zone "today" and "last week" are counted in. */
  timeZone: string;
  dedupe: EventDedupe;
  /** The bot's answers to mentions, so an edited mention updates its answer. */
  replies: RecentReplies;
  /** Which channels a user is in, for the Home tab's digests (cached a few minutes). */
  userChannels: UserChannels;
  digest?: DigestCommandPort;
  /** "Add to timeline": absent, the shortcut, `/kaesong add` and the card menus are not offered. */
  desk?: DeskService;
}

export const WARMING_UP = 'Warming up, one moment…';
export const SOMETHING_WENT_WRONG = 'Sorry, something went wrong with that search. Please try again, perhaps with fewer words.';
export const BUTTON_EXPIRED = 'That button has expired, run the search again.';
