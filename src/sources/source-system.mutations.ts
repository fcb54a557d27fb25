import type { DataSource } from "typeorm";
import { fail, invalidData, MutationErrorCode, MutationFailure } from "../common/mutation/mutation-error";
import type { MutationEnvironment, MutationSpec } from "../common/mutation/pipeline";
import { fromSnapshot, snapshotOf } from "../db/snapshot";
import { findForUpdate, insertReturning, updateReturning } from "../db/write";
import { openRunOf } from "../sync/runs";
import type { CredentialsCipher } from "./credentials";
import { authKindOfSealed, type SourceAuthKind } from "./source-auth-kind";
import { SourceSystem } from "./source-system.entity";
import type { CreateSourceSystemInput, SourceAuthInput, UpdateSourceSystemInput } from "./source-system.inputs";
import { credentialsOf, fieldFailures, kindFailures } from "./source-system.validation";

export interface CreateSourceSystemArgs {
  input: CreateSourceSystemInput;
}
export interface UpdateSourceSystemArgs {
  id: string;
  patch: UpdateSourceSystemInput;
  expectedUpdatedAt?: Date | null;
}
export interface SourceSystemIdArgs {
  id: string;
}

/**
 * What is kept of a source for replay: every column but the sealed credentials and the sync
 * state (a replay needs neither, and the idempotency table is no place for even sealed secrets).
 */
function sourceStore(dataSource: DataSource, cipher: CredentialsCipher) {
  return {
    serialise: (source: SourceSystem) => {
      const { credentials: _sealed, syncState: _state, ...kept } = snapshotOf(dataSource, SourceSystem, source);
      return { ...kept, authKind: authKindOfSealed(cipher, source.credentials) };
    },
    restore: (stored: unknown) => {
      const { authKind, ...columns } = stored as Record<string, unknown>;
      return Object.assign(fromSnapshot(dataSource, SourceSystem, columns), { credentials: "", syncState: {}, authKind: (authKind as SourceAuthKind | null | undefined) ?? null });
    },
  };
}

/**
 * The arguments that identify a call, with the credentials replaced by their keyed digest: the
 * idempotency table keeps only a hash of the fingerprint, and not even that is of the secret.
 */
const withoutSecret = (cipher: CredentialsCipher, auth: SourceAuthInput | null | undefined) => (auth == null ? auth : { digest: cipher.digest(credentialsOf(auth)) });

/**
 * Source systems as specs of the one pipeline, with the scope sources:admin. Not audited: the
 * audit trail is a client's history (every entry names a client), and a source's definition
 * belongs to no client; what a sync then changes on a client is audited with its source and run.
 */
export function sourceSystemMutations(environment: MutationEnvironment) {
  const cipher = environment.credentials;
  const store = sourceStore(environment.dataSource, cipher);

  const createSourceSystem: MutationSpec<CreateSourceSystemArgs, SourceSystem> = {
    name: "createSourceSystem",
    scope: "sources:admin",
    fingerprint: ({ input }) => ({ input: { ...input, auth: withoutSecret(cipher, input.auth) } }),
    validate: ({ input }) => [...fieldFailures(input, "input", "create"), ...kindFailures(input.kind, input, "input", true)],
    async change(scope, { input }) {
      return insertReturning(scope.tx, SourceSystem, {
        tenantId: scope.tenantId,
        kind: input.kind,
        name: input.name,
        baseUrl: String(input.baseUrl),
        companyId: input.companyId ?? null,
        apiVersion: input.apiVersion ?? null,
        schedule: input.schedule ?? null,
        enabled: input.enabled ?? true,
        credentials: cipher.encrypt(credentialsOf(input.auth)),
      });
    },
    ...store,
  };

  const updateSourceSystem: MutationSpec<UpdateSourceSystemArgs, SourceSystem> = {
    name: "updateSourceSystem",
    scope: "sources:admin",
    fingerprint: ({ id, patch, expectedUpdatedAt }) => ({ id, patch: { ...patch, auth: withoutSecret(cipher, patch.auth) }, expectedUpdatedAt: expectedUpdatedAt?.toISOString() ?? null }),
    // Checked in the change, against the stored source (its kind), so that every failure comes at once.
    validate: () => [],
    async change(scope, { id, patch, expectedUpdatedAt }) {
      const before = await findForUpdate(scope.tx, SourceSystem, id);
      if (!before) throw fail(MutationErrorCode.NOT_FOUND, "No source system with this id");
      if (expectedUpdatedAt && before.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
        throw fail(MutationErrorCode.PRECONDITION_FAILED, `The source system was changed at ${before.updatedAt.toISOString()}, after expectedUpdatedAt: read it again and reapply the change`);
      }
      const failures = [...fieldFailures(patch, "patch", "update"), ...kindFailures(before.kind, patch, "patch", patch.companyId !== undefined)];
      if (failures.length > 0) throw new MutationFailure(invalidData(failures));
      const values: Partial<SourceSystem> = {};
      if (patch.name != null) values.name = patch.name;
      if (patch.baseUrl != null) values.baseUrl = String(patch.baseUrl);
      if (patch.companyId !== undefined) values.companyId = patch.companyId;
      if (patch.apiVersion !== undefined) values.apiVersion = patch.apiVersion;
      if (patch.schedule !== undefined) values.schedule = patch.schedule;
      if (patch.enabled != null) values.enabled = patch.enabled;
      const changed: Record<string, unknown> = Object.fromEntries(Object.entries(values).filter(([field, value]) => before[field as keyof SourceSystem] !== value));
      // New credentials always replace the stored ones (sealed anew: the old can't be compared without opening them).
      if (patch.auth != null) changed.credentials = cipher.encrypt(credentialsOf(patch.auth));
      if (Object.keys(changed).length === 0) return before;
      return updateReturning(scope.tx, SourceSystem, before.id, changed);
    },
    ...store,
  };

  const deleteSourceSystem: MutationSpec<SourceSystemIdArgs, SourceSystem> = {
    name: "deleteSourceSystem",
    scope: "sources:admin",
    fingerprint: (args) => args,
    validate: () => [],
    async change(scope, { id }) {
      // Locked for update: queueRun locks the source for share, so no run is queued meanwhile.
      const before = await findForUpdate(scope.tx, SourceSystem, id);
      if (!before) throw fail(MutationErrorCode.NOT_FOUND, "No source system with this id");
      const open = await openRunOf(scope.tx, before.id);
      if (open) {
        throw fail(MutationErrorCode.SYNC_RUN_OPEN, `The source has an open run (${open.id}, ${open.status}): cancel it (cancelSync) or let it finish, then delete the source`);
      }
      // Its runs, their issues, its source records and field provenance go with it (FKs cascade);
      // audit entries stay in the clients' history, their `source` and `syncRun` null from now on.
      await scope.tx.query(`DELETE FROM source_system WHERE id = $1`, [before.id]);
      return before;
    },
    ...store,
  };

  return { createSourceSystem, updateSourceSystem, deleteSourceSystem };
}
