import type { DataSource, ObjectLiteral } from "typeorm";
import { insertReturning, updateReturning, violatedUniqueIndex } from "../../db/write";
import { hydrateRows } from "../../db/hydrate";
import { fromSnapshot, snapshotOf } from "../../db/snapshot";
import type { WriteTransaction } from "../../db/write-transaction";
import type { FieldChange } from "../../modules/audit/audit-entry.entity";
import { isBigintId } from "../validation/checksums";
import { fail, FieldFailure, invalidData, MutationErrorCode, MutationFailure } from "../mutation/mutation-error";
import type { CallerAccess, ChangeScope, MutationSpec } from "../mutation/pipeline";
import {
  CrossRule, crossFieldFailures, definedOnly, normaliseResourceValues, personalValueFailures, ResourceFields, resourceFieldFailures, ResourceValues, sameStoredValue,
} from "./fields";

/** A row that belongs to one client of one tenant. */
export interface ChildRow extends ObjectLiteral {
  id: string;
  tenantId: string;
  clientId: string;
  updatedAt?: Date;
}

/** What the gateway knows of one kind of nested resource to write it through the pipeline. */
export interface ChildResource<E extends ChildRow> {
  entity: new () => E;
  /** The GraphQL type name: the audit trail's entityType. */
  typeName: string;
  /** How messages name it: "bank account". */
  label: string;
  fields: ResourceFields;
  /** Rules over several fields of the whole record (relative field names). */
  rules?: readonly CrossRule<ResourceValues>[];
  /** Fields the audit trail records besides the writable ones (set by the gateway, e.g. closedAt). */
  auditedExtra?: readonly string[];
  /** How the audit trail shows a value (account numbers masked); as it is by default. */
  auditMask?(field: string, value: unknown): unknown;
  /** Unique indexes whose violation is a business outcome rather than a server error. */
  uniqueIndexes?: Record<string, (prefix: string) => MutationFailure>;
}

/**
 * Locks the client (FOR NO KEY UPDATE) so that writes of one client's nested resources run one
 * after the other (one contract per client, one default pricelist, upserts by name), while
 * reads and foreign-key checks go on. Row-level security makes another tenant's client absent.
 */
export async function lockClient(scope: ChangeScope, clientId: string): Promise<void> {
  const rows = isBigintId(clientId) ? await scope.tx.query<{ id: string }>("SELECT id FROM client WHERE id = $1 FOR NO KEY UPDATE", [clientId]) : [];
  if (rows.length === 0) throw fail(MutationErrorCode.NOT_FOUND, "No client with this id", [{ field: "clientId", message: "No client with this id" }]);
}

/**
 * Which client a nested mutation is about: its id or its GUID (`uniqueId`), exactly one of the two.
 * A call that gives its id is the call it always was (same arguments, same idempotency fingerprint).
 */
export interface ClientRef {
  clientId?: string;
  clientUniqueId?: string;
}

/** The reference as the spec's arguments hold it: only the one given (a null or absent one left out). */
export function clientRefOf(args: { clientId?: string | null; clientUniqueId?: string | null }): ClientRef {
  const ref: ClientRef = {};
  if (args.clientId != null) ref.clientId = args.clientId;
  if (args.clientUniqueId != null) ref.clientUniqueId = args.clientUniqueId;
  return ref;
}

/** INVALID_DATA failures of a reference with both or neither (with the other failures of the call). */
export function clientRefFailures(ref: ClientRef): FieldFailure[] {
  if (ref.clientId !== undefined && ref.clientUniqueId !== undefined) return [{ field: "clientUniqueId", message: "Give clientId or clientUniqueId, not both" }];
  if (ref.clientId === undefined && ref.clientUniqueId === undefined) return [{ field: "clientId", message: "Give clientId or clientUniqueId" }];
  return [];
}

/** The client's id, looked up by GUID when given so (NOT_FOUND at clientUniqueId when absent or another tenant's); `lock` as lockClient. */
export async function clientIdOf(scope: ChangeScope, ref: ClientRef, lock: boolean): Promise<string> {
  if (ref.clientId !== undefined) {
    if (lock) await lockClient(scope, ref.clientId);
    return ref.clientId;
  }
  const rows = await scope.tx.query<{ id: string }>(`SELECT id::text AS id FROM client WHERE unique_id = $1::uuid${lock ? " FOR NO KEY UPDATE" : ""}`, [ref.clientUniqueId]);
  if (rows.length === 0) throw fail(MutationErrorCode.NOT_FOUND, "No client with this uniqueId", [{ field: "clientUniqueId", message: "No client with this uniqueId" }]);
  return rows[0].id;
}

/** The resource's row matching `where` (properties), locked for the rest of the transaction. */
export async function findChild<E extends ChildRow>(tx: WriteTransaction, resource: ChildResource<E>, where: Partial<Record<keyof E & string, unknown>>): Promise<E | null> {
  const metadata = tx.manager.connection.getMetadata(resource.entity);
  const entries = Object.entries(where);
  if (entries.some(([property, value]) => (property === "id" || property === "clientId") && !isBigintId(String(value)))) return null;
  const conditions = entries.map(([property], i) => `"${metadata.findColumnWithPropertyName(property)!.databaseName}" = $${i + 1}`);
  const rows = await tx.query<Record<string, unknown>>(
    `SELECT * FROM "${metadata.tableName}" WHERE ${conditions.join(" AND ")} ORDER BY id LIMIT 1 FOR UPDATE`,
    entries.map(([, value]) => value),
  );
  return hydrateRows(tx.manager, resource.entity, rows)[0] ?? null;
}

/** Throws NOT_FOUND when a row is missing (absent, or another tenant's). */
export function found<E>(row: E | null, message: string): E {
  if (!row) throw fail(MutationErrorCode.NOT_FOUND, message);
  return row;
}

/** Field and cross-field failures of a new record's input: needs no database. */
export function createFailures<E extends ChildRow>(resource: ChildResource<E>, input: ResourceValues, access: CallerAccess, prefix = "input"): FieldFailure[] {
  const failures = resourceFieldFailures(resource.fields, input, prefix, "create", access);
  return [...failures, ...crossFieldFailures(resource.rules ?? [], definedOnly(input), input, prefix, failures)];
}

/** Runs a write, turning a known unique index's violation into its business outcome. */
export async function guardUnique<E extends ChildRow, T>(resource: ChildResource<E>, prefix: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const index = violatedUniqueIndex(error);
    const outcome = index ? resource.uniqueIndexes?.[index] : undefined;
    if (outcome) throw outcome(prefix);
    throw error;
  }
}

/** Audits a nested resource's change (before null: created; after null: deleted), keyed by its client. */
export function recordChildChange<E extends ChildRow>(scope: ChangeScope, resource: ChildResource<E>, before: E | null, after: E | null): void {
  const row = (after ?? before)!;
  const mask = resource.auditMask ?? ((_field: string, value: unknown) => value);
  const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));
  const changes: FieldChange[] = [];
  for (const field of [...Object.keys(resource.fields), ...(resource.auditedExtra ?? [])]) {
    const was = before ? plain(before[field]) : null;
    const now = after ? plain(after[field]) : null;
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes.push({ field, before: was === null ? null : mask(field, was), after: now === null ? null : mask(field, now) });
  }
  scope.audit({ clientId: row.clientId, entityType: resource.typeName, entityId: row.id, change: before === null ? "created" : after === null ? "deleted" : "updated", changes });
}

/** Inserts a valid input for a client (already locked), with `extra` values set by the gateway, and audits it. */
export async function insertChild<E extends ChildRow>(scope: ChangeScope, resource: ChildResource<E>, clientId: string, input: ResourceValues, extra: ResourceValues = {}, prefix = "input"): Promise<E> {
  const values = { ...normaliseResourceValues(resource.fields, input), ...extra, clientId, tenantId: scope.tenantId };
  const row = await guardUnique(resource, prefix, () => insertReturning(scope.tx, resource.entity, values));
  recordChildChange(scope, resource, null, row);
  return row;
}

/**
 * Applies a patch to a locked row: refuses a stale `expectedUpdatedAt`, checks the fields and the
 * rules over the record with the patch applied, writes only what changed (nothing at all when
 * nothing did) and audits it.
 */
export async function patchChild<E extends ChildRow>(
  scope: ChangeScope, resource: ChildResource<E>, before: E, patch: ResourceValues, expectedUpdatedAt: Date | null | undefined, prefix = "patch",
): Promise<E> {
  if (expectedUpdatedAt && before.updatedAt && before.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
    throw fail(MutationErrorCode.PRECONDITION_FAILED, `The ${resource.label} was changed at ${before.updatedAt.toISOString()}, after expectedUpdatedAt: read it again and reapply the change`);
  }
  const failures = resourceFieldFailures(resource.fields, patch, prefix, "update", scope);
  const record = { ...(before as ResourceValues), ...definedOnly(patch) };
  failures.push(...crossFieldFailures(resource.rules ?? [], record, patch, prefix, failures));
  if (failures.length > 0) throw new MutationFailure(invalidData(failures));
  const values = normaliseResourceValues(resource.fields, patch);
  const changed = Object.fromEntries(Object.entries(values).filter(([field, value]) => !sameStoredValue(resource.fields[field].kind, value, before[field])));
  if (Object.keys(changed).length === 0) return before;
  const after = await guardUnique(resource, prefix, () => updateReturning(scope.tx, resource.entity, before.id, changed));
  recordChildChange(scope, resource, before, after);
  return after;
}

/** Deletes a locked row and audits what it held. */
export async function deleteChild<E extends ChildRow>(scope: ChangeScope, resource: ChildResource<E>, before: E): Promise<E> {
  const table = scope.tx.manager.connection.getMetadata(resource.entity).tableName;
  await scope.tx.query(`DELETE FROM "${table}" WHERE id = $1`, [before.id]);
  recordChildChange(scope, resource, before, null);
  return before;
}

/** A resource row stored for replay as its column values, and back. */
export function rowStore<E extends ChildRow>(dataSource: DataSource, entity: new () => E): Pick<MutationSpec<unknown, E>, "serialise" | "restore"> {
  return {
    serialise: (row) => snapshotOf(dataSource, entity, row),
    restore: (stored) => fromSnapshot(dataSource, entity, stored as Record<string, unknown>),
  };
}

export interface CreateChildArgs extends ClientRef {
  input: ResourceValues;
}

export interface PatchChildArgs {
  patch: ResourceValues;
  expectedUpdatedAt?: Date | null;
}

/** How an update or delete finds its row: by the client (one per client) or by the row's own id. */
export type Locator = "clientId" | "id";

/** An update's or delete's row: the client's (by id or GUID) when one per client, else the row's id. */
export interface LocateArgs extends ClientRef {
  id?: string;
}

const fingerprintWithInstant = <A extends { expectedUpdatedAt?: Date | null }>(args: A) => ({ ...args, expectedUpdatedAt: args.expectedUpdatedAt?.toISOString() ?? null });

/**
 * The create / update / delete specs of a nested resource. `one` makes it one per client: a
 * second create fails with `existsCode`. `defaults` sets what the gateway decides on create.
 */
export function childResourceSpecs<E extends ChildRow>(
  dataSource: DataSource,
  resource: ChildResource<E>,
  names: { create: string; update: string; delete: string },
  options: {
    one?: { existsCode: MutationErrorCode };
    defaults?(scope: ChangeScope, clientId: string, input: ResourceValues): Promise<ResourceValues>;
  } = {},
) {
  const store = rowStore(dataSource, resource.entity);
  const locator: Locator = options.one ? "clientId" : "id";
  const missing = options.one ? `The client has no ${resource.label}` : `No ${resource.label} with this id`;
  // One per client: found by the client's id or GUID; else by the row's own id.
  const locate = async (scope: ChangeScope, args: LocateArgs) =>
    findChild(scope.tx, resource, { [locator]: locator === "clientId" ? await clientIdOf(scope, args, false) : String(args.id) } as Partial<Record<keyof E & string, unknown>>);
  const locatorFailures = (args: LocateArgs) => (locator === "clientId" ? clientRefFailures(args) : []);

  const create: MutationSpec<CreateChildArgs, E> = {
    name: names.create,
    fingerprint: (args) => args,
    validate: (args, access) => [...clientRefFailures(args), ...createFailures(resource, args.input, access)],
    async change(scope, args) {
      const clientId = await clientIdOf(scope, args, true);
      if (options.one && (await findChild(scope.tx, resource, { clientId } as Partial<Record<keyof E & string, unknown>>))) {
        throw fail(options.one.existsCode, `The client has a ${resource.label} already: update or delete it instead`);
      }
      const extra = options.defaults ? await options.defaults(scope, clientId, args.input) : {};
      return insertChild(scope, resource, clientId, args.input, extra);
    },
    ...store,
  };

  const update: MutationSpec<PatchChildArgs & LocateArgs, E> = {
    name: names.update,
    fingerprint: fingerprintWithInstant,
    // Checked against the stored row in the change; a personnummer sent without clients:pii, or a
    // client given by both or neither of id and GUID, is refused before the key is looked up (with
    // the patch's other field problems).
    validate: (args, access) => {
      const refused = locatorFailures(args);
      return refused.length > 0 || personalValueFailures(resource.fields, args.patch, "patch", access).length > 0
        ? [...refused, ...resourceFieldFailures(resource.fields, args.patch, "patch", "update", access)]
        : [];
    },
    async change(scope, args) {
      const before = found(await locate(scope, args), missing);
      return patchChild(scope, resource, before, args.patch, args.expectedUpdatedAt);
    },
    ...store,
  };

  const remove: MutationSpec<LocateArgs, E> = {
    name: names.delete,
    fingerprint: (args) => args,
    validate: (args) => locatorFailures(args),
    async change(scope, args) {
      const before = found(await locate(scope, args), missing);
      return deleteChild(scope, resource, before);
    },
    ...store,
  };

  return { create, update, delete: remove };
}

export interface SetNamedArgs extends ClientRef {
  name: string;
  values: ResourceValues;
}

export interface NamedArgs extends ClientRef {
  name: string;
}

/**
 * The set (upsert) / delete specs of a resource named uniquely per client (parameters, extra
 * fields). `set` replaces every field of the named row (a field left out is cleared) or creates
 * it; the client's lock makes two concurrent sets of one new name one insert and one update.
 */
export function namedChildSpecs<E extends ChildRow & { name: string }>(
  dataSource: DataSource,
  resource: ChildResource<E>,
  names: { set: string; delete: string },
  valuesPrefix: string,
) {
  const store = rowStore(dataSource, resource.entity);
  const { name: nameField, ...valueFields } = resource.fields;
  const full = (values: ResourceValues) => Object.fromEntries(Object.keys(valueFields).map((field) => [field, values[field] ?? null]));
  const missing = `The client has no ${resource.label} with this name`;

  const set: MutationSpec<SetNamedArgs, E> = {
    name: names.set,
    fingerprint: (args) => args,
    validate: (args, access) => [
      ...clientRefFailures(args),
      ...resourceFieldFailures({ name: nameField }, { name: args.name }, "", "create", access),
      ...resourceFieldFailures(valueFields, full(args.values), valuesPrefix, "create", access),
    ],
    async change(scope, args) {
      const clientId = await clientIdOf(scope, args, true);
      const before = await findChild(scope.tx, resource, { clientId, name: args.name } as Partial<Record<keyof E & string, unknown>>);
      if (before) return patchChild(scope, resource, before, full(args.values), null, valuesPrefix);
      return insertChild(scope, resource, clientId, { ...full(args.values), name: args.name }, {}, valuesPrefix);
    },
    ...store,
  };

  const remove: MutationSpec<NamedArgs, E> = {
    name: names.delete,
    fingerprint: (args) => args,
    validate: (args) => clientRefFailures(args),
    async change(scope, args) {
      const clientId = await clientIdOf(scope, args, false);
      const before = found(await findChild(scope.tx, resource, { clientId, name: args.name } as Partial<Record<keyof E & string, unknown>>), missing);
      return deleteChild(scope, resource, before);
    },
    ...store,
  };

  return { set, delete: remove };
}
