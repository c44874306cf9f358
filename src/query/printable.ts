const LINE_BREAKING_OR_CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
/** Bidi overrides and isolates, marks, and the BOM: invisible, and able to garble a label. */
const INVISIBLE_FORMATTING = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Control and line-breaking characters become spaces; invisible formatting and broken surrogates go. */
export function toPrintable(text: string): string {
  return text.replace(LINE_BREAKING_OR_CONTROL, ' ').replace(INVISIBLE_FORMATTING, '').replace(LONE_SURROGATE, '');
}

/** At most `max` characters (code points, so no emoji is cut in half), ending in `…` when cut. */
export function capLength(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}
