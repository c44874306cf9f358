import type { Config } from '../config/config.ts';
import { configSecrets } from '../config/secrets.ts';
import type { Logger } from '../model/logger.ts';
import { consoleLogger } from './console-logger.ts';
import { secretRedactor } from './redact.ts';

/**
 * The process's logger as configured: its level, its format, and every configured secret kept out.
 * pino is only loaded for LOG_FORMAT=json, so readable lines cost start-up nothing extra.
 */
export async function createLogger(
  config: Pick<Config, 'logLevel' | 'logFormat' | 'slack' | 'databaseUrl'>,
  write?: (line: string) => void,
): Promise<Logger> {
  const options = { redact: secretRedactor(configSecrets(config)), ...(write === undefined ? {} : { write }) };
  if (config.logFormat === 'text') return consoleLogger(config.logLevel, options);
  const { jsonLogger } = await import('./json-logger.ts');
  return jsonLogger(config.logLevel, options);
}
