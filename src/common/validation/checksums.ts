/**
 * Check-digit and format validation of the identifiers the gateway stores: org numbers (SE, FI, NO,
 * DK, NL), Swedish personnummer, IBAN, BIC, Swedish bankgiro/plusgiro and EU VAT numbers.
 *
 * Everything here is pure and synchronous: validators return booleans and never throw, normalisers
 * and formatters are total (they return their input unchanged when it is not in the expected shape).
 */

// ---------------------------------------------------------------------------------------------------
// Generic helpers
// ---------------------------------------------------------------------------------------------------

/** Org number as stored: digits and ASCII letters only, uppercase ("556036-0793" -> "5560360793"). */
export function normaliseOrgNumber(raw: string | null | undefined): string {
  return (raw ?? "").replace(/[^0-9A-Za-z]/g, "").toUpperCase();
}

const digitsOf = (value: string): number[] => Array.from(value, (c) => c.charCodeAt(0) - 48);

/** Luhn (mod 10) check over a digit string, the last digit being the check digit. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The Luhn check digit to append to `payload` (digits only). */
export function luhnCheckDigit(payload: string): number {
  if (!/^\d+$/.test(payload)) throw new Error("luhnCheckDigit: payload must be digits");
  return (10 - (luhnSum(payload, true) % 10)) % 10;
}

/** Luhn sum from the right; `doubleFirst` when the rightmost digit is to be doubled (payload without check digit). */
function luhnSum(digits: string, doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

const weightedSum = (digits: string, weights: readonly number[]): number =>
  digitsOf(digits).reduce((sum, d, i) => sum + d * weights[i], 0);

const stripSpacesAndDashes = (raw: string | null | undefined): string => (raw ?? "").replace(/[\s-]/g, "");

// ---------------------------------------------------------------------------------------------------
// Sweden
// ---------------------------------------------------------------------------------------------------

/**
 * Swedish organisationsnummer: 10 digits (dash allowed), Luhn over all 10, and a third digit of
 * at least 2 (the "month" 20 or more), which is what tells it from a personnummer (Bolagsverket).
 */
export function isValidSwedishOrgNumber(raw: string | null | undefined): boolean {
  const value = (raw ?? "").trim();
  if (!/^\d{2}[2-9]\d{3}-?\d{4}$/.test(value)) return false;
  return isLuhnValid(value.replace("-", ""));
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** A real date; `day` may be a samordningsnummer day (day + 60). */
function isPersonalNumberDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12) return false;
  const realDay = day > 60 ? day - 60 : day;
  return realDay >= 1 && realDay <= daysInMonth(year, month);
}

/**
 * Swedish personnummer (or samordningsnummer, day + 60): YYMMDD-XXXX, YYMMDD+XXXX, YYMMDDXXXX,
 * YYYYMMDD-XXXX or YYYYMMDDXXXX. Luhn over the last 10 digits; the date part must be a real date
 * (for the 10-digit form in either the 1900s or the 2000s, the century being unknown).
 */
export function isValidSwedishPersonalNumber(raw: string | null | undefined): boolean {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})$/.exec((raw ?? "").trim());
  if (!m) return false;
  const [, century, yy, mm, dd, last4] = m;
  if (!isLuhnValid(`${yy}${mm}${dd}${last4}`)) return false;
  const month = Number(mm);
  const day = Number(dd);
  if (century !== undefined) {
    if (!["18", "19", "20"].includes(century)) return false;
    return isPersonalNumberDate(Number(century + yy), month, day);
  }
  return isPersonalNumberDate(1900 + Number(yy), month, day) || isPersonalNumberDate(2000 + Number(yy), month, day);
}

/**
 * Whether a value carries a Swedish personnummer, however it is written: its digits (separators,
 * spaces and letters aside) are one (10 or 12 digits), or a sole trader's VAT number around one
 * (the 10 digits and 01, as in SE8112189876 01). A caller without clients:pii may not write such a
 * value, so that no check ever compares what it sends with a personnummer it may not see.
 */
export function carriesSwedishPersonalNumber(raw: string | null | undefined): boolean {
  const digits = (raw ?? "").replace(/\D/g, "");
  if (isValidSwedishPersonalNumber(digits)) return true;
  return digits.length === 12 && digits.endsWith("01") && isValidSwedishPersonalNumber(digits.slice(0, 10));
}

/** Swedish bankgiro number: 7 or 8 digits (spaces/dash allowed), Luhn. */
export function isValidBankgiro(raw: string | null | undefined): boolean {
  const value = stripSpacesAndDashes(raw);
  return /^\d{7,8}$/.test(value) && isLuhnValid(value);
}

/** Swedish plusgiro number: 2 to 8 digits (spaces/dash allowed), Luhn. */
export function isValidPlusgiro(raw: string | null | undefined): boolean {
  const value = stripSpacesAndDashes(raw);
  return /^\d{2,8}$/.test(value) && isLuhnValid(value);
}

/** Bankgiro display: 123-4567 or 1234-5678. */
export function formatBankgiro(raw: string): string {
  const value = stripSpacesAndDashes(raw);
  if (!/^\d{7,8}$/.test(value)) return raw;
  return `${value.slice(0, value.length - 4)}-${value.slice(-4)}`;
}

/** Plusgiro display: the check digit after a dash, the rest in pairs from the right (12 34 56-7). */
export function formatPlusgiro(raw: string): string {
  const value = stripSpacesAndDashes(raw);
  if (!/^\d{2,8}$/.test(value)) return raw;
  const body = value.slice(0, -1);
  const pairs: string[] = [];
  for (let end = body.length; end > 0; end -= 2) pairs.unshift(body.slice(Math.max(0, end - 2), end));
  return `${pairs.join(" ")}-${value.slice(-1)}`;
}

// ---------------------------------------------------------------------------------------------------
// Finland, Norway, Denmark, the Netherlands
// ---------------------------------------------------------------------------------------------------

const FI_WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

/** Check digit of a Finnish Y-tunnus for its first 7 digits, or null when no valid check digit exists. */
export function finnishBusinessIdCheckDigit(first7: string): number | null {
  if (!/^\d{7}$/.test(first7)) return null;
  const r = weightedSum(first7, FI_WEIGHTS) % 11;
  if (r === 0) return 0;
  if (r === 1) return null;
  return 11 - r;
}

/** Finnish business id (Y-tunnus): 1234567-8 (dash optional), weights 7,9,10,5,8,4,2 mod 11. */
export function isValidFinnishBusinessId(raw: string | null | undefined): boolean {
  const m = /^(\d{7})-?(\d)$/.exec((raw ?? "").trim());
  if (!m) return false;
  return finnishBusinessIdCheckDigit(m[1]) === Number(m[2]);
}

const NO_ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Check digit of a Norwegian organisasjonsnummer for its first 8 digits, or null (remainder 1). */
export function norwegianOrgNumberCheckDigit(first8: string): number | null {
  if (!/^\d{8}$/.test(first8)) return null;
  const r = weightedSum(first8, NO_ORG_WEIGHTS) % 11;
  if (r === 0) return 0;
  const check = 11 - r;
  return check === 10 ? null : check;
}

/** Norwegian organisasjonsnummer: 9 digits (spaces allowed), weights 3,2,7,6,5,4,3,2 mod 11. */
export function isValidNorwegianOrgNumber(raw: string | null | undefined): boolean {
  const value = (raw ?? "").replace(/\s/g, "");
  if (!/^\d{9}$/.test(value)) return false;
  return norwegianOrgNumberCheckDigit(value.slice(0, 8)) === Number(value[8]);
}

const NO_ACCOUNT_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Check digit of a Norwegian bank account number for its first 10 digits (MOD11), or null. */
export function norwegianAccountCheckDigit(first10: string): number | null {
  if (!/^\d{10}$/.test(first10)) return null;
  const r = weightedSum(first10, NO_ACCOUNT_WEIGHTS) % 11;
  if (r === 0) return 0;
  const check = 11 - r;
  return check === 10 ? null : check;
}

/** Norwegian bank account number: 11 digits (1234.56.78903; dots/spaces allowed), MOD11. */
export function isValidNorwegianBankAccount(raw: string | null | undefined): boolean {
  const value = (raw ?? "").replace(/[\s.]/g, "");
  if (!/^\d{11}$/.test(value)) return false;
  return norwegianAccountCheckDigit(value.slice(0, 10)) === Number(value[10]);
}

const DK_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** The 8th digit making a Danish CVR number valid for its first 7 digits, or null when none does. */
export function danishCvrCheckDigit(first7: string): number | null {
  if (!/^\d{7}$/.test(first7)) return null;
  const check = (11 - (weightedSum(first7, DK_WEIGHTS) % 11)) % 11;
  return check === 10 ? null : check;
}

/** Danish CVR number: 8 digits (spaces allowed), weights 2,7,6,5,4,3,2,1, sum mod 11 == 0. */
export function isValidDanishCvr(raw: string | null | undefined): boolean {
  const value = (raw ?? "").replace(/\s/g, "");
  if (!/^\d{8}$/.test(value) || value[0] === "0") return false;
  return weightedSum(value, DK_WEIGHTS) % 11 === 0;
}

/** Dutch KvK (Chamber of Commerce) number: 8 digits, no check digit. */
export function isValidKvkNumber(raw: string | null | undefined): boolean {
  return /^\d{8}$/.test((raw ?? "").replace(/\s/g, ""));
}

// ---------------------------------------------------------------------------------------------------
// Org number dispatch and display
// ---------------------------------------------------------------------------------------------------

export interface OrgNumberOptions {
  /**
   * SE only. true: a person (sole trader), the number must be a personnummer/samordningsnummer;
   * false: an organisationsnummer; undefined: either.
   */
  individual?: boolean;
}

/**
 * Validate an org number of the given country (raw, any punctuation). SE, FI, NO, DK and NL are
 * checked by their algorithms; other or unknown countries accept 1..32 letters/digits.
 */
export function isValidOrgNumber(
  countryCode: string | null | undefined,
  raw: string | null | undefined,
  options: OrgNumberOptions = {},
): boolean {
  const value = normaliseOrgNumber(raw);
  if (value === "") return false;
  switch ((countryCode ?? "").trim().toUpperCase()) {
    case "SE":
      if (options.individual === true) return isValidSwedishPersonalNumber(value);
      if (options.individual === false) return isValidSwedishOrgNumber(value);
      return isValidSwedishOrgNumber(value) || isValidSwedishPersonalNumber(value);
    case "FI":
      return isValidFinnishBusinessId(value);
    case "NO":
      return isValidNorwegianOrgNumber(value);
    case "DK":
      return isValidDanishCvr(value);
    case "NL":
      return isValidKvkNumber(value);
    default:
      return value.length <= 32;
  }
}

/**
 * The country's usual display of a normalised org number: SE 556677-8899 (12-digit personnummer
 * YYYYMMDD-XXXX), FI 1234567-8, NO 123 456 789, DK and NL as is. Anything else is returned as is.
 */
export function formatOrgNumber(countryCode: string | null | undefined, normalised: string): string {
  const value = normalised;
  switch ((countryCode ?? "").trim().toUpperCase()) {
    case "SE":
      if (/^\d{10}$/.test(value)) return `${value.slice(0, 6)}-${value.slice(6)}`;
      if (/^\d{12}$/.test(value)) return `${value.slice(0, 8)}-${value.slice(8)}`;
      return value;
    case "FI":
      return /^\d{8}$/.test(value) ? `${value.slice(0, 7)}-${value.slice(7)}` : value;
    case "NO":
      return /^\d{9}$/.test(value) ? `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}` : value;
    default:
      return value;
  }
}

// ---------------------------------------------------------------------------------------------------
// IBAN and BIC
// ---------------------------------------------------------------------------------------------------

/** IBAN length per country (SWIFT IBAN registry): all EU/EEA members, GB, CH and a few neighbours. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AL: 28, AT: 20, BA: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
  ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GI: 23, GL: 18, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26,
  IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, ME: 22, MK: 19, MT: 31, NL: 18, NO: 15, PL: 28,
  PT: 25, RO: 24, RS: 22, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26, UA: 29, VA: 22, XK: 20,
};

/** Electronic form: no spaces, uppercase. */
export function normaliseIban(raw: string | null | undefined): string {
  return (raw ?? "").replace(/\s/g, "").toUpperCase();
}

/** Paper form: groups of four ("GB82 WEST 1234 5698 7654 32"). */
export function formatIban(raw: string): string {
  return normaliseIban(raw).replace(/(.{4})(?=.)/g, "$1 ");
}

/** ISO 7064 MOD 97-10 remainder of an alphanumeric string (letters A=10 .. Z=35), chunked. */
function mod97(value: string): number {
  let remainder = 0;
  for (const char of value) {
    const code = char.charCodeAt(0);
    const chunk = code >= 65 ? String(code - 55) : char;
    for (const digit of chunk) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder;
}

/** The two IBAN check digits for a country and BBAN. */
export function ibanCheckDigits(countryCode: string, bban: string): string {
  const check = 98 - mod97(`${bban}${countryCode}00`.toUpperCase());
  return String(check).padStart(2, "0");
}

/** Build an IBAN (electronic form) from country and BBAN. */
export function composeIban(countryCode: string, bban: string): string {
  const country = countryCode.toUpperCase();
  return `${country}${ibanCheckDigits(country, bban)}${bban.toUpperCase()}`;
}

/** IBAN (spaces allowed): known country, that country's length, check digits 02..98, MOD 97 == 1. */
export function isValidIban(raw: string | null | undefined): boolean {
  const iban = normaliseIban(raw);
  const m = /^([A-Z]{2})(\d{2})[A-Z0-9]+$/.exec(iban);
  if (!m) return false;
  const expectedLength = IBAN_LENGTHS[m[1]];
  if (expectedLength === undefined || iban.length !== expectedLength) return false;
  const check = Number(m[2]);
  if (check < 2 || check > 98) return false;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/** BIC / SWIFT code: 4 letters bank, 2 letters country, 2 alnum location, optional 3 alnum branch. */
export function isValidBic(raw: string | null | undefined): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test((raw ?? "").replace(/\s/g, "").toUpperCase());
}

// ---------------------------------------------------------------------------------------------------
// VAT numbers
// ---------------------------------------------------------------------------------------------------

/**
 * VAT number shapes (prefix included, after normaliseVatNumber) of the 27 EU members (Greece is EL),
 * Northern Ireland (XI) and Norway (NO orgnr + MVA; not in VIES).
 */
export const VAT_PATTERNS: Readonly<Record<string, RegExp>> = {
  AT: /^ATU\d{8}$/,
  BE: /^BE[01]\d{9}$/,
  BG: /^BG\d{9,10}$/,
  CY: /^CY\d{8}[A-Z]$/,
  CZ: /^CZ\d{8,10}$/,
  DE: /^DE\d{9}$/,
  DK: /^DK\d{8}$/,
  EE: /^EE\d{9}$/,
  EL: /^EL\d{9}$/,
  ES: /^ES(?:[A-Z]\d{7}[A-Z0-9]|\d{8}[A-Z])$/,
  FI: /^FI\d{8}$/,
  FR: /^FR[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^HR\d{11}$/,
  HU: /^HU\d{8}$/,
  IE: /^IE(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^IT\d{11}$/,
  LT: /^LT(?:\d{9}|\d{12})$/,
  LU: /^LU\d{8}$/,
  LV: /^LV\d{11}$/,
  MT: /^MT\d{8}$/,
  NL: /^NL\d{9}B\d{2}$/,
  PL: /^PL\d{10}$/,
  PT: /^PT\d{9}$/,
  RO: /^RO[1-9]\d{1,9}$/,
  SE: /^SE\d{10}01$/,
  SI: /^SI\d{8}$/,
  SK: /^SK\d{10}$/,
  XI: /^XI(?:\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
  NO: /^NO\d{9}MVA$/,
};

/** The VAT prefix of a country: the country code, except Greece (GR) which is EL. */
export function vatPrefix(countryCode: string): string {
  const country = countryCode.trim().toUpperCase();
  return country === "GR" ? "EL" : country;
}

/**
 * Uppercase, without spaces, dots and dashes; with the country's VAT prefix prepended when a
 * country is given and the number does not start with it ("556036-0793 01", "SE" -> "SE556036079301").
 */
export function normaliseVatNumber(raw: string | null | undefined, countryCode?: string | null): string {
  const value = (raw ?? "").replace(/[\s.\-]/g, "").toUpperCase();
  if (!countryCode || value === "") return value;
  const prefix = vatPrefix(countryCode);
  return value.startsWith(prefix) ? value : `${prefix}${value}`;
}

export interface VatNumberOptions {
  /** Also verify the embedded org number's check digit where it is known (SE, FI, DK, NO). Default true. */
  checksum?: boolean;
}

/**
 * A VAT number of the shape of its country (see VAT_PATTERNS). With `countryCode` the number may
 * omit the prefix but must not carry another country's. With `checksum` (default) the embedded
 * org numbers of SE, FI, DK and NO must pass their check-digit algorithms.
 */
export function isValidVatNumber(
  raw: string | null | undefined,
  countryCode?: string | null,
  options: VatNumberOptions = {},
): boolean {
  const value = normaliseVatNumber(raw, countryCode);
  const prefix = value.slice(0, 2);
  if (countryCode && prefix !== vatPrefix(countryCode)) return false;
  const pattern = VAT_PATTERNS[prefix];
  if (!pattern || !pattern.test(value)) return false;
  if (options.checksum === false) return true;
  switch (prefix) {
    case "SE": {
      // A company's organisationsnummer, or a sole trader's personnummer (10 digits).
      const embedded = value.slice(2, 12);
      return isValidSwedishOrgNumber(embedded) || isValidSwedishPersonalNumber(embedded);
    }
    case "FI":
      return isValidFinnishBusinessId(value.slice(2));
    case "DK":
      return isValidDanishCvr(value.slice(2));
    case "NO":
      return isValidNorwegianOrgNumber(value.slice(2, 11));
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------------------------------
// Stored form of an org number
// ---------------------------------------------------------------------------------------------------

/**
 * The form an org number is stored in, so that one company or person has one key whatever way it
 * was typed: letters and digits only; in Sweden a personnummer with its century (12 digits:
 * YYMMDD-XXXX is under 100 years old,
 * YYMMDD+XXXX 100 or more, as the Swedish Tax Agency writes them). Assumes the value is valid.
 */
export function canonicalOrgNumber(
  countryCode: string | null | undefined,
  raw: string,
  options: OrgNumberOptions = {},
  today: Date = new Date(),
): string {
  const value = normaliseOrgNumber(raw);
  if ((countryCode ?? "").trim().toUpperCase() !== "SE") return value;
  const personal = options.individual === true || (options.individual === undefined && !isValidSwedishOrgNumber(value));
  if (!personal || value.length !== 10) return value;
  const centenarian = raw.includes("+");
  const yy = Number(value.slice(0, 2));
  const thisYear = today.getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + yy;
  if (year > thisYear) year -= 100;
  if (centenarian) year -= 100;
  return `${year}`.slice(0, 2) + value;
}

// ---------------------------------------------------------------------------------------------------
// LEI and GLN
// ---------------------------------------------------------------------------------------------------

/** Legal Entity Identifier (ISO 17442): 18 letters/digits and 2 check digits, mod 97 = 1 (as IBAN). */
export function isValidLei(raw: string | null | undefined): boolean {
  const value = (raw ?? "").replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z0-9]{18}\d{2}$/.test(value)) return false;
  let remainder = 0;
  for (const ch of value) {
    const code = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** GS1 Global Location Number: 13 digits, the last a GS1 mod-10 check digit (weights 1,3 from the left). */
export function isValidGln(raw: string | null | undefined): boolean {
  const value = (raw ?? "").replace(/\s/g, "");
  if (!/^\d{13}$/.test(value)) return false;
  const sum = Array.from(value.slice(0, 12), Number).reduce((acc, digit, i) => acc + digit * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === Number(value[12]);
}

/** A bigint key as GraphQL sends it (an ID string of at most 18 digits). */
export const isBigintId = (value: string): boolean => /^\d{1,18}$/.test(value);
