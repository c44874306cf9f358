/** Text helpers for Slack mrkdwn. Corpus and user text always goes through `safeText` first. */

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Formatting characters in corpus text would pair up with our own bold markers (or each other) and
 * garble a card, so they become look-alikes that Slack does not parse.
 */
function neutraliseFormatting(text: string): string {
  return text.replace(/\*/g, '\u2217').replace(/_/g, '\u02CD').replace(/~/g, '\u223C').replace(/`/g, '\u02CB');
}

/** Strips control characters and collapses whitespace runs (newlines kept only where asked). */
export function cleanText(text: string, keepNewlines = false): string {
  const noControls = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  if (keepNewlines)
    return noControls
      .replace(/[ \t\r]+/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  return noControls.replace(/\s+/g, ' ').trim();
}

/** Untrusted text made safe for mrkdwn: clean, no stray formatting, `&<>` escaped. */
export function safeText(text: string): string {
  return escapeMrkdwn(neutraliseFormatting(cleanText(text)));
}

/**
 * Untrusted text made safe, with whole-word occurrences of `terms` in bold. Words are found in the
 * plain text (so `AT&T` never yields a bold `T`) and marked with control characters that `cleanText`
 * guarantees are absent, then escaped, then the marks become `*`.
 */
export function boldTerms(text: string, terms: readonly string[]): string {
  const plain = neutraliseFormatting(cleanText(text));
  const words = [...new Set(terms.map((term) => neutraliseFormatting(cleanText(term))).filter((term) => term.length > 0))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  if (words.length === 0) return escapeMrkdwn(plain);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}&])(${words.join('|')})(?![\\p{L}\\p{N}&])`, 'giu');
  return escapeMrkdwn(plain.replace(pattern, '\u0001$1\u0002')).replace(/[\u0001\u0002]/g, '*');
}

/** Cuts at a word boundary and adds an ellipsis; the result is at most `max` characters. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const room = text.slice(0, max - 1);
  const lastSpace = room.search(/\s\S*$/);
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** A short window of `text` around the first of `terms` it contains, with ellipses where cut. */
export function excerptAround(text: string, terms: readonly string[], max: number): string {
  const clean = cleanText(text);
  if (clean.length <= max) return clean;
  const lower = clean.toLowerCase();
  const positions = terms.map((term) => lower.indexOf(term.toLowerCase())).filter((position) => position >= 0);
  const hit = positions.length === 0 ? 0 : Math.min(...positions);
  if (hit < max / 3) return cutText(clean, max);
  let start = hit - Math.floor(max / 3);
  const space = clean.indexOf(' ', start);
  if (space >= 0 && space < hit) start = space + 1;
  return `…${cutText(clean.slice(start), max - 1)}`;
}

/** `<url|label>` for a safe http(s) URL; just the label otherwise. `label` must already be safe. */
export function link(url: string | null, safeLabel: string): string {
  const href = safeUrl(url);
  return href === null ? safeLabel : `<${href}|${safeLabel}>`;
}

export function safeUrl(url: string | null): string | null {
  if (url === null) return null;
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s]+$/i.test(trimmed) || trimmed.length > 2000) return null;
  return trimmed.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
