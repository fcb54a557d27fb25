import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import type { StatementStats } from "./statement-counter";
import { APP_ROLE, beginTenantRead, TENANT_SETTING } from "./transaction-settings";
import { failFastWhenLost } from "./connection-lost";
import { PermitSource, Release, UNGATED } from "./connection-gate";
import type { PickedReplica, ReadReplicas } from "./replicas/read-replicas";
import { FENCE_SQL, fencePassed, ReadRoute } from "./replicas/write-fence";

export { APP_ROLE, TENANT_SETTING };

/** The read replicas a query operation's session may read from, and whose writes it must see there. */
export interface ReplicaReads {
  replicas: ReadReplicas;
  /** The caller's token subject: its fence (src/db/replicas/read-replicas.ts). */
  subject: string;
}

/**
 * One request's window on the database: a single transaction, opened on first use, in which the
 * role and the tenant are set with `set_config(..., true)` (transaction-local, so nothing leaks to
 * the next user of the pooled connection). Reads see one REPEATABLE READ snapshot, so every loader
 * of a request agrees with the others.
 */
export class TenantSession {
  readonly stats: StatementStats = { statements: 0, framing: 0 };
  /**
   * Transactions opened after `release()`: a read the plan missed (src/common/prefetch.ts).
   * Each is correct and tenant-confined, but sees a later snapshot than the reads before it.
   */
  lateReads = 0;
  private runner: Promise<QueryRunner> | undefined;
  private closed = false;
  /** Set by `release()`: the request has read all it planned to. */
  private released = false;
  private releasing: Promise<void> | undefined;
  private permitsHeld = 0;
  /** While the request writes: reads started meanwhile wait for it (see `pauseReads`). */
  private writing: Promise<void> | undefined;
  /** Set by `readFromReplicas()`: a query operation, whose reads may go to a replica. */
  private replicaReads = false;
  /** Where the last transaction's reads went, when replicas are configured and this is a query operation. */
  route: ReadRoute | undefined;
  /**
   * Where the first read transaction went (a replica, or null: the primary): a later one (a late
   * read) goes there too, so a request never reads an older snapshot than its earlier fields
   * (another replica may lag more).
   */
  private pinned: PickedReplica | null | undefined;

  constructor(
    private readonly dataSource: DataSource,
    readonly tenantId: string,
    /** The tenant's fair share of the pool: a permit is taken before the connection. */
    private readonly gate: PermitSource = UNGATED,
    /** Called on each late read (a read after `release()`), to log it. */
    private readonly onLateRead?: () => void,
    /** DATABASE_READ_URL's replicas, when configured. */
    private readonly replicas?: ReplicaReads,
  ) {}

  /**
   * The operation is a query: its reads may go to a replica (one that has applied the caller's
   * writes). A mutation's never do: it reads what it wrote, on the primary.
   */
  readFromReplicas(): void {
    if (this.replicas) this.replicaReads = true;
  }

  /** Connections (permits of the gate) this request holds now: 0 or 1. */
  get connectionsHeld(): number {
    return this.permitsHeld;
  }

  /** The entity manager bound to this request's transaction. */
  async manager(): Promise<EntityManager> {
    return (await this.queryRunner()).manager;
  }

  /** Runs raw SQL in this request's transaction. */
  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return (await this.queryRunner()).query(sql, parameters) as Promise<T[]>;
  }

  /**
   * Ends the current read transaction, so the next read opens a new snapshot: after a mutation
   * committed, its payload's relations must see the change.
   */
  async renew(): Promise<void> {
    if (this.closed || !this.runner) return;
    const runner = this.runner;
    this.runner = undefined;
    const open = await runner.catch(() => undefined);
    if (!open) return;
    try {
      await open.query("COMMIT");
    } finally {
      await releaseGated(open);
    }
  }

  /**
   * Ends the read transaction and holds this request's reads until the returned function is
   * called: a mutation writes in a transaction of its own, and this keeps the request to one
   * connection (one permit of the gate) at a time. Without it, a loader left pending by an earlier
   * field (a payload's sub-field that failed, say) opens a read session while the write
   * transaction is open, and with one permit per tenant the request waits for itself.
   */
  async pauseReads(): Promise<() => void> {
    let resume!: () => void;
    const barrier = new Promise<void>((resolve) => (resume = resolve));
    this.writing = barrier;
    // Synchronously after the barrier: a runner set before it is not waiting for it.
    await this.renew();
    return () => {
      if (this.writing === barrier) this.writing = undefined;
      resume();
    };
  }

  /**
   * Ends the read transaction (commit) and returns the connection before the request ends: the
   * request has run every read it needs, and what remains is JavaScript work on values in memory
   * (src/common/prefetch.ts). A read after it still works: it opens a new transaction, as the first
   * read did, and is counted in `lateReads`.
   */
  release(): Promise<void> {
    this.released = true;
    return (this.releasing ??= this.renew());
  }

  /** Ends the transaction (commit, or rollback when `failed`) and returns the connection to the pool. */
  async close(failed = false): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.releasing;
    } finally {
      await this.end(failed);
    }
  }

  private async end(failed: boolean): Promise<void> {
    if (!this.runner) return;
    const runner = await this.runner.catch(() => undefined);
    if (!runner) return;
    try {
      await runner.query(failed ? "ROLLBACK" : "COMMIT");
    } finally {
      await releaseGated(runner);
    }
  }

  private queryRunner(): Promise<QueryRunner> {
    if (this.closed) return Promise.reject(new Error("The request's database session is already closed"));
    this.runner ??= this.writing ? this.writing.then(() => this.open()) : this.open();
    return this.runner;
  }

  private async open(): Promise<QueryRunner> {
    if (this.released) {
      this.lateReads += 1;
      this.onLateRead?.();
    }
    const granted = await this.gate.acquire(this.tenantId);
    this.permitsHeld += 1;
    let given = false;
    const permit: Release = () => {
      if (given) return;
      given = true;
      this.permitsHeld -= 1;
      granted();
    };
    let runner: QueryRunner;
    try {
      runner = (await this.beginOnReplica()) ?? (await this.begin(this.dataSource));
    } catch (error) {
      permit();
      throw error;
    }
    (runner.data as { permit?: Release }).permit = permit;
    return runner;
  }

  /** The read transaction on `dataSource`, the tenant set; no permit on it yet. */
  private async begin(dataSource: DataSource): Promise<QueryRunner> {
    const runner = dataSource.createQueryRunner();
    runner.data = { stats: this.stats };
    failFastWhenLost(runner);
    serialiseQueries(runner);
    try {
      await runner.connect();
      await beginTenantRead(runner, dataSource, this.tenantId);
      return runner;
    } catch (error) {
      await abandon(runner);
      throw error;
    }
  }

  /**
   * A query's read transaction on a replica, when one is up and its snapshot holds the caller's
   * last write; else undefined (read on the primary). The caller's fence is read on the primary
   * while the replica's transaction opens, and compared with the replica's copy in that
   * transaction's own snapshot: every read of it then sees at least what the caller wrote.
   */
  private async beginOnReplica(): Promise<QueryRunner | undefined> {
    if (!this.replicaReads || !this.replicas || this.pinned === null) return undefined;
    if (this.pinned) return this.beginOnPinned(this.pinned);
    const { replicas, subject } = this.replicas;
    const replica = replicas.pick();
    if (!replica) return this.onPrimary("replica-unavailable");
    const [fence, opened] = await Promise.allSettled([replicas.fenceOf(this.tenantId, subject, this.stats), this.begin(replica.dataSource)]);
    if (fence.status === "rejected") {
      // The primary failed: the request fails as it would have without replicas.
      if (opened.status === "fulfilled") await abandon(opened.value);
      throw fence.reason;
    }
    if (opened.status === "rejected") {
      replica.failed(opened.reason);
      return this.onPrimary("replica-unavailable");
    }
    const runner = opened.value;
    if (fence.value !== null) {
      let seen: string | null;
      try {
        seen = ((await runner.query(FENCE_SQL, [this.tenantId, subject])) as { version: string }[])[0]?.version ?? null;
      } catch (error) {
        await abandon(runner);
        replica.failed(error);
        return this.onPrimary("replica-unavailable");
      }
      if (!fencePassed(fence.value, seen)) {
        await abandon(runner);
        return this.onPrimary("caller-wrote");
      }
    }
    this.pinned = replica;
    this.route = { target: "replica", reason: "replica", replica: replica.label };
    return replica.watch(runner);
  }

  /** A later read transaction on the replica the first one read on (no fence to check again: its snapshot is as new or newer). */
  private async beginOnPinned(replica: PickedReplica): Promise<QueryRunner | undefined> {
    // Left out since (by another request, or a probe): don't wait for it.
    if (!replica.isUp()) return this.onPrimary("replica-unavailable");
    try {
      return replica.watch(await this.begin(replica.dataSource));
    } catch (error) {
      replica.failed(error);
      // The primary is ahead of every replica: still no older snapshot than before.
      return this.onPrimary("replica-unavailable");
    }
  }

  private onPrimary(reason: ReadRoute["reason"]): undefined {
    this.pinned = null;
    this.route = { target: "primary", reason };
    return undefined;
  }
}

/**
 * Ends a transaction that won't be used and returns its connection, whatever state it is in (a
 * runner that never connected has nothing to roll back: it is only released).
 */
async function abandon(runner: QueryRunner): Promise<void> {
  if ((runner as { databaseConnection?: unknown }).databaseConnection) await runner.query("ROLLBACK").catch(() => undefined);
  await runner.release().catch(() => undefined);
}

/** Returns a runner's connection to the pool and its permit to the gate (the permit even when the release fails). */
export async function releaseGated(runner: QueryRunner): Promise<void> {
  try {
    await runner.release();
  } finally {
    (runner.data as { permit?: Release }).permit?.();
  }
}

/**
 * A request's loaders fire together, but one connection runs one statement at a time: queue them
 * here rather than lean on the pg client's implicit queue (deprecated, gone in pg 9).
 */
function serialiseQueries(runner: QueryRunner): void {
  const run = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: unknown[]) => {
    const next = tail.then(() => run(...args));
    tail = next.catch(() => undefined);
    return next;
  }) as QueryRunner["query"];
}
