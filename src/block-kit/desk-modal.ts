import type { KnownBlock } from './message.ts';
import { cleanText, cutText } from './mrkdwn.ts';
import { formatShortDate } from './format-date.ts';

/** The modal's callback ids, block ids (the keys of `errors`) and the card menu's action id prefix. */
export const DESK_VIEW = { save: 'kaesong_desk_save', remove: 'kaesong_desk_remove' } as const;
export const DESK_BLOCK = {
  headline: 'desk_headline',
  date: 'desk_date',
  summary: 'desk_summary',
  sources: 'desk_sources',
  contexts: 'desk_contexts',
  related: 'desk_related',
  image: 'desk_image',
} as const;
/** Every input's action id; the block id says which field it is. */
export const DESK_INPUT = 'value';
/** `kaesong_desk_menu:<event id>`: one per card, so unique in a message of several desk cards. */
export const DESK_MENU_PREFIX = 'kaesong_desk_menu:';

export interface DeskModalInput {
  mode: 'add' | 'edit';
  form: { headline: string; date: string; summary: string; sources: string; contexts: string; related: string[]; image: string };
  /** Related events to tick; option values are their positions in this list. */
  suggestions: ReadonlyArray<{ id: string; title: string; date: string | null }>;
  /** Encoded by the caller; never trusted when it comes back. */
  privateMetadata: string;
}

const MAX_HEADLINE = 300;
const MAX_LONG_TEXT = 3000;
const OPTION_TEXT = 75;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

function textInput(
  blockId: string,
  label: string,
  value: string,
  options: { multiline?: boolean; optional?: boolean; max?: number; placeholder?: string; hint?: string } = {},
) {
  const max = options.max ?? MAX_LONG_TEXT;
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    optional: options.optional ?? true,
    element: {
      type: 'plain_text_input',
      action_id: DESK_INPUT,
      multiline: options.multiline ?? false,
      max_length: max,
      ...(value === '' ? {} : { initial_value: value.slice(0, max) }),
      ...(options.placeholder === undefined ? {} : { placeholder: plain(options.placeholder) }),
    },
    ...(options.hint === undefined ? {} : { hint: plain(options.hint) }),
  } as KnownBlock;
}

/** "Add to timeline" (or "Edit event"): every field of an event, prefilled. */
export function deskModal({ mode, form, suggestions, privateMetadata }: DeskModalInput) {
  const blocks: KnownBlock[] = [
    textInput(DESK_BLOCK.headline, 'Headline', form.headline, { optional: false, max: MAX_HEADLINE }),
    {
      type: 'input',
      block_id: DESK_BLOCK.date,
      label: plain('Date'),
      element: { type: 'datepicker', action_id: DESK_INPUT, ...(/^\d{4}-\d{2}-\d{2}$/.test(form.date) ? { initial_date: form.date } : {}) },
    } as KnownBlock,
    textInput(DESK_BLOCK.summary, 'Summary', form.summary, { multiline: true }),
    textInput(DESK_BLOCK.sources, 'Sources', form.sources, {
      multiline: true,
      placeholder: 'Reuters https://www.reuters.com/…',
      hint: 'One a line: the outlet, then the link.',
    }),
    textInput(DESK_BLOCK.contexts, 'Context tags', form.contexts, { hint: 'Separated by commas, e.g. North Korea, Kaesong area' }),
  ];
  const options = suggestions.slice(0, 10).map((event, i) => ({ text: plain(optionText(event)), value: String(i) }));
  const ticked = options.filter((_, i) => form.related.includes(suggestions[i]!.id));
  if (options.length > 0) {
    blocks.push({
      type: 'input',
      block_id: DESK_BLOCK.related,
      label: plain('Related events'),
      optional: true,
      element: { type: 'checkboxes', action_id: DESK_INPUT, options, ...(ticked.length === 0 ? {} : { initial_options: ticked }) },
    } as KnownBlock);
  }
  blocks.push(textInput(DESK_BLOCK.image, 'Cover image URL', form.image, { placeholder: 'https://…' }));
  return {
    type: 'modal' as const,
    callback_id: DESK_VIEW.save,
    title: plain(mode === 'add' ? 'Add to timeline' : 'Edit event'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: privateMetadata,
    blocks,
  };
}

function optionText(event: { title: string; date: string | null }): string {
  const date = formatShortDate(event.date);
  return cutText(`${date === null ? '' : `${date} · `}${cleanText(event.title)}`, OPTION_TEXT) || 'Untitled event';
}

/** The confirm dialog of Remove: submitting it removes the event (checked again on the server). */
export function deskRemoveModal(title: string, privateMetadata: string) {
  return {
    type: 'modal' as const,
    callback_id: DESK_VIEW.remove,
    title: plain('Remove event'),
    submit: plain('Remove'),
    close: plain('Keep it'),
    private_metadata: privateMetadata,
    blocks: [
      { type: 'section', text: plain(`Remove “${cutText(cleanText(title), 200)}” from the timeline? Everyone stops finding it.`) },
    ] as KnownBlock[],
  };
}

/** The ⋯ menu of a desk event's card: Edit and Remove. */
export function deskMenu(id: string): KnownBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'overflow',
        action_id: `${DESK_MENU_PREFIX}${id}`,
        options: [
          { text: plain('Edit'), value: 'edit' },
          { text: plain('Remove'), value: 'remove' },
        ],
      },
    ],
  } as KnownBlock;
}
