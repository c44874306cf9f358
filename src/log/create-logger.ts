import type { Config } from '../config/config.ts';
import { configSecrets } from '../config/secrets.ts';
import type { Logger } from '../model/logger.ts';
import { consoleLogger } from './console-logger.ts';
import { jsonLogger } from './json-logger.ts';
import { secretRedactor } from './redact.ts';

/** The process's logger as configured: its level, its format, and every configured secret kept out. */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat' | 'slack' | 'databaseUrl'>, write?: (line: string) => void): Logger {
  const options = { redact: secretRedactor(configSecrets(config)), ...(write === undefined ? {} : { write }) };
  return config.logFormat === 'json' ? jsonLogger(config.logLevel, options) : consoleLogger(config.logLevel, options);
}
