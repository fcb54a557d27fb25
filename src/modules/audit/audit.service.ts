import type { WriteTransaction } from "../../db/write-transaction";
import type { FieldChange } from "./audit-entry.entity";

/** A change as a mutation reports it; the pipeline adds who, when, the request and the key. */
export interface AuditRecord {
  /** The client changed; null for a change of the company's own definitions (templates), which is in no client's history. */
  clientId: string | null;
  entityType: string;
  entityId: string;
  changes: FieldChange[];
}

/** Who and why, the same for every record of one mutation call. */
export interface AuditOrigin {
  operation: string;
  actor: string;
  requestId: string;
  idempotencyKey: string | null;
  /** A sync's change: the source system and the run (AuditEntry.source, AuditEntry.syncRun). */
  sourceSystemId?: string | null;
  syncRunId?: string | null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Plain JSON for a stored value: instants as ISO text, everything else as it is. */
const plain = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * The fields of `fields` whose value differs between `before` (null for a new record) and
 * `after`, each passed through `mask` so that personal data is never stored in clear.
 */
export function diffFields<T extends object>(
  before: T | null,
  after: T,
  fields: readonly (keyof T & string)[],
  mask: (field: keyof T & string, value: unknown, record: T) => unknown = (_f, v) => v,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = before ? plain(before[field]) : null;
    const now = plain(after[field]);
    if (same(was, now)) continue;
    changes.push({ field, before: before ? mask(field, was, before) : null, after: mask(field, now, after) });
  }
  return changes;
}

/** Writes the records of one mutation call in its transaction, in one statement. */
export async function writeAudit(tx: WriteTransaction, tenantId: string, origin: AuditOrigin, records: AuditRecord[]): Promise<void> {
  const kept = records.filter((r) => r.changes.length > 0);
  if (kept.length === 0) return;
  await tx.query(
    `INSERT INTO audit_entry (tenant_id, client_id, entity_type, entity_id, operation, actor, request_id, idempotency_key, source_system_id, sync_run_id, changes)
     SELECT $1, r.client_id, r.entity_type, r.entity_id, $2, $3, $4, $5, $7, $8, r.changes
       FROM jsonb_to_recordset($6::jsonb) AS r(client_id bigint, entity_type varchar, entity_id bigint, changes jsonb)`,
    [
      tenantId,
      origin.operation,
      origin.actor,
      origin.requestId,
      origin.idempotencyKey,
      JSON.stringify(kept.map((r) => ({ client_id: r.clientId, entity_type: r.entityType, entity_id: r.entityId, changes: r.changes }))),
      origin.sourceSystemId ?? null,
      origin.syncRunId ?? null,
    ],
  );
}
