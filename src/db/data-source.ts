import "reflect-metadata";
import path from "node:path";
import { DataSource } from "typeorm";
import { entities } from "../modules";
import { SnakeNamingStrategy } from "./naming-strategy";
import { StatementCountingLogger } from "./statement-counter";
import { DEFAULT_POOL, PoolSettings } from "../config";
import { IDLE_IN_TRANSACTION_MS, STATEMENT_TIMEOUTS } from "./transaction-settings";

export const MIGRATIONS_GLOB = path.join(__dirname, "..", "..", "migrations", "*.{ts,js}");

export interface DataSourceOptions {
  /** Pool size, how long to wait for a connection, and PostgreSQL's statement_timeout. */
  pool?: Partial<PoolSettings>;
  applicationName?: string;
}

/** The gateway's TypeORM data source. `synchronize` is never on: migrations own the schema. */
export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
  const pool = { ...DEFAULT_POOL, ...options.pool };
  const dataSource = new DataSource({
    type: "postgres",
    url,
    entities,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: "typeorm_migrations",
    migrationsTransactionMode: "each",
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: "pgcrypto",
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new StatementCountingLogger(),
    logging: true,
    extra: {
      max: pool.size,
      application_name: options.applicationName ?? "client-data-gateway",
      // Also the longest a request waits for a pooled connection: a full pool fails fast.
      connectionTimeoutMillis: pool.connectionTimeoutMs,
      // Startup parameters PgBouncer refuses: there, only the transactions' own settings hold.
      ...(pool.pgbouncer
        ? {}
        : {
            statement_timeout: pool.statementTimeoutMs,
            // A request's transaction left open by a bug must not hold its locks and snapshot for ever.
            idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
          }),
      keepAlive: true,
    },
  });
  STATEMENT_TIMEOUTS.set(dataSource, pool.statementTimeoutMs);
  return dataSource;
}

/** The figures of a data source's pg pool (none before it is initialised): for /metrics. */
export function poolCounts(dataSource: DataSource): { total: number; idle: number; waiting: number } | undefined {
  const pool = (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } } | undefined)?.master;
  return pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
