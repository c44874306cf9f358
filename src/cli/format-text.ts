import type { SearchPage } from '../model/search.ts';
import { primaryUrl } from '../model/record.ts';

/** A plain-text listing of a search page for the terminal. */
export function formatPage(page: SearchPage, label: string): string {
  const count = `${page.total} ${page.total === 1 ? 'result' : 'results'}`;
  const lines = [`${label} · ${count}${page.relaxed ? ' (matching some of the words)' : ''}`];
  page.hits.forEach(({ record, related }, i) => {
    lines.push('', `${page.offset + i + 1}. ${record.date ?? 'undated'}  ${record.title}`);
    if (record.summary !== '' && record.summary !== record.title) lines.push(`   ${record.summary.slice(0, 280)}`);
    const url = primaryUrl(record);
    if (record.sources.length > 0)
      lines.push(`   sources: ${record.sources.map((source) => source.name).join(', ')}${url === null ? '' : ` — ${url}`}`);
    if (record.contexts.length > 0) lines.push(`   context: ${record.contexts.join(', ')}`);
    for (const event of related) lines.push(`   related: ${event.date ?? 'undated'} ${event.title} (${event.reason})`);
  });
  return lines.join('\n');
}
