import type { Config } from './config.ts';

/**
 * The configured values that must never reach a log line: the Slack tokens, the signing secret (a
 * plain hex string no pattern can recognise) and the database password, as written and as decoded.
 */
export function configSecrets(config: Pick<Config, 'slack' | 'databaseUrl'>): string[] {
  const secrets = [config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret, ...databasePassword(config.databaseUrl)];
  return [...new Set(secrets.filter((secret): secret is string => typeof secret === 'string' && secret !== ''))];
}

function databasePassword(databaseUrl: string): string[] {
  let password: string;
  try {
    password = new URL(databaseUrl).password;
  } catch {
    return [];
  }
  if (password === '') return [];
  try {
    return [password, decodeURIComponent(password)];
  } catch {
    return [password];
  }
}
