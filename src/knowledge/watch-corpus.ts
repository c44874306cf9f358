import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../model/logger.ts';

export interface CorpusWatcher {
  close(): void;
}

/**
 * Calls `onChange` once things settle after files under the corpus folders are added, changed or
 * removed: editors save in bursts (temp file, rename, touch), and one reload per burst is enough.
 */
export function watchCorpus(dirs: readonly string[], onChange: () => void, options: { debounceMs: number; logger: Logger }): CorpusWatcher {
  let timer: NodeJS.Timeout | null = null;
  const changed = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, options.debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of dirs) {
    try {
      const watcher = watch(dir, { recursive: true }, changed);
      watcher.on('error', (error) => options.logger.warn(`corpus watch on ${dir} stopped: ${error.message}`));
      watchers.push(watcher);
    } catch (error) {
      options.logger.warn(`cannot watch corpus folder ${dir} for changes: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    close() {
      if (timer !== null) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
