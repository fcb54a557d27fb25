import type { DataSource } from "typeorm";
import { FieldFailure, fail, invalidData, mutationError, MutationError, MutationErrorCode, MutationFailure } from "../../common/mutation/mutation-error";
import type { CallerAccess, ChangeScope, MutationSpec } from "../../common/mutation/pipeline";
import { fromSnapshot, snapshotOf } from "../../db/snapshot";
import { sameStoredValue } from "../../common/resource/fields";
import { isBigintId } from "../../common/validation/checksums";
import { findForUpdate, insertReturning, updateReturning, violatedUniqueIndex } from "../../db/write";
import { diffFields } from "../audit/audit.service";
import { OPEN_INVOICE_STATUSES } from "../invoice/invoice.enums";
import { auditMask } from "./client.audit";
import { Client } from "./client.entity";
import { ClientType } from "./client.enums";
import { CLIENT_FIELD_NAMES, CLIENT_FIELDS, ClientFieldName, ClientValues } from "./client.fields";
import type { CreateClientInput, UpdateClientInput } from "./client.inputs";
import type { BulkItem } from "./client.payloads";
import { needsVatCheck, vatFollowUp } from "./client.vat-check";
import { applyTemplates, resolveTemplates } from "../template/template.apply";
import { definedOnly, inputFailures, normaliseClientValues, personalNumberFailures, validateClientInput } from "./client.validation";

/** The index that keeps one org number per tenant and country (archived clients included). */
const ORG_NUMBER_INDEX = "UQ_client_tenant_country_org_number";

/** What the audit trail records of a client: every writable field and the VAT check's outcome. */
const AUDITED = [...CLIENT_FIELD_NAMES, "vatNumberValidated", "vatNumberValidatedAt", "archivedAt"] as const satisfies readonly (keyof Client)[];

export const MAX_BULK_INPUTS = 50;

/** Audits a client's change; when it was or is a sole trader, everything is masked as for one. */
export function recordChange(scope: ChangeScope, before: Client | null, after: Client): void {
  const personal = before?.clientType === ClientType.INDIVIDUAL || after.clientType === ClientType.INDIVIDUAL;
  const mask = (field: keyof Client & string, value: unknown, record: Client) =>
    auditMask(field, value, personal ? { ...record, clientType: ClientType.INDIVIDUAL } : record);
  scope.audit({ clientId: after.id, entityType: "Client", entityId: after.id, change: before === null ? "created" : "updated", changes: diffFields(before, after, AUDITED, mask) });
}

/** A parent must be a client of the tenant, and (for an update) not the client or one of its descendants. */
async function parentFailures(scope: ChangeScope, parentId: string | null | undefined, field: string, self?: string): Promise<FieldFailure[]> {
  if (parentId == null || !isBigintId(parentId)) return []; // a malformed id is the field check's failure
  if (parentId === self) return [{ field, message: "A client can't be its own parent" }];
  const [row] = await scope.tx.query<{ found: boolean; cycle: boolean }>(
    `WITH RECURSIVE ancestors(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM client WHERE id = $1
        UNION ALL SELECT c.id, c.parent_id, a.depth + 1 FROM client c JOIN ancestors a ON c.id = a.parent_id WHERE a.depth < 100
     ) SELECT count(*) > 0 AS found, coalesce(bool_or(id = $2), false) AS cycle FROM ancestors`,
    [parentId, self ?? null],
  );
  if (!row.found) return [{ field, message: "No client with this id" }];
  if (row.cycle) return [{ field, message: "This client is an ancestor of the parent: that would make a cycle" }];
  return [];
}

/** Runs a write and turns a duplicate org number (the unique index, also under a race) into its outcome. */
async function guardDuplicate<T>(field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (violatedUniqueIndex(error) === ORG_NUMBER_INDEX) {
      throw fail(MutationErrorCode.CLIENT_DUPLICATE_ORG_NUMBER, "A client with this org number and country exists already (archived ones included: restore it instead)", [
        { field, message: "Already used by another client of this company" },
      ]);
    }
    throw error;
  }
}

/**
 * Every failure of a new client's input, the parent's existence included: one pass. `more`: the
 * caller's own (the templates an API create names), each unless its field failed already.
 */
async function createFailures(scope: ChangeScope, input: ClientValues, prefix: string, more: readonly FieldFailure[] = []): Promise<FieldFailure[]> {
  const failures = [...validateClientInput(input, prefix, "create", scope), ...(await parentFailures(scope, input.parentId, `${prefix}.parentId`))];
  const failed = new Set(failures.map((f) => f.field));
  return [...failures, ...more.filter((f) => !failed.has(f.field))];
}

/**
 * New clients' inputs that the personnummer rule refuses: before the idempotency key is looked up
 * (a replay of a caller's call with the right number would tell it apart from a wrong one), with
 * every other failure that needs no database. Nothing when no input is refused (then all is
 * checked in the change, the parents' existence with the rest).
 */
function refusedCreates(inputs: readonly { input: ClientValues; prefix: string }[], access: CallerAccess): FieldFailure[] {
  if (!inputs.some(({ input, prefix }) => personalNumberFailures(input, prefix, "create", access).length > 0)) return [];
  return inputs.flatMap(({ input, prefix }) => validateClientInput(input, prefix, "create", access));
}

/** Validates, normalises and inserts one client (createClient; a sync's new client). `more`: further failures of the input. */
export async function insertClient(scope: ChangeScope, input: ClientValues, prefix: string, more: readonly FieldFailure[] = []): Promise<Client> {
  const failures = await createFailures(scope, input, prefix, more);
  if (failures.length > 0) throw new MutationFailure(invalidData(failures));
  return insertValidClient(scope, input, prefix);
}

/** Normalises and inserts a client whose input passed `createFailures` (createClient, each bulk item). */
async function insertValidClient(scope: ChangeScope, input: ClientValues, prefix: string): Promise<Client> {
  const values = normaliseClientValues(definedOnly(input), input);
  const client = await guardDuplicate(`${prefix}.orgNumber`, () => insertReturning(scope.tx, Client, { ...values, tenantId: scope.tenantId }));
  recordChange(scope, null, client);
  return client;
}

/**
 * Validates a patch against the stored client (field and cross-field rules, the parent), writes
 * only what changed (nothing when nothing did), and audits it: updateClient's change, and a sync's
 * update of a client (src/sync/engine). Throws MutationFailure (INVALID_DATA, a duplicate org number).
 */
export async function patchClient(scope: ChangeScope, before: Client, input: ClientValues, prefix: string): Promise<Client> {
  const stored = before as unknown as ClientValues;
  const failures = validateClientInput(input, prefix, "update", scope, stored);
  failures.push(...(await parentFailures(scope, input.parentId, `${prefix}.parentId`, before.id)));
  if (failures.length > 0) throw new MutationFailure(invalidData(failures));
  const patch = definedOnly(input);
  // The stored form of an org number depends on its country and client type: recompute it when they change.
  if (patch.orgNumber === undefined && stored.orgNumber && (patch.countryCode !== undefined || patch.clientType !== undefined)) {
    patch.orgNumber = stored.orgNumber;
  }
  const values = normaliseClientValues(patch, { ...stored, ...patch });
  const changed = Object.fromEntries(
    Object.entries(values).filter(([field, value]) => !sameValue(field as ClientFieldName, value, stored[field as ClientFieldName])),
  );
  if (Object.keys(changed).length === 0) return before;
  if ("vatNumber" in changed || "countryCode" in changed) Object.assign(changed, { vatNumberValidated: false, vatNumberValidatedAt: null });
  const after = await guardDuplicate(`${prefix}.orgNumber`, () => updateReturning(scope.tx, Client, before.id, changed));
  recordChange(scope, before, after);
  return after;
}

/** The client's open invoices (sent, partially paid, overdue): what stops it being archived. */
export async function openInvoiceCount(scope: ChangeScope, clientId: string): Promise<number> {
  const [open] = await scope.tx.query<{ count: string }>(
    "SELECT count(*) AS count FROM invoice WHERE client_id = $1 AND status = ANY($2::varchar[])",
    [clientId, OPEN_INVOICE_STATUSES],
  );
  return Number(open.count);
}

/** Archives a locked client unless it has open invoices (CLIENT_HAS_OPEN_INVOICES): archiveClient, and a sync's archive rule. */
export async function archiveClientRow(scope: ChangeScope, before: Client): Promise<Client> {
  if (before.archivedAt) return before;
  const open = await openInvoiceCount(scope, before.id);
  if (open > 0) {
    throw fail(MutationErrorCode.CLIENT_HAS_OPEN_INVOICES, `The client has ${open} open invoice(s) (sent, partially paid or overdue): settle them first`);
  }
  const after = await updateReturning(scope.tx, Client, before.id, { archivedAt: () => "clock_timestamp()" });
  recordChange(scope, before, after);
  return after;
}

/** Restores a locked archived client: restoreClient, and a sync whose source has the record active again. */
export async function restoreClientRow(scope: ChangeScope, before: Client): Promise<Client> {
  if (!before.archivedAt) return before;
  const after = await updateReturning(scope.tx, Client, before.id, { archivedAt: null });
  recordChange(scope, before, after);
  return after;
}

const clientStore = (dataSource: DataSource) => ({
  serialise: (client: Client) => snapshotOf(dataSource, Client, client),
  restore: (stored: unknown) => fromSnapshot(dataSource, Client, stored as Record<string, unknown>),
});

export interface CreateClientArgs {
  input: CreateClientInput;
}
export interface UpdateClientArgs {
  id: string;
  patch: UpdateClientInput;
  expectedUpdatedAt?: Date | null;
}
export interface ClientIdArgs {
  id: string;
}
export interface BulkCreateClientsArgs {
  inputs: CreateClientInput[];
  allOrNothing?: boolean | null;
}

/**
 * The client mutations as specs of the one pipeline (src/common/mutation/pipeline.ts): each says
 * what to validate and what to change; the pipeline does the rest.
 */
export function clientMutations(dataSource: DataSource) {
  const store = clientStore(dataSource);

  const createClient: MutationSpec<CreateClientArgs, Client> = {
    name: "createClient",
    fingerprint: (args) => args,
    // Checked in the change, with the parent's existence, so that every failure comes at once.
    validate: (args, access) => refusedCreates([{ input: args.input, prefix: "input" }], access),
    // The templates it names are applied in the same transaction (a sync's new client gets none:
    // its source has applied them on its side, and sends what they gave).
    async change(scope, args) {
      const [named] = await resolveTemplates(scope, [{ input: args.input, prefix: "input" }]);
      const client = await insertClient(scope, args.input, "input", named.failures);
      await applyTemplates(scope, client, named.templates);
      return client;
    },
    ...store,
    ...singleVatCheck,
  };

  const updateClient: MutationSpec<UpdateClientArgs, Client> = {
    name: "updateClient",
    fingerprint: (args) => ({ ...args, expectedUpdatedAt: args.expectedUpdatedAt?.toISOString() ?? null }),
    // Checked in the change, against the stored client, so that field and cross-field failures come
    // together; a personnummer sent without clients:pii is refused before the key is looked up.
    validate: (args, access) => (personalNumberFailures(args.patch, "patch", "update", access).length > 0 ? inputFailures(args.patch, "patch", "update", access) : []),
    async change(scope, args) {
      const before = await findForUpdate(scope.tx, Client, args.id);
      if (!before) throw fail(MutationErrorCode.NOT_FOUND, "No client with this id");
      if (args.expectedUpdatedAt && before.updatedAt.getTime() !== args.expectedUpdatedAt.getTime()) {
        throw fail(MutationErrorCode.PRECONDITION_FAILED, `The client was changed at ${before.updatedAt.toISOString()}, after expectedUpdatedAt: read it again and reapply the change`);
      }
      return patchClient(scope, before, args.patch, "patch");
    },
    ...store,
    ...singleVatCheck,
  };

  const archiveClient: MutationSpec<ClientIdArgs, Client> = {
    name: "archiveClient",
    fingerprint: (args) => args,
    validate: () => [],
    async change(scope, args) {
      const before = await findForUpdate(scope.tx, Client, args.id);
      if (!before) throw fail(MutationErrorCode.NOT_FOUND, "No client with this id");
      return archiveClientRow(scope, before);
    },
    ...store,
  };

  const restoreClient: MutationSpec<ClientIdArgs, Client> = {
    name: "restoreClient",
    fingerprint: (args) => args,
    validate: () => [],
    async change(scope, args) {
      const before = await findForUpdate(scope.tx, Client, args.id);
      if (!before) throw fail(MutationErrorCode.NOT_FOUND, "No client with this id");
      return restoreClientRow(scope, before);
    },
    ...store,
  };

  const bulkCreateClients: MutationSpec<BulkCreateClientsArgs, BulkItem[]> = {
    name: "bulkCreateClients",
    fingerprint: (args) => ({ inputs: args.inputs, allOrNothing: args.allOrNothing === true }),
    validate(args, access) {
      if (args.inputs.length > MAX_BULK_INPUTS) {
        return mutationError(MutationErrorCode.BULK_LIMIT_EXCEEDED, `At most ${MAX_BULK_INPUTS} inputs per call, got ${args.inputs.length}: split the batch`);
      }
      if (args.inputs.length === 0) return [{ field: "inputs", message: `Give 1 to ${MAX_BULK_INPUTS} inputs` }];
      // A batch with a personnummer sent without clients:pii is refused whole, as a replay of it would tell.
      return refusedCreates(args.inputs.map((input, i) => ({ input, prefix: `inputs.${i}` })), access);
    },
    async change(scope, args) {
      const allOrNothing = args.allOrNothing === true;
      const named = await resolveTemplates(scope, args.inputs.map((input, i) => ({ input, prefix: `inputs.${i}` })));
      const checked: { input: ClientValues; requestIndex: number; failures: FieldFailure[] }[] = [];
      for (const [requestIndex, input] of args.inputs.entries()) {
        checked.push({ input, requestIndex, failures: await createFailures(scope, input, `inputs.${requestIndex}`, named[requestIndex].failures) });
      }
      const invalid = checked.filter((c) => c.failures.length > 0);
      const items: BulkItem[] = checked.map(({ requestIndex, failures }) => ({ requestIndex, client: null, error: failures.length > 0 ? invalidData(failures) : null }));
      // Nothing can be inserted (every item is invalid), or nothing may be (all or nothing): INVALID_DATA, stored nowhere.
      if (invalid.length === checked.length || (allOrNothing && invalid.length > 0)) {
        throw new MutationFailure(batchError(invalid.map((c) => items[c.requestIndex].error!), items.length), abortRest(items));
      }
      // Inserted in org-number order, so two overlapping batches take the index's locks in the same order (no deadlock).
      for (const { input, requestIndex } of sortedByOrgNumber(checked.filter((c) => c.failures.length === 0))) {
        try {
          const client = await scope.tx.savepoint(async () => {
            const inserted = await insertValidClient(scope, input, `inputs.${requestIndex}`);
            await applyTemplates(scope, inserted, named[requestIndex].templates);
            return inserted;
          });
          items[requestIndex] = { requestIndex, client, error: null };
        } catch (error) {
          if (!(error instanceof MutationFailure)) throw error;
          items[requestIndex] = { requestIndex, client: null, error: error.error };
        }
      }
      const failed = items.filter((item) => item.error);
      if (allOrNothing && failed.length > 0) throw new MutationFailure(batchError(failed.map((item) => item.error!), items.length), abortRest(items));
      return items;
    },
    serialise: (items) => items.map((item) => ({ ...item, client: item.client && store.serialise(item.client) })),
    restore: (stored) =>
      (stored as { requestIndex: number; client: Record<string, unknown> | null; error: MutationError | null }[]).map((item) => ({
        ...item,
        client: item.client && store.restore(item.client),
      })),
    needsFollowUp: (items) => items.some((item) => item.client && needsVatCheck(item.client)),
    async afterCommit(items, environment) {
      const follow = await vatFollowUp(items.flatMap((item) => (item.client ? [item.client] : [])), environment);
      if (!follow) return undefined;
      return {
        async apply(scope) {
          const updated = new Map((await follow.apply(scope)).map((client) => [client.id, client]));
          return items.map((item) => (item.client ? { ...item, client: updated.get(item.client.id) ?? item.client } : item));
        },
      };
    },
  };

  return { createClient, updateClient, archiveClient, restoreClient, bulkCreateClients };
}

/** The error of a failed all-or-nothing batch: the first failure's code, every failing field. */
function batchError(errors: MutationError[], total: number): MutationError {
  const code = errors.some((e) => e.code === MutationErrorCode.INVALID_DATA) ? MutationErrorCode.INVALID_DATA : errors[0].code;
  return mutationError(code, `Nothing was created: ${errors.length} of ${total} items failed`, errors.flatMap((e) => e.failures));
}

/** The items of a failed all-or-nothing batch: the valid ones say why they were not kept. */
function abortRest(items: BulkItem[]): BulkItem[] {
  return items.map((item) =>
    item.error ? item : { ...item, client: null, error: mutationError(MutationErrorCode.BATCH_ABORTED, "Not created: another item of this all-or-nothing batch failed") },
  );
}

/** Items by (country, org number) and then input order: the order every batch takes the unique index in. */
function sortedByOrgNumber<T extends { input: ClientValues; requestIndex: number }>(items: T[]): T[] {
  const key = (item: T) => {
    const values = normaliseClientValues({ countryCode: item.input.countryCode, orgNumber: item.input.orgNumber }, item.input);
    return `${values.countryCode ?? ""}|${values.orgNumber ?? ""}`;
  };
  return items.map((item) => ({ item, key: key(item) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.item.requestIndex - b.item.requestIndex)).map((x) => x.item);
}

/** Equal as stored: decimals by value ("25" is "25.0000"), the rest as JSON. */
const sameValue = (field: ClientFieldName, value: unknown, stored: unknown): boolean => sameStoredValue(CLIENT_FIELDS[field].kind, value, stored);

/** createClient's and updateClient's VIES check of the one client they return. */
const singleVatCheck: Pick<MutationSpec<unknown, Client>, "needsFollowUp" | "afterCommit"> = {
  needsFollowUp: needsVatCheck,
  afterCommit: async (client, environment) => {
    const follow = await vatFollowUp([client], environment);
    return follow && { apply: async (scope) => (await follow.apply(scope))[0] };
  },
};
