import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import type { StatementStats } from "./statement-counter";
import { APP_ROLE, TENANT_SETTING, tenantTransactionSetup } from "./transaction-settings";
import { failFastWhenLost } from "./connection-lost";
import { PermitSource, Release, UNGATED } from "./connection-gate";

export { APP_ROLE, TENANT_SETTING };

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

  constructor(
    private readonly dataSource: DataSource,
    readonly tenantId: string,
    /** The tenant's fair share of the pool: a permit is taken before the connection. */
    private readonly gate: PermitSource = UNGATED,
    /** Called on each late read (a read after `release()`), to log it. */
    private readonly onLateRead?: () => void,
  ) {}

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
      runner = this.dataSource.createQueryRunner();
    } catch (error) {
      permit();
      throw error;
    }
    runner.data = { stats: this.stats, permit };
    failFastWhenLost(runner);
    serialiseQueries(runner);
    try {
      await runner.connect();
      await runner.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const setup = tenantTransactionSetup(this.dataSource, this.tenantId);
      await runner.query(setup.sql, setup.values);
      return runner;
    } catch (error) {
      await runner.query("ROLLBACK").catch(() => undefined);
      await releaseGated(runner);
      throw error;
    }
  }
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
