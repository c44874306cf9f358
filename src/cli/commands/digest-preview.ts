import type { CliCommand } from '../command.ts';
import { openCorpus } from '../open-corpus.ts';
import { openStore } from '../../store/open-store.ts';
import { buildDigest } from '../../digest/build-digest.ts';
import type { Digest } from '../../model/digest.ts';
import { dayFor, parseDigestArgs, selectSubscriptions } from './digest-options.ts';

export const digestPreviewCommand: CliCommand = {
  path: ['digest', 'preview'],
  usage: 'digest preview [--date YYYY-MM-DD] [--channel C…]… [--corpus DIR]… [--json]',
  summary: 'print the daily digest each channel would get, without posting',
  async run(args, context) {
    const options = parseDigestArgs(args, true);
    const now = new Date();
    const { config, knowledge } = await openCorpus(context, options.corpus, { quiet: options.json });
    const { index } = knowledge;
    const store = await openStore(config.databaseUrl);
    try {
      let { subscriptions, unsubscribed } = await selectSubscriptions(store, options, config, now);
      if (subscriptions.length === 0) {
        context.err(`No channel has a digest yet; showing one with the defaults (${config.digest.time} ${config.digest.timeZone}).`);
        ({ subscriptions } = await selectSubscriptions(store, { ...options, channels: ['C0DEFAULTS'] }, config, now));
        subscriptions = subscriptions.map((subscription) => ({ ...subscription, channelId: '(defaults)' }));
        unsubscribed = [];
      }
      for (const channel of unsubscribed) context.err(`${channel} has no digest subscription; previewing with the defaults.`);
      const previews = [];
      for (const subscription of subscriptions) {
        const localDay = dayFor(subscription, options, now);
        const built = await buildDigest(index, store, { ...subscription, quiet: true }, localDay, {
          slashCommand: config.slack?.slashCommand ?? '/kaesong',
        });
        previews.push({ channel: subscription.channelId, localDay, digest: built.digest, message: built.message });
      }
      if (options.json) {
        context.out(
          JSON.stringify(
            previews.map((preview) => ({ ...preview, digest: digestJson(preview.digest) })),
            null,
            2,
          ),
        );
      } else {
        context.out(previews.map((preview) => `# ${preview.channel}\n${digestText(preview.digest)}`).join('\n\n'));
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

function digestJson(digest: Digest) {
  return {
    localDay: digest.localDay,
    topic: digest.topic,
    onThisDayTotal: digest.onThisDayTotal,
    onThisDay: digest.onThisDay.map((item) => ({
      id: item.record.id,
      date: item.record.date,
      title: item.record.title,
      label: item.label,
      score: item.score,
    })),
    newlyAddedTotal: digest.newlyAddedTotal,
    newlyAdded: digest.newlyAdded.map((record) => ({ id: record.id, date: record.date, title: record.title })),
  };
}

function digestText(digest: Digest): string {
  const lines = [`Daily digest for ${digest.localDay}${digest.topic === '' ? '' : ` (topic: ${digest.topic})`}`];
  if (digest.onThisDayTotal === 0 && digest.newlyAddedTotal === 0)
    return [...lines, '  nothing on this day in earlier years, and nothing new'].join('\n');
  if (digest.onThisDayTotal > 0) {
    lines.push(`On this day (${digest.onThisDayTotal}):`);
    for (const item of digest.onThisDay) lines.push(`  ${item.label.padEnd(13)} ${item.record.date}  ${item.record.title}`);
    if (digest.onThisDayTotal > digest.onThisDay.length) lines.push(`  … and ${digest.onThisDayTotal - digest.onThisDay.length} more`);
  }
  if (digest.newlyAddedTotal > 0) {
    lines.push(`Newly added (${digest.newlyAddedTotal}):`);
    for (const record of digest.newlyAdded) lines.push(`  ${record.date ?? '(undated)'}  ${record.title}`);
  }
  return lines.join('\n');
}
