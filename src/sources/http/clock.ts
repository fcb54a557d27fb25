/**
 * Time as the HTTP client sees it: what it reads (`now`) and how it waits (`sleep`). Production uses
 * the real one; tests pass `virtualClock()`, whose waits return at once and move its time forward,
 * so a test of a 30 s Retry-After takes no time and can assert the wait that was asked for.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  },
};

/** A clock whose sleeps are instant: each adds its duration to `now()` and to `sleeps`. */
export interface VirtualClock extends Clock {
  readonly sleeps: number[];
}

export function virtualClock(start = Date.now()): VirtualClock {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      time += Math.max(0, ms);
    },
  };
}
