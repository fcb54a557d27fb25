import type { ChangeScope } from "../../common/mutation/pipeline";
import { MutationErrorCode, MutationFailure } from "../../common/mutation/mutation-error";
import { insertChild, recordChildChange } from "../../common/resource/child-resource";
import { normaliseResourceValues } from "../../common/resource/fields";
import { hydrateRows } from "../../db/hydrate";
import { findForUpdate, updateReturning, violatedUniqueIndex } from "../../db/write";
import type { WriteTransaction } from "../../db/write-transaction";
import { AuditRecord, writeAudit } from "../../modules/audit/audit.service";
import { Client } from "../../modules/client/client.entity";
import type { ClientFieldName, ClientValues } from "../../modules/client/client.fields";
import { archiveClientRow, insertClient, patchClient, restoreClientRow } from "../../modules/client/client.mutations";
import { Invoice } from "../../modules/invoice/invoice.entity";
import { OPEN_INVOICE_STATUSES } from "../../modules/invoice/invoice.enums";
import { compareDecimals } from "../../common/validation/formats";
import { mapApticClient } from "../../sources/aptic/mapping";
import { mapCrmClient } from "../../sources/crm/mapping";
import { mapInvoicingCustomer } from "../../sources/invoicing/mapping";
import { mapCreditDataClient, type CreditDataClientRecord } from "../../sources/credit-data/mapping";
import { recordLookups, syncActs, type SourceLookupResult } from "./apply-credit-data";
import { isApticRecord } from "../../sources/aptic/bundle";
import { ApticPageInserts, syncApticResources } from "./apply-aptic";
import { ExternalIdentifier } from "../../modules/external-identifier/external-identifier.entity";
import { externalIdentifierResource } from "../../modules/external-identifier/external-identifier.writes";
import type { InvoicingClientRecord, SourceInvoiceRecord } from "../../sources/invoicing/mapping";
import type { DataQualityIssue, MappingResult, SourceClientRecord } from "../../sources/source-record";
import { contentHash } from "../content-hash";
import { DEFAULT_PRECEDENCE, Precedence, Provenance, SourceKindName, takesValue } from "../precedence";
import { fieldSourcesOf, FieldSourceRow, writeFieldSources } from "../provenance";
import { Candidate, Candidates, matchKeys, orgNumberKeys, reconcile } from "../reconcile";
import { SyncIssueKind } from "../sync-issue.entity";
import { SYNC_COUNTERS, type SyncCounter } from "../sync-run.entity";

/**
 * Applies one page of a source's records to the tenant's clients (SOURCES.md, "Reconciliation"),
 * in the caller's transaction (the tenant's, under row-level security): each record under its own
 * savepoint, so one that fails leaves nothing and the rest of the page goes on. Client writes go
 * through the mutation code (src/modules/client/client.mutations.ts: the same checks, the same
 * audit records), with the run as the audit's origin. Lookups are batched per page; a page costs
 * a fixed handful of statements plus a few per changed record, and none per unchanged one.
 */

export interface SyncTarget {
  tenantId: string;
  sourceSystemId: string;
  sourceName: string;
  kind: SourceKindName;
  runId: string;
  precedence?: Precedence;
  /** Re-apply records whose content is unchanged (a full run after a rule changed): default false. */
  reapplyUnchanged?: boolean;
  /** The tenant's time zone, for a source's date-times where the gateway stores a date: Europe/Stockholm by default. */
  timeZone?: string;
}

export type Counts = Record<SyncCounter, number>;

export const zeroCounts = (): Counts => Object.fromEntries(SYNC_COUNTERS.map((name) => [name, 0])) as Counts;

export interface IssueRow {
  kind: SyncIssueKind;
  sourceId: string | null;
  clientId: string | null;
  field: string | null;
  message: string;
  detail: Record<string, unknown> | null;
}

/** A record the source could not hand over (its detail failed): it fails alone. */
export interface FailedFetch {
  sourceId: string;
  message: string;
  detail: Record<string, unknown>;
  sourceUpdatedAt: string | null;
}

export interface PageInput {
  records: MappingResult<SourceClientRecord>[];
  failedFetches: FailedFetch[];
  /** Listed but not read again (unchanged since the watermark): counted, their records touched. */
  unchangedIds: string[];
  /** Credit data: the lookups by org number this page made (remembered, 404s included). */
  lookups?: SourceLookupResult[];
}

export interface PageOutcome {
  counts: Counts;
  issues: IssueRow[];
  /** The earliest change time of a record that failed here (ISO): the watermark must not pass it. */
  heldBack: string | null;
}

interface StoredRecord {
  sourceId: string;
  clientId: string;
  deletedInSource: boolean;
  raw: Record<string, unknown>;
}

interface Linked {
  clientId: string;
  sourceSystemId: string;
  sourceId: string;
  deletedInSource: boolean;
}

/** What the page knows of the tenant's clients: filled by batched lookups, kept up to date as records apply. */
class PageIndex {
  readonly stored = new Map<string, StoredRecord>();
  readonly byOrg = new Map<string, Set<string>>();
  readonly byVat = new Map<string, Set<string>>();
  readonly byExternal = new Map<string, Set<string>>();
  /** Every source record of the clients seen, by client. */
  readonly records = new Map<string, Linked[]>();
  readonly provenance = new Map<string, Map<string, Provenance>>();
  /** External identifiers by `source\0externalId`, deleted ones included. */
  readonly identifiers = new Map<string, ExternalIdentifier>();
  /** A batched invoicing page's invoices, read (and locked) at its start: what each record's invoices may be. */
  invoices: Invoice[] | null = null;
  /** A batched page's candidate clients as stored, read and locked (FOR UPDATE) at its start; kept up to date as it writes them. */
  clients: Map<string, Client> | null = null;

  add(map: Map<string, Set<string>>, key: string, clientId: string): void {
    if (!key) return;
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(clientId);
  }

  candidate(clientId: string): Candidate {
    return { clientId, linkedRecords: this.records.get(clientId) ?? [] };
  }

  link(record: Linked): void {
    const list = (this.records.get(record.clientId) ?? []).filter((r) => !(r.sourceSystemId === record.sourceSystemId && r.sourceId === record.sourceId));
    list.push(record);
    this.records.set(record.clientId, list);
  }
}

const orgKey = (countryCode: string, orgNumber: string) => (countryCode && orgNumber ? `${countryCode}\u0000${orgNumber}` : "");
const identifierKey = (source: string, externalId: string) => `${source}\u0000${externalId}`;

/** The client fields a sync may write: everything the record maps, but never the parent (a source has no gateway ids). */
const SYNCED_EXCLUDED = new Set<string>(["parentId"]);


/**
 * The clients a page's records may match: by country and normalised org number ($1, $2, pairwise),
 * or by normalised VAT number ($3), in the transaction's tenant. A function of migration
 * 1796191000000 (why: see there), one probe of its expression index per key.
 */
export const CLIENT_LOOKUP_SQL = `SELECT id, country_code, org, vat FROM sync_client_candidates($1::varchar[], $2::varchar[], $3::varchar[])`;

/**
 * A record failed in a page applied without savepoints: the page's transaction is unusable, so the
 * caller rolls the page back and applies it again with one savepoint per record (`applyPageSafely`).
 */
export class PageNeedsSavepoints extends Error {
  override readonly name = "PageNeedsSavepoints";
}

/**
 * Applies a page as `applyPage` does, first without a savepoint per record (a subtransaction per
 * record costs a round trip each way, and more than 64 in one transaction slow every session's
 * snapshots down), under one savepoint for the page; when a record fails, again with one per record.
 */
export async function applyPageSafely(tx: WriteTransaction, target: SyncTarget, page: PageInput): Promise<PageOutcome> {
  try {
    return await tx.savepoint(() => applyPage(tx, target, page, { savepoints: false }));
  } catch (error) {
    if (!(error instanceof PageNeedsSavepoints)) throw error;
    return applyPage(tx, target, page, { savepoints: true });
  }
}

/**
 * Applies a page; writes its issues, provenance and audit records; counts what happened. With
 * `savepoints`, each record under its own, so that one that fails leaves nothing and the page goes
 * on; without, a record that fails throws PageNeedsSavepoints.
 */
export async function applyPage(tx: WriteTransaction, target: SyncTarget, page: PageInput, options: { savepoints: boolean } = { savepoints: true }): Promise<PageOutcome> {
  const counts = zeroCounts();
  const issues: IssueRow[] = [];
  const audits: AuditRecord[] = [];
  const provenance: FieldSourceRow[] = [];
  let heldBack: number | null = null;
  const holdBack = (at: string | null) => {
    const time = at ? Date.parse(at) : NaN;
    if (!Number.isNaN(time)) heldBack = heldBack === null ? time : Math.min(heldBack, time);
  };
  const scope: ChangeScope = { tx, tenantId: target.tenantId, dryRun: false, pii: true, audit: (record) => audits.push(record) };

  counts.fetched = page.records.length + page.failedFetches.length + page.unchangedIds.length;
  counts.unchanged += page.unchangedIds.length;
  for (const failed of page.failedFetches) {
    counts.failed++;
    holdBack(failed.sourceUpdatedAt);
    issues.push({ kind: SyncIssueKind.SOURCE_ERROR, sourceId: failed.sourceId, clientId: null, field: null, message: failed.message, detail: failed.detail });
  }
  const mapped: SourceClientRecord[] = [];
  for (const result of page.records) {
    if (result.ok) mapped.push(result.record);
    else {
      counts.failed++;
      issues.push({ kind: SyncIssueKind.RECORD_FAILED, sourceId: null, clientId: null, field: null, message: result.rejected.message, detail: null });
    }
  }

  // First the records whose content is what is stored: touched (last_synced_at) and counted in one
  // statement with the ones listed as unchanged; only the rest are looked up and applied.
  const hashes = new Map(mapped.map((record) => [record, contentHash(record.raw)]));
  // A credit-data record read with its acts (every listed client's in a full run) is applied even when
  // its content is unchanged: an act may be new without a change of the client.
  const hashChecked = mapped.filter((record) => !(target.kind === "CREDIT_DATA" && (record as CreditDataClientRecord).acts !== null));
  const same = await touchUnchanged(tx, target, page.unchangedIds, target.reapplyUnchanged ? [] : hashChecked.map((record) => [record.sourceId, hashes.get(record)!]));
  const changed = mapped.filter((record) => !same.has(record.sourceId));
  counts.unchanged += mapped.length - changed.length;

  let index = await lookUp(tx, target, changed, !options.savepoints);
  const writes = new PageWrites(tx, target, !options.savepoints);
  for (const [position, record] of changed.entries()) {
    const hash = hashes.get(record)!;
    const stored = index.stored.get(record.sourceId);
    const recordAudits: AuditRecord[] = [];
    const recordProvenance: FieldSourceRow[] = [];
    const recordIssues: IssueRow[] = [];
    const recordScope: ChangeScope = { ...scope, audit: (entry) => recordAudits.push(entry) };
    const apply = () => applyRecord(writes, recordScope, target, index, record, hash, stored, recordProvenance, recordIssues);
    try {
      const outcome = options.savepoints ? await tx.savepoint(apply) : await apply();
      counts[outcome]++;
      audits.push(...recordAudits);
      provenance.push(...recordProvenance);
      issues.push(...recordIssues);
    } catch (error) {
      if (!(error instanceof MutationFailure) && !isRecordError(error)) throw error;
      if (!options.savepoints) throw new PageNeedsSavepoints(`Record ${record.sourceId} failed: the page is applied again, record by record`);
      // The savepoint undid the record's writes, not what the page's index learnt from them: look
      // the rest of the page up again (it sees the records applied before, in this transaction).
      index = await lookUp(tx, target, changed.slice(position + 1));
      counts.failed++;
      holdBack(record.sourceUpdatedAt);
      issues.push({
        kind: SyncIssueKind.RECORD_FAILED,
        sourceId: record.sourceId,
        clientId: stored?.clientId ?? null,
        field: null,
        message: error instanceof MutationFailure ? `${error.error.code}: ${error.error.message}` : "The record could not be stored",
        detail: error instanceof MutationFailure ? { code: error.error.code, failures: error.error.failures } : null,
      });
    }
  }

  await writes.flush(scope);
  if (target.kind === "CREDIT_DATA" && page.lookups) await recordLookups(tx, target, page.lookups);
  await writeAudit(tx, target.tenantId, syncOrigin(target), audits);
  await writeFieldSources(tx, target.tenantId, [...fieldSourcesOf(audits, target.sourceSystemId), ...provenance]);
  await writeIssues(tx, target, issues);
  return { counts, issues, heldBack: heldBack === null ? null : new Date(heldBack).toISOString() };
}

/**
 * Marks the page's unchanged records as seen (last_synced_at): those listed as unchanged, and of
 * the records read, those whose stored content hash is theirs. Returns the source ids of the
 * latter: they need no lookup and no write. Only last_synced_at changes, no indexed column, so
 * PostgreSQL can update a row within its page (HOT) where the page has room; last_run_id stays the
 * run that last applied the record.
 */
async function touchUnchanged(tx: WriteTransaction, target: SyncTarget, listedUnchanged: readonly string[], read: ReadonlyArray<readonly [string, string]>): Promise<Set<string>> {
  if (listedUnchanged.length === 0 && read.length === 0) return new Set();
  const rows = await tx.rows<{ source_id: string; read: boolean }>(
    `UPDATE source_record s SET last_synced_at = clock_timestamp()
       FROM unnest($2::varchar[], $3::varchar[]) AS u(source_id, content_hash)
      WHERE s.source_system_id = $1 AND s.source_id = u.source_id AND (u.content_hash IS NULL OR s.content_hash = u.content_hash)
     RETURNING s.source_id, u.content_hash IS NOT NULL AS read`,
    [target.sourceSystemId, [...listedUnchanged, ...read.map(([id]) => id)], [...listedUnchanged.map(() => null), ...read.map(([, hash]) => hash)]],
  );
  return new Set(rows.filter((row) => row.read).map((row) => row.source_id));
}

/** The audit origin of a run's changes: AuditEntry.source and AuditEntry.syncRun. */
export const syncOrigin = (target: SyncTarget) => ({
  operation: "sync",
  actor: `source:${target.sourceName}`.slice(0, 255),
  requestId: `sync-run-${target.runId}`,
  idempotencyKey: null,
  sourceSystemId: target.sourceSystemId,
  syncRunId: target.runId,
});

/** A database refusal of one record (a value a column can't hold, a unique index): the record fails, the page goes on. */
function isRecordError(error: unknown): boolean {
  const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  // 22xxx: data exceptions (too long, out of range); 23xxx: integrity constraints.
  return typeof code === "string" && (code.startsWith("22") || code.startsWith("23"));
}

async function writeIssues(tx: WriteTransaction, target: SyncTarget, issues: readonly IssueRow[]): Promise<void> {
  if (issues.length === 0) return;
  await tx.query(
    `INSERT INTO sync_issue (tenant_id, run_id, kind, source_id, client_id, field, message, detail)
     SELECT $1, $2, r.kind, r.source_id, r.client_id, r.field, r.message, r.detail
       FROM jsonb_to_recordset($3::jsonb) AS r(kind varchar, source_id varchar, client_id bigint, field varchar, message text, detail jsonb)`,
    [
      target.tenantId,
      target.runId,
      JSON.stringify(issues.map((i) => ({ kind: i.kind, source_id: i.sourceId?.slice(0, 255) ?? null, client_id: i.clientId, field: i.field?.slice(0, 255) ?? null, message: i.message, detail: i.detail }))),
    ],
  );
}

/** The page's batched lookups: stored records, candidates by org number, VAT number and external id, their records and provenance. */
async function lookUp(tx: WriteTransaction, target: SyncTarget, records: readonly SourceClientRecord[], prefetchInvoices = false): Promise<PageIndex> {
  const index = new PageIndex();
  if (records.length === 0) return index;
  const storedRows = await tx.query<{ source_id: string; client_id: string; deleted_in_source: boolean; raw: Record<string, unknown> }>(
    `SELECT source_id, client_id, deleted_in_source, raw FROM source_record WHERE source_system_id = $1 AND source_id = ANY($2::varchar[])`,
    [target.sourceSystemId, records.map((r) => r.sourceId)],
  );
  for (const row of storedRows) {
    index.stored.set(row.source_id, { sourceId: row.source_id, clientId: row.client_id, deletedInSource: row.deleted_in_source, raw: row.raw });
  }
  const countries: string[] = [];
  const orgs: string[] = [];
  const vats = new Set<string>();
  const sources: string[] = [];
  const externalIds: string[] = [];
  for (const record of records) {
    const keys = matchKeys(identityOf(target, record));
    if (keys.countryCode) {
      for (const org of orgKeysOf(record, keys.countryCode)) {
        countries.push(keys.countryCode);
        orgs.push(org);
      }
    }
    if (keys.vatNumber) vats.add(keys.vatNumber);
    for (const identifier of record.externalIdentifiers) {
      sources.push(identifier.source);
      externalIds.push(identifier.externalId);
    }
  }
  const clientRows = await tx.query<{ id: string; country_code: string | null; org: string; vat: string }>(CLIENT_LOOKUP_SQL, [countries, orgs, [...vats]]);

  const clientIds = new Set<string>(storedRows.map((r) => r.client_id));
  for (const row of clientRows) {
    clientIds.add(row.id);
    index.add(index.byOrg, orgKey(row.country_code ?? "", row.org), row.id);
    if (vats.has(row.vat)) index.add(index.byVat, row.vat, row.id);
  }
  if (sources.length > 0) {
    const identifierRows = await tx.query<Record<string, unknown>>(
      `SELECT * FROM external_identifier WHERE (source, external_id) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[]))`,
      [sources, externalIds],
    );
    for (const identifier of hydrateRows(tx.manager, ExternalIdentifier, identifierRows)) {
      index.identifiers.set(identifierKey(identifier.source, identifier.externalId), identifier);
      if (!identifier.deletedAt) {
        clientIds.add(identifier.clientId);
        index.add(index.byExternal, identifierKey(identifier.source, identifier.externalId), identifier.clientId);
      }
    }
  }
  if (clientIds.size > 0) {
    const ids = [...clientIds];
    const [linkRows, provenanceRows] = await Promise.all([
      tx.query<{ client_id: string; source_system_id: string; source_id: string; deleted_in_source: boolean }>(
        `SELECT client_id, source_system_id, source_id, deleted_in_source FROM source_record WHERE client_id = ANY($1::bigint[])`,
        [ids],
      ),
      tx.query<{ client_id: string; field: string; kind: SourceKindName | null }>(
        `SELECT f.client_id, f.field, s.kind FROM field_source f LEFT JOIN source_system s ON s.id = f.source_system_id WHERE f.client_id = ANY($1::bigint[])`,
        [ids],
      ),
    ]);
    for (const row of linkRows) index.link({ clientId: row.client_id, sourceSystemId: row.source_system_id, sourceId: row.source_id, deletedInSource: row.deleted_in_source });
    for (const row of provenanceRows) {
      let fields = index.provenance.get(row.client_id);
      if (!fields) index.provenance.set(row.client_id, (fields = new Map()));
      fields.set(row.field, { source: row.kind });
    }
  }
  if (prefetchInvoices && clientIds.size > 0) {
    // The candidates, locked in id order (as every sync locks them: no deadlock between two pages).
    const rows = await tx.query<Record<string, unknown>>(`SELECT * FROM client WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`, [[...clientIds]]);
    index.clients = new Map(hydrateRows(tx.manager, Client, rows).map((client) => [client.id, client]));
  } else if (prefetchInvoices) index.clients = new Map();
  if (prefetchInvoices && target.kind === "INVOICING") {
    // Every invoice a record of the page may have here: of its candidate clients from this source,
    // by the source's invoice ids, or by number (the per-record query of syncInvoices, for the page).
    const open = records.flatMap((record) => (record as InvoicingClientRecord).openInvoices ?? []);
    // Of every candidate (a record's client is one of them, or new), as the per-record query by its client's id.
    const clients = [...clientIds];
    const rows = await tx.query<Record<string, unknown>>(
      `SELECT * FROM invoice
        WHERE (source_system_id = $1 AND (client_id = ANY($2::bigint[]) OR source_id = ANY($3::varchar[])))
           OR invoice_number = ANY($4::varchar[])
        ORDER BY id FOR UPDATE`,
      [target.sourceSystemId, clients, open.map((i) => i.sourceId), open.map((i) => i.invoiceNumber)],
    );
    index.invoices = hydrateRows(tx.manager, Invoice, rows);
  }
  return index;
}

/** The forms of the record's org number a client may be stored under (see orgNumberKeys). */
const orgKeysOf = (record: SourceClientRecord, countryCode: string): string[] =>
  countryCode ? orgNumberKeys(countryCode, record.values.orgNumber, record.values.clientType === undefined || record.values.clientType === null ? undefined : record.values.clientType === "INDIVIDUAL") : [];

const identityOf = (target: SyncTarget, record: SourceClientRecord) => ({
  sourceSystemId: target.sourceSystemId,
  sourceId: record.sourceId,
  countryCode: record.values.countryCode ?? null,
  orgNumber: record.values.orgNumber ?? null,
  vatNumber: record.values.vatNumber ?? null,
  externalIdentifiers: record.externalIdentifiers.filter((i) => !i.deletedAt),
});

function candidatesOf(index: PageIndex, target: SyncTarget, record: SourceClientRecord, stored: StoredRecord | undefined): Candidates {
  const identity = identityOf(target, record);
  const keys = matchKeys(identity);
  const pick = (ids: Set<string> | undefined) => [...(ids ?? [])].map((id) => index.candidate(id));
  return {
    linked: stored ? index.candidate(stored.clientId) : null,
    byOrgNumber: [...new Set(orgKeysOf(record, keys.countryCode).flatMap((org) => [...(index.byOrg.get(orgKey(keys.countryCode, org)) ?? [])]))].map((id) => index.candidate(id)),
    byVatNumber: keys.vatNumber ? pick(index.byVat.get(keys.vatNumber)) : [],
    byExternalIdentifier: [...new Set(identity.externalIdentifiers.flatMap((i) => [...(index.byExternal.get(identifierKey(i.source, i.externalId)) ?? [])]))].map((id) =>
      index.candidate(id),
    ),
  };
}

type Outcome = "created" | "updated" | "unchanged" | "conflicts";

async function applyRecord(
  writes: PageWrites,
  scope: ChangeScope,
  target: SyncTarget,
  index: PageIndex,
  record: SourceClientRecord,
  hash: string,
  stored: StoredRecord | undefined,
  provenance: FieldSourceRow[],
  issues: IssueRow[],
): Promise<Outcome | "archived"> {
  const decision = reconcile(identityOf(target, record), candidatesOf(index, target, record, stored));
  if (decision.kind === "CONFLICT") {
    issues.push({
      kind: SyncIssueKind.CONFLICT,
      sourceId: record.sourceId,
      clientId: decision.clientIds[0] ?? null,
      field: null,
      message: `Not applied: ${decision.reason}`,
      detail: { clientIds: decision.clientIds, record: { sourceId: record.sourceId, countryCode: record.values.countryCode ?? null, orgNumber: record.values.orgNumber ?? null, vatNumber: record.values.vatNumber ?? null } },
    });
    return "conflicts";
  }
  const valueIssues = [...record.issues];
  let client: Client;
  let outcome: Outcome | "archived";
  if (decision.kind === "CREATE") {
    // A record deleted in its source with no client here: nothing to archive, nothing to create.
    if (record.deletedInSource) return "unchanged";
    const values: Record<string, unknown> = { ...syncedValues(record.values) };
    client = await createFromRecord(scope, values, valueIssues);
    // The fields written: a value the checks refused (kept raw, INVALID_VALUE) was dropped from `values`.
    for (const field of Object.keys(values)) provenance.push({ clientId: client.id, field, sourceSystemId: target.sourceSystemId });
    outcome = "created";
  } else {
    const before = index.clients?.get(decision.clientId) ?? (await findForUpdate(scope.tx, Client, decision.clientId));
    if (!before) throw new MutationFailure({ code: MutationErrorCode.NOT_FOUND, message: "The matched client is gone", failures: [] });
    const previous = stored ? previousValues(target.kind, stored.raw) : undefined;
    const fields = index.provenance.get(before.id) ?? new Map<string, Provenance>();
    const patch: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(syncedValues(record.values))) {
      const offer = { field, source: target.kind, value, previous: previous?.[field as ClientFieldName] };
      if (!takesValue(offer, fields.get(field), target.precedence ?? DEFAULT_PRECEDENCE)) continue;
      patch[field] = value;
    }
    client = await patchFromRecord(scope, before, patch, valueIssues);
    // Taken: this source now owns the field's value, even where it equals what was there; but not a
    // value the checks refused (withoutRefused dropped it from `patch`: the client kept its value).
    for (const field of Object.keys(patch)) {
      if (fields.get(field)?.source !== target.kind) provenance.push({ clientId: before.id, field, sourceSystemId: target.sourceSystemId });
    }
    outcome = client === before ? "unchanged" : "updated";
  }
  index.clients?.set(client.id, client);
  index.link({ clientId: client.id, sourceSystemId: target.sourceSystemId, sourceId: record.sourceId, deletedInSource: record.deletedInSource });
  indexClient(index, target, record, client.id);
  if (await syncIdentifiers(writes, scope, index, record, client.id, issues)) outcome = outcome === "unchanged" ? "updated" : outcome;
  if (target.kind === "INVOICING" && (await syncInvoices(writes, index, scope, target, client.id, record as InvoicingClientRecord, issues))) outcome = outcome === "unchanged" ? "updated" : outcome;
  if (target.kind === "CREDIT_DATA" && (await syncActs(scope, target, client.id, record as CreditDataClientRecord))) outcome = outcome === "unchanged" ? "updated" : outcome;
  // Aptic: the client's nested resources and summaries (apply-aptic.ts); their refused values are the record's.
  if (target.kind === "APTIC" && isApticRecord(record) && (await syncApticResources(scope, target, client.id, record, outcome === "created", valueIssues, writes.aptic))) outcome = outcome === "unchanged" ? "updated" : outcome;
  const lifecycle = await applyDeletion(writes, scope, index, target, client, record, stored, issues);
  // Applied in part (an archive refused, an invoice or identifier of another client): not "unchanged"
  // next time, so a later run tries the rest again once what refused it is gone.
  const partly = issues.some((issue) => issue.sourceId === record.sourceId && (issue.kind === SyncIssueKind.RECORD_FAILED || issue.kind === SyncIssueKind.CONFLICT));
  await writes.storeRecord(sourceRecordRow(client.id, record, partly ? PARTLY_APPLIED : hash, valueIssues));
  if (lifecycle === "archived") outcome = "archived";
  else if (lifecycle === "restored" && outcome === "unchanged") outcome = "updated";
  for (const issue of valueIssues) {
    issues.push({ kind: SyncIssueKind.INVALID_VALUE, sourceId: record.sourceId, clientId: client.id, field: issue.field, message: issue.message, detail: { sourceField: issue.sourceField } });
  }
  return outcome;
}

/** The id of an external identifier a batched page will insert at its end. */
const PENDING = "";

/** The content hash of a record applied in part: no record's content hashes to it. */
const PARTLY_APPLIED = "0".repeat(64);

const syncedValues = (values: ClientValues): ClientValues => Object.fromEntries(Object.entries(values).filter(([field, value]) => value !== undefined && !SYNCED_EXCLUDED.has(field))) as ClientValues;

/** What the source sent before, from its stored raw copy mapped again (the mappings are pure). */
function previousValues(kind: SourceKindName, raw: Record<string, unknown>): ClientValues | undefined {
  const mapper = MAPPERS[kind];
  const result = mapper?.(raw);
  return result?.ok ? result.record.values : undefined;
}

/** The mapping of each source kind, for `previousValues`. */
const MAPPERS: Partial<Record<SourceKindName, (raw: unknown) => MappingResult<SourceClientRecord>>> = { CRM: mapCrmClient, INVOICING: mapInvoicingCustomer, APTIC: mapApticClient, CREDIT_DATA: mapCreditDataClient };

/**
 * Drops the fields a write refused (INVALID_DATA at `record.<field>`) and tries again: a refused
 * value is kept raw and listed, the rest of the record still applies. Other failures fail the record.
 */
async function withoutRefused<T>(values: Record<string, unknown>, issues: DataQualityIssue[], write: (values: Record<string, unknown>) => Promise<T>): Promise<T> {
  for (let round = 0; ; round++) {
    try {
      // A refusal comes from the checks, before any write: nothing to undo between rounds.
      return await write(values);
    } catch (error) {
      if (!(error instanceof MutationFailure) || error.error.code !== MutationErrorCode.INVALID_DATA || round > 5) throw error;
      const refused = error.error.failures.map((f) => f.field.replace(/^record\./, "")).filter((field) => field in values);
      if (refused.length === 0) throw error;
      for (const field of refused) {
        const message = error.error.failures.find((f) => f.field === `record.${field}`)?.message ?? "Refused by the gateway's checks";
        issues.push({ field, sourceField: field, value: values[field] == null ? null : typeof values[field] === "string" ? (values[field] as string) : JSON.stringify(values[field]), message });
        delete values[field];
      }
    }
  }
}

/** Creates the client; `values` loses the fields the checks refused (see withoutRefused). */
function createFromRecord(scope: ChangeScope, values: Record<string, unknown>, issues: DataQualityIssue[]): Promise<Client> {
  return withoutRefused(values, issues, (kept) => insertClient(scope, kept as ClientValues, "record"));
}

function patchFromRecord(scope: ChangeScope, before: Client, patch: Record<string, unknown>, issues: DataQualityIssue[]): Promise<Client> {
  if (Object.keys(patch).length === 0) return Promise.resolve(before);
  return withoutRefused(patch, issues, (values) => patchClient(scope, before, values as ClientValues, "record"));
}

function indexClient(index: PageIndex, target: SyncTarget, record: SourceClientRecord, clientId: string): void {
  const keys = matchKeys(identityOf(target, record));
  for (const org of orgKeysOf(record, keys.countryCode)) index.add(index.byOrg, orgKey(keys.countryCode, org), clientId);
  if (keys.vatNumber) index.add(index.byVat, keys.vatNumber, clientId);
}

interface SourceRecordRow {
  client_id: string;
  source_id: string;
  source_updated_at: string | null;
  source_created_at: string | null;
  deleted_in_source: boolean;
  content_hash: string;
  raw: Readonly<Record<string, unknown>>;
  issues: { field: string; sourceField: string; value: string | null; message: string }[];
}

const sourceRecordRow = (clientId: string, record: SourceClientRecord, hash: string, issues: readonly DataQualityIssue[]): SourceRecordRow => ({
  client_id: clientId,
  source_id: record.sourceId,
  source_updated_at: record.sourceUpdatedAt,
  source_created_at: record.sourceCreatedAt,
  deleted_in_source: record.deletedInSource,
  content_hash: hash,
  raw: record.raw,
  issues: issues.map((i) => ({ field: i.field, sourceField: i.sourceField, value: i.value, message: i.message })),
});

/**
 * How a page writes its records' source_record rows: each at once (record by record, under its
 * savepoint, so a second record of one source for a client fails that record alone), or all in one
 * statement at the end of the page (without savepoints: a failure there fails the page, which is then
 * applied record by record).
 */
class PageWrites {
  readonly #rows: SourceRecordRow[] | null;
  readonly #invoices: { clientId: string; sourceId: string; values: Record<(typeof INVOICE_FIELDS)[number], string>; audit: AuditRecord }[] = [];
  /** The audit entry of each pending identifier, in the record's place among its audits (Client.history's order), filled by `flush`. */
  readonly #identifierAudits = new Map<string, AuditRecord>();
  readonly #identifiers: { client_id: string; source: string; external_id: string; source_record_id: string | null; source_created_at: Date | null; source_updated_at: Date | null }[] = [];

  /** A batched Aptic page's nested rows of the clients it creates (apply-aptic.ts), written by `flush`. */
  readonly aptic: ApticPageInserts | null;

  constructor(
    private readonly tx: WriteTransaction,
    private readonly target: SyncTarget,
    batched: boolean,
  ) {
    this.#rows = batched ? [] : null;
    this.aptic = batched && target.kind === "APTIC" ? new ApticPageInserts(target) : null;
  }

  async storeRecord(row: SourceRecordRow): Promise<void> {
    if (this.#rows) return void this.#rows.push(row);
    try {
      await this.#write([row]);
    } catch (error) {
      if (violatedUniqueIndex(error) === "UQ_source_record_tenant_client_source_system") {
        throw new MutationFailure({ code: MutationErrorCode.ALREADY_EXISTS, message: "The client has another record of this source", failures: [] });
      }
      throw error;
    }
  }

  /** Whether the page will insert invoices of the client at its end. */
  hasInvoicesOf(clientId: string): boolean {
    return this.#invoices.some((invoice) => invoice.clientId === clientId);
  }

  get batched(): boolean {
    return this.#rows !== null;
  }

  /** A new invoice of a client from the source, inserted (and audited) by `flush`. */
  addInvoice(scope: ChangeScope, clientId: string, values: Record<(typeof INVOICE_FIELDS)[number], string>, sourceId: string): void {
    // Audited here, in the record's place among its audits (Client.history's order); its id is set by `flush`.
    const audit: AuditRecord = { clientId, entityType: "Invoice", entityId: PENDING, change: "created", changes: INVOICE_FIELDS.map((field) => ({ field, before: null, after: values[field] ?? null })) };
    scope.audit(audit);
    this.#invoices.push({ clientId, sourceId, values, audit });
  }

  /** A new external identifier of a client, inserted by `flush`; until then the page sees this stand-in. */
  addIdentifier(scope: ChangeScope, clientId: string, source: string, externalId: string, times: { sourceRecordId: string | null; sourceCreatedAt: Date | null; sourceUpdatedAt: Date | null }): ExternalIdentifier {
    const values = normaliseResourceValues(externalIdentifierResource.fields, { source, externalId });
    this.#identifiers.push({
      client_id: clientId,
      source: String(values.source),
      external_id: String(values.externalId),
      source_record_id: times.sourceRecordId,
      source_created_at: times.sourceCreatedAt,
      source_updated_at: times.sourceUpdatedAt,
    });
    const audit: AuditRecord = { clientId, entityType: externalIdentifierResource.typeName, entityId: PENDING, change: "created", changes: [] };
    scope.audit(audit);
    this.#identifierAudits.set(identifierKey(String(values.source), String(values.externalId)), audit);
    return Object.assign(new ExternalIdentifier(), { id: PENDING, clientId, source, externalId, deletedAt: null, ...times });
  }

  /**
   * The batched rows, a statement per table, audited as insertChild would (a violation fails the
   * page: see PageNeedsSavepoints).
   */
  async flush(scope: ChangeScope): Promise<void> {
    if (!this.#rows) return;
    try {
      // One row a source id, the last (as record by record, each upsert over the one before): one
      // INSERT ... ON CONFLICT DO UPDATE can't affect a row twice (21000, not a record's error).
      if (this.#rows.length > 0) await this.#write([...new Map(this.#rows.map((row) => [row.source_id, row])).values()]);
      await this.aptic?.flush(scope);
      if (this.#identifiers.length > 0) {
        const rows = await this.tx.query<Record<string, unknown>>(
          `INSERT INTO external_identifier (tenant_id, client_id, source, external_id, source_record_id, source_created_at, source_updated_at)
           SELECT $1, r.client_id, r.source, r.external_id, r.source_record_id, r.source_created_at, r.source_updated_at
             FROM jsonb_to_recordset($2::jsonb) AS r(client_id bigint, source varchar, external_id varchar, source_record_id varchar, source_created_at timestamptz, source_updated_at timestamptz)
           RETURNING *`,
          [this.target.tenantId, JSON.stringify(this.#identifiers)],
        );
        for (const row of hydrateRows(this.tx.manager, ExternalIdentifier, rows)) {
          const audit = this.#identifierAudits.get(identifierKey(row.source, row.externalId))!;
          recordChildChange({ ...scope, audit: (entry) => void Object.assign(audit, entry) }, externalIdentifierResource, null, row);
        }
      }
      if (this.#invoices.length > 0) {
        const rows = await this.tx.query<{ id: string; source_id: string }>(
          `INSERT INTO invoice (tenant_id, client_id, invoice_number, status, currency_code, total_amount, paid_amount, issue_date, due_date, source_system_id, source_id)
           SELECT $1, r.client_id, r.invoice_number, r.status, r.currency_code, r.total_amount, r.paid_amount, r.issue_date, r.due_date, $2, r.source_id
             FROM jsonb_to_recordset($3::jsonb) AS r(client_id bigint, invoice_number varchar, status varchar, currency_code char(3), total_amount numeric, paid_amount numeric, issue_date date, due_date date, source_id varchar)
           RETURNING id, source_id`,
          [
            this.target.tenantId,
            this.target.sourceSystemId,
            JSON.stringify(
              this.#invoices.map(({ clientId, sourceId, values }) => ({
                client_id: clientId,
                invoice_number: values.invoiceNumber,
                status: values.status,
                currency_code: values.currencyCode,
                total_amount: values.totalAmount,
                paid_amount: values.paidAmount,
                issue_date: values.issueDate,
                due_date: values.dueDate,
                source_id: sourceId,
              })),
            ),
          ],
        );
        // By the source's id (unique per source here), not by RETURNING's order, which SQL doesn't promise.
        const idOf = new Map(rows.map((row) => [row.source_id, row.id]));
        for (const { sourceId, audit } of this.#invoices) audit.entityId = idOf.get(sourceId)!;
      }
    } catch (error) {
      if (isRecordError(error)) throw new PageNeedsSavepoints("A source record or identifier of the page could not be stored: the page is applied again, record by record");
      throw error;
    }
  }

  #write(rows: readonly SourceRecordRow[]): Promise<unknown> {
    return this.tx.query(
      `INSERT INTO source_record (tenant_id, client_id, source_system_id, source_id, source_updated_at, source_created_at, last_synced_at, deleted_in_source, content_hash, raw, issues, last_run_id)
       SELECT $1, r.client_id, $2, r.source_id, r.source_updated_at, r.source_created_at, clock_timestamp(), r.deleted_in_source, r.content_hash, r.raw, r.issues, $3
         FROM jsonb_to_recordset($4::jsonb) AS r(client_id bigint, source_id varchar, source_updated_at timestamptz, source_created_at timestamptz, deleted_in_source boolean, content_hash char(64), raw jsonb, issues jsonb)
       ON CONFLICT (tenant_id, source_system_id, source_id) DO UPDATE SET
         client_id = EXCLUDED.client_id, source_updated_at = EXCLUDED.source_updated_at, source_created_at = EXCLUDED.source_created_at,
         last_synced_at = EXCLUDED.last_synced_at, deleted_in_source = EXCLUDED.deleted_in_source, content_hash = EXCLUDED.content_hash,
         raw = EXCLUDED.raw, issues = EXCLUDED.issues, last_run_id = EXCLUDED.last_run_id`,
      [this.target.tenantId, this.target.sourceSystemId, this.target.runId, JSON.stringify(rows)],
    );
  }
}

/** The record's external identifiers onto the client's (audited as addExternalIdentifier would); true when something changed. */
async function syncIdentifiers(writes: PageWrites, scope: ChangeScope, index: PageIndex, record: SourceClientRecord, clientId: string, issues: IssueRow[]): Promise<boolean> {
  let changed = false;
  for (const identifier of record.externalIdentifiers) {
    const key = identifierKey(identifier.source, identifier.externalId);
    const existing = index.identifiers.get(key);
    if (identifier.deletedAt) {
      if (existing && existing.clientId === clientId && !existing.deletedAt && existing.id !== PENDING) {
        const after = await updateReturning(scope.tx, ExternalIdentifier, existing.id, { deletedAt: () => "clock_timestamp()" });
        recordChildChange(scope, externalIdentifierResource, existing, after);
        index.identifiers.set(key, after);
        changed = true;
      }
      continue;
    }
    const times = { sourceRecordId: identifier.sourceRecordId, sourceCreatedAt: toDate(identifier.sourceCreatedAt), sourceUpdatedAt: toDate(identifier.sourceUpdatedAt) };
    if (existing && !existing.deletedAt) {
      if (existing.clientId === clientId && existing.id !== PENDING && !sameTimes(existing, times)) {
        const after = await updateReturning(scope.tx, ExternalIdentifier, existing.id, times);
        index.identifiers.set(key, after);
        changed = true;
      }
      if (existing.clientId !== clientId) {
        issues.push({
          kind: SyncIssueKind.CONFLICT,
          sourceId: record.sourceId,
          clientId: existing.clientId,
          field: "externalIdentifiers",
          message: `The external identifier of ${identifier.source} is another client's: not moved`,
          detail: { source: identifier.source, clientIds: [clientId, existing.clientId] },
        });
      }
      continue;
    }
    let after: ExternalIdentifier;
    if (existing) {
      after = await updateReturning(scope.tx, ExternalIdentifier, existing.id, { clientId, deletedAt: null, ...times });
      recordChildChange(scope, externalIdentifierResource, existing, after);
    } else if (writes.batched) {
      // Written with the page's others at its end (and audited then); the page knows it meanwhile.
      after = writes.addIdentifier(scope, clientId, identifier.source, identifier.externalId, times);
    } else {
      after = await insertChild(scope, externalIdentifierResource, clientId, { source: identifier.source, externalId: identifier.externalId }, times, "record");
    }
    index.identifiers.set(key, after);
    index.add(index.byExternal, key, clientId);
    changed = true;
  }
  return changed;
}

const toDate = (value: string | null): Date | null => (value === null || Number.isNaN(Date.parse(value)) ? null : new Date(value));

/** The identifier's own id and times in the source, as stored. */
const sameTimes = (row: ExternalIdentifier, times: { sourceRecordId: string | null; sourceCreatedAt: Date | null; sourceUpdatedAt: Date | null }): boolean =>
  row.sourceRecordId === times.sourceRecordId &&
  (row.sourceCreatedAt?.getTime() ?? null) === (times.sourceCreatedAt?.getTime() ?? null) &&
  (row.sourceUpdatedAt?.getTime() ?? null) === (times.sourceUpdatedAt?.getTime() ?? null);

const INVOICE_FIELDS = ["invoiceNumber", "status", "currencyCode", "totalAmount", "paidAmount", "issueDate", "dueDate", "clientId"] as const;

/**
 * The customer's open invoices onto the client's invoices from this source (SOURCES.md,
 * Invoicing): new ones inserted, changed ones updated, and the source's invoices of the client that
 * are open here but no longer listed (nor listed but refused) closed as paid. An invoice of the
 * same number written here before (no source) is taken over. True when something changed.
 */
async function syncInvoices(writes: PageWrites, index: PageIndex, scope: ChangeScope, target: SyncTarget, clientId: string, record: InvoicingClientRecord, issues: IssueRow[]): Promise<boolean> {
  if (!record.openInvoices) return false;
  const open = record.openInvoices;
  const keep = new Set([...open.map((i) => i.sourceId), ...record.rejectedInvoices.flatMap((i) => (i.sourceId ? [i.sourceId] : []))]);
  const numbers = open.map((i) => i.invoiceNumber);
  let existing: Invoice[];
  if (index.invoices) {
    const sourceIds = new Set(open.map((i) => i.sourceId));
    const numberSet = new Set(numbers);
    existing = index.invoices.filter(
      (i) => (i.sourceSystemId === target.sourceSystemId && (i.clientId === clientId || (i.sourceId !== null && sourceIds.has(i.sourceId)))) || numberSet.has(i.invoiceNumber),
    );
  } else {
    const rows = await scope.tx.query<Record<string, unknown>>(
      `SELECT * FROM invoice
        WHERE (source_system_id = $1 AND (client_id = $2 OR source_id = ANY($3::varchar[])))
           OR (invoice_number = ANY($4::varchar[]))
        ORDER BY id FOR UPDATE`,
      [target.sourceSystemId, clientId, open.map((i) => i.sourceId), numbers],
    );
    existing = hydrateRows(scope.tx.manager, Invoice, rows);
  }
  const bySource = new Map(existing.filter((i) => i.sourceSystemId === target.sourceSystemId && i.sourceId).map((i) => [i.sourceId!, i]));
  const byNumber = new Map(existing.map((i) => [i.invoiceNumber, i]));
  let changed = false;
  const audit = (before: Record<string, unknown> | null, after: Record<string, unknown>, id: string) => {
    const changes = INVOICE_FIELDS.flatMap((field) => {
      const was = before ? (before[field] ?? null) : null;
      const now = after[field] ?? null;
      return String(was) === String(now) && (was === null) === (now === null) ? [] : [{ field, before: was, after: now }];
    });
    if (changes.length > 0) scope.audit({ clientId, entityType: "Invoice", entityId: id, change: before === null ? "created" : "updated", changes });
  };
  for (const invoice of open) {
    const current = bySource.get(invoice.sourceId) ?? adoptable(byNumber.get(invoice.invoiceNumber), clientId);
    const taken = byNumber.get(invoice.invoiceNumber);
    if (!current && taken) {
      issues.push({
        kind: SyncIssueKind.RECORD_FAILED,
        sourceId: record.sourceId,
        clientId,
        field: "invoices",
        message: `Invoice ${invoice.invoiceNumber} is another client's or another source's in the gateway: not synced`,
        detail: { invoiceSourceId: invoice.sourceId, clientId: taken.clientId },
      });
      continue;
    }
    const values = invoiceValues(invoice, clientId);
    if (!current && writes.batched) {
      // Inserted with the page's others at its end, and audited then.
      writes.addInvoice(scope, clientId, values, invoice.sourceId);
      changed = true;
      continue;
    }
    if (!current) {
      const [row] = await scope.tx.query<{ id: string }>(
        `INSERT INTO invoice (tenant_id, client_id, invoice_number, status, currency_code, total_amount, paid_amount, issue_date, due_date, source_system_id, source_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [target.tenantId, clientId, values.invoiceNumber, values.status, values.currencyCode, values.totalAmount, values.paidAmount, values.issueDate, values.dueDate, target.sourceSystemId, invoice.sourceId],
      );
      audit(null, values, row.id);
      changed = true;
      continue;
    }
    const before = current as unknown as Record<string, unknown>;
    const same = INVOICE_FIELDS.every((field) => sameInvoiceValue(field, before[field], values[field])) && current.sourceId === invoice.sourceId;
    if (same) continue;
    await scope.tx.query(
      `UPDATE invoice SET client_id = $2, invoice_number = $3, status = $4, currency_code = $5, total_amount = $6, paid_amount = $7, issue_date = $8, due_date = $9,
              source_system_id = $10, source_id = $11, updated_at = greatest(clock_timestamp(), updated_at + interval '1 millisecond')
        WHERE id = $1`,
      [current.id, clientId, values.invoiceNumber, values.status, values.currencyCode, values.totalAmount, values.paidAmount, values.issueDate, values.dueDate, target.sourceSystemId, invoice.sourceId],
    );
    audit(before, values, current.id);
    // The page's later records see the invoice as it is now (a batched page reads its invoices once: index.invoices).
    Object.assign(current, values, { sourceSystemId: target.sourceSystemId, sourceId: invoice.sourceId });
    changed = true;
  }
  // No longer open in the source: closed here, as paid in full.
  for (const invoice of existing) {
    if (invoice.sourceSystemId !== target.sourceSystemId || invoice.clientId !== clientId || !invoice.sourceId || keep.has(invoice.sourceId)) continue;
    if (!OPEN_INVOICE_STATUSES.includes(invoice.status)) continue;
    await scope.tx.query(`UPDATE invoice SET status = 'PAID', paid_amount = total_amount, updated_at = greatest(clock_timestamp(), updated_at + interval '1 millisecond') WHERE id = $1`, [invoice.id]);
    audit({ status: invoice.status, paidAmount: invoice.paidAmount }, { status: "PAID", paidAmount: invoice.totalAmount }, invoice.id);
    Object.assign(invoice, { status: "PAID", paidAmount: invoice.totalAmount });
    changed = true;
  }
  return changed;
}

/** Whether the client's last archive was a sync's (its audit entry names a source), not a person's. */
async function archivedBySync(scope: ChangeScope, clientId: string): Promise<boolean> {
  const [last] = await scope.tx.query<{ source_system_id: string | null }>(
    `SELECT source_system_id FROM audit_entry
      WHERE client_id = $1 AND entity_type = 'Client' AND changes @> '[{"field": "archivedAt"}]'
      ORDER BY occurred_at DESC, id DESC LIMIT 1`,
    [clientId],
  );
  return last !== undefined && last.source_system_id !== null;
}

/** An invoice written here (no source) with the number, of the same client: taken over by the source. */
const adoptable = <I extends { sourceSystemId: string | null; clientId: string }>(invoice: I | undefined, clientId: string): I | undefined =>
  invoice && invoice.sourceSystemId === null && invoice.clientId === clientId ? invoice : undefined;

function invoiceValues(invoice: SourceInvoiceRecord, clientId: string): Record<(typeof INVOICE_FIELDS)[number], string> {
  return {
    invoiceNumber: invoice.invoiceNumber,
    status: invoice.status,
    currencyCode: invoice.currencyCode,
    totalAmount: invoice.totalAmount,
    paidAmount: invoice.paidAmount,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    clientId,
  };
}

/** Decimals by value, the rest as text. */
function sameInvoiceValue(field: string, a: unknown, b: unknown): boolean {
  if (field === "totalAmount" || field === "paidAmount") return a == null || b == null ? a == b : compareDecimals(String(a), String(b)) === 0;
  return String(a ?? "") === String(b ?? "");
}

/**
 * The archive rule (SOURCES.md, CRM): a record deleted in its source archives the client when no
 * other source still has it active; a record active again restores a client a sync had archived
 * (one a person archived stays so). A client with open invoices is not archived: that is an issue of the run.
 */
async function applyDeletion(
  writes: PageWrites,
  scope: ChangeScope,
  index: PageIndex,
  target: SyncTarget,
  client: Client,
  record: SourceClientRecord,
  stored: StoredRecord | undefined,
  issues: IssueRow[],
): Promise<"archived" | "restored" | null> {
  const records = index.records.get(client.id) ?? [];
  if (record.deletedInSource) {
    if (client.archivedAt || records.some((r) => !r.deletedInSource)) return null;
    // The archive rule reads the client's open invoices in the database: a batched page's new ones
    // are not there yet (see PageWrites.flush), so the page is applied again, record by record.
    if (writes.hasInvoicesOf(client.id)) throw new PageNeedsSavepoints(`Record ${record.sourceId} archives a client with new invoices: the page is applied again, record by record`);
    try {
      // `client` is the row as this transaction last wrote or locked it.
      const archived = await archiveClientRow(scope, client);
      index.clients?.set(client.id, archived);
      return "archived";
    } catch (error) {
      if (!(error instanceof MutationFailure)) throw error;
      issues.push({ kind: SyncIssueKind.RECORD_FAILED, sourceId: record.sourceId, clientId: client.id, field: "archivedAt", message: `Deleted in ${target.sourceName}, but not archived here: ${error.error.message}`, detail: { code: error.error.code } });
      return null;
    }
  }
  if (stored?.deletedInSource && client.archivedAt && (await archivedBySync(scope, client.id))) {
    const restored = await restoreClientRow(scope, client);
    index.clients?.set(client.id, restored);
    return "restored";
  }
  return null;
}
