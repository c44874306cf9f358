import type { CliContext } from '../command.ts';
import type { CorpusProblem } from '../../model/record.ts';
import type { LoadProgress } from '../../corpus/load-corpus.ts';

const EVERY = 500;

/** A progress reporter for long corpus reads: a line every 500 files, redrawn in place on a terminal. */
export function progressReporter(context: CliContext): { onProgress: (progress: LoadProgress) => void; done: () => void } {
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
