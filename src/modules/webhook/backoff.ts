/**
 * When a failed delivery is tried again: exponential from `firstMs` (the first retry within a
 * minute, API.md), doubling up to `maxMs`, with up to 20 % jitter so that the subscribers of one
 * outage do not all come back at once. Deliveries stop when the subscription has failed for the
 * give-up period (24 hours by default; see the worker).
 */
export interface RetrySchedule {
  firstMs: number;
  maxMs: number;
  /** How long a subscription may fail without a success before it is disabled. */
  giveUpMs: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { firstMs: 30_000, maxMs: 3_600_000, giveUpMs: 24 * 3_600_000 };

/** The delay before attempt `attempts + 1`, after `attempts` failed ones (>= 1). */
export function retryDelayMs(schedule: RetrySchedule, attempts: number, random: () => number = Math.random): number {
  const base = Math.min(schedule.maxMs, schedule.firstMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (1 - 0.2 * random()));
}
