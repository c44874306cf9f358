import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { createLogger } from '../../src/log/create-logger.ts';
import type { Logger } from '../../src/model/logger.ts';

const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DB_PASSWORD = 'Tr0ub4dor-3';
const DATABASE_URL = `postgres://kaesong:${DB_PASSWORD}@db.internal:5432/kaesong`;

async function logged(format: 'text' | 'json', log: (logger: Logger) => void): Promise<string> {
  const config = loadConfig(
    { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: SIGNING_SECRET, DATABASE_URL, LOG_FORMAT: format },
    { slack: true },
  );
  const lines: string[] = [];
  log(await createLogger(config, (line) => lines.push(line)));
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe.each(['text', 'json'] as const)('createLogger, LOG_FORMAT=%s', (format) => {
  it('never writes the signing secret, in the message or in a detail', async () => {
    const line = await logged(format, (logger) =>
      logger.error(`verifying with ${SIGNING_SECRET}`, { config: { signingSecret: SIGNING_SECRET } }),
    );
    expect(line).not.toContain(SIGNING_SECRET);
    expect(line).toContain('verifying with [redacted]');
  });

  it('never writes the database password, inside DATABASE_URL or on its own', async () => {
    const line = await logged(format, (logger) =>
      logger.error(`could not open ${DATABASE_URL}`, new Error(`password ${DB_PASSWORD} rejected`)),
    );
    expect(line).not.toContain(DB_PASSWORD);
    expect(line).toContain('could not open postgres://kaesong:[redacted]@db.internal:5432/kaesong');
    expect(line).toContain('password [redacted] rejected');
  });

  it('never writes the bot token', async () => {
    expect(await logged(format, (logger) => logger.warn('token xoxb-1-abc rejected'))).not.toContain('xoxb-1-abc');
  });
});

describe('createLogger formats', () => {
  it('writes readable lines by default', async () => {
    expect(await logged('text', (logger) => logger.info('corpus reloaded: 9 records'))).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z info corpus reloaded: 9 records\n$/,
    );
  });

  it('writes one JSON object per line with LOG_FORMAT=json', async () => {
    expect(JSON.parse(await logged('json', (logger) => logger.info('corpus reloaded: 9 records')))).toMatchObject({
      level: 'info',
      msg: 'corpus reloaded: 9 records',
    });
  });
});
