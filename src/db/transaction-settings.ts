import type { DataSource } from "typeorm";
import { DEFAULT_POOL } from "../config";

/** A request's transaction is cut after this long idle (a bug's transaction left open must not hold its locks). */
export const IDLE_IN_TRANSACTION_MS = 60_000;

/** Each data source's statement_timeout, as createDataSource was given it. */
export const STATEMENT_TIMEOUTS = new WeakMap<DataSource, number>();

/**
 * The transaction-local settings every tenant and write transaction makes in its first
 * statement, after the role and the tenant (`$3`, `$4`): the data source's statement_timeout and
 * the idle-in-transaction timeout. Transaction-local, so they hold whichever server connection a
 * pooler (PgBouncer in transaction mode) gives the transaction, and leave nothing behind.
 */
export function transactionTimeouts(dataSource: DataSource): { sql: string; values: string[] } {
  const statementMs = STATEMENT_TIMEOUTS.get(dataSource) ?? DEFAULT_POOL.statementTimeoutMs;
  return {
    sql: `set_config('statement_timeout', $3, true), set_config('idle_in_transaction_session_timeout', $4, true)`,
    values: [`${statementMs}ms`, `${IDLE_IN_TRANSACTION_MS}ms`],
  };
}
