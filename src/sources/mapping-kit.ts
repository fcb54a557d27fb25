import { isCountryCode } from "../common/validation/formats";
import { CLIENT_FIELDS, type ClientFieldName, type ClientValues, type WritableField } from "../modules/client/client.fields";
import { inputFailures, validateClientInput } from "../modules/client/client.validation";
import type { DataQualityIssue } from "./source-record";

/** "company_registration_number" -> "companyRegistrationNumber". */
export const camelCase = (name: string): string => name.replace(/[_-]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());

/** A JSON object (not null, not an array), as a source sends a record. */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A value as text for an issue: strings as they are, anything else as JSON. */
export const asText = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value));

/**
 * A JSON number as a decimal string, exactly as JSON carried it: JavaScript's shortest text for
 * the double (`25.5` -> "25.5"), its exponent written out by moving the point (1e-7 ->
 * "0.0000001", 1e21 -> "1000000000000000000000"), never arithmetic on it. The gateway keeps money,
 * rates and figures as numeric, and its decimal checks (and numeric columns' regexes) take no
 * exponent. Null when it is not a finite number. Every source's mapping uses this one.
 */
export function jsonNumberText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!match) return text;
  const [, sign, first, rest = "", exponent] = match;
  const digits = first + rest;
  const point = 1 + Number(exponent);
  const written = point <= 0 ? `0.${"0".repeat(-point)}${digits}` : point >= digits.length ? digits + "0".repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + written;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO 8601 instant with an offset ("2026-05-15T17:08:59.529Z"). */
export const isInstant = (value: unknown): value is string => typeof value === "string" && INSTANT.test(value) && !Number.isNaN(Date.parse(value));

// ---------------------------------------------------------------------------------------------------
// Country names
// ---------------------------------------------------------------------------------------------------

/**
 * Country names in the languages of the sources' markets, from the CLDR data that ships with Node
 * (Intl.DisplayNames; no country-names package is installed here), so "United States", "Sverige",
 * "Italia" and "Deutschland" all resolve. Only codes the gateway's CountryCode accepts are kept.
 */
const NAME_LOCALES = ["en", "sv", "it", "de", "fr", "es", "nl", "fi", "da", "nb", "pt", "pl"];

/** Names CLDR doesn't give but sources write. */
const ALIASES: Readonly<Record<string, string>> = {
  usa: "US", "united states of america": "US", america: "US", uk: "GB", "great britain": "GB", england: "GB",
  scotland: "GB", wales: "GB", "northern ireland": "GB", holland: "NL", "the netherlands": "NL",
  "czech republic": "CZ", "republic of ireland": "IE", "south korea": "KR", "russian federation": "RU",
};

const fold = (name: string): string =>
  name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[.'’()]/g, "").replace(/[\s,&-]+/g, " ").trim();

let countryNames: Map<string, string> | undefined;

function names(): Map<string, string> {
  if (countryNames) return countryNames;
  const map = new Map<string, string>();
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const codes: string[] = [];
  for (const a of letters) for (const b of letters) if (isCountryCode(a + b)) codes.push(a + b);
  for (const locale of NAME_LOCALES) {
    const display = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    for (const code of codes) {
      const name = display.of(code);
      if (name && !map.has(fold(name))) map.set(fold(name), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) map.set(fold(alias), code);
  countryNames = map;
  return map;
}

/** ISO 3166-1 alpha-2 of a country given by its code ("se", "SE") or name ("United States"); null when unknown. */
export function countryCodeOf(value: string): string | null {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (isCountryCode(code)) return code;
  }
  return names().get(fold(trimmed)) ?? null;
}

// ---------------------------------------------------------------------------------------------------
// The gateway's checks over a mapped record
// ---------------------------------------------------------------------------------------------------

const TEXT_KINDS = new Set(["text", "email", "url", "phone", "country", "currency", "language", "culture", "date", "orgNumber", "vatNumber", "lei", "gln", "sdi", "money", "percent", "id", "clientType", "companyType", "customerType"]);

/** The type problem of a value for a field, before its format is checked; numbers become text losslessly. */
function coerce(spec: WritableField, value: unknown): { value?: unknown; problem?: string } {
  if (value === null) return { value: null };
  switch (spec.kind) {
    case "int":
      return typeof value === "number" && Number.isInteger(value) ? { value } : { problem: "Not a whole number" };
    case "bool":
      return typeof value === "boolean" ? { value } : { problem: "Not true or false" };
    default:
      if (!TEXT_KINDS.has(spec.kind)) return { value };
      if (typeof value === "string") return { value };
      if (typeof value === "number" && Number.isFinite(value)) return { value: String(value) };
      return { problem: "Not text" };
  }
}

/** A candidate value of a gateway field, and the source field it came from. */
export interface Candidate {
  field: ClientFieldName;
  sourceField: string;
  value: unknown;
  /** The value as the source sent it, for an issue (defaults to `value`). */
  sent?: unknown;
}

/**
 * Runs the gateway's own checks (client.validation: each field's kind and length, org number and
 * VAT checksums against the country, the cross-field rules) over the candidates, as an update of a
 * client (absent fields are fine; null clears). A refused value is left out of `values` and is an
 * issue; the checks run again without it, until what remains passes, so the rest still maps. A
 * cross-field rule drops one field per round, in the rules' order (org number before VAT number),
 * so that a bad org number doesn't also cost a VAT number that is fine on its own.
 */
export function checkClientValues(candidates: readonly Candidate[]): { values: ClientValues; issues: DataQualityIssue[] } {
  const issues: DataQualityIssue[] = [];
  const values: Record<string, unknown> = {};
  const origin = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const { value, problem } = coerce(CLIENT_FIELDS[candidate.field], candidate.value);
    origin.set(candidate.field, candidate);
    if (problem) issues.push(issue(candidate, problem));
    else values[candidate.field] = value;
  }
  for (let round = 0; round <= candidates.length; round++) {
    const access = { pii: true };
    const own = inputFailures(values as ClientValues, "record", "update", access);
    const failures = own.length > 0 ? own : validateClientInput(values as ClientValues, "record", "update", access).slice(0, 1);
    if (failures.length === 0) break;
    for (const failure of failures) {
      const field = failure.field.replace(/^record\./, "");
      if (!(field in values)) continue;
      delete values[field];
      const candidate = origin.get(field);
      if (candidate) issues.push(issue(candidate, failure.message));
    }
  }
  return { values: values as ClientValues, issues };
}

export function issue(candidate: Pick<Candidate, "field" | "sourceField" | "value" | "sent">, message: string): DataQualityIssue {
  return { field: candidate.field, sourceField: candidate.sourceField, value: asText(candidate.sent === undefined ? candidate.value : candidate.sent), message };
}

/**
 * A country as a source sent it (a name such as "United States" or an ISO code): a candidate with
 * its ISO 3166-1 alpha-2 code, or a data-quality issue keeping what was sent.
 */
export function countryCandidate(field: ClientFieldName, sourceField: string, value: string): { candidate: Candidate } | { issue: DataQualityIssue } {
  const code = countryCodeOf(value);
  return code === null
    ? { issue: issue({ field, sourceField, value }, "Not a country name or ISO 3166-1 alpha-2 code the gateway knows") }
    : { candidate: { field, sourceField, value: code, sent: value } };
}
