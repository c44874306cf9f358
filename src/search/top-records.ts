/** A record and its score, as a page of results lists them. */
export interface Scored {
  n: number;
  score: number;
}

/**
 * The best `capacity` of the records offered, best first (higher score, then lower number): a heap
 * of that size in two typed arrays, so a query over 100,000 matches keeps five of them, not 100,000
 * objects and a sort. Its root is the worst kept, the one a better record replaces.
 */
export class TopRecords {
  private readonly numbers: Uint32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(readonly capacity: number) {
    this.numbers = new Uint32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  offer(n: number, score: number): void {
    if (this.size < this.capacity) {
      this.siftUp(this.size++, n, score);
    } else if (this.capacity > 0 && isBetter(n, score, this.numbers[0]!, this.scores[0]!)) {
      this.siftDown(0, n, score);
    }
  }

  /** The records kept, best first. */
  sorted(): Scored[] {
    const kept: Scored[] = [];
    for (let i = 0; i < this.size; i += 1) kept.push({ n: this.numbers[i]!, score: this.scores[i]! });
    return kept.sort((a, b) => b.score - a.score || a.n - b.n);
  }

  private siftUp(at: number, n: number, score: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!isBetter(this.numbers[parent]!, this.scores[parent]!, n, score)) break;
      this.put(at, this.numbers[parent]!, this.scores[parent]!);
      at = parent;
    }
    this.put(at, n, score);
  }

  private siftDown(at: number, n: number, score: number): void {
    for (;;) {
      let worst = 2 * at + 1;
      if (worst >= this.size) break;
      const right = worst + 1;
      if (right < this.size && isBetter(this.numbers[worst]!, this.scores[worst]!, this.numbers[right]!, this.scores[right]!))
        worst = right;
      if (!isBetter(n, score, this.numbers[worst]!, this.scores[worst]!)) break;
      this.put(at, this.numbers[worst]!, this.scores[worst]!);
      at = worst;
    }
    this.put(at, n, score);
  }

  private put(at: number, n: number, score: number): void {
    this.numbers[at] = n;
    this.scores[at] = score;
  }
}

/** Ranks before: a higher score, or the same score and a lower number (an older record). */
function isBetter(n: number, score: number, otherN: number, otherScore: number): boolean {
  return score > otherScore || (score === otherScore && n < otherN);
}
