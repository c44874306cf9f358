import { UsageError } from './command.ts';

/** Each option's kind: one value, a value that may repeat (`--corpus a --corpus b`), or a flag. */
type OptionKinds = Record<string, 'string' | 'strings' | 'boolean'>;

type OptionValues<K extends OptionKinds> = {
  [Name in keyof K]?: K[Name] extends 'boolean' ? boolean : K[Name] extends 'strings' ? string[] : string;
};

interface Arguments {
  /** Words that are not options: how many a command takes. */
  min?: number;
  max?: number;
  /** What they are, for the message when there are too few: "one .jsonl file". */
  what?: string;
}

/**
 * `--name value`, `--name=value` and `--flag`; `--` ends the options. A word with one dash
 * (`-nuclear`) is a word, not an option: queries use it to leave words out. Anything the command does
 * not take is a UsageError, whose message is one line.
 */
export function parseOptions<K extends OptionKinds>(
  args: readonly string[],
  kinds: K,
  { min = 0, max = Number.POSITIVE_INFINITY, what = 'arguments' }: Arguments = {},
): { values: OptionValues<K>; words: string[] } {
  const values: Record<string, string | string[] | boolean> = {};
  const words: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [name = '', inline] = splitOnce(arg.slice(2), '=');
    const kind = kinds[name];
    if (kind === undefined) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      values[name] = true;
      continue;
    }
    const value = inline ?? args[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (inline === undefined) i += 1;
    values[name] = kind === 'strings' ? [...((values[name] as string[] | undefined) ?? []), value] : value;
  }
  if (words.length < min) throw new UsageError(`give ${what}`);
  if (words.length > max) throw new UsageError(`unexpected argument "${words[max]}"`);
  return { values: values as OptionValues<K>, words };
}

/** `--help` or `-h` before any `--`. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
