import type { KnownBlock, SlackMessage } from '../block-kit/message.ts';

export interface RenderOptions {
  /** ANSI bold for *bold* (a terminal); plain text otherwise. */
  ansi: boolean;
}

const BOLD = ['\u001b[1m', '\u001b[22m'] as const;
const DIM = ['\u001b[2m', '\u001b[22m'] as const;

/** A Block Kit message as readable terminal text: links as "label (url)", buttons as [Label]. */
export function renderMessageText(message: SlackMessage, options: RenderOptions): string {
  if (message.blocks.length === 0) return mrkdwnToText(message.text, options);
  return message.blocks
    .map((block) => renderBlock(block, options))
    .filter((text) => text !== '')
    .join('\n');
}

function renderBlock(block: KnownBlock, options: RenderOptions): string {
  switch (block.type) {
    case 'section': {
      const lines: string[] = [];
      if (block.text !== undefined) lines.push(textOf(block.text, options));
      for (const field of block.fields ?? []) lines.push(textOf(field, options));
      if (block.accessory?.type === 'image' && 'image_url' in block.accessory) lines.push(`[image: ${block.accessory.image_url}]`);
      if (block.accessory?.type === 'button') lines[lines.length - 1] += `  [${block.accessory.text.text}]`;
      return lines.join('\n');
    }
    case 'context': {
      const parts = block.elements.map((element) => (element.type === 'image' ? '[image]' : textOf(element, options)));
      return parts.map((part) => dim(`  ${part}`, options)).join('\n');
    }
    case 'header':
      return bold(block.text.text, options);
    case 'divider':
      return '────────────────────────────────────────';
    case 'actions':
      return block.elements
        .map((element) =>
          'text' in element && element.text !== undefined && typeof element.text === 'object' && 'text' in element.text
            ? `[${element.text.text}]`
            : '[button]',
        )
        .join(' ');
    default:
      return '';
  }
}

function textOf(text: { type: 'plain_text' | 'mrkdwn'; text: string }, options: RenderOptions): string {
  return text.type === 'plain_text' ? text.text : mrkdwnToText(text.text, options);
}

/** Slack mrkdwn → terminal text. Entities are decoded last so escaped text never turns into markup. */
export function mrkdwnToText(mrkdwn: string, options: RenderOptions): string {
  return mrkdwn
    .replace(/<(https?:\/\/[^|>]+)\|([^>]*)>/g, (_m, url: string, label: string) => `${label} (${url.replace(/&amp;/g, '&')})`)
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!([a-z]+)[^>]*>/g, '@$1')
    .replace(/\*([^*\n]+)\*/g, (_m, inner: string) => bold(inner, options))
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,])/gm, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function bold(text: string, options: RenderOptions): string {
  return options.ansi ? `${BOLD[0]}${text}${BOLD[1]}` : text;
}

function dim(text: string, options: RenderOptions): string {
  return options.ansi ? `${DIM[0]}${text}${DIM[1]}` : text;
}
