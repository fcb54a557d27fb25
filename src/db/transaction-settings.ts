import type { DataSource, QueryRunner } from "typeorm";
import { DEFAULT_POOL } from "../config";

/** A request's transaction is cut after this long idle (a bug's transaction left open must not hold its locks). */
export const IDLE_IN_TRANSACTION_MS = 60_000;

/** Each data source's statement_timeout, as createDataSource was given it. */
export const STATEMENT_TIMEOUTS = new WeakMap<DataSource, number>();

/**
 * The role every tenant query runs as: not the tables' owner, not a superuser, no BYPASSRLS, so
 * the row-level security policies apply to it. Created by the RLS migration.
 */
export const APP_ROLE = "client_gateway_app";

/** The setting the row-level security policies compare `tenant_id` with. */
export const TENANT_SETTING = "app.tenant_id";

/**
 * The first statement of every tenant and write transaction: the role, the tenant, the data
 * source's statement_timeout and the idle-in-transaction timeout, all transaction-local, so they
 * hold whichever server connection a pooler (PgBouncer in transaction mode) gives the
 * transaction, and leave nothing behind on it.
 */
export function tenantTransactionSetup(dataSource: DataSource, tenantId: string): { sql: string; values: string[] } {
  const statementMs = STATEMENT_TIMEOUTS.get(dataSource) ?? DEFAULT_POOL.statementTimeoutMs;
  return {
    sql: `SELECT set_config('role', $1, true), set_config('${TENANT_SETTING}', $2, true), set_config('statement_timeout', $3, true), set_config('idle_in_transaction_session_timeout', $4, true)`,
    values: [APP_ROLE, tenantId, `${statementMs}ms`, `${IDLE_IN_TRANSACTION_MS}ms`],
  };
}

/**
 * Opens a request's read transaction on `runner` (connected, or connecting now): one REPEATABLE
 * READ snapshot, read only, the role and the tenant set. On the primary or a replica alike (the
 * replicas' probe runs it too, to find one where a request's reads would fail).
 */
export async function beginTenantRead(runner: QueryRunner, dataSource: DataSource, tenantId: string): Promise<void> {
  await runner.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const setup = tenantTransactionSetup(dataSource, tenantId);
  await runner.query(setup.sql, setup.values);
}
