import type { Env } from '../config/load-config.ts';

/** What a CLI command may touch: its output streams and the environment, nothing global. */
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  env: Env;
  /** Stderr is a terminal: progress lines may redraw in place. */
  interactive: boolean;
}

export interface CliCommand {
  /** Words that select it: `['corpus', 'check']` runs for `kaesong corpus check …`. */
  path: string[];
  usage: string;
  summary: string;
  /** Returns the process exit code. */
  run(args: string[], context: CliContext): Promise<number>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}
