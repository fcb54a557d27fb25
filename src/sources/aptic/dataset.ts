import {
  composeIban,
  danishCvrCheckDigit,
  finnishBusinessIdCheckDigit,
  luhnCheckDigit,
  norwegianAccountCheckDigit,
  norwegianOrgNumberCheckDigit,
} from "../../common/validation/checksums";
import type { ApticBundle } from "./bundle";
import type {
  ApticAccountSummaryWire,
  ApticBankAccountWire,
  ApticClientSummaryWire,
  ApticClientWire,
  ApticContractWire,
  ApticDirectDebitMandateWire,
  ApticExtraFieldWire,
  ApticFactoringLoanContractWire,
  ApticFactoringLoanSummaryWire,
  ApticFactoringPurchaseContractWire,
  ApticFactoringPurchaseSummaryWire,
  ApticLoanTransactionWire,
  ApticParameterWire,
} from "./wire";

/**
 * One client as the Aptic simulator holds it: the listing item and each per-client resource.
 * `null` makes that resource answer 404 (the client has none); an empty list answers 200 with no
 * items.
 */
export interface ApticSimClient {
  client: ApticClientWire;
  contract: ApticContractWire | null;
  factoringLoanContract: ApticFactoringLoanContractWire | null;
  factoringLoanSummary: ApticFactoringLoanSummaryWire | null;
  /** Newest first. */
  factoringLoanTransactions: ApticLoanTransactionWire[] | null;
  factoringPurchaseContract: ApticFactoringPurchaseContractWire | null;
  factoringPurchaseSummary: ApticFactoringPurchaseSummaryWire | null;
  bankAccounts: ApticBankAccountWire[] | null;
  parameters: ApticParameterWire[] | null;
  extraFields: ApticExtraFieldWire[] | null;
  directDebitMandates: ApticDirectDebitMandateWire[] | null;
  clientSummary: ApticClientSummaryWire | null;
  accountsSummary: ApticAccountSummaryWire[] | null;
}

export interface ApticDatasetOptions {
  count: number;
  /** Same seed, same data. Default 1. */
  seed?: number;
  /**
   * Which clients (by index) have 150 loan transactions (two pages of 100). Default every 10th
   * from 0 (0, 10, 20...); the others have 1..4.
   */
  manyTransactions?: (index: number) => boolean;
}

type Country = "SE" | "FI" | "NO" | "DK" | "NL";
const COUNTRIES: readonly Country[] = ["SE", "FI", "NO", "DK", "NL"];

/** 003's companyType codes of each country (NO and DK have none: companyType null). */
const COMPANY_TYPES: Readonly<Record<Country, readonly number[]>> = {
  SE: [1, 2, 3, 4, 5],
  FI: [8, 9, 10, 11, 12, 13, 28, 29, 30],
  NO: [],
  DK: [],
  NL: [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27],
};

const LOCALE: Readonly<Record<Country, { language: string; culture: string; currency: string; vatRate: number; city: string; zip: string; phone: string; bic: string; tld: string }>> = {
  SE: { language: "sv", culture: "sv-SE", currency: "SEK", vatRate: 25, city: "Stockholm", zip: "111 22", phone: "+46 8 555 0", bic: "ESSESESS", tld: "se" },
  FI: { language: "fi", culture: "fi-FI", currency: "EUR", vatRate: 25.5, city: "Helsinki", zip: "00100", phone: "+358 9 555 0", bic: "NDEAFIHH", tld: "fi" },
  NO: { language: "nb", culture: "nb-NO", currency: "NOK", vatRate: 25, city: "Oslo", zip: "0150", phone: "+47 22 55 0", bic: "DNBANOKK", tld: "no" },
  DK: { language: "da", culture: "da-DK", currency: "DKK", vatRate: 25, city: "København", zip: "1050", phone: "+45 33 55 0", bic: "DABADKKK", tld: "dk" },
  NL: { language: "nl", culture: "nl-NL", currency: "EUR", vatRate: 21, city: "Amsterdam", zip: "1012 AB", phone: "+31 20 555 0", bic: "INGBNL2A", tld: "nl" },
};

/** mulberry32: a small deterministic PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** A money figure with 2 decimals, as Aptic's doubles carry it. */
const money = (value: number) => Math.round(value * 100) / 100;

/** A GUID made from the seed and index: distinct per client, the same for the same inputs. */
function guid(rng: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Math.floor(rng() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An org number of the country, valid by its algorithm, distinct for each `n`. */
export function apticOrgNumber(country: Country, n: number): string {
  switch (country) {
    case "SE": {
      const payload = `556${pad(n % 1_000_000, 6)}`;
      const full = `${payload}${luhnCheckDigit(payload)}`;
      return `${full.slice(0, 6)}-${full.slice(6)}`;
    }
    case "FI": {
      for (let k = n * 2; ; k++) {
        const first = `2${pad(k % 1_000_000, 6)}`;
        const check = finnishBusinessIdCheckDigit(first);
        if (check !== null) return `${first}-${check}`;
      }
    }
    case "NO": {
      for (let k = n * 2; ; k++) {
        const first = `9${pad(k % 10_000_000, 7)}`;
        const check = norwegianOrgNumberCheckDigit(first);
        if (check !== null) return `${first}${check}`;
      }
    }
    case "DK": {
      for (let k = n * 2; ; k++) {
        const first = `3${pad(k % 1_000_000, 6)}`;
        const check = danishCvrCheckDigit(first);
        if (check !== null) return `${first}${check}`;
      }
    }
    case "NL":
      return `6${pad(n % 10_000_000, 7)}`;
  }
}

/** The VAT number that goes with the org number (SE org + 01, FI/DK digits, NO org + MVA, NL a B01 number). */
function vatNumber(country: Country, org: string, n: number): string {
  const digits = org.replace(/\D/g, "");
  switch (country) {
    case "SE": return `SE${digits}01`;
    case "FI": return `FI${digits}`;
    case "NO": return `NO${digits}MVA`;
    case "DK": return `DK${digits}`;
    case "NL": return `NL${pad(n % 1_000_000_000, 9)}B01`;
  }
}

function lei(n: number): string {
  const base = `5493${pad(n % 100_000_000, 8)}AP${pad(n % 10_000, 4)}`.slice(0, 18);
  let remainder = 0;
  for (const ch of `${base}00`) {
    const code = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return `${base}${pad(98 - remainder, 2)}`;
}

function gln(n: number): string {
  const first = `735${pad(n % 1_000_000_000, 9)}`;
  const sum = Array.from(first, Number).reduce((acc, digit, i) => acc + digit * (i % 2 === 0 ? 1 : 3), 0);
  return `${first}${(10 - (sum % 10)) % 10}`;
}

function bban(country: Country, n: number, k: number): string {
  const id = n * 10 + k;
  switch (country) {
    case "SE": return `5000${pad(id, 16)}`;
    case "FI": return `1234${pad(id, 10)}`;
    case "NO": {
      for (let j = id; ; j++) {
        const first = `1503${pad(j % 1_000_000, 6)}`;
        const check = norwegianAccountCheckDigit(first);
        if (check !== null) return `${first}${check}`;
      }
    }
    case "DK": return `0040${pad(id, 10)}`;
    case "NL": return `INGB${pad(id, 10)}`;
  }
}

/**
 * A domestic account number as Aptic's bankaccountNo: in Sweden a clearing number (never with a
 * leading 0: 5000) and seven digits; in Norway the 11 digits of the BBAN with its MOD 11 digit.
 */
function domesticAccountNo(country: Country, n: number, k: number): string {
  return country === "SE" ? `5000${pad((n * 10 + k) % 10_000_000, 7)}` : bban(country, n, k).slice(-11);
}

/** 003's bankaccountClass of a domestic account of the country. */
const BANK_CLASS: Readonly<Record<Country, number>> = { SE: 9, FI: 10, NO: 8, DK: 4, NL: 3 };
/** 003's directDebitMandateType usual in the country. */
const MANDATE_TYPE: Readonly<Record<Country, number>> = { SE: 1, FI: 5, NO: 5, DK: 7, NL: 2 };

const TRANSACTION_TYPES = ["DRAWDOWN", "REPAYMENT", "INTEREST", "FEE"] as const;

const day = (base: number, offsetDays: number) => new Date(base + offsetDays * 86_400_000).toISOString().replace(".000Z", "Z");

/**
 * Deterministic Aptic clients for tests, the demo and the benchmark: countries SE, FI, NO, DK and
 * NL in turn, org and VAT numbers that pass the gateway's checksums, every companyType of the
 * country in turn (NO and DK none), every field of the documents set. Some clients have none of a
 * resource (404): without a loan contract (index % 7 == 3: no contract, summary nor
 * transactions), a purchase contract (% 6 == 4), a client contract (% 11 == 6), bank accounts
 * (% 8 == 5), mandates (% 9 == 1), parameters and extra fields (% 13 == 7), an accounts summary
 * (% 10 == 9); every 10th from 0 has 150 loan transactions (two pages of 100).
 */
export function apticDataset(options: ApticDatasetOptions): ApticSimClient[] {
  const seed = options.seed ?? 1;
  const many = options.manyTransactions ?? ((i: number) => i % 10 === 0);
  const rng = random(seed * 7919 + 17);
  const base = Date.parse("2026-01-01T00:00:00Z");
  return Array.from({ length: options.count }, (_, i) => {
    const n = i + 1 + (seed - 1) * 100_000;
    const country = COUNTRIES[i % COUNTRIES.length];
    const loc = LOCALE[country];
    const types = COMPANY_TYPES[country];
    const org = apticOrgNumber(country, n);
    const uniqueId = guid(rng);
    const name = `Aptic Client ${pad(n, 5)}`;
    const currency = loc.currency;
    const limit = money(100_000 + Math.floor(rng() * 900) * 1000);

    const client: ApticClientWire = {
      uniqueId,
      referenceCode: `C${pad(n, 6)}`,
      masterPinCode: pad(1000 + (n % 9000), 4),
      informalName: `Client ${n}`,
      fullName: `${name} ${country === "SE" ? "AB" : country === "FI" ? "Oy" : country === "NO" ? "AS" : country === "DK" ? "ApS" : "B.V."}`,
      contactPerson: `Contact Person ${n}`,
      street: "Storgatan",
      houseNo: String(1 + (n % 120)),
      houseNoExtension: n % 4 === 0 ? "B" : null,
      city: loc.city,
      zipCode: loc.zip,
      stateCode: null,
      countryCode: country,
      fullAddress: `Storgatan ${1 + (n % 120)}, ${loc.zip} ${loc.city}`,
      idNumber: org,
      companyPhone: `${loc.phone}${pad(n % 1000, 3)}`,
      cellularPhone: `${loc.phone}${pad((n + 500) % 1000, 3)}`,
      email: `client${n}@example.${loc.tld}`,
      webPage: `https://client${n}.example.${loc.tld}`,
      vatNumber: vatNumber(country, org, n),
      vatRate: loc.vatRate,
      municipalCode: pad(180 + (n % 100), 4),
      naceCode: ["62.01", "46.90", "41.20", "70.22"][n % 4],
      leiNumber: n % 3 === 0 ? lei(n) : null,
      glnNumber: n % 4 === 1 ? gln(n) : null,
      registeredForTAX: true,
      languageCode: loc.language,
      currencyCode: currency,
      active: n % 17 !== 0,
      blocked: n % 19 === 0,
      companyType: types.length === 0 ? null : types[Math.floor(i / COUNTRIES.length) % types.length],
      defaultCultureCode: loc.culture,
      countryCodeOfOperation: country,
      addresses: [{ addressType: "POSTAL", street: "Box", houseNo: String(100 + (n % 900)), zipCode: loc.zip, city: loc.city, countryCode: country }],
      links: [{ rel: "self", href: `/clients/${uniqueId}` }],
    };

    const hasLoan = i % 7 !== 3;
    const transactionCount = many(i) ? 150 : 1 + (i % 4);
    const transactions: ApticLoanTransactionWire[] = Array.from({ length: transactionCount }, (_, k) => ({
      transactionGuid: guid(rng),
      // Newest first.
      transactionDate: day(base, 300 - k),
      transactionType: TRANSACTION_TYPES[k % TRANSACTION_TYPES.length],
      amount: money(100 + ((n * 37 + k * 11) % 10_000) + ((k * 7) % 100) / 100),
      currencyCode: currency,
      description: `Transaction ${k + 1} of client ${n}`,
    }));

    const bankAccounts: ApticBankAccountWire[] = Array.from({ length: 1 + (i % 2) }, (_, k) => {
      const iban = composeIban(country, bban(country, n, k));
      return {
        bankaccountGuid: guid(rng),
        bankaccountNo: country === "NL" || country === "FI" || country === "DK" ? iban : domesticAccountNo(country, n, k),
        description: k === 0 ? "Main account" : "Settlement account",
        bankaccountClass: BANK_CLASS[country],
        ownerType: k === 0 ? 2 : 4,
        internalCode: `BA${k + 1}`,
        priority: k + 1,
        agreementNo: `AG-${n}-${k}`,
        bankCode: loc.bic.slice(0, 4),
        bankDescription: `${loc.bic.slice(0, 4)} Bank`,
        countryCode: country,
        zipCode: loc.zip,
        city: loc.city,
        allowPayments: k === 0 ? 1 : 2,
        allowDisbursementsFrom: k === 0,
        allowDisbursementsTo: true,
        businessAccount: k === 0,
        thirdPartyRemittance: false,
        powerOfAttorney: k === 1,
        currencyCode: currency,
        accountBalance: money(10_000 + ((n * 13 + k) % 50_000)),
        iban,
        bic: loc.bic,
        blz: null,
        swift: loc.bic,
        links: [],
      };
    });

    return {
      client,
      contract: i % 11 === 6 ? null : {
        contractType: 1 + (n % 3),
        contractNumber: `K-${pad(n, 6)}`,
        startDate: day(base, -365),
        endDate: day(base, 365),
        invoiceDate: day(base, 30),
        cancelDate: null,
        idNumber: org,
        contractCancelReason: null,
        periodFee: money(500 + (n % 10) * 50),
        contractLength: 24,
        periodLength: 1,
        note: `Contract of client ${n}`,
        customerCategory: "STANDARD",
        instructions: "Call before any reminder",
        invoiceItem: "FEE01",
      },
      factoringLoanContract: hasLoan ? {
        decisionDate: day(base, -200),
        limit,
        autopercent: 70,
        maxpercent: 85,
        yourReference: `Your ref ${n}`,
        ourReference: `Our ref ${n}`,
        interestRate: 6.25,
        interestCode: "STIBOR",
        limitFeeAmount: 250,
        limitFeePercentage: 0.5,
        limitFeeInterval: 30,
        limitFeeDate: day(base, 31),
        limitFeeInvoiceItem: "LIMFEE",
        limitFeePartOfPeriod: false,
        limitFeePartOfPeriodAmount: null,
        note: null,
      } : null,
      factoringLoanSummary: hasLoan ? {
        untransactedInterest: money(123.45 + (n % 100)),
        totalCreditorFeeAmount: money(250 + (n % 50)),
        currentBalance: money(limit * 0.4),
        currentPercent: 40,
        totalInvoiceAmount: money(limit * 0.8),
        totalPledgeAmount: money(limit * 0.6),
        totLoanAvailable: money(limit * 0.3),
        maxAvailable: money(limit * 0.45),
        autoAvailable: money(limit * 0.2),
      } : null,
      factoringLoanTransactions: hasLoan ? transactions : null,
      factoringPurchaseContract: i % 6 === 4 ? null : {
        active: true,
        decisionDate: day(base, -150),
        deposit: "10%",
        limit: money(limit * 2),
        customerLimit: money(limit / 4),
        recourseLimit: money(limit),
        nonRecourseLimit: money(limit / 2),
        defaultGroupLimit: money(limit / 5),
        recourse: n % 2 === 0,
        recourseDays: 60,
        blockedAccount: "5%",
        blockedAccountTotal: money(limit / 10),
        blockedAccountInterestRate: 1.5,
        blockedAccountInterestCode: "BLK",
        note: null,
        overInterestAfterDays: 30,
        overInterestRate: 8,
        overInterestCode: "OVR",
        financingInterestCalculateFrom: 1 + (n % 5),
        financingInterestCalculateTo: 1 + (n % 6),
        financingInterestFeeInsertTrigger: 1 + (n % 4),
        financingInterestRate: 4.75,
        financingInterestCode: "FIN",
      },
      factoringPurchaseSummary: i % 6 === 4 ? null : {
        numberOfInvoices: 10 + (n % 40),
        currentPurchaseNonRecourse: money(limit * 0.1),
        currentPurchaseRecourse: money(limit * 0.2),
        currentPurchase: money(limit * 0.1) + money(limit * 0.2),
        remainingDeposit: money(limit * 0.03),
        totalNumberOfInvoices: 100 + (n % 400),
        totalPurchaseNonRecourse: money(limit * 1.1),
        totalPurchaseRecourse: money(limit * 1.3),
        totalPurchase: money(money(limit * 1.1) + money(limit * 1.3)),
        totalDeposit: money(limit * 0.25),
      },
      bankAccounts: i % 8 === 5 ? null : bankAccounts,
      parameters: i % 13 === 7 ? null : [
        { name: "REMINDER_DAYS", type: "int", value: String(10 + (n % 20)), href: `/clients/${uniqueId}/parameters/REMINDER_DAYS` },
        { name: "INVOICE_FEE", type: "decimal", value: "45.00", href: `/clients/${uniqueId}/parameters/INVOICE_FEE` },
        ...(n % 2 === 0 ? [{ name: "SEND_COPY", type: "bool", value: "true", href: `/clients/${uniqueId}/parameters/SEND_COPY` }] : []),
      ],
      extraFields: i % 13 === 7 ? null : [
        { name: "SEGMENT", value: [["SME", "MID", "LARGE"][n % 3]] },
        ...(n % 2 === 1 ? [{ name: "TAGS", value: ["priority", `region-${country.toLowerCase()}`] }] : []),
      ],
      directDebitMandates: i % 9 === 1 ? null : Array.from({ length: i % 3 }, (_, k) => ({
        mandateGuid: guid(rng),
        directDebitMandateType: MANDATE_TYPE[country],
        referenceNo: `MD-${n}-${k}`,
        bankAccountNo: bankAccounts[0].bankaccountNo ?? null,
        requestedAt: day(base, -60 - k),
        approvedAt: day(base, -55 - k),
        signedDate: day(base, -58 - k),
        validfrom: day(base, -50 - k),
        validuntil: k === 0 ? null : day(base, 400),
        closedAt: null,
        links: [],
      })),
      clientSummary: {
        referenceCode: client.referenceCode,
        fullName: client.fullName,
        invoices: 20 + (n % 80),
        purchasedInvoices: 5 + (n % 30),
        accounts: 3 + (n % 10),
        cases: n % 7,
        charts: [{ name: "openAmountPerMonth", series: [{ month: "2026-10", currencyCode: currency, amount: money(1000 + (n % 500)) }] }],
      },
      accountsSummary: i % 10 === 9 ? null : [
        { accountType: "INVOICE", currencyCode: currency, numberOfAccounts: 3 + (n % 10), openAmount: money(5000 + (n % 1000)), overdueAmount: money(500 + (n % 100)) },
        { accountType: "CASE", currencyCode: currency, numberOfAccounts: n % 7, openAmount: money(1000 + (n % 300)), overdueAmount: money(n % 300) },
      ],
    };
  });
}

/** The bundle the connector reads of a simulated client (a list it has none of is empty), for tests. */
export function apticBundleOf(sim: ApticSimClient): ApticBundle {
  const copy = structuredClone(sim) as unknown as Record<string, unknown>;
  for (const key of ["factoringLoanTransactions", "bankAccounts", "parameters", "extraFields", "directDebitMandates", "accountsSummary"]) {
    if (copy[key] === null) copy[key] = [];
  }
  return copy as unknown as ApticBundle;
}
