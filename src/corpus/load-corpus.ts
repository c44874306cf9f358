import { setImmediate as nextTurn } from 'node:timers/promises';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { CorpusProblem, CorpusRecord } from '../model/record.ts';
import { fileKind } from './detect-format.ts';
import { mergeRecords } from './merge-records.ts';
import { parseFileBytes } from './parse-file.ts';
import { parseSynonyms, type SynonymSet } from './parse-synonyms.ts';

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
  /** Called with what each file gave, before merging: what a live index remembers per file. */
  onFile?: (file: CorpusFile, outcome: FileOutcome) => void;
}

/** What one corpus file gives: records as parsed (not merged), problems, and synonyms when it is a synonyms file (else null). */
export interface FileOutcome {
  records: CorpusRecord[];
  problems: CorpusProblem[];
  synonyms: SynonymSet[] | null;
}

export interface LoadedCorpus {
  /** Merged, stubs added, in date then id order. */
  records: CorpusRecord[];
  problems: CorpusProblem[];
  /** The editors' synonyms (synonyms.txt files), one set of names per line. */
  synonyms: SynonymSet[];
  /** How many corpus files were read. */
  files: number;
}

/**
 * The corpus files under `dirs` (a path may also name one file), sorted by path; missing paths are
 * skipped. Synchronous on purpose: 8,600 stats take ~70 ms this way and ~250 ms through the thread
 * pool and promises, and the listing is on the path of every start and reload.
 */
export function listCorpusFiles(dirs: readonly string[]): CorpusFile[] {
  return findCorpusFiles(dirs).files;
}

/**
 * Reads, parses and merges every corpus file under `dirs`. Nothing here throws for bad input: a
 * missing folder, an unreadable or malformed file is a problem (paths as given) and the rest loads.
 * Files are read synchronously: a large corpus is loaded in a build process, where blocking costs
 * nothing, and the 8,600 WCEP files take ~70 ms of CPU this way against ~480 ms through promises.
 */
export async function loadCorpus(dirs: readonly string[], options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const { files, problems } =
    options.files === undefined ? findCorpusFiles(dirs) : { files: options.files, problems: missingFolders(dirs) };
  const collector = corpusCollector(problems, options.onFile);
  files.forEach((file, i) => {
    collector.add(file, readLocal(file.path));
    const { records, problems: found } = collector.progress();
    options.onProgress?.({ filesRead: i + 1, filesTotal: files.length, records, problems: found });
  });
  return collector.finish();
}

/** A file's bytes, or why it could not be read. */
type FileContent = Uint8Array | { error: unknown };

/** What loadCorpus does with each file's bytes, fed in path order. */
function corpusCollector(
  problems: CorpusProblem[],
  onFile?: (file: CorpusFile, outcome: FileOutcome) => void,
): {
  add(file: CorpusFile, content: FileContent): void;
  progress(): { records: number; problems: number };
  finish(): LoadedCorpus;
} {
  const records: CorpusRecord[] = [];
  const synonyms: SynonymSet[] = [];
  let files = 0;
  return {
    add(file, content) {
      const outcome = parseCorpusContent(file.path, content);
      if (outcome.synonyms !== null) synonyms.push(...outcome.synonyms);
      for (const record of outcome.records) records.push(record);
      problems.push(...outcome.problems);
      files += 1;
      onFile?.(file, outcome);
    },
    progress: () => ({ records: records.length, problems: problems.length }),
    finish: () => ({ records: mergeRecords(records), problems, synonyms, files }),
  };
}

/** Reads and parses one corpus file; never throws (an unreadable file is a problem). */
export function readCorpusFile(path: string): FileOutcome {
  return parseCorpusContent(path, readLocal(path));
}

/** Parsed as the text readFileSync(path, 'utf8') gives for these bytes (a BOM kept, bad bytes replaced). */
function parseCorpusContent(path: string, content: FileContent): FileOutcome {
  if (!(content instanceof Uint8Array))
    return { records: [], problems: [{ file: path, line: 0, reason: `cannot read file: ${errorCode(content.error)}` }], synonyms: null };
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (fileKind(path) === 'synonyms') {
    const outcome = parseSynonyms(bytes.toString('utf8'), path);
    return { records: [], problems: outcome.problems, synonyms: outcome.sets };
  }
  return { ...parseFileBytes(path, bytes), synonyms: null };
}

function readLocal(path: string): Uint8Array | { error: string } {
  try {
    return readFileSync(path);
  } catch (error) {
    return { error: errorCode(error) };
  }
}

/**
 * The same listing, letting the event loop run about every 1,000 files: for a bot that answers
 * meanwhile (a reload, a compaction's swap), where ~0.1 s in one go would hold up an ack.
 */
export async function listCorpusFilesInSteps(dirs: readonly string[]): Promise<CorpusFile[]> {
  const steps = findCorpusFileSteps(dirs);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value.files;
    await nextTurn();
  }
}

const FILES_PER_STEP = 1_000;

function findCorpusFiles(dirs: readonly string[]): { files: CorpusFile[]; problems: CorpusProblem[] } {
  const steps = findCorpusFileSteps(dirs);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** Yields between folders once another FILES_PER_STEP files are listed. */
function* findCorpusFileSteps(dirs: readonly string[]): Generator<void, { files: CorpusFile[]; problems: CorpusProblem[] }> {
  const files: CorpusFile[] = [];
  const problems: CorpusProblem[] = [];
  let stepEnd = FILES_PER_STEP;
  for (const dir of dirs) {
    const info = statOf(dir);
    if (info === undefined) problems.push(folderNotFound(dir));
    else if (info.isFile()) files.push({ path: dir, size: info.size, mtimeMs: info.mtimeMs });
    else
      for (const _folder of walk(dir, files)) {
        if (files.length < stepEnd) continue;
        stepEnd = files.length + FILES_PER_STEP;
        yield;
      }
  }
  const unique = new Map(files.map((file) => [file.path, file]));
  return { files: [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), problems };
}

export function missingFolders(dirs: readonly string[]): CorpusProblem[] {
  return dirs.filter((dir) => statOf(dir) === undefined).map(folderNotFound);
}

/** The file's or folder's stat, undefined when it cannot be had (gone since it was listed, a broken link, no access). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function folderNotFound(dir: string): CorpusProblem {
  return { file: dir, line: 0, reason: 'corpus folder not found' };
}

/** Lists the folder's files into `into`, yielding after each folder it has listed. */
function* walk(dir: string, into: CorpusFile[]): Generator<void, void> {
  const entries = readdirSync(dir, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.'));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isFile() && fileKind(entry.name) !== 'ignored') {
      const info = statOf(path);
      if (info !== undefined) into.push({ path, size: info.size, mtimeMs: info.mtimeMs });
    } else if (entry.isDirectory() && entry.name !== 'node_modules') {
      yield* walk(path, into);
    }
  }
  yield;
}

function errorCode(error: unknown): string {
  return error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
}
