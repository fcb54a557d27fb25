import cluster, { Worker } from "node:cluster";
import type { Logger } from "pino";
import type { Config } from "./config";
import { openDatabase } from "./db/database";
import { demoSeedOnStart } from "./db/seed/seed";
import { serveClusterMetrics } from "./observability/metrics";

/** Set in a worker's environment: its index, 0..WEB_CONCURRENCY-1 (the first one prints the development token). */
export const WORKER_INDEX = "CLUSTER_WORKER_INDEX";

/** The message a worker sends the primary once it serves. */
export const READY_MESSAGE = "gateway-worker-ready";

/** A worker's pool when DB_POOL_TOTAL is split over the workers: its share, at least 2. */
export function workerPoolSize(total: number, workers: number): number {
  return Math.max(2, Math.floor(total / workers));
}

/** Tells the primary (when there is one) that this worker serves. */
export function reportReady(): void {
  if (cluster.isWorker) process.send?.(READY_MESSAGE);
}

/**
 * The primary of WEB_CONCURRENCY > 1: it opens the database once (starts the embedded PostgreSQL
 * when DATABASE_URL is unset, migrates and seeds under the startup lock), then forks the workers,
 * which serve on the one port (Node's cluster hands connections round-robin) with DATABASE_URL
 * pointing at that database. It serves nothing itself. A worker that dies after it served is
 * forked again; one that dies before (a configuration error, an unreachable database) stops
 * them all, since the next would die the same way. SIGTERM or SIGINT: every worker drains and
 * stops (each as a single process does), then the primary closes the database and exits 0;
 * a worker still running SHUTDOWN_TIMEOUT_MS + 10 s later is killed.
 */
export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  const log = (line: string, level: "info" | "warn" = "info") => logger[level](line);
  const database = await openDatabase(config, log, {
    ownSignalHandling: true,
    ...demoSeedOnStart(config, log),
  });
  // The primary reads nothing: only its embedded PostgreSQL (if it started one) stays up.
  await database.dataSource.destroy();
  const workers = config.webConcurrency;
  const poolSize = config.poolTotal === null ? config.pool.size : workerPoolSize(config.poolTotal, workers);
  const env = (index: number): NodeJS.ProcessEnv => ({
    [WORKER_INDEX]: String(index),
    DATABASE_URL: database.url,
    DB_POOL_SIZE: String(poolSize),
    // Done by the primary: a worker finds the migrations applied and the demo tenant there.
    SEED_DEMO: "false",
    // The simulated sources (development) once, in the first worker (said outright: without SEED_DEMO they'd default to off).
    DEMO_SOURCES: index === 0 && config.demoSources ? "true" : "false",
  });

  let stopping = false;
  const live = new Map<number, Worker>();
  const ready = new Set<number>();
  let settle: () => void = () => undefined;
  const allExited = new Promise<void>((resolve) => (settle = resolve));

  const fork = (index: number) => {
    const worker = cluster.fork(env(index));
    live.set(index, worker);
    worker.on("message", (message: unknown) => {
      if (message !== READY_MESSAGE) return;
      ready.add(index);
      if (ready.size === workers) logger.info({ workers, poolSize, pids: [...live.values()].map((w) => w.process.pid) }, "cluster ready");
    });
    worker.on("exit", (code, signal) => {
      live.delete(index);
      const served = ready.delete(index);
      if (stopping) {
        if (live.size === 0) settle();
        return;
      }
      if (!served) {
        logger.error({ worker: index, code, signal }, "a worker failed to start: stopping the others");
        void stop("worker failed", 1);
        return;
      }
      logger.warn({ worker: index, code, signal }, "a worker exited: starting another");
      setTimeout(() => !stopping && fork(index), 1_000).unref();
    });
  };

  const stop = async (reason: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping ${live.size} worker(s)`);
    if (live.size === 0) settle();
    for (const worker of live.values()) worker.process.kill("SIGTERM");
    const kill = setTimeout(() => {
      for (const worker of live.values()) worker.process.kill("SIGKILL");
    }, config.shutdown.timeoutMs + 10_000);
    kill.unref();
    await allExited;
    clearTimeout(kill);
    await database.close();
    log("database closed");
    process.exit(exitCode);
  };

  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  if (config.metrics.enabled) serveClusterMetrics();
  logger.info({ workers, poolSize, poolTotal: poolSize * workers, database: database.embedded }, `starting ${workers} worker processes`);
  for (let index = 0; index < workers; index++) fork(index);
}
