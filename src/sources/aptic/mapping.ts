import type { ClientFieldName } from "../../modules/client/client.fields";
import { CompanyType } from "../../modules/client/client.enums";
import { checkClientValues, countryCandidate, issue, jsonNumberText, type Candidate } from "../mapping-kit";
import type { DataQualityIssue, MappingResult } from "../source-record";
import type { ApticBundle, ApticClientRecord } from "./bundle";

/** Aptic's client fields (003) whose gateway name differs, and where they land. */
export const APTIC_RENAMED: Readonly<Record<string, ClientFieldName>> = {
  idNumber: "orgNumber",
  webPage: "website",
  registeredForTAX: "registeredForTax",
};

/** Aptic's client fields that land on the gateway's field of the same name. */
export const APTIC_SAME_NAME: readonly ClientFieldName[] = [
  "referenceCode", "masterPinCode", "ledgerType", "informalName", "contactPerson", "street", "houseNo",
  "houseNoExtension", "city", "zipCode", "stateCode", "countryCode", "companyPhone", "cellularPhone",
  "email", "vatNumber", "vatRate", "municipalCode", "naceCode", "leiNumber", "glnNumber", "languageCode",
  "currencyCode", "active", "blocked", "companyType", "defaultCultureCode", "countryCodeOfOperation",
  "logotype", "webLogotype", "pricelistTemplate", "parameterTemplate", "chartOfAccountTemplate",
];

/** 003's companyType codes 1..30, in the document's order (CompanyType is declared in that order). */
const COMPANY_TYPES = Object.values(CompanyType);

/** The GUID: the record's source id, not a field. */
const RECORD_FIELDS = new Set(["uniqueId"]);

/**
 * An Aptic client, as the connector read it (the bundle: the listing item and its nested
 * resources), as a source client record: the item's fields onto the gateway's Client fields
 * through the gateway's own checks (a refused value is a data-quality issue, the rest maps);
 * `fullName` (003: "Legal name of the client") is both `legalName` and `name` (Aptic has no other
 * full name; `informalName` stands in for `name` when `fullName` is missing); `companyType` 1..30
 * onto CompanyType; `vatRate` as a decimal string. The item's other fields (`fullAddress`,
 * `addresses`, `links`, `parentPartyUniqueId`, anything unknown) are `unmapped`; `raw` is the
 * whole bundle, so its content hash follows every nested resource; the source id is the
 * clientGuid (`uniqueId`). Aptic has no change or creation time, nor a deletion flag. Pure.
 */
export function mapApticClient(raw: unknown): MappingResult<ApticClientRecord> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return reject("Not a JSON object", raw);
  const bundle = raw as ApticBundle;
  const item = bundle.client;
  if (typeof item !== "object" || item === null || Array.isArray(item)) return reject("The bundle has no client object", raw);
  const guid = item.uniqueId;
  if (typeof guid !== "string" || guid.trim() === "" || guid.length > 255) return reject("The client has no uniqueId (its clientGuid)", raw);

  const issues: DataQualityIssue[] = [];
  const candidates: Candidate[] = [];
  const unmapped: Record<string, unknown> = {};
  for (const [sourceField, value] of Object.entries(item)) {
    if (RECORD_FIELDS.has(sourceField)) continue;
    if (sourceField === "fullName") {
      candidates.push({ field: "legalName", sourceField, value });
      if (value !== null && value !== undefined) candidates.push({ field: "name", sourceField, value });
      continue;
    }
    const field = APTIC_RENAMED[sourceField] ?? (APTIC_SAME_NAME.includes(sourceField as ClientFieldName) ? (sourceField as ClientFieldName) : undefined);
    if (!field) {
      unmapped[sourceField] = value;
      continue;
    }
    if ((field === "countryCode" || field === "countryCodeOfOperation") && typeof value === "string" && value.trim() !== "") {
      const country = countryCandidate(field, sourceField, value);
      if ("issue" in country) issues.push(country.issue);
      else candidates.push(country.candidate);
      continue;
    }
    if (field === "companyType" && value !== null && value !== undefined) {
      const type = typeof value === "number" && Number.isInteger(value) ? COMPANY_TYPES[value - 1] : undefined;
      if (type === undefined) issues.push(issue({ field, sourceField, value }, "Not a companyType of 003 (a whole number 1..30)"));
      else candidates.push({ field, sourceField, value: type, sent: value });
      continue;
    }
    if (field === "vatRate" && typeof value === "number") {
      const text = jsonNumberText(value);
      if (text === null) issues.push(issue({ field, sourceField, value }, "Not a finite number"));
      else candidates.push({ field, sourceField, value: text, sent: value });
      continue;
    }
    candidates.push({ field, sourceField, value });
  }
  const informal = item.informalName;
  if ((item.fullName === null || item.fullName === undefined) && typeof informal === "string" && informal.trim() !== "") {
    candidates.push({ field: "name", sourceField: "informalName", value: informal });
  }
  const checked = checkClientValues(candidates);
  issues.push(...checked.issues);

  return {
    ok: true,
    record: {
      kind: "APTIC",
      sourceId: guid,
      clientGuid: guid,
      sourceUpdatedAt: null,
      sourceCreatedAt: null,
      deletedInSource: false,
      deletedAt: null,
      values: checked.values,
      externalIdentifiers: [],
      unmapped,
      issues,
      raw: bundle as unknown as Readonly<Record<string, unknown>>,
      bundle,
    },
  };
}

function reject(message: string, raw: unknown): MappingResult<ApticClientRecord> {
  return { ok: false, rejected: { kind: "APTIC", message, raw } };
}
