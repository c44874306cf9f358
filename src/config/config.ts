/** Everything the process is configured with, read once at start-up and passed down. */
export interface Config {
  corpusDirs: string[];
  /** Where index snapshots are cached; null disables them. */
  cacheDir: string | null;
  databaseUrl: string;
  /** How corpus changes reach the live index (README, "Operating"). */
  liveIndex: {
    /** Changed records plus tombstones that start a compaction into a new base. */
    compactAt: number;
    /** More corpus files changed at once than this are rebuilt in full; 0 rebuilds on every change. */
    rebuildAboveFiles: number;
  };
  digest: {
    /** `HH:MM`, in `timeZone`. */
    time: string;
    timeZone: string;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** `text`: one readable line per event; `json`: one JSON object per line, for log pipelines. */
  logFormat: 'text' | 'json';
  /** A separate port serving `/metrics` and `/healthz` (the only way to reach them in Socket Mode); null: none. */
  metricsPort: number | null;
  slack: SlackConfig | null;
  desk: DeskConfig;
}

/** Events added from Slack: who may edit anyone's, and who may add. */
export interface DeskConfig {
  /** KAESONG_EDITORS: user ids (`U…`, `W…`) and user-group ids (`S…`). */
  editors: string[];
  /** KAESONG_ADDING: `everyone` (default) or `editors` only. */
  adding: 'everyone' | 'editors';
}

export interface SlackConfig {
  botToken: string;
  signingSecret: string | null;
  /** Set: Socket Mode. Unset: HTTP mode on `port`. */
  appToken: string | null;
  apiUrl: string | null;
  port: number;
  slashCommand: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem} (see .env.example)`);
    this.name = 'ConfigError';
  }
}
