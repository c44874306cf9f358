import { rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { BuildOutput, BuildReply, BuildRequest } from './build-messages.ts';
import { buildSnapshot } from './build-snapshot.ts';
import { encodeManifest } from './manifest-file.ts';

// The index build in a process of its own (forked by open-knowledge.ts): it writes the snapshot and the
// manifest itself and exits, so the hundreds of MB a build peaks at go back to the system, not to the
// bot's allocator, and the bot's thread neither copies nor encodes them.

const send = (reply: BuildReply) =>
  new Promise<void>((resolve) => {
    if (process.connected) process.send!(reply, undefined, undefined, () => resolve());
    else resolve();
  });

let out: BuildOutput | null = null;

// Disconnected mid-build, the bot is gone: nobody wants the result, nor will anyone remove what was written of it.
process.on('disconnect', () => {
  if (out === null) process.exit(0);
  for (const path of [out.snapshot, out.manifest, out.folder]) if (path !== null) rmSync(path, { recursive: true, force: true });
  process.exit(1);
});

process.once('message', async (request: BuildRequest) => {
  out = request.out;
  try {
    const { snapshot, manifest, timings } = await buildSnapshot(
      request.dirs,
      request.files,
      request.fingerprint,
      (progress) => void send({ type: 'progress', ...progress }),
      request.threads,
    );
    await writeFile(request.out.snapshot, snapshot);
    await writeFile(request.out.manifest, encodeManifest(manifest));
    await send({ type: 'done', timings });
  } catch (error) {
    await send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  out = null;
  process.disconnect();
});
