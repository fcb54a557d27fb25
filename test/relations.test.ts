import { ClientsWithRelationsDocument } from "./generated/graphql";
import { dataOf, TestGateway } from "./helpers/harness";
import { createClients, fullGraph } from "./helpers/fixtures";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

describe("Client relations", () => {
  it("return the right rows, in their documented order", async () => {
    const tenant = gateway.newTenant();
    const [parentId, childId] = await createClients(gateway, tenant, [fullGraph(1), fullGraph(2, 0)]);
    const [parent, child] = dataOf(await gateway.call(ClientsWithRelationsDocument, { first: 10 }, { tenant })).clients.nodes;

    expect(parent.id).toBe(parentId);
    expect(parent.parent).toBeNull();
    expect(parent.children).toEqual([{ id: childId }]);
    expect(child.parent).toEqual({ id: parentId });
    expect(child.children).toEqual([]);
    expect(child.externalIdentifiers).toEqual([
      { source: "crm", externalId: "CRM-2", sourceRecordId: "2", sourceCreatedAt: "2026-05-15T17:08:59.529Z", sourceUpdatedAt: "2026-05-16T08:00:00.000Z" },
    ]);
    expect(child.contract).toEqual({ contractNumber: "K-2", periodFee: "100.50", startDate: "2026-01-01" });
    expect(child.factoringLoanContract).toEqual({
      limit: "100000.00",
      interestRate: "5.2500",
      summary: {
        drawnBalance: "30175.25",
        available: "69824.75",
        accruedInterest: "125.25",
        fees: "50.00",
        transactionCount: 4,
        lastTransactionDate: "2026-03-05",
      },
      latestTransactions: [
        { transactionDate: "2026-03-05", type: "FEE", amount: "50.00" },
        { transactionDate: "2026-03-01", type: "INTEREST", amount: "125.25" },
        { transactionDate: "2026-02-10", type: "REPAYMENT", amount: "10000.00" },
      ],
    });
    expect(child.factoringPurchaseContract).toEqual({
      limit: "500000.00",
      recourseDays: 30,
      financingInterestCalculateFrom: "PURCHASE_DATE",
      summary: { purchasedInvoiceCount: 1, purchasedAmount: "500.00", outstandingTotal: "299.90" },
    });
    expect(child.bankAccounts.map((b) => b.priority)).toEqual([1, 2]);
    expect(child.directDebitMandates.map((m) => [m.mandateType, m.active])).toEqual([
      ["SWEDISH_AUTOGIRO", true],
      ["SEPA_BUSINESS_RECURRING", false],
    ]);
    expect(child.parameters).toEqual([{ name: "autoCollect", value: "true" }, { name: "reminderDays", value: "14" }]);
    expect(child.extraFields).toEqual([{ name: "segments", values: ["retail", "nordic"] }]);
    expect(child.pricelists).toEqual([
      { pricelistName: "Standard", isDefaultPricelist: true },
      { pricelistName: "Campaign", isDefaultPricelist: false },
    ]);
    expect(child.openInvoices).toEqual([
      { invoiceNumber: "I-2-2", status: "PARTIALLY_PAID", totalAmount: "500.00", outstandingAmount: "299.90" },
      { invoiceNumber: "I-2-1", status: "SENT", totalAmount: "1000.00", outstandingAmount: "1000.00" },
    ]);
    expect(child.latestAct).toEqual({ periodEnd: "2025-12-31", revenue: "1200000.00" });
    expect(child.acts.nodes.map((a) => a.periodEnd)).toEqual(["2025-12-31", "2024-12-31"]);
    expect(child.acts.nodes[1].dataPoints).toEqual([{ code: "EBIT", value: "1.00" }]);
    expect(child.acts.pageInfo.hasNextPage).toBe(true);
    expect(child.summary).toEqual({
      invoiceCount: 3,
      openInvoiceCount: 2,
      openInvoiceAmounts: [{ currencyCode: "SEK", amount: "1299.90", count: 2 }],
      overdueInvoiceCount: expect.any(Number),
      purchasedInvoiceCount: 1,
      pricelistCount: 2,
      bankAccountCount: 2,
      activeMandateCount: 1,
    });
  });

  it("cost the same number of SQL statements for 10 and for 100 clients, at most 2 + k", async () => {
    const counts: Record<number, number> = {};
    for (const size of [10, 100]) {
      const tenant = gateway.newTenant();
      await createClients(gateway, tenant, Array.from({ length: size }, (_, i) => fullGraph(i, i > 0 ? 0 : undefined)));
      const nodes = dataOf(await gateway.call(ClientsWithRelationsDocument, { first: size }, { tenant })).clients.nodes;
      expect(nodes).toHaveLength(size);
      expect(nodes.every((n) => n.bankAccounts.length === 2 && n.acts.nodes.length === 2)).toBe(true);
      counts[size] = gateway.lastRequest().stats.statements;
    }
    // k = the relations and nested relations the operation selects, each one batched loader:
    // parent, children, externalIdentifiers, contract, factoringLoanContract (+ summary, latestTransactions),
    // factoringPurchaseContract (+ summary), bankAccounts, directDebitMandates, parameters, extraFields,
    // pricelists, openInvoices, latestAct, acts, summary, history.
    const k = 19;
    expect(counts[10]).toBe(counts[100]);
    expect(counts[100]).toBeLessThanOrEqual(2 + k);
  });
});
