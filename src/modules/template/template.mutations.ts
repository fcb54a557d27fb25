import type { DataSource } from "typeorm";
import { fail, FieldFailure, invalidData, MutationErrorCode, MutationFailure } from "../../common/mutation/mutation-error";
import type { ChangeScope, MutationSpec } from "../../common/mutation/pipeline";
import { normaliseResourceValues, resourceFieldFailures, ResourceFields, ResourceValues } from "../../common/resource/fields";
import type { FieldChange } from "../audit/audit-entry.entity";
import { hydrateRows } from "../../db/hydrate";
import { fromSnapshot, snapshotOf } from "../../db/snapshot";
import type { WriteTransaction } from "../../db/write-transaction";
import { insertReturning, updateReturning } from "../../db/write";
import { PricelistService } from "./pricelist-service.entity";
import { storedItems, TemplateInput, TemplateKind, templateFailures, TemplateRow } from "./template.kinds";

/**
 * Defining the company's templates and pricelist services, as specs of the one pipeline
 * (clients:write, as every other write: they decide what createClient gives a client). `set`
 * creates the named definition or replaces all of it (a field left out is cleared, the items are
 * the ones given); `delete` removes it. Audited with no client (the entries are in no client's
 * history): entityType is the GraphQL type, the changes its fields before and after.
 */

export interface NamedArgs {
  name: string;
}

export interface ServiceArgs {
  serviceId: number;
}

export interface SetServiceArgs extends ServiceArgs {
  values: ResourceValues;
}

export const SERVICE_FIELDS: ResourceFields = {
  name: { kind: "text", max: 100, required: true },
  description: { kind: "text", max: 255 },
  isActive: { kind: "bool", notNull: true, description: "Default true" },
};

const SERVICE_ID_FIELDS: ResourceFields = { serviceId: { kind: "int", range: [0, 2147483647], required: true } };

/** Definitions of one name run one after the other (two first sets of a name: one insert, then an update). */
async function lockName(tx: WriteTransaction, tenantId: string, kind: string, name: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [JSON.stringify(["definition", tenantId, kind, name])]);
}

async function findLocked<E extends object>(tx: WriteTransaction, entity: new () => E, column: string, value: unknown): Promise<E | null> {
  const table = tx.manager.connection.getMetadata(entity).tableName;
  const rows = await tx.query<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE "${column}" = $1 FOR UPDATE`, [value]);
  return hydrateRows(tx.manager, entity, rows)[0] ?? null;
}

/** The changed fields of a definition (before null: created; after null: deleted). */
function changesOf(fields: readonly string[], before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = before?.[field] ?? null;
    const now = after?.[field] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(now)) changes.push({ field, before: was, after: now });
  }
  return changes;
}

function audit(scope: ChangeScope, typeName: string, fields: readonly string[], before: { id: string } | null, after: { id: string } | null): void {
  const row = (after ?? before)!;
  scope.audit({ clientId: null, entityType: typeName, entityId: row.id, change: before === null ? "created" : after === null ? "deleted" : "updated", changes: changesOf(fields, before as Record<string, unknown> | null, after as Record<string, unknown> | null) });
}

const store = <E extends object>(dataSource: DataSource, entity: new () => E): Pick<MutationSpec<unknown, E>, "serialise" | "restore"> => ({
  serialise: (row) => snapshotOf(dataSource, entity, row),
  restore: (stored) => fromSnapshot(dataSource, entity, stored as Record<string, unknown>),
});

/** set{Kind} and delete{Kind} of one template kind. */
export function templateSpecs<E extends TemplateRow>(dataSource: DataSource, kind: TemplateKind<E>) {
  const audited = ["name", ...Object.keys(kind.fields), kind.itemsField];

  const set: MutationSpec<TemplateInput, E> = {
    name: `set${kind.typeName}`,
    fingerprint: (args) => args,
    validate: (args, access) => templateFailures(kind as TemplateKind, args, access),
    async change(scope, args) {
      const failures = (await kind.itemChecks?.(scope, args.items, `input.${kind.itemsField}`)) ?? [];
      if (failures.length > 0) throw new MutationFailure(invalidData(failures));
      await lockName(scope.tx, scope.tenantId, kind.typeName, args.name);
      const before = await findLocked(scope.tx, kind.entity, "name", args.name);
      const full = Object.fromEntries(Object.keys(kind.fields).map((field) => [field, args.values[field] ?? null]));
      const values = { ...normaliseResourceValues(kind.fields, full), [kind.itemsField]: storedItems(kind as TemplateKind, args.items) };
      const after = before
        ? await updateReturning(scope.tx, kind.entity, before.id, values)
        : await insertReturning(scope.tx, kind.entity, { ...values, name: args.name, tenantId: scope.tenantId });
      audit(scope, kind.typeName, audited, before, after);
      return after;
    },
    ...store(dataSource, kind.entity),
  };

  const remove: MutationSpec<NamedArgs, E> = {
    name: `delete${kind.typeName}`,
    fingerprint: (args) => args,
    validate: () => [],
    async change(scope, args) {
      await lockName(scope.tx, scope.tenantId, kind.typeName, args.name);
      const before = await findLocked(scope.tx, kind.entity, "name", args.name);
      if (!before) throw fail(MutationErrorCode.NOT_FOUND, `No ${kind.label} with this name`, [{ field: "name", message: `No ${kind.label} with this name` }]);
      await scope.tx.query(`DELETE FROM "${scope.tx.manager.connection.getMetadata(kind.entity).tableName}" WHERE id = $1`, [before.id]);
      audit(scope, kind.typeName, audited, before, null);
      return before;
    },
    ...store(dataSource, kind.entity),
  };

  return { set, delete: remove };
}

/** setPricelistService and deletePricelistService. */
export function serviceSpecs(dataSource: DataSource) {
  const audited = ["serviceId", ...Object.keys(SERVICE_FIELDS)];

  const set: MutationSpec<SetServiceArgs, PricelistService> = {
    name: "setPricelistService",
    fingerprint: (args) => args,
    validate: (args, access): FieldFailure[] => {
      const full = { ...args.values, isActive: args.values.isActive ?? undefined };
      return [...resourceFieldFailures(SERVICE_ID_FIELDS, { serviceId: args.serviceId }, "", "create", access), ...resourceFieldFailures(SERVICE_FIELDS, full, "input", "create", access)];
    },
    async change(scope, args) {
      await lockName(scope.tx, scope.tenantId, "PricelistService", String(args.serviceId));
      const before = await findLocked(scope.tx, PricelistService, "service_id", args.serviceId);
      const values = {
        name: args.values.name,
        description: args.values.description ?? null,
        isActive: args.values.isActive ?? true,
      };
      const after = before
        ? await updateReturning(scope.tx, PricelistService, before.id, values)
        : await insertReturning(scope.tx, PricelistService, { ...values, serviceId: args.serviceId, tenantId: scope.tenantId });
      audit(scope, "PricelistService", audited, before, after);
      return after;
    },
    ...store(dataSource, PricelistService),
  };

  const remove: MutationSpec<ServiceArgs, PricelistService> = {
    name: "deletePricelistService",
    fingerprint: (args) => args,
    validate: () => [],
    async change(scope, args) {
      await lockName(scope.tx, scope.tenantId, "PricelistService", String(args.serviceId));
      const before = await findLocked(scope.tx, PricelistService, "service_id", args.serviceId);
      if (!before) throw fail(MutationErrorCode.NOT_FOUND, "No pricelist service with this id", [{ field: "serviceId", message: "No pricelist service with this id" }]);
      const users = await scope.tx.query<{ name: string }>(
        `SELECT name FROM pricelist_template WHERE lines @> jsonb_build_array(jsonb_build_object('serviceId', $1::int)) ORDER BY name LIMIT 5`,
        [args.serviceId],
      );
      if (users.length > 0) {
        throw fail(MutationErrorCode.SERVICE_IN_USE, `Pricelist templates price this service (${users.map((u) => u.name).join(", ")}): change or delete them first`);
      }
      await scope.tx.query(`DELETE FROM pricelist_service WHERE id = $1`, [before.id]);
      audit(scope, "PricelistService", audited, before, null);
      return before;
    },
    ...store(dataSource, PricelistService),
  };

  return { set, delete: remove };
}
