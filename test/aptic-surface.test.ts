import { ApticClientsPageDocument, ApticSurfaceDocument } from "./generated/graphql";
import { dataOf, TestGateway } from "./helpers/harness";
import { apticBundle, apticRecord, applyApticPage, guid } from "./helpers/aptic-records";
import { addSource, inTenant, rows } from "./helpers/sync";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

describe("what Aptic sends, in the API", () => {
  it("gives the loan and purchase summaries Aptic's figures with their source and time, the accounts summary and the cases; the gateway's own without Aptic", async () => {
    const tenant = gateway.newTenant();
    const sourceId = await addSource(gateway.dataSource, tenant, { kind: "APTIC", baseUrl: "http://127.0.0.1:9/", credentials: { apiKey: "k" } });
    await applyApticPage(gateway.dataSource, tenant, sourceId, [apticRecord(1)]);
    const [{ id, last_synced_at }] = await rows<{ id: string; last_synced_at: Date }>(gateway.dataSource, tenant, "SELECT client_id AS id, last_synced_at FROM source_record");

    const client = dataOf(await gateway.call(ApticSurfaceDocument, { id }, { tenant })).client!;
    expect(client.summary.cases).toBe(3);
    expect(client.accountsSummary).toEqual([
      { accountType: "LEDGER", currencyCode: "SEK", numberOfAccounts: 2, openAmount: null, overdueAmount: null, balance: "1500.25", fields: { accountType: "LEDGER", currencyCode: "SEK", balance: "1500.25", numberOfAccounts: "2" } },
      { accountType: "LEDGER", currencyCode: "EUR", numberOfAccounts: 1, openAmount: null, overdueAmount: null, balance: "-20", fields: { accountType: "LEDGER", currencyCode: "EUR", balance: "-20", numberOfAccounts: "1" } },
    ]);
    const loan = client.factoringLoanContract!;
    expect(loan.decisionDate).toBe("2026-01-15");
    // Newest first: Aptic's transactions are the loan's.
    expect(loan.latestTransactions).toEqual([
      { uniqueId: guid(7, 1, 2), transactionDate: "2026-03-03", type: "INTEREST", amount: "102.25", currencyCode: "SEK" },
      { uniqueId: guid(7, 1, 1), transactionDate: "2026-02-02", type: "REPAYMENT", amount: "101.25", currencyCode: "SEK" },
    ]);
    expect(loan.summary).toEqual({
      asOf: last_synced_at.toISOString(),
      source: { id: sourceId, kind: "APTIC" },
      untransactedInterest: "12.5",
      totalCreditorFeeAmount: "300",
      currentBalance: "125000.75",
      currentPercent: "25.1",
      totalInvoiceAmount: "400000",
      totalPledgeAmount: "350000",
      totLoanAvailable: "374999.25",
      maxAvailable: "315000",
      autoAvailable: "280000",
      computedFigures: [],
      // The gateway's own, from the three transactions it holds: 100.25 drawn, 101.25 repaid, 102.25 interest.
      drawnBalance: "101.25",
      transactionCount: 3,
    });
    expect(client.factoringPurchaseContract!.summary).toMatchObject({
      source: { id: sourceId },
      numberOfInvoices: 4,
      currentPurchase: "3500.5",
      remainingDeposit: "350",
      totalNumberOfInvoices: 40,
      totalDeposit: "3500",
    });

    // Without Aptic's summaries the gateway computes the figures from its own data, and says so.
    await inTenant(gateway.dataSource, tenant, (tx) => tx.query("DELETE FROM source_summary"));
    const computed = dataOf(await gateway.call(ApticSurfaceDocument, { id }, { tenant })).client!;
    expect(computed.summary.cases).toBeNull();
    expect(computed.accountsSummary).toBeNull();
    expect(computed.factoringLoanContract!.summary).toMatchObject({
      source: null,
      untransactedInterest: null,
      totalCreditorFeeAmount: "0.00",
      currentBalance: "101.25",
      currentPercent: "0.0203",
      totalInvoiceAmount: "0.00",
      totLoanAvailable: "499898.75",
      maxAvailable: "0.00",
    });
    expect(Date.parse(computed.factoringLoanContract!.summary.asOf)).toBeGreaterThan(last_synced_at.getTime());
    expect(computed.factoringPurchaseContract!.summary).toMatchObject({ source: null, numberOfInvoices: 0, currentPurchase: "0.00", remainingDeposit: null, totalPurchase: "0.00" });
  });

  it("computes a figure Aptic's summary lacks, and says which; without maxPercent and autoPercent their available amounts are unknown", async () => {
    const tenant = gateway.newTenant();
    const sourceId = await addSource(gateway.dataSource, tenant, { kind: "APTIC", baseUrl: "http://127.0.0.1:9/", credentials: { apiKey: "k" } });
    const bundle = apticBundle(1);
    const { currentBalance: _balance, maxAvailable: _max, ...loanFigures } = bundle.factoringLoanSummary!;
    const { totalPurchase: _total, ...purchaseFigures } = bundle.factoringPurchaseSummary!;
    bundle.factoringLoanSummary = loanFigures;
    bundle.factoringPurchaseSummary = purchaseFigures;
    await applyApticPage(gateway.dataSource, tenant, sourceId, [apticRecord(1, bundle)]);
    const [{ id }] = await rows<{ id: string }>(gateway.dataSource, tenant, "SELECT client_id AS id FROM source_record");

    const client = dataOf(await gateway.call(ApticSurfaceDocument, { id }, { tenant })).client!;
    // Synced where Aptic sent the figure, the gateway's own where it did not: 101.25 is drawnBalance;
    // maxAvailable: least(500000, 0 invoiced * 90 %) - 101.25, at least 0.
    expect(client.factoringLoanContract!.summary).toMatchObject({
      source: { id: sourceId }, currentBalance: "101.25", maxAvailable: "0.00", autoAvailable: "280000", totLoanAvailable: "374999.25", computedFigures: ["currentBalance", "maxAvailable"],
    });
    expect(client.factoringPurchaseContract!.summary).toMatchObject({ source: { id: sourceId }, totalPurchase: "0.00", currentPurchase: "3500.5", computedFigures: ["totalPurchase"] });

    // No summary and a contract without percentages: what may be drawn at them is unknown, not limit - balance.
    const bare = apticBundle(1, { factoringLoanSummary: null });
    bare.factoringLoanContract = { ...bare.factoringLoanContract!, autopercent: null, maxpercent: null };
    await applyApticPage(gateway.dataSource, tenant, sourceId, [apticRecord(1, bare)]);
    const computed = dataOf(await gateway.call(ApticSurfaceDocument, { id }, { tenant })).client!.factoringLoanContract!.summary;
    expect(computed).toMatchObject({ source: null, maxAvailable: null, autoAvailable: null, totalPledgeAmount: null, totLoanAvailable: "499898.75" });
    expect(computed.computedFigures).toHaveLength(9);
  });

  it("answers Aptic's figures exactly as sent, however many decimals the platform's doubles carry", async () => {
    const tenant = gateway.newTenant();
    const sourceId = await addSource(gateway.dataSource, tenant, { kind: "APTIC", baseUrl: "http://127.0.0.1:9/", credentials: { apiKey: "k" } });
    const bundle = apticBundle(1);
    // A percentage the platform computed as a double (1/3 of the limit drawn), an amount of more than 20 digits.
    bundle.factoringLoanSummary = { ...bundle.factoringLoanSummary!, currentPercent: 33.333333333333336, totalInvoiceAmount: 1.5e21 };
    bundle.accountsSummary = [{ accountType: "LEDGER", currencyCode: "SEK", balance: 0.1 + 0.2, numberOfAccounts: 1 }];
    await applyApticPage(gateway.dataSource, tenant, sourceId, [apticRecord(1, bundle)]);
    const [{ id }] = await rows<{ id: string }>(gateway.dataSource, tenant, "SELECT client_id AS id FROM source_record");

    const client = dataOf(await gateway.call(ApticSurfaceDocument, { id }, { tenant })).client!;
    expect(client.factoringLoanContract!.summary).toMatchObject({ currentPercent: "33.333333333333336", totalInvoiceAmount: "1500000000000000000000", currentBalance: "125000.75" });
    expect(client.accountsSummary).toEqual([expect.objectContaining({ balance: "0.30000000000000004" })]);
  });

  it("computes a loan's invoice figures in the client's currency when the contract names none, never adding currencies", async () => {
    const tenant = gateway.newTenant();
    const sourceId = await addSource(gateway.dataSource, tenant, { kind: "APTIC", baseUrl: "http://127.0.0.1:9/", credentials: { apiKey: "k" } });
    // No summary from Aptic (computed by the gateway); a SEK client whose loan contract names no currency.
    const record = apticRecord(2, apticBundle(2, { factoringLoanSummary: null }));
    await applyApticPage(gateway.dataSource, tenant, sourceId, [{ ...record, values: { ...record.values, currencyCode: "SEK" } }]);
    const [{ id }] = await rows<{ id: string }>(gateway.dataSource, tenant, "SELECT client_id AS id FROM source_record");
    await inTenant(gateway.dataSource, tenant, async (tx) => {
      const insert = `INSERT INTO invoice (tenant_id, client_id, invoice_number, status, currency_code, total_amount, paid_amount, issue_date, due_date) VALUES ($1, $2, $3, 'SENT', $4, $5, 0, '2026-10-01', '2026-10-31')`;
      await tx.query(insert, [tenant, id, "F-1", "SEK", "1000.00"]);
      await tx.query(insert, [tenant, id, "F-2", "EUR", "50.00"]);
    });

    const loan = dataOf(await gateway.call(ApticSurfaceDocument, { id }, { tenant })).client!.factoringLoanContract!;
    expect(loan.summary).toMatchObject({ source: null, totalInvoiceAmount: "1000.00", totalPledgeAmount: "900.00" });
  });

  it("cost the same number of SQL statements for 3 and for 30 clients", async () => {
    const counts: Record<number, number> = {};
    for (const size of [3, 30]) {
      const tenant = gateway.newTenant();
      const sourceId = await addSource(gateway.dataSource, tenant, { kind: "APTIC", baseUrl: "http://127.0.0.1:9/", credentials: { apiKey: "k" } });
      await applyApticPage(gateway.dataSource, tenant, sourceId, Array.from({ length: size }, (_, i) => apticRecord(i + 1)));
      const nodes = dataOf(await gateway.call(ApticClientsPageDocument, { first: size }, { tenant })).clients.nodes;
      expect(nodes).toHaveLength(size);
      expect(nodes.every((n) => n.summary.cases === 3 && n.accountsSummary?.length === 2 && n.factoringLoanContract?.summary.source?.id === sourceId && n.factoringPurchaseContract?.summary.source?.id === sourceId)).toBe(true);
      counts[size] = gateway.lastRequest().stats.statements;
    }
    expect(counts[3]).toBe(counts[30]);
  });
});
