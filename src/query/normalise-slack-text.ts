const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/**
 * Turns text as Slack sends it into what the user saw: user and broadcast mentions
 * (`<@U123>`, `<!channel>`) disappear, channels (`<#C123|general>`) and links
 * (`<https://x.com|label>`) become their visible name, bare links disappear, and
 * `&amp;` `&lt;` `&gt;` are decoded. Whitespace is collapsed and trimmed.
 */
export function normaliseSlackText(text: string): string {
  if (typeof text !== 'string') return '';
  return text
    .replace(/<([^<>]*)>/g, (_token, inner: string) => visibleText(inner))
    .replace(/&(amp|lt|gt);/g, (_entity, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

function visibleText(inner: string): string {
  if (inner.startsWith('@') || inner.startsWith('!')) return '';
  const bar = inner.indexOf('|');
  const label = bar === -1 ? '' : inner.slice(bar + 1);
  return label;
}
