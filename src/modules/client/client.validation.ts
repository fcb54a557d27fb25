import type { FieldFailure } from "../../common/mutation/mutation-error";
import type { CallerAccess } from "../../common/mutation/pipeline";
import {
  canonicalOrgNumber, carriesSwedishPersonalNumber, isBigintId, isValidGln, isValidLei, isValidOrgNumber, isValidVatNumber, normaliseOrgNumber, normaliseVatNumber, VAT_PATTERNS, vatPrefix,
} from "../../common/validation/checksums";
import { isCultureCode, isEmailAddress, isLanguageCode, isPhoneNumber, isWebUrl } from "../../common/validation/formats";
import { textProblem } from "../../common/validation/text";
import { CrossRule, crossFieldFailures, definedOnly, PERSONAL_NUMBER_REFUSAL, resourceValueProblem } from "../../common/resource/fields";
import { ClientType, CompanyType, CustomerType, customerTypeClientType } from "./client.enums";
import { CLIENT_FIELD_NAMES, CLIENT_FIELDS, ClientValues, NOT_NULL_FIELDS, WritableField } from "./client.fields";


/** The problem with one present, non-null value, judged by its kind alone; null when it is fine. */
function valueProblem(spec: WritableField, value: unknown): string | null {
  if (typeof value === "string") {
    const problem = textProblem(value, spec);
    if (problem) return problem;
  }
  const text = String(value);
  switch (spec.kind) {
    case "email": return isEmailAddress(text) ? null : "Not an e-mail address";
    case "url": return isWebUrl(text) ? null : "Not an http(s) URL";
    case "phone": return isPhoneNumber(text) ? null : "Not a phone number (digits, spaces and + - ( ) / . with at least 5 digits)";
    case "language": return isLanguageCode(text.toLowerCase()) ? null : "Not an ISO 639-1 language code";
    case "culture": return isCultureCode(text) ? null : "Not a culture code such as sv-SE";
    case "lei": return isValidLei(text) ? null : "Not a valid LEI (20 characters, ISO 17442 check digits)";
    case "gln": return isValidGln(text) ? null : "Not a valid GLN (13 digits, GS1 check digit)";
    // No shorter code exists; longer ones are what a source (the CRM's example: 8) sends outside Italy.
    case "sdi": return /^[A-Za-z0-9]{6,16}$/.test(text) ? null : "Must be 6 to 16 letters and digits";
    case "orgNumber": return /^[A-Za-z0-9][A-Za-z0-9 .\-+/]*$/.test(text) ? null : "Only letters, digits, spaces and - + . /";
    case "id": return isBigintId(text) ? null : "Not a client id";
    // GraphQL checks the enum of an input; a source's value (mapping-kit) is checked here.
    case "customerType": return (Object.values(CustomerType) as string[]).includes(text) ? null : `Not a customer type (${Object.values(CustomerType).join(", ")})`;
    // money, percent, int, date, country, currency: as in every other resource
    case "money": case "percent": case "int": case "date": case "country": case "currency":
      return resourceValueProblem({ kind: spec.kind, range: spec.range }, value);
    default: return null;
  }
}

/**
 * Every field-level problem of a create input or an update patch, as paths under `prefix`
 * (`input`, `patch`, `inputs.3`). Needs no database; cross-field rules are `crossFieldFailures`.
 */
function fieldFailures(values: ClientValues, prefix: string, mode: "create" | "update"): FieldFailure[] {
  const failures: FieldFailure[] = [];
  for (const name of CLIENT_FIELD_NAMES) {
    const value = values[name];
    const field = `${prefix}.${name}`;
    if (value === undefined) {
      if (mode === "create" && (CLIENT_FIELDS[name] as WritableField).required) failures.push({ field, message: "Is required" });
      continue;
    }
    if (value === null) {
      if (NOT_NULL_FIELDS.has(name)) failures.push({ field, message: mode === "create" ? "Is required" : "Can't be cleared" });
      continue;
    }
    const problem = valueProblem(CLIENT_FIELDS[name], value);
    if (problem) failures.push({ field, message: problem });
  }
  return failures;
}

/** The stored form of the values: codes in their case, org and VAT numbers normalised. */
export function normaliseClientValues(values: ClientValues, merged: ClientValues): ClientValues {
  const out: ClientValues = { ...values };
  const upper = (name: "countryCode" | "countryCodeOfOperation" | "currencyCode" | "creditLimitCurrency") => {
    if (typeof out[name] === "string") out[name] = out[name].toUpperCase();
  };
  upper("countryCode");
  upper("countryCodeOfOperation");
  upper("currencyCode");
  upper("creditLimitCurrency");
  if (typeof out.languageCode === "string") out.languageCode = out.languageCode.toLowerCase();
  const country = (merged.countryCode ?? null)?.toUpperCase() ?? null;
  if (typeof out.orgNumber === "string") {
    out.orgNumber = canonicalOrgNumber(country, out.orgNumber, { individual: merged.clientType === ClientType.INDIVIDUAL });
  }
  if (typeof out.vatNumber === "string") out.vatNumber = normaliseVatNumber(out.vatNumber, hasVatFormat(country) ? country : null);
  for (const name of ["leiNumber", "sdiCode"] as const) {
    if (typeof out[name] === "string") out[name] = out[name].replace(/\s/g, "").toUpperCase();
  }
  return out;
}

const hasVatFormat = (country: string | null): country is string => country !== null && VAT_PATTERNS[vatPrefix(country)] !== undefined;

/** The org number a country's VAT number embeds, where it is fixed by law. */
function orgNumberInVat(country: string, vat: string): string | null {
  switch (country) {
    case "SE": return vat.slice(2, 12);
    case "FI":
    case "DK": return vat.slice(2);
    case "NO": return vat.slice(2, 11);
    default: return null;
  }
}

const CROSS_RULES: CrossRule<ClientValues>[] = [
  {
    fields: ["orgNumber", "countryCode", "clientType"],
    problem(r) {
      if (!r.orgNumber) return null;
      if (!r.countryCode) return "countryCode is required with an org number";
      const individual = r.clientType === ClientType.INDIVIDUAL;
      if (isValidOrgNumber(r.countryCode, r.orgNumber, { individual })) return null;
      return individual && r.countryCode.toUpperCase() === "SE" ? "Not a valid personnummer (date and check digit)" : `Not a valid org number of ${r.countryCode.toUpperCase()} (check digit or length)`;
    },
  },
  {
    fields: ["vatNumber", "countryCode", "orgNumber"],
    problem(r) {
      if (!r.vatNumber) return null;
      const country = r.countryCode?.toUpperCase() ?? null;
      if (!hasVatFormat(country)) {
        return /^[A-Za-z0-9 .\-]+$/.test(r.vatNumber) ? null : "Only letters, digits, spaces, dots and dashes";
      }
      if (!isValidVatNumber(r.vatNumber, country)) return `Not a VAT number of ${country} (format or check digit)`;
      const embedded = orgNumberInVat(country, normaliseVatNumber(r.vatNumber, country));
      const org = r.orgNumber ? normaliseOrgNumber(r.orgNumber) : null;
      if (embedded && org && !org.endsWith(embedded)) return "Does not match the org number";
      return null;
    },
  },
  {
    // FatturaPA: an Italian recipient's codice destinatario is 7 characters, a public office's 6.
    fields: ["sdiCode", "countryCode"],
    problem(r) {
      if (!r.sdiCode || r.countryCode?.toUpperCase() !== "IT") return null;
      return /^[A-Za-z0-9]{6,7}$/.test(r.sdiCode) ? null : "An Italian recipient code is 7 letters and digits (6 for public administration)";
    },
  },
  {
    fields: ["companyType", "countryCode"],
    problem(r) {
      if (!r.companyType || !r.countryCode) return null;
      const prefix = (r.companyType as CompanyType).slice(0, 2);
      return prefix === r.countryCode.toUpperCase() ? null : `${r.companyType} is a legal form of ${prefix}, not of ${r.countryCode.toUpperCase()}`;
    },
  },
  {
    fields: ["customerType", "clientType"],
    problem(r) {
      if (!r.customerType) return null;
      const kind = customerTypeClientType(r.customerType);
      return r.clientType === kind ? null : `customerType ${r.customerType} is a${kind === ClientType.INDIVIDUAL ? " sole trader" : " business"}: clientType must be ${kind}`;
    },
  },
];

/** The fields that hold an individual's personal identity number. */
const NUMBER_FIELDS = ["orgNumber", "vatNumber"] as const;
/** ...and those that decide how it is checked and stored: an update of them re-checks (and may re-store) the number. */
const IDENTITY_FIELDS = [...NUMBER_FIELDS, "countryCode", "clientType"] as const;

/**
 * The personnummer rule for writes: without clients:pii a caller may not write a personal
 * identity number, so that no answer (the VAT number's match with the org number, a duplicate, an
 * update that changes nothing, the replay of an idempotency key) ever depends on one it may not
 * see. Refused, judged only by the input and the client's type (which the caller sees):
 * - an org or VAT number that carries a personnummer, whatever the client's declared type;
 * - a new INDIVIDUAL's org or VAT number;
 * - on a client that is or becomes INDIVIDUAL, any change of its org number, VAT number, country
 *   or type (`stored`: the client as read; without it only the input is judged).
 */
export function personalNumberFailures(values: ClientValues, prefix: string, mode: "create" | "update", access: CallerAccess, stored?: ClientValues): FieldFailure[] {
  if (access.pii) return [];
  const refused = new Map<string, string>();
  for (const name of NUMBER_FIELDS) {
    const value = values[name];
    if (typeof value === "string" && carriesSwedishPersonalNumber(value)) refused.set(name, PERSONAL_NUMBER_REFUSAL);
  }
  const individual = values.clientType === ClientType.INDIVIDUAL || stored?.clientType === ClientType.INDIVIDUAL;
  if (individual) {
    const touched = mode === "create" ? NUMBER_FIELDS.filter((name) => values[name] != null) : IDENTITY_FIELDS.filter((name) => values[name] !== undefined);
    for (const name of touched) {
      if (!refused.has(name)) refused.set(name, "An individual's org number, VAT number, country and type are personal data: changing them needs the clients:pii scope");
    }
  }
  return [...refused].map(([name, message]) => ({ field: `${prefix}.${name}`, message }));
}

/**
 * Each field's problems and the personnummer rule's refusals, one failure per field: what is
 * known of an input before the stored client is read.
 */
export function inputFailures(values: ClientValues, prefix: string, mode: "create" | "update", access: CallerAccess, stored?: ClientValues): FieldFailure[] {
  const failures = fieldFailures(values, prefix, mode);
  const failed = new Set(failures.map((f) => f.field));
  return [...failures, ...personalNumberFailures(values, prefix, mode, access, stored).filter((f) => !failed.has(f.field))];
}

/**
 * Everything that can be checked without the database: each field and the personnummer rule,
 * then the cross-field rules over `base` (the stored client for an update, none for a create) with
 * the input applied. A refused field is not compared with anything stored: the rules that
 * involve it are skipped.
 */
export function validateClientInput(values: ClientValues, prefix: string, mode: "create" | "update", access: CallerAccess, base: ClientValues = {}): FieldFailure[] {
  const failures = inputFailures(values, prefix, mode, access, mode === "update" ? base : undefined);
  const record: ClientValues = { clientType: ClientType.BUSINESS, ...base, ...definedOnly(values) };
  return [...failures, ...crossFieldFailures(CROSS_RULES, record, values, prefix, failures)];
}

export { definedOnly };
