import { Field, Int } from "type-graphql";
import type { GraphQLScalarType } from "graphql";
import { CountryCode, Currency, DateScalar, DateTime, Decimal, IBAN } from "../scalars";
import type { FieldFailure } from "../mutation/mutation-error";
import type { CallerAccess } from "../mutation/pipeline";
import { carriesSwedishPersonalNumber, isValidBic, isValidIban, normaliseIban } from "../validation/checksums";
import { compareDecimals, decimalProblem, isCalendarDate, isCountryCode, isCurrencyCode } from "../validation/formats";
import { textProblem } from "../validation/text";
import { zonedDate } from "../validation/zoned-date";

/**
 * The writable fields of a client's nested resource (contract, bank account, mandate...) in one
 * table, as `client.fields.ts` is for the client: the input types, the dry-run preview, the
 * checks, the normalisation and the audit trail are all made from it.
 */
export type ResourceFieldKind =
  | "text" | "textList" | "int" | "bool" | "money" | "percent" | "date" | "instant" | "currency" | "country" | "iban" | "bic" | "enum";

export interface ResourceField {
  kind: ResourceFieldKind;
  /** Longest text accepted (the column's length; for a list, of each item). */
  max?: number;
  /** Most items of a list. */
  maxItems?: number;
  /** Must be given on create and can't be cleared (checked by the gateway: INVALID_DATA). */
  required?: boolean;
  /** Has a value in every stored row (a column default): optional on create, never cleared. */
  notNull?: boolean;
  /** Smallest and largest whole number, for int fields. */
  range?: [number, number];
  /** Money or percent that may be negative (an overdrawn balance, a negative interest rate). */
  signed?: boolean;
  /** The registered GraphQL enum, for enum fields. */
  enum?: object;
  /**
   * Free text that may hold a personal identity number without saying whose (a contract's
   * idNumber): a value that carries a personnummer is masked on reading without clients:pii, and
   * writing one needs clients:pii (so no check compares it with a stored one for such a caller).
   */
  personal?: boolean;
  description?: string;
}

export type ResourceFields = Record<string, ResourceField>;

/** A create input or update patch: absent (undefined) leaves a field alone, null clears it. */
export type ResourceValues = Record<string, unknown>;

const MONEY = { precision: 18, scale: 2, min: "0" };
const PERCENT = { precision: 9, scale: 4, min: "0", max: "100" };
const SIGNED_MONEY = { precision: 18, scale: 2 };
const SIGNED_PERCENT = { precision: 9, scale: 4, min: "-100", max: "100" };
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const INT_RANGE: [number, number] = [-2147483648, 2147483647];

/**
 * The GraphQL type of a field, the same in the inputs as in the preview and the resource's own
 * type: a value a scalar refuses is a request error (BAD_USER_INPUT); the rules beyond the format
 * (lengths, checksums, ranges) are reported with all the others (INVALID_DATA).
 */
function inputType(field: ResourceField): () => unknown {
  switch (field.kind) {
    case "int": return () => Int;
    case "bool": return () => Boolean;
    case "money":
    case "percent": return () => Decimal;
    case "date": return () => DateScalar;
    case "instant": return () => DateTime;
    case "currency": return () => Currency;
    case "country": return () => CountryCode;
    case "iban": return () => IBAN;
    case "enum": return () => field.enum;
    case "textList": return () => [String];
    default: return () => String;
  }
}

/** Outputs (the preview) use the inputs' types. */
const outputType = inputType;

function describe(field: ResourceField): string | undefined {
  const parts = [field.description];
  if (field.kind === "date") parts.push("YYYY-MM-DD; an ISO 8601 date-time (2019-08-24T14:15:22Z, as Aptic sends) is taken as its date in the tenant's time zone (Europe/Stockholm)");
  if (field.kind === "instant") parts.push("ISO 8601 instant with offset, e.g. 2026-01-31T12:00:00Z");
  if (field.kind === "percent") parts.push(field.signed ? "-100..100" : "0..100");
  if (field.kind === "money") parts.push(field.signed ? "At most 2 decimals" : "Zero or more, at most 2 decimals");
  if (field.max !== undefined) parts.push(`At most ${field.max} characters${field.kind === "textList" ? " each" : ""}`);
  if (field.range) parts.push(`${field.range[0]}..${field.range[1]}`);
  if (field.maxItems !== undefined) parts.push(`At most ${field.maxItems} items`);
  return parts.filter(Boolean).join(". ") || undefined;
}

/**
 * Declares a field table on a type-graphql class: `create` and `update` inputs take every field as
 * nullable (a missing required one is an INVALID_DATA failure among the others); `output` (the
 * preview) is nullable where the stored column is.
 */
export function declareResourceFields(target: abstract new () => object, fields: ResourceFields, mode: "create" | "update" | "output"): void {
  for (const [name, field] of Object.entries(fields)) {
    const nullable = mode === "output" ? !(field.required || field.notNull) : true;
    const type = mode === "output" ? outputType(field) : inputType(field);
    Field(type as () => GraphQLScalarType, { nullable, description: describe(field) })(target.prototype, name);
  }
}

/** The problem with one present, non-null value judged by its kind alone; null when it is fine. */
export function resourceValueProblem(field: ResourceField, value: unknown): string | null {
  if (typeof value === "string") {
    const problem = textProblem(value, field);
    if (problem) return problem;
  }
  if (Array.isArray(value)) return field.maxItems !== undefined && value.length > field.maxItems ? `At most ${field.maxItems} items` : null;
  const text = String(value);
  switch (field.kind) {
    case "money": return decimalProblem(text, field.signed ? SIGNED_MONEY : MONEY);
    case "percent": return decimalProblem(text, field.signed ? SIGNED_PERCENT : PERCENT);
    case "int": {
      const [min, max] = field.range ?? INT_RANGE;
      return Number(value) >= min && Number(value) <= max ? null : `Must be from ${min} to ${max}`;
    }
    case "date": return isCalendarDate(zonedDate(text)) ? null : "Not a date (YYYY-MM-DD)";
    case "instant":
      // A Date is what the DateTime scalar parsed; text comes from the sync.
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Not a valid instant" : null;
      return INSTANT.test(text) && !Number.isNaN(Date.parse(text)) ? null : "Not an ISO 8601 instant with offset (2026-01-31T12:00:00Z)";
    case "currency": return isCurrencyCode(text.toUpperCase()) ? null : "Not an ISO 4217 currency code";
    case "country": return isCountryCode(text.toUpperCase()) ? null : "Not an ISO 3166-1 alpha-2 country code";
    case "iban": return isValidIban(text) ? null : "Not a valid IBAN (country, length and MOD 97 check digits)";
    case "bic": return isValidBic(text) ? null : "Not a BIC (4 letters bank, 2 letters country, 2 location, optional 3 branch)";
    default: return null;
  }
}

/** Why a value that carries a personnummer is refused without clients:pii (clients and nested resources alike). */
export const PERSONAL_NUMBER_REFUSAL = "Holds a personnummer: writing one needs the clients:pii scope";

/**
 * The `personal` fields of an input that carry a personnummer, for a caller without clients:pii.
 * Judged by the input alone, so the refusal tells nothing of what is stored; resources check it
 * before the idempotency key is looked up, so that a replay doesn't tell either.
 */
export function personalValueFailures(fields: ResourceFields, values: ResourceValues, prefix: string, access: CallerAccess): FieldFailure[] {
  if (access.pii) return [];
  return Object.entries(fields)
    .filter(([name, field]) => field.personal && typeof values[name] === "string" && carriesSwedishPersonalNumber(values[name] as string))
    .map(([name]) => ({ field: prefix ? `${prefix}.${name}` : name, message: PERSONAL_NUMBER_REFUSAL }));
}

/** Every field-level problem of an input, as paths under `prefix` (`input`, `patch`), the personnummer rule's refusals included. */
export function resourceFieldFailures(fields: ResourceFields, values: ResourceValues, prefix: string, mode: "create" | "update", access: CallerAccess): FieldFailure[] {
  const failures: FieldFailure[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const value = values[name];
    const path = prefix ? `${prefix}.${name}` : name;
    if (value === undefined) {
      if (mode === "create" && field.required) failures.push({ field: path, message: "Is required" });
    } else if (value === null) {
      if (field.required || field.notNull) failures.push({ field: path, message: mode === "create" && field.required ? "Is required" : "Can't be cleared" });
    } else {
      const problem = resourceValueProblem(field, value);
      if (problem) failures.push({ field: path, message: problem });
      // A list's items, each at its own path (values.2).
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          const itemProblem = resourceValueProblem({ kind: "text", max: field.max }, item);
          if (itemProblem) failures.push({ field: `${path}.${i}`, message: itemProblem });
        });
      }
    }
  }
  const failed = new Set(failures.map((f) => f.field));
  return [...failures, ...personalValueFailures(fields, values, prefix, access).filter((f) => !failed.has(f.field))];
}

/** The stored form: codes upper case, IBAN and BIC without spaces, instants as Date. Only the table's fields. */
export function normaliseResourceValues(fields: ResourceFields, values: ResourceValues): ResourceValues {
  const out: ResourceValues = {};
  for (const [name, field] of Object.entries(fields)) {
    const value = values[name];
    if (value === undefined) continue;
    if (typeof value !== "string") out[name] = value;
    else if (field.kind === "currency" || field.kind === "country") out[name] = value.toUpperCase();
    else if (field.kind === "iban" || field.kind === "bic") out[name] = normaliseIban(value);
    else if (field.kind === "instant") out[name] = new Date(value);
    else if (field.kind === "date") out[name] = zonedDate(value);
    else out[name] = value;
  }
  return out;
}

/** Equal as stored: decimals by value ("25" is "25.0000"), instants by time, the rest as JSON. */
export function sameStoredValue(kind: string, value: unknown, stored: unknown): boolean {
  if ((kind === "money" || kind === "percent") && typeof value === "string" && typeof stored === "string") return compareDecimals(value, stored) === 0;
  if (value instanceof Date && stored instanceof Date) return value.getTime() === stored.getTime();
  return JSON.stringify(value ?? null) === JSON.stringify(stored ?? null);
}

/** A rule over several fields, reported at the first of them that the input touched. */
export interface CrossRule<V> {
  fields: (keyof V & string)[];
  problem(record: V): string | null;
}

/**
 * The rules that read several fields, over the whole record (an update's stored values with the
 * patch applied), reported only when the input touched one of the rule's fields (a legacy value
 * that breaks a rule doesn't block a patch of something else), and not again for a field that
 * already failed on its own.
 */
export function crossFieldFailures<V extends object>(rules: readonly CrossRule<V>[], record: V, values: object, prefix: string, failed: readonly FieldFailure[] = []): FieldFailure[] {
  const touched = new Set(Object.entries(values).filter(([, v]) => v !== undefined).map(([k]) => k));
  const alreadyFailed = new Set(failed.map((f) => (prefix ? f.field.slice(prefix.length + 1) : f.field)));
  const failures: FieldFailure[] = [];
  for (const rule of rules) {
    const at = rule.fields.find((field) => touched.has(field));
    if (!at || rule.fields.some((field) => alreadyFailed.has(field))) continue;
    const problem = rule.problem(record);
    if (problem) failures.push({ field: prefix ? `${prefix}.${at}` : at, message: problem });
  }
  return failures;
}

/** The input's present values (null included), so that `{...base, ...definedOnly(patch)}` applies a patch. */
export function definedOnly<V extends object>(values: V): V {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as V;
}

/** A rule "a ≤ b" over two optional dates (YYYY-MM-DD compares as text). */
export function dateOrder<V extends object>(earlier: keyof V & string, later: keyof V & string, message: string): CrossRule<V> {
  return {
    fields: [later, earlier],
    problem(record) {
      // A date-time is compared as the date it is stored as.
      const a = typeof record[earlier] === "string" ? zonedDate(record[earlier] as string) : (record[earlier] as unknown);
      const b = typeof record[later] === "string" ? zonedDate(record[later] as string) : (record[later] as unknown);
      if (typeof a !== "string" || typeof b !== "string" || !isCalendarDate(a) || !isCalendarDate(b)) return null;
      return a <= b ? null : message;
    },
  };
}
