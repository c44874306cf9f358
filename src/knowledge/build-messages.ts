export interface BuildRequest {
  dirs: string[];
  fingerprint: string;
}

export interface BuildTimings {
  parseMs: number;
  buildMs: number;
  encodeMs: number;
}

export type BuildReply =
  | { type: 'progress'; step: 'reading' | 'indexing'; done: number; total: number; records: number }
  | { type: 'done'; snapshot: ArrayBuffer; timings: BuildTimings }
  | { type: 'failed'; message: string };
