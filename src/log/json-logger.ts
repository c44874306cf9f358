import { pino } from 'pino';
import type { Logger } from '../model/logger.ts';
import type { Level } from './console-logger.ts';
import { redactSecrets, type Redact } from './redact.ts';

export interface JsonLoggerOptions {
  /** Receives each serialised line, newline included; stderr by default. */
  write?: (line: string) => void;
  /** Applied to every whole line after serialising, so no field or nested error escapes it. */
  redact?: Redact;
}

/**
 * One JSON object per line, for log pipelines: `{"level":"warn","time":"…","pid":…,"hostname":"…",
 * "msg":"…","details":[…]}`. pino does the serialising: circular objects, errors with their cause and
 * stack, and a synchronous write so nothing is lost when the process exits.
 */
export function jsonLogger(minimum: Level = 'info', options: JsonLoggerOptions = {}): Logger {
  const redact = options.redact ?? redactSecrets;
  const write = options.write ?? stderrWriter();
  const logger = pino(
    {
      level: minimum,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => write(redact(line)) },
  );
  const log =
    (level: Level) =>
    (message: string, ...details: unknown[]) => {
      if (details.length === 0) logger[level](message);
      else
        logger[level]({ details: details.map((detail) => (detail instanceof Error ? pino.stdSerializers.err(detail) : detail)) }, message);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function stderrWriter(): (line: string) => void {
  const destination = pino.destination({ fd: 2, sync: true });
  return (line) => destination.write(line);
}
