/**
 * Deterministic demo data: realistic Swedish, Finnish, Norwegian, Danish and Dutch clients with
 * their contracts, factoring, bank accounts, mandates, parameters, pricelists, external ids,
 * invoices and financial statements, as plain objects with the entities' property names.
 *
 * - Deterministic: a seeded PRNG (mulberry32), never Math.random, and no clock: every date is
 *   relative to DEMO_REFERENCE_DATE. The same (count, seed) gives the same output, and the first n
 *   clients of a longer run equal a run of n.
 * - Valid: org numbers, personnummer, VAT numbers, IBANs, BICs, bankgiro and plusgiro numbers pass
 *   src/common/validation/checksums.
 * - Unique for any count up to 100,000: org numbers per country, IBANs per country, VAT numbers,
 *   invoice numbers and (source, externalId) pairs are derived from per-kind counters through a
 *   bijective scramble (skipping candidates without a valid check digit), never drawn at random.
 * - Money is computed in integer cents and formatted as strings with 2 decimals; rates and
 *   percentages likewise in hundredths.
 *
 * The database insert code lives elsewhere; it maps these objects onto the entities.
 */
import { ClientType, CompanyType } from "../../modules/client/client.enums";
import {
  composeIban,
  danishCvrCheckDigit,
  finnishBusinessIdCheckDigit,
  formatBankgiro,
  formatIban,
  formatPlusgiro,
  luhnCheckDigit,
  norwegianAccountCheckDigit,
  norwegianOrgNumberCheckDigit,
} from "../../common/validation/checksums";

// =====================================================================================================
// Public types
// =====================================================================================================

/** All dates of the demo data are relative to this day. */
export const DEMO_REFERENCE_DATE = "2026-11-01";

export type DemoCountryCode = "SE" | "FI" | "NO" | "DK" | "NL";
export type DemoCurrencyCode = "SEK" | "EUR" | "NOK" | "DKK";
export type DemoRating = "AAA" | "AA" | "A" | "BBB" | "BB" | "B" | "C";

/** Values of the BankAccountClass enum (bank-account module). */
export type DemoBankAccountClass =
  | "UNKNOWN"
  | "SE_PLUSGIRO"
  | "SE_BANKGIRO"
  | "NL_BANK_ACCOUNT"
  | "FOREIGN_BANK_ACCOUNT"
  | "DK_BANKGIRO"
  | "NO_BANKGIRO"
  | "NO_BANK_ACCOUNT"
  | "SE_BANK_ACCOUNT"
  | "FI_BANK_ACCOUNT";
/** Values of the BankAccountOwnerType enum. */
export type DemoBankAccountOwnerType = "SOLICITOR" | "CREDITOR" | "DEBTOR" | "SHARED";
/** Values of the AllowPayments enum. */
export type DemoAllowPayments = "NO" | "PAYMENTS" | "NETTINGS";
/** Values of the DirectDebitMandateType enum. */
export type DemoDirectDebitMandateType =
  | "SWEDISH_AUTOGIRO"
  | "DUTCH_INCASSO"
  | "SEPA_CONSUMER_RECURRING"
  | "SEPA_CONSUMER_ONE_OFF"
  | "SEPA_BUSINESS_RECURRING"
  | "SEPA_BUSINESS_ONE_OFF";
/** Values of the FactoringLoanTransactionType enum. */
export type DemoFactoringLoanTransactionType = "DRAWDOWN" | "REPAYMENT" | "INTEREST" | "FEE";
/** Values of FinancingInterestCalculateFrom. */
export type DemoFinancingInterestCalculateFrom =
  | "BILL_DATE"
  | "REGISTRATION_DATE"
  | "DUE_DATE"
  | "PURCHASE_DATE"
  | "RECOURSE_DATE";
/** Values of FinancingInterestCalculateTo. */
export type DemoFinancingInterestCalculateTo = DemoFinancingInterestCalculateFrom | "CLOSURE_DATE";
/** Values of FinancingInterestFeeInsertTrigger. */
export type DemoFinancingInterestFeeInsertTrigger = "PURCHASE" | "RECOURSE" | "CLOSURE" | "FULL_PAYMENT";
/** Values of the InvoiceStatus enum. */
export type DemoInvoiceStatus = "DRAFT" | "SENT" | "PARTIALLY_PAID" | "PAID" | "OVERDUE" | "CREDITED" | "CANCELLED";

/** Business dates are "YYYY-MM-DD" strings (DateScalar); instants are Dates (timestamptz). */
export interface DemoContract {
  contractType: number | null;
  contractNumber: string | null;
  startDate: string | null;
  endDate: string | null;
  invoiceDate: string | null;
  cancelDate: string | null;
  /** The org number on the contract (normalised, as the client's). */
  idNumber: string | null;
  contractCancelReason: string | null;
  periodFee: string | null;
  /** Months. */
  contractLength: number | null;
  /** Months. */
  periodLength: number | null;
  note: string | null;
  customerCategory: string | null;
  instructions: string | null;
  invoiceItem: string | null;
}

export interface DemoFactoringLoanTransaction {
  transactionDate: string;
  type: DemoFactoringLoanTransactionType;
  /** Always positive; the type gives the sign. */
  amount: string;
  description: string | null;
}

export interface DemoFactoringLoanContract {
  decisionDate: string | null;
  limit: string | null;
  autoPercent: string | null;
  maxPercent: string | null;
  yourReference: string | null;
  ourReference: string | null;
  interestRate: string | null;
  interestCode: string | null;
  limitFeeAmount: string | null;
  limitFeePercentage: string | null;
  limitFeeInterval: number | null;
  limitFeeDate: string | null;
  limitFeeInvoiceItem: string | null;
  limitFeePartOfPeriod: boolean | null;
  limitFeePartOfPeriodAmount: string | null;
  note: string | null;
  currencyCode: DemoCurrencyCode | null;
  /** Oldest first. */
  transactions: DemoFactoringLoanTransaction[];
}

export interface DemoFactoringPurchaseContract {
  active: boolean;
  decisionDate: string | null;
  deposit: string | null;
  limit: string | null;
  customerLimit: string | null;
  recourseLimit: string | null;
  nonRecourseLimit: string | null;
  defaultGroupLimit: string | null;
  recourse: boolean | null;
  recourseDays: number | null;
  blockedAccount: string | null;
  blockedAccountTotal: string | null;
  blockedAccountInterestRate: string | null;
  blockedAccountInterestCode: string | null;
  note: string | null;
  overInterestAfterDays: number | null;
  overInterestRate: string | null;
  overInterestCode: string | null;
  financingInterestCalculateFrom: DemoFinancingInterestCalculateFrom | null;
  financingInterestCalculateTo: DemoFinancingInterestCalculateTo | null;
  financingInterestFeeInsertTrigger: DemoFinancingInterestFeeInsertTrigger | null;
  financingInterestRate: string | null;
  financingInterestCode: string | null;
  currencyCode: DemoCurrencyCode | null;
}

export interface DemoBankAccount {
  bankAccountNo: string | null;
  description: string | null;
  bankAccountClass: DemoBankAccountClass;
  ownerType: DemoBankAccountOwnerType;
  internalCode: string | null;
  priority: number | null;
  agreementNo: string | null;
  bankCode: string | null;
  bankDescription: string | null;
  countryCode: DemoCountryCode | null;
  zipCode: string | null;
  city: string | null;
  allowPayments: DemoAllowPayments;
  allowDisbursementsFrom: boolean;
  allowDisbursementsTo: boolean;
  businessAccount: boolean;
  thirdPartyRemittance: boolean;
  powerOfAttorney: boolean;
  currencyCode: DemoCurrencyCode | null;
  accountBalance: string | null;
  /** Electronic form (no spaces). */
  iban: string | null;
  bic: string | null;
  blz: string | null;
  swift: string | null;
}

export interface DemoDirectDebitMandate {
  mandateType: DemoDirectDebitMandateType;
  receivingBankAccountNo: string;
  sendingBankAccountClass: DemoBankAccountClass | null;
  sendingBankAccountNo: string | null;
  referenceNo: string | null;
  requestedAt: Date | null;
  approvedAt: Date | null;
  signedAt: Date | null;
  validFrom: string | null;
  validUntil: string | null;
  closedAt: Date | null;
}

export interface DemoClientParameter {
  name: string;
  type: string | null;
  value: string | null;
  href: string | null;
}

export interface DemoExtraField {
  name: string;
  values: string[];
}

export interface DemoPricelist {
  pricelistName: string;
  currencyCode: DemoCurrencyCode | null;
  isActive: boolean;
  serviceId: number | null;
  isDefaultPricelist: boolean;
  condition: string | null;
  validFrom: string | null;
  creditorFeeEvents: boolean;
  templatePricelistId: number | null;
}

export interface DemoExternalIdentifier {
  source: string;
  externalId: string;
  deletedAt: Date | null;
}

export interface DemoInvoice {
  invoiceNumber: string;
  status: DemoInvoiceStatus;
  currencyCode: DemoCurrencyCode;
  totalAmount: string;
  paidAmount: string;
  issueDate: string;
  dueDate: string;
  purchasedAt: Date | null;
  purchaseRecourse: boolean | null;
}

export interface DemoActDataPoint {
  code: string;
  label: string;
  value: string | null;
}

export interface DemoAct {
  periodStart: string;
  periodEnd: string;
  currencyCode: DemoCurrencyCode;
  revenue: string | null;
  result: string | null;
  equity: string | null;
  totalAssets: string | null;
  employees: number | null;
  dataPoints: DemoActDataPoint[];
  publishedAt: Date | null;
}

export interface DemoClient {
  referenceCode: string;
  clientType: ClientType;
  companyType: CompanyType | null;
  name: string;
  legalName: string;
  informalName?: string;
  acronym?: string;
  /** Normalised (digits and letters only) and valid for countryCode (personnummer, 12 digits, for INDIVIDUAL). */
  orgNumber: string;
  countryCode: DemoCountryCode;
  vatNumber: string | null;
  vatRate: string | null;
  registeredForTax: boolean;
  email: string | null;
  administrationEmail: string | null;
  phone: string | null;
  contactPerson: string | null;
  website: string | null;
  street: string;
  houseNo: string;
  houseNoExtension: string | null;
  zipCode: string;
  city: string;
  languageCode: string;
  defaultCultureCode: string;
  currencyCode: DemoCurrencyCode;
  creditLimit: string;
  creditLimitCurrency: DemoCurrencyCode;
  rating: DemoRating;
  paymentTerms: number;
  active: boolean;
  blocked: boolean;
  notes: string | null;
  /** Index (into the generated array) of this client's parent company, always an earlier client. */
  parentIndex?: number;
  contract?: DemoContract;
  factoringLoanContract?: DemoFactoringLoanContract;
  factoringPurchaseContract?: DemoFactoringPurchaseContract;
  bankAccounts: DemoBankAccount[];
  directDebitMandates: DemoDirectDebitMandate[];
  parameters: DemoClientParameter[];
  extraFields: DemoExtraField[];
  pricelists: DemoPricelist[];
  externalIdentifiers: DemoExternalIdentifier[];
  invoices: DemoInvoice[];
  /** Newest first. */
  acts: DemoAct[];
}

/** The most clients one run may generate (the unique-number spaces are sized for it). */
export const DEMO_MAX_CLIENTS = 100_000;

// =====================================================================================================
// PRNG, integer money, dates
// =====================================================================================================

// Globals bound once: under jest's vm sandbox every global lookup (Math, Number, String, BigInt) is
// slow, and these run millions of times for a large demo set.
const { imul, floor, abs } = Math;
const { isSafeInteger } = Number;
const toNumber = Number;
const toBigInt = BigInt;
const toText = String;

/** mulberry32: a small, fast, seeded 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mix integers into one 32-bit seed. */
function hash32(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    h = imul(h ^ (value >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}

function hashString(value: string): number {
  return hash32(...Array.from(value, (c) => c.charCodeAt(0)));
}

class Rng {
  private readonly source: () => number;
  constructor(seed: number) {
    this.source = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + floor(this.source() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.source() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let r = this.source() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }
  /** `n` distinct items in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = items.slice();
    const count = Math.min(n, copy.length);
    for (let i = 0; i < count; i++) {
      const j = this.int(i, copy.length - 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  }
  digits(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += toText(this.int(0, 9));
    return out;
  }
}

/** Cents (or hundredths) as a decimal string with 2 decimals, by integer arithmetic only. */
export function formatCents(cents: number): string {
  if (!isSafeInteger(cents)) throw new Error(`formatCents: not a safe integer: ${cents}`);
  const magnitude = abs(cents);
  const fraction = magnitude % 100;
  const whole = (magnitude - fraction) / 100;
  return `${cents < 0 ? "-" : ""}${whole}.${toText(fraction).padStart(2, "0")}`;
}

/** a * b / c truncated towards zero, exactly (BigInt), for integers. */
function mulDiv(a: number, b: number, c: number): number {
  return toNumber((toBigInt(a) * toBigInt(b)) / toBigInt(c));
}

/** Round a non-negative cent amount down to a multiple of `unitCents`. */
const floorTo = (cents: number, unitCents: number): number => cents - (cents % unitCents);

const pad = (value: number, length: number): string => toText(value).padStart(length, "0");

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};
const isoCache = new Map<number, string>();
const isoOf = (day: number): string => {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
};
const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
const instantOf = (day: number, minuteOfDay: number): Date => new Date(day * DAY_MS + minuteOfDay * 60_000);
const addMonths = (day: number, months: number): number => {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), 28)) / DAY_MS;
};
const REF_DAY = dayOf(DEMO_REFERENCE_DATE);
/** A business-hours instant (07:00-17:59 UTC) on `day`. */
const workInstant = (rng: Rng, day: number): Date => instantOf(day, rng.int(7 * 60, 17 * 60 + 59));

// =====================================================================================================
// Unique number spaces
// =====================================================================================================

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The values 0..size-1 in a scrambled but bijective order (x -> (m*x + c) mod size, gcd(m, size) = 1),
 * so every value handed out is distinct. Candidates without a valid check digit are skipped.
 */
class NumberSpace {
  private cursor = 0;
  private readonly multiplier: number;
  private readonly offset: number;

  constructor(
    private readonly name: string,
    private readonly size: number,
    seed: number,
  ) {
    let m = Math.floor(size * 0.6180339887) + 1;
    while (gcd(m, size) !== 1) m++;
    this.multiplier = m;
    this.offset = hash32(seed, hashString(name)) % size;
  }

  next(): number {
    if (this.cursor >= this.size) throw new Error(`demo-data: number space ${this.name} is exhausted`);
    const value = (this.multiplier * this.cursor + this.offset) % this.size;
    this.cursor++;
    return value;
  }

  /** The first candidate `make` accepts (returns non-null for). */
  take<T>(make: (value: number) => T | null): T {
    for (;;) {
      const result = make(this.next());
      if (result !== null) return result;
    }
  }
}

// =====================================================================================================
// Country data
// =====================================================================================================

interface City {
  name: string;
  /** Finnish genitive, for names like "Kuopion Kala Oy". */
  genitive?: string;
  /** Postal codes are drawn from [zipFrom, zipTo]. */
  zipFrom: number;
  zipTo: number;
  /** National trunk/area code without the leading 0 (SE, FI, NL). */
  area?: string;
}

interface CountryProfile {
  code: DemoCountryCode;
  currency: DemoCurrencyCode;
  languageCode: string;
  culture: string;
  /** Standard VAT rate, hundredths of a percent. */
  vatRate: number;
  tld: string;
  cities: City[];
  streets: string[];
  surnames: string[];
  firstNames: string[];
  /** Subsidiary name words: "Nordisk Trä Fastigheter AB". */
  groupWords: string[];
  interestCode: string;
  invoiceEmailLocal: string;
}

const SE_SURNAMES = [
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
  "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson",
  "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg",
  "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg",
  "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm",
  "Wikström", "Samuelsson", "Isaksson", "Fransson", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg",
];
const SE_MALE = ["Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils", "Mikael", "Jan", "Hans", "Peter", "Olof", "Gustav", "Oskar", "Axel", "Viktor", "Emil", "Filip", "Magnus", "Fredrik", "Henrik", "Stefan", "Daniel", "Mats"];
const SE_FEMALE = ["Anna", "Eva", "Maria", "Karin", "Sara", "Kristina", "Lena", "Emma", "Ingrid", "Elin", "Johanna", "Sofia", "Linnea", "Ida", "Malin", "Jenny", "Camilla", "Helena", "Frida", "Maja", "Annika", "Louise", "Therese", "Petra"];

const PROFILES: Record<DemoCountryCode, CountryProfile> = {
  SE: {
    code: "SE",
    currency: "SEK",
    languageCode: "sv",
    culture: "sv-SE",
    vatRate: 2500,
    tld: "se",
    cities: [
      { name: "Stockholm", zipFrom: 11120, zipTo: 11860, area: "8" },
      { name: "Göteborg", zipFrom: 41101, zipTo: 41879, area: "31" },
      { name: "Malmö", zipFrom: 21111, zipTo: 21775, area: "40" },
      { name: "Uppsala", zipFrom: 75220, zipTo: 75449, area: "18" },
      { name: "Västerås", zipFrom: 72210, zipTo: 72481, area: "21" },
      { name: "Örebro", zipFrom: 70210, zipTo: 70382, area: "19" },
      { name: "Linköping", zipFrom: 58183, zipTo: 58937, area: "13" },
      { name: "Helsingborg", zipFrom: 25220, zipTo: 25469, area: "42" },
      { name: "Jönköping", zipFrom: 55302, zipTo: 55628, area: "36" },
      { name: "Norrköping", zipFrom: 60210, zipTo: 60379, area: "11" },
      { name: "Lund", zipFrom: 22221, zipTo: 22761, area: "46" },
      { name: "Umeå", zipFrom: 90325, zipTo: 90749, area: "90" },
      { name: "Gävle", zipFrom: 80250, zipTo: 80648, area: "26" },
      { name: "Borås", zipFrom: 50330, zipTo: 50765, area: "33" },
      { name: "Sundsvall", zipFrom: 85230, zipTo: 85640, area: "60" },
      { name: "Växjö", zipFrom: 35230, zipTo: 35596, area: "470" },
      { name: "Karlstad", zipFrom: 65224, zipTo: 65673, area: "54" },
      { name: "Luleå", zipFrom: 97231, zipTo: 97755, area: "920" },
      { name: "Kiruna", zipFrom: 98130, zipTo: 98146, area: "980" },
      { name: "Visby", zipFrom: 62140, zipTo: 62158, area: "498" },
      { name: "Falun", zipFrom: 79130, zipTo: 79176, area: "23" },
      { name: "Östersund", zipFrom: 83130, zipTo: 83175, area: "63" },
      { name: "Kalmar", zipFrom: 39230, zipTo: 39365, area: "480" },
      { name: "Halmstad", zipFrom: 30224, zipTo: 30296, area: "35" },
    ],
    streets: [
      "Storgatan", "Kungsgatan", "Drottninggatan", "Järnvägsgatan", "Industrivägen", "Verkstadsgatan", "Hamngatan",
      "Skolgatan", "Kyrkogatan", "Södra vägen", "Norra Strandgatan", "Fabriksgatan", "Torggatan", "Sveavägen",
      "Nygatan", "Östra Hamngatan", "Västra vägen", "Parkgatan", "Magasinsgatan", "Bangårdsgatan", "Företagsvägen",
      "Hantverkargatan", "Åsgatan", "Granvägen", "Björkvägen", "Lagervägen", "Sjögatan",
    ],
    surnames: SE_SURNAMES,
    firstNames: [...SE_MALE, ...SE_FEMALE],
    groupWords: ["Fastigheter", "Holding", "Service", "Förvaltning", "Invest", "Logistik", "Norr", "Syd", "Väst"],
    interestCode: "STIBOR3M",
    invoiceEmailLocal: "faktura",
  },
  FI: {
    code: "FI",
    currency: "EUR",
    languageCode: "fi",
    culture: "fi-FI",
    vatRate: 2550,
    tld: "fi",
    cities: [
      { name: "Helsinki", genitive: "Helsingin", zipFrom: 10, zipTo: 99, area: "9" },
      { name: "Espoo", genitive: "Espoon", zipFrom: 210, zipTo: 294, area: "9" },
      { name: "Tampere", genitive: "Tampereen", zipFrom: 3310, zipTo: 3390, area: "3" },
      { name: "Vantaa", genitive: "Vantaan", zipFrom: 130, zipTo: 177, area: "9" },
      { name: "Oulu", genitive: "Oulun", zipFrom: 9010, zipTo: 9094, area: "8" },
      { name: "Turku", genitive: "Turun", zipFrom: 2010, zipTo: 2096, area: "2" },
      { name: "Jyväskylä", genitive: "Jyväskylän", zipFrom: 4010, zipTo: 4095, area: "14" },
      { name: "Lahti", genitive: "Lahden", zipFrom: 1510, zipTo: 1595, area: "3" },
      { name: "Kuopio", genitive: "Kuopion", zipFrom: 7010, zipTo: 7095, area: "17" },
      { name: "Pori", genitive: "Porin", zipFrom: 2810, zipTo: 2890, area: "2" },
      { name: "Joensuu", genitive: "Joensuun", zipFrom: 8010, zipTo: 8033, area: "13" },
      { name: "Lappeenranta", genitive: "Lappeenrannan", zipFrom: 5310, zipTo: 5395, area: "5" },
      { name: "Hämeenlinna", genitive: "Hämeenlinnan", zipFrom: 1310, zipTo: 1390, area: "3" },
      { name: "Vaasa", genitive: "Vaasan", zipFrom: 6510, zipTo: 6538, area: "6" },
      { name: "Seinäjoki", genitive: "Seinäjoen", zipFrom: 6010, zipTo: 6080, area: "6" },
      { name: "Rovaniemi", genitive: "Rovaniemen", zipFrom: 9610, zipTo: 9693, area: "16" },
      { name: "Mikkeli", genitive: "Mikkelin", zipFrom: 5010, zipTo: 5097, area: "15" },
      { name: "Kotka", genitive: "Kotkan", zipFrom: 4810, zipTo: 4893, area: "5" },
      { name: "Porvoo", genitive: "Porvoon", zipFrom: 610, zipTo: 695, area: "19" },
      { name: "Kajaani", genitive: "Kajaanin", zipFrom: 8710, zipTo: 8795, area: "8" },
    ],
    streets: [
      "Teollisuuskatu", "Kauppakatu", "Satamakatu", "Rautatienkatu", "Kirkkokatu", "Koulukatu", "Puistokatu",
      "Hämeenkatu", "Aleksanterinkatu", "Mannerheimintie", "Tehtaankatu", "Asemakatu", "Rantatie", "Metsätie",
      "Koivukuja", "Kuusitie", "Pajatie", "Yrittäjäntie", "Torikatu", "Sahakatu", "Myllytie",
    ],
    surnames: [
      "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
      "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen",
      "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila",
      "Savolainen", "Lahtinen", "Ahonen",
    ],
    firstNames: ["Juha", "Timo", "Matti", "Kari", "Mikko", "Antti", "Jari", "Sari", "Anne", "Päivi", "Tiina", "Leena", "Johanna", "Minna", "Elina", "Ville", "Jukka", "Heikki", "Laura", "Riikka"],
    groupWords: ["Kiinteistöt", "Holding", "Palvelut", "Invest", "Logistiikka", "Suomi", "Group"],
    interestCode: "EURIBOR3M",
    invoiceEmailLocal: "laskutus",
  },
  NO: {
    code: "NO",
    currency: "NOK",
    languageCode: "nb",
    culture: "nb-NO",
    vatRate: 2500,
    tld: "no",
    cities: [
      { name: "Oslo", zipFrom: 150, zipTo: 1295 },
      { name: "Bergen", zipFrom: 5003, zipTo: 5268 },
      { name: "Trondheim", zipFrom: 7010, zipTo: 7099 },
      { name: "Stavanger", zipFrom: 4001, zipTo: 4099 },
      { name: "Kristiansand", zipFrom: 4608, zipTo: 4639 },
      { name: "Tromsø", zipFrom: 9006, zipTo: 9020 },
      { name: "Drammen", zipFrom: 3015, zipTo: 3048 },
      { name: "Fredrikstad", zipFrom: 1601, zipTo: 1640 },
      { name: "Bodø", zipFrom: 8001, zipTo: 8050 },
      { name: "Ålesund", zipFrom: 6002, zipTo: 6030 },
      { name: "Haugesund", zipFrom: 5501, zipTo: 5538 },
      { name: "Tønsberg", zipFrom: 3103, zipTo: 3125 },
      { name: "Molde", zipFrom: 6402, zipTo: 6421 },
      { name: "Hamar", zipFrom: 2301, zipTo: 2322 },
      { name: "Lillehammer", zipFrom: 2609, zipTo: 2626 },
    ],
    streets: [
      "Storgata", "Kirkegata", "Strandgata", "Industriveien", "Havnegata", "Sjøgata", "Kongens gate",
      "Dronningens gate", "Nedre Storgate", "Fjordveien", "Parkveien", "Skolegata", "Torggata", "Jernbanegata",
      "Verkstedveien", "Næringsveien", "Stasjonsveien", "Brugata",
    ],
    surnames: [
      "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
      "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl",
      "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Moen", "Solberg", "Bakken", "Strand", "Lie",
    ],
    firstNames: ["Ole", "Lars", "Knut", "Per", "Jan", "Bjørn", "Kjell", "Arne", "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Silje", "Hilde", "Trond", "Geir", "Tone"],
    groupWords: ["Eiendom", "Holding", "Service", "Invest", "Drift", "Norge", "Gruppen"],
    interestCode: "NIBOR3M",
    invoiceEmailLocal: "faktura",
  },
  DK: {
    code: "DK",
    currency: "DKK",
    languageCode: "da",
    culture: "da-DK",
    vatRate: 2500,
    tld: "dk",
    cities: [
      { name: "København K", zipFrom: 1050, zipTo: 1473 },
      { name: "København V", zipFrom: 1550, zipTo: 1799 },
      { name: "Aarhus C", zipFrom: 8000, zipTo: 8000 },
      { name: "Odense C", zipFrom: 5000, zipTo: 5000 },
      { name: "Aalborg", zipFrom: 9000, zipTo: 9000 },
      { name: "Esbjerg", zipFrom: 6700, zipTo: 6705 },
      { name: "Randers C", zipFrom: 8900, zipTo: 8900 },
      { name: "Kolding", zipFrom: 6000, zipTo: 6000 },
      { name: "Horsens", zipFrom: 8700, zipTo: 8700 },
      { name: "Vejle", zipFrom: 7100, zipTo: 7100 },
      { name: "Roskilde", zipFrom: 4000, zipTo: 4000 },
      { name: "Herning", zipFrom: 7400, zipTo: 7400 },
      { name: "Silkeborg", zipFrom: 8600, zipTo: 8600 },
      { name: "Næstved", zipFrom: 4700, zipTo: 4700 },
      { name: "Fredericia", zipFrom: 7000, zipTo: 7000 },
      { name: "Viborg", zipFrom: 8800, zipTo: 8800 },
      { name: "Køge", zipFrom: 4600, zipTo: 4600 },
      { name: "Holstebro", zipFrom: 7500, zipTo: 7500 },
      { name: "Slagelse", zipFrom: 4200, zipTo: 4200 },
      { name: "Hillerød", zipFrom: 3400, zipTo: 3400 },
      { name: "Sønderborg", zipFrom: 6400, zipTo: 6400 },
      { name: "Svendborg", zipFrom: 5700, zipTo: 5700 },
    ],
    streets: [
      "Vestergade", "Østergade", "Nørregade", "Søndergade", "Algade", "Havnegade", "Strandvejen", "Industrivej",
      "Stationsvej", "Kirkegade", "Torvet", "Jernbanegade", "Skolevej", "Møllevej", "Fabriksvej", "Håndværkervej",
      "Erhvervsvej", "Banegårdsgade", "Klostergade", "Adelgade",
    ],
    surnames: [
      "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
      "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
      "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Frederiksen", "Laursen", "Henriksen", "Lund",
    ],
    firstNames: ["Jens", "Peter", "Lars", "Søren", "Niels", "Henrik", "Morten", "Mette", "Hanne", "Anne", "Kirsten", "Susanne", "Lene", "Camilla", "Rasmus", "Mads", "Louise", "Pia"],
    groupWords: ["Ejendomme", "Holding", "Service", "Invest", "Drift", "Danmark", "Gruppen"],
    interestCode: "CIBOR3M",
    invoiceEmailLocal: "faktura",
  },
  NL: {
    code: "NL",
    currency: "EUR",
    languageCode: "nl",
    culture: "nl-NL",
    vatRate: 2100,
    tld: "nl",
    cities: [
      { name: "Amsterdam", zipFrom: 1011, zipTo: 1109, area: "20" },
      { name: "Rotterdam", zipFrom: 3011, zipTo: 3089, area: "10" },
      { name: "Den Haag", zipFrom: 2491, zipTo: 2597, area: "70" },
      { name: "Utrecht", zipFrom: 3511, zipTo: 3585, area: "30" },
      { name: "Eindhoven", zipFrom: 5611, zipTo: 5658, area: "40" },
      { name: "Groningen", zipFrom: 9711, zipTo: 9747, area: "50" },
      { name: "Tilburg", zipFrom: 5011, zipTo: 5049, area: "13" },
      { name: "Almere", zipFrom: 1311, zipTo: 1364, area: "36" },
      { name: "Breda", zipFrom: 4811, zipTo: 4839, area: "76" },
      { name: "Nijmegen", zipFrom: 6511, zipTo: 6546, area: "24" },
      { name: "Apeldoorn", zipFrom: 7311, zipTo: 7339, area: "55" },
      { name: "Haarlem", zipFrom: 2011, zipTo: 2037, area: "23" },
      { name: "Arnhem", zipFrom: 6811, zipTo: 6846, area: "26" },
      { name: "Zwolle", zipFrom: 8011, zipTo: 8045, area: "38" },
      { name: "Leiden", zipFrom: 2311, zipTo: 2334, area: "71" },
      { name: "Maastricht", zipFrom: 6211, zipTo: 6229, area: "43" },
      { name: "Delft", zipFrom: 2611, zipTo: 2629, area: "15" },
      { name: "Leeuwarden", zipFrom: 8911, zipTo: 8941, area: "58" },
      { name: "'s-Hertogenbosch", zipFrom: 5211, zipTo: 5237, area: "73" },
      { name: "Enschede", zipFrom: 7511, zipTo: 7548, area: "53" },
      { name: "Amersfoort", zipFrom: 3811, zipTo: 3829, area: "33" },
      { name: "Venlo", zipFrom: 5911, zipTo: 5935, area: "77" },
    ],
    streets: [
      "Kerkstraat", "Dorpsstraat", "Stationsweg", "Industrieweg", "Havenweg", "Molenweg", "Schoolstraat",
      "Nieuwstraat", "Marktplein", "Hoofdstraat", "Julianastraat", "Wilhelminastraat", "Beatrixlaan", "Parallelweg",
      "Nijverheidsweg", "Energieweg", "Keizersgracht", "Herengracht", "Prinsengracht", "Zuiderzeeweg", "Handelsweg",
    ],
    surnames: [
      "Van Dijk", "De Jong", "Jansen", "De Vries", "Van den Berg", "Bakker", "Visser", "Smit", "Meijer", "De Boer",
      "Mulder", "De Groot", "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker", "Brouwer", "De Wit",
      "Dijkstra", "Smits", "De Graaf", "Van der Meer", "Van der Linden", "Kok", "Jacobs", "De Haan", "Vermeulen",
      "Van den Heuvel", "Van der Veen", "Van den Broek", "De Bruijn", "Van der Heijden", "Schouten", "Van Beek",
      "Willems", "Van Vliet", "Van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "Van Dam", "Prins", "Blom",
      "Huisman", "Kuipers",
    ],
    firstNames: ["Jan", "Pieter", "Kees", "Henk", "Willem", "Sander", "Thijs", "Bas", "Maria", "Anna", "Sanne", "Lotte", "Femke", "Eva", "Inge", "Marieke", "Ruud", "Joost", "Linda", "Esther"],
    groupWords: ["Vastgoed", "Holding", "Services", "Beheer", "Nederland", "Groep"],
    interestCode: "EURIBOR3M",
    invoiceEmailLocal: "facturen",
  },
};

const SE_INDUSTRIES = [
  "Trä", "Bygg", "Snickeri", "Måleri", "Elteknik", "VVS", "Transport", "Åkeri", "Logistik", "Frakt", "Data",
  "IT-konsult", "Redovisning", "Revision", "Fastigheter", "Förvaltning", "Städ", "Livs", "Bageri", "Chark", "Fisk",
  "Café", "Restaurang", "Hotell", "Maskin", "Verkstad", "Plåt", "Stål", "Metall", "Plast", "Tryck", "Reklam",
  "Design", "Arkitekter", "Ingenjörer", "Konsult", "Trädgård", "Skog", "Lantbruk", "Energi", "Solenergi", "Kyl",
  "Glas", "Golv", "Tak", "Möbler", "Textil", "Blommor", "Optik", "Tandvård", "Hälsa", "Utbildning", "Event",
  "Säkerhet", "Larm", "Bil", "Däck", "Marin", "Båt",
];
const SE_PLACES = [
  "Nordisk", "Svensk", "Norrlands", "Västkust", "Öresunds", "Mälardalens", "Göta", "Dalarnas", "Skånska",
  "Roslagens", "Bergslagens", "Gotlands", "Värmlands", "Hallands", "Smålands", "Jämtlands", "Upplands", "Sörmlands",
  "Norrbottens", "Västerbottens", "Blekinge", "Kalmar", "Umeå", "Luleå", "Göteborgs", "Malmö", "Stockholms",
  "Uppsala", "Örebro", "Linköpings", "Jönköpings", "Sundsvalls", "Gävle", "Karlstads", "Växjö", "Helsingborgs",
  "Borås", "Falu", "Visby", "Kiruna",
];
const SE_FANCY = ["Nova", "Alfa", "Polar", "Aurora", "Viking", "Fjäll", "Kust", "Sjö", "Ek", "Björk", "Gran", "Tall", "Lind", "Asp", "Stjärn", "Nord", "Väst", "Öst", "Syd", "Atlas", "Delta", "Optima"];
const SE_MUNICIPALITIES = [
  "Ale", "Alingsås", "Arvika", "Boden", "Borlänge", "Eslöv", "Falkenberg", "Gislaved", "Hudiksvall", "Härnösand",
  "Kalix", "Karlskoga", "Katrineholm", "Kungsbacka", "Lerum", "Lidköping", "Mora", "Motala", "Nacka", "Nyköping",
  "Piteå", "Sandviken", "Skellefteå", "Skövde", "Söderhamn", "Trelleborg", "Uddevalla", "Varberg", "Vänersborg",
  "Ystad", "Örnsköldsvik", "Enköping",
];
const SE_DEPARTMENTS = ["Tekniska förvaltningen", "Kultur- och fritidsförvaltningen", "Miljöförvaltningen", "Utbildningsförvaltningen", "Socialförvaltningen", "Samhällsbyggnadsförvaltningen"];
const SE_ASSOCIATIONS = ["Idrottsförening", "Båtklubb", "Golfklubb", "Hembygdsförening", "Musikförening", "Konstförening", "Ryttarförening", "Skidklubb"];

const FI_INDUSTRIES = [
  "Kala", "Rakennus", "Puu", "Sähkö", "Kuljetus", "Logistiikka", "Metalli", "Kone", "Konepaja", "Leipomo", "Kahvila",
  "Ravintola", "Siivous", "Tilitoimisto", "Kiinteistöpalvelu", "Maalaus", "Putki", "LVI", "Data", "Ohjelmisto",
  "Konsultointi", "Paino", "Mainos", "Puutarha", "Metsä", "Energia", "Lasi", "Kaluste", "Tekstiili", "Optiikka",
  "Terveys", "Koulutus", "Turva", "Auto", "Rengas", "Vene", "Kauppa", "Teräs", "Muovi", "Katto",
];
const FI_REGIONS = ["Pohjolan", "Suomen", "Lapin", "Saimaan", "Karjalan", "Hämeen", "Savon", "Kainuun", "Pohjanmaan", "Uudenmaan", "Järvi-Suomen", "Länsi-Suomen", "Itä-Suomen"];
const FI_CLUBS = ["Urheiluseura", "Veneseura", "Golfseura", "Kotiseutuyhdistys", "Musiikkiyhdistys", "Taideyhdistys", "Hiihtoseura", "Yrittäjät"];

const NO_PREFIXES = ["Fjord", "Nord", "Vest", "Fjell", "Hav", "Kyst", "Sjø", "Bre", "Skog", "Dal", "Vik", "Berg", "Nor", "Lys", "Stor", "Midt", "Sør", "Øst", "Polar", "Nordlys", "Vinter", "Elv"];
const NO_SUFFIXES = ["frakt", "bygg", "transport", "data", "elektro", "rør", "maling", "bakeri", "fisk", "sjømat", "eiendom", "regnskap", "invest", "konsult", "service", "maskin", "verksted", "tre", "stål", "marin", "energi", "kraft", "media", "design", "handel", "helse", "tak", "glass", "anlegg", "trafikk"];
const NO_INDUSTRIES = ["Bygg", "Rør", "Elektro", "Transport", "Regnskap", "Eiendom", "Maskin", "Sjømat", "Maling", "Snekkeri", "Tak", "Anlegg", "Bilservice", "Data", "Revisjon", "Trelast", "Rørlegger", "Graving"];

const DK_PLACES = ["Havnens", "Byens", "Torvets", "Strandens", "Skovens", "Fjordens", "Engens", "Bakkens", "Møllens", "Nørrebros", "Vesterbros", "Amagers", "Fyns", "Jyllands", "Sjællands", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Randers", "Kolding", "Horsens", "Roskilde", "Herning", "Silkeborg", "Næstved", "Viborg"];
const DK_INDUSTRIES = ["Bageri", "Tømrer", "Murer", "El", "VVS", "Vognmand", "Transport", "Logistik", "Revision", "Bogføring", "IT", "Software", "Rengøring", "Malerfirma", "Autoværksted", "Maskinfabrik", "Smedje", "Trykkeri", "Reklame", "Design", "Arkitekter", "Rådgivning", "Gartneri", "Landbrug", "Energi", "Fisk", "Slagter", "Café", "Restaurant", "Ejendomme", "Tandklinik", "Optik", "Blomster", "Tagdækning", "Glas", "Møbler"];

const NL_INDUSTRIES = ["Logistiek", "Transport", "Bouw", "Installatietechniek", "Schilders", "Bakkerij", "Techniek", "Metaal", "Machinebouw", "Advies", "Administratie", "Accountants", "ICT", "Software", "Media", "Drukkerij", "Reclame", "Vastgoed", "Schoonmaak", "Hoveniers", "Kwekerij", "Agri", "Energie", "Zonne-energie", "Verhuur", "Catering", "Horeca", "Tandartsen", "Opticiens", "Bloemen", "Meubelen", "Textiel", "Elektro", "Dakwerken", "Glas", "Autobedrijf", "Fietsen", "Scheepvaart", "Visserij", "Zuivel"];
const NL_PLACES = ["Amsterdamse", "Rotterdamse", "Haagse", "Utrechtse", "Brabantse", "Friese", "Zeeuwse", "Limburgse", "Groningse", "Drentse", "Twentse", "Gelderse", "Hollandse", "Westlandse", "Veluwse", "Delftse", "Leidse", "Haarlemse", "Bredase", "Noordelijke", "Zuid-Hollandse"];
const NL_CAUSES = ["Cultuurfonds", "Natuurbehoud", "Jeugdsport", "Muziekonderwijs", "Erfgoed", "Voedselbank", "Zorg", "Welzijn"];

// =====================================================================================================
// Legal forms and names
// =====================================================================================================

type NameKind = "commercial" | "association" | "public" | "housing" | "soleTrader";

interface LegalForm {
  key: string;
  companyType: CompanyType | null;
  weight: number;
  kind: NameKind;
  /** Registered name from its core. */
  compose: (core: string) => string;
  /** Org number space (SE only: the first digits say the legal form). */
  orgSpace: string;
}

const SE_FORMS: LegalForm[] = [
  { key: "AB", companyType: CompanyType.SE_AKTIEBOLAG, weight: 86, kind: "commercial", compose: (c) => `${c} AB`, orgSpace: "SE-AB" },
  { key: "HB", companyType: CompanyType.SE_HANDELSBOLAG_KOMMANDITBOLAG, weight: 3, kind: "commercial", compose: (c) => `${c} HB`, orgSpace: "SE-HB" },
  { key: "KB", companyType: CompanyType.SE_HANDELSBOLAG_KOMMANDITBOLAG, weight: 2, kind: "commercial", compose: (c) => `${c} KB`, orgSpace: "SE-HB" },
  { key: "EF", companyType: CompanyType.SE_EKONOMISK_FORENING, weight: 3, kind: "commercial", compose: (c) => `${c} ekonomisk förening`, orgSpace: "SE-EF" },
  { key: "IF", companyType: CompanyType.SE_STIFTELSE_IDEELL_FORENING, weight: 2, kind: "association", compose: (c) => c, orgSpace: "SE-IF" },
  { key: "ST", companyType: CompanyType.SE_STIFTELSE_IDEELL_FORENING, weight: 1, kind: "association", compose: (c) => `Stiftelsen ${c}`, orgSpace: "SE-IF" },
  { key: "PUB", companyType: CompanyType.SE_STATE_REGION_MUNICIPALITY, weight: 3, kind: "public", compose: (c) => c, orgSpace: "SE-PUB" },
];
const FI_FORMS: LegalForm[] = [
  { key: "Oy", companyType: CompanyType.FI_OSAKEYHTIO, weight: 74, kind: "commercial", compose: (c) => `${c} Oy`, orgSpace: "FI" },
  { key: "Oyj", companyType: CompanyType.FI_OSAKEYHTIO, weight: 1, kind: "commercial", compose: (c) => `${c} Oyj`, orgSpace: "FI" },
  { key: "Ky", companyType: CompanyType.FI_KOMMANDIITTIYHTIO, weight: 6, kind: "commercial", compose: (c) => `${c} Ky`, orgSpace: "FI" },
  { key: "Ay", companyType: CompanyType.FI_AVOIN_YHTIO, weight: 3, kind: "commercial", compose: (c) => `${c} Ay`, orgSpace: "FI" },
  { key: "Osk", companyType: CompanyType.FI_OSUUSKUNTA, weight: 3, kind: "commercial", compose: (c) => `${c} Osuuskunta`, orgSpace: "FI" },
  { key: "Tmi", companyType: CompanyType.FI_YKSITYINEN_ELINKEINONHARJOITTAJA, weight: 2, kind: "soleTrader", compose: (c) => `Tmi ${c}`, orgSpace: "FI" },
  { key: "ry", companyType: CompanyType.FI_REKISTEROITY_YHDISTYS, weight: 3, kind: "association", compose: (c) => `${c} ry`, orgSpace: "FI" },
  { key: "sr", companyType: CompanyType.FI_SAATIO, weight: 2, kind: "association", compose: (c) => `${c} säätiö sr`, orgSpace: "FI" },
  { key: "AsOy", companyType: CompanyType.FI_ASUNTO_OSAKEYHTIO, weight: 4, kind: "housing", compose: (c) => `Asunto Oy ${c}`, orgSpace: "FI" },
  { key: "KOy", companyType: CompanyType.FI_KIINTEISTOOSAKEYHTIO, weight: 2, kind: "housing", compose: (c) => `Kiinteistö Oy ${c}`, orgSpace: "FI" },
];
// Norway and Denmark have no company types in CompanyType (the factoring platform's list): null.
const NO_FORMS: LegalForm[] = [
  { key: "AS", companyType: null, weight: 88, kind: "commercial", compose: (c) => `${c} AS`, orgSpace: "NO" },
  { key: "ASA", companyType: null, weight: 2, kind: "commercial", compose: (c) => `${c} ASA`, orgSpace: "NO" },
  { key: "ANS", companyType: null, weight: 3, kind: "commercial", compose: (c) => `${c} ANS`, orgSpace: "NO" },
  { key: "DA", companyType: null, weight: 1, kind: "commercial", compose: (c) => `${c} DA`, orgSpace: "NO" },
  { key: "SA", companyType: null, weight: 3, kind: "commercial", compose: (c) => `${c} SA`, orgSpace: "NO" },
  { key: "ENK", companyType: null, weight: 3, kind: "soleTrader", compose: (c) => c, orgSpace: "NO" },
];
const DK_FORMS: LegalForm[] = [
  { key: "ApS", companyType: null, weight: 70, kind: "commercial", compose: (c) => `${c} ApS`, orgSpace: "DK" },
  { key: "A/S", companyType: null, weight: 22, kind: "commercial", compose: (c) => `${c} A/S`, orgSpace: "DK" },
  { key: "I/S", companyType: null, weight: 4, kind: "commercial", compose: (c) => `${c} I/S`, orgSpace: "DK" },
  { key: "K/S", companyType: null, weight: 2, kind: "commercial", compose: (c) => `${c} K/S`, orgSpace: "DK" },
  { key: "P/S", companyType: null, weight: 2, kind: "commercial", compose: (c) => `${c} P/S`, orgSpace: "DK" },
];
const NL_FORMS: LegalForm[] = [
  { key: "BV", companyType: CompanyType.NL_BESLOTEN_VENNOOTSCHAP, weight: 70, kind: "commercial", compose: (c) => `${c} B.V.`, orgSpace: "NL" },
  { key: "NV", companyType: CompanyType.NL_NAAMLOZE_VENNOOTSCHAP, weight: 2, kind: "commercial", compose: (c) => `${c} N.V.`, orgSpace: "NL" },
  { key: "VOF", companyType: CompanyType.NL_VENNOOTSCHAP_ONDER_FIRMA, weight: 7, kind: "commercial", compose: (c) => `${c} V.O.F.`, orgSpace: "NL" },
  { key: "CV", companyType: CompanyType.NL_COMMANDITAIRE_VENNOOTSCHAP, weight: 1, kind: "commercial", compose: (c) => `${c} C.V.`, orgSpace: "NL" },
  { key: "MS", companyType: CompanyType.NL_MAATSCHAP, weight: 2, kind: "commercial", compose: (c) => `Maatschap ${c}`, orgSpace: "NL" },
  { key: "EMZ", companyType: CompanyType.NL_EENMANSZAAK, weight: 6, kind: "soleTrader", compose: (c) => c, orgSpace: "NL" },
  { key: "COOP", companyType: CompanyType.NL_COOPERATIE_ONDERLINGE_WAARBORGMAATSCHAPPIJ, weight: 2, kind: "commercial", compose: (c) => `Coöperatie ${c} U.A.`, orgSpace: "NL" },
  { key: "ST", companyType: CompanyType.NL_STICHTING, weight: 5, kind: "association", compose: (c) => `Stichting ${c}`, orgSpace: "NL" },
  { key: "VER", companyType: CompanyType.NL_VERENIGING_VOLLEDIGE_RECHTSBEVOEGDHEID, weight: 2, kind: "association", compose: (c) => `Vereniging ${c}`, orgSpace: "NL" },
  { key: "VVE", companyType: CompanyType.NL_VERENIGING_VAN_EIGENAARS, weight: 1, kind: "housing", compose: (c) => `VvE ${c}`, orgSpace: "NL" },
];
const FORMS: Record<DemoCountryCode, LegalForm[]> = { SE: SE_FORMS, FI: FI_FORMS, NO: NO_FORMS, DK: DK_FORMS, NL: NL_FORMS };

/** A name core (no legal form) of the given kind. */
function nameCore(rng: Rng, country: DemoCountryCode, kind: NameKind, city: City, street: string): string {
  const p = PROFILES[country];
  const surname = () => rng.pick(p.surnames);
  const first = () => rng.pick(p.firstNames);
  switch (country) {
    case "SE": {
      if (kind === "public") {
        const municipality = rng.chance(0.6) ? rng.pick(SE_MUNICIPALITIES) : city.name;
        return rng.weighted<string>([
          [`${municipality} kommun`, 6],
          [`${municipality} kommun, ${rng.pick(SE_DEPARTMENTS)}`, 3],
          [`Region ${rng.pick(["Skåne", "Stockholm", "Uppsala", "Västerbotten", "Norrbotten", "Halland", "Gävleborg", "Jönköpings län", "Örebro län", "Dalarna"])}`, 1],
        ]);
      }
      if (kind === "association") {
        return rng.chance(0.5) ? `${city.name} ${rng.pick(SE_ASSOCIATIONS)}` : `${surname()}s minnesfond`;
      }
      const industry = rng.pick(SE_INDUSTRIES);
      return rng.weighted<string>([
        [`${rng.pick(SE_PLACES)} ${industry}`, 4],
        [`${surname()}s ${industry}`, 3],
        [`${industry}gruppen i ${city.name}`, 1],
        [`${surname()} & ${surname()} ${industry}`, 1],
        [`${rng.pick(SE_FANCY)} ${industry}`, 3],
      ]);
    }
    case "FI": {
      const gen = city.genitive ?? `${city.name}n`;
      if (kind === "association") return `${gen} ${rng.pick(FI_CLUBS)}`;
      if (kind === "housing") return `${city.name}n ${rng.pick(["Koivu", "Kuusi", "Mänty", "Ranta", "Puisto", "Tähti", "Kallio", "Niitty"])}${rng.pick(["rinne", "kallio", "tie", "lehto", "piha", "mäki"])}`;
      if (kind === "soleTrader") return `${first()} ${surname()}`;
      const industry = rng.pick(FI_INDUSTRIES);
      return rng.weighted<string>([
        [`${gen} ${industry}`, 4],
        [`${surname()} ${industry}`, 2],
        [`${industry} ${surname()}`, 2],
        [`${rng.pick(FI_REGIONS)} ${industry}`, 3],
      ]);
    }
    case "NO": {
      if (kind === "soleTrader") return `${first()} ${surname()} ${rng.pick(NO_INDUSTRIES)}`;
      return rng.weighted<string>([
        [`${rng.pick(NO_PREFIXES)}${rng.pick(NO_SUFFIXES)}`, 4],
        [`${city.name} ${rng.pick(NO_INDUSTRIES)}`, 2],
        [`${surname()} ${rng.pick(NO_INDUSTRIES)}`, 2],
        [`${surname()} & Sønn`, 1],
      ]);
    }
    case "DK": {
      const industry = rng.pick(DK_INDUSTRIES);
      return rng.weighted<string>([
        [`${rng.pick(DK_PLACES)} ${industry}`, 4],
        [`${surname()} ${industry}`, 2],
        [`${surname()} & Søn ${industry}`, 1],
        [`${industry}huset ${city.name.replace(/ [A-Z]$/, "")}`, 1],
      ]);
    }
    case "NL": {
      if (kind === "association") return `${rng.pick(NL_PLACES)} ${rng.pick(NL_CAUSES)}`;
      if (kind === "housing") return `${street} ${rng.int(1, 250)}-${rng.int(1, 250)}`;
      const industry = rng.pick(NL_INDUSTRIES);
      if (kind === "soleTrader") return rng.chance(0.5) ? `${industry} ${surname()}` : `${first()} ${surname()} ${industry}`;
      return rng.weighted<string>([
        [`${surname()} ${industry}`, 4],
        [`${rng.pick(NL_PLACES)} ${industry}`, 3],
        [`${surname()} & ${surname()} ${industry}`, 1],
        [`${industry} ${city.name}`, 1],
      ]);
    }
  }
}

/** ASCII slug for domains: "Nordisk Trä" -> "nordisktra". */
function slug(value: string): string {
  return value
    .replace(/ø/g, "o")
    .replace(/Ø/g, "O")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "Ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 40);
}

function initials(core: string): string | undefined {
  const words = core.split(/[\s&-]+/).filter((w) => /^[A-Za-zÀ-ÿ]/.test(w));
  if (words.length < 2) return undefined;
  return words.map((w) => w.charAt(0).toUpperCase()).join("");
}

// =====================================================================================================
// Banks
// =====================================================================================================

interface SwedishBank {
  name: string;
  bic: string;
  ibanBank: string;
  clearing: (rng: Rng) => string;
  /** Account number from 7 unique digits. */
  account: (rng: Rng, unique7: string) => string;
  /** The 17 IBAN digits after the bank code. */
  ibanTail: (clearing: string, account: string) => string;
}

const SE_BANKS: SwedishBank[] = [
  { name: "SEB", bic: "ESSESESS", ibanBank: "500", clearing: (r) => `5${r.digits(3)}`, account: (_r, u) => u, ibanTail: (c, a) => `${c}${a}`.padStart(17, "0") },
  { name: "Handelsbanken", bic: "HANDSESS", ibanBank: "600", clearing: (r) => `6${r.digits(3)}`, account: (r, u) => `${r.int(1, 9)}${r.digits(1)}${u}`, ibanTail: (_c, a) => a.padStart(17, "0") },
  { name: "Nordea", bic: "NDEASESS", ibanBank: "300", clearing: (r) => `3${r.int(0, 2)}${r.digits(2)}`, account: (_r, u) => u, ibanTail: (c, a) => `${c}${a}`.padStart(17, "0") },
  { name: "Swedbank", bic: "SWEDSESS", ibanBank: "800", clearing: (r) => `8${r.digits(4)}`, account: (r, u) => `${r.int(1, 9)}${r.digits(2)}${u}`, ibanTail: (c, a) => `${c}${a}`.padStart(17, "0") },
  { name: "Danske Bank", bic: "DABASESX", ibanBank: "120", clearing: (r) => `12${r.digits(2)}`, account: (_r, u) => u, ibanTail: (c, a) => `${c}${a}`.padStart(17, "0") },
];
const FI_BANKS = [
  { name: "Nordea", bic: "NDEAFIHH", prefix: "1" },
  { name: "OP", bic: "OKOYFIHH", prefix: "5" },
  { name: "Danske Bank", bic: "DABAFIHH", prefix: "8" },
  { name: "Handelsbanken", bic: "HANDFIHH", prefix: "31" },
  { name: "S-Pankki", bic: "SBANFIHH", prefix: "36" },
  { name: "Aktia", bic: "HELSFIHH", prefix: "405" },
] as const;
const NO_BANKS = [
  { name: "DNB", bic: "DNBANOKK", reg: ["1503", "1254", "1607"] },
  { name: "Nordea", bic: "NDEANOKK", reg: ["6003", "6025"] },
  { name: "SpareBank 1 SR-Bank", bic: "SPRONO22", reg: ["3201", "3207"] },
  { name: "Handelsbanken", bic: "HANDNOKK", reg: ["9049"] },
  { name: "Sbanken", bic: "SBAKNOBB", reg: ["9710"] },
  { name: "Sparebanken Vest", bic: "SPAVNOBB", reg: ["3625"] },
] as const;
const DK_BANKS = [
  { name: "Danske Bank", bic: "DABADKKK", reg: ["3001", "4180", "4310"] },
  { name: "Nordea", bic: "NDEADKKK", reg: ["2191", "2212", "2400"] },
  { name: "Jyske Bank", bic: "JYBADKKK", reg: ["5017", "7331"] },
  { name: "Sydbank", bic: "SYBKDK22", reg: ["6610", "7040"] },
  { name: "Nykredit Bank", bic: "NYKBDKKK", reg: ["5470"] },
  { name: "Spar Nord", bic: "SPNODK22", reg: ["9070"] },
  { name: "Arbejdernes Landsbank", bic: "ALBADKKK", reg: ["5301"] },
] as const;
const NL_BANKS = [
  { name: "ABN AMRO", bic: "ABNANL2A", code: "ABNA" },
  { name: "Rabobank", bic: "RABONL2U", code: "RABO" },
  { name: "ING", bic: "INGBNL2A", code: "INGB" },
  { name: "de Volksbank (SNS)", bic: "SNSBNL2A", code: "SNSB" },
  { name: "Triodos Bank", bic: "TRIONL2U", code: "TRIO" },
  { name: "Knab", bic: "KNABNL2H", code: "KNAB" },
  { name: "bunq", bic: "BUNQNL2A", code: "BUNQ" },
] as const;

/** The finance company's own receiving accounts, for direct debit mandates. */
const RECEIVING_ACCOUNTS = {
  SE: formatBankgiro("50501055"),
  FI: composeIban("FI", "12345600000785"),
  NL: composeIban("NL", "ABNA0417164300"),
} as const;

// =====================================================================================================
// Generator
// =====================================================================================================

type SizeClass = "micro" | "small" | "medium" | "large";

interface Context {
  seed: number;
  spaces: Map<string, NumberSpace>;
  usedNames: Set<string>;
  /** Earlier commercial businesses per country: index and name core (parents of group companies). */
  parents: Record<DemoCountryCode, Array<{ index: number; core: string }>>;
}

const PNR_FIRST_DAY = Date.UTC(1950, 0, 1) / DAY_MS;
/** Personnummer birth dates: 1950-01-01 .. 2004-12-31. */
const PNR_DAY_COUNT = Date.UTC(2004, 11, 31) / DAY_MS - PNR_FIRST_DAY + 1;

/** Sizes of the unique-number spaces (each comfortably above DEMO_MAX_CLIENTS times use per client). */
const SPACE_SIZES: Record<string, number> = {
  "SE-AB": 2_000_000, // 556xxx-xxxx and 559xxx-xxxx
  "SE-HB": 1_000_000, // 969xxx-xxxx
  "SE-EF": 1_000_000, // 769xxx-xxxx
  "SE-IF": 1_000_000, // 802xxx-xxxx
  "SE-PUB": 100_000, // 2120xx-xxxx
  "SE-PNR": PNR_DAY_COUNT * 500, // (birth date, serial / 2)
  FI: 2_300_000, // Y-tunnus 1000000..3299999
  NO: 10_000_000, // 9xxxxxxx
  DK: 3_500_000, // CVR 1000000x..4499999x
  NL: 90_000_000, // KvK 10000000..99999999
  "NL-RSIN": 10_000_000, // 8xxxxxxxx
  "SE-ACCOUNT": 10_000_000,
  "SE-BANKGIRO-8": 9_000_000, // 8-digit bankgiro: 1000000..9999999 + check digit
  "SE-BANKGIRO-7": 900_000, // 7-digit bankgiro: 100000..999999 + check digit
  "SE-PLUSGIRO": 9_000_000, // 100000..9099999 + check digit
  "FI-ACCOUNT": 10_000_000,
  "NO-ACCOUNT": 1_000_000,
  "DK-ACCOUNT": 100_000_000,
  "NL-ACCOUNT": 1_000_000_000,
};

function space(ctx: Context, name: string): NumberSpace {
  let s = ctx.spaces.get(name);
  if (!s) {
    s = new NumberSpace(name, SPACE_SIZES[name], ctx.seed);
    ctx.spaces.set(name, s);
  }
  return s;
}

/** A unique, checksum-valid, normalised org number for the form's number space. */
function allocateOrgNumber(ctx: Context, orgSpace: string): string {
  const s = space(ctx, orgSpace);
  switch (orgSpace) {
    case "SE-AB":
      return s.take((v) => {
        const payload = `${v < 1_000_000 ? "556" : "559"}${pad(v % 1_000_000, 6)}`;
        return `${payload}${luhnCheckDigit(payload)}`;
      });
    case "SE-HB":
    case "SE-EF":
    case "SE-IF": {
      const prefix = { "SE-HB": "969", "SE-EF": "769", "SE-IF": "802" }[orgSpace];
      return s.take((v) => {
        const payload = `${prefix}${pad(v, 6)}`;
        return `${payload}${luhnCheckDigit(payload)}`;
      });
    }
    case "SE-PUB":
      return s.take((v) => {
        const payload = `2120${pad(v, 5)}`;
        return `${payload}${luhnCheckDigit(payload)}`;
      });
    case "FI":
      return s.take((v) => {
        const first7 = pad(1_000_000 + v, 7);
        const check = finnishBusinessIdCheckDigit(first7);
        return check === null ? null : `${first7}${check}`;
      });
    case "NO":
      return s.take((v) => {
        const first8 = `9${pad(v, 7)}`;
        const check = norwegianOrgNumberCheckDigit(first8);
        return check === null ? null : `${first8}${check}`;
      });
    case "DK":
      return s.take((v) => {
        const first7 = String(1_000_000 + v);
        const check = danishCvrCheckDigit(first7);
        return check === null ? null : `${first7}${check}`;
      });
    case "NL":
      return String(10_000_000 + s.next());
    default:
      throw new Error(`demo-data: unknown org number space ${orgSpace}`);
  }
}

/** A unique personnummer (12 digits, normalised) for a person of the given sex; ~3% samordningsnummer. */
function allocatePersonalNumber(ctx: Context, rng: Rng, male: boolean): string {
  const v = space(ctx, "SE-PNR").next();
  const day = PNR_FIRST_DAY + Math.floor(v / 500);
  const serial = (v % 500) * 2 + (male ? 1 : 0);
  const date = isoOf(day);
  const dd = Number(date.slice(8, 10)) + (rng.chance(0.03) ? 60 : 0);
  const yymmdd = `${date.slice(2, 4)}${date.slice(5, 7)}${pad(dd, 2)}`;
  const payload = `${yymmdd}${pad(serial, 3)}`;
  return `${date.slice(0, 2)}${payload}${luhnCheckDigit(payload)}`;
}

/** Dutch RSIN (11-proof) based VAT number "NL123456789B01". */
function allocateDutchVat(ctx: Context): string {
  const rsin = space(ctx, "NL-RSIN").take((v) => {
    const first8 = `8${pad(v, 7)}`;
    const sum = Array.from(first8).reduce((acc, d, i) => acc + Number(d) * (9 - i), 0);
    const check = sum % 11;
    return check === 10 ? null : `${first8}${check}`;
  });
  return `NL${rsin}B01`;
}

const SIZE_REVENUE_EUR: Record<SizeClass, [number, number]> = {
  micro: [40_000, 900_000],
  small: [1_000_000, 9_000_000],
  medium: [10_000_000, 45_000_000],
  large: [50_000_000, 200_000_000],
};
const SIZE_EMPLOYEES: Record<SizeClass, [number, number]> = {
  micro: [1, 9],
  small: [10, 49],
  medium: [50, 249],
  large: [250, 2500],
};
/** Currency units per 100 EUR. */
const FX_PER_100_EUR: Record<DemoCurrencyCode, number> = { EUR: 100, SEK: 1100, NOK: 1150, DKK: 746 };
const fromEurCents = (eurCents: number, currency: DemoCurrencyCode): number => mulDiv(eurCents, FX_PER_100_EUR[currency], 100);
const RATING_LIMIT_PERCENT: Record<DemoRating, number> = { AAA: 20, AA: 15, A: 12, BBB: 8, BB: 5, B: 3, C: 1 };

const NOTES = [
  "Prefers invoices by e-mail.",
  "Seasonal business; volumes peak in Q4.",
  "Contact the CFO for credit matters.",
  "Onboarded via partner bank.",
  "Requires a purchase order number on every invoice.",
  "Annual review scheduled in spring.",
  "Uses e-invoicing (Peppol) for all debtors.",
  "Key account: escalate disputes to the account manager.",
];
const ACCOUNT_MANAGERS = ["Anna Berg", "Mikko Laine", "Ole Hansen", "Mette Nielsen", "Sanne de Vries", "Johan Ek", "Karin Holm"];

/** Generate `count` demo clients (deterministic for the same count and seed). */
export function generateDemoClients(count: number, seed = 1): DemoClient[] {
  if (!Number.isInteger(count) || count < 0 || count > DEMO_MAX_CLIENTS) {
    throw new Error(`generateDemoClients: count must be an integer in 0..${DEMO_MAX_CLIENTS}`);
  }
  const ctx: Context = {
    seed: seed >>> 0,
    spaces: new Map(),
    usedNames: new Set(),
    parents: { SE: [], FI: [], NO: [], DK: [], NL: [] },
  };
  const clients: DemoClient[] = [];
  for (let index = 0; index < count; index++) clients.push(generateClient(ctx, index));
  return clients;
}

function generateClient(ctx: Context, index: number): DemoClient {
  const rng = new Rng(hash32(ctx.seed, index, 0x5eed));
  const individual = rng.chance(0.1);
  const country: DemoCountryCode = individual
    ? "SE"
    : rng.weighted<DemoCountryCode>([["SE", 30], ["FI", 20], ["NO", 15], ["DK", 15], ["NL", 20]]);
  const p = PROFILES[country];
  const city = rng.pick(p.cities);
  const street = rng.pick(p.streets);
  const currency = p.currency;

  // ---- identity -------------------------------------------------------------------------------------
  let name: string;
  let legalName: string;
  let core: string;
  let companyType: CompanyType | null = null;
  let orgNumber: string;
  let vatNumber: string | null = null;
  let contactPerson: string;
  let parentIndex: number | undefined;
  let form: LegalForm | undefined;

  if (individual) {
    const male = rng.chance(0.5);
    const first = rng.pick(male ? SE_MALE : SE_FEMALE);
    const last = rng.pick(SE_SURNAMES);
    contactPerson = `${first} ${last}`;
    orgNumber = allocatePersonalNumber(ctx, rng, male);
    legalName = contactPerson;
    const trade = rng.pick(["Konsult", "Måleri", "Snickeri", "Design", "Redovisning", "Bygg", "Foto", "Trädgård", "Hälsa", "Data", "Transport", "Frisör"]);
    core = rng.weighted<string>([
      [`${last}s ${trade}`, 3],
      [`${first} ${last} ${trade}`, 2],
      [`${trade} ${first} ${last}`, 1],
    ]);
    name = uniqueName(ctx, core, (c) => c, () => `${last}s ${rng.pick(SE_INDUSTRIES)}`);
    core = name;
    // A sole trader's VAT number is SE + the 10-digit personnummer + 01.
    if (rng.chance(0.7)) vatNumber = `SE${orgNumber.slice(2)}01`;
  } else {
    const candidates = ctx.parents[country];
    const asSubsidiary = candidates.length > 0 && rng.chance(0.05);
    if (asSubsidiary) {
      const parent = rng.pick(candidates);
      parentIndex = parent.index;
      form = FORMS[country][0];
      const groupWord = rng.pick(p.groupWords);
      core = uniqueCore(ctx, `${parent.core} ${groupWord}`, form.compose, () => `${parent.core} ${rng.pick(p.groupWords)}`);
    } else {
      form = rng.weighted(FORMS[country].map((f) => [f, f.weight] as const));
      const chosen = form;
      core = uniqueCore(ctx, nameCore(rng, country, chosen.kind, city, street), chosen.compose, () =>
        nameCore(rng, country, chosen.kind, city, street),
      );
    }
    legalName = form.compose(core);
    name = legalName;
    companyType = form.companyType;
    orgNumber = allocateOrgNumber(ctx, form.orgSpace);
    contactPerson = `${rng.pick(p.firstNames)} ${rng.pick(p.surnames)}`;
    if (form.kind === "commercial") ctx.parents[country].push({ index, core });
    switch (country) {
      case "SE":
        vatNumber = `SE${orgNumber}01`;
        break;
      case "FI":
        vatNumber = `FI${orgNumber}`;
        break;
      case "DK":
        vatNumber = `DK${orgNumber}`;
        break;
      case "NL":
        vatNumber = allocateDutchVat(ctx);
        break;
      case "NO":
        vatNumber = null; // not in VIES
        break;
    }
    // Public bodies, associations and housing companies are often not VAT registered.
    if (form.kind !== "commercial" && form.kind !== "soleTrader" && rng.chance(0.6)) vatNumber = null;
  }

  const informalName = !individual && rng.chance(0.3) && core !== name ? core : undefined;
  const acronym = !individual && rng.chance(0.2) ? initials(core) : undefined;

  // ---- contact and address --------------------------------------------------------------------------
  const domainSlug = slug(core) || `client${index + 1}`;
  const domain = `${domainSlug}.${p.tld}`;
  const hasWebsite = individual ? rng.chance(0.3) : rng.chance(0.85);
  const email = individual
    ? rng.chance(0.5)
      ? `${slug(contactPerson.split(" ")[0])}.${slug(contactPerson.split(" ")[1])}@${rng.pick(["gmail.com", "outlook.com", "telia.com", "icloud.com"])}`
      : `info@${domain}`
    : `${rng.pick(country === "NO" ? ["post", "post", "firmapost"] : ["info", "info", "kontakt", country === "FI" ? "toimisto" : "office"])}@${domain}`;
  const administrationEmail = rng.chance(0.4) ? `${p.invoiceEmailLocal}@${domain}` : null;
  const houseNo = String(rng.int(1, country === "NL" ? 250 : 120));
  const houseNoExtension =
    country === "NL" && rng.chance(0.15) ? rng.pick(["A", "B", "C", "bis", "-1", "hs"]) : country === "SE" && rng.chance(0.1) ? rng.pick(["A", "B"]) : null;

  // ---- size, rating, money --------------------------------------------------------------------------
  const size: SizeClass = individual
    ? "micro"
    : rng.weighted<SizeClass>([["micro", 55], ["small", 30], ["medium", 12], ["large", 3]]);
  const [revMin, revMax] = SIZE_REVENUE_EUR[size];
  const revenueEurUnits = individual ? rng.int(20_000, 150_000) : rng.int(revMin, revMax);
  const revenueCents = fromEurCents(revenueEurUnits * 100, currency);
  const rating = rng.weighted<DemoRating>([["AAA", 5], ["AA", 12], ["A", 25], ["BBB", 28], ["BB", 15], ["B", 10], ["C", 5]]);
  const limitUnit = 5_000 * 100;
  const creditLimitCents = Math.max(limitUnit, floorTo(mulDiv(revenueCents, RATING_LIMIT_PERCENT[rating], 100), limitUnit));
  const paymentTerms = rng.weighted<number>([[10, 10], [15, 15], [30, 50], [45, 10], [60, 15]]);
  const blocked = rating === "C" ? rng.chance(0.3) : rng.chance(0.01);
  const active = blocked ? rng.chance(0.5) : rng.chance(0.96);
  const notes = blocked
    ? "Blocked for remittance pending KYC review."
    : parentIndex !== undefined
      ? "Group company; credit is assessed on the group."
      : rng.chance(0.15)
        ? rng.pick(NOTES)
        : null;

  const client: DemoClient = {
    referenceCode: `C-${pad(index + 1, 6)}`,
    clientType: individual ? ClientType.INDIVIDUAL : ClientType.BUSINESS,
    companyType,
    name,
    legalName,
    ...(informalName !== undefined ? { informalName } : {}),
    ...(acronym !== undefined ? { acronym } : {}),
    orgNumber,
    countryCode: country,
    vatNumber,
    vatRate: formatCents(p.vatRate),
    registeredForTax: vatNumber !== null || country === "NO",
    email,
    administrationEmail,
    phone: phoneNumber(rng, country, city, individual),
    contactPerson,
    website: hasWebsite ? `https://www.${domain}` : null,
    street,
    houseNo,
    houseNoExtension,
    zipCode: zipCode(rng, country, city),
    city: city.name,
    languageCode: country === "FI" && ["Vaasa", "Porvoo"].includes(city.name) && rng.chance(0.5) ? "sv" : p.languageCode,
    defaultCultureCode: p.culture,
    currencyCode: currency,
    creditLimit: formatCents(creditLimitCents),
    creditLimitCurrency: currency,
    rating,
    paymentTerms,
    active,
    blocked,
    notes,
    ...(parentIndex !== undefined ? { parentIndex } : {}),
    bankAccounts: [],
    directDebitMandates: [],
    parameters: [],
    extraFields: [],
    pricelists: [],
    externalIdentifiers: [],
    invoices: [],
    acts: [],
  };
  if (country === "FI" && client.languageCode === "sv") client.defaultCultureCode = "sv-FI";

  // ---- children -------------------------------------------------------------------------------------
  if (rng.chance(0.6)) client.contract = contract(rng, index, client);
  if (!individual && rng.chance(0.22)) client.factoringLoanContract = factoringLoan(rng, client, creditLimitCents, p, contactPerson);
  if (!individual && rng.chance(0.3)) client.factoringPurchaseContract = factoringPurchase(rng, index, client, creditLimitCents, p);
  client.bankAccounts = bankAccounts(ctx, rng, client, individual);
  client.directDebitMandates = mandates(rng, index, client);
  client.parameters = parameters(rng, index, client);
  client.extraFields = extraFields(rng, client, form, contactPerson);
  client.pricelists = pricelists(rng, client);
  client.externalIdentifiers = externalIdentifiers(rng, index);
  client.invoices = invoices(rng, index, client, revenueCents);
  client.acts = acts(rng, client, size, revenueCents, individual);
  return client;
}

/** A registered-name core whose composed name is not taken yet (redraws, then numbers). */
function uniqueCore(ctx: Context, first: string, compose: (core: string) => string, redraw: () => string): string {
  let core = first;
  for (let attempt = 0; attempt < 6; attempt++) {
    if (claim(ctx, compose(core))) return core;
    core = redraw();
  }
  for (let n = 2; ; n++) {
    const numbered = `${core} ${n}`;
    if (claim(ctx, compose(numbered))) return numbered;
  }
}

function uniqueName(ctx: Context, first: string, compose: (core: string) => string, redraw: () => string): string {
  return compose(uniqueCore(ctx, first, compose, redraw));
}

function claim(ctx: Context, name: string): boolean {
  const key = name.toLowerCase();
  if (ctx.usedNames.has(key)) return false;
  ctx.usedNames.add(key);
  return true;
}

function zipCode(rng: Rng, country: DemoCountryCode, city: City): string {
  switch (country) {
    case "SE": {
      const zip = pad(rng.int(city.zipFrom, city.zipTo), 5);
      return `${zip.slice(0, 3)} ${zip.slice(3)}`;
    }
    case "FI":
      return `${pad(rng.int(city.zipFrom, city.zipTo), 4)}0`;
    case "NO":
    case "DK":
      return pad(rng.int(city.zipFrom, city.zipTo), 4);
    case "NL": {
      const letters = "ABCEGHJKLMNPRTVWXZ";
      return `${rng.int(city.zipFrom, city.zipTo)} ${rng.pick(Array.from(letters))}${rng.pick(Array.from(letters))}`;
    }
  }
}

function phoneNumber(rng: Rng, country: DemoCountryCode, city: City, mobile: boolean): string {
  const group = (digits: string): string => digits.replace(/(\d{2})(?=\d{2})/g, "$1 ");
  switch (country) {
    case "SE": {
      if (mobile) return `+46 7${rng.pick(["0", "2", "3", "6"])} ${rng.digits(3)} ${group(rng.digits(4))}`;
      const area = city.area ?? "8";
      const localLength = area.length === 1 ? 7 : area.length === 2 ? 6 : 5;
      const local = `${rng.int(2, 9)}${rng.digits(localLength - 1)}`;
      return `+46 ${area} ${local.slice(0, localLength - 4)} ${group(local.slice(localLength - 4))}`;
    }
    case "FI":
      return mobile ? `+358 40 ${rng.digits(3)} ${rng.digits(4)}` : `+358 ${city.area ?? "9"} ${rng.int(2, 8)}${rng.digits(3)} ${rng.digits(4)}`;
    case "NO":
      return `+47 ${group(`${mobile ? rng.pick(["4", "9"]) : rng.pick(["2", "3", "5", "6", "7"])}${rng.digits(7)}`)}`;
    case "DK":
      return `+45 ${group(`${rng.int(2, 9)}${rng.digits(7)}`)}`;
    case "NL":
      return mobile ? `+31 6 ${rng.digits(4)} ${rng.digits(4)}` : `+31 ${city.area ?? "20"} ${rng.int(2, 8)}${rng.digits(2)} ${rng.digits(4)}`;
  }
}

// ---- contract ---------------------------------------------------------------------------------------

function contract(rng: Rng, index: number, client: DemoClient): DemoContract {
  const start = REF_DAY - rng.int(30, 8 * 365);
  const contractLength = rng.pick([12, 24, 36]);
  const periodLength = rng.pick([1, 3, 12]);
  const cancelled = rng.chance(0.1);
  let end: number | null = rng.chance(0.5) ? addMonths(start, contractLength) - 1 : null;
  let cancel: number | null = null;
  if (cancelled) {
    cancel = Math.min(REF_DAY, start + rng.int(30, Math.max(31, REF_DAY - start)));
    // CHECK start <= end <= cancel
    end = Math.max(start, cancel - rng.int(0, 30));
  }
  const invoiceDay = Math.min(REF_DAY, start + rng.int(0, 27));
  const periodFeeCents = floorTo(fromEurCents(rng.int(25, 400) * 100, client.currencyCode), 100);
  return {
    contractType: rng.int(1, 3),
    contractNumber: `K${yearOf(start)}-${pad(index + 1, 6)}`,
    startDate: isoOf(start),
    endDate: end === null ? null : isoOf(end),
    invoiceDate: isoOf(invoiceDay),
    cancelDate: cancel === null ? null : isoOf(cancel),
    idNumber: client.orgNumber,
    contractCancelReason: cancel === null ? null : rng.pick(["Moved to another provider", "Business closed", "Merged into group company", "Price", "No longer needs the service"]),
    periodFee: formatCents(periodFeeCents),
    contractLength,
    periodLength,
    note: rng.chance(0.2) ? rng.pick(["Signed digitally.", "Renegotiated fee after year one.", "Includes reminder handling."]) : null,
    customerCategory: client.clientType === ClientType.INDIVIDUAL ? "Micro" : rng.pick(["SME", "SME", "Enterprise", "Public", "Micro"]),
    instructions: rng.chance(0.15) ? "Send contract documents to the administration e-mail." : null,
    invoiceItem: rng.pick(["PERIOD-FEE", "SERVICE-FEE", "SUBSCRIPTION"]),
  };
}

// ---- factoring ---------------------------------------------------------------------------------------

function factoringLoan(rng: Rng, client: DemoClient, creditLimitCents: number, p: CountryProfile, contactPerson: string): DemoFactoringLoanContract {
  const currency = client.currencyCode;
  const decision = REF_DAY - rng.int(60, 3 * 365);
  const limitCents = Math.max(100_000 * 100, floorTo(mulDiv(creditLimitCents, rng.int(50, 150), 100), 1_000 * 100));
  const autoPercent = rng.pick([70, 75, 80, 85]);
  const maxPercent = autoPercent + rng.pick([5, 10, 15]);
  const rateHundredths = rng.int(350, 1200); // 3.50 .. 12.00 %
  const limitFeeCents = floorTo(fromEurCents(rng.int(50, 500) * 100, currency), 100);
  const partOfPeriod = rng.chance(0.3);
  const transactions: DemoFactoringLoanTransaction[] = [];
  let balance = 0;
  let month = Math.max(decision + rng.int(3, 20), REF_DAY - 300);
  while (month < REF_DAY && transactions.length < 14) {
    if (balance < limitCents && (balance === 0 || rng.chance(0.45))) {
      const amount = Math.max(100, floorTo(mulDiv(limitCents - balance, rng.int(10, 70), 100), 100));
      balance += amount;
      transactions.push({ transactionDate: isoOf(month), type: "DRAWDOWN", amount: formatCents(amount), description: "Drawdown" });
    } else if (balance > 0 && rng.chance(0.6)) {
      const amount = Math.max(1, Math.min(balance, floorTo(mulDiv(balance, rng.int(10, 100), 100), 100)));
      balance -= amount;
      transactions.push({ transactionDate: isoOf(month + 1), type: "REPAYMENT", amount: formatCents(amount), description: "Repayment" });
    }
    const interest = mulDiv(balance, rateHundredths, 12 * 100 * 100);
    const monthEnd = Math.min(REF_DAY - 1, addMonths(month, 1) - 1);
    if (interest > 0) {
      transactions.push({ transactionDate: isoOf(monthEnd), type: "INTEREST", amount: formatCents(interest), description: `Interest ${isoOf(month).slice(0, 7)}` });
    }
    if (rng.chance(0.2)) transactions.push({ transactionDate: isoOf(monthEnd), type: "FEE", amount: formatCents(limitFeeCents), description: "Limit fee" });
    month = addMonths(month, 1);
  }
  transactions.sort((a, b) => (a.transactionDate < b.transactionDate ? -1 : a.transactionDate > b.transactionDate ? 1 : 0));
  return {
    decisionDate: isoOf(decision),
    limit: formatCents(limitCents),
    autoPercent: formatCents(autoPercent * 100),
    maxPercent: formatCents(maxPercent * 100),
    yourReference: contactPerson,
    ourReference: rng.pick(ACCOUNT_MANAGERS),
    interestRate: formatCents(rateHundredths),
    interestCode: rng.chance(0.8) ? p.interestCode : "FIXED",
    limitFeeAmount: formatCents(limitFeeCents),
    limitFeePercentage: formatCents(rng.pick([25, 50, 75, 100])),
    limitFeeInterval: rng.pick([30, 90, 360]),
    limitFeeDate: isoOf(addMonths(decision, 1)),
    limitFeeInvoiceItem: "LIMIT-FEE",
    limitFeePartOfPeriod: partOfPeriod,
    limitFeePartOfPeriodAmount: partOfPeriod ? formatCents(floorTo(mulDiv(limitFeeCents, 1, 2), 100)) : null,
    note: rng.chance(0.2) ? "Limit reviewed yearly against the latest financial statement." : null,
    currencyCode: currency,
    transactions,
  };
}

function factoringPurchase(rng: Rng, index: number, client: DemoClient, creditLimitCents: number, p: CountryProfile): DemoFactoringPurchaseContract {
  const limitCents = Math.max(250_000 * 100, floorTo(mulDiv(creditLimitCents, rng.int(100, 300), 100), 10_000 * 100));
  const recourse = rng.chance(0.6);
  const recourseShare = recourse ? rng.int(50, 100) : rng.int(0, 30);
  const recourseLimit = floorTo(mulDiv(limitCents, recourseShare, 100), 100);
  const blocked = rng.chance(0.3);
  return {
    active: rng.chance(0.9),
    decisionDate: isoOf(REF_DAY - rng.int(30, 4 * 365)),
    deposit: rng.pick(["10%", "15%", "20%", "STD", formatCents(floorTo(mulDiv(limitCents, 5, 100), 100))]),
    limit: formatCents(limitCents),
    customerLimit: formatCents(floorTo(mulDiv(limitCents, rng.int(10, 40), 100), 100)),
    recourseLimit: formatCents(recourseLimit),
    nonRecourseLimit: formatCents(limitCents - recourseLimit),
    defaultGroupLimit: rng.chance(0.5) ? formatCents(floorTo(mulDiv(limitCents, 25, 100), 100)) : null,
    recourse,
    recourseDays: recourse ? rng.pick([60, 90, 120]) : null,
    blockedAccount: blocked ? `BLK-${pad(index + 1, 6)}` : null,
    blockedAccountTotal: blocked ? formatCents(floorTo(mulDiv(limitCents, rng.int(1, 10), 100), 100)) : null,
    blockedAccountInterestRate: blocked ? formatCents(rng.int(0, 300)) : null,
    blockedAccountInterestCode: blocked ? p.interestCode : null,
    note: rng.chance(0.2) ? "Debtor concentration limit 30% per debtor." : null,
    overInterestAfterDays: rng.pick([30, 45, 60]),
    overInterestRate: formatCents(rng.int(800, 1600)),
    overInterestCode: "OVERDUE",
    financingInterestCalculateFrom: rng.weighted<DemoFinancingInterestCalculateFrom>([["PURCHASE_DATE", 6], ["BILL_DATE", 2], ["REGISTRATION_DATE", 1], ["DUE_DATE", 1]]),
    financingInterestCalculateTo: rng.weighted<DemoFinancingInterestCalculateTo>([["CLOSURE_DATE", 6], ["DUE_DATE", 2], ["RECOURSE_DATE", 1]]),
    financingInterestFeeInsertTrigger: rng.weighted<DemoFinancingInterestFeeInsertTrigger>([["CLOSURE", 5], ["FULL_PAYMENT", 3], ["PURCHASE", 1], ["RECOURSE", 1]]),
    financingInterestRate: formatCents(rng.int(300, 900)),
    financingInterestCode: p.interestCode,
    currencyCode: client.currencyCode,
  };
}

// ---- bank accounts and mandates ----------------------------------------------------------------------

function baseAccount(client: DemoClient, priority: number): DemoBankAccount {
  return {
    bankAccountNo: null,
    description: null,
    bankAccountClass: "UNKNOWN",
    ownerType: "CREDITOR",
    internalCode: null,
    priority,
    agreementNo: null,
    bankCode: null,
    bankDescription: null,
    countryCode: client.countryCode,
    zipCode: null,
    city: null,
    allowPayments: priority === 1 ? "PAYMENTS" : "NO",
    allowDisbursementsFrom: false,
    allowDisbursementsTo: priority === 1,
    businessAccount: client.clientType === ClientType.BUSINESS,
    thirdPartyRemittance: false,
    powerOfAttorney: false,
    currencyCode: client.currencyCode,
    accountBalance: null,
    iban: null,
    bic: null,
    blz: null,
    swift: null,
  };
}

/** One IBAN account in the client's country (unique per country). */
function ibanAccount(ctx: Context, rng: Rng, client: DemoClient, priority: number): DemoBankAccount {
  const account = baseAccount(client, priority);
  switch (client.countryCode) {
    case "SE": {
      const bank = rng.pick(SE_BANKS);
      const clearing = bank.clearing(rng);
      const number = bank.account(rng, pad(space(ctx, "SE-ACCOUNT").next(), 7));
      account.iban = composeIban("SE", `${bank.ibanBank}${bank.ibanTail(clearing, number)}`);
      account.bankAccountNo = `${clearing}-${number}`;
      account.bankAccountClass = "SE_BANK_ACCOUNT";
      account.bankCode = clearing;
      account.bankDescription = bank.name;
      account.bic = bank.bic;
      break;
    }
    case "FI": {
      const bank = rng.pick(FI_BANKS);
      const prefix = `${bank.prefix}${rng.digits(6 - bank.prefix.length)}`;
      const body = `${prefix}${pad(space(ctx, "FI-ACCOUNT").next(), 7)}`;
      account.iban = composeIban("FI", `${body}${luhnCheckDigit(body)}`);
      account.bankAccountNo = formatIban(account.iban);
      account.bankAccountClass = "FI_BANK_ACCOUNT";
      account.bankCode = prefix.slice(0, 3);
      account.bankDescription = bank.name;
      account.bic = bank.bic;
      break;
    }
    case "NO": {
      const bank = rng.pick(NO_BANKS);
      const reg = rng.pick(bank.reg);
      const national = space(ctx, "NO-ACCOUNT").take((v) => {
        const first10 = `${reg}${pad(v, 6)}`;
        const check = norwegianAccountCheckDigit(first10);
        return check === null ? null : `${first10}${check}`;
      });
      account.iban = composeIban("NO", national);
      account.bankAccountNo = `${national.slice(0, 4)}.${national.slice(4, 6)}.${national.slice(6)}`;
      account.bankAccountClass = "NO_BANK_ACCOUNT";
      account.bankCode = reg;
      account.bankDescription = bank.name;
      account.bic = bank.bic;
      break;
    }
    case "DK": {
      const bank = rng.pick(DK_BANKS);
      const reg = rng.pick(bank.reg);
      const number = pad(space(ctx, "DK-ACCOUNT").next(), 10);
      account.iban = composeIban("DK", `${reg}${number}`);
      account.bankAccountNo = `${reg} ${number}`;
      account.bankAccountClass = "FOREIGN_BANK_ACCOUNT";
      account.bankCode = reg;
      account.bankDescription = bank.name;
      account.bic = bank.bic;
      break;
    }
    case "NL": {
      const bank = rng.pick(NL_BANKS);
      // 10-digit account number passing the Dutch 11-proof (weights 10..1).
      const number = space(ctx, "NL-ACCOUNT").take((v) => {
        const first9 = pad(v, 9);
        const sum = Array.from(first9).reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
        const check = (11 - (sum % 11)) % 11;
        return check === 10 ? null : `${first9}${check}`;
      });
      account.iban = composeIban("NL", `${bank.code}${number}`);
      account.bankAccountNo = formatIban(account.iban);
      account.bankAccountClass = "NL_BANK_ACCOUNT";
      account.bankCode = bank.code;
      account.bankDescription = bank.name;
      account.bic = bank.bic;
      break;
    }
  }
  account.swift = account.bic;
  account.zipCode = client.zipCode;
  account.city = client.city;
  return account;
}

function bankAccounts(ctx: Context, rng: Rng, client: DemoClient, individual: boolean): DemoBankAccount[] {
  const accounts: DemoBankAccount[] = [];
  const next = () => accounts.length + 1;
  if (client.countryCode === "SE" && (!individual || rng.chance(0.5))) {
    const bankgiro = baseAccount(client, next());
    const payload = rng.chance(0.8)
      ? String(1_000_000 + space(ctx, "SE-BANKGIRO-8").next())
      : String(100_000 + space(ctx, "SE-BANKGIRO-7").next());
    const digits = `${payload}${luhnCheckDigit(payload)}`;
    bankgiro.bankAccountNo = formatBankgiro(digits);
    bankgiro.bankAccountClass = "SE_BANKGIRO";
    bankgiro.description = "Bankgiro";
    bankgiro.bankDescription = "Bankgirot";
    bankgiro.internalCode = "BG";
    bankgiro.agreementNo = rng.chance(0.4) ? pad(rng.int(1, 999_999), 6) : null;
    accounts.push(bankgiro);
  }
  accounts.push({ ...ibanAccount(ctx, rng, client, next()), description: accounts.length === 0 ? "Main account" : "Business account", internalCode: "MAIN" });
  if (client.countryCode === "SE" && !individual && rng.chance(0.12)) {
    const plusgiro = baseAccount(client, next());
    const payload = String(100_000 + space(ctx, "SE-PLUSGIRO").next());
    plusgiro.bankAccountNo = formatPlusgiro(`${payload}${luhnCheckDigit(payload)}`);
    plusgiro.bankAccountClass = "SE_PLUSGIRO";
    plusgiro.description = "Plusgiro";
    plusgiro.bankDescription = "Plusgirot (Nordea)";
    plusgiro.internalCode = "PG";
    accounts.push(plusgiro);
  }
  if (!individual && rng.chance(0.25)) {
    const second = ibanAccount(ctx, rng, client, next());
    second.description = rng.pick(["Collection account", "Savings account", "Tax account"]);
    second.internalCode = "COLL";
    second.allowPayments = rng.pick<DemoAllowPayments>(["NO", "NETTINGS"]);
    if (client.currencyCode !== "EUR" && rng.chance(0.4)) {
      second.currencyCode = "EUR";
      second.description = "EUR account";
      second.internalCode = "EUR";
    }
    second.accountBalance = formatCents(rng.int(0, 50_000_000));
    accounts.push(second);
  }
  for (const account of accounts) {
    account.powerOfAttorney = rng.chance(0.1);
    account.allowDisbursementsFrom = account.priority === 1 && rng.chance(0.2);
  }
  return accounts;
}

function mandates(rng: Rng, index: number, client: DemoClient): DemoDirectDebitMandate[] {
  if (!rng.chance(0.35)) return [];
  const country = client.countryCode;
  if (country !== "SE" && country !== "FI" && country !== "NL") return [];
  const main = client.bankAccounts.find((a) => a.iban !== null);
  if (!main) return [];
  const count = rng.chance(0.2) ? 2 : 1;
  const out: DemoDirectDebitMandate[] = [];
  for (let n = 0; n < count; n++) {
    const requested = REF_DAY - rng.int(20, 4 * 365);
    const pending = n === count - 1 && rng.chance(0.08);
    const approved = requested + rng.int(1, 6);
    const closed = !pending && (count === 2 ? n === 0 : rng.chance(0.1));
    const closedDay = closed ? Math.min(REF_DAY - 1, approved + rng.int(30, 700)) : null;
    let mandateType: DemoDirectDebitMandateType;
    if (country === "SE") mandateType = "SWEDISH_AUTOGIRO";
    else if (country === "NL" && rng.chance(0.3)) mandateType = "DUTCH_INCASSO";
    else if (client.clientType === ClientType.BUSINESS) mandateType = rng.chance(0.85) ? "SEPA_BUSINESS_RECURRING" : "SEPA_BUSINESS_ONE_OFF";
    else mandateType = rng.chance(0.85) ? "SEPA_CONSUMER_RECURRING" : "SEPA_CONSUMER_ONE_OFF";
    out.push({
      mandateType,
      receivingBankAccountNo: RECEIVING_ACCOUNTS[country],
      sendingBankAccountClass: main.bankAccountClass,
      sendingBankAccountNo: country === "SE" ? main.bankAccountNo : main.iban,
      referenceNo: country === "SE" ? client.referenceCode.replace(/\D/g, "") : `MNDT-${pad(index + 1, 6)}-${n + 1}`,
      requestedAt: workInstant(rng, requested),
      approvedAt: pending ? null : workInstant(rng, approved),
      signedAt: workInstant(rng, requested - rng.int(0, 2)),
      validFrom: pending ? null : isoOf(approved),
      validUntil: closedDay !== null ? isoOf(closedDay) : null,
      closedAt: closedDay !== null ? workInstant(rng, closedDay) : null,
    });
  }
  return out;
}

// ---- parameters, extra fields, pricelists, external ids ----------------------------------------------

const PEPPOL_SCHEME: Record<DemoCountryCode, (org: string) => string> = {
  SE: (org) => `0007:${org.slice(-10)}`,
  FI: (org) => `0216:0037${org}`,
  NO: (org) => `0192:${org}`,
  DK: (org) => `0184:DK${org}`,
  NL: (org) => `0106:${org}`,
};

function parameters(rng: Rng, index: number, client: DemoClient): DemoClientParameter[] {
  const pool: Array<() => DemoClientParameter> = [
    () => ({ name: "invoiceLayout", type: "string", value: rng.pick(["standard", "compact", "detailed"]), href: null }),
    () => ({ name: "reminderDays", type: "int", value: String(rng.pick([7, 10, 14])), href: null }),
    () => ({ name: "sendReminders", type: "bool", value: String(rng.chance(0.8)), href: null }),
    () => ({ name: "collectionAfterDays", type: "int", value: String(rng.pick([30, 45, 60])), href: null }),
    () => ({ name: "lateInterestRate", type: "decimal", value: formatCents(rng.pick([800, 1000, 1200])), href: null }),
    () => ({ name: "portalAccess", type: "bool", value: String(rng.chance(0.6)), href: null }),
    () => ({ name: "eInvoice", type: "bool", value: "true", href: null }),
    () => ({ name: "peppolId", type: "string", value: PEPPOL_SCHEME[client.countryCode](client.orgNumber), href: null }),
    () => ({ name: "crmRecord", type: "url", value: null, href: `https://crm.example.com/clients/${100_000 + index}` }),
  ];
  return rng.sample(pool, rng.int(0, 5)).map((make) => make());
}

function extraFields(rng: Rng, client: DemoClient, form: LegalForm | undefined, contactPerson: string): DemoExtraField[] {
  const pool: Array<() => DemoExtraField> = [
    () => ({ name: "tags", values: rng.sample(["key-account", "new", "export", "seasonal", "priority", "group"], rng.int(1, 3)) }),
    () => ({ name: "accountManager", values: [rng.pick(ACCOUNT_MANAGERS)] }),
    () => ({ name: "segments", values: rng.sample(["SME", "Enterprise", "Factoring", "Collection", "Invoicing"], rng.int(1, 2)) }),
    () => ({ name: "legalForm", values: [form?.key ?? "Enskild firma"] }),
    () => ({ name: "signatories", values: [contactPerson] }),
    () => ({ name: "region", values: [client.city] }),
  ];
  return rng.sample(pool, rng.int(0, 3)).map((make) => make());
}

function pricelists(rng: Rng, client: DemoClient): DemoPricelist[] {
  const names = rng.sample(["Standard", `Standard ${yearOf(REF_DAY)}`, "Factoring fees", "Collection fees", "Premium", "Partner", "Campaign"], rng.int(0, 3));
  const withDefault = rng.chance(0.8);
  return names.map((pricelistName, i) => ({
    pricelistName,
    currencyCode: client.currencyCode,
    isActive: i === 0 ? true : rng.chance(0.8),
    serviceId: rng.int(1, 5),
    isDefaultPricelist: withDefault && i === 0,
    condition: rng.chance(0.2) ? rng.pick(["amount > 10000", "debtor country != client country", "first 12 months"]) : null,
    validFrom: isoOf(REF_DAY - rng.int(0, 3 * 365)),
    creditorFeeEvents: rng.chance(0.3),
    templatePricelistId: rng.chance(0.5) ? rng.int(1, 20) : null,
  }));
}

/** External ids embed the client index, so (source, externalId) is unique across all clients. */
function externalIdentifiers(rng: Rng, index: number): DemoExternalIdentifier[] {
  const ids: DemoExternalIdentifier[] = [];
  if (rng.chance(0.85)) ids.push({ source: "crm", externalId: String(100_000 + index), deletedAt: null });
  if (rng.chance(0.05)) {
    ids.push({ source: "crm", externalId: String(900_000 + index), deletedAt: workInstant(rng, REF_DAY - rng.int(30, 900)) });
  }
  if (rng.chance(0.6)) {
    // GUID-shaped, random but for the last group, which is the index: unique.
    const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[rng.int(0, 15)]).join("");
    const guid = `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[rng.int(0, 3)]}${hex(3)}-${index.toString(16).padStart(12, "0")}`;
    ids.push({ source: "aptic", externalId: guid, deletedAt: null });
  }
  if (rng.chance(0.5)) ids.push({ source: "invoicing", externalId: `CUST-${pad(index + 1, 6)}`, deletedAt: null });
  return ids;
}

// ---- invoices ---------------------------------------------------------------------------------------

function invoices(rng: Rng, index: number, client: DemoClient, revenueCents: number): DemoInvoice[] {
  const count = rng.int(0, 8);
  const purchase = client.factoringPurchaseContract;
  const out: DemoInvoice[] = [];
  for (let n = 0; n < count; n++) {
    const issue = REF_DAY - rng.int(0, 200);
    const due = issue + client.paymentTerms;
    let status: DemoInvoiceStatus;
    if (due < REF_DAY) {
      status = rng.weighted<DemoInvoiceStatus>([["PAID", 60], ["OVERDUE", 20], ["PARTIALLY_PAID", 8], ["CREDITED", 7], ["CANCELLED", 5]]);
    } else if (REF_DAY - issue <= 14) {
      status = rng.weighted<DemoInvoiceStatus>([["SENT", 60], ["DRAFT", 20], ["PAID", 10], ["PARTIALLY_PAID", 5], ["CANCELLED", 5]]);
    } else {
      status = rng.weighted<DemoInvoiceStatus>([["SENT", 65], ["PAID", 20], ["PARTIALLY_PAID", 10], ["CANCELLED", 5]]);
    }
    const total = Math.max(10_000, mulDiv(revenueCents, 1, rng.int(40, 600)));
    const paid = status === "PAID" ? total : status === "PARTIALLY_PAID" ? mulDiv(total, rng.int(10, 90), 100) : 0;
    let purchasedAt: Date | null = null;
    let purchaseRecourse: boolean | null = null;
    const purchaseDay = issue + rng.int(1, 5);
    if (purchase && purchase.active && status !== "DRAFT" && status !== "CANCELLED" && purchaseDay < REF_DAY && rng.chance(0.6)) {
      purchasedAt = workInstant(rng, purchaseDay);
      purchaseRecourse = rng.chance(0.8) ? purchase.recourse : !purchase.recourse;
    }
    out.push({
      invoiceNumber: `INV${yearOf(issue)}-${pad(index + 1, 6)}-${pad(n + 1, 3)}`,
      status,
      currencyCode: client.currencyCode,
      totalAmount: formatCents(total),
      paidAmount: formatCents(paid),
      issueDate: isoOf(issue),
      dueDate: isoOf(due),
      purchasedAt,
      purchaseRecourse,
    });
  }
  return out;
}

// ---- financial statements ----------------------------------------------------------------------------

function acts(rng: Rng, client: DemoClient, size: SizeClass, latestRevenueCents: number, individual: boolean): DemoAct[] {
  const years = rng.int(1, 4);
  const [employeesMin, employeesMax] = SIZE_EMPLOYEES[size];
  let revenue = latestRevenueCents;
  let employees = individual ? rng.int(0, 1) : rng.int(employeesMin, employeesMax);
  const out: DemoAct[] = [];
  const latestYear = yearOf(REF_DAY) - 1;
  for (let k = 0; k < years; k++) {
    const year = latestYear - k;
    const marginHundredths = rng.chance(0.15) ? -rng.int(100, 1500) : rng.int(50, 1500); // -15% .. +15%
    const result = mulDiv(revenue, marginHundredths, 10_000);
    const assetsPercent = rng.int(30, 120);
    const totalAssets = Math.max(100_000, mulDiv(revenue, assetsPercent, 100));
    const equityRatioHundredths = client.rating === "C" && rng.chance(0.3) ? -rng.int(100, 2000) : rng.int(300, 6500);
    const equity = mulDiv(totalAssets, equityRatioHundredths, 10_000);
    const depreciation = mulDiv(revenue, rng.int(1, 6), 100);
    const points: DemoActDataPoint[] = [
      { code: "EBITDA", label: "EBITDA", value: formatCents(result + depreciation) },
      { code: "EQUITY_RATIO", label: "Equity ratio (%)", value: formatCents(equityRatioHundredths) },
      { code: "PROFIT_MARGIN", label: "Profit margin (%)", value: formatCents(marginHundredths) },
      { code: "QUICK_RATIO", label: "Quick ratio (%)", value: formatCents(rng.int(4_000, 25_000)) },
      { code: "AUDITOR_REMARK", label: "Auditor's remark", value: null },
    ];
    out.push({
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      currencyCode: client.currencyCode,
      revenue: formatCents(revenue),
      result: formatCents(result),
      equity: formatCents(equity),
      totalAssets: formatCents(totalAssets),
      employees,
      dataPoints: rng.sample(points, rng.int(2, 4)).sort((a, b) => points.indexOf(a) - points.indexOf(b)),
      publishedAt: individual ? null : workInstant(rng, dayOf(`${year + 1}-05-15`) + rng.int(0, 60)),
    });
    // The year before: revenue grew by -10% .. +20% into this year.
    revenue = mulDiv(revenue, 100, 100 + rng.int(-10, 20));
    employees = Math.max(individual ? 0 : 1, employees - rng.int(-2, Math.max(1, Math.floor(employees / 10))));
  }
  return out;
}
