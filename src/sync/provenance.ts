import type { WriteTransaction } from "../db/write-transaction";
import type { AuditRecord } from "../modules/audit/audit.service";
import { CLIENT_FIELD_NAMES } from "../modules/client/client.fields";

/** Who set a client's field (SOURCES.md rule 4): a source system, or null for a person through the API. */
export interface FieldSourceRow {
  clientId: string;
  field: string;
  sourceSystemId: string | null;
}

const CLIENT_FIELDS = new Set<string>(CLIENT_FIELD_NAMES);

/** The client fields a change set, from its audit records: the provenance of a mutation's writes. */
export function fieldSourcesOf(records: readonly AuditRecord[], sourceSystemId: string | null): FieldSourceRow[] {
  return records.flatMap((record) =>
    record.entityType === "Client" && record.clientId !== null ? record.changes.filter((c) => CLIENT_FIELDS.has(c.field)).map((c) => ({ clientId: record.clientId!, field: c.field, sourceSystemId })) : [],
  );
}

/** Writes provenance rows (one per client and field, the last of `rows` winning), in one statement. */
export async function writeFieldSources(tx: WriteTransaction, tenantId: string, rows: readonly FieldSourceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const unique = new Map<string, FieldSourceRow>();
  for (const row of rows) unique.set(`${row.clientId}:${row.field}`, row);
  await tx.query(
    `INSERT INTO field_source (tenant_id, client_id, field, source_system_id, set_at)
     SELECT $1, r.client_id, r.field, r.source_system_id, clock_timestamp()
       FROM jsonb_to_recordset($2::jsonb) AS r(client_id bigint, field varchar, source_system_id bigint)
     ON CONFLICT (tenant_id, client_id, field) DO UPDATE SET source_system_id = EXCLUDED.source_system_id, set_at = EXCLUDED.set_at`,
    [tenantId, JSON.stringify([...unique.values()].map((r) => ({ client_id: r.clientId, field: r.field, source_system_id: r.sourceSystemId })))],
  );
}
