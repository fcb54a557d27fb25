import type { DataSource } from "typeorm";
import { redactText } from "../../common/redact";
import type { Logger } from "../../common/log";
import { hydrateRows } from "../../db/hydrate";
import { WriteTransaction } from "../../db/write-transaction";
import { type AuditRecord, writeAudit } from "../audit/audit.service";
import { ApticClient, apticAuthOf, type ApticAuth } from "../../sources/aptic/client";
import type { CredentialsCipher } from "../../sources/credentials";
import { SourceHttpError } from "../../sources/http";
import type { JobHandler } from "../../sync/jobs";
import { ActionRunStatus, ClientActionRun } from "./client-action-run.entity";

/**
 * Forwarding a custom action to its Aptic source: once, outside any transaction, and its outcome
 * written back to the run. The sync call does it after its mutation commits (the pipeline's
 * follow-up); an async call does it on the job queue (`client-action` jobs), claimed with
 * QUEUED -> RUNNING so that no job, retry or second process sends one run twice.
 */

/** Where a run goes: the source's URL and sealed credentials, read in the transaction that made the run. */
export interface ActionTarget {
  baseUrl: string;
  /** The source's sealed credentials (decrypted only to build the client). */
  credentials: string;
}

/** What the source's answer makes of a run. */
export interface ActionOutcome {
  status: ActionRunStatus.SUCCEEDED | ActionRunStatus.FAILED;
  result: unknown;
  sourceStatus: number | null;
  sourceLocation: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

/** How long one forwarded call may take (the source's HTTP budget), and so how long a sync call's key counts as in use. */
export const ACTION_TIMEOUT_MS = 30_000;

function apticAuth(cipher: CredentialsCipher, sealed: string): ApticAuth {
  const auth = apticAuthOf(cipher.decrypt(sealed));
  if (auth) return auth;
  throw new Error("An Aptic source authenticates with oauth2 or an apiKey");
}

/** The source's refusal, redacted (secrets by the HTTP client, personal data here) and capped. */
function failureOf(error: unknown): ActionOutcome {
  const failed = (errorCode: string, message: string, sourceStatus: number | null = null): ActionOutcome => ({
    status: ActionRunStatus.FAILED,
    result: null,
    sourceStatus,
    sourceLocation: null,
    errorCode,
    errorMessage: redactText(message).slice(0, 1000),
  });
  if (error instanceof SourceHttpError) {
    if (error.kind === "TIMEOUT" || error.kind === "NETWORK" || error.kind === "CANCELLED") {
      return failed("SOURCE_UNAVAILABLE", `Aptic did not answer (${error.kind === "TIMEOUT" ? "timed out" : "no connection"}): the action may or may not have run`);
    }
    const said = [error.sourceCode, error.sourceMessage].filter(Boolean).join(": ");
    return failed("SOURCE_ERROR", `Aptic refused the action${error.status ? ` (${error.status})` : ""}${said ? `: ${said}` : ""}`, error.status);
  }
  return failed("SOURCE_ERROR", "The action could not be sent to Aptic (its source's settings or credentials)");
}

/** Sends one run's call to Aptic and answers what became of it; never throws. */
export async function forward(cipher: CredentialsCipher, target: ActionTarget, run: Pick<ClientActionRun, "clientGuid" | "serviceDefinition" | "input" | "async">, signal?: AbortSignal): Promise<ActionOutcome> {
  try {
    const client = new ApticClient({ baseUrl: target.baseUrl, auth: apticAuth(cipher, target.credentials), http: { timeoutMs: ACTION_TIMEOUT_MS } });
    const answer = await client.invoke(run.clientGuid, run.serviceDefinition, run.input ?? {}, { async: run.async, signal });
    return { status: ActionRunStatus.SUCCEEDED, result: answer.body ?? null, sourceStatus: answer.status, sourceLocation: answer.location, errorCode: null, errorMessage: null };
  } catch (error) {
    return failureOf(error);
  }
}

/** Writes a run's outcome (it must be RUNNING) and returns the run as stored; null when it was not RUNNING. */
export async function settleRun(tx: WriteTransaction, runId: string, outcome: ActionOutcome): Promise<ClientActionRun | null> {
  const rows = await tx.rows<Record<string, unknown>>(
    `UPDATE client_action_run SET status = $2, result = $3::jsonb, source_status = $4, source_location = $5, error_code = $6, error_message = $7,
            finished_at = clock_timestamp(), updated_at = clock_timestamp()
      WHERE id = $1 AND status = 'RUNNING' RETURNING *`,
    [runId, outcome.status, JSON.stringify(outcome.result ?? null), outcome.sourceStatus, outcome.sourceLocation?.slice(0, 1000) ?? null, outcome.errorCode, outcome.errorMessage],
  );
  return hydrateRows(tx.manager, ClientActionRun, rows)[0] ?? null;
}

/** The audit record of a run's status change (the client's, or no client's for a global action). */
export const statusAudit = (run: ClientActionRun, before: ActionRunStatus | null): AuditRecord => ({
  clientId: run.clientId,
  entityType: "ClientActionRun",
  entityId: run.id,
  change: before === null ? "created" : "updated",
  changes: [{ field: "status", before, after: run.status }],
});

/** The job of an async call: which run, in which tenant. */
export interface ClientActionJob {
  tenantId: string;
  runId: string;
}

export interface ClientActionHandlerOptions {
  dataSource: DataSource;
  cipher: CredentialsCipher;
  logger?: Logger;
}

/**
 * Runs an async call's job: claims the run (QUEUED -> RUNNING), forwards it, writes its outcome,
 * each write audited as the mutation that asked for it. A run found RUNNING was claimed by an
 * attempt that ended without settling it (the process stopped mid-call): it ends FAILED with
 * INTERRUPTED rather than being sent again (one claimed by another job is left to it). The queue
 * retries no job of this kind.
 */
export function clientActionHandler(options: ClientActionHandlerOptions): JobHandler<ClientActionJob> {
  return async ({ tenantId, runId }, job) => {
    const origin = (run: ClientActionRun) => ({
      operation: run.clientId === null ? "invokeAction" : "invokeClientAction",
      actor: run.requestedBy,
      requestId: `job:${job.id}`,
      idempotencyKey: null,
    });
    const claimed = await WriteTransaction.run(options.dataSource, tenantId, async (tx) => {
      const rows = await tx.query<Record<string, unknown>>(
        `SELECT r.*, s.base_url AS target_base_url, s.credentials AS target_credentials FROM client_action_run r
           LEFT JOIN source_system s ON s.id = r.source_system_id WHERE r.id = $1 FOR UPDATE OF r`,
        [runId],
      );
      const row = rows[0];
      if (!row) return null;
      const run = hydrateRows(tx.manager, ClientActionRun, [row])[0];
      // RUNNING under this job: an attempt of it ended without settling the run. Under another job: that one has it.
      if (run.status === ActionRunStatus.RUNNING && run.jobId === job.id) {
        const ended = await settleRun(tx, run.id, { ...failureOf(null), errorCode: "INTERRUPTED", errorMessage: "The gateway stopped while the action ran: whether Aptic ran it is unknown" });
        if (ended) await writeAudit(tx, tenantId, origin(ended), [statusAudit(ended, ActionRunStatus.RUNNING)]);
        return null;
      }
      if (run.status !== ActionRunStatus.QUEUED) return null;
      const [started] = hydrateRows(
        tx.manager,
        ClientActionRun,
        await tx.rows<Record<string, unknown>>(`UPDATE client_action_run SET status = 'RUNNING', started_at = clock_timestamp(), job_id = coalesce(job_id, $2::uuid), updated_at = clock_timestamp() WHERE id = $1 RETURNING *`, [run.id, job.id]),
      );
      await writeAudit(tx, tenantId, origin(started), [statusAudit(started, ActionRunStatus.QUEUED)]);
      const target = row.target_base_url ? { baseUrl: String(row.target_base_url), credentials: String(row.target_credentials) } : null;
      return { run: started, target };
    });
    if (!claimed) return { skipped: true };
    const outcome = claimed.target
      ? await forward(options.cipher, claimed.target, claimed.run, job.signal)
      : { ...failureOf(null), errorMessage: "The run's Aptic source was deleted before it ran" };
    await WriteTransaction.run(options.dataSource, tenantId, async (tx) => {
      const settled = await settleRun(tx, claimed.run.id, outcome);
      if (settled) await writeAudit(tx, tenantId, origin(settled), [statusAudit(settled, ActionRunStatus.RUNNING)]);
    });
    options.logger?.info({ runId, status: outcome.status, errorCode: outcome.errorCode }, "client action ran");
    return { status: outcome.status };
  };
}

/** Queues an async run's job (the job queue of this process); answers pg-boss's job id. */
export interface ActionQueue {
  enqueueAction(job: ClientActionJob): Promise<string>;
}

/**
 * What the sync dispatcher's tick does for custom actions (as the tables' owner, across tenants):
 * async runs still without a job some seconds after their commit (their process had no job queue,
 * or stopped before it queued one) get one; runs RUNNING far longer than a call may take (their
 * process stopped mid-call) end FAILED with INTERRUPTED.
 */
export async function sweepActionRuns(
  dataSource: DataSource,
  queue: ActionQueue,
  query: (sql: string, params?: unknown[]) => Promise<unknown>,
  /** One tenant's runs only (a test's); every tenant's by default. */
  onlyTenant: string | null = null,
): Promise<void> {
  const queued = (await query(
    `SELECT id, tenant_id FROM client_action_run WHERE status = 'QUEUED' AND job_id IS NULL AND created_at < clock_timestamp() - interval '5 seconds'
        AND ($1::varchar IS NULL OR tenant_id = $1) ORDER BY created_at, id LIMIT 1000`,
    [onlyTenant],
  )) as { id: string; tenant_id: string }[];
  for (const run of queued) {
    const jobId = await queue.enqueueAction({ tenantId: run.tenant_id, runId: String(run.id) });
    await WriteTransaction.run(dataSource, run.tenant_id, (tx) => tx.query(`UPDATE client_action_run SET job_id = $2 WHERE id = $1 AND job_id IS NULL`, [run.id, jobId]));
  }
  const stale = (await query(
    `SELECT id, tenant_id FROM client_action_run WHERE status = 'RUNNING' AND started_at < clock_timestamp() - make_interval(secs => $1::int)
        AND ($2::varchar IS NULL OR tenant_id = $2) ORDER BY id LIMIT 1000`,
    [Math.ceil((2 * ACTION_TIMEOUT_MS) / 1000) + 60, onlyTenant],
  )) as { id: string; tenant_id: string }[];
  for (const run of stale) {
    await WriteTransaction.run(dataSource, run.tenant_id, async (tx) => {
      const ended = await settleRun(tx, String(run.id), { ...failureOf(null), errorCode: "INTERRUPTED", errorMessage: "The gateway stopped while the action ran: whether Aptic ran it is unknown" });
      if (ended) {
        await writeAudit(tx, run.tenant_id, { operation: ended.clientId === null ? "invokeAction" : "invokeClientAction", actor: ended.requestedBy, requestId: "sweep", idempotencyKey: null }, [statusAudit(ended, ActionRunStatus.RUNNING)]);
      }
    });
  }
}
