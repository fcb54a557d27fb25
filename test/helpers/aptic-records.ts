import type { DataSource } from "typeorm";
import type { ApticBundle, ApticClientRecord } from "../../src/sources/aptic/bundle";
import { applyPage, PageInput, SyncTarget } from "../../src/sync/engine/apply";
import { archiveUnlisted, unlistedRecords } from "../../src/sync/engine/archive-unlisted";
import { queueRun } from "../../src/sync/runs";
import { inTenant, swedishOrg } from "./sync";

/** A deterministic GUID per (kind, n, i). */
export const guid = (kind: number, n: number, i = 0) =>
  `${String(kind).padStart(8, "0")}-0000-4000-8000-${String(n * 1000 + i).padStart(12, "0")}`;

/** Aptic's loan transaction (SOURCES.md's shape). */
export const apticTransaction = (n: number, i: number, overrides: Record<string, unknown> = {}) => ({
  transactionGuid: guid(7, n, i),
  transactionDate: `2026-${String((i % 9) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}T10:00:00Z`,
  transactionType: ["DRAWDOWN", "REPAYMENT", "INTEREST", "FEE"][i % 4],
  amount: 100 + i + 0.25,
  currencyCode: "SEK",
  description: `Transaction ${i}`,
  ...overrides,
});

/** A full bundle of client n, every nested resource present (seed 003's shapes). */
export function apticBundle(n: number, overrides: Partial<ApticBundle> = {}, transactions = 3): ApticBundle {
  return {
    client: { uniqueId: guid(1, n), referenceCode: `C${n}`, fullName: `Aptic Company ${n} AB`, orgNo: swedishOrg(n), countryCode: "SE" },
    contract: {
      contractType: 1, contractNumber: `K-${n}`, startDate: "2025-12-31T23:30:00Z", endDate: "2027-12-31T12:00:00Z", invoiceDate: null, cancelDate: null,
      idNumber: swedishOrg(n), contractCancelReason: null, periodFee: 1250.5, contractLength: 24, periodLength: 1, note: "Signed", customerCategory: "A",
      instructions: null, invoiceItem: "PF",
    },
    factoringLoanContract: {
      decisionDate: "2026-01-15T09:00:00Z", limit: 500000, autopercent: 80, maxpercent: 90, yourReference: "Anna", ourReference: "Bo", interestRate: 5.5,
      interestCode: "STD", limitFeeAmount: 100, limitFeePercentage: 0.5, limitFeeInterval: 30, limitFeeDate: "2026-02-01T00:00:00Z", limitFeeInvoiceItem: "LF", note: null,
    },
    factoringLoanSummary: {
      untransactedInterest: 12.5, totalCreditorFeeAmount: 300, currentBalance: 125000.75, currentPercent: 25.1, totalInvoiceAmount: 400000,
      totalPledgeAmount: 350000, totLoanAvailable: 374999.25, maxAvailable: 315000, autoAvailable: 280000,
    },
    factoringLoanTransactions: Array.from({ length: transactions }, (_, i) => apticTransaction(n, i)),
    factoringPurchaseContract: {
      active: true, decisionDate: "2026-03-01T08:00:00Z", deposit: "10%", limit: 1000000, customerLimit: 200000, recourseLimit: 600000, nonRecourseLimit: 400000,
      defaultGroupLimit: 50000, recourse: true, recourseDays: 60, blockedAccount: "5050-1055", blockedAccountTotal: 0, blockedAccountInterestRate: 1.5,
      blockedAccountInterestCode: "BA", note: null, overInterestAfterDays: 30, overInterestRate: 8, overInterestCode: "OI", financingInterestCalculateFrom: 1,
      financingInterestCalculateTo: 6, financingInterestFeeInsertTrigger: 4, financingInterestRate: 6.25, financingInterestCode: "FI",
    },
    factoringPurchaseSummary: {
      numberOfInvoices: 4, currentPurchaseNonRecourse: 1000, currentPurchaseRecourse: 2500.5, currentPurchase: 3500.5, remainingDeposit: 350,
      totalNumberOfInvoices: 40, totalPurchaseNonRecourse: 10000, totalPurchaseRecourse: 25000, totalPurchase: 35000, totalDeposit: 3500,
    },
    bankAccounts: [
      { bankaccountGuid: guid(2, n, 0), bankaccountNo: "5050-1055", description: "Main", bankaccountClass: 2, ownerType: 2, priority: 1, allowPayments: 1, currencyCode: "SEK", accountBalance: 1000.1, iban: null, bic: null },
      { bankaccountGuid: guid(2, n, 1), bankaccountNo: null, description: "Euro", bankaccountClass: 4, ownerType: 2, priority: 2, allowPayments: 0, currencyCode: "EUR", iban: "DE89370400440532013000", bic: "COBADEFFXXX", countryCode: "DE" },
    ],
    parameters: [
      { name: "invoiceLanguage", type: "string", value: "sv", href: null },
      { name: "reminderDays", type: "int", value: "14", href: null },
    ],
    extraFields: [{ name: "segment", value: ["SME", "Retail"] }],
    directDebitMandates: [
      { mandateGuid: guid(3, n, 0), directDebitMandateType: 1, referenceNo: `R${n}`, bankAccountNo: "5050-1055", requestedAt: "2026-01-02T10:00:00Z", approvedAt: "2026-01-03T10:00:00Z", signedDate: "2026-01-02T11:00:00Z", validfrom: "2026-01-03T23:00:00Z", validuntil: null, closedAt: null },
    ],
    clientSummary: { referenceCode: `C${n}`, fullName: `Aptic Company ${n} AB`, invoices: 12, purchasedInvoices: 4, accounts: 2, cases: 3, charts: [] },
    accountsSummary: [
      { accountType: "LEDGER", currencyCode: "SEK", balance: 1500.25, numberOfAccounts: 2 },
      { accountType: "LEDGER", currencyCode: "EUR", balance: -20, numberOfAccounts: 1 },
    ],
    ...overrides,
  };
}

/** An ApticClientRecord as the connector hands it to apply: the client's own fields mapped, the bundle as read. */
export function apticRecord(n: number, bundle: ApticBundle = apticBundle(n)): ApticClientRecord {
  return {
    kind: "APTIC",
    sourceId: guid(1, n),
    clientGuid: guid(1, n),
    sourceUpdatedAt: null,
    sourceCreatedAt: null,
    deletedInSource: false,
    deletedAt: null,
    values: { name: `Aptic Company ${n} AB`, countryCode: "SE", orgNumber: swedishOrg(n) },
    externalIdentifiers: [],
    unmapped: {},
    issues: [],
    raw: bundle as unknown as Record<string, unknown>,
    bundle,
  };
}

/** Applies one page of hand-made Aptic records as a run of the source (queued, applied, closed). */
export async function applyApticPage(dataSource: DataSource, tenantId: string, sourceSystemId: string, records: ApticClientRecord[], savepoints = false, options: { complete?: boolean } = {}) {
  const runId = await inTenant(dataSource, tenantId, async (tx) => {
    const outcome = await queueRun(tx, tenantId, sourceSystemId, { full: true, requestedBy: "test" });
    if (outcome.kind !== "QUEUED") throw new Error(outcome.kind);
    return outcome.run.id;
  });
  const target: SyncTarget = { tenantId, sourceSystemId, sourceName: "Aptic", kind: "APTIC", runId };
  const page: PageInput = { records: records.map((record) => ({ ok: true as const, record })), failedFetches: [], unchangedIds: [] };
  const [{ started }] = await dataSource.query(`SELECT clock_timestamp() AS started`);
  const outcome = await inTenant(dataSource, tenantId, async (tx) => {
    const applied = await applyPage(tx, target, page, { savepoints });
    if (!options.complete) return applied;
    // As the last page of a complete run (run-sync.ts), every record the run did not see confirmed gone by Aptic.
    const startedAt = new Date(started).toISOString();
    const unseen = await unlistedRecords(tx, target, startedAt, records.map((record) => record.sourceId), 10_000);
    const gone = await archiveUnlisted(tx, target, startedAt, unseen);
    return { ...applied, counts: { ...applied.counts, archived: applied.counts.archived + gone.counts.archived, failed: applied.counts.failed + gone.counts.failed }, issues: [...applied.issues, ...gone.issues] };
  });
  // Closed, so that the next page may queue a run.
  await inTenant(dataSource, tenantId, (tx) => tx.query(`UPDATE sync_run SET status = 'SUCCEEDED', started_at = now(), finished_at = now() WHERE id = $1`, [runId]));
  return { ...outcome, runId };
}
