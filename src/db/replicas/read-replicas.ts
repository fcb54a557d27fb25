import type { DataSource, QueryRunner } from "typeorm";
import type { PoolSettings, ReadReplicaSettings } from "../../config";
import type { Logger } from "../../common/log";
import { isDatabaseUnavailable } from "../../common/errors";
import { createDataSource, poolCounts } from "../data-source";
import { missingMigrations } from "../database";
import type { StatementStats } from "../statement-counter";
import { beginTenantRead } from "../transaction-settings";
import { FENCE_SQL } from "./write-fence";

export type { ReadRoute } from "./write-fence";

class Replica {
  dataSource: DataSource | undefined;
  up = false;
  /** While down: when a probe may try it again. */
  retryAt = 0;
  probing = false;
  /** Bumped on each change of state: a failure reported by a request that picked it before then is stale. */
  generation = 0;
  /** While up: when a background probe checks it again (a subscriber may start copying a table anew, say). */
  checkAt = 0;

  constructor(
    readonly label: string,
    readonly url: string,
  ) {}
}

/** A replica a query's session took: its pool, and how to report it failing. */
export interface PickedReplica {
  label: string;
  dataSource: DataSource;
  /** The replica failed under this request: leave it out (unless it was already marked down and back since). */
  failed(error: unknown): void;
  /** Not left out since it was picked. */
  isUp(): boolean;
  /** `runner` (a transaction on this replica), reporting a statement that finds the replica gone (`replicaGone`). */
  watch(runner: QueryRunner): QueryRunner;
}

/** statement_timeout, and a standby's recovery conflict: a request's, not a replica's, failure. */
const REQUEST_FAILURES = new Set(["57014", "40001"]);
/** undefined_table, undefined_column: a replica whose schema lacks a migration. */
const SCHEMA_MISSING = new Set(["42P01", "42703"]);

/**
 * Whether a statement's failure on a replica means the replica is gone (its connection lost, the
 * server shutting down or refusing) or lacks the gateway's schema (a table or column missing):
 * then it is left out (the request itself fails: SERVICE_UNAVAILABLE for the former, retry). A
 * statement timeout or a read cancelled by the standby's recovery is the request's own bad luck,
 * not the replica's: it stays in.
 */
function replicaGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && SCHEMA_MISSING.has(code)) return true;
  return isDatabaseUnavailable(error) && !(typeof code === "string" && REQUEST_FAILURES.has(code));
}

/** Why a reachable database can't serve as a replica: the log line's `code`. */
class NotAReplica extends Error {
  constructor(readonly code: "NOT_A_REPLICA" | "REPLICA_SYNCING" | "REPLICA_NOT_MIGRATED" | "PROBE_TIMEOUT") {
    super(code);
  }
}

/** The tenant the probe's transaction is set up for: no tenant's rows are read. */
const PROBE_TENANT = "gateway-replica-probe";
/** How often a replica that is up is probed again, at least. */
const RECHECK_MS = 10_000;
/** How long `close()` waits for the replicas' pools (a hung connection must not hold a shutdown). */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * The read replicas of DATABASE_READ_URL (src/db/tenant-session.ts routes a query operation's
 * reads here). A replica is taken in turn while it answers. Before it is first used, after it
 * failed, and every RECHECK_MS while it is used, it is probed (in the background: no request
 * waits for a probe): it must be a replica (a hot standby, or a logical subscriber whose tables
 * have all been copied: a subscriber still copying has some tables at a later point than others)
 * with every migration of this version, and a read transaction as requests run it (the app role,
 * the tenant set, the fence's table) must work there. One that fails (a probe, or a request's
 * statement finding it gone: refused, unreachable, shutting down, its schema incomplete) is left
 * out for DATABASE_READ_RETRY_MS, then probed again and taken again once the probe succeeds. With
 * no replica up, reads go to the primary.
 *
 * Read-your-writes: each mutation bumps its caller's row of `write_fence` in its own transaction
 * (write-fence.ts); a query of that caller first reads the row on the primary (`fenceOf`, one
 * indexed statement) and uses a replica only when the replica's copy, read in the query's own
 * snapshot there, is at least as new. The fence lives in PostgreSQL, so it holds across
 * processes: a write through one and a read through another.
 */
export class ReadReplicas {
  private next = 0;
  private closed = false;

  private constructor(
    private readonly primary: DataSource,
    private readonly replicas: Replica[],
    private readonly settings: ReadReplicaSettings,
    private readonly pool: PoolSettings,
    private readonly logger: Logger,
    /** Applied to each replica's data source before it connects (the tracing's SQL spans). */
    private readonly prepare: (dataSource: DataSource) => void,
  ) {}

  /** The replicas of `settings` (probed; one that fails is left out for now), or undefined when there are none. */
  static async open(
    primary: DataSource,
    settings: ReadReplicaSettings,
    pool: PoolSettings,
    logger: Logger,
    prepare: (dataSource: DataSource) => void = () => undefined,
  ): Promise<ReadReplicas | undefined> {
    if (settings.urls.length === 0) return undefined;
    const replicas = new ReadReplicas(
      primary,
      settings.urls.map((url, index) => new Replica(`replica-${index + 1}`, url)),
      settings,
      pool,
      logger,
      prepare,
    );
    await Promise.all(replicas.replicas.map((replica) => replicas.probe(replica)));
    return replicas;
  }

  /** The next replica that is up, in turn; undefined when none is (a replica whose wait is over is probed meanwhile). */
  pick(): PickedReplica | undefined {
    const now = Date.now();
    const count = this.replicas.length;
    const start = this.next;
    this.next = (this.next + 1) % count;
    for (let i = 0; i < count; i += 1) {
      const replica = this.replicas[(start + i) % count];
      if (replica.up && replica.dataSource) {
        if (!replica.probing && now >= replica.checkAt) void this.probe(replica);
        const generation = replica.generation;
        const failed = (error: unknown) => {
          if (replica.generation === generation) this.down(replica, error);
        };
        return {
          label: replica.label,
          dataSource: replica.dataSource,
          failed,
          isUp: () => replica.up && replica.generation === generation,
          watch: (runner) => {
            const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
            runner.query = ((...args: unknown[]) =>
              query(...args).catch((error: unknown) => {
                if (replicaGone(error)) failed(error);
                throw error;
              })) as QueryRunner["query"];
            return runner;
          },
        };
      }
      if (!replica.probing && now >= replica.retryAt) void this.probe(replica);
    }
    return undefined;
  }

  /** Each replica as this process sees it now (for /metrics): up or left out, and its pool's connections. */
  states(): { label: string; up: boolean; inUse: number; idle: number }[] {
    return this.replicas.map((replica) => {
      const pool = replica.dataSource && poolCounts(replica.dataSource);
      return { label: replica.label, up: replica.up, inUse: pool ? pool.total - pool.idle : 0, idle: pool?.idle ?? 0 };
    });
  }

  /** The caller's fence on the primary (null: it never wrote), counted into `stats`. */
  async fenceOf(tenantId: string, subject: string, stats: StatementStats): Promise<string | null> {
    const runner: QueryRunner = this.primary.createQueryRunner();
    runner.data = { stats };
    try {
      const rows = (await runner.query(FENCE_SQL, [tenantId, subject])) as { version: string }[];
      return rows[0]?.version ?? null;
    } finally {
      await runner.release();
    }
  }

  /** Stops every replica's pool (and any probe's, when it ends), waiting CLOSE_TIMEOUT_MS at most. */
  async close(): Promise<void> {
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    const destroyed = Promise.all(this.replicas.map((replica) => (replica.dataSource?.isInitialized ? replica.dataSource.destroy().catch(() => undefined) : undefined)));
    await Promise.race([destroyed, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS).unref()))]);
    clearTimeout(timer);
  }

  /**
   * Tries a replica (connecting its pool first if it has none), within a bound: up when it passes,
   * down for another wait when not. A probe that times out still runs on until it settles, and
   * no other probe of that replica starts meanwhile.
   */
  private async probe(replica: Replica): Promise<void> {
    replica.probing = true;
    const attempt = this.tryReplica(replica);
    void attempt.catch(() => undefined).finally(() => (replica.probing = false));
    let timer: NodeJS.Timeout | undefined;
    try {
      const bound = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new NotAReplica("PROBE_TIMEOUT")), this.pool.connectionTimeoutMs + this.pool.statementTimeoutMs);
      });
      await Promise.race([attempt, bound]);
      if (!this.closed) this.markUp(replica);
    } catch (error) {
      if (!this.closed) this.down(replica, error);
    } finally {
      clearTimeout(timer);
    }
  }

  private async tryReplica(replica: Replica): Promise<void> {
    if (!replica.dataSource) {
      const dataSource = createDataSource(replica.url, { pool: this.pool, applicationName: "client-data-gateway-reads" });
      this.prepare(dataSource);
      await dataSource.initialize();
      if (this.closed) {
        await dataSource.destroy().catch(() => undefined);
        return;
      }
      replica.dataSource = dataSource;
    }
    const runner = replica.dataSource.createQueryRunner();
    let begun = false;
    try {
      const [state] = (await runner.query(
        `SELECT pg_is_in_recovery() AS standby,
                EXISTS (SELECT 1 FROM pg_subscription WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())) AS subscriber,
                EXISTS (SELECT 1 FROM pg_subscription_rel WHERE srsubstate <> 'r') AS syncing`,
      )) as { standby: boolean; subscriber: boolean; syncing: boolean }[];
      if (!state.standby && !state.subscriber) throw new NotAReplica("NOT_A_REPLICA");
      if (!state.standby && state.syncing) throw new NotAReplica("REPLICA_SYNCING");
      // Every migration this version has: its tables and columns are there.
      if ((await missingMigrations(runner, replica.dataSource)).length > 0) throw new NotAReplica("REPLICA_NOT_MIGRATED");
      // A request's read transaction, as the app role with a tenant set: the role, its grants and the fence's table are there.
      begun = true;
      await beginTenantRead(runner, replica.dataSource, PROBE_TENANT);
      await runner.query(FENCE_SQL, [PROBE_TENANT, ""]);
    } finally {
      if (begun) await runner.query("ROLLBACK").catch(() => undefined);
      await runner.release().catch(() => undefined);
    }
  }

  private markUp(replica: Replica): void {
    const wasDown = replica.retryAt > 0;
    replica.checkAt = Date.now() + Math.max(this.settings.retryMs, RECHECK_MS);
    if (replica.up) return;
    replica.up = true;
    replica.retryAt = 0;
    replica.generation += 1;
    if (wasDown) this.logger.info({ replica: replica.label }, "read replica is back: query operations read there again");
  }

  private down(replica: Replica, error: unknown): void {
    const wasUp = replica.up || replica.retryAt === 0;
    replica.up = false;
    replica.retryAt = Date.now() + this.settings.retryMs;
    replica.generation += 1;
    // The code only: a driver's message may carry the host, and the URL a password.
    if (wasUp) {
      const failure = (error ?? {}) as { code?: unknown; name?: unknown };
      this.logger.warn(
        { replica: replica.label, code: typeof failure.code === "string" ? failure.code : typeof failure.name === "string" ? failure.name : "unknown", retryMs: this.settings.retryMs },
        "read replica unavailable: its reads go to another replica or the primary until it answers again",
      );
    }
  }
}
