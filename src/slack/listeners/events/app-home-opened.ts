import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { CorpusRecord } from '../../../model/record.ts';
import { homeView, type HomeInput } from '../../../block-kit/home-view.ts';
import { corpusOverview } from '../../corpus-overview.ts';
import type { DigestOverview } from '../../../digest/digest-port.ts';
import { fitView } from '../../../block-kit/fit-message.ts';
import { describeError } from '../../../model/describe-error.ts';
import type { ListenerDeps } from '../deps.ts';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

/**
 * The Home tab, published each time a user opens it: from the index's cached overview, the store's
 * subscriptions and the user's channels (cached a few minutes). The event is acked before this runs.
 */
export function appHomeOpenedCallback(deps: ListenerDeps) {
  return async ({ event, body, client }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    const teamId = typeof body.team_id === 'string' ? body.team_id : '';
    const [digest, channels, mayAdd] = await Promise.all([
      digestOverview(deps, teamId),
      userChannels(client, deps, event.user),
      deps.desk === undefined
        ? false
        : deps.desk.mayAdd(event.user).then(
            (policy) => policy.allowed,
            () => false,
          ),
    ]);
    const searcher = deps.searchers.current();
    const overview = searcher === null ? null : corpusOverview(searcher);
    const added =
      searcher === null || digest === null
        ? []
        : digest.recentlyAdded.map((id) => searcher.get(id)).filter((record): record is CorpusRecord => record !== undefined);
    const input: HomeInput = {
      command: deps.command,
      corpus: overview === null ? null : { records: overview.records, from: overview.from, to: overview.to },
      latest: added.length > 0 ? { records: added, added: true } : { records: overview?.newest ?? [], added: false },
      subscriptions:
        digest === null
          ? []
          : channels === null
            ? null
            : digest.subscriptions.filter((s) => channels.has(s.channelId) || s.channelId === event.channel),
      addEvent: mayAdd,
    };
    try {
      await client.views.publish({ user_id: event.user, view: fitView(homeView(input), deps.logger) });
    } catch (error) {
      deps.logger.warn(`could not publish the Home tab for ${event.user}`, describeError(error));
    }
  };
}

async function digestOverview(deps: ListenerDeps, teamId: string): Promise<DigestOverview | null> {
  if (deps.digest?.overview === undefined) return null;
  try {
    return await deps.digest.overview(teamId);
  } catch (error) {
    deps.logger.warn('could not read the digest subscriptions for the Home tab', describeError(error));
    return null;
  }
}

/** The channels the user is in (public and private ones the bot can see); null when Slack would not say. */
async function userChannels(client: WebClient, deps: ListenerDeps, user: string): Promise<Set<string> | null> {
  try {
    return await deps.userChannels.of(user, async (id) => {
      const channels: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await client.users.conversations({
          user: id,
          types: 'public_channel,private_channel',
          exclude_archived: true,
          limit: 999,
          ...(cursor ? { cursor } : {}),
        });
        channels.push(
          ...(result.channels ?? []).map((channel) => channel.id).filter((channelId): channelId is string => typeof channelId === 'string'),
        );
        cursor = result.response_metadata?.next_cursor;
        if (!cursor) break;
      }
      return channels;
    });
  } catch (error) {
    deps.logger.warn(`could not list the channels of ${user} for the Home tab`, describeError(error));
    return null;
  }
}
