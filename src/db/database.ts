import { Client as PgClient } from "pg";
import type { DataSource, QueryRunner } from "typeorm";
import type { Config } from "../config";
import { createDataSource } from "./data-source";
import { runningEmbeddedPostgres, startEmbeddedPostgres } from "./embedded-postgres";

export interface Database {
  dataSource: DataSource;
  /** Where it is (the embedded server's URL when DATABASE_URL is unset): the job queue connects there too. */
  url: string;
  /**
   * DATABASE_URL's server (`external`), the embedded one this process started (`started`, stopped by
   * `close`), or the embedded one another process runs on DATA_DIR (`shared`, left running).
   */
  embedded: "external" | "started" | "shared";
  /** Stops what `openDatabase` started: the pool, and the embedded server if it started one. */
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

/** PostgreSQL's "the database system is starting up / shutting down" (cannot_connect_now). */
const CANNOT_CONNECT_NOW = "57P03";

/** Waits until the server of `url` takes connections (one that is starting), up to `timeoutMs`; rethrows the last refusal then. */
async function waitUntilAccepting(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new PgClient({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      const code = (error as { code?: string }).code;
      if ((code !== "ECONNREFUSED" && code !== CANNOT_CONNECT_NOW) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** One connection for the migrations, without the serving pool's statement_timeout. */
const migrationsDataSource = (url: string, options: { pgbouncer?: boolean }) =>
  createDataSource(url, { pool: { size: 1, statementTimeoutMs: 0, pgbouncer: options.pgbouncer }, applicationName: "client-data-gateway-migrations" });

/**
 * Applies pending migrations on a connection of its own, without the serving pool's
 * statement_timeout: building an index on a large table may take longer than any request should.
 * Answers the names of those it applied. Run it under `underStartupLock` when other processes may
 * start at the same moment.
 */
export async function migrate(url: string, log: (line: string) => void = () => undefined, options: { pgbouncer?: boolean } = {}): Promise<string[]> {
  const dataSource = migrationsDataSource(url, options);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: "each" });
    if (applied.length > 0) log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(", ")}`);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The migrations of `dataSource` (this version's) that the database `runner` is connected to has
 * not recorded as applied: a database not yet migrated, or a read replica behind (read-replicas.ts).
 */
export async function missingMigrations(runner: QueryRunner, dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? "migrations";
  const exists = await runner.hasTable(table);
  const done = new Set(exists ? ((await runner.query(`SELECT name FROM "${table}"`)) as { name: string }[]).map((row) => row.name) : []);
  return dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name).filter((name) => !done.has(name));
}

/** Migrations not yet applied to the database of `url` (none: an empty list). */
export async function pendingMigrations(url: string, options: { pgbouncer?: boolean } = {}): Promise<string[]> {
  const dataSource = migrationsDataSource(url, options);
  await dataSource.initialize();
  try {
    const queryRunner = dataSource.createQueryRunner();
    try {
      return await missingMigrations(queryRunner, dataSource);
    } finally {
      await queryRunner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The key of the startup lock (`pg_advisory_xact_lock`): "client-data-gateway startup" hashed,
 * a constant so every process of every version takes the same one.
 */
const STARTUP_LOCK = "client-data-gateway startup";

/**
 * Runs `work` (the migrations, the demo seed) while holding the database's startup lock, so that of
 * processes starting at the same moment one works and the others wait, then find nothing to do.
 * The lock is transaction-level, held by an open transaction on a connection of its own for as
 * long as `work` runs: it is released when that transaction ends (or its connection drops, if the
 * process dies), never left behind, and it works through PgBouncer in transaction mode, which
 * keeps one server connection for a transaction (a session-level lock would not).
 */
export async function underStartupLock<T>(url: string, work: () => Promise<T>, log: (line: string) => void = () => undefined): Promise<T> {
  const client = new PgClient({ connectionString: url, application_name: "client-data-gateway-startup" });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ got: boolean }>("SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS got", [STARTUP_LOCK]);
    if (!rows[0].got) {
      log("another process is migrating or seeding this database: waiting for it");
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [STARTUP_LOCK]);
    }
    try {
      return await work();
    } finally {
      await client.query("COMMIT").catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
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
  options: {
    ownSignalHandling?: boolean;
    /**
     * When another process (a running gateway) has the embedded PostgreSQL of DATA_DIR running,
     * connect to it instead of failing: PostgreSQL runs one postmaster per data directory. The
     * command-line tools that may run beside `npm start` (`npm run sync`) set it; the server
     * doesn't (a second gateway on one DATA_DIR still refuses to start).
     */
    shareRunningEmbedded?: boolean;
    /**
     * Work that must run once however many processes start (the demo seed): under the startup
     * lock, after the migrations, on the serving data source.
     */
    once?: (dataSource: DataSource) => Promise<void>;
  } = {},
): Promise<Database> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let serverKind: Database["embedded"] = "external";
  const running = !url && options.shareRunningEmbedded ? runningEmbeddedPostgres(config.dataDir) : null;
  if (running) {
    log(`using the embedded PostgreSQL already running in ${config.dataDir} (pid ${running.pid}, port ${running.port}${running.status && running.status !== "ready" ? `, ${running.status}` : ""})`);
    serverKind = "shared";
    try {
      await waitUntilAccepting(running.url, 30_000);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new Error(
        `${config.dataDir}/postmaster.pid says PostgreSQL (pid ${running.pid}) runs on port ${running.port}, but it does not answer there (${code ?? (error as Error).name}): ` +
          `if no PostgreSQL runs on DATA_DIR, the file is stale (its pid reused); start the gateway, or remove the file once you are sure`,
      );
    }
    url = await ensureDatabase(running.url, EMBEDDED_DATABASE);
  } else if (!url) {
    serverKind = "started";
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
  const dataSource = createDataSource(url, { pool: config.pool });
  const target = url;
  try {
    await underStartupLock(
      target,
      async () => {
        const pooler = { pgbouncer: config.pool.pgbouncer };
        if (config.migrateOnStart) {
          await migrate(target, log, pooler);
        } else {
          const pending = await pendingMigrations(target, pooler);
          if (pending.length > 0) {
            throw new Error(`the database lacks ${pending.length} migration(s) (${pending.join(", ")}) and MIGRATE_ON_START is off: run npm run migrate first`);
          }
        }
        await dataSource.initialize();
        await options.once?.(dataSource);
      },
      log,
    );
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await stopEmbedded?.();
    throw error;
  }
  return {
    dataSource,
    url,
    embedded: serverKind,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await stopEmbedded?.();
    },
  };
}
