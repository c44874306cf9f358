import { isValidTimeZone } from './time-zone.ts';
import { ConfigError, type Config, type DeskConfig, type SlackConfig } from './config.ts';

export type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const LOG_FORMATS = ['text', 'json'] as const;
const ADDING = ['everyone', 'editors'] as const;

/**
 * Reads and validates configuration from an environment. The only reader of `process.env` is the
 * caller that passes it here. `slack: true` requires the Slack settings the bot needs to run.
 * Throws a ConfigError naming the first bad variable.
 */
export function loadConfig(env: Env, needs: { slack: boolean }): Config {
  const digestTime = value(env, 'DIGEST_TIME') ?? '08:30';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(digestTime)) {
    throw new ConfigError('DIGEST_TIME', `must be HH:MM on a 24-hour clock, e.g. 08:30; got "${digestTime}"`);
  }
  const timeZone = value(env, 'DIGEST_TZ') ?? 'UTC';
  if (!isValidTimeZone(timeZone)) {
    throw new ConfigError('DIGEST_TZ', `must be an IANA time zone such as Asia/Seoul; got "${timeZone}"`);
  }
  const logLevel = value(env, 'LOG_LEVEL') ?? 'info';
  if (!isOneOf(logLevel, LOG_LEVELS)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}; got "${logLevel}"`);
  }
  const logFormat = value(env, 'LOG_FORMAT') ?? 'text';
  if (!isOneOf(logFormat, LOG_FORMATS)) {
    throw new ConfigError('LOG_FORMAT', `must be one of ${LOG_FORMATS.join(', ')}; got "${logFormat}"`);
  }
  const metricsPort = value(env, 'METRICS_PORT');
  const databaseUrl = value(env, 'DATABASE_URL') ?? 'sqlite:./data/kaesong.db';
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with sqlite: or postgres://');
  }
  const cacheDir = value(env, 'INDEX_CACHE_DIR') ?? '.kaesong-cache';
  return {
    corpusDirs: list(value(env, 'CORPUS_DIR') ?? 'corpus'),
    cacheDir: cacheDir === 'off' ? null : cacheDir,
    databaseUrl,
    liveIndex: {
      compactAt: count(env, 'INDEX_COMPACT_AT', 5_000),
      rebuildAboveFiles: count(env, 'CORPUS_REBUILD_ABOVE_FILES', 2_000),
    },
    digest: { time: digestTime, timeZone },
    logLevel,
    logFormat,
    metricsPort: metricsPort === undefined ? null : port('METRICS_PORT', metricsPort),
    slack: needs.slack ? loadSlackConfig(env) : null,
    desk: loadDeskConfig(env),
  };
}

function loadDeskConfig(env: Env): DeskConfig {
  const editors = list(value(env, 'KAESONG_EDITORS') ?? '');
  const wrong = editors.find((id) => !/^[UWS][A-Z0-9]+$/.test(id));
  if (wrong !== undefined) {
    throw new ConfigError('KAESONG_EDITORS', `must list Slack user ids (U…) and user-group ids (S…), comma-separated; got "${wrong}"`);
  }
  const adding = value(env, 'KAESONG_ADDING') ?? 'everyone';
  if (!isOneOf(adding, ADDING)) throw new ConfigError('KAESONG_ADDING', `must be one of ${ADDING.join(', ')}; got "${adding}"`);
  return { editors, adding };
}

function loadSlackConfig(env: Env): SlackConfig {
  const botToken = required(env, 'SLACK_BOT_TOKEN');
  if (!botToken.startsWith('xoxb-')) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'must be a bot token starting with xoxb-');
  }
  const appToken = value(env, 'SLACK_APP_TOKEN') ?? null;
  if (appToken !== null && !appToken.startsWith('xapp-')) {
    throw new ConfigError('SLACK_APP_TOKEN', 'must be an app-level token starting with xapp- (or be left unset for HTTP mode)');
  }
  const signingSecret = value(env, 'SLACK_SIGNING_SECRET') ?? null;
  if (appToken === null && signingSecret === null) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'is required in HTTP mode (when SLACK_APP_TOKEN is unset)');
  }
  const httpPort = port('PORT', value(env, 'PORT') ?? '3000');
  const apiUrl = value(env, 'SLACK_API_URL') ?? null;
  if (apiUrl !== null && !/^https?:\/\/\S+$/.test(apiUrl)) {
    throw new ConfigError('SLACK_API_URL', `must be an http(s) URL; got "${apiUrl}"`);
  }
  const slashCommand = value(env, 'SLASH_COMMAND') ?? '/kaesong';
  if (!/^\/[a-z0-9_-]{1,31}$/.test(slashCommand)) {
    throw new ConfigError('SLASH_COMMAND', `must look like /kaesong (at most 32 characters); got "${slashCommand}"`);
  }
  return {
    botToken,
    signingSecret,
    appToken,
    apiUrl: apiUrl === null ? null : apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
    port: httpPort,
    slashCommand,
  };
}

function port(name: string, text: string): number {
  const number = Number(text);
  if (!/^\d+$/.test(text) || number > 65535) throw new ConfigError(name, `must be a port number; got "${text}"`);
  return number;
}

function count(env: Env, name: string, fallback: number): number {
  const text = value(env, name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new ConfigError(name, `must be a whole number; got "${text}"`);
  return Number(text);
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function required(env: Env, name: string): string {
  const raw = value(env, name);
  if (raw === undefined) throw new ConfigError(name, 'is not set');
  return raw;
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function isOneOf<T extends string>(raw: string, options: readonly T[]): raw is T {
  return (options as readonly string[]).includes(raw);
}
