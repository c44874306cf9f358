import type { CliCommand } from '../command.ts';
import { openCorpus } from '../open-corpus.ts';
import { systemClock } from '../../model/clock.ts';
import { createDigestService } from '../../digest/digest-service.ts';
import type { ChannelOutcome } from '../../digest/digest-runner.ts';
import { dayFor, parseDigestArgs, selectSubscriptions } from './digest-options.ts';

export const digestRunCommand: CliCommand = {
  path: ['digest', 'run'],
  usage: 'digest run [--date YYYY-MM-DD] [--channel C…]… [--corpus DIR]…',
  summary: 'post the daily digest now to subscribed channels (once per channel and day)',
  async run(args, context) {
    const options = parseDigestArgs(args, false);
    const { config, logger, knowledge } = await openCorpus(context, options.corpus, { slack: true });
    const { index } = knowledge;
    const service = await createDigestService(config, {
      searcher: () => index,
      clock: systemClock,
      logger,
      replicaId: `cli:${process.pid}`,
    });
    try {
      const now = systemClock.now();
      const { subscriptions, unsubscribed } = await selectSubscriptions(service.store, options, config, now);
      for (const channel of unsubscribed) context.err(`${channel}: no digest subscription (turn one on in Slack with /kaesong digest on)`);
      const subscribed = subscriptions.filter((subscription) => !unsubscribed.includes(subscription.channelId));
      if (subscribed.length === 0 && unsubscribed.length === 0) context.err('No channel has a digest subscription.');
      let failed = unsubscribed.length > 0;
      for (const subscription of subscribed) {
        const outcome = await service.runner.runChannel(subscription, dayFor(subscription, options, now));
        context.out(describeOutcome(outcome));
        if (outcome.result === 'failed') failed = true;
      }
      return failed ? 1 : 0;
    } finally {
      await service.close();
    }
  },
};

function describeOutcome(outcome: ChannelOutcome): string {
  const where = `${outcome.channelId} ${outcome.localDay}`;
  switch (outcome.result) {
    case 'posted':
      return `${where}: posted (ts ${outcome.ts})`;
    case 'nothing-to-say':
      return `${where}: nothing to say, nothing posted`;
    case 'taken':
      return `${where}: already posted (or being posted by another replica)`;
    case 'cooling-down':
      return `${where}: failed recently, try again in a few minutes`;
    case 'failed':
      return `${where}: not posted: ${outcome.reason}`;
  }
}
