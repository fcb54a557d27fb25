import type { ClientValues } from "../modules/client/client.fields";

/** The kinds of source system (GraphQL `SourceKind`). */
export type SourceKind = "CRM" | "APTIC" | "INVOICING" | "CREDIT_DATA";

/**
 * A value a source sent that the gateway's own checks refuse: kept as sent (in the record's raw
 * copy, and here as text) and shown as a data-quality issue on the client (GraphQL
 * `DataQualityIssue`). `field` is the gateway's field name; `sourceField` the source's.
 */
export interface DataQualityIssue {
  field: string;
  sourceField: string;
  /** The value as the source sent it, as text (JSON for a non-string); null when it sent null. */
  value: string | null;
  message: string;
}

/** An identifier of the client in another system, as a source lists it (`ExternalIdentifier`). */
export interface SourceExternalIdentifier {
  /** The other system (the CRM's `type`, as sent). */
  source: string;
  externalId: string;
  /** When the source soft-deleted the identifier; null while it stands. */
  deletedAt: string | null;
  /**
   * The identifier's own id, creation and update time in the source that lists it (the CRM's
   * external_identifiers[].id, created_at, updated_at): ExternalIdentifier's columns of those names.
   */
  sourceRecordId: string | null;
  sourceCreatedAt: string | null;
  sourceUpdatedAt: string | null;
}

/**
 * One client as one source has it, in the gateway's field names: what a connector hands to
 * reconcile/apply. `values` holds only values that pass the gateway's checks (as the source sent
 * them: apply normalises them through the mutation pipeline); the refused ones are `issues`, and
 * every field the gateway has no column for is in `unmapped` (camelCased). `raw` is the record
 * exactly as received: nothing a source sends is dropped.
 */
export interface SourceClientRecord {
  kind: SourceKind;
  /** The source's own id of the record, as text. */
  sourceId: string;
  /** The source's change time (ISO 8601), null when it sent none or none readable. */
  sourceUpdatedAt: string | null;
  sourceCreatedAt: string | null;
  /** Deleted (CRM `deleted_at`) or archived (invoicing `archived_at`) in the source. */
  deletedInSource: boolean;
  deletedAt: string | null;
  values: ClientValues;
  externalIdentifiers: SourceExternalIdentifier[];
  unmapped: Record<string, unknown>;
  issues: DataQualityIssue[];
  raw: Readonly<Record<string, unknown>>;
}

/** A record that could not be mapped at all (no usable id): it fails alone (RECORD_FAILED). */
export interface RejectedSourceRecord {
  kind: SourceKind;
  message: string;
  raw: unknown;
}

export type MappingResult<R> = { ok: true; record: R } | { ok: false; rejected: RejectedSourceRecord };
