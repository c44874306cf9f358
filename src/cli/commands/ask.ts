import type { CliCommand } from '../command.ts';
import { openCorpus } from '../open-corpus.ts';
import { parseOptions } from '../parse-options.ts';
import { systemClock } from '../../model/clock.ts';
import { normaliseSlackText } from '../../query/normalise-slack-text.ts';
import { answerQuery } from '../../slack/answer.ts';
import { NO_UNFURL } from '../../block-kit/message.ts';
import { renderMessageText } from '../../slack/render-text.ts';

/**
 * `kaesong ask "/kaesong 2013"` or `kaesong ask "@kaesong kaesong talks"`: the reply the bot would
 * send, from the corpus on disk, with no Slack tokens. `--json` prints the Block Kit payload.
 */
export const askCommand: CliCommand = {
  path: ['ask'],
  usage: 'ask "/kaesong <query>" | "@kaesong <query>" [--json] [--corpus DIR]…',
  summary: 'print the reply the bot would send, without Slack',
  async run(args, context) {
    const { values, words } = parseOptions(
      args,
      { json: 'boolean', corpus: 'strings' },
      { min: 1, what: 'what to ask, e.g. "/kaesong kaesong 2013"' },
    );
    const json = values.json ?? false;
    const { config, knowledge } = await openCorpus(context, values.corpus ?? null, { quiet: true });
    const command = context.env['SLASH_COMMAND']?.trim() || '/kaesong';
    if (knowledge.problems.length > 0) context.err(`${knowledge.problems.length} corpus problems (see: kaesong corpus check)`);
    const searcher = knowledge.index;
    const { mention, query } = splitInput(words.join(' '));
    const message = answerQuery(searcher, normaliseSlackText(query), {
      command,
      now: systemClock.now().getTime(),
      timeZone: config.digest.timeZone,
      share: !mention,
    });
    if (json) {
      const payload = mention ? { ...message, ...NO_UNFURL } : { response_type: 'ephemeral', ...message, ...NO_UNFURL };
      context.out(JSON.stringify(payload, null, 2));
    } else {
      context.out(renderMessageText(message, { ansi: process.stdout.isTTY === true }));
    }
    return 0;
  },
};

/** `/anything rest` is a slash command, `@anything rest` a mention; bare text is a slash command's text. */
export function splitInput(input: string): { mention: boolean; query: string } {
  const trimmed = input.trim();
  const match = /^([/@])\S*\s*(.*)$/s.exec(trimmed);
  if (match === null) return { mention: false, query: trimmed };
  return { mention: match[1] === '@', query: match[2] ?? '' };
}
