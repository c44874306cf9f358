/**
 * Run by bench/live-updates.ts in a process of its own: where the full-rebuild path starts to pay. The
 * time to apply a burst of changed one-event files one by one (re-read, merge, into the live index),
 * against a full rebuild in the worker. Prints JSON. Arguments: the corpus folders.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveKnowledge } from '../src/knowledge/live-knowledge.ts';
import type { Logger } from '../src/model/logger.ts';
import { eventLine } from './live-updates.ts';

/**
 * Where the full-rebuild path starts to pay: in this process, the time to apply a burst of changed
 * one-event files one by one (re-read, merge, into the live index), against a full rebuild in the worker.
 */
async function measureBursts(dirs: readonly string[]): Promise<{ applied: { files: number; ms: number }[]; rebuildMs: number }> {
  const work = await mkdtemp(join(tmpdir(), 'kaesong-bench-burst-'));
  const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
  const desk = join(work, 'desk');
  await mkdir(desk);
  const live = liveKnowledge([...dirs, desk], { cacheDir: join(work, 'cache'), logger: quiet, onIndex: () => {}, watchDelayMs: 3_600_000 });
  const applied: { files: number; ms: number }[] = [];
  let rebuildMs = Number.NaN;
  try {
    await live.ready;
    for (const files of [100, 1_000]) {
      for (let i = 0; i < files; i += 1) await writeFile(join(desk, `burst-${files}-${i}.jsonl`), eventLine(`Zqxburst${i} quay`, i));
      const started = performance.now();
      await live.reload();
      applied.push({ files, ms: performance.now() - started });
    }
    const started = performance.now();
    await live.compact();
    rebuildMs = performance.now() - started;
  } finally {
    await live.close();
    await rm(work, { recursive: true, force: true });
  }
  return { applied, rebuildMs };
}

process.stdout.write(`${JSON.stringify(await measureBursts(process.argv.slice(2)))}\n`);
