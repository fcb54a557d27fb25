import { asText } from "../../sources/mapping-kit";
import type { ChangeScope } from "../../common/mutation/pipeline";
import { ChildResource, ChildRow, deleteChild, recordChildChange } from "../../common/resource/child-resource";
import { crossFieldFailures, definedOnly, normaliseResourceValues, resourceFieldFailures, resourceValueProblem, sameStoredValue } from "../../common/resource/fields";
import { hydrateRows } from "../../db/hydrate";
import { insertReturning, updateReturning } from "../../db/write";
import { bankAccountResource } from "../../modules/bank-account/bank-account.writes";
import { clientContractResource } from "../../modules/contract/client-contract.writes";
import { extraFieldResource } from "../../modules/extra-field/extra-field.writes";
import { factoringLoanContractResource, factoringLoanTransactionResource, factoringPurchaseContractResource } from "../../modules/factoring/factoring.writes";
import { mandateResource } from "../../modules/mandate/mandate.writes";
import { parameterResource } from "../../modules/parameter/parameter.writes";
import type { AuditRecord } from "../../modules/audit/audit.service";
import { SourceSummaryKind } from "../../modules/summary/source-summary.entity";
import type { ApticClientRecord } from "../../sources/aptic/bundle";
import {
  DEFAULT_TENANT_TIME_ZONE, guidOf, mapBankAccount, mapContract, mapExtraField, mapLoanContract, MappedResource, mapMandate, mapParameter, mapPurchaseContract, mapTransaction,
  summaryFigures,
} from "../../sources/aptic/nested-mapping";
import type { DataQualityIssue } from "../../sources/source-record";
import type { SyncTarget } from "./apply";

/**
 * Applies an Aptic client's nested resources (SOURCES.md, Aptic; src/sources/aptic/bundle.ts) to
 * its reconciled client, in the record's transaction and savepoint: contract, factoring loan
 * contract and its transactions, factoring purchase contract (one per client), bank accounts and
 * direct debit mandates (by their GUID: the gateway's uniqueId), parameters and extra fields (by
 * name), and Aptic's summaries (source_summary). New ones are inserted, changed ones updated, and
 * the rows this source wrote that Aptic no longer sends deleted (a mandate closed instead: it is a
 * record of a permission). A row written here (no source) is taken over when Aptic sends its key.
 *
 * Every write goes through the resource's own checks (the nested mutations' field table and
 * rules) and is audited as they audit (recordChildChange), so Client.history names the run. A
 * value the checks refuse is left out and listed as the record's issue (INVALID_VALUE, kept raw
 * in source_record.raw); the rest of the item applies. An item that can't be written without it
 * (a required value) is skipped with an issue.
 *
 * A client created by this record has no rows yet: nothing is read, and each list is one INSERT;
 * it takes Aptic's clientGuid as its uniqueId (ApticResourceSync.clientGuid).
 */
export async function syncApticResources(
  scope: ChangeScope,
  target: SyncTarget,
  clientId: string,
  record: ApticClientRecord,
  created: boolean,
  issues: DataQualityIssue[],
  page: ApticPageInserts | null = null,
): Promise<boolean> {
  const sync = new ApticResourceSync(scope, target, clientId, created, issues, target.timeZone ?? DEFAULT_TENANT_TIME_ZONE, created ? page : null);
  const { bundle } = record;
  await sync.clientGuid(record.clientGuid);
  await sync.one(clientContractResource, "contract", bundle.contract, mapContract);
  const loan = await sync.one(factoringLoanContractResource, "factoringLoanContract", bundle.factoringLoanContract, mapLoanContract);
  if (loan) await sync.transactions(loan.id, loan.created, bundle.factoringLoanTransactions);
  await sync.one(factoringPurchaseContractResource, "factoringPurchaseContract", bundle.factoringPurchaseContract, mapPurchaseContract);
  await sync.byGuid(bankAccountResource, "bankAccounts", bundle.bankAccounts, "bankaccountGuid", mapBankAccount, "delete");
  await sync.byGuid(mandateResource, "directDebitMandates", bundle.directDebitMandates, "mandateGuid", mapMandate, "close");
  await sync.byName(parameterResource, "parameters", bundle.parameters, mapParameter);
  await sync.byName(extraFieldResource, "extraFields", bundle.extraFields, mapExtraField);
  await sync.summaries({
    [SourceSummaryKind.FACTORING_LOAN]: bundle.factoringLoanSummary,
    [SourceSummaryKind.FACTORING_PURCHASE]: bundle.factoringPurchaseSummary,
    [SourceSummaryKind.CLIENT]: bundle.clientSummary,
    // An empty listing is a summary of no accounts: kept, so that it reads as Aptic's and not as unknown.
    [SourceSummaryKind.ACCOUNTS]: bundle.accountsSummary,
  });
  return sync.changed;
}

type SourcedRow = ChildRow & { sourceSystemId: string | null };
type Wire = Record<string, unknown>;
type Mapper = (wire: Wire, timeZone: string) => MappedResource;

/** Fields written besides a resource's writable ones, as the gateway's own columns (a mandate's closedAt). */
const EXTRA_INSTANTS: Record<string, readonly string[]> = { DirectDebitMandate: ["closedAt"] };

class ApticResourceSync {
  changed = false;

  constructor(
    private readonly scope: ChangeScope,
    private readonly target: SyncTarget,
    private readonly clientId: string,
    private readonly created: boolean,
    private readonly issues: DataQualityIssue[],
    private readonly timeZone: string,
    /** A batched page's inserts (a created client's rows, written at the page's end); null: written at once. */
    private readonly page: ApticPageInserts | null,
  ) {}

  /**
   * A client this record created takes Aptic's clientGuid as its uniqueId (Client.uniqueId is "the
   * factoring platform's clientGuid": clientByUniqueId and the nested mutations' clientUniqueId find
   * it by Aptic's GUID, as bankAccountByUniqueId finds its accounts), unless another client of the
   * tenant has that GUID already. A client that existed keeps its own: a GUID is stable.
   */
  async clientGuid(clientGuid: string): Promise<void> {
    const guid = this.created ? guidOf({ clientGuid }, "clientGuid") : null;
    if (guid === null) return;
    if (this.page) return void this.page.clientGuids.push({ client_id: this.clientId, unique_id: guid });
    await this.scope.tx.query(`UPDATE client SET unique_id = $2::uuid WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM client o WHERE o.unique_id = $2::uuid)`, [this.clientId, guid]);
  }

  /** A one-per-client resource: null (Aptic's 404) deletes this source's row. Returns the row and whether it is new. */
  async one<E extends SourcedRow>(resource: ChildResource<E>, path: string, wire: Wire | null, map: Mapper): Promise<{ id: string; created: boolean } | null> {
    const [before] = this.created ? [] : await this.rowsOf(resource, "client_id", this.clientId);
    if (!wire) {
      if (before && before.sourceSystemId === this.target.sourceSystemId) await this.remove(resource, before);
      return null;
    }
    const values = this.checked(resource, map(wire, this.timeZone), before ?? null, path);
    if (!values) return before ? { id: before.id, created: false } : null;
    if (!before && this.page) {
      // Its id is known at the page's end: the loan's transactions are matched to it then (PENDING).
      this.page.add(this.scope, resource, this.clientId, [this.row(resource, values)], () => "");
      this.changed = true;
      return { id: PENDING, created: true };
    }
    const row = await this.write(resource, before ?? null, values, {});
    return { id: row.id, created: !before };
  }

  /** A loan's transactions, by transactionGuid (SOURCES.md's shape). */
  async transactions(contractId: string, contractCreated: boolean, list: readonly Wire[]): Promise<void> {
    const existing = contractCreated ? [] : await this.rowsOf(factoringLoanTransactionResource, "contract_id", contractId);
    await this.syncList(factoringLoanTransactionResource, "factoringLoanTransactions", list, existing, "transactionGuid", mapTransaction, "delete", (guid) => ({ uniqueId: guid, contractId }));
  }

  /** A list matched by the items' GUID (the gateway's uniqueId). */
  async byGuid<E extends SourcedRow & { uniqueId: string | null }>(resource: ChildResource<E>, path: string, list: readonly Wire[], guidField: string, map: Mapper, gone: "delete" | "close"): Promise<void> {
    const existing = this.created ? [] : await this.rowsOf(resource, "client_id", this.clientId);
    await this.syncList(resource, path, list, existing, guidField, map, gone, (guid) => ({ uniqueId: guid }));
  }

  private async syncList<E extends SourcedRow & { uniqueId: string | null }>(
    resource: ChildResource<E>,
    path: string,
    list: readonly Wire[],
    existing: readonly E[],
    guidField: string,
    map: Mapper,
    gone: "delete" | "close",
    keyOf: (guid: string) => Record<string, unknown>,
  ): Promise<void> {
    const byGuid = new Map(existing.filter((row) => row.uniqueId).map((row) => [row.uniqueId!.toLowerCase(), row]));
    const seen = new Set<string>();
    const inserts: Record<string, unknown>[] = [];
    for (const [position, wire] of list.entries()) {
      const guid = guidOf(wire, guidField);
      if (!guid || seen.has(guid)) {
        const message = guid ? "A second item with this GUID: not synced" : `No ${guidField} (a GUID): not synced`;
        this.issues.push({ field: `${path}.${position}`, sourceField: `${path}.${position}.${guidField}`, value: asText(wire[guidField]), message });
        continue;
      }
      seen.add(guid);
      const before = byGuid.get(guid) ?? null;
      const itemPath = `${path}.${guid}`;
      const values = this.checked(resource, map(wire, this.timeZone), before, itemPath);
      if (!values) continue;
      if (before) await this.write(resource, before, values, {});
      else inserts.push({ ...values, ...keyOf(guid) });
    }
    await this.insertMany(resource, inserts);
    for (const row of existing) {
      if (row.sourceSystemId !== this.target.sourceSystemId || (row.uniqueId && seen.has(row.uniqueId.toLowerCase()))) continue;
      if (gone === "delete") await this.remove(resource, row);
      else if (!(row as unknown as { closedAt: Date | null }).closedAt) {
        const after = await updateReturning(this.scope.tx, resource.entity, row.id, { closedAt: () => "clock_timestamp()" });
        recordChildChange(this.scope, resource, row, after);
        this.changed = true;
      }
    }
  }

  /** A list matched by name, unique per client (parameters, extra fields). */
  async byName<E extends SourcedRow & { name: string }>(resource: ChildResource<E>, path: string, list: readonly Wire[], map: (wire: Wire) => MappedResource): Promise<void> {
    const existing = this.created ? [] : await this.rowsOf(resource, "client_id", this.clientId);
    const byName = new Map(existing.map((row) => [row.name, row]));
    const seen = new Set<string>();
    const inserts: Record<string, unknown>[] = [];
    for (const [position, wire] of list.entries()) {
      const name = typeof wire.name === "string" ? wire.name : null;
      const nameProblem = name === null ? "No name: not synced" : seen.has(name) ? "A second item with this name: not synced" : resourceValueProblem(resource.fields.name, name);
      if (nameProblem || name === null) {
        this.issues.push({ field: `${path}.${position}.name`, sourceField: `${path}.${position}.name`, value: asText(wire.name), message: nameProblem ?? "No name" });
        continue;
      }
      seen.add(name);
      const before = byName.get(name) ?? null;
      const mapped = map(wire);
      const values = this.checked(resource, { ...mapped, values: { ...mapped.values, name } }, before, `${path}.${name}`);
      if (!values) continue;
      if (before) await this.write(resource, before, values, {});
      else inserts.push(values);
    }
    await this.insertMany(resource, inserts);
    for (const row of existing) {
      if (row.sourceSystemId === this.target.sourceSystemId && !seen.has(row.name)) await this.remove(resource, row);
    }
  }

  /** Aptic's summaries of the client, one row per kind; a kind Aptic answered 404 for is deleted. One statement. */
  async summaries(summaries: Record<SourceSummaryKind, unknown>): Promise<void> {
    const present = Object.entries(summaries)
      .filter(([, figures]) => figures !== null && figures !== undefined)
      .map(([kind, figures]) => ({ kind, figures: summaryFigures(figures) }));
    if (this.page) {
      this.page.summaries.push(...present.map((summary) => ({ client_id: this.clientId, ...summary })));
      if (present.length > 0) this.changed = true;
      return;
    }
    const [{ n }] = await this.scope.tx.query<{ n: number }>(
      `WITH input AS (SELECT * FROM jsonb_to_recordset($4::jsonb) AS r(kind varchar, figures jsonb)),
            gone AS (DELETE FROM source_summary WHERE client_id = $2 AND source_system_id = $3 AND kind NOT IN (SELECT kind FROM input) RETURNING 1),
            written AS (
              INSERT INTO source_summary (tenant_id, client_id, source_system_id, kind, figures, as_of)
              SELECT $1, $2, $3, kind, figures, clock_timestamp() FROM input
              ON CONFLICT (client_id, source_system_id, kind) DO UPDATE SET figures = EXCLUDED.figures, as_of = EXCLUDED.as_of
                WHERE source_summary.figures IS DISTINCT FROM EXCLUDED.figures
              RETURNING 1)
       SELECT ((SELECT count(*) FROM gone) + (SELECT count(*) FROM written))::int AS n`,
      [this.scope.tenantId, this.clientId, this.target.sourceSystemId, JSON.stringify(present)],
    );
    if (n > 0) this.changed = true;
  }

  private async rowsOf<E extends ChildRow>(resource: ChildResource<E>, column: string, id: string): Promise<E[]> {
    const table = this.scope.tx.manager.connection.getMetadata(resource.entity).tableName;
    const rows = await this.scope.tx.query<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE "${column}" = $1 ORDER BY id FOR UPDATE`, [id]);
    return hydrateRows(this.scope.tx.manager, resource.entity, rows);
  }

  /**
   * The item's values the resource's checks accept (fields and rules, as a create or as an update
   * of `before`); a refused value becomes an issue and is left out. Null when the item can't be
   * written (a required value is missing or refused): an issue says so.
   */
  private checked<E extends ChildRow>(resource: ChildResource<E>, mapped: MappedResource, before: E | null, path: string): Record<string, unknown> | null {
    const values = { ...mapped.values };
    for (const issue of mapped.issues) {
      this.issues.push({ ...issue, field: `${path}.${issue.field}`, sourceField: `${path}.${issue.sourceField}` });
      delete values[issue.field];
    }
    const refuse = (field: string, message: string) => {
      this.issues.push({ field: `${path}.${field}`, sourceField: `${path}.${mapped.sourceFields[field] ?? field}`, value: asText(values[field]), message });
      delete values[field];
    };
    for (const [name, field] of Object.entries(resource.fields)) {
      // Aptic's null for a field that always has a value (a flag, a class) says nothing: the default stands.
      if (values[name] === null && field.notNull) delete values[name];
    }
    for (const name of EXTRA_INSTANTS[resource.typeName] ?? []) {
      const problem = values[name] === undefined || values[name] === null ? null : resourceValueProblem({ kind: "instant" }, values[name]);
      if (problem) refuse(name, problem);
    }
    for (let round = 0; round < 10; round++) {
      const fields = Object.fromEntries(Object.entries(values).filter(([name]) => name in resource.fields));
      const failures = resourceFieldFailures(resource.fields, fields, "", before ? "update" : "create", this.scope);
      failures.push(...crossFieldFailures(resource.rules ?? [], { ...(before ?? {}), ...definedOnly(fields) }, fields, "", failures));
      if (failures.length === 0) return values;
      const refusable = failures.filter((failure) => fields[failure.field.split(".")[0]] !== undefined);
      if (refusable.length === 0) {
        this.issues.push({ field: path, sourceField: path, value: null, message: `Not synced: ${failures.map((failure) => `${failure.field}: ${failure.message}`).join("; ")}` });
        return null;
      }
      for (const failure of refusable) if (failure.field.split(".")[0] in values) refuse(failure.field.split(".")[0], failure.message);
    }
    return null;
  }

  /** The stored form of checked values: the resource's fields normalised, its extra instants as Date. */
  private stored<E extends ChildRow>(resource: ChildResource<E>, values: Record<string, unknown>): Record<string, unknown> {
    const out = normaliseResourceValues(resource.fields, values);
    for (const name of EXTRA_INSTANTS[resource.typeName] ?? []) if (values[name] !== undefined) out[name] = values[name] === null ? null : new Date(String(values[name]));
    return out;
  }

  /** Inserts (before null) or updates what changed, taking the row over for this source; audited as the nested mutations audit. */
  private async write<E extends SourcedRow>(resource: ChildResource<E>, before: E | null, values: Record<string, unknown>, key: Record<string, unknown>): Promise<E> {
    const stored = this.stored(resource, values);
    if (!before) {
      const row = await insertReturning(this.scope.tx, resource.entity, { ...stored, ...key, clientId: this.clientId, tenantId: this.scope.tenantId, sourceSystemId: this.target.sourceSystemId });
      recordChildChange(this.scope, resource, null, row);
      this.changed = true;
      return row;
    }
    const patch: Record<string, unknown> = Object.fromEntries(
      Object.entries(stored).filter(([field, value]) => !sameStoredValue(resource.fields[field]?.kind ?? "instant", value, before[field])),
    );
    const audited = Object.keys(patch).length > 0;
    if (before.sourceSystemId !== this.target.sourceSystemId) patch.sourceSystemId = this.target.sourceSystemId;
    if (Object.keys(patch).length === 0) return before;
    const after = await updateReturning(this.scope.tx, resource.entity, before.id, patch);
    if (audited) {
      recordChildChange(this.scope, resource, before, after);
      this.changed = true;
    }
    return after;
  }

  /** New items of a list in one INSERT, each audited as insertChild audits. */
  private async insertMany<E extends SourcedRow>(resource: ChildResource<E>, items: readonly Record<string, unknown>[]): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map((item) => this.row(resource, item));
    this.changed = true;
    if (this.page) return this.page.add(this.scope, resource, this.clientId, rows, itemKey);
    const result = await this.scope.tx.manager.createQueryBuilder().insert().into(resource.entity).values(rows as never).returning("*").execute();
    for (const row of hydrateRows(this.scope.tx.manager, resource.entity, result.raw as Record<string, unknown>[])) recordChildChange(this.scope, resource, null, row);
  }

  /** A new row's column values (entity properties): the checked values stored, the item's keys, the client, the source. */
  private row<E extends ChildRow>(resource: ChildResource<E>, item: Record<string, unknown>): Record<string, unknown> {
    const keys = new Set(Object.keys(resource.fields));
    return {
      ...this.stored(resource, item),
      ...Object.fromEntries(Object.entries(item).filter(([name]) => !keys.has(name) && !(EXTRA_INSTANTS[resource.typeName] ?? []).includes(name))),
      clientId: this.clientId,
      tenantId: this.scope.tenantId,
      sourceSystemId: this.target.sourceSystemId,
    };
  }

  private async remove<E extends ChildRow>(resource: ChildResource<E>, row: E): Promise<void> {
    await deleteChild(this.scope, resource, row);
    this.changed = true;
  }
}

/** The id of a row a batched page inserts at its end. */
const PENDING = "";

/** How a new list row is told apart from the client's others when the page's INSERT returns them: its GUID, else its name. */
const itemKey = (row: Record<string, unknown>): string => String(row.uniqueId ?? row.name ?? "");

/** Rows an INSERT ... VALUES takes at once (PostgreSQL allows 65,535 parameters a statement). */
const ROWS_PER_INSERT = 1_000;

/**
 * A batched page's nested rows of the clients it creates (nothing to read or match: they have no
 * rows yet), written at the page's end with one INSERT per table (and one for the summaries)
 * instead of some ten statements a client. Each row is audited in its record's place among the
 * page's audits (a stand-in filled when the INSERT returns it, as insertChild audits). A failure
 * there fails the page, which is then applied record by record (PageNeedsSavepoints), each
 * record's rows written at once.
 */
export class ApticPageInserts {
  private readonly tables = new Map<ChildResource<SourcedRow>, Array<{ row: Record<string, unknown>; key: string; audit: AuditRecord }>>();
  readonly summaries: Array<{ client_id: string; kind: string; figures: unknown }> = [];
  /** The created clients' Aptic GUIDs, their uniqueId (ApticResourceSync.clientGuid). */
  readonly clientGuids: Array<{ client_id: string; unique_id: string }> = [];

  constructor(private readonly target: SyncTarget) {}

  add<E extends ChildRow>(scope: ChangeScope, resource: ChildResource<E>, clientId: string, rows: readonly Record<string, unknown>[], key: (row: Record<string, unknown>) => string): void {
    let list = this.tables.get(resource as unknown as ChildResource<SourcedRow>);
    if (!list) this.tables.set(resource as unknown as ChildResource<SourcedRow>, (list = []));
    for (const row of rows) {
      const audit: AuditRecord = { clientId, entityType: resource.typeName, entityId: PENDING, change: "created", changes: [] };
      scope.audit(audit);
      list.push({ row, key: `${clientId}\u0000${key(row)}`, audit });
    }
  }

  async flush(scope: ChangeScope): Promise<void> {
    // The loans first: their transactions take their ids.
    const order = [...this.tables.keys()].sort((a, b) => rank(a) - rank(b));
    const loans = new Map<string, string>();
    for (const resource of order) {
      const items = this.tables.get(resource)!;
      if (resource === (factoringLoanTransactionResource as unknown as ChildResource<SourcedRow>)) {
        for (const item of items) item.row.contractId = loans.get(String(item.row.clientId));
      }
      const byKey = new Map(items.map((item) => [item.key, item]));
      const keyOf = resource === (factoringLoanTransactionResource as unknown as ChildResource<SourcedRow>) || resource.fields.name || "uniqueId" in items[0].row ? itemKey : () => "";
      for (let at = 0; at < items.length; at += ROWS_PER_INSERT) {
        const chunk = items.slice(at, at + ROWS_PER_INSERT).map((item) => item.row);
        const result = await scope.tx.manager.createQueryBuilder().insert().into(resource.entity).values(chunk as never).returning("*").execute();
        for (const row of hydrateRows(scope.tx.manager, resource.entity, result.raw as Record<string, unknown>[])) {
          const item = byKey.get(`${row.clientId}\u0000${keyOf(row as unknown as Record<string, unknown>)}`)!;
          recordChildChange({ ...scope, audit: (entry) => void Object.assign(item.audit, entry) }, resource, null, row);
          if (resource === (factoringLoanContractResource as unknown as ChildResource<SourcedRow>)) loans.set(row.clientId, row.id);
        }
      }
    }
    if (this.clientGuids.length > 0) {
      await scope.tx.query(
        `UPDATE client c SET unique_id = r.unique_id FROM jsonb_to_recordset($1::jsonb) AS r(client_id bigint, unique_id uuid)
          WHERE c.id = r.client_id AND NOT EXISTS (SELECT 1 FROM client o WHERE o.unique_id = r.unique_id)`,
        [JSON.stringify(this.clientGuids)],
      );
    }
    if (this.summaries.length > 0) {
      await scope.tx.query(
        `INSERT INTO source_summary (tenant_id, client_id, source_system_id, kind, figures, as_of)
         SELECT $1, r.client_id, $2, r.kind, r.figures, clock_timestamp() FROM jsonb_to_recordset($3::jsonb) AS r(client_id bigint, kind varchar, figures jsonb)`,
        [scope.tenantId, this.target.sourceSystemId, JSON.stringify(this.summaries)],
      );
    }
  }
}

const rank = (resource: ChildResource<SourcedRow>) => (resource === (factoringLoanContractResource as unknown as ChildResource<SourcedRow>) ? 0 : resource === (factoringLoanTransactionResource as unknown as ChildResource<SourcedRow>) ? 2 : 1);
