import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | null | undefined;

/**
 * A full garbage collection now (~60 ms on the archive's heap). After a compaction the old base (its
 * term tree and its 77 MB snapshot buffer) is garbage, but a bot that allocates little may not collect
 * it for minutes, and RSS stays ~200 MB above a fresh start's until it does. Node has no API for this:
 * `gc` is made available (as `--expose-gc` would) and taken from a new context, once. A no-op where that fails.
 */
export function collectGarbage(): void {
  if (collector === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    } catch {
      collector = null;
    }
  }
  collector?.();
}
