import { Client as PgClient } from "pg";
import type { DataSource } from "typeorm";
import type { Config } from "../config";
import { createDataSource } from "./data-source";
import { startEmbeddedPostgres } from "./embedded-postgres";

export interface Database {
  dataSource: DataSource;
  /** Where it is (the embedded server's URL when DATABASE_URL is unset): the job queue connects there too. */
  url: string;
  /** Stops what `openDatabase` started: the pool, and the embedded server if there is one. */
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = "client_gateway";

/** Creates `name` on the server of `url` unless it exists; returns the URL of that database. */
export async function ensureDatabase(url: string, name: string): Promise<string> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/**
 * Applies pending migrations on a connection of its own, without the serving pool's
 * statement_timeout: building an index on a large table may take longer than any request should.
 */
export async function migrate(url: string, log: (line: string) => void = () => undefined): Promise<void> {
  const dataSource = createDataSource(url, { pool: { size: 1, statementTimeoutMs: 0 }, applicationName: "client-data-gateway-migrations" });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: "each" });
    if (applied.length > 0) log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(", ")}`);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The database of the configuration: `DATABASE_URL` when set, else an embedded PostgreSQL whose
 * data lives in `DATA_DIR` and survives restarts, and which is restarted when it dies (`log` is
 * told at `warn`). Migrations are applied before it is returned.
 * With `ownSignalHandling` the caller stops it on SIGINT/SIGTERM itself, after draining requests.
 */
export async function openDatabase(
  config: Config,
  log: (line: string, level?: "info" | "warn") => void,
  options: { ownSignalHandling?: boolean } = {},
): Promise<Database> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    log(`starting embedded PostgreSQL in ${config.dataDir} (port ${config.embeddedPgPort})`);
    const embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      persistent: true,
      ownSignalHandling: options.ownSignalHandling,
      report: (level, message) => log(message, level),
    });
    stopEmbedded = embedded.stop;
    url = await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
  }
  try {
    await migrate(url, log);
  } catch (error) {
    await stopEmbedded?.();
    throw error;
  }
  const dataSource = createDataSource(url, { pool: config.pool });
  try {
    await dataSource.initialize();
  } catch (error) {
    await stopEmbedded?.();
    throw error;
  }
  return {
    dataSource,
    url,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await stopEmbedded?.();
    },
  };
}
