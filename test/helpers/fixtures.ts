import { ClientGraph, insertClientGraphs } from "../../src/db/seed/insert";
import type { TestGateway } from "./harness";

/** Inserts clients for a tenant (through the app role, under RLS) and returns their ids. */
export function createClients(gateway: TestGateway, tenant: string, clients: ClientGraph[]): Promise<string[]> {
  return insertClientGraphs(gateway.dataSource, tenant, clients.map((c, i) => ({ name: `Client ${i}`, ...c })));
}

/** An instant on a fixed day, so date filters have exact expectations. */
export const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12, 0, 0));

/** A client with one or more rows of every relation, distinguishable by `n`. */
export function fullGraph(n: number, parentIndex?: number): ClientGraph {
  return {
    name: `Client ${n}`,
    parentIndex,
    contract: { contractNumber: `K-${n}`, periodFee: "100.50", startDate: "2026-01-01" },
    factoringLoanContract: {
      limit: "100000.00",
      interestRate: "5.2500",
      transactions: [
        { transactionDate: "2026-01-10", type: "DRAWDOWN", amount: "40000.00" },
        { transactionDate: "2026-02-10", type: "REPAYMENT", amount: "10000.00" },
        { transactionDate: "2026-03-01", type: "INTEREST", amount: "125.25" },
        { transactionDate: "2026-03-05", type: "FEE", amount: "50.00" },
      ],
    },
    factoringPurchaseContract: { limit: "500000.00", recourseDays: 30, financingInterestCalculateFrom: "PURCHASE_DATE" },
    bankAccounts: [
      { iban: "SE4550000000058398257466", bic: "ESSESESS", bankAccountClass: "SE_BANK_ACCOUNT", ownerType: "CREDITOR", priority: 2 },
      { iban: "SE3550000000054910000003", bic: "ESSESESS", bankAccountClass: "SE_BANK_ACCOUNT", ownerType: "CREDITOR", priority: 1 },
    ],
    directDebitMandates: [
      { mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: "5050-1055", validFrom: "2026-01-01", validUntil: null },
      { mandateType: "SEPA_BUSINESS_RECURRING", receivingBankAccountNo: "X", closedAt: new Date("2026-02-01T00:00:00Z") },
    ],
    parameters: [{ name: "reminderDays", value: "14" }, { name: "autoCollect", value: "true" }],
    extraFields: [{ name: "segments", values: ["retail", "nordic"] }],
    pricelists: [{ pricelistName: "Standard", isDefaultPricelist: true }, { pricelistName: "Campaign", isDefaultPricelist: false }],
    externalIdentifiers: [
      // as a CRM sync stores one: its own id and times in the CRM too
      { source: "crm", externalId: `CRM-${n}`, sourceRecordId: String(n), sourceCreatedAt: new Date("2026-05-15T17:08:59.529Z"), sourceUpdatedAt: new Date("2026-05-16T08:00:00.000Z") },
      { source: "old", externalId: `OLD-${n}`, deletedAt: new Date() },
    ],
    invoices: [
      { invoiceNumber: `I-${n}-1`, status: "SENT", currencyCode: "SEK", totalAmount: "1000.00", paidAmount: "0.00", issueDate: "2026-10-01", dueDate: "2026-10-31" },
      { invoiceNumber: `I-${n}-2`, status: "PARTIALLY_PAID", currencyCode: "SEK", totalAmount: "500.00", paidAmount: "200.10", issueDate: "2026-09-01", dueDate: "2026-09-30", purchasedAt: new Date("2026-09-02T00:00:00Z"), purchaseRecourse: true },
      { invoiceNumber: `I-${n}-3`, status: "PAID", currencyCode: "SEK", totalAmount: "300.00", paidAmount: "300.00", issueDate: "2026-08-01", dueDate: "2026-08-31" },
    ],
    acts: [
      { periodStart: "2024-01-01", periodEnd: "2024-12-31", currencyCode: "SEK", revenue: "1000000.00", dataPoints: [{ code: "EBIT", label: "EBIT", value: "1.00" }] },
      { periodStart: "2025-01-01", periodEnd: "2025-12-31", currencyCode: "SEK", revenue: "1200000.00", dataPoints: [] },
      { periodStart: "2023-01-01", periodEnd: "2023-12-31", currencyCode: "SEK", revenue: "900000.00", dataPoints: [] },
    ],
  } as ClientGraph;
}
