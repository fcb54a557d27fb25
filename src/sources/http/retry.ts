/** When and how often a failed request to a source is tried again. */
export interface RetryPolicy {
  /** Retries after a 5xx other than 503, a timeout or a network error. Default 3. */
  maxRetries: number;
  /** Retries after a 429 or a 503 (the source asks to slow down). Default 5. */
  maxThrottleRetries: number;
  /** First backoff delay; it doubles with each retry. Default 500 ms. */
  baseDelayMs: number;
  /** Longest backoff delay. Default 30 s. */
  maxDelayMs: number;
  /** Longest Retry-After the client waits; a longer one fails the request with `retryAfterMs`. Default 120 s. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 3,
  maxThrottleRetries: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/**
 * The wait a Retry-After header asks for, in ms: delay-seconds ("120") or an HTTP date ("Wed, 21
 * Oct 2015 07:28:00 GMT", relative to `now`). Null when absent or unreadable; never negative.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!/[a-z]/i.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * Exponential backoff with jitter for the n-th retry (1, 2, ...): the capped exponential delay's
 * upper half, picked at random, so that clients failing together don't retry together.
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
