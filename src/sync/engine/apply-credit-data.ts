import type { ChangeScope } from "../../common/mutation/pipeline";
import { compareDecimals } from "../../common/validation/formats";
import { hydrateRows } from "../../db/hydrate";
import type { WriteTransaction } from "../../db/write-transaction";
import type { FieldChange } from "../../modules/audit/audit-entry.entity";
import { Act } from "../../modules/act/act.entity";
import type { CreditDataClientRecord, SourceActRecord } from "../../sources/credit-data/mapping";
import type { SyncTarget } from "./apply";

/**
 * What a credit-data page writes besides its clients (SOURCES.md "Credit data"): each client's acts
 * (financial statements) with their data points, matched by the act's id in the source (never a
 * second copy on a re-sync), and the lookups by org number the page made (source_lookup). Called
 * from apply.ts for `target.kind === "CREDIT_DATA"`, in the record's savepoint (acts) and the
 * page's transaction (lookups); audited as the run's changes (entity type "Act").
 */

/** What a lookup by org number answered, for a client of the gateway (see credit-data-connector.ts). */
export interface SourceLookupResult {
  clientId: string;
  outcome: "FOUND" | "NOT_FOUND" | "FAILED";
  /** The source's id of the client found. */
  sourceId: string | null;
}

/** The fields of an act a sync writes and audits. */
const ACT_FIELDS = ["clientId", "periodStart", "periodEnd", "currencyCode", "revenue", "result", "equity", "totalAssets", "employees", "dataPoints", "publishedAt"] as const;
type ActField = (typeof ACT_FIELDS)[number];
const MONEY_FIELDS = new Set<ActField>(["revenue", "result", "equity", "totalAssets"]);

type ActValues = Record<ActField, unknown>;

function valuesOf(act: SourceActRecord, clientId: string): ActValues {
  return {
    clientId,
    periodStart: act.periodStart,
    periodEnd: act.periodEnd,
    currencyCode: act.currencyCode,
    revenue: act.revenue,
    result: act.result,
    equity: act.equity,
    totalAssets: act.totalAssets,
    employees: act.employees,
    // In one key order: jsonb gives its own back, so stored and sent compare as the same text.
    dataPoints: act.dataPoints.map((p) => ({ code: p.code, label: p.label, value: p.value, unit: p.unit })),
    publishedAt: act.publishedAt,
  };
}

/** A stored act's values in the same plain shape (instants as ISO text, data points in one key order). */
function storedValues(act: Act): ActValues {
  return {
    clientId: act.clientId,
    periodStart: act.periodStart,
    periodEnd: act.periodEnd,
    currencyCode: act.currencyCode,
    revenue: act.revenue,
    result: act.result,
    equity: act.equity,
    totalAssets: act.totalAssets,
    employees: act.employees,
    dataPoints: (act.dataPoints ?? []).map((p) => ({ code: p.code, label: p.label, value: p.value ?? null, unit: p.unit ?? null })),
    publishedAt: act.publishedAt ? act.publishedAt.toISOString() : null,
  };
}

function same(field: ActField, a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (MONEY_FIELDS.has(field)) return compareDecimals(String(a), String(b)) === 0;
  if (field === "publishedAt") return Date.parse(String(a)) === Date.parse(String(b));
  if (field === "dataPoints") return JSON.stringify(a) === JSON.stringify(b);
  return String(a) === String(b);
}

function changesOf(before: ActValues | null, after: ActValues): FieldChange[] {
  return ACT_FIELDS.flatMap((field) => (before && same(field, before[field], after[field]) ? [] : before === null && after[field] === null ? [] : [{ field, before: before ? (before[field] ?? null) : null, after: after[field] ?? null }]));
}

const row = (values: ActValues) => ({
  client_id: values.clientId,
  period_start: values.periodStart,
  period_end: values.periodEnd,
  currency_code: values.currencyCode,
  revenue: values.revenue,
  result: values.result,
  equity: values.equity,
  total_assets: values.totalAssets,
  employees: values.employees,
  data_points: values.dataPoints,
  published_at: values.publishedAt,
});

const RECORDSET = `r(id bigint, source_id varchar, client_id bigint, period_start date, period_end date, currency_code char(3), revenue numeric, result numeric, equity numeric,
                     total_assets numeric, employees int, data_points jsonb, published_at timestamptz)`;

/**
 * The record's acts onto the client's acts from this source, in at most four statements (read and
 * lock, insert, update, delete): new ones inserted, changed ones updated (an act of this source
 * that moved to this client is taken with it; one of the client's written here for the same period
 * is taken over), and the client's acts of this source that the
 * source no longer lists (nor lists but refused) deleted. Each change audited. True when something
 * changed. Nothing when the record carries no acts (not read this run).
 */
export async function syncActs(scope: ChangeScope, target: SyncTarget, clientId: string, record: CreditDataClientRecord): Promise<boolean> {
  if (record.acts === null) return false;
  const acts = record.acts;
  const keep = new Set([...acts.map((a) => a.sourceId), ...record.refusedActIds]);
  const existing = hydrateRows(
    scope.tx.manager,
    Act,
    await scope.tx.query<Record<string, unknown>>(
      `SELECT * FROM act WHERE (source_system_id = $1 AND (client_id = $2 OR source_id = ANY($3::varchar[]))) OR (source_system_id IS NULL AND client_id = $2) ORDER BY id FOR UPDATE`,
      [target.sourceSystemId, clientId, acts.map((a) => a.sourceId)],
    ),
  );
  const bySource = new Map(existing.filter((act) => act.sourceSystemId === target.sourceSystemId).map((act) => [act.sourceId!, act]));
  // An act of the client written here (no source: the demo seed, an import) for the same period is
  // taken over by the source rather than shown twice.
  const adoptable = new Map(existing.filter((act) => act.sourceSystemId === null).map((act) => [`${act.periodStart}/${act.periodEnd}`, act]));
  const inserts: Array<{ sourceId: string; values: ActValues }> = [];
  const updates: Array<{ id: string; sourceId: string; values: ActValues; changes: FieldChange[] }> = [];
  for (const act of acts) {
    const values = valuesOf(act, clientId);
    const adopted = bySource.has(act.sourceId) ? undefined : adoptable.get(`${act.periodStart}/${act.periodEnd}`);
    if (adopted) adoptable.delete(`${act.periodStart}/${act.periodEnd}`);
    const current = bySource.get(act.sourceId) ?? adopted;
    if (!current) {
      inserts.push({ sourceId: act.sourceId, values });
      continue;
    }
    const changes = [...(adopted ? [{ field: "sourceId", before: null, after: act.sourceId }] : []), ...changesOf(storedValues(current), values)];
    if (changes.length > 0) updates.push({ id: current.id, sourceId: act.sourceId, values, changes });
  }
  const gone = existing.filter((act) => act.sourceSystemId === target.sourceSystemId && act.clientId === clientId && !keep.has(act.sourceId!));

  if (inserts.length > 0) {
    const rows = await scope.tx.query<{ id: string; source_id: string }>(
      `INSERT INTO act (tenant_id, source_system_id, source_id, client_id, period_start, period_end, currency_code, revenue, result, equity, total_assets, employees, data_points, published_at)
       SELECT $1, $2, r.source_id, r.client_id, r.period_start, r.period_end, r.currency_code, r.revenue, r.result, r.equity, r.total_assets, r.employees, r.data_points, r.published_at
         FROM jsonb_to_recordset($3::jsonb) AS ${RECORDSET}
       RETURNING id, source_id`,
      [target.tenantId, target.sourceSystemId, JSON.stringify(inserts.map(({ sourceId, values }) => ({ source_id: sourceId, ...row(values) })))],
    );
    // By the source's id (unique per source), not by RETURNING's order, which SQL doesn't promise.
    const idOf = new Map(rows.map((r) => [r.source_id, r.id]));
    for (const { sourceId, values } of inserts) scope.audit({ clientId, entityType: "Act", entityId: idOf.get(sourceId)!, change: "created", changes: [{ field: "sourceId", before: null, after: sourceId }, ...changesOf(null, values)] });
  }
  if (updates.length > 0) {
    await scope.tx.query(
      `UPDATE act a SET source_system_id = $2, source_id = r.source_id, client_id = r.client_id, period_start = r.period_start, period_end = r.period_end, currency_code = r.currency_code, revenue = r.revenue, result = r.result,
              equity = r.equity, total_assets = r.total_assets, employees = r.employees, data_points = r.data_points, published_at = r.published_at,
              updated_at = greatest(clock_timestamp(), a.updated_at + interval '1 millisecond')
         FROM jsonb_to_recordset($1::jsonb) AS ${RECORDSET}
        WHERE a.id = r.id`,
      [JSON.stringify(updates.map(({ id, sourceId, values }) => ({ id, source_id: sourceId, ...row(values) }))), target.sourceSystemId],
    );
    for (const { id, changes } of updates) scope.audit({ clientId, entityType: "Act", entityId: id, change: "updated", changes });
  }
  if (gone.length > 0) {
    await scope.tx.query(`DELETE FROM act WHERE id = ANY($1::bigint[])`, [gone.map((act) => act.id)]);
    for (const act of gone) scope.audit({ clientId, entityType: "Act", entityId: act.id, change: "deleted", changes: changesOf(storedValues(act), Object.fromEntries(ACT_FIELDS.map((f) => [f, null])) as ActValues).concat([{ field: "sourceId", before: act.sourceId, after: null }]) });
  }
  return inserts.length + updates.length + gone.length > 0;
}

/** The page's lookups, remembered (one row per source and client: the last lookup), 404s included. */
export async function recordLookups(tx: WriteTransaction, target: SyncTarget, lookups: readonly SourceLookupResult[]): Promise<void> {
  if (lookups.length === 0) return;
  await tx.query(
    `INSERT INTO source_lookup (tenant_id, source_system_id, client_id, outcome, source_id, looked_up_at, run_id)
     SELECT $1, $2, r.client_id, r.outcome, r.source_id, clock_timestamp(), $3
       FROM jsonb_to_recordset($4::jsonb) AS r(client_id bigint, outcome varchar, source_id varchar)
       JOIN client c ON c.id = r.client_id
     ON CONFLICT (tenant_id, source_system_id, client_id) DO UPDATE SET
       outcome = EXCLUDED.outcome, source_id = EXCLUDED.source_id, looked_up_at = EXCLUDED.looked_up_at, run_id = EXCLUDED.run_id`,
    [target.tenantId, target.sourceSystemId, target.runId, JSON.stringify(lookups.map((l) => ({ client_id: l.clientId, outcome: l.outcome, source_id: l.sourceId })))],
  );
}
