import { describe, expect, it } from 'vitest';
import { fitMessage, fitView } from '../../src/block-kit/fit-message.ts';
import { checkMessage, checkView } from '../../src/block-kit/limits.ts';
import { recordingLogger } from '../support/listener-fakes.ts';

const button = (text: string, action_id: string) => ({ type: 'button', text: { type: 'plain_text', text }, action_id, value: 'v' });
const section = (text: string, block_id?: string) => ({
  type: 'section',
  ...(block_id === undefined ? {} : { block_id }),
  text: { type: 'mrkdwn', text },
});

describe('fitMessage', () => {
  it('passes a valid message through untouched and logs nothing', () => {
    const logger = recordingLogger();
    const message = { text: 'ok', blocks: [section('*hi*')] };
    expect(fitMessage(message, logger)).toBe(message);
    expect(logger.lines).toEqual([]);
  });

  it('drops a repeated action_id in a block and a repeated block_id, keeping the rest', () => {
    const logger = recordingLogger();
    const fitted = fitMessage(
      {
        text: 'Nothing matches',
        blocks: [
          section('a', 'x'),
          section('b', 'x'),
          { type: 'actions', block_id: 'y', elements: [button('One', 'go'), button('Two', 'go')] },
        ],
      },
      logger,
    );
    expect(fitted).toEqual({
      text: 'Nothing matches',
      blocks: [section('a', 'x'), section('b'), { type: 'actions', block_id: 'y', elements: [button('One', 'go')] }],
    });
    expect(checkMessage(fitted)).toEqual([]);
  });

  it('escapes stray <, > and & in the text but keeps links and mentions', () => {
    const fitted = fitMessage({ text: '/kaesong <words> & <@U1> <https://x.org|x>' }, recordingLogger());
    expect(fitted).toEqual({ text: '/kaesong &lt;words&gt; &amp; <@U1> <https://x.org|x>' });
  });

  it('drops a block it cannot repair; falls back to the text when nothing valid is left', () => {
    const logger = recordingLogger();
    expect(fitMessage({ text: 't', blocks: [section('AT&T'), section('fine')] }, logger)).toEqual({ text: 't', blocks: [section('fine')] });
    expect(fitMessage({ text: 't', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }, logger)['blocks']).toHaveLength(50);
  });

  it('logs each kind of problem once', () => {
    const logger = recordingLogger();
    for (let i = 0; i < 3; i++)
      fitMessage({ text: 't', blocks: [{ type: 'actions', elements: [button('a', `id${i}`), button('b', `id${i}`)] }] }, logger);
    expect(logger.lines).toEqual([
      'warn a reply broke Slack’s Block Kit rules and was trimmed before sending: blocks[0].elements[1].action_id "id0" is not unique in its block',
    ]);
  });
});

describe('fitView', () => {
  it('drops broken blocks from a Home tab', () => {
    const view = { type: 'home', blocks: [section('ok'), section('')] };
    const fitted = fitView(view, recordingLogger());
    expect(fitted).toEqual({ type: 'home', blocks: [section('ok')] });
    expect(checkView(fitted)).toEqual([]);
  });
});
