import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Where the addon was not built (no compiler at install) or cannot load, trimming does nothing. */
function loadTrim() {
  try {
    return require('./build/Release/malloc_trim.node').trim;
  } catch {
    return null;
  }
}

const trim = loadTrim();

/** Whether trimMalloc can give memory back here (the addon built and loaded). */
export const canTrimMalloc = trim !== null;

/** malloc_trim(0): free pages inside malloc's heaps back to the system. True when some were given back. */
export function trimMalloc() {
  return trim === null ? false : trim();
}
