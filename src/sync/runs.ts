import type { WriteTransaction } from "../db/write-transaction";
import { hydrateRows } from "../db/hydrate";
import { SyncRun } from "./sync-run.entity";

/**
 * Queueing and cancelling sync runs, in the caller's transaction (a mutation's, under the tenant's
 * row-level security, or the scheduler's). A queued run is handed to the job queue after commit by
 * the dispatcher (src/sync/dispatcher.ts), which also picks up a run whose hand-over a crash cut off.
 */

export interface QueueRunOptions {
  full: boolean;
  /** The token subject, or `schedule`. */
  requestedBy: string;
}

export type QueueRunOutcome =
  | { kind: "QUEUED"; run: SyncRun }
  /** The source has an open run (queued or running) already: that one, and nothing new. */
  | { kind: "ALREADY_OPEN"; run: SyncRun }
  | { kind: "NO_SOURCE" }
  | { kind: "DISABLED" };

const one = (tx: WriteTransaction, rows: Record<string, unknown>[]): SyncRun | undefined => hydrateRows(tx.manager, SyncRun, rows)[0];

/** A run by id, in the caller's transaction (the tenant's), or null. */
export async function findRun(tx: WriteTransaction, runId: string): Promise<SyncRun | null> {
  return one(tx, await tx.query(`SELECT * FROM sync_run WHERE id = $1`, [runId])) ?? null;
}

/** The source's open run, if any. */
export async function openRunOf(tx: WriteTransaction, sourceId: string): Promise<SyncRun | null> {
  const rows = await tx.query(`SELECT * FROM sync_run WHERE source_system_id = $1 AND status IN ('QUEUED', 'RUNNING') LIMIT 1`, [sourceId]);
  return one(tx, rows) ?? null;
}

/**
 * Queues a run of a source: a new QUEUED run, or the open run it has (a source has at most one,
 * by UQ_sync_run_open_per_source, also under concurrent calls). The source row is locked for
 * share, so it is not deleted or disabled meanwhile.
 */
export async function queueRun(tx: WriteTransaction, tenantId: string, sourceId: string, options: QueueRunOptions): Promise<QueueRunOutcome> {
  const [source] = await tx.query<{ enabled: boolean }>(`SELECT enabled FROM source_system WHERE id = $1 FOR SHARE`, [sourceId]);
  if (!source) return { kind: "NO_SOURCE" };
  if (!source.enabled) return { kind: "DISABLED" };
  const inserted = await tx.query(
    `INSERT INTO sync_run (tenant_id, source_system_id, status, "full", requested_by)
     VALUES ($1, $2, 'QUEUED', $3, $4)
     ON CONFLICT (tenant_id, source_system_id) WHERE status IN ('QUEUED', 'RUNNING') DO NOTHING
     RETURNING *`,
    [tenantId, sourceId, options.full, options.requestedBy],
  );
  const run = one(tx, inserted);
  if (run) return { kind: "QUEUED", run };
  const open = await openRunOf(tx, sourceId);
  // Finished between the insert and this read: queue again (rare; bounded by the unique index).
  if (!open) return queueRun(tx, tenantId, sourceId, options);
  return { kind: "ALREADY_OPEN", run: open };
}

export type CancelRunOutcome = { kind: "CANCELLED"; run: SyncRun } | { kind: "FINISHED"; run: SyncRun } | { kind: "NO_RUN" };

/**
 * Cancels an open run: it ends as CANCELLED at once; a running job sees it before its next page
 * and stops there (what it committed stays). A finished run is answered as it is.
 */
export async function cancelRun(tx: WriteTransaction, runId: string): Promise<CancelRunOutcome> {
  const updated = await tx.rows(
    `UPDATE sync_run SET status = 'CANCELLED', finished_at = greatest(now(), queued_at), message = 'Cancelled', attempt_token = NULL, updated_at = now()
      WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING *`,
    [runId],
  );
  const run = one(tx, updated);
  if (run) return { kind: "CANCELLED", run };
  const finished = await findRun(tx, runId);
  return finished ? { kind: "FINISHED", run: finished } : { kind: "NO_RUN" };
}


/** What the GraphQL layer needs of the sync machinery of its process: a nudge after a run was queued. */
export interface SyncControl {
  /** Hands queued runs to the job queue now (else the dispatcher's next tick does). Never throws. */
  dispatch(): Promise<void>;
}

/** A schedule is an ISO-8601 duration of at least a minute and at most a year, e.g. PT15M, P1D. */
export const SCHEDULE = /^P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** The schedule's length in seconds, or null when it is not a duration we take. */
export function scheduleSeconds(schedule: string): number | null {
  const match = SCHEDULE.exec(schedule);
  if (!match) return null;
  const [, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  const total = days * 86_400 + hours * 3_600 + minutes * 60 + seconds;
  return total >= 60 && total <= 366 * 86_400 ? total : null;
}
