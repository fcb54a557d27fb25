import { GraphQLCountryCode, GraphQLCurrency, GraphQLEmailAddress, GraphQLIBAN } from "graphql-scalars";
import { ClientType, CompanyType } from "../../modules/client/client.enums";
import {
  isValidBankgiro,
  isValidBic,
  isValidIban,
  isValidNorwegianBankAccount,
  isValidOrgNumber,
  isValidPlusgiro,
  isValidSwedishPersonalNumber,
  isValidVatNumber,
  normaliseOrgNumber,
} from "../../common/validation/checksums";
import { DEMO_REFERENCE_DATE, DemoClient, formatCents, generateDemoClients, mulberry32 } from "./demo-data";

const MONEY = /^-?\d+\.\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNT = 2000;

/** Group values by a key and return the keys whose values repeat. */
function duplicates(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) dupes.add(value);
    seen.add(value);
  }
  return [...dupes];
}

const allIbans = (clients: DemoClient[]) =>
  clients.flatMap((c) => c.bankAccounts.filter((a) => a.iban !== null).map((a) => ({ country: c.countryCode, iban: a.iban as string })));

describe("generateDemoClients", () => {
  let clients: DemoClient[];
  beforeAll(() => {
    clients = generateDemoClients(COUNT);
  });

  it("generates the requested number of clients", () => {
    expect(clients).toHaveLength(COUNT);
    expect(generateDemoClients(0)).toEqual([]);
    expect(() => generateDemoClients(-1)).toThrow();
    expect(() => generateDemoClients(100_001)).toThrow();
  });

  it("is deterministic: the same seed gives the same clients, another seed others", () => {
    expect(generateDemoClients(COUNT, 1)).toEqual(clients);
    const other = generateDemoClients(50, 2);
    expect(other.map((c) => c.orgNumber)).not.toEqual(clients.slice(0, 50).map((c) => c.orgNumber));
    expect(generateDemoClients(50, 2)).toEqual(other);
  });

  it("is stable under growth: the first n of a longer run equal a run of n", () => {
    expect(generateDemoClients(300)).toEqual(clients.slice(0, 300));
  });

  it("uses valid, normalised org numbers, unique per country", () => {
    for (const c of clients) {
      const individual = c.clientType === ClientType.INDIVIDUAL;
      expect([c.referenceCode, c.countryCode, c.orgNumber, isValidOrgNumber(c.countryCode, c.orgNumber, { individual })]).toEqual([
        c.referenceCode,
        c.countryCode,
        c.orgNumber,
        true,
      ]);
      expect(normaliseOrgNumber(c.orgNumber)).toBe(c.orgNumber);
      if (individual) expect(isValidSwedishPersonalNumber(c.orgNumber)).toBe(true);
    }
    expect(duplicates(clients.map((c) => `${c.countryCode}:${c.orgNumber}`))).toEqual([]);
  });

  it("has valid VAT numbers (none for Norway), unique per country", () => {
    for (const c of clients) {
      if (c.countryCode === "NO") {
        expect(c.vatNumber).toBeNull();
        continue;
      }
      if (c.vatNumber === null) continue;
      expect([c.referenceCode, c.vatNumber, isValidVatNumber(c.vatNumber, c.countryCode)]).toEqual([c.referenceCode, c.vatNumber, true]);
      if (c.countryCode === "SE") expect(c.vatNumber).toBe(`SE${c.orgNumber.slice(-10)}01`);
      if (c.countryCode === "FI" || c.countryCode === "DK") expect(c.vatNumber).toBe(`${c.countryCode}${c.orgNumber}`);
    }
    const businesses = clients.filter((c) => c.clientType === ClientType.BUSINESS && c.countryCode !== "NO");
    expect(businesses.filter((c) => c.vatNumber !== null).length / businesses.length).toBeGreaterThan(0.9);
    expect(duplicates(clients.filter((c) => c.vatNumber !== null).map((c) => `${c.countryCode}:${c.vatNumber}`))).toEqual([]);
  });

  it("has valid IBANs in the client's country, unique per country, and valid BICs", () => {
    const ibans = allIbans(clients);
    expect(ibans.length).toBeGreaterThan(COUNT);
    for (const { country, iban } of ibans) {
      expect([iban, isValidIban(iban)]).toEqual([iban, true]);
      expect(iban.slice(0, 2)).toBe(country);
      expect(() => GraphQLIBAN.parseValue(iban)).not.toThrow();
    }
    expect(duplicates(ibans.map(({ country, iban }) => `${country}:${iban}`))).toEqual([]);
    for (const c of clients) {
      for (const a of c.bankAccounts) {
        if (a.bic !== null) expect([a.bic, isValidBic(a.bic)]).toEqual([a.bic, true]);
        expect(a.swift).toBe(a.bic);
        if (a.bankAccountClass === "NO_BANK_ACCOUNT") expect(isValidNorwegianBankAccount(a.bankAccountNo)).toBe(true);
      }
      expect(c.bankAccounts.length).toBeGreaterThan(0);
      expect(c.bankAccounts.map((a) => a.priority)).toEqual(c.bankAccounts.map((_, i) => i + 1));
    }
  });

  it("gives Swedish clients valid, unique bankgiro and plusgiro numbers", () => {
    const giros: string[] = [];
    for (const c of clients) {
      for (const a of c.bankAccounts) {
        if (a.bankAccountClass === "SE_BANKGIRO") {
          expect([a.bankAccountNo, isValidBankgiro(a.bankAccountNo)]).toEqual([a.bankAccountNo, true]);
          giros.push(`BG:${a.bankAccountNo}`);
        }
        if (a.bankAccountClass === "SE_PLUSGIRO") {
          expect([a.bankAccountNo, isValidPlusgiro(a.bankAccountNo)]).toEqual([a.bankAccountNo, true]);
          giros.push(`PG:${a.bankAccountNo}`);
        }
      }
    }
    const seBusinesses = clients.filter((c) => c.countryCode === "SE" && c.clientType === ClientType.BUSINESS);
    expect(seBusinesses.every((c) => c.bankAccounts.some((a) => a.bankAccountClass === "SE_BANKGIRO"))).toBe(true);
    expect(giros.some((g) => g.startsWith("PG:"))).toBe(true);
    expect(duplicates(giros)).toEqual([]);
  });

  it("has direct debit mandates on valid accounts with validFrom <= validUntil", () => {
    const mandates = clients.flatMap((c) => c.directDebitMandates.map((m) => ({ c, m })));
    expect(mandates.length).toBeGreaterThan(50);
    for (const { c, m } of mandates) {
      if (m.mandateType === "SWEDISH_AUTOGIRO") {
        expect(c.countryCode).toBe("SE");
        expect(isValidBankgiro(m.receivingBankAccountNo)).toBe(true);
      } else {
        expect(isValidIban(m.receivingBankAccountNo)).toBe(true);
        expect(isValidIban(m.sendingBankAccountNo)).toBe(true);
      }
      if (m.validFrom !== null && m.validUntil !== null) expect(m.validFrom <= m.validUntil).toBe(true);
      if (m.closedAt !== null) expect(m.validUntil).not.toBeNull();
    }
  });

  it("has at most one default pricelist per client, and unique parameter and extra field names", () => {
    for (const c of clients) {
      expect(c.pricelists.filter((p) => p.isDefaultPricelist).length).toBeLessThanOrEqual(1);
      expect(duplicates(c.pricelists.map((p) => p.pricelistName))).toEqual([]);
      expect(duplicates(c.parameters.map((p) => p.name))).toEqual([]);
      expect(duplicates(c.extraFields.map((f) => f.name))).toEqual([]);
    }
    expect(clients.some((c) => c.pricelists.some((p) => p.isDefaultPricelist))).toBe(true);
  });

  it("has external identifiers from crm, aptic and invoicing, unique per source", () => {
    const ids = clients.flatMap((c) => c.externalIdentifiers);
    expect(new Set(ids.map((i) => i.source))).toEqual(new Set(["crm", "aptic", "invoicing"]));
    expect(duplicates(ids.map((i) => `${i.source}:${i.externalId}`))).toEqual([]);
    expect(ids.some((i) => i.deletedAt !== null)).toBe(true);
  });

  it("formats all money with 2 decimals and keeps invoices consistent", () => {
    const statuses = new Set<string>();
    let purchasedWithRecourse = 0;
    let purchasedWithoutRecourse = 0;
    for (const c of clients) {
      expect(c.creditLimit).toMatch(MONEY);
      expect(c.creditLimitCurrency).toBe(c.currencyCode);
      for (const invoice of c.invoices) {
        statuses.add(invoice.status);
        expect(invoice.totalAmount).toMatch(MONEY);
        expect(invoice.paidAmount).toMatch(MONEY);
        const total = BigInt(invoice.totalAmount.replace(".", ""));
        const paid = BigInt(invoice.paidAmount.replace(".", ""));
        expect(paid >= 0n && paid <= total).toBe(true);
        if (invoice.status === "PAID") expect(paid).toBe(total);
        if (invoice.status === "PARTIALLY_PAID") expect(paid > 0n && paid < total).toBe(true);
        expect(invoice.issueDate).toMatch(DATE);
        expect(invoice.issueDate <= invoice.dueDate).toBe(true);
        expect(invoice.issueDate <= DEMO_REFERENCE_DATE).toBe(true);
        if (invoice.status === "OVERDUE") expect(invoice.dueDate < DEMO_REFERENCE_DATE).toBe(true);
        if (invoice.purchasedAt !== null) {
          expect(c.factoringPurchaseContract).toBeDefined();
          if (invoice.purchaseRecourse) purchasedWithRecourse++;
          else purchasedWithoutRecourse++;
        }
      }
      for (const act of c.acts) {
        for (const value of [act.revenue, act.result, act.equity, act.totalAssets]) expect(value).toMatch(MONEY);
        for (const point of act.dataPoints) if (point.value !== null) expect(point.value).toMatch(MONEY);
      }
      const loan = c.factoringLoanContract;
      if (loan) {
        for (const t of loan.transactions) {
          expect(t.amount).toMatch(MONEY);
          expect(BigInt(t.amount.replace(".", "")) > 0n).toBe(true);
        }
        const dates = loan.transactions.map((t) => t.transactionDate);
        expect(dates).toEqual([...dates].sort());
      }
    }
    expect([...statuses].sort()).toEqual(["CANCELLED", "CREDITED", "DRAFT", "OVERDUE", "PAID", "PARTIALLY_PAID", "SENT"]);
    expect(purchasedWithRecourse).toBeGreaterThan(0);
    expect(purchasedWithoutRecourse).toBeGreaterThan(0);
    expect(duplicates(clients.flatMap((c) => c.invoices.map((i) => i.invoiceNumber)))).toEqual([]);
  });

  it("keeps contract and statement dates ordered", () => {
    for (const c of clients) {
      const k = c.contract;
      if (k) {
        expect(k.idNumber).toBe(c.orgNumber);
        if (k.startDate && k.endDate) expect(k.startDate <= k.endDate).toBe(true);
        if (k.endDate && k.cancelDate) expect(k.endDate <= k.cancelDate).toBe(true);
      }
      expect(c.acts.length).toBeGreaterThanOrEqual(1);
      expect(c.acts.length).toBeLessThanOrEqual(4);
      for (const act of c.acts) expect(act.periodStart <= act.periodEnd).toBe(true);
      const ends = c.acts.map((a) => a.periodEnd);
      expect(ends).toEqual([...ends].sort().reverse());
    }
  });

  it("has realistic proportions: ~10% Swedish sole traders, ~5% group companies, few blocked", () => {
    const individuals = clients.filter((c) => c.clientType === ClientType.INDIVIDUAL);
    expect(individuals.length / COUNT).toBeGreaterThan(0.07);
    expect(individuals.length / COUNT).toBeLessThan(0.13);
    expect(individuals.every((c) => c.countryCode === "SE" && c.orgNumber.length === 12)).toBe(true);
    const withParent = clients.filter((c) => c.parentIndex !== undefined);
    expect(withParent.length / COUNT).toBeGreaterThan(0.02);
    expect(withParent.length / COUNT).toBeLessThan(0.08);
    for (const [i, c] of clients.entries()) {
      if (c.parentIndex === undefined) continue;
      expect(c.parentIndex).toBeLessThan(i);
      expect(clients[c.parentIndex].countryCode).toBe(c.countryCode);
      expect(clients[c.parentIndex].clientType).toBe(ClientType.BUSINESS);
    }
    expect(clients.filter((c) => c.blocked).length / COUNT).toBeLessThan(0.05);
    expect(new Set(clients.map((c) => c.countryCode))).toEqual(new Set(["SE", "FI", "NO", "DK", "NL"]));
    expect(new Set(clients.map((c) => c.rating))).toEqual(new Set(["AAA", "AA", "A", "BBB", "BB", "B", "C"]));
    expect(new Set(clients.map((c) => c.paymentTerms))).toEqual(new Set([10, 15, 30, 45, 60]));
  });

  it("matches company types, currencies and cultures to the country", () => {
    const currency = { SE: "SEK", FI: "EUR", NO: "NOK", DK: "DKK", NL: "EUR" };
    for (const c of clients) {
      expect(c.currencyCode).toBe(currency[c.countryCode]);
      expect(c.defaultCultureCode.endsWith(`-${c.countryCode}`)).toBe(true);
      if (c.companyType !== null) {
        expect(Object.values(CompanyType)).toContain(c.companyType);
        expect(c.companyType.startsWith(`${c.countryCode}_`)).toBe(true);
      } else {
        expect(c.clientType === ClientType.INDIVIDUAL || c.countryCode === "NO" || c.countryCode === "DK").toBe(true);
      }
      expect(() => GraphQLCountryCode.parseValue(c.countryCode)).not.toThrow();
      expect(() => GraphQLCurrency.parseValue(c.currencyCode)).not.toThrow();
      if (c.email) expect(() => GraphQLEmailAddress.parseValue(c.email)).not.toThrow();
      if (c.administrationEmail) expect(() => GraphQLEmailAddress.parseValue(c.administrationEmail)).not.toThrow();
    }
  });

  it("gives distinct names and fits the column lengths", () => {
    // Names (trading names) are all distinct; a sole trader's legal name is the person's, which may repeat.
    expect(duplicates(clients.map((c) => c.name.toLowerCase()))).toEqual([]);
    expect(duplicates(clients.filter((c) => c.clientType === ClientType.BUSINESS).map((c) => c.legalName.toLowerCase()))).toEqual([]);
    for (const c of clients) {
      expect(c.name.length).toBeLessThanOrEqual(255);
      expect(c.orgNumber.length).toBeLessThanOrEqual(32);
      expect((c.vatNumber ?? "").length).toBeLessThanOrEqual(20);
      expect(c.zipCode.length).toBeLessThanOrEqual(20);
      expect(c.houseNo.length).toBeLessThanOrEqual(20);
      expect(c.city.length).toBeLessThanOrEqual(80);
      expect((c.phone ?? "").length).toBeLessThanOrEqual(80);
      expect((c.acronym ?? "").length).toBeLessThanOrEqual(50);
      for (const a of c.bankAccounts) {
        expect((a.iban ?? "").length).toBeLessThanOrEqual(34);
        expect((a.bankAccountNo ?? "").length).toBeLessThanOrEqual(50);
        expect((a.bankCode ?? "").length).toBeLessThanOrEqual(20);
      }
      for (const i of c.invoices) expect(i.invoiceNumber.length).toBeLessThanOrEqual(50);
    }
  });
});

describe("unique numbers at the maximum count", () => {
  it("keeps org numbers, VAT numbers and IBANs unique for 100,000 clients", () => {
    const clients = generateDemoClients(100_000, 7);
    expect(duplicates(clients.map((c) => `${c.countryCode}:${c.orgNumber}`))).toEqual([]);
    expect(duplicates(clients.filter((c) => c.vatNumber).map((c) => `${c.countryCode}:${c.vatNumber}`))).toEqual([]);
    expect(duplicates(allIbans(clients).map(({ country, iban }) => `${country}:${iban}`))).toEqual([]);
    expect(duplicates(clients.map((c) => c.name.toLowerCase()))).toEqual([]);
    const sample = clients.filter((_, i) => i % 97 === 0);
    for (const c of sample) {
      expect(isValidOrgNumber(c.countryCode, c.orgNumber, { individual: c.clientType === ClientType.INDIVIDUAL })).toBe(true);
    }
  }, 120_000);
});

describe("helpers", () => {
  it("formats cents exactly", () => {
    expect(formatCents(0)).toBe("0.00");
    expect(formatCents(30)).toBe("0.30");
    expect(formatCents(25_000_000)).toBe("250000.00");
    expect(formatCents(-105)).toBe("-1.05");
    expect(formatCents(Number.MAX_SAFE_INTEGER)).toBe("90071992547409.91");
    expect(() => formatCents(0.1 + 0.2)).toThrow();
  });

  it("mulberry32 is deterministic and in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
