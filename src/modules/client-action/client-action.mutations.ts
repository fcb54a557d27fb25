import type { DataSource } from "typeorm";
import { fail, FieldFailure, MutationErrorCode } from "../../common/mutation/mutation-error";
import type { ChangeScope, MutationSpec } from "../../common/mutation/pipeline";
import { isBigintId } from "../../common/validation/checksums";
import { textProblem } from "../../common/validation/text";
import { fromSnapshot, snapshotOf } from "../../db/snapshot";
import { insertReturning } from "../../db/write";
import { hydrateRows } from "../../db/hydrate";
import { ActionRunStatus, ClientActionRun } from "./client-action-run.entity";
import { ACTION_TIMEOUT_MS, ActionTarget, forward, settleRun, statusAudit } from "./client-action.forward";

/** A JSON body larger than this is refused (INVALID_DATA at input). */
export const MAX_ACTION_INPUT_BYTES = 256 * 1024;

export interface InvokeArgs {
  /** invokeClientAction: one of clientId and clientUniqueId. Neither: the global action (invokeAction). */
  clientId?: string | null;
  clientUniqueId?: string | null;
  /** invokeAction: the Aptic source, when the company has several. */
  sourceId?: string | null;
  serviceDefinition: string;
  input?: unknown;
  async: boolean;
  /** The caller's token subject (the run's requestedBy); not part of the call's identity. */
  requestedBy: string;
}

/** The run, and (in the call that made it, never in a replay) where it goes. */
export interface InvokeResult {
  run: ClientActionRun;
  target?: ActionTarget;
}

interface TargetRow {
  source_system_id: string;
  base_url: string;
  credentials: string;
  enabled: boolean;
  source_id?: string;
}

function callFailures(args: InvokeArgs): FieldFailure[] {
  const failures: FieldFailure[] = [];
  const problem = textProblem(args.serviceDefinition, { max: 200, required: true });
  if (problem) failures.push({ field: "serviceDefinition", message: problem });
  if (JSON.stringify(args.input ?? null).length > MAX_ACTION_INPUT_BYTES) failures.push({ field: "input", message: `At most ${MAX_ACTION_INPUT_BYTES} bytes of JSON` });
  return failures;
}

/** The client of the call, by id or GUID; NOT_FOUND when the company has none (another company's included). */
async function clientOf(scope: ChangeScope, args: InvokeArgs): Promise<string> {
  const field = args.clientId != null ? "clientId" : "clientUniqueId";
  const rows =
    args.clientId != null
      ? isBigintId(args.clientId)
        ? await scope.tx.query<{ id: string }>("SELECT id FROM client WHERE id = $1", [args.clientId])
        : []
      : await scope.tx.query<{ id: string }>("SELECT id FROM client WHERE unique_id = $1::uuid", [args.clientUniqueId]);
  if (!rows[0]) throw fail(MutationErrorCode.NOT_FOUND, "No client with this id", [{ field, message: "No client with this id" }]);
  return String(rows[0].id);
}

function usable(row: TargetRow | undefined, missing: string): TargetRow {
  if (!row) throw fail(MutationErrorCode.NO_APTIC_SOURCE, missing);
  if (!row.enabled) throw fail(MutationErrorCode.SOURCE_DISABLED, "The Aptic source is disabled: enable it (updateSourceSystem) to call its actions");
  return row;
}

/**
 * invokeClientAction and invokeAction as specs of the one pipeline (clients:write). The change
 * finds where the call goes (the client's record in an Aptic source: the source and the
 * clientGuid; for the global action the company's Aptic source) and records the run, audited;
 * a dry run stops there, so nothing is forwarded. After commit, a sync call is forwarded (the
 * pipeline's follow-up, its outcome written to the run and the stored payload: a retry with the
 * key replays it and never calls again); an async call's run is handed to the job queue.
 */
export function clientActionMutations(dataSource: DataSource) {
  const store = {
    serialise: (result: InvokeResult) => snapshotOf(dataSource, ClientActionRun, result.run),
    restore: (stored: unknown): InvokeResult => ({ run: fromSnapshot(dataSource, ClientActionRun, stored as Record<string, unknown>) }),
  };

  async function record(scope: ChangeScope, args: InvokeArgs, clientId: string | null, target: TargetRow): Promise<InvokeResult> {
    const run = await insertReturning(scope.tx, ClientActionRun, {
      tenantId: scope.tenantId,
      clientId,
      sourceSystemId: target.source_system_id,
      clientGuid: target.source_id ?? null,
      serviceDefinition: args.serviceDefinition,
      input: args.input ?? null,
      async: args.async,
      status: args.async ? ActionRunStatus.QUEUED : ActionRunStatus.RUNNING,
      startedAt: args.async ? null : () => "clock_timestamp()",
      requestedBy: args.requestedBy,
    });
    scope.audit({ ...statusAudit(run, null), changes: [{ field: "serviceDefinition", before: null, after: run.serviceDefinition }, { field: "async", before: null, after: run.async }, { field: "status", before: null, after: run.status }] });
    return { run, target: { baseUrl: target.base_url, credentials: target.credentials } };
  }

  const followUp: Pick<MutationSpec<InvokeArgs, InvokeResult>, "needsFollowUp" | "afterCommit" | "followUpWindowMs"> = {
    needsFollowUp: (result) => result.target !== undefined,
    // A sync call's follow-up is the call itself: a retry meanwhile is IDEMPOTENCY_KEY_IN_USE.
    followUpWindowMs: ACTION_TIMEOUT_MS + 10_000,
    async afterCommit(result, environment) {
      const { run, target } = result;
      if (run.async) {
        if (!environment.actions) return undefined; // the dispatcher hands it to a job queue
        const jobId = await environment.actions.enqueueAction({ tenantId: run.tenantId, runId: run.id });
        return {
          async apply(scope) {
            const rows = await scope.tx.rows<Record<string, unknown>>(`UPDATE client_action_run SET job_id = $2 WHERE id = $1 AND job_id IS NULL RETURNING *`, [run.id, jobId]);
            return { run: hydrateRows(scope.tx.manager, ClientActionRun, rows)[0] ?? run };
          },
        };
      }
      const outcome = await forward(environment.credentials, target!, run);
      return {
        async apply(scope) {
          const settled = await settleRun(scope.tx, run.id, outcome);
          if (!settled) return { run };
          scope.audit(statusAudit(settled, ActionRunStatus.RUNNING));
          return { run: settled };
        },
      };
    },
  };

  const invokeClientAction: MutationSpec<InvokeArgs, InvokeResult> = {
    name: "invokeClientAction",
    fingerprint: ({ requestedBy: _by, ...args }) => ({ ...args, input: args.input ?? null }),
    validate(args) {
      const failures = callFailures(args);
      if ((args.clientId == null) === (args.clientUniqueId == null)) failures.push({ field: "clientId", message: "Give one of clientId and clientUniqueId" });
      return failures;
    },
    async change(scope, args) {
      const clientId = await clientOf(scope, args);
      const [row] = await scope.tx.query<TargetRow>(
        `SELECT r.source_system_id, r.source_id, s.base_url, s.credentials, s.enabled FROM source_record r JOIN source_system s ON s.id = r.source_system_id
          WHERE r.client_id = $1 AND s.kind = 'APTIC' AND NOT r.deleted_in_source ORDER BY s.enabled DESC, r.last_synced_at DESC, r.id LIMIT 1`,
        [clientId],
      );
      return record(scope, args, clientId, usable(row, "No Aptic source has this client: sync it from Aptic first"));
    },
    ...store,
    ...followUp,
  };

  const invokeAction: MutationSpec<InvokeArgs, InvokeResult> = {
    name: "invokeAction",
    fingerprint: ({ requestedBy: _by, ...args }) => ({ ...args, input: args.input ?? null }),
    validate: (args) => callFailures(args),
    async change(scope, args) {
      if (args.sourceId != null && !isBigintId(args.sourceId)) throw fail(MutationErrorCode.NOT_FOUND, "No source system with this id", [{ field: "sourceId", message: "No source system with this id" }]);
      const rows = await scope.tx.query<TargetRow>(
        `SELECT id AS source_system_id, base_url, credentials, enabled FROM source_system WHERE kind = 'APTIC' AND ($1::bigint IS NULL OR id = $1::bigint) ORDER BY id`,
        [args.sourceId ?? null],
      );
      if (args.sourceId != null && rows.length === 0) throw fail(MutationErrorCode.NOT_FOUND, "No Aptic source system with this id", [{ field: "sourceId", message: "No Aptic source system with this id" }]);
      if (rows.length > 1) throw fail(MutationErrorCode.INVALID_DATA, `The company has ${rows.length} Aptic sources: name one`, [{ field: "sourceId", message: "Name the Aptic source: the company has several" }]);
      return record(scope, args, null, usable(rows[0], "The company has no Aptic source (createSourceSystem with kind APTIC)"));
    },
    ...store,
    ...followUp,
  };

  return { invokeClientAction, invokeAction };
}
