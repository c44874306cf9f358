/** Everything the process is configured with, read once at start-up and passed down. */
export interface Config {
  corpusDirs: string[];
  /** Where index snapshots are cached; null disables them. */
  cacheDir: string | null;
  databaseUrl: string;
  digest: {
    /** `HH:MM`, in `timeZone`. */
    time: string;
    timeZone: string;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  slack: SlackConfig | null;
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
