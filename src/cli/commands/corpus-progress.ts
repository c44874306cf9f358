import type { CliContext } from '../command.ts';
import type { CorpusProblem } from '../../model/record.ts';
import { loadCorpus, type LoadedCorpus, type LoadProgress } from '../../corpus/load-corpus.ts';

const EVERY = 500;

/** Reads corpus folders with progress on stderr, and hands every problem to `report` as file:line: reason. */
export async function readCorpus(dirs: readonly string[], context: CliContext, report: (line: string) => void): Promise<LoadedCorpus> {
  const progress = progressReporter(context);
  const loaded = await loadCorpus(dirs, { onProgress: progress.onProgress });
  progress.done();
  for (const problem of loaded.problems) report(formatProblem(problem));
  return loaded;
}

/** A progress reporter for long corpus reads: a line every 500 files, redrawn in place on a terminal. */
function progressReporter(context: CliContext): { onProgress: (progress: LoadProgress) => void; done: () => void } {
  let drawn = false;
  return {
    onProgress(progress) {
      const last = progress.filesRead === progress.filesTotal;
      if (progress.filesRead % EVERY !== 0 && !(last && drawn)) return;
      const line = `read ${progress.filesRead}/${progress.filesTotal} files: ${progress.records} records, ${progress.problems} problems`;
      if (context.interactive) {
        process.stderr.write(`\r${line}`);
        drawn = true;
      } else {
        context.err(line);
      }
    },
    done() {
      if (drawn) process.stderr.write('\n');
      drawn = false;
    },
  };
}

export function formatProblem(problem: CorpusProblem): string {
  return `${problem.file}:${problem.line}: ${problem.reason}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
