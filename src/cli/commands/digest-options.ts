import { isMatch } from 'date-fns/isMatch';
import { UsageError } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import type { Config } from '../../config/config.ts';
import type { Store, Subscription } from '../../store/store.ts';
import { localMoment } from '../../digest/schedule.ts';

export interface DigestCliOptions {
  date: string | null;
  channels: string[];
  corpus: string[] | null;
  json: boolean;
}

const DIGEST_OPTIONS = { date: 'string', channel: 'strings', corpus: 'strings' } as const;

/** `[--date YYYY-MM-DD] [--channel C…]… [--corpus DIR]…`, and `[--json]` where the command prints. */
export function parseDigestArgs(args: string[], allowJson: boolean): DigestCliOptions {
  const { values } = parseOptions(args, allowJson ? { ...DIGEST_OPTIONS, json: 'boolean' as const } : DIGEST_OPTIONS, { max: 0 });
  const date = values.date ?? null;
  if (date !== null && !(/^\d{4}-\d{2}-\d{2}$/.test(date) && isMatch(date, 'yyyy-MM-dd'))) {
    throw new UsageError(`--date must be a day as YYYY-MM-DD, e.g. 2026-11-23; got "${date}"`);
  }
  const channels = (values.channel ?? [])
    .flatMap((value) => value.split(','))
    .map((c) => c.trim())
    .filter((c) => c !== '');
  for (const channel of channels) {
    if (!/^[CGD][A-Z0-9]+$/.test(channel)) throw new UsageError(`--channel must be a Slack channel id such as C0123ABCD; got "${channel}"`);
  }
  return { date, channels, corpus: values.corpus ?? null, json: 'json' in values && values.json === true };
}

/** The subscriptions a run or preview covers; for a named channel without one, the configured defaults. */
export async function selectSubscriptions(
  store: Store,
  options: DigestCliOptions,
  config: Config,
  now: Date,
): Promise<{ subscriptions: Subscription[]; unsubscribed: string[] }> {
  const all = await store.listSubscriptions();
  if (options.channels.length === 0) return { subscriptions: all, unsubscribed: [] };
  const subscriptions: Subscription[] = [];
  const unsubscribed: string[] = [];
  for (const channel of options.channels) {
    const found = all.filter((subscription) => subscription.channelId === channel);
    if (found.length > 0) subscriptions.push(...found);
    else {
      unsubscribed.push(channel);
      subscriptions.push({ teamId: '', channelId: channel, ...config.digest, topic: '', quiet: false, lastDigestAt: null, updatedAt: now });
    }
  }
  return { subscriptions, unsubscribed };
}

export function dayFor(subscription: Subscription, options: DigestCliOptions, now: Date): string {
  return options.date ?? localMoment(now, subscription.timeZone).day;
}
