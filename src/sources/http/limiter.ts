import type { Clock } from "./clock";

/** At most `limit` holders at once; the others wait in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError("Semaphore: limit must be a whole number of at least 1");
  }

  /** Waits for a slot; rejects with the signal's reason when it aborts first. Returns the release. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw signal.reason;
    if (this.active < this.limit) {
      this.active++;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(grant);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal?.reason);
      };
      this.waiting.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
    // The slot was handed over by a release: `active` was not decremented for it.
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}

/**
 * Spaces request starts at least 1/rate seconds apart (a requests-per-second cap), and holds every
 * start back while the source has asked for a pause (a Retry-After).
 */
export class StartGate {
  private nextStart = 0;
  private pausedUntil = 0;

  constructor(
    private readonly clock: Clock,
    private readonly requestsPerSecond?: number,
  ) {
    if (requestsPerSecond !== undefined && !(requestsPerSecond > 0)) throw new RangeError("requestsPerSecond must be above 0");
  }

  /** The source asked for no request before `until` (epoch ms). */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Waits until a request may start, and books that start. */
  async pass(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    let at = Math.max(now, this.pausedUntil);
    if (this.requestsPerSecond !== undefined) {
      at = Math.max(at, this.nextStart);
      this.nextStart = at + 1000 / this.requestsPerSecond;
    }
    if (at > now) await this.clock.sleep(at - now, signal);
  }
}
