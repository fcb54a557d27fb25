import fc from "fast-check";
import {
  composeIban,
  danishCvrCheckDigit,
  finnishBusinessIdCheckDigit,
  formatIban,
  IBAN_LENGTHS,
  luhnCheckDigit,
  norwegianOrgNumberCheckDigit,
} from "../src/common/validation/checksums";
import { isEmailAddress } from "../src/common/validation/formats";
import { createClients, fullGraph } from "./helpers/fixtures";
import { dataOf, GraphQLResponse, TestGateway } from "./helpers/harness";
import { WRITER } from "./helpers/mutations";

/**
 * Property-based fuzzing of the mutation inputs and of the clients query's filters: at least
 * 10,000 generated inputs, valid-looking and hostile mixed, sent as aliased operations (12
 * mutations or 10 clients queries per request, a few requests at a time). For every response: no
 * INTERNAL_SERVER_ERROR or SERVICE_UNAVAILABLE, never HTTP 5xx, and every mutation returns its
 * payload (or the whole request is refused as BAD_USER_INPUT / QUERY_TOO_COMPLEX). Afterwards no
 * org number, personnummer, email, phone number or IBAN that was sent is in the logs in clear.
 *
 * Reproduce a run with FUZZ_SEED=<seed> (printed in every failure message).
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 0x7fffffff);
const MUTATION_REQUESTS = 720;
const MUTATION_ALIASES = 12;
const QUERY_REQUESTS = 180;
const QUERY_ALIASES = 10;
/** Requests in flight at once. */
const CONCURRENCY = 4;
const MIN_INPUTS = 10_000;

type Vars = Record<string, unknown>;
type Arb<T = unknown> = fc.Arbitrary<T>;

// ---------------------------------------------------------------------------------------------------
// Personal data: every generated value is registered, so that what was actually sent can be looked
// for in the logs afterwards.
// ---------------------------------------------------------------------------------------------------

type PiiKind = "org number" | "personnummer" | "email" | "phone" | "IBAN";

/** A sent string (or a number's text) -> the personal data it holds. */
const piiIn = new Map<string, Map<string, PiiKind>>();

function registerPii(carrier: string, value: string, kind: PiiKind): void {
  const digits = value.replace(/\D/g, "").length;
  const counts = kind === "email" ? isEmailAddress(value) : digits >= 6;
  if (!counts) return;
  let held = piiIn.get(carrier);
  if (!held) piiIn.set(carrier, (held = new Map()));
  held.set(value, kind);
}

const pii = (kind: PiiKind) => (arb: Arb<string>): Arb<string> =>
  arb.map((value) => {
    registerPii(value, value, kind);
    return value;
  });

const digitString = (min: number, max: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
const digitsOfLength = (n: number) => digitString(n, n);
const pad = (n: number, width: number) => String(n).padStart(width, "0");

const swedishOrgNumber = pii("org number")(
  fc
    .tuple(digitsOfLength(2), fc.integer({ min: 2, max: 9 }), digitsOfLength(6), fc.boolean(), fc.constantFrom("plain", "dash", "century", "vat", "spaced"))
    .map(([a, b, c, valid, format]) => {
      const payload = `${a}${b}${c}`;
      const check = valid ? luhnCheckDigit(payload) : (luhnCheckDigit(payload) + 1) % 10;
      const value = `${payload}${check}`;
      switch (format) {
        case "dash": return `${value.slice(0, 6)}-${value.slice(6)}`;
        case "century": return `16${value}`;
        case "vat": return `SE${value}01`;
        case "spaced": return `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}`;
        default: return value;
      }
    }),
);

const personnummer = pii("personnummer")(
  fc
    .tuple(
      fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2025-12-31T00:00:00Z"), noInvalidDate: true }),
      digitsOfLength(3),
      fc.boolean(),
      fc.boolean(),
      fc.constantFrom("YYMMDD-NNNN", "YYMMDDNNNN", "YYYYMMDD-NNNN", "YYYYMMDDNNNN", "YYMMDD+NNNN"),
    )
    .map(([date, serial, coordination, valid, format]) => {
      const yyyy = pad(date.getUTCFullYear(), 4);
      const mm = pad(date.getUTCMonth() + 1, 2);
      const dd = pad(date.getUTCDate() + (coordination ? 60 : 0), 2);
      const payload = `${yyyy.slice(2)}${mm}${dd}${serial}`;
      const check = valid ? luhnCheckDigit(payload) : (luhnCheckDigit(payload) + 3) % 10;
      const last4 = `${serial}${check}`;
      const yy = yyyy.slice(2);
      return format
        .replace("YYYY", yyyy)
        .replace("YY", yy)
        .replace("MM", mm)
        .replace("DD", dd)
        .replace("NNNN", last4);
    }),
);

const nordicOrgNumber = pii("org number")(
  fc.oneof(
    digitsOfLength(7).map((d) => `${d}-${finnishBusinessIdCheckDigit(d) ?? 0}`),
    digitsOfLength(8).map((d) => {
      const value = `${d}${norwegianOrgNumberCheckDigit(d) ?? 0}`;
      return `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}`;
    }),
    digitsOfLength(8).map((d) => `NO${d}${norwegianOrgNumberCheckDigit(d) ?? 0}MVA`),
    fc.integer({ min: 1, max: 9 }).chain((first) => digitsOfLength(6).map((d) => `${first}${d}${danishCvrCheckDigit(`${first}${d}`) ?? 0}`)),
    digitsOfLength(8),
    fc.tuple(digitString(6, 14), fc.constantFrom("", "-", " ", ".", "/")).map(([d, sep]) => d.replace(/(\d{3})(?=\d)/g, `$1${sep}`)),
  ),
);

const orgNumber = fc.oneof({ arbitrary: swedishOrgNumber, weight: 3 }, { arbitrary: personnummer, weight: 2 }, { arbitrary: nordicOrgNumber, weight: 2 });

const email = pii("email")(
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom("anna", "erik.svensson", "billing", "o'neil", "faktura+2026", "info", "A.B-C_d", "x", "Jörgen"),
          fc.constantFrom("example.se", "acme.example", "mail.sub.example.co.uk", "EXAMPLE.COM", "exämple.fi", "firma.museum", "pec.it"),
        )
        .map(([local, domain]) => `${local}@${domain}`),
    },
    { weight: 2, arbitrary: fc.emailAddress() },
    { weight: 1, arbitrary: fc.constantFrom("ops@intranet", "admin@localhost", "x@y.z", "\"quoted name\"@example.com", "anna@[192.168.0.1]") },
  ),
);

const phone = pii("phone")(
  fc
    .tuple(
      fc.constantFrom("+46 ", "0046", "0", "+358 ", "+47 ", "+1 ", "+44 (0)", ""),
      fc.array(digitString(2, 4), { minLength: 2, maxLength: 4 }),
      fc.constantFrom(" ", "-", "", ".", "/"),
    )
    .map(([prefix, groups, sep]) => `${prefix}${groups.join(sep)}`),
);

const IBAN_COUNTRIES = Object.keys(IBAN_LENGTHS);
/** IBANs of every country the gateway knows: valid, in paper form, lower case, or with wrong check digits. */
const iban = pii("IBAN")(
  fc
    .tuple(fc.constantFrom(...IBAN_COUNTRIES), fc.string({ unit: fc.constantFrom(..."0123456789012345678901234567890123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), minLength: 30, maxLength: 30 }), fc.constantFrom("electronic", "paper", "lower", "broken"))
    .map(([country, chars, format]) => {
      const bban = chars.slice(0, IBAN_LENGTHS[country] - 4);
      const valid = composeIban(country, bban);
      switch (format) {
        case "paper": return formatIban(valid);
        case "lower": return valid.toLowerCase();
        case "broken": return `${valid.slice(0, 2)}${valid[2] === "9" ? "1" : "9"}${valid.slice(3)}`;
        default: return valid;
      }
    }),
);
/** Not IBANs (too short, unknown country): hostile values for IBAN fields, not personal data. */
const nearIban = fc.oneof(iban.map((value) => value.replace(/\s/g, "").slice(0, -3)), fc.constantFrom("XX00123456789", "SE00", "GB82 WEST", "SE45 5000 0000 0583 9825 746"));

const personalData: Arb<string> = fc.oneof(orgNumber, email, phone, iban);

/** Personal data inside other text ("Call 070-123 45 67 today"). */
const embeddedPersonalData: Arb<string> = fc
  .tuple(fc.constantFrom("", "Ring ", "See: ", "nr ", "<", "("), personalData, fc.constantFrom("", " tack", ".", ">", ")", " ok"))
  .map(([before, value, after]) => {
    const carrier = `${before}${value}${after}`;
    for (const [held, kind] of piiIn.get(value) ?? []) registerPii(carrier, held, kind);
    return carrier;
  });

// ---------------------------------------------------------------------------------------------------
// Hostile and odd values
// ---------------------------------------------------------------------------------------------------

const ODD_DATES = [
  "2026-02-30", "2026-13-01", "0000-01-01", "0001-01-01", "1899-12-31", "9999-12-31", "10000-01-01", "2026-1-1", "01/02/2026",
  "20260101", "2026-01-01T00:00:00Z", "+275760-09-13", "-0001-01-01", "1970-01-01", "yesterday", "2026-02-29", "2024-02-29",
];
const ODD_INSTANTS = [
  "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "2026-01-01t00:00:00z",
  "2026-01-01T00:00:00+14:00", "2026-01-01T00:00:00-12:00", "1969-12-31T23:59:59.9999999999+23:59", "2026-02-30T00:00:00Z",
  "2026-01-01T24:00:00Z", "2026-01-01", "+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00Z", "2026-01-01T00:00:00",
];
const NUMBERS_AS_TEXT = ["0", "-0", "00", "1e309", "-1e-309", "NaN", "Infinity", "0x1F", "١٢٣", "１２", "9223372036854775808", "-2147483649", "1,5", "1.5e3", " 7 "];
const ENUM_LIKE = ["SE_AKTIEBOLAG", "BUSINESS", "INDIVIDUAL", "SEK", "sek", "EUR", "XXX", "XTS", "BTC", "EURO", "€", "null", "undefined", "true", "NaN", "[]", "{}"];
const COUNTRIES = ["SE", "se", "FI", "NO", "DK", "NL", "DE", "IT", "GB", "XX", "ZZ", "EU", "S", "SWE", "ÅÄ", "", " SE", "UK"];
const CURRENCIES = ["SEK", "sek", "EUR", "NOK", "DKK", "USD", "XXX", "XTS", "BTC", "EURO", "SEKK", "", "€", "S€K"];
const INJECTIONS = [
  "'; DROP TABLE client; --", "%", "_", "\\", "%_\\", "\\%", "' OR '1'='1", "$1", "::text", "<script>alert(1)</script>", "${jndi:ldap://x}",
  "{\"a\":1}", "[]", "\u202Eevil", "\uFEFF", "\u200B", "\u2028", "\u00A0", " ", "\t\n", "", "   ", "a\rb", "🙂".repeat(3), "e\u0301",
];

const loneSurrogates = fc.array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 4 }).map((codes) => `x${String.fromCharCode(...codes)}y`);
/**
 * Around and over the fields' limits (20 .. 40,000 characters; 40,000 emoji once stalled the
 * log's redaction for 26 s). Longer ones add little and could push a request over the 1 MB limit.
 */
const longString = fc
  .tuple(fc.constantFrom(20, 32, 50, 51, 80, 81, 255, 256, 320, 321, 2000, 4001, 10_001, 40_000), fc.constantFrom("x", "ä", "😀", "0", " ", "%"))
  .map(([n, c]) => c.repeat(n));

const hostileString: Arb<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: loneSurrogates },
  { weight: 1, arbitrary: longString },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS_AS_TEXT, ...ODD_DATES, ...ODD_INSTANTS) },
  { weight: 2, arbitrary: fc.constantFrom(...ENUM_LIKE, ...COUNTRIES, ...CURRENCIES) },
  { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: personalData },
  { weight: 2, arbitrary: embeddedPersonalData },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** A String field: mostly plausible, often hostile, sometimes null. */
const str = (plausible: Arb<string> = fc.string({ minLength: 1, maxLength: 40 })): Arb<string | null> =>
  fc.oneof({ weight: 5, arbitrary: plausible }, { weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: fc.constant(null) });

const INT_EDGES = [0, -1, 1, 12, 30, 100, 1200, 1201, 3650, 3651, 32767, 32768, 2147483647, -2147483648, 999999];
const int = (plausible: Arb<number> = fc.integer({ min: 0, max: 1000 })): Arb<number | null> =>
  fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 2, arbitrary: fc.constantFrom(...INT_EDGES) }, { weight: 1, arbitrary: fc.integer({ min: -2147483648, max: 2147483647 }) }, { weight: 1, arbitrary: fc.constant(null) });

const bool: Arb<boolean | null> = fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant(null) });

const enumOf = (...values: string[]): Arb<string | null> => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constant(null) });

/** A Decimal: always the scalar's shape (up to 20 digits, 10 decimals), but any size and sign. */
const decimalText: Arb<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("0", "0.00", "-0", "1", "100", "250000.00", "-1", "1.005", "100.5", "100.00", "0.01", "-100", "-100.01", "101", "99.99", "1200", "32767") },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.boolean(), digitString(1, 20), fc.option(digitString(1, 10), { nil: undefined }))
      .map(([negative, whole, fraction]) => `${negative ? "-" : ""}${whole}${fraction === undefined ? "" : `.${fraction}`}`),
  },
  { weight: 1, arbitrary: fc.constantFrom("99999999999999999999.9999999999", "-99999999999999999999", "00000000000000000001.0000000001", "12345678901234567.89") },
);
const dec: Arb<string | null> = fc.oneof({ weight: 6, arbitrary: decimalText }, { weight: 1, arbitrary: fc.constant(null) });

const calendarDate: Arb<string> = fc
  .date({ min: new Date("1890-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateText = str(fc.oneof({ weight: 3, arbitrary: calendarDate }, { weight: 2, arbitrary: fc.constantFrom(...ODD_DATES) }));

/** An instant that the DateTime scalar (mostly) accepts: any year 0000..9999, odd offsets. */
const isoInstant: Arb<string> = fc.oneof(
  { weight: 4, arbitrary: fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_INSTANTS) },
  { weight: 1, arbitrary: fc.constantFrom("2026-01-01T00:00:00Z", new Date().toISOString()) },
);
const instantText = str(isoInstant);
/** An instant the DateTime scalar accepts: mostly recent, sometimes of any year 0000..9999. */
const recentInstant: Arb<string> = fc.oneof(
  { weight: 8, arbitrary: fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom("0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z") },
);

const country = str(fc.constantFrom(...COUNTRIES));
const currency = str(fc.constantFrom(...CURRENCIES));
const url = str(fc.oneof(fc.webUrl(), fc.constantFrom("ftp://files.example", "javascript:alert(1)", "https://", "http://localhost:0", "https://exa mple.se")));
const base64 = str(fc.oneof(fc.base64String({ maxLength: 200 }), fc.constantFrom("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "not base64!", "=")));
const gln = str(fc.oneof(digitsOfLength(13).map((d) => `${d.slice(0, 12)}${luhnCheckDigit(d.slice(0, 12))}`), digitString(1, 14)));
const lei = str(fc.constantFrom("5493001KJTIIGC8Y1R12", "5493001KJTIIGC8Y1R13", "ABCDEFGHIJKLMNOPQRST", "529900T8BM49AURSDO55"));
const culture = str(fc.constantFrom("sv-SE", "fi-FI", "nb-NO", "en", "xx-YY", "sv_SE", "SV-se", "sv-SE-x-private"));
const language = str(fc.constantFrom("sv", "fi", "en", "xx", "SV", "swe", "qq"));
const orgText = str(orgNumber);
const emailText = str(email);
const phoneText = str(phone);
const ibanText = str(fc.oneof({ weight: 4, arbitrary: iban }, { weight: 1, arbitrary: nearIban }));
const vatNumber = str(fc.oneof(swedishOrgNumber.map((o) => `SE${o.replace(/\D/g, "").slice(-10)}01`), fc.constantFrom("DE123456789", "FI12345678", "XX123", "SE", "IT12345678901"), nordicOrgNumber));
const bankgiroText = str(
  fc.oneof(
    digitsOfLength(7).map((d) => `${d}${luhnCheckDigit(d)}`).map((v) => `${v.slice(0, 4)}-${v.slice(4)}`),
    digitString(2, 16),
    iban,
  ),
);

const CLIENT_TYPES = ["BUSINESS", "INDIVIDUAL"];
const CUSTOMER_TYPES = ["BUSINESS", "INDIVIDUAL", "SWEDISH_BUSINESS", "EU_BUSINESS"];
const COMPANY_TYPES = ["SE_AKTIEBOLAG", "SE_HANDELSBOLAG_KOMMANDITBOLAG", "FI_OSAKEYHTIO", "NL_BESLOTEN_VENNOOTSCHAP", "GB_LIMITED_COMPANY", "SE_STIFTELSE_IDEELL_FORENING"];
const ACCOUNT_CLASSES = ["DK_BANKGIRO", "FI_BANK_ACCOUNT", "FOREIGN_BANK_ACCOUNT", "NL_BANK_ACCOUNT", "NO_BANKGIRO", "NO_BANK_ACCOUNT", "SE_BANKGIRO", "SE_BANK_ACCOUNT", "SE_PLUSGIRO", "UNKNOWN"];
const MANDATE_TYPES = ["DUTCH_INCASSO", "SEPA_BUSINESS_ONE_OFF", "SEPA_BUSINESS_RECURRING", "SEPA_CONSUMER_ONE_OFF", "SEPA_CONSUMER_RECURRING", "SWEDISH_AUTOGIRO"];

/** Some of the fields (usually a few, sometimes all of them). */
function partial(fields: Record<string, Arb>, options: { always?: string[] } = {}): Arb<Vars> {
  const keys = Object.keys(fields).filter((k) => !options.always?.includes(k));
  const pick = (max: number) =>
    fc.shuffledSubarray(keys, { minLength: 0, maxLength: Math.min(max, keys.length) }).chain((chosen) =>
      fc.record(Object.fromEntries([...(options.always ?? []), ...chosen].map((k) => [k, fields[k]]))),
    );
  return fc.oneof({ weight: 6, arbitrary: pick(6) }, { weight: 1, arbitrary: pick(keys.length) });
}

// ---------------------------------------------------------------------------------------------------
// Mutation inputs
// ---------------------------------------------------------------------------------------------------

/** Ids: the fixture's own records mostly, else ids that can't exist or aren't ids at all. */
const ids = { clients: [] as string[], bankAccounts: [] as string[], mandates: [] as string[] };
const HOSTILE_IDS = ["0", "-1", "999999999999", "9223372036854775807", "9223372036854775808", "99999999999999999999", "1e3", "0x10", " 1", "1 ", "abc", "", "١٢٣", "1.0", "null"];
const idOf = (pool: () => string[]): Arb<string | number> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.nat().map((n) => pool()[n % pool().length]) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_IDS) },
    { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -5, max: 2147483647 }), fc.constantFrom(1, 2, 3)) },
    { weight: 1, arbitrary: hostileString },
  );
const clientId = idOf(() => ids.clients);
const bankAccountId = idOf(() => ids.bankAccounts);
const mandateId = idOf(() => ids.mandates);

const clientFields: Record<string, Arb> = {
  acronym: str(), active: bool, administrationEmail: emailText, bankAccountId: int(), blocked: bool, cellularPhone: phoneText,
  chartOfAccountTemplate: str(), city: str(fc.constantFrom("Stockholm", "Göteborg", "Malmö", "Helsinki", "Oslo")), clientType: enumOf(...CLIENT_TYPES),
  companyPhone: phoneText, companyType: enumOf(...COMPANY_TYPES), contactPerson: str(), countryCode: country, customerType: enumOf(...CUSTOMER_TYPES), countryCodeOfOperation: country,
  creditLimit: dec, creditLimitCurrency: currency, currencyCode: currency, defaultCultureCode: culture, description: str(), email: emailText,
  glnNumber: gln, groupCompany: int(), groupId: int(), houseNo: str(), houseNoExtension: str(), informalName: str(), intentCode: str(),
  intentDate: dateText, languageCode: language, ledgerType: int(), legalName: str(), leiNumber: lei, linkedin: url, logotype: base64,
  masterPinCode: str(), municipalCode: str(), naceCode: str(), name: str(fc.constantFrom("Acme AB", "Nordic Oy", "Ö & Å Handelsbolag", "X")),
  notes: str(), orgNumber: orgText, parameterTemplate: str(), parentId: fc.oneof(clientId, fc.constant(null)), paymentCondition: str(),
  paymentTermId: int(), paymentTerms: int(fc.integer({ min: 0, max: 3650 })), pec: emailText, phone: phoneText, pricelistTemplate: str(),
  rating: str(fc.constantFrom("AAA", "AA", "B", "C-")), referenceCode: str(), registeredForTax: bool, sdiCode: str(fc.constantFrom("ABC1234", "0000000", "UFY9MH", "SDI12345", "X")),
  stateCode: str(), street: str(), taxReference: str(), vatNumber, vatRate: dec, vatRateId: int(), webLogotype: base64, website: url, zipCode: str(),
};

/** A client that can be valid: Swedish, a company with its org number or a sole trader with a personnummer. */
const plausibleClient: Arb<Vars> = fc.oneof(
  fc.tuple(fc.constantFrom("Acme AB", "Beta Handelsbolag", "Gamma"), swedishOrgNumber, email, phone).map(([name, org, mail, tel]) => ({
    name,
    countryCode: "SE",
    orgNumber: org,
    email: mail,
    phone: tel,
  })),
  fc.tuple(fc.constantFrom("Anna Svensson", "Erik Ek"), personnummer, email).map(([name, number, mail]) => ({
    name,
    clientType: "INDIVIDUAL",
    countryCode: "SE",
    orgNumber: number,
    email: mail,
  })),
);

const createClientInput: Arb<Vars> = fc.oneof({ weight: 2, arbitrary: plausibleClient }, { weight: 5, arbitrary: partial(clientFields, { always: ["name"] }) }, { weight: 2, arbitrary: partial(clientFields) });
const updateClientPatch: Arb<Vars> = partial(clientFields);

const bankAccountFields: Record<string, Arb> = {
  accountBalance: dec, agreementNo: str(), allowDisbursementsFrom: bool, allowDisbursementsTo: bool, allowPayments: enumOf("NETTINGS", "NO", "PAYMENTS"),
  bankAccountClass: enumOf(...ACCOUNT_CLASSES), bankAccountNo: bankgiroText, bankCode: str(), bankDescription: str(), bic: str(fc.constantFrom("ESSESESS", "NDEASESS", "XXXX", "ESSESESSXXX", "essesess")),
  blz: str(digitString(1, 9)), businessAccount: bool, city: str(), countryCode: country, currencyCode: currency, description: str(), iban: ibanText,
  internalCode: str(), ownerType: enumOf("CREDITOR", "DEBTOR", "SHARED", "SOLICITOR"), powerOfAttorney: bool, priority: int(fc.integer({ min: 1, max: 32767 })),
  swift: str(), thirdPartyRemittance: bool, zipCode: str(),
};
const plausibleAccount: Arb<Vars> = fc.oneof(
  iban.map((value) => ({ bankAccountClass: "SE_BANK_ACCOUNT", iban: value })),
  digitsOfLength(7).map((d) => ({ bankAccountClass: "SE_BANKGIRO", bankAccountNo: `${d}${luhnCheckDigit(d)}` })),
);

const mandateFields: Record<string, Arb> = {
  approvedAt: instantText, mandateType: enumOf(...MANDATE_TYPES), receivingBankAccountNo: bankgiroText, referenceNo: str(), requestedAt: instantText,
  sendingBankAccountClass: enumOf(...ACCOUNT_CLASSES), sendingBankAccountNo: bankgiroText, signedAt: instantText, validFrom: dateText, validUntil: dateText,
};

const contractFields: Record<string, Arb> = {
  cancelDate: dateText, contractCancelReason: str(), contractLength: int(fc.integer({ min: 0, max: 1200 })), contractNumber: str(), contractType: int(),
  customerCategory: str(), endDate: dateText, idNumber: orgText, instructions: str(), invoiceDate: dateText, invoiceItem: str(), note: str(),
  periodFee: dec, periodLength: int(fc.integer({ min: 0, max: 1200 })), startDate: dateText,
};

const loanFields: Record<string, Arb> = {
  autoPercent: dec, currencyCode: currency, decisionDate: dateText, interestCode: str(), interestRate: dec, limit: dec, limitFeeAmount: dec,
  limitFeeDate: dateText, limitFeeInterval: int(fc.integer({ min: 0, max: 3650 })), limitFeeInvoiceItem: str(), limitFeePartOfPeriod: bool,
  limitFeePartOfPeriodAmount: dec, limitFeePercentage: dec, maxPercent: dec, note: str(), ourReference: str(), yourReference: str(),
};

const purchaseFields: Record<string, Arb> = {
  active: bool, blockedAccount: str(), blockedAccountInterestCode: str(), blockedAccountInterestRate: dec, blockedAccountTotal: dec, currencyCode: currency,
  customerLimit: dec, decisionDate: dateText, defaultGroupLimit: dec, deposit: str(fc.constantFrom("10%", "5000", "CODE1")),
  financingInterestCalculateFrom: enumOf("BILL_DATE", "DUE_DATE", "PURCHASE_DATE", "RECOURSE_DATE", "REGISTRATION_DATE"),
  financingInterestCalculateTo: enumOf("BILL_DATE", "CLOSURE_DATE", "DUE_DATE", "PURCHASE_DATE", "RECOURSE_DATE", "REGISTRATION_DATE"),
  financingInterestCode: str(), financingInterestFeeInsertTrigger: enumOf("CLOSURE", "FULL_PAYMENT", "PURCHASE", "RECOURSE"), financingInterestRate: dec,
  limit: dec, nonRecourseLimit: dec, note: str(), overInterestAfterDays: int(fc.integer({ min: 0, max: 3650 })), overInterestCode: str(), overInterestRate: dec,
  recourse: bool, recourseDays: int(fc.integer({ min: 0, max: 3650 })), recourseLimit: dec,
};

const pricelistFields: Record<string, Arb> = {
  condition: str(), creditorFeeEvents: bool, currencyCode: currency, isActive: bool, isDefaultPricelist: bool, pricelistName: str(),
  serviceId: int(), templatePricelistId: int(), validFrom: dateText,
};

const parameterFields: Record<string, Arb> = { href: str(), type: str(), value: str() };

const plainString = fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) }, { weight: 2, arbitrary: hostileString });
const optional = <T>(arb: Arb<T>): Arb<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });

interface MutationTarget {
  field: string;
  /** Argument -> GraphQL type, besides idempotencyKey and dryRun. */
  args: Record<string, string>;
  values: Arb<Vars>;
  /** Whether some calls may really write (the others are dry runs). */
  writes: boolean;
  weight: number;
}

const target = (field: string, args: Record<string, [string, Arb]>, weight: number, writes = true): MutationTarget => ({
  field,
  args: Object.fromEntries(Object.entries(args).map(([name, [type]]) => [name, type])),
  values: fc.record(Object.fromEntries(Object.entries(args).map(([name, [, arb]]) => [name, arb]))),
  writes,
  weight,
});

const MUTATIONS: MutationTarget[] = [
  target("createClient", { input: ["CreateClientInput!", createClientInput] }, 8),
  target("updateClient", { id: ["ID!", clientId], patch: ["UpdateClientInput!", updateClientPatch], expectedUpdatedAt: ["DateTime", optional(isoInstant)] }, 8),
  target("bulkCreateClients", {
    inputs: ["[CreateClientInput!]!", fc.oneof({ weight: 8, arbitrary: fc.array(createClientInput, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant(Array.from({ length: 51 }, (_, i) => ({ name: `Bulk ${i}` }))) })],
    allOrNothing: ["Boolean", optional(fc.boolean())],
  }, 3),
  target("createBankAccount", { clientId: ["ID!", clientId], input: ["CreateBankAccountInput!", fc.oneof(plausibleAccount, partial(bankAccountFields))] }, 5),
  target("updateBankAccount", { id: ["ID!", bankAccountId], patch: ["UpdateBankAccountInput!", partial(bankAccountFields)], expectedUpdatedAt: ["DateTime", optional(isoInstant)] }, 4),
  target("deleteBankAccount", { id: ["ID!", bankAccountId] }, 1, false),
  target("createDirectDebitMandate", { clientId: ["ID!", clientId], input: ["CreateDirectDebitMandateInput!", partial(mandateFields)] }, 4),
  target("closeDirectDebitMandate", { id: ["ID!", mandateId], closedAt: ["DateTime", optional(instantText)] }, 2, false),
  target("createClientContract", { clientId: ["ID!", clientId], input: ["CreateClientContractInput!", partial(contractFields)] }, 3),
  target("updateClientContract", { clientId: ["ID!", clientId], patch: ["UpdateClientContractInput!", partial(contractFields)], expectedUpdatedAt: ["DateTime", optional(isoInstant)] }, 3),
  target("createFactoringLoanContract", { clientId: ["ID!", clientId], input: ["CreateFactoringLoanContractInput!", partial(loanFields)] }, 3),
  target("updateFactoringLoanContract", { clientId: ["ID!", clientId], patch: ["UpdateFactoringLoanContractInput!", partial(loanFields)] }, 3),
  target("createFactoringPurchaseContract", { clientId: ["ID!", clientId], input: ["CreateFactoringPurchaseContractInput!", partial(purchaseFields)] }, 3),
  target("updateFactoringPurchaseContract", { clientId: ["ID!", clientId], patch: ["UpdateFactoringPurchaseContractInput!", partial(purchaseFields)] }, 3),
  target("createClientPricelist", { clientId: ["ID!", clientId], input: ["CreateClientPricelistInput!", partial(pricelistFields)] }, 2),
  target("setClientParameter", { clientId: ["ID!", clientId], name: ["String!", plainString], input: ["ClientParameterInput!", partial(parameterFields)] }, 2),
  target("setExtraField", { clientId: ["ID!", clientId], name: ["String!", plainString], values: ["[String!]!", fc.oneof({ weight: 8, arbitrary: fc.array(plainString, { maxLength: 5 }) }, { weight: 1, arbitrary: fc.constant(Array.from({ length: 101 }, (_, i) => `v${i}`)) })] }, 2),
  target("addExternalIdentifier", { clientId: ["ID!", clientId], source: ["String!", plainString], externalId: ["String!", fc.oneof(plainString, personalData)] }, 2),
  target("removeExternalIdentifier", { source: ["String!", plainString], externalId: ["String!", fc.oneof(plainString, personalData)] }, 1, false),
  target("deleteClientParameter", { clientId: ["ID!", clientId], name: ["String!", plainString] }, 1, false),
  target("archiveClient", { id: ["ID!", clientId] }, 1, false),
  target("restoreClient", { id: ["ID!", clientId] }, 1, false),
  target("addFavoriteClient", { clientId: ["ID!", clientId] }, 1),
];

const PAYLOAD = "dryRun replayed error { code failures { field } }";

/** The idempotency key: fresh mostly; sometimes one used before (replay or reuse), sometimes hostile. */
type KeyChoice = { fresh: true } | { reuse: number } | { hostile: string };
const keyChoice: Arb<KeyChoice> = fc.oneof(
  { weight: 20, arbitrary: fc.constant({ fresh: true as const }) },
  { weight: 1, arbitrary: fc.nat().map((n) => ({ reuse: n })) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom("", " ", "\t", "k".repeat(255), "k".repeat(256), "ключ", "🔑"), hostileString).map((k) => ({ hostile: k })) },
);

interface PlannedCall {
  target: MutationTarget;
  values: Vars;
  key: KeyChoice;
  dryRun: boolean | null;
}

const plannedCall: Arb<PlannedCall> = fc
  .oneof(...MUTATIONS.map((t) => ({ weight: t.weight, arbitrary: fc.constant(t) })))
  .chain((t) =>
    fc.record({
      target: fc.constant(t),
      values: t.values,
      key: keyChoice,
      // A dry run mostly; a real write for some of the calls that may write (null: the default, a write).
      dryRun: t.writes ? fc.oneof({ weight: 8, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(null) }) : fc.constant(true),
    }),
  );

// ---------------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------------

/**
 * Two flavours of filter: plausible ones (no nulls, no empty lists, ids of the fixture) that the
 * gateway answers with a page, and hostile ones (anything the types allow) that it mostly refuses
 * as BAD_USER_INPUT. One refused alias nulls the whole answer (clients is non-null), so both.
 */
function filters(hostile: boolean) {
  const orNull = <T>(arb: Arb<T>): Arb<T | null> => (hostile ? fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) }) : arb);
  const list = <T>(item: Arb<T>, max: number) => fc.array(item, { minLength: hostile ? 0 : 1, maxLength: max });
  const text = hostile ? fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 3, arbitrary: fc.string({ maxLength: 8 }) }) : fc.oneof(fc.string({ maxLength: 8 }), personalData, fc.constantFrom("Acme", "%", "_", "SE", "sek"));
  const flag = orNull(fc.boolean());
  /** StringFilter, DateTimeFilter, IDFilter (`ordered`: with gt, gte, lt, lte and between). */
  const ops = (value: Arb, ordered: boolean, extra: Record<string, Arb> = {}): Arb<Vars> =>
    partial({
      eq: orNull(value), neq: orNull(value),
      ...(ordered ? { gt: orNull(value), gte: orNull(value), lt: orNull(value), lte: orNull(value), between: fc.record({ from: value, to: value }) } : {}),
      in: hostile ? fc.oneof({ weight: 10, arbitrary: list(value, 5) }, { weight: 1, arbitrary: fc.array(value, { minLength: 499, maxLength: 502 }) }) : list(value, 5),
      nin: list(value, 5),
      isNull: flag,
      ...extra,
    });
  const idValue = hostile ? clientId : fc.oneof(fc.nat().map((n) => ids.clients[n % ids.clients.length]), fc.constantFrom("0", "999999999999", "999999999999999999"));
  const stringFilter = ops(text, true, { contains: orNull(text), startsWith: orNull(text) });
  const dateTimeFilter = ops(hostile ? isoInstant : recentInstant, true);
  const idFilter = ops(idValue, false);
  const booleanFilter = partial({ eq: flag, neq: flag, isNull: flag });
  const enumFilter = (...values: string[]) =>
    partial({ eq: orNull(fc.constantFrom(...values)), neq: orNull(fc.constantFrom(...values)), in: list(fc.constantFrom(...values), 3), nin: list(fc.constantFrom(...values), 3), isNull: flag });
  const columns: Record<string, Arb> = {
    active: booleanFilter, blocked: booleanFilter, vatNumberValidated: booleanFilter,
    archivedAt: dateTimeFilter, createdAt: dateTimeFilter, updatedAt: dateTimeFilter,
    city: stringFilter, countryCode: stringFilter, currencyCode: stringFilter, email: stringFilter, legalName: stringFilter, name: stringFilter,
    orgNumber: fc.oneof(stringFilter, orgNumber.map((value) => ({ eq: value }))), rating: stringFilter, referenceCode: stringFilter, vatNumber: stringFilter,
    id: idFilter, parentId: idFilter,
    clientType: enumFilter(...CLIENT_TYPES), companyType: enumFilter(...COMPANY_TYPES), customerType: enumFilter(...CUSTOMER_TYPES),
  };
  const columnFilter = (max: number) =>
    fc.shuffledSubarray(Object.keys(columns), { minLength: 0, maxLength: max }).chain((chosen) => fc.record(Object.fromEntries(chosen.map((k) => [k, columns[k]]))));

  /** A ClientFilter of at most `depth` levels of and/or/not, at most one of them per level. */
  const clientFilter = (depth: number): Arb<Vars> => {
    if (depth === 0) return columnFilter(3);
    const inner = clientFilter(depth - 1);
    return fc.oneof(
      { weight: 3, arbitrary: columnFilter(3) },
      { weight: 1, arbitrary: fc.tuple(columnFilter(1), list(inner, 2)).map(([own, and]) => ({ ...own, and })) },
      { weight: 1, arbitrary: fc.tuple(columnFilter(1), list(inner, 2)).map(([own, or]) => ({ ...own, or })) },
      { weight: 1, arbitrary: fc.tuple(columnFilter(1), inner).map(([own, not]) => ({ ...own, not })) },
    );
  };
  /** `not` nested around the 8-level limit. */
  const deepFilter = fc.tuple(fc.integer({ min: hostile ? 6 : 1, max: hostile ? 11 : 7 }), columnFilter(1)).map(([levels, leaf]) => {
    let filter: Vars = leaf;
    for (let i = 0; i < levels; i++) filter = { not: filter };
    return filter;
  });
  return fc.oneof({ weight: 8, arbitrary: clientFilter(3) }, { weight: 1, arbitrary: deepFilter }, { weight: 1, arbitrary: fc.constant(null) });
}
const ORDER_FIELDS = ["ARCHIVED_AT", "COUNTRY_CODE", "CREATED_AT", "ID", "LEGAL_NAME", "NAME", "ORG_NUMBER", "REFERENCE_CODE", "UPDATED_AT"];
const orderBy = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.record({ field: fc.constantFrom(...ORDER_FIELDS), direction: fc.constantFrom("ASC", "DESC") }, { requiredKeys: ["field"] }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.record({ field: fc.constantFrom(...ORDER_FIELDS), direction: fc.constantFrom("ASC", "DESC") }), { minLength: 8, maxLength: 20 }) },
);

/** A cursor: a real one (of any list and order) as is or tampered with, or garbage. */
type CursorChoice = { pool: number; tamper: number } | { garbage: string };
const cursorChoice: Arb<CursorChoice> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ pool: fc.nat(), tamper: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.oneof(hostileString, fc.base64String({ maxLength: 80 }), fc.constantFrom("", "null", "W10", "eyJpZCI6MX0", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).map((garbage) => ({ garbage })) },
);

interface PlannedQuery {
  filter?: Vars | null;
  search?: string | null;
  orderBy?: Vars[] | null;
  first?: number | null;
  offset?: number | null;
  after?: CursorChoice;
  deleted?: string;
}

const plausibleQuery: Arb<PlannedQuery> = fc.record(
  {
    filter: filters(false),
    search: fc.oneof(fc.string({ maxLength: 6 }), personalData, fc.constantFrom("acme", "556", "%")),
    orderBy: fc.uniqueArray(fc.record({ field: fc.constantFrom(...ORDER_FIELDS), direction: fc.constantFrom("ASC", "DESC") }, { requiredKeys: ["field"] }), { maxLength: 4, selector: (order) => order.field }),
    first: fc.integer({ min: 1, max: 100 }),
    offset: fc.integer({ min: 0, max: 50 }),
    deleted: fc.constantFrom("EXCLUDE", "INCLUDE", "ONLY"),
  },
  { requiredKeys: [] },
);

const hostileQuery: Arb<PlannedQuery> = fc.record(
  {
    filter: filters(true),
    search: fc.oneof(hostileString, personalData, fc.constant(null)),
    orderBy: fc.oneof(orderBy, fc.constant(null)),
    first: fc.oneof(
      { weight: 12, arbitrary: fc.integer({ min: 1, max: 100 }) },
      { weight: 3, arbitrary: fc.constantFrom(0, -1, 101, -2147483648, null) },
      // The cost limit refuses the whole request for these.
      { weight: 1, arbitrary: fc.constantFrom(1000, 2147483647) },
    ),
    offset: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom(-1, 1_000_000, 2147483647, null)),
    after: cursorChoice,
    deleted: fc.constantFrom("EXCLUDE", "INCLUDE", "ONLY"),
  },
  { requiredKeys: [] },
);

/** Half the requests all plausible (answered with pages), half mixed (mostly refused somewhere). */
const plannedQueries: Arb<PlannedQuery[]> = fc.oneof(
  fc.array(plausibleQuery, { minLength: QUERY_ALIASES, maxLength: QUERY_ALIASES }),
  fc.array(fc.oneof(plausibleQuery, hostileQuery), { minLength: QUERY_ALIASES, maxLength: QUERY_ALIASES }),
);

// ---------------------------------------------------------------------------------------------------
// Wrong types, NUL bytes: a share of the requests is broken on purpose
// ---------------------------------------------------------------------------------------------------

type Breakage = { kind: "none" } | { kind: "wrongType"; leaf: number; variant: number } | { kind: "nul"; leaf: number; at: number };
const breakage: Arb<Breakage> = fc.oneof(
  { weight: 88, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("wrongType" as const), leaf: fc.nat(), variant: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("nul" as const), leaf: fc.nat(), at: fc.nat() }) },
);

interface Leaf {
  get(): unknown;
  set(value: unknown): void;
}

/** Every value of the variables (containers too), as places to break. */
function leavesOf(root: Vars): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (container: Record<string, unknown> | unknown[], key: string | number) => {
    const holder = container as Record<string | number, unknown>;
    leaves.push({ get: () => holder[key], set: (value) => void (holder[key] = value) });
    const value = holder[key];
    if (value && typeof value === "object") {
      if (Array.isArray(value)) value.forEach((_, i) => walk(value, i));
      else for (const k of Object.keys(value)) walk(value as Record<string, unknown>, k);
    }
  };
  for (const key of Object.keys(root)) walk(root, key);
  return leaves;
}

/** A value of another type than `value`'s (for a String, a number: its digits when it has them). */
function wrongTypeFor(value: unknown, variant: number): unknown {
  if (typeof value === "string") {
    const digits = value.replace(/\D/g, "");
    const options: unknown[] = [1.5, true, {}, ["x"], { $gt: "" }, 42];
    if (digits.length >= 6 && Number.isSafeInteger(Number(digits)) && !digits.startsWith("0")) {
      const asNumber = Number(digits);
      for (const [held, kind] of piiIn.get(value) ?? []) registerPii(String(asNumber), held, kind);
      options.push(asNumber, asNumber);
    }
    return options[variant % options.length];
  }
  if (typeof value === "number") return [String(value), 1.5, 2 ** 31, 1e300, -(2 ** 53), true, "12"][variant % 7];
  if (typeof value === "boolean") return ["true", 1, "yes", null][variant % 4];
  if (Array.isArray(value)) return [{}, "x", 7][variant % 3];
  if (value && typeof value === "object") return ["object", 5, [], { ...value, notAField: "x" }][variant % 4];
  return [{}, "x", []][variant % 3];
}

function breakVariables(variables: Vars, how: Breakage): void {
  if (how.kind === "none") return;
  const leaves = leavesOf(variables);
  if (how.kind === "wrongType") {
    // Half the time personal data is what is mistyped: an org number or phone number sent as a JSON number.
    const numeric = leaves.filter((l) => typeof l.get() === "string" && piiIn.has(l.get() as string) && /^[\d\s\-+().]+$/.test(l.get() as string));
    if (how.variant % 2 === 0 && numeric.length > 0) {
      const leaf = numeric[how.leaf % numeric.length];
      const text = leaf.get() as string;
      const digits = text.replace(/\D/g, "").replace(/^0+/, "");
      if (digits.length >= 6 && Number.isSafeInteger(Number(digits))) {
        for (const [held, kind] of piiIn.get(text) ?? []) registerPii(digits, held, kind);
        leaf.set(Number(digits));
        return;
      }
    }
    const leaf = leaves[how.leaf % leaves.length];
    leaf.set(wrongTypeFor(leaf.get(), how.variant));
    return;
  }
  const strings = leaves.filter((l) => typeof l.get() === "string");
  if (strings.length === 0) return;
  const leaf = strings[how.leaf % strings.length];
  const text = leaf.get() as string;
  const at = how.at % (text.length + 1);
  leaf.set(`${text.slice(0, at)}\u0000${text.slice(at)}`);
}

// ---------------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------------

const piiScope = fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
const mutationRequest = fc.record({ calls: fc.array(plannedCall, { minLength: MUTATION_ALIASES, maxLength: MUTATION_ALIASES }), breakage, pii: piiScope });
const queryRequest = fc.record({ queries: plannedQueries, breakage, pii: piiScope });

interface Sent extends Built {
  kind: "mutation" | "query";
  scopes: string[];
  response: GraphQLResponse<Record<string, any>>;
}

let keyCounter = 0;
const usedKeys: string[] = [];
const cursors: string[] = [];

function resolveKey(choice: KeyChoice): string {
  if ("hostile" in choice) return choice.hostile;
  if ("reuse" in choice && usedKeys.length > 0) return usedKeys[choice.reuse % usedKeys.length];
  const key = `fuzz-${SEED}-${++keyCounter}`;
  usedKeys.push(key);
  return key;
}

function resolveCursor(choice: CursorChoice): string {
  if ("garbage" in choice) return choice.garbage;
  if (cursors.length === 0) return "";
  const cursor = cursors[choice.pool % cursors.length];
  switch (choice.tamper) {
    case 1: return `${cursor.slice(0, -2)}${cursor.slice(-1)}${cursor.slice(-2, -1)}`;
    case 2: return cursor.slice(0, Math.floor(cursor.length / 2));
    case 3: return `${cursor}A`;
    case 4: return cursor.toUpperCase();
    default: return cursor;
  }
}

/** One aliased call of a request: its variable definitions and its field. */
interface Part {
  definitions: string[];
  field: string;
}
interface Built {
  query: string;
  variables: Vars;
  aliases: string[];
  parts: Part[];
}

function buildMutation(calls: PlannedCall[]): Built {
  const parts: Part[] = [];
  const variables: Vars = {};
  const aliases: string[] = [];
  calls.forEach((call, i) => {
    const alias = `m${i}_${call.target.field}`;
    aliases.push(alias);
    const args: string[] = [];
    const definitions: string[] = [];
    for (const [name, type] of Object.entries(call.target.args)) {
      definitions.push(`$${name}${i}: ${type}`);
      args.push(`${name}: $${name}${i}`);
      if (call.values[name] !== undefined) variables[`${name}${i}`] = call.values[name];
    }
    definitions.push(`$key${i}: String!`, `$dryRun${i}: Boolean`);
    args.push(`idempotencyKey: $key${i}`, `dryRun: $dryRun${i}`);
    variables[`key${i}`] = resolveKey(call.key);
    variables[`dryRun${i}`] = call.dryRun;
    parts.push({ definitions, field: `${alias}: ${call.target.field}(${args.join(", ")}) { ${PAYLOAD} }` });
  });
  return { query: operation("mutation", parts), variables, aliases, parts };
}

const operation = (kind: "mutation" | "query", parts: Part[]) =>
  `${kind} Fuzz(${parts.flatMap((p) => p.definitions).join(", ")}) { ${parts.map((p) => p.field).join(" ")} }`;

function buildQuery(queries: PlannedQuery[]): Built {
  const parts: Part[] = [];
  const variables: Vars = {};
  const aliases: string[] = [];
  queries.forEach((q, i) => {
    const alias = `q${i}`;
    aliases.push(alias);
    parts.push({
      definitions: [`$filter${i}: ClientFilter, $search${i}: String, $orderBy${i}: [ClientOrder!], $first${i}: Int, $offset${i}: Int, $after${i}: String, $deleted${i}: DeletionFilter`],
      field: `${alias}: clients(filter: $filter${i}, search: $search${i}, orderBy: $orderBy${i}, first: $first${i}, offset: $offset${i}, after: $after${i}, deleted: $deleted${i}) { totalCount nodes { id name orgNumber email } pageInfo { endCursor hasNextPage } }`,
    });
    const set = (name: string, value: unknown) => {
      if (value !== undefined) variables[`${name}${i}`] = value;
    };
    set("filter", q.filter);
    set("search", q.search);
    set("orderBy", q.orderBy);
    set("first", q.first);
    // Offset and after are exclusive: usually one of them.
    if (q.after && (q.offset === undefined || i % 3 === 0)) set("after", resolveCursor(q.after));
    else set("offset", q.offset);
    set("deleted", q.deleted);
  });
  return { query: operation("query", parts), variables, aliases, parts };
}

/** What the gateway logged about an internal error: the error's class, code and first frame. */
function causeOf(requestId: unknown): string {
  if (typeof requestId !== "string") return "";
  const line = gateway.logLines.find((l) => l.includes(requestId) && l.includes('"internal error"'));
  if (!line) return "";
  const { error, code, frames } = JSON.parse(line) as { error?: string; code?: string; frames?: string[] };
  const frame = (frames?.[0] ?? "").trim().replace(/\S*[\\/]/, "");
  return ` (logged: ${[error, code, frame].filter(Boolean).join(" ")})`;
}

/** Request-level refusals that are the caller's fault. */
const REFUSALS = new Set(["BAD_USER_INPUT", "QUERY_TOO_COMPLEX"]);

/** What is wrong with a response, if anything. */
function problemsOf(sent: Sent): string[] {
  const { response } = sent;
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  for (const error of response.errors ?? []) {
    const code = error.extensions?.code as string | undefined;
    if (code === "INTERNAL_SERVER_ERROR" || code === "SERVICE_UNAVAILABLE" || code === undefined) {
      problems.push(`${code ?? "no code"} at ${JSON.stringify(error.path ?? null)}: ${error.message}${causeOf(error.extensions?.requestId)}`);
    } else if (!REFUSALS.has(code)) {
      problems.push(`unexpected ${code} at ${JSON.stringify(error.path ?? null)}: ${error.message}`);
    } else if (sent.kind === "mutation" && error.path) {
      problems.push(`mutation ${error.path.join(".")} threw ${code} instead of returning its payload: ${error.message}`);
    }
  }
  if (response.data) {
    for (const alias of sent.aliases) {
      const value = response.data[alias];
      const fine =
        sent.kind === "mutation"
          ? value && typeof value.dryRun === "boolean" && typeof value.replayed === "boolean" && (value.error === null || typeof value.error?.code === "string")
          : value && Array.isArray(value.nodes) && typeof value.totalCount === "number";
      if (!fine) problems.push(`${alias}: no ${sent.kind === "mutation" ? "payload" : "connection"} (${JSON.stringify(value)?.slice(0, 200)})`);
    }
  } else if (!response.errors?.length) {
    problems.push("neither data nor errors");
  }
  return problems;
}

/** Bodies stay under the 1 MB limit (a larger one is refused before GraphQL, testing nothing here). */
function keepUnderBodyLimit(variables: Vars): void {
  if (JSON.stringify(variables).length < 900_000) return;
  for (const leaf of leavesOf(variables)) {
    const value = leaf.get();
    if (typeof value === "string" && value.length > 1000) leaf.set(value.slice(0, 1000));
  }
}

/** Long strings shortened, so that a failure message stays readable. */
const shorten = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value ?? null, (_key, v: unknown) => {
      if (typeof v === "string" && v.length > 120) return `${v.slice(0, 100)}…(${v.length} chars)`;
      if (Array.isArray(v) && v.length > 12) return [...v.slice(0, 12), `…(${v.length} items)`];
      return v;
    }),
  );

// ---------------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------------

let gateway: TestGateway;
let tenant: string;
const sent: Sent[] = [];
interface Failure {
  problems: string[];
  query: string;
  variables: unknown;
  response: unknown;
}
const failures: Failure[] = [];
/** Failures grouped by what went wrong, each with one call alone that shows it (when one does). */
const failureKinds = new Map<string, { count: number; example: Failure; reproducer?: Failure }>();
let generatedInputs = 0;
let wallMs = 0;

async function post(query: string, variables: Vars, scopes: string[]): Promise<GraphQLResponse<Record<string, any>>> {
  try {
    return await gateway.send<Record<string, any>>(query, variables, { tenant, scopes });
  } catch (error) {
    // The connection failed: no answer at all.
    return { status: 599, errors: [{ message: `no response: ${String((error as Error).cause ?? error)}` }] };
  }
}

async function send(kind: Sent["kind"], built: Built, pii: boolean): Promise<Sent> {
  const scopes = pii ? [...WRITER, "clients:pii"] : WRITER;
  const response = await post(built.query, built.variables, scopes);
  const record: Sent = { kind, ...built, scopes, response };
  sent.push(record);
  if (kind === "query" && response.data) {
    for (const alias of built.aliases) {
      const cursor = response.data[alias]?.pageInfo?.endCursor;
      if (typeof cursor === "string" && cursors.length < 500) cursors.push(cursor);
    }
  }
  return record;
}

const failureOf = (problems: string[], query: string, variables: Vars, response: GraphQLResponse<unknown>): Failure => ({
  problems,
  query,
  variables: shorten(variables),
  response: shorten({ status: response.status, errors: response.errors, data: response.data }),
});

/** What went wrong, without the alias, ids and numbers that differ from one occurrence to the next. */
const kindOf = (problem: string) => problem.replace(/\b[mq]\d+_?/g, "").replace(/"[^"]*"/g, "…").replace(/\d+/g, "N").slice(0, 200);

/** Each call of a failing request alone (its idempotency key fresh): the first one that fails on its own. */
async function reproduce(record: Sent, kind: string): Promise<Failure | undefined> {
  for (let i = 0; i < record.parts.length; i++) {
    const part = record.parts[i];
    const variables = Object.fromEntries(Object.entries(record.variables).filter(([name]) => new RegExp(`^[A-Za-z]+${i}$`).test(name)));
    if (`key${i}` in variables && typeof variables[`key${i}`] === "string" && String(variables[`key${i}`]).startsWith("fuzz-")) variables[`key${i}`] = `alone-${SEED}-${++keyCounter}`;
    const query = operation(record.kind, [part]);
    const response = await post(query, variables, record.scopes);
    const problems = problemsOf({ ...record, query, variables, aliases: [record.aliases[i]], parts: [part], response });
    if (problems.some((p) => kindOf(p) === kind)) return failureOf(problems, query, variables, response);
  }
  return undefined;
}

async function runPool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

beforeAll(async () => {
  gateway = await TestGateway.start({ poolSize: 12 });
  tenant = gateway.newTenant();
  // Clients with every relation, and clients whose names are odd values (instants, digits, unicode).
  const oddNames = ["0000-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "123456789012345678", "-1", "%", "Ω", "9999-12-31T23:59:59Z"];
  await createClients(gateway, tenant, [fullGraph(1), fullGraph(2), fullGraph(3, 0), ...oddNames.map((name) => ({ name, referenceCode: name } as never))]);
  const page = dataOf(
    await gateway.send<{ clients: { nodes: { id: string; bankAccounts: { id: string }[]; directDebitMandates: { id: string }[] }[] } }>(
      "{ clients(first: 50) { nodes { id bankAccounts { id } directDebitMandates { id } } } }",
      {},
      { tenant, scopes: WRITER },
    ),
  );
  for (const client of page.clients.nodes) {
    ids.clients.push(client.id);
    ids.bankAccounts.push(...client.bankAccounts.map((a) => a.id));
    ids.mandates.push(...client.directDebitMandates.map((m) => m.id));
  }
  // Real cursors of several orders, so that one list's cursor is tried on another.
  for (const field of ORDER_FIELDS) {
    for (const direction of ["ASC", "DESC"]) {
      const response = await gateway.send<{ clients: { pageInfo: { endCursor: string | null } } }>(
        "query($o: [ClientOrder!]) { clients(first: 2, orderBy: $o, deleted: INCLUDE) { pageInfo { endCursor } } }",
        { o: [{ field, direction }] },
        { tenant, scopes: WRITER },
      );
      const cursor = dataOf(response).clients.pageInfo.endCursor;
      if (cursor) cursors.push(cursor);
    }
  }

  const started = Date.now();
  const mutationPlans = fc.sample(mutationRequest, { seed: SEED, numRuns: MUTATION_REQUESTS });
  const queryPlans = fc.sample(queryRequest, { seed: SEED + 1, numRuns: QUERY_REQUESTS });
  // Interleaved: a query request after every fourth mutation request, so queries see the writes.
  const plans: (["mutation", (typeof mutationPlans)[number]] | ["query", (typeof queryPlans)[number]])[] = [];
  mutationPlans.forEach((plan, i) => {
    plans.push(["mutation", plan]);
    if (i % 4 === 3 && queryPlans.length > 0) plans.push(["query", queryPlans.shift()!]);
  });
  for (const plan of queryPlans) plans.push(["query", plan]);

  await runPool(plans, async ([kind, plan]) => {
    const built = kind === "mutation" ? buildMutation((plan as (typeof mutationPlans)[number]).calls) : buildQuery((plan as (typeof queryPlans)[number]).queries);
    breakVariables(built.variables, plan.breakage);
    keepUnderBodyLimit(built.variables);
    generatedInputs += built.aliases.length;
    const record = await send(kind, built, plan.pii);
    const problems = problemsOf(record);
    if (problems.length > 0) {
      const failure = failureOf(problems, record.query, record.variables, record.response);
      failures.push(failure);
      for (const kind of new Set(problems.map(kindOf))) {
        const known = failureKinds.get(kind);
        if (known) known.count++;
        else {
          const entry: { count: number; example: Failure; reproducer?: Failure } = { count: 1, example: failure };
          failureKinds.set(kind, entry);
          entry.reproducer = await reproduce(record, kind);
        }
      }
    }
  });
  wallMs = Date.now() - started;
  console.log(`fuzz: seed ${SEED}, ${generatedInputs} inputs in ${sent.length} requests, ${wallMs} ms, ${failures.length} failing requests`);
}, 600_000);

afterAll(() => gateway?.stop());

const seedNote = () => `(FUZZ_SEED=${SEED})`;

describe("fuzzing mutation inputs and filters", () => {
  it(`generates at least ${MIN_INPUTS} inputs, valid and invalid ones`, () => {
    expect(generatedInputs).toBeGreaterThanOrEqual(MIN_INPUTS);
    expect(sent.length).toBe(MUTATION_REQUESTS + QUERY_REQUESTS);
    // Not vacuous: calls succeeded, calls failed validation, and whole requests were refused.
    const payloads = sent.flatMap((s) => (s.kind === "mutation" && s.response.data ? s.aliases.map((a) => s.response.data![a]) : []));
    expect(payloads.filter((p) => p && p.error === null).length).toBeGreaterThan(50);
    // Dates, instants, emails, currencies, countries and IBANs are scalars in inputs too now: one
    // value its scalar refuses refuses the whole aliased request (BAD_USER_INPUT), so fewer
    // payloads reach the pipeline's rules than when they were Strings (seed 495344589: 109).
    // TODO: generate scalar-valid values for those fields more often, and raise this again.
    expect(payloads.filter((p) => p?.error?.code === "INVALID_DATA").length).toBeGreaterThan(50);
    expect(sent.filter((s) => s.response.errors?.some((e) => e.extensions?.code === "BAD_USER_INPUT")).length).toBeGreaterThan(20);
    const pages = sent.flatMap((s) => (s.kind === "query" && s.response.data ? s.aliases.map((a) => s.response.data![a]) : []));
    expect(pages.length).toBeGreaterThan(100);
  });

  it("never answers INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE or 5xx, and every mutation returns its payload", () => {
    if (failures.length > 0) {
      const kinds = [...failureKinds].map(([kind, { count, example, reproducer }]) => ({ kind, requests: count, reproducer: reproducer ?? { note: "no single call fails alone; the whole request:", ...example } }));
      throw new Error(`${failures.length} of ${sent.length} requests failed ${seedNote()}, ${kinds.length} kinds of failure:\n${JSON.stringify(kinds, null, 1).slice(0, 40_000)}`);
    }
  });

  it("logs no internal error", () => {
    const internal = gateway.logs().filter((line) => line.msg === "internal error");
    expect({ internalErrors: internal.length, first: internal.slice(0, 3) }).toEqual({ internalErrors: 0, first: [] });
  });

  it("writes no org number, personnummer, email, phone number or IBAN in clear to the logs", () => {
    const logs = gateway.logs();
    const requestLines = logs.filter((line) => line.msg === "request" && line.variables && typeof line.variables === "object");
    // Not vacuous: the requests were logged with their (redacted) variables.
    expect(requestLines.length).toBeGreaterThan(sent.length * 0.9);

    // What was actually sent: every string (or number) of every request's variables.
    const sentPii = new Map<string, PiiKind>();
    const collect = (value: unknown): void => {
      if (typeof value === "string" || typeof value === "number") {
        for (const [held, kind] of piiIn.get(String(value)) ?? []) sentPii.set(held, kind);
      } else if (value && typeof value === "object") {
        for (const item of Object.values(value)) collect(item);
      }
    };
    for (const record of sent) collect(record.variables);
    expect(sentPii.size).toBeGreaterThan(1000);

    const raw = gateway.logLines.join("\n");
    // For digits alone: every run of 6+ digits in the log, but the gateway's own ids, times and counts.
    const ownKeys = ["requestId", "time", "durationMs", "tenant", "statements"];
    const digitRuns = new Set(
      logs.flatMap((line) => JSON.stringify(Object.fromEntries(Object.entries(line).filter(([key]) => !ownKeys.includes(key)))).match(/\d{6,}/g) ?? []),
    );
    const leaks: { kind: PiiKind; value: string; found: string; context?: string }[] = [];
    for (const [value, kind] of sentPii) {
      const forms = [...new Set([value, JSON.stringify(value).slice(1, -1)])];
      let found = forms.find((form) => raw.includes(form));
      const digits = value.replace(/\D/g, "");
      if (!found && digits.length >= 6 && (digitRuns.has(digits) || digitRuns.has(digits.replace(/^0+/, "")))) found = digitRuns.has(digits) ? digits : digits.replace(/^0+/, "");
      if (found) {
        const at = raw.search(new RegExp(`(?<![\\d\\w])${found.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
        leaks.push({ kind, value, found, context: at >= 0 ? raw.slice(Math.max(0, at - 100), at + found.length + 40) : undefined });
      }
    }
    if (leaks.length > 0) {
      const byKind = leaks.reduce<Record<string, number>>((counts, leak) => ({ ...counts, [leak.kind]: (counts[leak.kind] ?? 0) + 1 }), {});
      const examples = Object.keys(byKind).flatMap((kind) => leaks.filter((leak) => leak.kind === kind).slice(0, 3));
      throw new Error(`${leaks.length} of ${sentPii.size} sent values are in the logs in clear ${seedNote()} ${JSON.stringify(byKind)}; examples:\n${JSON.stringify(examples, null, 1)}`);
    }
  });
});
