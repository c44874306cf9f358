import type { ParseOutcome } from '../model/record.ts';
import { detectFormat, fileKind } from './detect-format.ts';
import { parseArticle } from './parse-article.ts';
import { parseEventPage } from './parse-event-page.ts';
import { parseJsonl, parseJsonlBytes } from './parse-jsonl.ts';
import { parseWcep } from './parse-wcep.ts';
import { checkEncoding, decodesCleanly } from './text-encoding.ts';

/** Parses one corpus file with the parser its name and content call for; ignored files give nothing. */
export function parseFile(path: string, text: string): ParseOutcome {
  if (detectFormat(path, text) === 'ignored') return { records: [], problems: [] };
  const encoding = checkEncoding(text, path);
  if (!encoding.usable) return { records: [], problems: encoding.problems };
  const outcome = parseByFormat(path, text);
  return encoding.problems.length === 0 ? outcome : { records: outcome.records, problems: [...encoding.problems, ...outcome.problems] };
}

/** The same from the file's bytes (as readFileSync(path, 'utf8') would decode them): JSON Lines without decoding the whole file. */
export function parseFileBytes(path: string, bytes: Buffer): ParseOutcome {
  if (fileKind(path) === 'jsonl' && decodesCleanly(bytes)) return parseJsonlBytes(bytes, path);
  return parseFile(path, bytes.toString('utf8'));
}

function parseByFormat(path: string, text: string): ParseOutcome {
  switch (detectFormat(path, text)) {
    case 'event-page':
      return parseEventPage(text, path);
    case 'article':
      return parseArticle(text, path);
    case 'wcep':
      return parseWcep(text, path);
    case 'jsonl':
      return parseJsonl(text, path);
    case 'ignored':
      return { records: [], problems: [] };
    case 'unrecognised':
      return {
        records: [],
        problems: [
          {
            file: path,
            line: 1,
            reason: 'unrecognised format: expected an event page (### [date](/news/…)) or an article with --- front matter ---',
          },
        ],
      };
  }
}
