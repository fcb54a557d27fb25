import { setMaxListeners } from "node:events";
import type { DataSource } from "typeorm";
import type { Logger } from "../../common/log";
import { hydrateRows } from "../../db/hydrate";
import type { StatementStats } from "../../db/statement-counter";
import { WriteTransaction } from "../../db/write-transaction";
import { CredentialsCipher, CredentialsError } from "../../sources/credentials";
import { SourceHttpError } from "../../sources/http";
import { SourceSystem } from "../../sources/source-system.entity";
import { HANDED_OVER, type JobContext, type JobHandler, type SyncRunJob } from "../jobs";
import { SyncIssueKind } from "../sync-issue.entity";
import { SYNC_COUNTERS, SyncRun, SyncStatus } from "../sync-run.entity";
import { applyPageSafely, Counts, zeroCounts } from "./apply";
import { archiveUnlisted, unlistedRecords } from "./archive-unlisted";
import type { FieldGroup, Precedence, SourceKindName } from "../precedence";
import { findRun } from "../runs";
import { ConnectorConfigError, connectorFor, type ConnectorHttp, type ConnectorPage, type GoneCheck } from "./connectors";

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
  /** How often a running attempt writes its heartbeat (ms). Default 15 s; the dispatcher resumes a run whose heartbeat is older than its staleAfterMs. */
  heartbeatMs?: number;
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
  /** After each committed page (and at the end); the run waits for a promise it returns. */
  onProgress?: (progress: SyncProgress) => void | Promise<void>;
  /**
   * Told once the run is marked RUNNING for this attempt, with the attempt's token (a foreground
   * run, e.g. `npm run sync`, uses it to hand its run back only while the run is still its own).
   */
  onStarted?: (attempt: { runId: string; attemptToken: string }) => void;
}

export interface RunResult {
  runId: string;
  status: SyncStatus;
  counts: Counts;
  message: string | null;
  /** SQL statements the run made (data statements; framing apart). */
  stats: StatementStats;
  /** This attempt stopped because another took the run over. */
  takenOver?: boolean;
  /** How often this attempt refreshed the planner's statistics of the tables it writes (StatisticsRefresh). */
  statisticsRefreshed?: number;
}

type InRun = <T>(work: (tx: WriteTransaction) => Promise<T>) => Promise<T>;

interface Checkpoint {
  since: string | null;
  at: Record<string, unknown> | null;
  heldBack: string | null;
}

// $2..$8 in the page's UPDATE; its checkpoint and status are $9 and $10.
const COUNTER_NAMES = SYNC_COUNTERS;

/** The job handler of the `sync-run` queue. */
export function syncRunHandler(environment: SyncEnvironment): JobHandler<SyncRunJob> {
  return async (job: SyncRunJob, context: JobContext) => {
    const result = await runSync(environment, job, { jobId: context.id, signal: context.signal, lastAttempt: context.lastAttempt });
    // Taken over (this attempt was found dead and its job retried): the job is the new attempt's.
    if (result.takenOver) return HANDED_OVER;
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
  const inRun: InRun = (work) => WriteTransaction.run(environment.dataSource, job.tenantId, work, stats);
  const signal = options.signal ?? new AbortController().signal;

  const started = await start(inRun, job, options.jobId ?? null);
  if (!started) {
    const run = await readRun(inRun, job.runId);
    return { runId: job.runId, status: run?.status ?? SyncStatus.CANCELLED, counts: countsOf(run), message: run?.message ?? null, stats };
  }
  const { run, source, token, precedence, startedAt } = started;
  options.onStarted?.({ runId: run.id, attemptToken: token });
  let checkpoint = started.checkpoint;
  // The heartbeat says this attempt is alive; when its attempt was taken (the dispatcher found it
  // stale and handed the run to a retry), it stops the attempt's HTTP calls at once.
  const taken = new AbortController();
  // Ended (finished, cancelled, taken over, failed): the page read ahead is not wanted any more.
  const done = new AbortController();
  const stop = AbortSignal.any([signal, taken.signal, done.signal]);
  // Every request waiting for the source's concurrency limit listens to it (a page's details: up to 100).
  setMaxListeners(1_000, stop);
  let beating = false;
  const heartbeat = setInterval(() => {
    // One beat at a time: a beat waits for the run's row while a page commits; no pile of them.
    if (beating) return;
    beating = true;
    void inRun((tx) => tx.rows<{ id: string }>(`UPDATE sync_run SET heartbeat_at = clock_timestamp() WHERE id = $1 AND attempt_token = $2 AND status = 'RUNNING' RETURNING id`, [run.id, token]))
      .then((alive) => alive.length === 0 && taken.abort(new Error("The run's attempt was taken over or ended")))
      .catch(() => undefined)
      .finally(() => (beating = false));
  }, environment.heartbeatMs ?? 15_000);
  heartbeat.unref();
  const counts = countsOf(run);
  const statistics = new StatisticsRefresh(environment, run.id);
  let pages = 0;
  let total: number | null = null;
  const report = async (status: SyncStatus) => {
    await options.onProgress?.({ runId: run.id, status, counts: { ...counts }, total, pages });
  };
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
    if (connector.prepare) await inRun((tx) => connector.prepare!((sql, params) => tx.query(sql, params), source.id));
    const target = { tenantId: job.tenantId, sourceSystemId: source.id, sourceName: source.name, kind: source.kind, runId: run.id, precedence };
    for await (const page of readAhead(connector.pages({ since: checkpoint.since, at: checkpoint.at }, stop))) {
      // A page read ahead before the run was stopped is not applied.
      if (stop.aborted) throw stop.reason;
      const final = page.next === null;
      // A source listed in full each run (Aptic): at the end of a complete one (a cancelled or failed
      // run never gets here) the records it did not see are asked about before the last page's
      // transaction opens; only the ones confirmed gone are archived in it.
      let confirmed: GoneCheck | null = null;
      if (final && connector.confirmGone) {
        const unseen = await inRun((tx) => unlistedRecords(tx, target, startedAt, listedOn(page), CONFIRM_AT_MOST));
        confirmed = await connector.confirmGone(unseen, stop);
        if (stop.aborted) throw stop.reason;
      }
      const tx = await open();
      try {
        const [current] = await tx.query<{ status: SyncStatus; attempt_token: string | null }>(`SELECT status, attempt_token FROM sync_run WHERE id = $1 FOR UPDATE`, [run.id]);
        if (current?.status === SyncStatus.RUNNING && current.attempt_token !== token) {
          // Taken over: another attempt goes on from the last committed page; this one leaves it.
          await tx.end(false);
          return { runId: run.id, status: SyncStatus.RUNNING, counts, message: "Taken over by another attempt", stats, takenOver: true };
        }
        if (current?.status !== SyncStatus.RUNNING) {
          // Cancelled (or finished elsewhere) meanwhile: what was committed stays; nothing more.
          await tx.end(false);
          const after = await readRun(inRun, run.id);
          await report(after?.status ?? SyncStatus.CANCELLED);
          return { runId: run.id, status: after?.status ?? SyncStatus.CANCELLED, counts: countsOf(after), message: after?.message ?? null, stats };
        }
        // One page at a time per tenant, across its sources and processes: two sources' records of one
        // new company would otherwise both create it (each not seeing the other's uncommitted client).
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sync-apply:${job.tenantId}`]);
        // A record that could not be confirmed gone is the run's issue (SOURCE_ERROR, failed), not fetched.
        const unconfirmed = confirmed?.failed ?? [];
        const outcome = await applyPageSafely(tx, target, unconfirmed.length === 0 ? page : { ...page, failedFetches: [...page.failedFetches, ...unconfirmed] });
        outcome.counts.fetched -= unconfirmed.length;
        if (confirmed) {
          // Gone (the source answered 404): archived by the rule of a deletion, in this last page's transaction.
          const gone = await archiveUnlisted(tx, target, startedAt, confirmed.gone);
          for (const name of COUNTER_NAMES) outcome.counts[name] += gone.counts[name];
        }
        for (const name of COUNTER_NAMES) counts[name] += outcome.counts[name];
        const heldBack = earliest(checkpoint.heldBack, outcome.heldBack);
        checkpoint = { since: checkpoint.since, at: page.next, heldBack };
        // PARTIAL: a record was not applied, or not all of it (an archive refused, an invoice of another client).
        const partial = final && (counts.failed > 0 || counts.conflicts > 0 || (await runHasIssues(tx, run.id)));
        const status = final ? (partial ? SyncStatus.PARTIAL : SyncStatus.SUCCEEDED) : SyncStatus.RUNNING;
        await tx.query(
          `UPDATE sync_run SET ${COUNTER_NAMES.map((name, i) => `"${name}" = "${name}" + $${i + 2}`).join(", ")},
                  checkpoint = $9, status = $10::varchar, heartbeat_at = clock_timestamp(),
                  attempt_token = CASE WHEN $10::varchar IN ('SUCCEEDED', 'PARTIAL') THEN NULL ELSE attempt_token END, finished_at = CASE WHEN $10::varchar IN ('SUCCEEDED', 'PARTIAL') THEN clock_timestamp() END,
                  message = CASE WHEN $10::varchar IN ('SUCCEEDED', 'PARTIAL') THEN NULL ELSE message END, updated_at = clock_timestamp()
            WHERE id = $1`,
          [run.id, ...COUNTER_NAMES.map((name) => outcome.counts[name]), JSON.stringify(checkpoint), status],
        );
        if (final) {
          // Never past the run's start: the listings go by id or cursor, not by change time, so a record
          // changed during the run on a page read before is only seen by the next run (from here on).
          const seen = earliest(page.watermark, heldBack);
          const watermark = seen === null ? null : earliest(seen, startedAt);
          if (watermark !== null) {
            await tx.query(`UPDATE source_system SET sync_state = sync_state || jsonb_build_object($2::text, $3::text) WHERE id = $1`, [source.id, WATERMARK_KEY, watermark]);
          }
        }
        await tx.end(true);
        pages++;
        total = page.total ?? total;
        await statistics.afterPage(counts, final);
        await report(status);
        if (final) return { runId: run.id, status, counts, message: null, stats, statisticsRefreshed: statistics.refreshed };
      } catch (error) {
        await tx.end(false).catch(() => undefined);
        throw error;
      }
    }
    throw new FinalFailure("The source's listing ended without a last page");
  } catch (error) {
    if (taken.signal.aborted && !signal.aborted) {
      // The heartbeat stopped the calls: the run was cancelled (or ended elsewhere), or another attempt has it.
      const after = await readRun(inRun, run.id).catch(() => null);
      if (after && after.status !== SyncStatus.RUNNING) {
        await report(after.status);
        return { runId: run.id, status: after.status, counts: countsOf(after), message: after.message ?? null, stats };
      }
      return { runId: run.id, status: SyncStatus.RUNNING, counts, message: "Taken over by another attempt", stats, takenOver: true };
    }
    const ending = finalFailure(error, signal, options.lastAttempt === true);
    if (!ending) {
      // Retried by the queue (with backoff), from the last committed page; the run stays open.
      environment.logger?.warn({ runId: run.id, sourceId: source.id, error: errorSummary(error) }, "sync run interrupted; it will be retried");
      await note(inRun, run.id, `Interrupted, will be retried: ${errorSummary(error)}`).catch(() => undefined);
      throw error;
    }
    await fail(inRun, run.id, token, ending.message, error instanceof SourceHttpError ? error : null);
    environment.logger?.warn({ runId: run.id, sourceId: source.id, error: errorSummary(error) }, "sync run failed");
    await report(SyncStatus.FAILED);
    return { runId: run.id, status: SyncStatus.FAILED, counts, message: ending.message, stats };
  } finally {
    clearInterval(heartbeat);
    done.abort(new Error("The run has ended"));
  }
}

/**
 * The pages of a listing, the next one read while the caller applies the current one: the source's
 * HTTP calls and the database's work overlap. Ending early (cancelled, taken over) closes the
 * listing once the page read ahead has settled; a failure of that page surfaces only when the
 * caller gets to it.
 */
export async function* readAhead<T>(pages: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = pages.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = pages.next();
      // Awaited on the next turn; until then a failure must not count as unhandled.
      next.catch(() => undefined);
      yield current.value;
    }
  } finally {
    // The page read ahead is not used: the caller aborts its requests (runSync's `done`); the
    // generator is closed once it has settled.
    void next.then(() => pages.return(undefined)).catch(() => undefined);
  }
}

/**
 * At most this many records a run did not see are asked about at its end (Connector.confirmGone),
 * the first by source id: more are left to the next runs (each asks again about the ones still unseen).
 */
const CONFIRM_AT_MOST = 2_000;

/** The source ids a page names (listed, failed, unchanged): seen by the run, whatever their outcome. */
function listedOn(page: ConnectorPage): string[] {
  const ids = page.records.flatMap((result) => (result.ok ? [result.record.sourceId] : []));
  return [...ids, ...page.failedFetches.map((failed) => failed.sourceId), ...page.unchangedIds];
}

/** The tables a run writes in bulk: a first sync can grow them many times over within minutes. */
const SYNC_WRITTEN_TABLES = ["client", "source_record", "field_source", "external_identifier", "invoice"];
/** Records written (created, updated, archived) before the first refresh; then each time they grow fourfold. */
const FIRST_REFRESH_AT = 1_000;
const REFRESH_GROWTH = 4;

/**
 * ANALYZE of the tables a run writes, when its writes have grown fourfold since the last time (from
 * 1,000 on) and at its end when it wrote that many. A big first sync grows them faster than autovacuum
 * analyzes them (it looks once a minute, from 10 % of change on): with statistics that believe a
 * source has 200 records where it has 10,000, a page's statements join by scanning all of them
 * instead of probing the index (the touch of an unchanged page took 11 ms instead of 2). The
 * statistics are then within a factor of four of the tables, for the rest of the run and for the
 * next run. A refresh samples at most 30,000 rows a table: 30-300 ms on the development machine
 * with 1,000-20,000 rows a table, three refreshes in a first sync of 10,000.
 * Outside the page's transaction; a login that may not ANALYZE a table gets a warning from
 * PostgreSQL, not an error, and a failure only logs: the run goes on.
 */
class StatisticsRefresh {
  refreshed = 0;
  private next = FIRST_REFRESH_AT;
  private lastAt = 0;

  constructor(
    private readonly environment: SyncEnvironment,
    private readonly runId: string,
  ) {}

  async afterPage(counts: Counts, final: boolean): Promise<void> {
    const written = counts.created + counts.updated + counts.archived;
    const due = written >= this.next || (final && written >= FIRST_REFRESH_AT && written > this.lastAt);
    if (!due) return;
    while (this.next <= written) this.next *= REFRESH_GROWTH;
    this.lastAt = written;
    try {
      await this.environment.dataSource.query(`ANALYZE ${SYNC_WRITTEN_TABLES.join(", ")}`);
      this.refreshed++;
    } catch (error) {
      this.environment.logger?.warn({ runId: this.runId, error: errorSummary(error) }, "sync run could not refresh the tables' statistics");
    }
  }
}

/** Whether an error ends the run now (and with what message), or leaves it to a retry. */
function finalFailure(error: unknown, signal: AbortSignal, lastAttempt: boolean): { message: string } | null {
  if (error instanceof FinalFailure) return { message: error.message };
  // Stopped from outside (the job's time ran out, the process stops, Ctrl-C): never final here.
  if (signal.aborted) return null;
  if (error instanceof SourceHttpError) {
    if (error.kind === "AUTH") return { message: error.safeMessage };
    if (error.kind === "CANCELLED" && signal.aborted) return null; // the job's time ran out or the process stops: retried
    return lastAttempt ? { message: error.safeMessage } : null;
  }
  return lastAttempt ? { message: "The run failed on an internal error; see the gateway's log" } : null;
}

/** What may be logged or shown of an error: a source's (redacted) message, else only its kind. */
function errorSummary(error: unknown): string {
  if (error instanceof SourceHttpError) return error.safeMessage;
  if (error instanceof FinalFailure) return error.message;
  const code = (error as { code?: string }).code;
  return error instanceof Error ? `${error.name}${code ? ` ${code}` : ""}` : typeof error;
}

async function runHasIssues(tx: WriteTransaction, runId: string): Promise<boolean> {
  const [row] = await tx.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM sync_issue WHERE run_id = $1 AND kind IN ('CONFLICT', 'RECORD_FAILED', 'SOURCE_ERROR')) AS found`,
    [runId],
  );
  return row.found;
}

const earliest = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : Date.parse(a) <= Date.parse(b) ? a : b);

function countsOf(run: SyncRun | null | undefined): Counts {
  const counts = zeroCounts();
  if (run) for (const name of COUNTER_NAMES) counts[name] = run[name];
  return counts;
}

const readRun = (inRun: InRun, runId: string): Promise<SyncRun | null> => inRun((tx) => findRun(tx, runId));

/** Marks the run RUNNING (once; a retry keeps its start), or answers null when it is not to run (finished, cancelled, gone). */
async function start(inRun: InRun, job: SyncRunJob, jobId: string | null): Promise<{ run: SyncRun; source: SourceSystem; checkpoint: Checkpoint; token: string; precedence: Precedence; startedAt: string } | null> {
  return inRun(async (tx) => {
    const runs = hydrateRows(tx.manager, SyncRun, await tx.query(`SELECT * FROM sync_run WHERE id = $1 FOR UPDATE`, [job.runId]));
    const run = runs[0];
    if (!run || (run.status !== SyncStatus.QUEUED && run.status !== SyncStatus.RUNNING)) return null;
    const source = hydrateRows(tx.manager, SourceSystem, await tx.query(`SELECT * FROM source_system WHERE id = $1`, [run.sourceSystemId]))[0];
    if (!source) return null;
    const stored = run.checkpoint as Checkpoint | null;
    const checkpoint: Checkpoint = stored ?? { since: run.full ? null : watermarkOf(source), at: null, heldBack: null };
    const [{ attempt_token: token, started_at: startedAt }] = await tx.rows<{ attempt_token: string; started_at: Date }>(
      `UPDATE sync_run SET status = 'RUNNING', started_at = coalesce(started_at, greatest(clock_timestamp(), queued_at)), job_id = coalesce($2, job_id),
              checkpoint = $3, attempt_token = gen_random_uuid(), heartbeat_at = clock_timestamp(), updated_at = clock_timestamp()
        WHERE id = $1 RETURNING attempt_token, started_at`,
      [run.id, jobId, JSON.stringify(checkpoint)],
    );
    const precedence: Precedence = Object.fromEntries(
      (await tx.query<{ field_group: FieldGroup; sources: SourceKindName[] }>(`SELECT field_group, sources FROM source_precedence`)).map((row) => [row.field_group, row.sources]),
    );
    return { run, source, checkpoint, token, precedence, startedAt: new Date(startedAt).toISOString() };
  });
}

/** Where SourceSystem.syncState keeps the watermark: the source's change time the next incremental run starts from. */
const WATERMARK_KEY = "updatedAt";

const watermarkOf = (source: SourceSystem): string | null => {
  const value = source.syncState?.[WATERMARK_KEY];
  return typeof value === "string" ? value : null;
};

async function note(inRun: InRun, runId: string, message: string): Promise<void> {
  await inRun((tx) => tx.query(`UPDATE sync_run SET message = $2, updated_at = clock_timestamp() WHERE id = $1 AND status = 'RUNNING'`, [runId, message]));
}

async function fail(inRun: InRun, runId: string, token: string, message: string, sourceError: SourceHttpError | null): Promise<void> {
  await inRun(async (tx) => {
    const [row] = await tx.rows<{ tenant_id: string }>(
      `UPDATE sync_run SET status = 'FAILED', finished_at = clock_timestamp(), message = $2, attempt_token = NULL, updated_at = clock_timestamp()
        WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND (attempt_token = $3 OR attempt_token IS NULL) RETURNING tenant_id`,
      [runId, message, token],
    );
    if (row && sourceError) {
      await tx.query(`INSERT INTO sync_issue (tenant_id, run_id, kind, message, detail) VALUES ($1, $2, $3, $4, $5)`, [
        row.tenant_id,
        runId,
        SyncIssueKind.SOURCE_ERROR,
        sourceError.safeMessage,
        JSON.stringify(sourceError.toIssue()),
      ]);
    }
  });
}
