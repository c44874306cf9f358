import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { describeError } from '../model/describe-error.ts';
import type { Logger } from '../model/logger.ts';

export interface CorpusWatcher {
  close(): void;
}

/**
 * Calls `onChange` once things settle after files under the corpus folders are added, changed or
 * removed: editors save in bursts (temp file, rename, touch), and one reload per burst is enough;
 * but at least every `maxWaitMs` (default 1 s) while changes keep coming.
 *
 * One plain watch per folder rather than `recursive: true`: on Linux, Node 20 emulates a recursive
 * watch by walking and watching every file, which took the main thread ~0.2-0.3 s for the 8,600-file
 * WCEP tree; 311 folder watches take ~25 ms. Folders added later are watched when they appear.
 */
export function watchCorpus(
  dirs: readonly string[],
  onChange: () => void,
  options: { debounceMs: number; logger: Logger; maxWaitMs?: number },
): CorpusWatcher {
  const watchers = new Map<string, FSWatcher>();
  // A steady stream of saves (one every few ms) would otherwise put the change off for as long as it lasts.
  const maxWaitMs = options.maxWaitMs ?? Math.max(1_000, options.debounceMs);
  let timer: NodeJS.Timeout | null = null;
  let pendingSince = 0;
  const changed = () => {
    const now = performance.now();
    if (timer === null) pendingSince = now;
    else if (now - pendingSince >= maxWaitMs) return;
    else clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = null;
        watchFolders();
        onChange();
      },
      Math.min(options.debounceMs, maxWaitMs - (now - pendingSince)),
    );
  };

  const watchFolders = () => {
    const folders = new Set(dirs.flatMap((dir) => foldersUnder(dir)));
    for (const [folder, watcher] of watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      watchers.delete(folder);
    }
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, changed);
        // A watched folder that is deleted ends its watch; its parent's watch reports the deletion.
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch (error) {
        options.logger.warn(`cannot watch corpus folder ${folder} for changes: ${describeError(error)}`);
      }
    }
  };

  for (const dir of dirs) {
    if (statSync(dir, { throwIfNoEntry: false }) === undefined)
      options.logger.warn(`cannot watch corpus folder ${dir} for changes: it does not exist`);
  }
  watchFolders();
  return {
    close() {
      if (timer !== null) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** The path itself (a folder, or a single corpus file) and every folder below it; none when it is missing. */
function foldersUnder(path: string): string[] {
  const info = statSync(path, { throwIfNoEntry: false });
  if (info === undefined) return [];
  if (!info.isDirectory()) return [path];
  const folders = [path];
  try {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
        folders.push(...foldersUnder(join(path, entry.name)));
    }
  } catch {
    // Removed while being read: the next change lists it again.
  }
  return folders;
}
