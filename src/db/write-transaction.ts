import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import type { StatementStats } from "./statement-counter";
import { tenantTransactionSetup } from "./transaction-settings";
import { releaseGated } from "./tenant-session";
import { failFastWhenLost } from "./connection-lost";
import { PermitSource, UNGATED } from "./connection-gate";

/**
 * One mutation's writable transaction, run as the app role with the tenant set, so the row-level
 * security policies check every row it reads or writes. READ COMMITTED: each statement sees what
 * committed before it, which is what lets a waiting insert report the row that beat it (a
 * duplicate org number) and a retry see the idempotency record of the call it waited for.
 */
export class WriteTransaction {
  private savepoints = 0;

  private constructor(private readonly runner: QueryRunner) {}

  /** Opens the transaction; statements are counted into `stats` (the request's figures). */
  static async open(
    dataSource: DataSource,
    tenantId: string,
    stats: StatementStats,
    gate: PermitSource = UNGATED,
  ): Promise<WriteTransaction> {
    const permit = await gate.acquire(tenantId);
    let runner: QueryRunner;
    try {
      runner = dataSource.createQueryRunner();
    } catch (error) {
      permit();
      throw error;
    }
    runner.data = { stats, permit };
    failFastWhenLost(runner);
    try {
      await runner.connect();
      // Through TypeORM, not a raw BEGIN: a runner that does not know it is in a transaction lets
      // `manager.save` (and remove) open one of their own, whose COMMIT ends ours half-way: the
      // advisory locks go, later statements run outside it as the login role, past row-level
      // security, and a failure after them no longer undoes them.
      await runner.startTransaction("READ COMMITTED");
      const setup = tenantTransactionSetup(dataSource, tenantId);
      await runner.query(setup.sql, setup.values);
      return new WriteTransaction(runner);
    } catch (error) {
      await runner.query("ROLLBACK").catch(() => undefined);
      await releaseGated(runner);
      throw error;
    }
  }

  /** Runs `work` in a transaction of the tenant (not counted into any request), committed when it returns, rolled back when it throws. */
  static async run<T>(dataSource: DataSource, tenantId: string, work: (tx: WriteTransaction) => Promise<T>, stats: StatementStats = { statements: 0, framing: 0 }): Promise<T> {
    const tx = await WriteTransaction.open(dataSource, tenantId, stats);
    try {
      const result = await work(tx);
      await tx.end(true);
      return result;
    } catch (error) {
      await tx.end(false).catch(() => undefined);
      throw error;
    }
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  /**
   * The rows a statement returns, whatever its kind: `query` answers [rows, count] for an UPDATE or
   * DELETE (TypeORM's shape), this answers the rows (an UPDATE ... RETURNING's).
   */
  async rows<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const result = (await this.runner.query(sql, parameters, true)) as { records: T[] };
    return result.records;
  }

  query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.runner.query(sql, parameters) as Promise<T[]>;
  }

  /**
   * Runs `work` under a savepoint: when it throws, only its own statements are undone and the
   * transaction stays usable (a failed bulk item, a business error before the payload is stored).
   */
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const name = `sp_${++this.savepoints}`;
    await this.runner.query(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await this.runner.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.runner.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }

  /** Commits (or, for a dry run or a failure, rolls back) and returns the connection. */
  async end(commit: boolean): Promise<void> {
    // A connection that died took its transaction with it: nothing left to roll back. (A COMMIT
    // on it fails as connectionLost, through failFastWhenLost.)
    if (!commit && this.runner.isReleased) return releaseGated(this.runner);
    try {
      await (commit ? this.runner.commitTransaction() : this.runner.rollbackTransaction());
    } finally {
      await releaseGated(this.runner);
    }
  }
}
