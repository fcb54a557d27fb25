import type { DataSource } from "typeorm";
import { fail, mutationError, MutationErrorCode, MutationFailure } from "../common/mutation/mutation-error";
import type { MutationSpec } from "../common/mutation/pipeline";
import { isBigintId } from "../common/validation/checksums";
import { fromSnapshot, snapshotOf } from "../db/snapshot";
import { cancelRun, queueRun } from "./runs";
import { SyncRun } from "./sync-run.entity";

export interface StartSyncArgs {
  sourceId: string;
  full: boolean;
  /** The caller's token subject (SyncRun.requestedBy); not part of the call's identity. */
  requestedBy: string;
}
export interface CancelSyncArgs {
  runId: string;
}

/**
 * Starting and cancelling syncs as specs of the one pipeline, with the scope sources:admin. A run
 * is no change of a client: nothing is audited (what the run changes on clients is, with its run).
 */
export function syncRunMutations(dataSource: DataSource) {
  const store = {
    serialise: (run: SyncRun) => snapshotOf(dataSource, SyncRun, run),
    restore: (stored: unknown) => fromSnapshot(dataSource, SyncRun, stored as Record<string, unknown>),
  };

  const startSync: MutationSpec<StartSyncArgs, SyncRun> = {
    name: "startSync",
    scope: "sources:admin",
    fingerprint: ({ sourceId, full }) => ({ sourceId, full }),
    validate: () => [],
    async change(scope, { sourceId, full, requestedBy }) {
      if (!isBigintId(sourceId)) throw fail(MutationErrorCode.NOT_FOUND, "No source system with this id");
      const outcome = await queueRun(scope.tx, scope.tenantId, sourceId, { full, requestedBy });
      switch (outcome.kind) {
        case "QUEUED":
        case "ALREADY_OPEN":
          // A source has one open run at most: a second start answers that run (queued or running).
          return outcome.run;
        case "NO_SOURCE":
          throw fail(MutationErrorCode.NOT_FOUND, "No source system with this id");
        case "DISABLED":
          throw fail(MutationErrorCode.SOURCE_DISABLED, "The source system is disabled: enable it (updateSourceSystem) to sync it");
        default:
          return assertNever(outcome);
      }
    },
    ...store,
  };

  const cancelSync: MutationSpec<CancelSyncArgs, SyncRun> = {
    name: "cancelSync",
    scope: "sources:admin",
    fingerprint: (args) => args,
    validate: () => [],
    async change(scope, { runId }) {
      if (!isBigintId(runId)) throw fail(MutationErrorCode.NOT_FOUND, "No sync run with this id");
      const outcome = await cancelRun(scope.tx, runId);
      switch (outcome.kind) {
        case "CANCELLED":
          return outcome.run;
        case "NO_RUN":
          throw fail(MutationErrorCode.NOT_FOUND, "No sync run with this id");
        case "FINISHED":
          // Nothing to cancel: the run as it ended, and a code saying so (a cancelled run answers CANCELLED there).
          throw new MutationFailure(mutationError(MutationErrorCode.SYNC_RUN_FINISHED, `The run had finished (${outcome.run.status}): nothing was cancelled`), outcome.run);
        default:
          return assertNever(outcome);
      }
    },
    ...store,
  };

  return { startSync, cancelSync };
}

function assertNever(value: never): never {
  throw new Error(`Unexpected outcome ${JSON.stringify(value)}`);
}
