import { DESK_BLOCK, DESK_INPUT } from '../block-kit/desk-modal.ts';
import type { DeskForm } from '../desk/desk-draft.ts';

type StateValues = Record<string, Record<string, { value?: unknown; selected_date?: unknown; selected_options?: unknown }>>;

/** The submitted fields; `related` maps ticked positions back to the ids offered. */
export function deskFormFromState(values: unknown, offered: readonly string[]): DeskForm {
  const state = (typeof values === 'object' && values !== null ? values : {}) as StateValues;
  const input = (block: string) => state[block]?.[DESK_INPUT];
  const text = (block: string) => {
    const value = input(block)?.value;
    return typeof value === 'string' ? value : '';
  };
  const date = input(DESK_BLOCK.date)?.selected_date;
  const ticked = input(DESK_BLOCK.related)?.selected_options;
  const related = (Array.isArray(ticked) ? ticked : [])
    .map((option: { value?: unknown }) => offered[Number(option?.value)])
    .filter((id): id is string => typeof id === 'string');
  return {
    headline: text(DESK_BLOCK.headline),
    date: typeof date === 'string' ? date : '',
    summary: text(DESK_BLOCK.summary),
    sources: text(DESK_BLOCK.sources),
    contexts: text(DESK_BLOCK.contexts),
    related,
    image: text(DESK_BLOCK.image),
  };
}
