import { inspect } from 'node:util';
import type { Logger } from '../model/logger.ts';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/** Slack tokens and signing secrets never reach a log line, whatever object carries them. */
const SECRET = /\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)/g;

function redactSecrets(text: string): string {
  return text.replace(SECRET, (token) => `${token.slice(0, 5)}[redacted]`);
}

/** One line per message on stderr: `2026-11-23T10:00:00.000Z warn message details`. */
export function consoleLogger(minimum: Level = 'info', write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const log = (level: Level) => (message: string, ...details: unknown[]) => {
    if (LEVELS[level] < LEVELS[minimum]) return;
    const rest = details.map((detail) => (typeof detail === 'string' ? detail : inspect(detail, { depth: 4, breakLength: Infinity })));
    write(`${redactSecrets([new Date().toISOString(), level, message, ...rest].join(' '))}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
