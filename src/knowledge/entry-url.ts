/**
 * The entry of a build process or thread started by the module at `caller` (its `import.meta.url`). From
 * source, `fromSource` beside that module (a boot file that registers tsx first, or plain JavaScript); in
 * the production bundle (`npm run build`), `bundled` at the top of dist/, the caller being in dist/main.mjs
 * or in one of its chunks.
 */
export function entryUrl(caller: string, fromSource: string, bundled: string): URL {
  if (caller.endsWith('.ts')) return new URL(`./${fromSource}`, caller);
  return new URL(caller.includes('/chunks/') ? `../${bundled}` : `./${bundled}`, caller);
}
