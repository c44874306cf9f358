/** Counts listener runs still going: shutdown lets them finish, and the collections after a swap wait for quiet. */
export interface InFlight {
  readonly size: number;
  /** How long nothing has been in flight: 0 while something is. */
  quietForMs(): number;
  track<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves true once nothing is in flight, false if `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean>;
}

export function inFlightWork(): InFlight {
  let size = 0;
  let quietSince = performance.now();
  const waiters = new Set<() => void>();
  return {
    get size() {
      return size;
    },
    quietForMs() {
      return size > 0 ? 0 : performance.now() - quietSince;
    },
    async track(work) {
      size += 1;
      try {
        return await work();
      } finally {
        size -= 1;
        if (size === 0) {
          quietSince = performance.now();
          for (const wake of waiters) wake();
        }
      }
    },
    drained(timeoutMs) {
      if (size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (value: boolean) => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(value);
        };
        const wake = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        waiters.add(wake);
      });
    },
  };
}
