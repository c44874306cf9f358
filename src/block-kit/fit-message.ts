import type { Logger } from '../model/logger.ts';
import { checkMessage, checkView, escapeStray, LIMITS } from './limits.ts';
import { cutText } from './mrkdwn.ts';

type Json = Record<string, unknown>;

/**
 * The last check before anything leaves for Slack, which refuses a whole message for one broken
 * block. A message that breaks a rule is reduced to a valid one (stray `<&>` escaped in the text,
 * repeated action_ids and block_ids dropped, offending blocks dropped, or the text alone) and the
 * problem is logged once per kind. Valid messages pass through unchanged.
 */
export function fitMessage<M extends object>(message: M, logger: Logger): M {
  const problems = checkMessage(message);
  if (problems.length === 0) return message;
  logOnce(logger, 'a reply broke Slack’s Block Kit rules and was trimmed before sending', problems);
  const body = message as Json;
  const text =
    typeof body['text'] === 'string' && body['text'].trim() !== '' ? cutText(escapeStray(body['text']), LIMITS.fallbackText) : 'Kaesong';
  const fitted: Json = { ...body, text };
  if (Array.isArray(body['blocks'])) fitted['blocks'] = fitBlocks(body['blocks'], LIMITS.blocks);
  if (checkMessage(fitted).length === 0) return fitted as M;
  const { blocks: _dropped, ...textOnly } = fitted;
  return textOnly as M;
}

/** The same for a Home tab or modal view: offending blocks dropped, else a one-line view. */
export function fitView<V extends object>(view: V, logger: Logger): V {
  const problems = checkView(view);
  if (problems.length === 0) return view;
  logOnce(logger, 'a view broke Slack’s Block Kit rules and was trimmed before sending', problems);
  const body = view as Json;
  const fitted = { ...body, blocks: fitBlocks(Array.isArray(body['blocks']) ? body['blocks'] : [], LIMITS.viewBlocks) };
  if (checkView(fitted).length === 0) return fitted as V;
  return { ...body, blocks: [{ type: 'section', text: { type: 'plain_text', text: 'Kaesong' } }] } as V;
}

function fitBlocks(blocks: unknown[], max: number): unknown[] {
  const blockIds = new Set<string>();
  const kept: unknown[] = [];
  for (const raw of blocks) {
    if (kept.length >= max) break;
    if (typeof raw !== 'object' || raw === null) continue;
    let block = { ...(raw as Json) };
    if (block['type'] === 'actions' && Array.isArray(block['elements'])) block = { ...block, elements: uniqueActionIds(block['elements']) };
    const blockId = block['block_id'];
    if (typeof blockId === 'string' && blockIds.has(blockId)) delete block['block_id'];
    if (checkMessage({ text: 'x', blocks: [block] }).length > 0) continue;
    if (typeof block['block_id'] === 'string') blockIds.add(block['block_id']);
    kept.push(block);
  }
  return kept;
}

/** Keeps the first element with each action_id: Slack wants them unique in a block. */
function uniqueActionIds(elements: unknown[]): unknown[] {
  const seen = new Set<unknown>();
  return elements.filter((element) => {
    const id = (element as Json | null)?.['action_id'];
    if (id === undefined) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const logged = new WeakMap<Logger, Set<string>>();

function logOnce(logger: Logger, what: string, problems: string[]): void {
  const kinds = problems.map((problem) =>
    problem
      .replace(/\[\d+\]/g, '[]')
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\d+/g, 'N'),
  );
  const key = [...new Set(kinds)].sort().join('; ');
  const seen = logged.get(logger) ?? new Set<string>();
  logged.set(logger, seen);
  if (seen.has(key)) return;
  seen.add(key);
  logger.warn(`${what}: ${problems.join('; ')}`);
}
