import type { ClientFieldName } from "../../modules/client/client.fields";
import { asText, camelCase, checkClientValues, countryCandidate, isInstant, type Candidate } from "../mapping-kit";
import type { DataQualityIssue, MappingResult, SourceClientRecord, SourceExternalIdentifier } from "../source-record";

/** The CRM fields whose gateway name is not their camelCase name (SOURCES.md). */
export const CRM_RENAMED: Readonly<Record<string, ClientFieldName>> = {
  corporate_name: "name",
  legal_name: "legalName",
  town: "city",
  zip_code: "zipCode",
  vat: "vatNumber",
  country: "countryCode",
  company_registration_number: "orgNumber",
};

/** The CRM fields (001) that map by their camelCase name onto a field of the gateway's Client. */
export const CRM_SAME_NAME: readonly string[] = [
  "acronym", "email", "notes", "website", "linkedin", "description", "street", "payment_condition",
  "group_company", "sdi_code", "pec", "administration_email", "intent_code", "intent_date", "phone",
  "tax_reference", "group_id", "bank_account_id", "vat_rate_id", "payment_term_id",
];

/** Fields that describe the record rather than the client; mapped to the record's own fields. */
const RECORD_FIELDS = new Set(["id", "created_at", "updated_at", "deleted_at", "external_identifiers"]);

/**
 * A CRM client (as 001/002 send it) as a source client record: the renamed fields and the rest by
 * their camelCase names, checked by the gateway's own rules (a refused value is an issue, the rest
 * maps); `id` is the source id, `deleted_at` marks it deleted; unknown fields go to `unmapped`.
 * Pure: the same input gives the same output.
 */
export function mapCrmClient(raw: unknown): MappingResult<SourceClientRecord> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return reject("Not a JSON object", raw);
  const record = raw as Record<string, unknown>;
  const id = record.id;
  const sourceId = typeof id === "number" && Number.isInteger(id) && id >= 1 ? String(id) : typeof id === "string" && /^[1-9][0-9]*$/.test(id) ? id : null;
  if (sourceId === null) return reject("The record has no id (a whole number of at least 1)", raw);

  const issues: DataQualityIssue[] = [];
  const candidates: Candidate[] = [];
  const unmapped: Record<string, unknown> = {};
  for (const [sourceField, value] of Object.entries(record)) {
    if (RECORD_FIELDS.has(sourceField)) continue;
    const field = CRM_RENAMED[sourceField] ?? (CRM_SAME_NAME.includes(sourceField) ? (camelCase(sourceField) as ClientFieldName) : undefined);
    if (!field) {
      unmapped[camelCase(sourceField)] = value;
      continue;
    }
    if (field === "countryCode" && typeof value === "string" && value.trim() !== "") {
      const country = countryCandidate(field, sourceField, value);
      if ("issue" in country) issues.push(country.issue);
      else candidates.push(country.candidate);
      continue;
    }
    candidates.push({ field, sourceField, value });
  }
  const checked = checkClientValues(candidates);
  issues.push(...checked.issues);

  const times = {
    sourceCreatedAt: instant(record, "created_at", issues),
    sourceUpdatedAt: instant(record, "updated_at", issues),
    deletedAt: instant(record, "deleted_at", issues),
  };
  const deletedInSource = record.deleted_at !== null && record.deleted_at !== undefined;

  return {
    ok: true,
    record: {
      kind: "CRM",
      sourceId,
      sourceUpdatedAt: times.sourceUpdatedAt,
      sourceCreatedAt: times.sourceCreatedAt,
      deletedInSource,
      deletedAt: times.deletedAt,
      values: checked.values,
      externalIdentifiers: externalIdentifiers(record.external_identifiers, issues),
      unmapped,
      issues,
      raw: record,
    },
  };
}

function reject(message: string, raw: unknown): MappingResult<SourceClientRecord> {
  return { ok: false, rejected: { kind: "CRM", message, raw } };
}

/** A record's timestamp, or null (with an issue when it is there but unreadable). */
function instant(record: Record<string, unknown>, sourceField: string, issues: DataQualityIssue[]): string | null {
  const value = record[sourceField];
  if (value === null || value === undefined) return null;
  if (isInstant(value)) return value;
  issues.push({ field: camelCase(sourceField), sourceField, value: asText(value), message: "Not an ISO 8601 instant with offset" });
  return null;
}

/** `external_identifiers` -> the record's identifiers, `type` as their source; a malformed one is an issue. */
function externalIdentifiers(value: unknown, issues: DataQualityIssue[]): SourceExternalIdentifier[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.push({ field: "externalIdentifiers", sourceField: "external_identifiers", value: asText(value), message: "Not a list" });
    return [];
  }
  const out: SourceExternalIdentifier[] = [];
  value.forEach((item: unknown, i) => {
    const at = `externalIdentifiers.${i}`;
    const sourceField = `external_identifiers.${i}`;
    const entry = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    const externalId = typeof entry.external_id === "number" ? String(entry.external_id) : entry.external_id;
    const problem =
      typeof externalId !== "string" || externalId.trim() === "" || externalId.length > 255 ? "external_id must be text of 1..255 characters"
      : typeof entry.type !== "string" || entry.type.trim() === "" || entry.type.length > 50 ? "type (the other system) must be text of 1..50 characters"
      : null;
    if (problem) {
      issues.push({ field: at, sourceField, value: asText(item), message: problem });
      return;
    }
    // The identifier still maps without an unreadable id or time; the value is an issue, kept in raw.
    const flag = (key: string, field: string, message: string) =>
      issues.push({ field: `${at}.${field}`, sourceField: `${sourceField}.${key}`, value: asText(entry[key]), message });
    const time = (key: string, field: string): string | null => {
      const v = entry[key];
      if (v === null || v === undefined) return null;
      if (isInstant(v)) return v;
      flag(key, field, "Not an ISO 8601 instant with offset");
      return null;
    };
    const id = entry.id;
    const recordId = (typeof id === "number" && Number.isInteger(id)) || (typeof id === "string" && id.trim() !== "" && id.length <= 255) ? String(id) : null;
    if (recordId === null && id !== null && id !== undefined) flag("id", "sourceRecordId", "Not an id (a whole number, or text of 1..255 characters)");
    out.push({
      source: entry.type as string,
      externalId: externalId as string,
      deletedAt: time("deleted_at", "deletedAt"),
      sourceRecordId: recordId,
      sourceCreatedAt: time("created_at", "sourceCreatedAt"),
      sourceUpdatedAt: time("updated_at", "sourceUpdatedAt"),
    });
  });
  return out;
}
