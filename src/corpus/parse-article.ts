import yaml from 'js-yaml';
import type { CorpusProblem, ParseOutcome } from '../model/record.ts';
import { splitFrontMatter } from './front-matter.ts';
import { parseIsoDate } from './iso-date.ts';
import { articleId } from './slug.ts';

/**
 * A background article: YAML front matter (`title`, `date` YYYY-MM-DD or empty, `outlet`, `url`,
 * `tags`), then the text. The lead paragraph is the summary; empty fields mean "not known".
 */
export function parseArticle(text: string, file: string): ParseOutcome {
  const problems: CorpusProblem[] = [];
  const parts = splitFrontMatter(text);
  if (parts === null) {
    return { records: [], problems: [{ file, line: 1, reason: 'article must open with --- front matter ---' }] };
  }
  let meta: unknown;
  try {
    meta = yaml.load(parts.yaml, { schema: yaml.CORE_SCHEMA }) ?? {};
  } catch (error) {
    const line = error instanceof yaml.YAMLException ? error.mark.line + 2 : 1;
    const reason = error instanceof yaml.YAMLException ? error.reason : String(error);
    return { records: [], problems: [{ file, line, reason: `front matter is not valid YAML: ${reason}` }] };
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    return { records: [], problems: [{ file, line: 2, reason: 'front matter must be a mapping of fields' }] };
  }
  const fields = meta as Record<string, unknown>;
  const title = asText(fields.title);
  if (title === '') {
    return { records: [], problems: [{ file, line: 2, reason: 'article front matter has no title' }] };
  }
  const dateText = asText(fields.date);
  const date = dateText === '' ? null : parseIsoDate(dateText);
  if (dateText !== '' && date === null) {
    problems.push({ file, line: 2, reason: `article date must be YYYY-MM-DD or empty; got "${dateText}"` });
  }
  const outlet = asText(fields.outlet);
  const url = asText(fields.url);
  const body = parts.body.trim();
  return {
    records: [
      {
        id: articleId(title),
        kind: 'article',
        date,
        title,
        summary: firstParagraph(body),
        body,
        image: asText(fields.image) || null,
        sources: outlet !== '' || url !== '' ? [{ name: outlet, url: url === '' ? null : url }] : [],
        contexts: tags(fields.tags),
        category: null,
        related: [],
        stub: false,
        origin: { file, line: 1, format: 'article' },
      },
    ],
    problems,
  };
}

function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function tags(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.map(asText).filter((tag) => tag !== '');
}

function firstParagraph(body: string): string {
  const paragraph = body.split(/\r?\n\s*\r?\n/).find((part) => part.trim() !== '') ?? '';
  return paragraph
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join(' ');
}
