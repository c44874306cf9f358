export interface BuildRequest {
  dirs: string[];
  fingerprint: string;
}

export interface BuildTimings {
  parseMs: number;
  buildMs: number;
  encodeMs: number;
}

export interface BuildProgress {
  step: 'reading' | 'indexing';
  done: number;
  total: number;
  records: number;
}

export type BuildReply =
  | ({ type: 'progress' } & BuildProgress)
  | { type: 'done'; snapshot: ArrayBuffer; timings: BuildTimings }
  | { type: 'failed'; message: string };
