import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from '../../src/cli/run-cli.ts';
import { fakeCliContext } from '../support/cli-context.ts';

async function kaesong(...argv: string[]) {
  const { context, out, err } = fakeCliContext({ INDEX_CACHE_DIR: 'off' });
  const code = await runCli(argv, context);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kaesong <command> --help', () => {
  for (const command of COMMANDS) {
    const name = command.path.join(' ');
    it(`prints the usage of ${name} and exits 0`, async () => {
      expect(await kaesong(...command.path, '--help')).toEqual({
        code: 0,
        out: `Usage:\n  kaesong ${command.usage}\n      ${command.summary}`,
        err: '',
      });
      expect((await kaesong(...command.path, '-h')).code).toBe(0);
    });

    it(`answers ${name} with a wrong option in one line and the usage, exit 2`, async () => {
      expect(await kaesong(...command.path, '--bogus', 'x')).toEqual({
        code: 2,
        out: '',
        err: `kaesong ${name}: unknown option --bogus\nUsage: kaesong ${command.usage}`,
      });
    });
  }
});

describe('kaesong with a wrong argument', () => {
  it.each([
    [
      ['related'],
      `kaesong related: give the event's id, e.g. news/2013/08/7/north-korea-and-south-korea-agree-to-resume-talks-on-reopening-the-kaesong-industrial-zone`,
    ],
    [['related', 'a', 'b'], 'kaesong related: unexpected argument "b"'],
    [['search', 'kaesong', '--limit'], 'kaesong search: --limit needs a value'],
    [['search', 'kaesong', '--json=yes'], 'kaesong search: --json takes no value'],
    [['import', 'jsonl'], 'kaesong import jsonl: give one .jsonl file'],
    [['digest', 'run', 'now'], 'kaesong digest run: unexpected argument "now"'],
    [
      ['digest', 'preview', '--date', 'tomorrow'],
      'kaesong digest preview: --date must be a day as YYYY-MM-DD, e.g. 2026-11-23; got "tomorrow"',
    ],
  ])('kaesong %j says what is wrong first', async (argv, line) => {
    const { code, err } = await kaesong(...argv);
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe(line);
    expect(err.split('\n')[1]).toMatch(/^Usage: kaesong /);
  });

  it('lists every command for --help, help or nothing, and exits 2 for an unknown one', async () => {
    const all = await kaesong('--help');
    expect(all.code).toBe(0);
    expect(all.out.split('\n').filter((line) => line.startsWith('  kaesong '))).toEqual(
      COMMANDS.map((command) => `  kaesong ${command.usage}`),
    );
    expect(await kaesong('help')).toEqual(all);
    expect(await kaesong()).toEqual(all);
    const unknown = await kaesong('frobnicate');
    expect([unknown.code, unknown.err.split('\n')[0]]).toEqual([2, 'kaesong: unknown command "frobnicate"']);
  });
});

describe('bin/kaesong.mjs', () => {
  it('prints usage without a stack trace for related --help and a bad option', () => {
    const bin = fileURLToPath(new URL('../../bin/kaesong.mjs', import.meta.url));
    const help = spawnSync(process.execPath, [bin, 'related', '--help'], { encoding: 'utf8' });
    expect([help.status, help.stdout.split('\n')[0], help.stderr]).toEqual([0, 'Usage:', '']);
    const bad = spawnSync(process.execPath, [bin, 'related', '--verbose'], { encoding: 'utf8' });
    expect([bad.status, bad.stderr.split('\n')[0]]).toEqual([2, 'kaesong related: unknown option --verbose']);
  }, 60_000);
});
