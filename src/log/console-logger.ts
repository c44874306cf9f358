import { inspect } from 'node:util';
import type { Logger } from '../model/logger.ts';
import { redactSecrets, type Redact } from './redact.ts';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type Level = keyof typeof LEVELS;

export interface ConsoleLoggerOptions {
  write?: (line: string) => void;
  /** Applied to every whole line; tokens and URL passwords by default. */
  redact?: Redact;
}

/** One line per message on stderr: `2026-11-23T10:00:00.000Z warn message details`. */
export function consoleLogger(minimum: Level = 'info', options: ConsoleLoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const redact = options.redact ?? redactSecrets;
  const log =
    (level: Level) =>
    (message: string, ...details: unknown[]) => {
      if (LEVELS[level] < LEVELS[minimum]) return;
      const rest = details.map((detail) => (typeof detail === 'string' ? detail : inspect(detail, { depth: 4, breakLength: Infinity })));
      write(`${redact([new Date().toISOString(), level, message, ...rest].join(' '))}\n`);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
