import type { DataSource } from "typeorm";
import type { Logger } from "../common/log";
import { WriteTransaction } from "../db/write-transaction";
import { SYNC_RUN_QUEUE, type JobQueue } from "./jobs";
import { queueRun, scheduleSeconds, type SyncControl } from "./runs";
import { sweepActionRuns } from "../modules/client-action/client-action.forward";

/**
 * Hands queued runs to the job queue, queues the runs that sources' schedules are due for, and
 * ends runs whose job ended without them. Every gateway process with a job queue runs one; a tick
 * takes a transaction-level advisory lock, so one process at a time does the work, and everything it
 * does is safe to repeat (a run gets its job once, by `job_id IS NULL`; a source has one open run,
 * by UQ_sync_run_open_per_source; enqueueSync answers a source's open job rather than a second).
 *
 * The discovery queries read across tenants, as the tables' owner (which row-level security does
 * not confine); every change is then made in the run's tenant, as the app role.
 */

export interface DispatcherOptions {
  dataSource: DataSource;
  jobs: JobQueue;
  /** How often to look, in ms. Default 5 s. */
  intervalMs?: number;
  /** A RUNNING run whose heartbeat is older than this (ms) has lost its worker: its job is failed, so a retry resumes it. Default 60 s. */
  staleAfterMs?: number;
  logger?: Logger;
}

interface QueuedRow {
  id: string;
  tenant_id: string;
  source_system_id: string;
  full: boolean;
}

const LOCK_KEY = "client-data-gateway:sync-dispatcher";

export class SyncDispatcher implements SyncControl {
  readonly #options: DispatcherOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(options: DispatcherOptions) {
    this.#options = options;
  }

  /** Starts ticking (the first tick at once). */
  start(): this {
    this.#schedule(0);
    return this;
  }

  /** One tick now (after the one running, if any). Never throws: a failure is logged and the next tick tries again. */
  dispatch(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#tick()
      .catch((error: unknown) => this.#options.logger?.warn({ code: (error as { code?: string }).code, error: (error as Error).name }, "sync dispatch failed"))
      .finally(() => {
        this.#running = undefined;
        if (this.#again && !this.#stopped) {
          this.#again = false;
          void this.dispatch();
        }
      });
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      void this.dispatch().finally(() => this.#schedule(this.#options.intervalMs ?? 5_000));
    }, ms);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    const runner = this.#options.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // A transaction-level lock, held by this open transaction for the tick: released when it
      // ends, whatever happens, and safe through PgBouncer in transaction mode (which gives a
      // session-level lock's unlock to whichever server connection comes next).
      await runner.startTransaction("READ COMMITTED");
      try {
        const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`, [LOCK_KEY])) as { locked: boolean }[];
        if (!locked) return;
        await this.#queueScheduled(runner.query.bind(runner));
        await this.#reap(runner.query.bind(runner));
        await this.#handOver(runner.query.bind(runner));
        // Async custom actions without a job (their process had no queue), and those whose process stopped mid-call.
        await sweepActionRuns(this.#options.dataSource, this.#options.jobs, runner.query.bind(runner));
      } finally {
        await runner.commitTransaction().catch(() => runner.rollbackTransaction().catch(() => undefined));
      }
    } finally {
      await runner.release();
    }
  }

  /** Sources whose schedule is due and that have no open run get one. */
  async #queueScheduled(query: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<void> {
    const due = (await query(
      `SELECT s.id, s.tenant_id, s.schedule, l.at AS last_queued_at FROM source_system s
         CROSS JOIN LATERAL (SELECT max(r.queued_at) AS at FROM sync_run r WHERE r.source_system_id = s.id) l
        WHERE s.enabled AND s.schedule IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM sync_run r WHERE r.source_system_id = s.id AND r.status IN ('QUEUED', 'RUNNING'))
          AND coalesce(l.at, '-infinity') < now() - make_interval(secs => $1::int)
        ORDER BY s.id LIMIT 1000`,
      [60],
    )) as { id: string; tenant_id: string; schedule: string; last_queued_at: Date | null }[];
    for (const source of due) {
      const seconds = scheduleSeconds(source.schedule);
      if (seconds === null) continue;
      if (source.last_queued_at && source.last_queued_at.getTime() + seconds * 1000 > Date.now()) continue;
      await WriteTransaction.run(this.#options.dataSource, source.tenant_id, (tx) => queueRun(tx, source.tenant_id, source.id, { full: false, requestedBy: "schedule" }));
    }
  }

  /** Queued runs without a job get one; a source whose job is still open (another run's) waits. */
  async #handOver(query: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<void> {
    const queued = (await query(`SELECT id, tenant_id, source_system_id, "full" FROM sync_run WHERE status = 'QUEUED' AND job_id IS NULL ORDER BY queued_at, id LIMIT 1000`)) as QueuedRow[];
    for (const run of queued) {
      const job = { tenantId: run.tenant_id, sourceId: run.source_system_id, runId: run.id, full: run.full };
      const { jobId, queued: sent } = await this.#options.jobs.enqueueSync(job);
      if (!sent) {
        const open = await this.#options.jobs.job(SYNC_RUN_QUEUE, jobId);
        if (open?.data.runId !== run.id) continue;
      }
      await WriteTransaction.run(this.#options.dataSource, run.tenant_id, (tx) => tx.query(`UPDATE sync_run SET job_id = $2 WHERE id = $1 AND job_id IS NULL`, [run.id, jobId]));
    }
  }

  /**
   * Runs whose worker is gone (its heartbeat stopped: the process died) lose their attempt and their
   * job is failed, so pg-boss retries it and the retry resumes from the last committed page. Open
   * runs whose job has ended (failed for good, or completed without ending the run) end as FAILED.
   */
  async #reap(query: (sql: string, params?: unknown[]) => Promise<unknown>): Promise<void> {
    const staleSeconds = Math.max(1, Math.round((this.#options.staleAfterMs ?? 60_000) / 1000));
    const stale = (await query(
      `SELECT id, tenant_id, job_id FROM sync_run WHERE status = 'RUNNING' AND job_id IS NOT NULL AND attempt_token IS NOT NULL
          AND heartbeat_at < clock_timestamp() - make_interval(secs => $1::int) ORDER BY id LIMIT 1000`,
      [staleSeconds],
    )) as { id: string; tenant_id: string; job_id: string }[];
    // A foreground run (npm run sync) whose process died has no job to fail: it is queued again,
    // checkpoint and counters kept, and handed to the job queue like any queued run.
    const orphans = (await query(
      `SELECT id, tenant_id FROM sync_run WHERE status = 'RUNNING' AND job_id IS NULL
          AND (heartbeat_at IS NULL OR heartbeat_at < clock_timestamp() - make_interval(secs => $1::int)) ORDER BY id LIMIT 1000`,
      [staleSeconds],
    )) as { id: string; tenant_id: string }[];
    for (const run of orphans) {
      await WriteTransaction.run(this.#options.dataSource, run.tenant_id, (tx) =>
        tx.query(
          `UPDATE sync_run SET status = 'QUEUED', attempt_token = NULL, message = 'Its process stopped: queued again, to go on from its checkpoint', updated_at = clock_timestamp()
            WHERE id = $1 AND status = 'RUNNING' AND job_id IS NULL AND (heartbeat_at IS NULL OR heartbeat_at < clock_timestamp() - make_interval(secs => $2::int))`,
          [run.id, staleSeconds],
        ),
      );
    }
    for (const run of stale) {
      const taken = await WriteTransaction.run(this.#options.dataSource, run.tenant_id, (tx) =>
        tx.rows(
          `UPDATE sync_run SET attempt_token = NULL, message = 'Its worker stopped answering: resumed by a retry', updated_at = clock_timestamp()
            WHERE id = $1 AND status = 'RUNNING' AND heartbeat_at < clock_timestamp() - make_interval(secs => $2::int) RETURNING id`,
          [run.id, staleSeconds],
        ),
      );
      if (taken.length === 0) continue;
      this.#options.logger?.warn({ runId: run.id }, "sync run lost its worker; its job is retried");
      const job = await this.#options.jobs.job(SYNC_RUN_QUEUE, run.job_id);
      if (job?.state === "active") await this.#options.jobs.failJob(SYNC_RUN_QUEUE, run.job_id, "The worker running the sync stopped answering");
    }
    const open = (await query(`SELECT id, tenant_id, job_id FROM sync_run WHERE status IN ('QUEUED', 'RUNNING') AND job_id IS NOT NULL ORDER BY id LIMIT 1000`)) as { id: string; tenant_id: string; job_id: string }[];
    for (const run of open) {
      const job = await this.#options.jobs.job(SYNC_RUN_QUEUE, run.job_id);
      if (job && !["completed", "failed", "cancelled"].includes(job.state)) continue;
      await WriteTransaction.run(this.#options.dataSource, run.tenant_id, (tx) =>
        tx.query(
          `UPDATE sync_run SET status = 'FAILED', finished_at = clock_timestamp(), message = $2, updated_at = clock_timestamp() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`,
          [run.id, job?.state === "failed" ? "The run failed and its retries ran out; see the gateway's log" : "The run's job ended without finishing it"],
        ),
      );
    }
  }
}
