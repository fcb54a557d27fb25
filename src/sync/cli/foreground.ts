import type { WriteTransaction } from "../../db/write-transaction";
import { hydrateRows } from "../../db/hydrate";
import { queueRun } from "../runs";
import { SyncRun, SyncStatus } from "../sync-run.entity";
import type { SourceRef } from "./args";

/**
 * What `npm run sync` does in the database around `runSync`, each in the caller's transaction of
 * the tenant (row-level security confines every read to it): find the source, take a run of it
 * for this process, hand the run back when interrupted, read its issues for the summary.
 */

export interface SourceRow {
  id: string;
  name: string;
  kind: string;
  enabled: boolean;
}

export type SourceLookup =
  | { kind: "FOUND"; source: SourceRow }
  /** Nothing by that id or name; `known` lists (some of) the tenant's sources, to help. */
  | { kind: "NONE"; known: SourceRow[] }
  | { kind: "AMBIGUOUS"; candidates: SourceRow[] };

const SOURCE_COLUMNS = `id::text AS id, name, kind, enabled`;

/** The tenant's source by id (digits; when no source has that id, by that name), or by its exact name in any case. */
export async function resolveSource(tx: WriteTransaction, ref: SourceRef): Promise<SourceLookup> {
  if (ref.by === "id") {
    const [byId] = await tx.query<SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM source_system WHERE id = $1::bigint`, [ref.id]);
    if (byId) return { kind: "FOUND", source: byId };
  }
  const named = await tx.query<SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM source_system WHERE lower(name) = lower($1) ORDER BY id LIMIT 20`, [ref.text]);
  if (named.length === 1) return { kind: "FOUND", source: named[0] };
  if (named.length > 1) return { kind: "AMBIGUOUS", candidates: named };
  const known = await tx.query<SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM source_system ORDER BY id LIMIT 20`);
  return { kind: "NONE", known };
}

export type Claim =
  /** A new run, queued and taken by this process. */
  | { kind: "NEW"; run: SyncRun }
  /** The source's queued run (nobody had started it; it may have a checkpoint, when it was handed back), taken by this process. */
  | { kind: "QUEUED"; run: SyncRun; fullIgnored: boolean }
  /** The source's interrupted run (RUNNING, no job of the queue owns it, silent), resumed by this process from its checkpoint. */
  | { kind: "RESUMED"; run: SyncRun; fullIgnored: boolean; silentForMs: number | null }
  /** The source's run goes on elsewhere: in the gateway's job queue (`jobId`), or in another foreground process. */
  | { kind: "BUSY"; run: SyncRun; where: "JOB_QUEUE" | "ANOTHER_PROCESS"; silentForMs: number | null }
  | { kind: "DISABLED" }
  | { kind: "NO_SOURCE" };

export interface ClaimOptions {
  full: boolean;
  requestedBy: string;
  /** A RUNNING run silent this long lost its process (SYNC_STALE_AFTER_MS). */
  staleAfterMs: number;
}

/**
 * Takes a run of the source for this process. A run taken here is RUNNING (with a fresh heartbeat)
 * when this commits, before `runSync` starts it: the dispatcher hands only QUEUED runs to the job
 * queue, so none of the gateway's workers starts it meanwhile. `runSync` then gives it its
 * attempt token; an older attempt still alive somewhere stops at its next page.
 *
 * - A new run: queued and taken.
 * - The source's QUEUED run (not started by any worker; it may have a job of the queue waiting):
 *   taken. `--full` makes it full while it has no checkpoint; a job that starts it later finds it
 *   running or finished (and takes it over, or does nothing).
 * - A RUNNING run without a job (a foreground run) whose heartbeat is older than `staleAfterMs`
 *   (its process died, or was stopped by a second Ctrl-C): resumed.
 * - Any other RUNNING run: BUSY, left alone.
 */
export async function claimRun(tx: WriteTransaction, tenantId: string, sourceId: string, options: ClaimOptions): Promise<Claim> {
  for (let tries = 0; ; tries++) {
    const outcome = await queueRun(tx, tenantId, sourceId, { full: options.full, requestedBy: options.requestedBy });
    if (outcome.kind === "NO_SOURCE" || outcome.kind === "DISABLED") return { kind: outcome.kind };
    const [row] = await tx.query<Record<string, unknown> & { silent_ms: number | null }>(
      `SELECT *, (extract(epoch FROM clock_timestamp() - heartbeat_at) * 1000)::float8 AS silent_ms FROM sync_run WHERE id = $1 FOR UPDATE`,
      [outcome.run.id],
    );
    const run = row && hydrateRows(tx.manager, SyncRun, [row])[0];
    if (!run || (run.status !== SyncStatus.QUEUED && run.status !== SyncStatus.RUNNING)) {
      // It finished between queueRun's read and the lock: queue again (once more at most).
      if (tries < 2) continue;
      throw new Error("The source's open run kept finishing under this process; try again");
    }
    const silentForMs = row.silent_ms === null ? null : Number(row.silent_ms);
    if (run.status === SyncStatus.QUEUED) {
      const fresh = run.checkpoint === null;
      const [taken] = await tx.rows<Record<string, unknown>>(
        `UPDATE sync_run SET status = 'RUNNING', "full" = CASE WHEN checkpoint IS NULL THEN "full" OR $2 ELSE "full" END,
                heartbeat_at = clock_timestamp(), updated_at = clock_timestamp()
          WHERE id = $1 RETURNING *`,
        [run.id, options.full],
      );
      const claimed = hydrateRows(tx.manager, SyncRun, [taken])[0];
      if (outcome.kind === "QUEUED") return { kind: "NEW", run: claimed };
      return { kind: "QUEUED", run: claimed, fullIgnored: options.full && !fresh && !run.full };
    }
    const silent = silentForMs === null || silentForMs >= options.staleAfterMs;
    if (run.jobId !== null) return { kind: "BUSY", run, where: "JOB_QUEUE", silentForMs };
    if (!silent) return { kind: "BUSY", run, where: "ANOTHER_PROCESS", silentForMs };
    await tx.query(`UPDATE sync_run SET heartbeat_at = clock_timestamp(), updated_at = clock_timestamp() WHERE id = $1`, [run.id]);
    return { kind: "RESUMED", run, fullIgnored: options.full && !run.full, silentForMs };
  }
}

/**
 * Hands an interrupted run back to the queue: QUEUED again, with its checkpoint and counters, so
 * the next `npm run sync` of the source or a running gateway's job queue resumes it from its last
 * committed page. Only while it is still this process's attempt (`attemptToken`): false when
 * another took it over or it ended meanwhile.
 */
export async function handBack(tx: WriteTransaction, runId: string, attemptToken: string, message: string): Promise<boolean> {
  const rows = await tx.rows(
    `UPDATE sync_run SET status = 'QUEUED', attempt_token = NULL, heartbeat_at = NULL, message = $3, updated_at = clock_timestamp()
      WHERE id = $1 AND status = 'RUNNING' AND attempt_token = $2 RETURNING id`,
    [runId, attemptToken, message],
  );
  return rows.length > 0;
}

export interface RunIssues {
  total: number;
  first: { kind: string; sourceId: string | null; field: string | null; message: string }[];
}

/** The run's first `limit` issues (in the order they were written) and how many it has. */
export async function runIssues(tx: WriteTransaction, runId: string, limit = 5): Promise<RunIssues> {
  const [{ total }] = await tx.query<{ total: string }>(`SELECT count(*) AS total FROM sync_issue WHERE run_id = $1`, [runId]);
  const first = await tx.query<{ kind: string; source_id: string | null; field: string | null; message: string }>(
    `SELECT kind, source_id, field, message FROM sync_issue WHERE run_id = $1 ORDER BY id LIMIT $2`,
    [runId, limit],
  );
  return { total: Number(total), first: first.map((issue) => ({ kind: issue.kind, sourceId: issue.source_id, field: issue.field, message: issue.message })) };
}

