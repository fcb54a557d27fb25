import type { DataSource } from "typeorm";
import type { Logger } from "../../common/log";
import { hydrateRows } from "../../db/hydrate";
import type { StatementStats } from "../../db/statement-counter";
import { WriteTransaction } from "../../db/write-transaction";
import { CredentialsCipher, CredentialsError } from "../../sources/credentials";
import { SourceHttpError } from "../../sources/http";
import { SourceSystem } from "../../sources/source-system.entity";
import type { JobContext, JobHandler, SyncRunJob } from "../jobs";
import { SyncIssueKind } from "../sync-issue.entity";
import { SyncRun, SyncStatus } from "../sync-run.entity";
import { applyPage, Counts, zeroCounts } from "./apply";
import { ConnectorConfigError, connectorFor, type ConnectorHttp } from "./connectors";

/**
 * Runs one sync run (a job of the `sync-run` queue): marks it RUNNING, reads the source page by
 * page from where the run last got (its checkpoint), and applies each page in a transaction of its
 * own that also moves the run's counters and checkpoint: a run killed half-way (the process, the
 * database) resumes on its retry from its last committed page, and ends as an uninterrupted run
 * would. No transaction is open during a source's HTTP calls. The listing's watermark is stored
 * with the last page, held back to the earliest record that failed, so the next incremental run
 * reads those again.
 */

export interface SyncEnvironment {
  dataSource: DataSource;
  cipher: CredentialsCipher;
  logger?: Logger;
  /** Timeouts, retries, concurrency and rate of the connectors' HTTP clients. */
  http?: ConnectorHttp;
}

export interface SyncProgress {
  runId: string;
  status: SyncStatus;
  counts: Counts;
  /** Records the source says it has, when it says. */
  total: number | null;
  pages: number;
}

export interface RunOptions {
  jobId?: string | null;
  signal?: AbortSignal;
  /** No retry follows a failure now: the run ends as FAILED instead of waiting for one. */
  lastAttempt?: boolean;
  onProgress?: (progress: SyncProgress) => void;
}

export interface RunResult {
  runId: string;
  status: SyncStatus;
  counts: Counts;
  message: string | null;
  /** SQL statements the run made (data statements; framing apart). */
  stats: StatementStats;
}

interface Checkpoint {
  since: string | null;
  at: Record<string, unknown> | null;
  heldBack: string | null;
}

const COUNTER_NAMES = ["fetched", "created", "updated", "unchanged", "archived", "conflicts", "failed"] as const;

/** The job handler of the `sync-run` queue. */
export function syncRunHandler(environment: SyncEnvironment): JobHandler<SyncRunJob> {
  return async (job: SyncRunJob, context: JobContext) => {
    const result = await runSync(environment, job, { jobId: context.id, signal: context.signal, lastAttempt: context.lastAttempt });
    return { status: result.status, ...result.counts };
  };
}

/** A failure that ends the run as FAILED, with a message safe to show; no retry helps. */
class FinalFailure extends Error {
  override readonly name = "FinalFailure";
}

/** Runs (or resumes) one run to its end; see the module comment. */
export async function runSync(environment: SyncEnvironment, job: SyncRunJob, options: RunOptions = {}): Promise<RunResult> {
  const stats: StatementStats = { statements: 0, framing: 0 };
  const open = () => WriteTransaction.open(environment.dataSource, job.tenantId, stats);
  const signal = options.signal ?? new AbortController().signal;

  const started = await start(open, job, options.jobId ?? null);
  if (!started) {
    const run = await readRun(open, job.runId);
    return { runId: job.runId, status: run?.status ?? SyncStatus.CANCELLED, counts: countsOf(run), message: run?.message ?? null, stats };
  }
  const { run, source } = started;
  let checkpoint = started.checkpoint;
  const counts = countsOf(run);
  let pages = 0;
  const report = (status: SyncStatus) => options.onProgress?.({ runId: run.id, status, counts: { ...counts }, total: null, pages });
  try {
    let credentials;
    try {
      credentials = environment.cipher.decrypt(source.credentials);
    } catch (error) {
      if (error instanceof CredentialsError) throw new FinalFailure(error.message);
      throw error;
    }
    let connector;
    try {
      connector = connectorFor(source, credentials, environment.http);
    } catch (error) {
      if (error instanceof ConnectorConfigError) throw new FinalFailure(error.message);
      throw error;
    }
    const target = { tenantId: job.tenantId, sourceSystemId: source.id, sourceName: source.name, kind: source.kind, runId: run.id };
    for await (const page of connector.pages({ since: checkpoint.since, at: checkpoint.at }, signal)) {
      const tx = await open();
      try {
        const [current] = await tx.query<{ status: SyncStatus }>(`SELECT status FROM sync_run WHERE id = $1 FOR UPDATE`, [run.id]);
        if (current?.status !== SyncStatus.RUNNING) {
          // Cancelled (or finished elsewhere) meanwhile: what was committed stays; nothing more.
          await tx.end(false);
          const after = await readRun(open, run.id);
          report(after?.status ?? SyncStatus.CANCELLED);
          return { runId: run.id, status: after?.status ?? SyncStatus.CANCELLED, counts: countsOf(after), message: after?.message ?? null, stats };
        }
        const outcome = await applyPage(tx, target, page);
        for (const name of COUNTER_NAMES) counts[name] += outcome.counts[name];
        const heldBack = earliest(checkpoint.heldBack, outcome.heldBack);
        checkpoint = { since: checkpoint.since, at: page.next, heldBack };
        const final = page.next === null;
        const status = final ? (counts.failed > 0 || counts.conflicts > 0 ? SyncStatus.PARTIAL : SyncStatus.SUCCEEDED) : SyncStatus.RUNNING;
        await tx.query(
          `UPDATE sync_run SET ${COUNTER_NAMES.map((name, i) => `"${name}" = "${name}" + $${i + 2}`).join(", ")},
                  checkpoint = $9, status = $10::varchar, finished_at = CASE WHEN $10::varchar IN ('SUCCEEDED', 'PARTIAL') THEN clock_timestamp() END,
                  message = CASE WHEN $10::varchar IN ('SUCCEEDED', 'PARTIAL') THEN NULL ELSE message END, updated_at = clock_timestamp()
            WHERE id = $1`,
          [run.id, ...COUNTER_NAMES.map((name) => outcome.counts[name]), JSON.stringify(checkpoint), status],
        );
        if (final) {
          const watermark = earliest(page.watermark, heldBack);
          if (watermark !== null) {
            await tx.query(`UPDATE source_system SET sync_state = sync_state || jsonb_build_object($2::text, $3::text) WHERE id = $1`, [source.id, connector.watermarkKey, watermark]);
          }
        }
        await tx.end(true);
        pages++;
        report(status);
        if (final) return { runId: run.id, status, counts, message: null, stats };
      } catch (error) {
        await tx.end(false).catch(() => undefined);
        throw error;
      }
    }
    throw new FinalFailure("The source's listing ended without a last page");
  } catch (error) {
    const ending = finalFailure(error, signal, options.lastAttempt === true);
    if (!ending) {
      // Retried by the queue (with backoff), from the last committed page; the run stays open.
      environment.logger?.warn({ runId: run.id, sourceId: source.id, error: errorSummary(error) }, "sync run interrupted; it will be retried");
      await note(open, run.id, `Interrupted, will be retried: ${errorSummary(error)}`).catch(() => undefined);
      throw error;
    }
    await fail(open, run.id, ending.message, error instanceof SourceHttpError ? error : null);
    environment.logger?.warn({ runId: run.id, sourceId: source.id, error: errorSummary(error) }, "sync run failed");
    report(SyncStatus.FAILED);
    return { runId: run.id, status: SyncStatus.FAILED, counts, message: ending.message, stats };
  }
}

/** Whether an error ends the run now (and with what message), or leaves it to a retry. */
function finalFailure(error: unknown, signal: AbortSignal, lastAttempt: boolean): { message: string } | null {
  if (error instanceof FinalFailure) return { message: error.message };
  if (error instanceof SourceHttpError) {
    if (error.kind === "AUTH") return { message: error.message };
    if (error.kind === "CANCELLED" && signal.aborted) return null; // the job's time ran out or the process stops: retried
    return lastAttempt ? { message: error.message } : null;
  }
  return lastAttempt ? { message: "The run failed on an internal error; see the gateway's log" } : null;
}

/** What may be logged or shown of an error: a source's (redacted) message, else only its kind. */
function errorSummary(error: unknown): string {
  if (error instanceof SourceHttpError || error instanceof FinalFailure) return error.message;
  const code = (error as { code?: string }).code;
  return error instanceof Error ? `${error.name}${code ? ` ${code}` : ""}` : typeof error;
}

const earliest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : Date.parse(a) <= Date.parse(b) ? a : b);

function countsOf(run: SyncRun | null | undefined): Counts {
  const counts = zeroCounts();
  if (run) for (const name of COUNTER_NAMES) counts[name] = run[name];
  return counts;
}

async function readRun(open: () => Promise<WriteTransaction>, runId: string): Promise<SyncRun | null> {
  const tx = await open();
  try {
    const rows = await tx.query(`SELECT * FROM sync_run WHERE id = $1`, [runId]);
    return hydrateRows(tx.manager, SyncRun, rows)[0] ?? null;
  } finally {
    await tx.end(false);
  }
}

/** Marks the run RUNNING (once; a retry keeps its start), or answers null when it is not to run (finished, cancelled, gone). */
async function start(open: () => Promise<WriteTransaction>, job: SyncRunJob, jobId: string | null): Promise<{ run: SyncRun; source: SourceSystem; checkpoint: Checkpoint } | null> {
  const tx = await open();
  try {
    const runs = hydrateRows(tx.manager, SyncRun, await tx.query(`SELECT * FROM sync_run WHERE id = $1 FOR UPDATE`, [job.runId]));
    const run = runs[0];
    if (!run || (run.status !== SyncStatus.QUEUED && run.status !== SyncStatus.RUNNING)) {
      await tx.end(false);
      return null;
    }
    const source = hydrateRows(tx.manager, SourceSystem, await tx.query(`SELECT * FROM source_system WHERE id = $1`, [run.sourceSystemId]))[0];
    if (!source) {
      await tx.end(false);
      return null;
    }
    const stored = run.checkpoint as Checkpoint | null;
    const checkpoint: Checkpoint = stored ?? { since: run.full ? null : watermarkOf(source), at: null, heldBack: null };
    await tx.query(
      `UPDATE sync_run SET status = 'RUNNING', started_at = coalesce(started_at, greatest(clock_timestamp(), queued_at)), job_id = coalesce($2, job_id),
              checkpoint = $3, updated_at = clock_timestamp() WHERE id = $1`,
      [run.id, jobId, JSON.stringify(checkpoint)],
    );
    await tx.end(true);
    return { run, source, checkpoint };
  } catch (error) {
    await tx.end(false).catch(() => undefined);
    throw error;
  }
}

const watermarkOf = (source: SourceSystem): string | null => {
  const value = source.syncState?.updatedAt;
  return typeof value === "string" ? value : null;
};

async function note(open: () => Promise<WriteTransaction>, runId: string, message: string): Promise<void> {
  const tx = await open();
  try {
    await tx.query(`UPDATE sync_run SET message = $2, updated_at = clock_timestamp() WHERE id = $1 AND status = 'RUNNING'`, [runId, message]);
    await tx.end(true);
  } catch (error) {
    await tx.end(false).catch(() => undefined);
    throw error;
  }
}

async function fail(open: () => Promise<WriteTransaction>, runId: string, message: string, sourceError: SourceHttpError | null): Promise<void> {
  const tx = await open();
  try {
    const [row] = await tx.query<{ tenant_id: string }>(
      `UPDATE sync_run SET status = 'FAILED', finished_at = clock_timestamp(), message = $2, updated_at = clock_timestamp()
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING tenant_id`,
      [runId, message],
    );
    if (row && sourceError) {
      await tx.query(`INSERT INTO sync_issue (tenant_id, run_id, kind, message, detail) VALUES ($1, $2, $3, $4, $5)`, [
        row.tenant_id,
        runId,
        SyncIssueKind.SOURCE_ERROR,
        sourceError.message,
        JSON.stringify(sourceError.toIssue()),
      ]);
    }
    await tx.end(true);
  } catch (error) {
    await tx.end(false).catch(() => undefined);
    throw error;
  }
}
