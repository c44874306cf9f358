import { spawn } from 'node:child_process';

const repo = new URL('../..', import.meta.url).pathname;

export interface BotProcess {
  port: number;
  log: () => string;
  /** SIGTERM, resolved once the process has exited. */
  stop: () => Promise<void>;
}

/**
 * A real bot process in HTTP mode on a free port, started from the repository with `args` (the source
 * through tsx, or the bundle) and only `env` for environment; resolves once /healthz says ready.
 */
export async function startBotProcess(args: string[], env: Record<string, string>, name = 'bot'): Promise<BotProcess> {
  const child = spawn(process.execPath, args, {
    cwd: repo,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 60_000;
  let port: number | null = null;
  while (Date.now() < deadline && child.exitCode === null) {
    port ??= Number(/listening for Slack on http:\/\/localhost:(\d+)\//.exec(output)?.[1] ?? 0) || null;
    const status =
      port === null
        ? 0
        : await fetch(`http://127.0.0.1:${port}/healthz`).then(
            (response) => response.status,
            () => 0,
          );
    if (port !== null && status === 200) return { port, log: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`${name} did not become ready:\n${output}`);
}
