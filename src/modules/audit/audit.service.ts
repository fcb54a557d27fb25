import type { WriteTransaction } from "../../db/write-transaction";
import type { FieldChange } from "./audit-entry.entity";
import { ClientChangeKind } from "../change-feed/change-kind";

/** A change as a mutation reports it; the pipeline adds who, when, the request and the key. */
export interface AuditRecord {
  /** The client changed; null for a change of the company's own definitions (templates), which is in no client's history. */
  clientId: string | null;
  entityType: string;
  entityId: string;
  /** What happened to the record: the change feed's kind (a client's archive and restore are updates of archivedAt). */
  change: RecordChange;
  changes: FieldChange[];
}

export type RecordChange = "created" | "updated" | "deleted";

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

/**
 * Writes the records of one mutation call (or one sync page) in its transaction, in one statement:
 * the audit trail's rows and, for changes of a client or its resources, the change feed's outbox
 * rows with their transaction's commit row (src/modules/change-feed/feed.ts). Every write path
 * (the mutation pipeline, the sync's apply, the action worker) comes here, so none can change a
 * client without the feed hearing of it.
 */
export async function writeAudit(tx: WriteTransaction, tenantId: string, origin: AuditOrigin, records: AuditRecord[]): Promise<void> {
  const kept = records.filter((r) => r.changes.length > 0);
  if (kept.length === 0) return;
  const feed = changeFeedSettings.enabled;
  await tx.query(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($6::jsonb) AS r(ord int, client_id bigint, entity_type varchar, entity_id bigint, changes jsonb, kind varchar, resource varchar, fields text[])
     ), audited AS (
       INSERT INTO audit_entry (tenant_id, client_id, entity_type, entity_id, operation, actor, request_id, idempotency_key, source_system_id, sync_run_id, changes)
       SELECT $1, r.client_id, r.entity_type, r.entity_id, $2, $3, $4, $5, $7, $8, r.changes FROM r ORDER BY r.ord
     ), xact AS (
       SELECT pg_current_xact_id()::text::bigint AS id WHERE $9::boolean AND EXISTS (SELECT 1 FROM r WHERE r.kind IS NOT NULL)
     ), fed AS (
       INSERT INTO client_change (tenant_id, xact, client_id, kind, resource, resource_id, fields, source_system_id, sync_run_id, request_id)
       SELECT $1, xact.id, r.client_id, r.kind, r.resource, CASE WHEN r.resource IS NULL THEN NULL ELSE r.entity_id END, r.fields, $7, $8, $4 FROM r, xact WHERE r.kind IS NOT NULL ORDER BY r.ord
     )
     INSERT INTO client_change_commit (tenant_id, xact) SELECT $1, xact.id FROM xact ON CONFLICT DO NOTHING`,
    [
      tenantId,
      origin.operation,
      origin.actor,
      origin.requestId,
      origin.idempotencyKey,
      JSON.stringify(
        kept.map((r, ord) => ({
          ord,
          client_id: r.clientId,
          entity_type: r.entityType,
          entity_id: r.entityId,
          changes: r.changes,
          kind: feedKindOf(r),
          resource: r.entityType === "Client" ? null : r.entityType,
          fields: r.changes.map((c) => c.field),
        })),
      ),
      origin.sourceSystemId ?? null,
      origin.syncRunId ?? null,
      feed,
    ],
  );
}

/**
 * Whether writes also fill the change feed. On, always, in service: off only to measure what the
 * feed costs (`npm run bench`), since consumers of the feed and webhooks then miss those changes.
 */
export const changeFeedSettings = { enabled: true };

/** The feed's kind of an audited change; null for what is in no client's feed (the company's templates). */
export function feedKindOf(record: AuditRecord): ClientChangeKind | null {
  if (record.clientId === null) return null;
  if (record.entityType !== "Client") {
    return record.change === "created" ? ClientChangeKind.NESTED_CREATED : record.change === "deleted" ? ClientChangeKind.NESTED_DELETED : ClientChangeKind.NESTED_UPDATED;
  }
  if (record.change === "created") return ClientChangeKind.CREATED;
  const archive = record.changes.find((c) => c.field === "archivedAt");
  if (archive && archive.before === null && archive.after !== null) return ClientChangeKind.ARCHIVED;
  if (archive && archive.before !== null && archive.after === null) return ClientChangeKind.RESTORED;
  return ClientChangeKind.UPDATED;
}
