import { format } from 'date-fns/format';
import type { Clock } from '../model/clock.ts';
import type { Searcher } from '../search/searcher.ts';
import type { Store, Subscription } from '../store/store.ts';
import type { DigestCommandPort } from './digest-port.ts';
import { isValidTimeZone } from '../config/time-zone.ts';
import { buildDigest } from './build-digest.ts';
import { digestSlot, localMoment, normalizeClockTime } from './schedule.ts';
import { classifyPublishError } from './publish-retry.ts';
import type { KnownBlock } from '../block-kit/message.ts';
import { escapeMrkdwn } from '../block-kit/mrkdwn.ts';

export interface DigestCommandOptions {
  store: Store;
  searcher: () => Searcher | null;
  clock: Clock;
  /** DIGEST_TIME and DIGEST_TZ: what `digest on` uses when not told. */
  defaults: { time: string; timeZone: string };
  slashCommand?: string;
  /**
   * Posts in the channel for everyone to see; throws as the publisher does. `digest on` announces
   * itself this way, which also proves the bot can post there before anything is saved.
   */
  announce?: (channelId: string, message: { text: string; blocks: KnownBlock[] }) => Promise<void>;
}

type Reply = Awaited<ReturnType<DigestCommandPort['handle']>>;
type Context = Parameters<DigestCommandPort['handle']>[1];

interface OnRequest {
  time: string | null;
  timeZone: string | null;
  topic: string | null;
  quiet: boolean | null;
}

/** `/kaesong digest on|off|status|preview`: every reply is one ephemeral message; bad input changes nothing. */
export function createDigestCommands(options: DigestCommandOptions): DigestCommandPort {
  const command = options.slashCommand ?? '/kaesong';
  const example = `\`${command} digest on 07:00 Europe/London north korea\``;
  const usage = [
    `\`${command} digest on [HH:MM] [Zone/Name] [topic words] [--quiet]\`: a digest here every day ` +
      `(default ${options.defaults.time} ${options.defaults.timeZone})`,
    `\`${command} digest off\`: stop it`,
    `\`${command} digest status\`: what is set`,
    `\`${command} digest preview\`: see today's digest without posting it`,
  ].join('\n');

  async function on(args: string[], ctx: Context): Promise<Reply> {
    const request = parseOn(args);
    if (typeof request === 'string') return { text: request };
    const existing = await options.store.getSubscription(ctx.teamId, ctx.channelId);
    const now = options.clock.now();
    const input = {
      teamId: ctx.teamId,
      channelId: ctx.channelId,
      time: request.time ?? existing?.time ?? options.defaults.time,
      timeZone: request.timeZone ?? existing?.timeZone ?? options.defaults.timeZone,
      topic: request.topic ?? existing?.topic ?? '',
      quiet: request.quiet ?? existing?.quiet ?? false,
    };
    const refused = await announce(input, ctx);
    if (refused !== null) return { text: refused };
    const saved = await options.store.upsertSubscription(input, now);
    const today = localMoment(now, saved.timeZone);
    const postedToday = saved.lastDigestAt !== null && localMoment(saved.lastDigestAt, saved.timeZone).day === today.day;
    const startsToday = !postedToday && today.minutes <= minutesOf(saved.time);
    const first = startsToday ? 'today' : 'tomorrow';
    const preview = `See it now with \`${command} digest preview\`.`;
    return { text: `Daily digest on for this channel: ${describe(saved)}. The first one comes ${first} at ${saved.time}. ${preview}` };
  }

  /** Null once the channel has been told; otherwise what to tell the user (nothing is saved). */
  async function announce(input: Omit<Subscription, 'lastDigestAt' | 'updatedAt'>, ctx: Context): Promise<string | null> {
    if (options.announce === undefined) return null;
    const who = /^[UW][A-Z0-9]+$/.test(ctx.userId) ? `<@${ctx.userId}>` : 'Someone';
    const text = `${who} turned on the daily digest here: ${escapeMrkdwn(describe(input))}.`;
    try {
      await options.announce(ctx.channelId, { text, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text }] }] });
      return null;
    } catch (error) {
      const failure = classifyPublishError(error);
      const code = failure.kind === 'permanent' ? failure.code : null;
      if (code === 'not_in_channel' || code === 'channel_not_found') {
        return (
          'I cannot post in this channel, so a digest could not arrive. ' +
          `Invite me with \`/invite @Kaesong\` first, then run \`${command} digest on\` again. Nothing was saved.`
        );
      }
      if (code === 'is_archived') return 'This channel is archived, so I cannot post a digest in it. Nothing was saved.';
      const why = code === null ? 'Slack did not answer' : `Slack said \`${code}\``;
      return `I could not check that I can post in this channel (${why}). Nothing was saved; please try again in a minute.`;
    }
  }

  function parseOn(args: string[]): OnRequest | string {
    const request: OnRequest = { time: null, timeZone: null, topic: null, quiet: null };
    const topic: string[] = [];
    for (const arg of args) {
      if (/^\d{1,2}[:.h]\d{1,2}$/i.test(arg) || /^\d{1,2}:/.test(arg)) {
        const time = normalizeClockTime(arg);
        if (time === null) return `"${arg}" is not a time of day. Use 24-hour HH:MM, e.g. ${example}`;
        request.time = time;
      } else if (/^[A-Za-z][A-Za-z_-]*(\/[A-Za-z0-9_+-]+)+$/.test(arg) || /^(UTC|GMT)$/i.test(arg)) {
        if (!isValidTimeZone(arg))
          return `"${arg}" is not a time zone I know. Use an IANA name such as Asia/Seoul or Europe/London, e.g. ${example}`;
        request.timeZone = canonicalZone(arg);
      } else if (arg === '--quiet') request.quiet = true;
      else if (arg === '--no-quiet') request.quiet = false;
      else if (arg === '--no-topic') request.topic = '';
      else if (arg.startsWith('--')) return `"${arg}" is not an option I know (try --quiet, --no-quiet or --no-topic), e.g. ${example}`;
      else topic.push(arg);
    }
    if (topic.length > 0) request.topic = topic.join(' ').slice(0, 200);
    return request;
  }

  async function off(ctx: Context): Promise<Reply> {
    const removed = await options.store.removeSubscription(ctx.teamId, ctx.channelId);
    return {
      text: removed
        ? 'Daily digest off for this channel.'
        : `This channel has no daily digest. Turn one on with \`${command} digest on ${options.defaults.time}\`.`,
    };
  }

  async function status(ctx: Context): Promise<Reply> {
    const subscription = await options.store.getSubscription(ctx.teamId, ctx.channelId);
    if (subscription === null) {
      return { text: `This channel has no daily digest. Turn one on with \`${command} digest on ${options.defaults.time}\`.` };
    }
    const last = subscription.lastDigestAt;
    const lastText = last === null ? 'none yet' : lastDay(last, subscription.timeZone);
    const error = subscription.lastError ?? null;
    const errorText =
      error === null ? '' : ` Last error: \`${error.reason}\` on ${lastDay(error.at, subscription.timeZone)}${adviceFor(error.reason)}.`;
    return { text: `Daily digest for this channel: ${describe(subscription)}. Last digest: ${lastText}.${errorText}` };
  }

  async function preview(ctx: Context): Promise<Reply> {
    const searcher = options.searcher();
    if (searcher === null) return { text: 'Warming up, one moment… try the preview again shortly.' };
    const now = options.clock.now();
    const subscription: Subscription = (await options.store.getSubscription(ctx.teamId, ctx.channelId)) ?? {
      teamId: ctx.teamId,
      channelId: ctx.channelId,
      ...options.defaults,
      topic: '',
      quiet: false,
      lastDigestAt: null,
      updatedAt: now,
    };
    const localDay = digestSlot(subscription, now).localDay;
    const built = await buildDigest(searcher, options.store, { ...subscription, quiet: true }, localDay, {
      slashCommand: command,
      note: `Preview for this channel, only you can see it (not posted).`,
    });
    return built.message!;
  }

  return {
    async overview(teamId) {
      const subscriptions = (await options.store.listSubscriptions()).filter((s) => s.teamId === teamId);
      const since = new Date(options.clock.now().getTime() - RECENT_MS);
      const recentlyAdded = (await options.store.recordsSeenSince(since)).slice(-RECENT_COUNT).reverse();
      return {
        subscriptions: subscriptions.map(({ channelId, time, timeZone, topic }) => ({ channelId, time, timeZone, topic })),
        recentlyAdded,
      };
    },
    async handle(args, ctx) {
      const [sub = '', ...rest] = args
        .trim()
        .split(/\s+/)
        .filter((word) => word !== '');
      switch (sub.toLowerCase()) {
        case 'on':
          return on(rest, ctx);
        case 'off':
          return off(ctx);
        case 'status':
        case '':
          return status(ctx);
        case 'preview':
          return preview(ctx);
        case 'help':
          return { text: usage };
        default:
          return { text: `"${sub}" is not a digest command. Use on, off, status or preview, e.g. ${example}\n${usage}` };
      }
    },
  };
}

function describe(subscription: Pick<Subscription, 'time' | 'timeZone' | 'topic' | 'quiet'>): string {
  const topic = subscription.topic === '' ? 'no topic' : `topic "${subscription.topic}"`;
  const quiet = subscription.quiet ? 'a quiet line on days with nothing to say' : 'nothing on days with nothing to say';
  return `every day at ${subscription.time} ${subscription.timeZone}, ${topic}, ${quiet}`;
}

/** "Latest added" on the Home tab: records first seen in the last 30 days, the 5 newest. */
const RECENT_MS = 30 * 24 * 60 * 60_000;
const RECENT_COUNT = 5;

function adviceFor(reason: string): string {
  if (reason === 'not_in_channel' || reason === 'channel_not_found') return ': invite me with `/invite @Kaesong`';
  if (reason === 'is_archived') return ': the channel is archived; turn the digest off';
  return '';
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

function lastDay(instant: Date, timeZone: string): string {
  const { day, minutes } = localMoment(instant, timeZone);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${format(new Date(`${day}T00:00:00`), 'EEE d MMM yyyy')} ${time}`;
}
