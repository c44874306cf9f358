import { parseArgs } from 'node:util';
import { isMatch } from 'date-fns/isMatch';
import { UsageError } from '../command.ts';
import type { Config } from '../../config/config.ts';
import type { Store, Subscription } from '../../store/store.ts';
import { localMoment } from '../../digest/schedule.ts';

export interface DigestCliOptions {
  date: string | null;
  channels: string[];
  corpus: string[] | null;
  json: boolean;
}

export function parseDigestArgs(args: string[], allowJson: boolean): DigestCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: {
        date: { type: 'string' },
        channel: { type: 'string', multiple: true },
        corpus: { type: 'string', multiple: true },
        ...(allowJson ? { json: { type: 'boolean', default: false } } : {}),
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values as { date?: string; channel?: string[]; corpus?: string[]; json?: boolean };
  const date = values.date ?? null;
  if (date !== null && !(/^\d{4}-\d{2}-\d{2}$/.test(date) && isMatch(date, 'yyyy-MM-dd'))) {
    throw new UsageError(`--date must be a day as YYYY-MM-DD, e.g. 2026-11-23; got "${date}"`);
  }
  const channels = (values.channel ?? []).flatMap((value) => value.split(',')).map((c) => c.trim()).filter((c) => c !== '');
  for (const channel of channels) {
    if (!/^[CGD][A-Z0-9]+$/.test(channel)) throw new UsageError(`--channel must be a Slack channel id such as C0123ABCD; got "${channel}"`);
  }
  return { date, channels, corpus: values.corpus ?? null, json: values.json ?? false };
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
