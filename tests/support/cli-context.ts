import type { CliContext } from '../../src/cli/command.ts';

/** A CLI context that records what a command prints, line by line, with the environment given. */
export function fakeCliContext(env: Record<string, string> = {}): { context: CliContext; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const context: CliContext = { out: (text) => out.push(text), err: (text) => err.push(text), env, interactive: false };
  return { context, out, err };
}
