import { parentPort, workerData } from 'node:worker_threads';
import type { BuildReply, BuildRequest } from './build-messages.ts';
import { buildSnapshot } from './build-snapshot.ts';

/** Parses the corpus and builds the index off the main thread, answering with the snapshot bytes. */
const request = workerData as BuildRequest;
const post = (reply: BuildReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);

try {
  const { snapshot, files, timings } = await buildSnapshot(request.dirs, request.files, request.fingerprint, (progress) =>
    post({ type: 'progress', ...progress }),
  );
  const whole = snapshot.byteOffset === 0 && snapshot.byteLength === snapshot.buffer.byteLength;
  const bytes = (
    whole ? snapshot.buffer : snapshot.buffer.slice(snapshot.byteOffset, snapshot.byteOffset + snapshot.byteLength)
  ) as ArrayBuffer;
  post({ type: 'done', snapshot: bytes, files, timings }, [bytes]);
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
