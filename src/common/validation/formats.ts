import type { GraphQLScalarType } from "graphql";
import { CountryCode, Currency, EmailAddress, URLScalar } from "../scalars";

/**
 * Format checks for input fields that are plain strings in GraphQL, so that a bad value is one
 * failure among all the others of the input (INVALID_DATA) instead of a request error. Where
 * graphql-scalars defines the format, its own scalar decides: what is accepted here is exactly
 * what the output types can serialise.
 */
function acceptedBy(scalar: GraphQLScalarType, value: string): boolean {
  try {
    scalar.parseValue(value);
    return true;
  } catch {
    return false;
  }
}

export const isEmailAddress = (value: string): boolean => acceptedBy(EmailAddress, value);
export const isCountryCode = (value: string): boolean => /^[A-Z]{2}$/.test(value) && acceptedBy(CountryCode, value);
export const isCurrencyCode = (value: string): boolean => /^[A-Z]{3}$/.test(value) && acceptedBy(Currency, value);

/** An absolute http(s) URL. */
export const isWebUrl = (value: string): boolean => acceptedBy(URLScalar, value) && /^https?:\/\//i.test(value);

const languages = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** An ISO 639-1 language code, lower case: "sv", "fi". */
export const isLanguageCode = (value: string): boolean => /^[a-z]{2}$/.test(value) && languages.of(value) !== undefined;

/** A culture (locale) as language-REGION: "sv-SE", "nb-NO". */
export function isCultureCode(value: string): boolean {
  const match = /^([a-z]{2})-([A-Z]{2})$/.exec(value);
  return match !== null && isLanguageCode(match[1]) && isCountryCode(match[2]);
}

/** A phone number as people write it: digits, spaces, + - ( ) / . and at least 5 digits. */
export const isPhoneNumber = (value: string): boolean => /^\+?[0-9 ()\-/.]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 5;

/** A calendar date YYYY-MM-DD that exists, in the years 1900..9999 (no business date is older; year 0 doesn't exist). */
export function isCalendarDate(value: string): boolean {
  if (!/^(19|[2-9]\d)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * A decimal that fits numeric(precision, scale) and lies in [min, max]: compared as text, never
 * as a float, so "0.1" and "100.00" are exactly what they say.
 */
export function decimalProblem(value: string, options: { precision: number; scale: number; min?: string; max?: string }): string | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return "Must be a decimal number such as 1234.50";
  const [, , whole, fraction = ""] = match;
  if (fraction.replace(/0+$/, "").length > options.scale) return `At most ${options.scale} decimal places`;
  if (whole.replace(/^0+(?=\d)/, "").length > options.precision - options.scale) return "Too large";
  if (options.min !== undefined && compareDecimals(value, options.min) < 0) return `Must be at least ${options.min}`;
  if (options.max !== undefined && compareDecimals(value, options.max) > 0) return `Must be at most ${options.max}`;
  return null;
}

const fractionDigits = (value: string): number => value.split(".")[1]?.length ?? 0;

/** A decimal string as an integer count of 10^-scale units. */
function scaled(value: string, scale: number): bigint {
  const negative = value.startsWith("-");
  const [whole, fraction = ""] = value.replace(/^-/, "").split(".");
  const units = BigInt(whole + fraction.padEnd(scale, "0"));
  return negative ? -units : units;
}

/** Compares two decimal strings exactly (-1, 0, 1). */
export function compareDecimals(a: string, b: string): number {
  const scale = Math.max(fractionDigits(a), fractionDigits(b));
  const x = scaled(a, scale);
  const y = scaled(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}
