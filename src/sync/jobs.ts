import { setTimeout as sleep } from "node:timers/promises";
import { Pool, PoolClient } from "pg";
import PgBoss from "pg-boss";
import { underStartupLock } from "../db/database";
import type { Logger } from "../common/log";

/**
 * The job queue: pg-boss 10 on the gateway's own PostgreSQL, in a schema of its own (`pgboss`,
 * created and migrated by pg-boss at start). Syncs of source systems run as jobs, in whichever
 * gateway process has a free slot; a job survives a restart and is retried with backoff.
 *
 * What pg-boss gives (10.4.2; line numbers in node_modules/pg-boss/src):
 * - The `singleton` queue policy: at most one job per (queue, singletonKey) is `active`, across
 *   processes, by a unique partial index on each queue's partition (plans.js:339-341, job_i2,
 *   made per queue at plans.js:272). Our singleton key is the source, so one source never runs
 *   twice at once. A singletonKey on a `standard` queue would not do that: it only dedupes
 *   within a `singletonSeconds` slot (plans.js:347-349, job_i4).
 * - Fetching marks the oldest due job `active` in one UPDATE ... FOR UPDATE SKIP LOCKED
 *   (plans.js:506-541; retry_count goes up when a job is fetched again, plans.js:529-532). On a
 *   singleton queue, a due job whose key is already active makes that UPDATE violate job_i2, and
 *   fetch() swallows the error (any error, in fact) and returns nothing (manager.js:435-449): one
 *   busy source would hold up every source queued after it (tried: it does). Hence `enqueueSync`
 *   never queues a second unfinished job for a source: it answers the one there is (under an
 *   advisory lock, in one transaction with pg-boss's insert), and the index stays the backstop.
 * - Retries: a failed job goes back as `retry` with start_after = now + delay * 2^n / 2 *
 *   (1 + random()) seconds when retryBackoff is on, n the retries so far plus 1
 *   (plans.js:615-622), while retry_count < retry_limit; then it is `failed` (plans.js:607-610).
 * - Expiry: maintenance fails (and so retries) a job active longer than its expire_in, e.g. one
 *   whose process died (plans.js:566-570), every maintenanceIntervalSeconds in one of the
 *   processes (boss.js:81-125: onSupervise, maintain).
 *
 * What we do ourselves: the worker loop, on fetch/complete/fail. pg-boss's own `work()` calls
 * complete()/fail() without awaiting them (manager.js:216-220): a database error at that moment
 * is an unhandled rejection, which ends a Node 20 process. Here every call is awaited and a
 * failure logged; the job, left `active`, is expired and retried by maintenance. A job past its
 * expiry has its signal aborted and is failed once its handler has ended, not before. Stopping waits
 * for the running handlers (up to `stopTimeoutMs`), then fails what still runs, so it is retried.
 */

export const JOB_SCHEMA = "pgboss";

/** The queue of source syncs: one job per SyncRun. */
export const SYNC_RUN_QUEUE = "sync-run";

/** A sync run's job: which run of which source, in which tenant. */
export interface SyncRunJob {
  tenantId: string;
  sourceId: string;
  runId: string;
  full: boolean;
}

/** The queue of async custom actions (invokeClientAction / invokeAction with async): one job per run, never retried. */
export const CLIENT_ACTION_QUEUE = "client-action";

/** A custom action's job: which run, in which tenant. */
export interface ClientActionJobData {
  tenantId: string;
  runId: string;
}

/**
 * The queue of webhook rounds (src/modules/webhook/webhook.worker.ts: fan the change feed out into
 * deliveries, then send what is due). `stately` with one key: across processes at most one round
 * waits and one runs; each process's ticker offers one, and whichever process is free runs it.
 */
export const WEBHOOK_ROUND_QUEUE = "webhook-round";

/** A webhook round's job: no data, the round serves every tenant. */
export type WebhookRoundJob = Record<string, never>;

/** Every queue and the data of its jobs. */
export interface JobTypes {
  [SYNC_RUN_QUEUE]: SyncRunJob;
  [CLIENT_ACTION_QUEUE]: ClientActionJobData;
  [WEBHOOK_ROUND_QUEUE]: WebhookRoundJob;
}

export type JobName = keyof JobTypes;

/** What a handler knows of the job it runs. */
export interface JobContext {
  /** pg-boss's job id (a UUID), kept on the SyncRun. */
  id: string;
  /** 1 on the first try. */
  attempt: number;
  /** Retries allowed after the first try. */
  retryLimit: number;
  /** Whether a failure now is final (no retry follows). */
  lastAttempt: boolean;
  /**
   * Aborted when the job's time is up (its expiry) or the process stops and the job did not end in
   * time: the job is then failed and retried, maybe in another process, so a handler must stop its
   * work when this fires.
   */
  signal: AbortSignal;
}

/**
 * What a handler answers when its job is no longer its own: another attempt took it over under the
 * same job id (pg-boss retries a failed job under its id), so this one may neither complete nor fail it.
 */
export const HANDED_OVER: unique symbol = Symbol("job handed over");

/** Runs one job; resolving completes it, throwing fails it (and it is retried while retries are left); HANDED_OVER leaves it alone. */
export type JobHandler<T> = (data: T, job: JobContext) => Promise<unknown>;

/** The handler registry: the code that owns a queue plugs its handler in here. */
export type JobHandlers = { [N in JobName]?: JobHandler<JobTypes[N]> };

/** How a queue's jobs are retried and how long one may run. */
export interface QueuePolicy {
  /** Retries after the first try. */
  retryLimit: number;
  /** Seconds before the first retry; doubled for each later one (with jitter). */
  retryDelaySeconds: number;
  /** How long a job may run before it is failed (and retried); under 24 h. */
  expireInSeconds: number;
}

/** A sync may take long; a source that refuses is tried again after 30 s, 1 min, 2 min, ... */
export const DEFAULT_SYNC_POLICY: QueuePolicy = { retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 4 * 60 * 60 };

/** A custom action is sent at most once (Aptic may have acted on a call that failed): no retry; one call's budget and a margin. */
export const DEFAULT_ACTION_POLICY: QueuePolicy = { retryLimit: 0, retryDelaySeconds: 30, expireInSeconds: 5 * 60 };

/** A webhook round is offered again within a second: none is retried; one may take long behind slow receivers. */
export const DEFAULT_WEBHOOK_ROUND_POLICY: QueuePolicy = { retryLimit: 0, retryDelaySeconds: 1, expireInSeconds: 15 * 60 };

/** Each queue's pg-boss policy and defaults: a source's syncs one at a time (singleton), actions side by side, one webhook round at a time (stately). */
const QUEUES: Record<JobName, { policy: "singleton" | "standard" | "stately"; defaults: QueuePolicy }> = {
  [SYNC_RUN_QUEUE]: { policy: "singleton", defaults: DEFAULT_SYNC_POLICY },
  [CLIENT_ACTION_QUEUE]: { policy: "standard", defaults: DEFAULT_ACTION_POLICY },
  [WEBHOOK_ROUND_QUEUE]: { policy: "stately", defaults: DEFAULT_WEBHOOK_ROUND_POLICY },
};

export interface JobQueueOptions {
  /** The gateway's database. */
  url: string;
  /** Handlers known at start; more with `handle()`. A queue without one keeps its jobs for another process. */
  handlers?: JobHandlers;
  /** Jobs this process runs at once, per queue. */
  concurrency?: number;
  /** How long `stop()` waits for running jobs before it fails them. */
  stopTimeoutMs?: number;
  /** How often an idle worker looks for a job (at least 500 ms); a job sent from this process wakes one at once. */
  pollingIntervalMs?: number;
  policies?: Partial<Record<JobName, Partial<QueuePolicy>>>;
  /** How often pg-boss's maintenance (expiry, archiving) runs, in seconds; false: not in this process. */
  maintenanceIntervalSeconds?: number | false;
  schema?: string;
  applicationName?: string;
  logger?: Logger;
  /** Told of each job that ends in this process (metrics): how, and how long its handler ran. */
  onJobEnd?: (queue: JobName, outcome: "completed" | "failed" | "handed_over", seconds: number) => void;
}

interface Running {
  queue: JobName;
  jobId: string;
  controller: AbortController;
  done: Promise<void>;
}

/** The queue of a running gateway process: started by `startJobQueue`, stopped before the database closes. */
export class JobQueue {
  readonly #boss: PgBoss;
  readonly #pool: Pool;
  readonly #options: JobQueueOptions;
  readonly #handlers = new Map<JobName, JobHandler<never>>();
  readonly #running = new Set<Running>();
  readonly #loops: Promise<void>[] = [];
  readonly #wakers = new Set<() => void>();
  #stopping = false;
  #stopped: Promise<void> | undefined;

  private constructor(boss: PgBoss, pool: Pool, options: JobQueueOptions) {
    this.#boss = boss;
    this.#pool = pool;
    this.#options = options;
  }

  /** Starts pg-boss (creating or migrating its schema), creates the queues, and the workers of the given handlers. */
  static async start(options: JobQueueOptions): Promise<JobQueue> {
    const schema = options.schema ?? JOB_SCHEMA;
    const pool = new Pool({
      connectionString: options.url,
      // The workers' fetches and completions, sends, and maintenance.
      max: (options.concurrency ?? 2) + 3,
      application_name: options.applicationName ?? "client-data-gateway-jobs",
      connectionTimeoutMillis: 10_000,
    });
    pool.on("error", (error) => options.logger?.warn({ code: (error as { code?: string }).code }, "job queue connection lost"));
    const maintenance = options.maintenanceIntervalSeconds ?? 120;
    const boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema,
      migrate: true,
      // No cron schedules: a source's schedule is the sync code's (SourceSystem.schedule).
      schedule: false,
      supervise: maintenance !== false,
      ...(maintenance !== false ? { maintenanceIntervalSeconds: maintenance } : {}),
    });
    boss.on("error", (error: Error & { code?: string }) => options.logger?.warn({ code: error.code, error: error.message }, "job queue error"));
    try {
      // Under the database's startup lock: pg-boss's schema set-up and createQueue/updateQueue of
      // two processes starting at once deadlocked (PostgreSQL "deadlock detected" in one of them).
      await underStartupLock(options.url, async () => {
        await boss.start();
        for (const name of Object.keys(QUEUES) as JobName[]) {
          const policy = { ...QUEUES[name].defaults, ...options.policies?.[name] };
          const queue: PgBoss.Queue = {
            name,
            policy: QUEUES[name].policy,
            retryLimit: policy.retryLimit,
            retryDelay: policy.retryDelaySeconds,
            retryBackoff: true,
            expireInSeconds: policy.expireInSeconds,
          };
          // createQueue leaves an existing queue as it is; updateQueue brings its settings up to date.
          await boss.createQueue(name, queue);
          await boss.updateQueue(name, queue);
        }
      });
    } catch (error) {
      await boss.stop({ graceful: false, close: false }).catch(() => undefined);
      await pool.end();
      throw error;
    }
    const queue = new JobQueue(boss, pool, options);
    const handlers = options.handlers ?? {};
    for (const name of Object.keys(handlers) as JobName[]) {
      const handler = handlers[name] as JobHandler<JobTypes[JobName]> | undefined;
      // Each handler is its own queue's (JobHandlers says so); TypeScript can't pair them through the loop.
      if (handler) queue.handle(name as typeof SYNC_RUN_QUEUE, handler as JobHandler<SyncRunJob>);
    }
    return queue;
  }

  /** Jobs waiting per queue (created or waiting for a retry; not those running), for the metrics. */
  async depths(): Promise<Record<JobName, number>> {
    const { rows } = await this.#pool.query<{ name: JobName; waiting: number }>(
      `SELECT name, count(*)::int AS waiting FROM "${this.#schema}".job WHERE name = ANY($1) AND state < 'active' GROUP BY name`,
      [Object.keys(QUEUES)],
    );
    const depths = Object.fromEntries(Object.keys(QUEUES).map((name) => [name, 0])) as Record<JobName, number>;
    for (const row of rows) depths[row.name] = row.waiting;
    return depths;
  }

  /** Plugs in the handler of a queue and starts its workers (once per queue). */
  handle<N extends JobName>(name: N, handler: JobHandler<JobTypes[N]>): void {
    if (this.#stopping) throw new Error("The job queue is stopping");
    if (this.#handlers.has(name)) throw new Error(`The queue ${name} has a handler already`);
    this.#handlers.set(name, handler as JobHandler<never>);
    for (let slot = 0; slot < (this.#options.concurrency ?? 2); slot++) this.#loops.push(this.#work(name));
  }

  /**
   * Queues a sync of a source, unless the source has an unfinished job (queued, running or waiting
   * to be retried): then that job's id is answered with `queued: false`, and nothing is queued.
   */
  async enqueueSync(job: SyncRunJob): Promise<{ jobId: string; queued: boolean }> {
    const key = syncKey(job);
    const client = await this.#pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`${this.#schema}:${SYNC_RUN_QUEUE}:${key}`]);
      // pg-boss's table, read as its own queries do (state < 'completed': created, retry, active).
      const open = await client.query<{ id: string }>(
        `SELECT id FROM "${this.#schema}".job WHERE name = $1 AND singleton_key = $2 AND state < 'completed' ORDER BY created_on LIMIT 1`,
        [SYNC_RUN_QUEUE, key],
      );
      if (open.rows[0]) {
        await client.query("COMMIT");
        return { jobId: open.rows[0].id, queued: false };
      }
      const jobId = await this.#boss.send(SYNC_RUN_QUEUE, job, { singletonKey: key, db: clientDb(client) });
      if (!jobId) throw new Error("pg-boss did not queue the sync job");
      await client.query("COMMIT");
      this.#wake();
      return { jobId, queued: true };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Offers a webhook round (WEBHOOK_ROUND_QUEUE): queued unless one is already waiting (the
   * stately queue's unique index; pg-boss then answers null). Answers whether it was queued.
   */
  async offerWebhookRound(): Promise<boolean> {
    const jobId = await this.#boss.send(WEBHOOK_ROUND_QUEUE, {}, { singletonKey: WEBHOOK_ROUND_QUEUE });
    if (jobId) this.#wake();
    return jobId !== null;
  }

  /** Queues a custom action's run (CLIENT_ACTION_QUEUE) and wakes a worker of this process; answers the job's id. */
  async enqueueAction(job: ClientActionJobData): Promise<string> {
    const jobId = await this.#boss.send(CLIENT_ACTION_QUEUE, job);
    if (!jobId) throw new Error("pg-boss did not queue the action job");
    this.#wake();
    return jobId;
  }

  /** A job as pg-boss has it (state, retries, output), or null; for the sync code's status and tests. */
  job<N extends JobName>(name: N, id: string): Promise<PgBoss.JobWithMetadata<JobTypes[N]> | null> {
    return this.#boss.getJobById<JobTypes[N]>(name, id, { includeArchive: true });
  }

  /**
   * Fails a job that another process holds active (its worker found dead): pg-boss retries it with
   * its backoff, here or elsewhere, while retries are left. The message must carry no secret.
   */
  async failJob<N extends JobName>(name: N, id: string, message: string): Promise<void> {
    await this.#boss.fail(name, id, { name: "WorkerLost", message });
  }

  /** pg-boss itself, for what this wrapper does not cover (tests send jobs around `enqueueSync`). */
  get boss(): PgBoss {
    return this.#boss;
  }

  /**
   * Takes no new job, waits for the running ones (up to `stopTimeoutMs`), fails those still
   * running then (they are retried later, here or elsewhere, and their signal is aborted), stops
   * pg-boss and closes the queue's connections. Once; later calls get the same promise.
   */
  stop(): Promise<void> {
    this.#stopped ??= this.#stop();
    return this.#stopped;
  }

  get #schema(): string {
    return this.#options.schema ?? JOB_SCHEMA;
  }

  async #stop(): Promise<void> {
    this.#stopping = true;
    this.#wake();
    const timeoutMs = this.#options.stopTimeoutMs ?? 20_000;
    const all = Promise.all(this.#loops);
    const deadline = sleep(timeoutMs, "timeout", { ref: false });
    if ((await Promise.race([all.then(() => "done" as const), deadline])) === "timeout") {
      for (const running of this.#running) {
        running.controller.abort(new Error("The gateway stopped before the job ended"));
        await this.#fail(running.queue, running.jobId, new Error("The gateway stopped before the job ended"));
      }
      // A handler that honours its signal ends now; one that doesn't is left behind.
      await Promise.race([all, sleep(1_000, undefined, { ref: false })]);
    }
    await this.#boss.stop({ graceful: false, close: false, wait: true });
    await this.#pool.end();
  }

  #wake(): void {
    for (const wake of this.#wakers) wake();
  }

  /** Waits `ms`, or less when woken (a job was sent, or stop). */
  async #idle(ms: number): Promise<void> {
    if (this.#stopping) return;
    const controller = new AbortController();
    const wake = () => controller.abort();
    this.#wakers.add(wake);
    try {
      await sleep(ms, undefined, { signal: controller.signal, ref: false });
    } catch {
      // woken
    } finally {
      this.#wakers.delete(wake);
    }
  }

  async #work(name: JobName): Promise<void> {
    const interval = Math.max(500, this.#options.pollingIntervalMs ?? 2_000);
    let failures = 0;
    while (!this.#stopping) {
      let jobs: PgBoss.JobWithMetadata<JobTypes[JobName]>[];
      try {
        jobs = await this.#boss.fetch<JobTypes[JobName]>(name, { batchSize: 1, includeMetadata: true });
        failures = 0;
      } catch (error) {
        // pg-boss's fetch() answers [] on a database error; what gets here is a bug of ours (its argument checks).
        failures++;
        this.#options.logger?.warn({ queue: name, code: (error as { code?: string }).code }, "job fetch failed");
        await this.#idle(Math.min(interval * 2 ** failures, 60_000));
        continue;
      }
      const job = jobs[0];
      if (!job) {
        await this.#idle(interval);
        continue;
      }
      // Fetched just as stop() began: it runs, and stop() waits for it like any other.
      await this.#run(name, job);
    }
  }

  async #run(name: JobName, job: PgBoss.JobWithMetadata<JobTypes[JobName]>): Promise<void> {
    const handler = this.#handlers.get(name) as JobHandler<JobTypes[JobName]>;
    const controller = new AbortController();
    const expiry = setTimeout(() => controller.abort(new Error("The job ran out of time")), Math.max(1, Number(job.expireInSeconds)) * 1000);
    expiry.unref();
    let settle!: () => void;
    const running: Running = { queue: name, jobId: job.id, controller, done: new Promise<void>((resolve) => (settle = resolve)) };
    this.#running.add(running);
    const context: JobContext = {
      id: job.id,
      attempt: job.retryCount + 1,
      retryLimit: job.retryLimit,
      lastAttempt: job.retryCount >= job.retryLimit,
      signal: controller.signal,
    };
    try {
      let outcome: { ok: true; output: unknown } | { ok: false; error: unknown };
      const startedAt = performance.now();
      // The handler itself is awaited, also once its signal aborts (expiry): failing the job while
      // it still runs would free this slot and let the retry run the same source beside it.
      try {
        outcome = { ok: true, output: await handler(job.data, context) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      const seconds = (performance.now() - startedAt) / 1000;
      // Another attempt runs the job now (under the same id): its completion is that attempt's.
      if (outcome.ok && outcome.output === HANDED_OVER) {
        this.#options.onJobEnd?.(name, "handed_over", seconds);
        return;
      }
      // Out of time: a failure (retried), even if the handler ended without an error.
      if (outcome.ok && controller.signal.aborted) outcome = { ok: false, error: controller.signal.reason };
      this.#options.onJobEnd?.(name, outcome.ok ? "completed" : "failed", seconds);
      // Failed by stop() already: nothing more to record.
      if (this.#stopping && controller.signal.aborted && !this.#running.has(running)) return;
      if (outcome.ok) {
        try {
          await this.#boss.complete(name, job.id, isObject(outcome.output) ? outcome.output : undefined);
        } catch (error) {
          // Left active: maintenance expires and retries it.
          this.#options.logger?.warn({ queue: name, jobId: job.id, code: (error as { code?: string }).code }, "job completion could not be recorded");
        }
      } else {
        this.#options.logger?.warn({ queue: name, jobId: job.id, attempt: context.attempt, lastAttempt: context.lastAttempt, error: errorName(outcome.error) }, "job failed");
        await this.#fail(name, job.id, outcome.error);
      }
    } finally {
      clearTimeout(expiry);
      this.#running.delete(running);
      settle();
    }
  }

  async #fail(name: JobName, jobId: string, error: unknown): Promise<void> {
    for (const running of this.#running) if (running.jobId === jobId) this.#running.delete(running);
    try {
      // The message only, as pg-boss keeps it in the job's output: a handler's errors must carry no secret.
      await this.#boss.fail(name, jobId, { name: errorName(error), message: error instanceof Error ? error.message : String(error) });
    } catch (failure) {
      this.#options.logger?.warn({ queue: name, jobId, code: (failure as { code?: string }).code }, "job failure could not be recorded");
    }
  }
}

/** Starts the job queue (see JobQueue.start). */
export const startJobQueue = (options: JobQueueOptions): Promise<JobQueue> => JobQueue.start(options);

/** A source's singleton key: its jobs run one at a time. */
export const syncKey = (job: Pick<SyncRunJob, "tenantId" | "sourceId">): string => `${job.tenantId}:${job.sourceId}`;

/** pg-boss's `db` option over one client: its statement joins that client's transaction. */
function clientDb(client: PoolClient): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}

const isObject = (value: unknown): value is object => typeof value === "object" && value !== null && !Array.isArray(value);

const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);
