import type { CorpusRecord } from '../model/record.ts';

/**
 * An event as an event page in the corpus format (`### [2013-08-7](/news/2013/08/7/index.md)`, `# headline`,
 * summary, `_Context: …_`, `### Source:`, `### Related:`), which parseEventPage reads back as the same
 * record: `&`, brackets and lines that would read as markup are written as entities, and the context
 * line is always there, so an event without tags does not take its related events' tags.
 */
export function toEventPage(record: CorpusRecord): string {
  const [year, month, day] = (record.date ?? '').split('-');
  const lines = [
    `### [${year}-${month}-${Number(day)}](/news/${year}/${month}/${Number(day)}/index.md)`,
    '',
    `# ${encode(record.title)} `,
    '',
  ];
  for (const paragraph of record.summary.split('\n\n').filter((text) => text.trim() !== ''))
    lines.push(encodeLineStart(encode(paragraph)), '');
  lines.push(`_Context: ${record.contexts.join(', ')}_`, '', '');
  const sources = record.sources.filter((source) => source.url !== null).map((source) => ({ name: source.name, url: source.url! }));
  if (record.image !== null) sources.push({ name: 'Cover Image', url: record.image });
  if (sources.length > 0) {
    lines.push('### Source:', '');
    sources.forEach((source, i) => lines.push(`${i + 1}. [${encode(source.name)}](${source.url})`));
    lines.push('');
  }
  if (record.related.length > 0) {
    lines.push('### Related:', '');
    record.related.forEach((link, i) => {
      const context = link.contexts.length === 0 ? '' : ` _Context: ${encode(link.contexts.join(', '))}_`;
      lines.push(`${i + 1}. [${encode(link.title)}](/${link.id}.md)${context}`);
    });
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `news/2013/08/7/slug` → `2013-08-07-slug.md`, one file per event. */
export function eventPageFileName(record: CorpusRecord): string {
  return `${record.date}-${record.id.split('/').at(-1)}.md`;
}

function encode(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/\[/g, '&#91;').replace(/\]/g, '&#93;').replace(/\n/g, ' ');
}

/** A paragraph that would read as a heading, a list item or a context line. */
function encodeLineStart(text: string): string {
  return text
    .replace(/^#/, '&#35;')
    .replace(/^_/, '&#95;')
    .replace(/^(\d+)\./, '$1&#46;');
}
