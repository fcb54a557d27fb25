import { setTimeout as sleep } from "node:timers/promises";

/**
 * Polls `probe` until it answers something truthy (that value), or fails after `timeoutMs`: for
 * a state another process or a worker reaches (a job's completion, a run's end), never a race fixed by a sleep.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
