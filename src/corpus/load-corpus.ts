import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusProblem, CorpusRecord } from '../model/record.ts';
import { fileKind } from './detect-format.ts';
import { mergeRecords } from './merge-records.ts';
import { parseFile } from './parse-file.ts';

export interface CorpusFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface LoadProgress {
  filesRead: number;
  filesTotal: number;
  records: number;
  problems: number;
}

export interface LoadCorpusOptions {
  /** Called after each file is parsed. */
  onProgress?: (progress: LoadProgress) => void;
  /** The files under `dirs` when they were just listed (listCorpusFiles): read as given, not listed again. */
  files?: readonly CorpusFile[];
}

export interface LoadedCorpus {
  /** Merged, stubs added, in date then id order. */
  records: CorpusRecord[];
  problems: CorpusProblem[];
  /** How many corpus files were read. */
  files: number;
}

const READ_AHEAD = 64;

/** The corpus files under `dirs` (a path may also name one file), sorted by path; missing paths are skipped. */
export async function listCorpusFiles(dirs: readonly string[]): Promise<CorpusFile[]> {
  return (await findCorpusFiles(dirs)).files;
}

/**
 * Reads, parses and merges every corpus file under `dirs`. Nothing here throws for bad input: a
 * missing folder, an unreadable or malformed file is a problem (paths as given) and the rest loads.
 */
export async function loadCorpus(dirs: readonly string[], options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const { files, problems } = options.files === undefined ? await findCorpusFiles(dirs) : { files: options.files, problems: await missingFolders(dirs) };
  const records: CorpusRecord[] = [];
  for (let start = 0; start < files.length; start += READ_AHEAD) {
    const batch = files.slice(start, start + READ_AHEAD);
    const texts = await Promise.all(batch.map((file) => readFile(file.path, 'utf8').catch((error: unknown) => error)));
    batch.forEach((file, i) => {
      const text = texts[i];
      if (typeof text === 'string') {
        const outcome = parseFile(file.path, text);
        records.push(...outcome.records);
        problems.push(...outcome.problems);
      } else {
        problems.push({ file: file.path, line: 0, reason: `cannot read file: ${errorCode(text)}` });
      }
      options.onProgress?.({ filesRead: start + i + 1, filesTotal: files.length, records: records.length, problems: problems.length });
    });
  }
  return { records: mergeRecords(records), problems, files: files.length };
}

async function findCorpusFiles(dirs: readonly string[]): Promise<{ files: CorpusFile[]; problems: CorpusProblem[] }> {
  const files: CorpusFile[] = [];
  const problems: CorpusProblem[] = [];
  for (const dir of dirs) {
    const info = await stat(dir).catch(() => null);
    if (info === null) problems.push(folderNotFound(dir));
    else if (info.isFile()) files.push({ path: dir, size: info.size, mtimeMs: info.mtimeMs });
    else await walk(dir, files);
  }
  const unique = new Map(files.map((file) => [file.path, file]));
  return { files: [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), problems };
}

async function missingFolders(dirs: readonly string[]): Promise<CorpusProblem[]> {
  const found = await Promise.all(dirs.map((dir) => stat(dir).then(() => true, () => false)));
  return dirs.filter((_, i) => !found[i]).map(folderNotFound);
}

function folderNotFound(dir: string): CorpusProblem {
  return { file: dir, line: 0, reason: 'corpus folder not found' };
}

async function walk(dir: string, into: CorpusFile[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((entry) => !entry.name.startsWith('.'));
  const corpusFiles = entries.filter((entry) => entry.isFile() && fileKind(entry.name) !== 'ignored');
  const infos = await Promise.all(corpusFiles.map((entry) => stat(join(dir, entry.name))));
  corpusFiles.forEach((entry, i) => into.push({ path: join(dir, entry.name), size: infos[i]!.size, mtimeMs: infos[i]!.mtimeMs }));
  for (const entry of entries) {
    if (entry.isDirectory() && entry.name !== 'node_modules') await walk(join(dir, entry.name), into);
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
}
