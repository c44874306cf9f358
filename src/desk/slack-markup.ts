const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/**
 * A message as Slack sends it, as the plain text a reader saw: `<https://x|label>` → label, bare
 * links → the URL, `<#C1|desk>` → #desk, `<@U1>` → @U1, `<!channel>` → @channel (plain text, which
 * never pings once rendered escaped), `*bold*` `_italic_` `~strike~` and backticks without their
 * markers, entities decoded. Line breaks are kept.
 */
export function plainFromSlack(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_token, inner: string) => visible(inner))
    .replace(/```([\s\S]*?)```/g, '$1')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/(^|[\s(])([*_~])(\S(?:[^\n]*?\S)?)\2(?=[\s).,;:!?]|$)/gm, '$1$3')
    .replace(/&(amp|lt|gt);/g, (_entity, name: string) => ENTITIES[name] ?? '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

function visible(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? '' : inner.slice(bar + 1);
  if (target.startsWith('@')) return label === '' ? target : `@${label}`;
  if (target.startsWith('#')) return label === '' ? target : `#${label}`;
  if (target.startsWith('!')) {
    const name = target.slice(1).replace(/^subteam\^\w+$/, 'group');
    return label === '' ? `@${name}` : label;
  }
  return label === '' ? target : label;
}

/** The links of a message as Slack sends it (`<https://…>` and `<https://…|label>`), in order, once each. */
export function linksInSlackText(text: string): string[] {
  const links = [...text.matchAll(/<(https?:\/\/[^<>|\s]+)(?:\|[^<>]*)?>/g)].map((match) => match[1]!);
  return [...new Set(links)];
}
