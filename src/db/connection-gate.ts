import { serviceUnavailable } from "../common/errors";

/** Gives back the permit `acquire` granted; calling it twice is harmless. */
export type Release = () => void;

export interface ConnectionGateOptions {
  /** Permits in all: the pool's size. */
  size: number;
  /**
   * Permits no single tenant may take while they are free: kept for the other tenants, so one that
   * floods the server still leaves them a connection at once. At least 1 when size > 1.
   */
  reserved?: number;
  /**
   * How long a request waits in the queue for a permit before it fails with SERVICE_UNAVAILABLE:
   * a safety valve, long enough that a busy but healthy database never trips it.
   */
  timeoutMs: number;
  /** Requests one tenant may have waiting; one more is refused at once (SERVICE_UNAVAILABLE). */
  maxQueuedPerTenant?: number;
}

/** The default bound of one tenant's queue (DB_QUEUE_LIMIT). */
export const DEFAULT_QUEUE_LIMIT = 1_000;

interface Waiter {
  callerId: string;
  grant: (release: Release) => void;
  timer: NodeJS.Timeout;
}

/**
 * A fair share of the connection pool between tenants, in front of the pool itself. A request
 * takes a permit before it takes a connection and gives it back when it returns the connection.
 *
 * - No tenant holds more than `size - reserved` permits, so while one tenant floods the server
 *   (slow searches, a stream of writes), `reserved` connections stay free for everyone else. The
 *   same cap holds per caller (the token's subject) across its companies: a token for several
 *   companies can't take the reserve by flooding each of them.
 * - It is work-conserving: a tenant alone on the server uses up to that many, not a fixed slice.
 * - When permits are scarce, a freed one goes to the waiting tenant that holds the fewest (ties:
 *   the one waiting longest), FIFO within a tenant; so every waiting tenant is served in turn,
 *   however many requests the busiest one has queued.
 * - The queue is bounded: a tenant (or a caller, across its companies) with `maxQueuedPerTenant`
 *   requests waiting has its next one refused at once (503, retry), so a flood holds bounded memory and can't refuse other tenants;
 *   a request that waits longer than `timeoutMs` fails the same way. Both are far above what a
 *   healthy database under load needs: requests queue, they don't fail, because a busy pool.
 *
 * Each request holds at most one connection at a time (a mutation gives back its read connection
 * before it opens its write transaction), so a request never waits for a permit while holding one:
 * the gate can't deadlock. The counts are per process; with several processes each gates its own
 * pool, which is what each pool's size means.
 */
export class ConnectionGate {
  readonly size: number;
  readonly perTenant: number;
  private readonly timeoutMs: number;
  private readonly maxQueuedPerTenant: number;
  private inUse = 0;
  private readonly held = new Map<string, number>();
  private readonly heldByCaller = new Map<string, number>();
  /** Requests each caller has waiting, across its companies. */
  private readonly queuedByCaller = new Map<string, number>();
  /** Waiting tenants in arrival order of their oldest waiter. */
  private readonly waiting = new Map<string, Waiter[]>();

  constructor(options: ConnectionGateOptions) {
    this.size = Math.max(1, options.size);
    const reserved = Math.min(this.size - 1, Math.max(this.size > 1 ? 1 : 0, options.reserved ?? Math.floor(this.size / 4)));
    this.perTenant = this.size - reserved;
    this.timeoutMs = options.timeoutMs;
    this.maxQueuedPerTenant = Math.max(1, options.maxQueuedPerTenant ?? DEFAULT_QUEUE_LIMIT);
  }

  /** Permits `tenantId` holds now (tests, metrics). */
  heldBy(tenantId: string): number {
    return this.held.get(tenantId) ?? 0;
  }

  /** Permits held now, by every tenant (metrics). */
  get permitsInUse(): number {
    return this.inUse;
  }

  /** Requests waiting for a permit (tests, metrics). */
  get queued(): number {
    let count = 0;
    for (const queue of this.waiting.values()) count += queue.length;
    return count;
  }

  /**
   * Resolves with a release once `tenantId` may take a connection for `callerId` (by default the
   * tenant itself); SERVICE_UNAVAILABLE after the timeout, or at once when the tenant's queue is full.
   */
  acquire(tenantId: string, callerId: string = tenantId): Promise<Release> {
    // No waiter can be served while this one may be (dispatch serves them as soon as they can):
    // those queued are held at their caller's cap, and this one overtakes none of them.
    if (this.mayTake(tenantId, callerId)) return Promise.resolve(this.take(tenantId, callerId));
    // The same bound per caller across its companies: a token for N companies can't queue N times as many.
    if ((this.waiting.get(tenantId)?.length ?? 0) >= this.maxQueuedPerTenant || (this.queuedByCaller.get(callerId) ?? 0) >= this.maxQueuedPerTenant) {
      return Promise.reject(serviceUnavailable("Too many requests are waiting for the database; retry shortly"));
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        callerId,
        grant: resolve,
        timer: setTimeout(() => {
          const queue = this.waiting.get(tenantId);
          const index = queue?.indexOf(waiter) ?? -1;
          if (queue && index >= 0) {
            queue.splice(index, 1);
            if (queue.length === 0) this.waiting.delete(tenantId);
            count(this.queuedByCaller, callerId, -1);
          }
          reject(serviceUnavailable("Too many requests are waiting for the database; retry shortly"));
        }, this.timeoutMs),
      };
      const queue = this.waiting.get(tenantId);
      if (queue) queue.push(waiter);
      else this.waiting.set(tenantId, [waiter]);
      count(this.queuedByCaller, callerId, 1);
    });
  }

  private mayTake(tenantId: string, callerId: string): boolean {
    return this.inUse < this.size && this.heldBy(tenantId) < this.perTenant && (this.heldByCaller.get(callerId) ?? 0) < this.perTenant;
  }

  private take(tenantId: string, callerId: string): Release {
    this.inUse += 1;
    count(this.held, tenantId, 1);
    count(this.heldByCaller, callerId, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse -= 1;
      count(this.held, tenantId, -1);
      count(this.heldByCaller, callerId, -1);
      this.dispatch();
    };
  }

  /**
   * Hands free permits to waiting tenants, the one holding fewest first; within a tenant to the
   * first waiter whose caller may take one: a caller held at its cap by its other companies waits
   * without holding up the tenant's other callers.
   */
  private dispatch(): void {
    while (this.inUse < this.size) {
      let next: string | undefined;
      let index = -1;
      for (const [tenantId, queue] of this.waiting) {
        if (next !== undefined && this.heldBy(tenantId) >= this.heldBy(next)) continue;
        if (this.heldBy(tenantId) >= this.perTenant) continue; // none of its waiters may take one
        const servable = queue.findIndex((waiter) => this.mayTake(tenantId, waiter.callerId));
        if (servable < 0) continue;
        next = tenantId;
        index = servable;
      }
      if (next === undefined) return;
      const queue = this.waiting.get(next)!;
      const [waiter] = queue.splice(index, 1);
      // Re-inserted at the end: a tenant just served waits behind the others of equal share.
      this.waiting.delete(next);
      if (queue.length > 0) this.waiting.set(next, queue);
      clearTimeout(waiter.timer);
      count(this.queuedByCaller, waiter.callerId, -1);
      waiter.grant(this.take(next, waiter.callerId));
    }
  }
}

function count(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next === 0) counts.delete(key);
  else counts.set(key, next);
}

/** What a session takes its permits from: the gate, bound to the request's caller. */
export interface PermitSource {
  acquire(tenantId: string): Promise<Release>;
}

/** No gate: every acquire is granted (scripts and tests that open sessions directly). */
export const UNGATED: PermitSource = { acquire: async () => () => undefined };
