import { dataOf, TestGateway } from "./helpers/harness";
import { createClients, fullGraph } from "./helpers/fixtures";
import { newKey, WRITER } from "./helpers/mutations";
import type { ClientGraph } from "../src/db/seed/insert";

/**
 * clientsSummary.myClients (clients whose responsibleUser is the caller, set by createClient) and
 * the open-amount charts of clientsSummary and Client.summary, against invoices inserted here.
 */

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

/** The first day of the month `back` months before this one (UTC), as YYYY-MM-DD. */
function monthStart(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 10);
}
/** A day inside that month. */
const inMonth = (back: number, day = 15) => `${monthStart(back).slice(0, 8)}${String(day).padStart(2, "0")}`;

describe("clientsSummary.myClients and Client.responsibleUser", () => {
  it("counts the caller's clients: createClient makes the caller responsible unless told otherwise, updateClient moves it", async () => {
    const tenant = gateway.newTenant();
    const as = (subject: string) => ({ tenant, scopes: WRITER, subject });
    const create = async (subject: string, input: Record<string, unknown>) => {
      const response = await gateway.send<{ createClient: { client: { id: string; responsibleUser: string | null }; error: unknown } }>(
        `mutation ($input: CreateClientInput!, $key: String!) { createClient(input: $input, idempotencyKey: $key) { client { id responsibleUser } error { code } } }`,
        { input, key: newKey() }, as(subject));
      const payload = dataOf(response).createClient;
      expect(payload.error).toBeNull();
      return payload.client;
    };
    const a1 = await create("alice", { name: "A1" });
    await create("alice", { name: "A2" });
    const handedToBob = await create("alice", { name: "A3", responsibleUser: "bob" });
    const nobody = await create("alice", { name: "A4", responsibleUser: null });
    await create("bob", { name: "B1" });
    expect(a1.responsibleUser).toBe("alice");
    expect(handedToBob.responsibleUser).toBe("bob");
    expect(nobody.responsibleUser).toBeNull();

    const preview = dataOf(await gateway.send<{ createClient: { preview: { responsibleUser: string } } }>(
      `mutation ($key: String!) { createClient(input: { name: "Dry" }, idempotencyKey: $key, dryRun: true) { preview { responsibleUser } } }`, { key: newKey() }, as("carol"))).createClient;
    expect(preview.preview.responsibleUser).toBe("carol");

    const mine = async (subject: string) =>
      dataOf(await gateway.send<{ clientsSummary: { myClients: number; accessibleClients: number } }>(`{ clientsSummary { myClients accessibleClients } }`, {}, as(subject))).clientsSummary;
    expect(await mine("alice")).toEqual({ myClients: 2, accessibleClients: 5 });
    expect(await mine("bob")).toEqual({ myClients: 2, accessibleClients: 5 });
    expect(await mine("carol")).toEqual({ myClients: 0, accessibleClients: 5 });

    // Moved to bob; and an archived client is nobody's count.
    const moved = dataOf(await gateway.send<{ updateClient: { client: { responsibleUser: string }; error: unknown } }>(
      `mutation ($id: ID!, $key: String!) { updateClient(id: $id, patch: { responsibleUser: "bob" }, idempotencyKey: $key) { client { responsibleUser } error { code } } }`,
      { id: a1.id, key: newKey() }, as("alice"))).updateClient;
    expect(moved).toEqual({ client: { responsibleUser: "bob" }, error: null });
    const archived = dataOf(await gateway.send<{ archiveClient: { error: unknown } }>(
      `mutation ($id: ID!, $key: String!) { archiveClient(id: $id, idempotencyKey: $key) { error { code } } }`, { id: handedToBob.id, key: newKey() }, as("alice"))).archiveClient;
    expect(archived.error).toBeNull();
    expect((await mine("alice")).myClients).toBe(1);
    expect((await mine("bob")).myClients).toBe(2);

    // Filterable like any column.
    const bobs = dataOf(await gateway.send<{ clients: { totalCount: number; nodes: { name: string }[] } }>(
      `{ clients(filter: { responsibleUser: { eq: "bob" } }, deleted: INCLUDE, orderBy: [{ field: NAME }]) { totalCount nodes { name } } }`, {}, as("carol"))).clients;
    expect(bobs).toEqual({ totalCount: 3, nodes: [{ name: "A1" }, { name: "A3" }, { name: "B1" }] });
    const unassigned = dataOf(await gateway.send<{ clients: { nodes: { name: string }[] } }>(`{ clients(filter: { responsibleUser: { isNull: true } }) { nodes { name } } }`, {}, as("carol"))).clients;
    expect(unassigned.nodes).toEqual([{ name: "A4" }]);
  });

  it("refuses a responsibleUser over 255 characters with its path", async () => {
    const tenant = gateway.newTenant();
    const payload = dataOf(await gateway.send<{ createClient: { error: { code: string; failures: { field: string }[] } } }>(
      `mutation ($key: String!) { createClient(input: { name: "Long", responsibleUser: "${"u".repeat(256)}" }, idempotencyKey: $key) { error { code failures { field } } } }`,
      { key: newKey() }, { tenant, scopes: WRITER })).createClient;
    expect(payload.error).toEqual({ code: "INVALID_DATA", failures: [{ field: "input.responsibleUser" }] });
  });
});

interface Point {
  month: string;
  currencyCode: string;
  openAmount: string;
  invoiceCount: number;
}

/** Twelve points of one currency: zeros but for the given months (months back -> [amount, count]). */
function series(currencyCode: string, filled: Record<number, [string, number]>): Point[] {
  return Array.from({ length: 12 }, (_, i) => 11 - i).map((back) => ({
    month: monthStart(back),
    currencyCode,
    openAmount: filled[back]?.[0] ?? "0.00",
    invoiceCount: filled[back]?.[1] ?? 0,
  }));
}

describe("charts: open amount per month, last 12 months, per currency", () => {
  const invoice = (n: string, status: string, currencyCode: string, totalAmount: string, paidAmount: string, back: number, day = 15) => ({
    invoiceNumber: n, status, currencyCode, totalAmount, paidAmount, issueDate: inMonth(back, day), dueDate: inMonth(back, 28),
  });

  it("sums what invoices issued in each month still owe, open ones only, per currency, company-wide and per client", async () => {
    const tenant = gateway.newTenant();
    const [first, second, none] = await createClients(gateway, tenant, [
      {
        name: "First",
        invoices: [
          invoice("F-1", "SENT", "SEK", "1000.00", "0.00", 0, 1),
          invoice("F-2", "PARTIALLY_PAID", "SEK", "500.00", "200.10", 0, 28),
          invoice("F-3", "PAID", "SEK", "300.00", "300.00", 0),
          invoice("F-4", "OVERDUE", "SEK", "250.50", "0.00", 1),
          invoice("F-5", "SENT", "EUR", "100.00", "0.00", 5),
          invoice("F-6", "SENT", "EUR", "999.00", "0.00", 12),
          invoice("F-7", "CANCELLED", "SEK", "77.00", "0.00", 11),
          invoice("F-8", "SENT", "SEK", "10.00", "0.00", 11, 1),
        ],
      },
      { name: "Second", invoices: [invoice("S-1", "SENT", "SEK", "5.00", "0.00", 0), invoice("S-2", "CREDITED", "NOK", "40.00", "0.00", 2)] },
      { name: "None" },
    ] as ClientGraph[]);

    const company = dataOf(await gateway.send<{ clientsSummary: { charts: Point[] } }>(`{ clientsSummary { charts { month currencyCode openAmount invoiceCount } } }`, {}, { tenant })).clientsSummary.charts;
    expect(company).toEqual([
      ...series("EUR", { 5: ["100.00", 1] }),
      ...series("SEK", { 0: ["1304.90", 3], 1: ["250.50", 1], 11: ["10.00", 1] }),
    ]);

    const perClient = dataOf(await gateway.send<{ clients: { nodes: { id: string; summary: { charts: Point[] } }[] } }>(
      `{ clients(orderBy: [{ field: ID }]) { nodes { id summary { charts { month currencyCode openAmount invoiceCount } } } } }`, {}, { tenant })).clients.nodes;
    expect(perClient.map((c) => c.id)).toEqual([first, second, none]);
    expect(perClient[0].summary.charts).toEqual([...series("EUR", { 5: ["100.00", 1] }), ...series("SEK", { 0: ["1299.90", 2], 1: ["250.50", 1], 11: ["10.00", 1] })]);
    expect(perClient[1].summary.charts).toEqual(series("SEK", { 0: ["5.00", 1] }));
    expect(perClient[2].summary.charts).toEqual([]);

    // Another company sees none of it.
    const elsewhere = dataOf(await gateway.send<{ clientsSummary: { charts: Point[] } }>(`{ clientsSummary { charts { month } } }`, {}, { tenant: gateway.newTenant() })).clientsSummary.charts;
    expect(elsewhere).toEqual([]);
  });

  it("reads ClientSummary.charts in one statement for a whole page: as many for 100 clients as for 10", async () => {
    const tenant = gateway.newTenant();
    await createClients(gateway, tenant, Array.from({ length: 100 }, (_, i) => ({ ...fullGraph(i), invoices: [invoice(`I-${i}`, "SENT", "SEK", "12.50", "0.00", i % 12)] }) as ClientGraph));
    const statements: number[] = [];
    for (const first of [10, 100]) {
      const nodes = dataOf(await gateway.send<{ clients: { nodes: { summary: { invoiceCount: number; charts: Point[] } }[] } }>(
        `query ($first: Int!) { clients(first: $first, orderBy: [{ field: ID }]) { nodes { summary { invoiceCount charts { month openAmount } } } } }`, { first }, { tenant })).clients.nodes;
      expect(nodes).toHaveLength(first);
      nodes.forEach((node, i) => {
        expect(node.summary.charts).toHaveLength(12);
        expect(node.summary.charts.find((p) => p.openAmount !== "0.00")).toEqual({ month: monthStart(i % 12), openAmount: "12.50" });
      });
      statements.push(gateway.lastRequest().stats.statements);
      expect(gateway.lastRequest().stats.framing).toBe(3);
    }
    // The page, the summaries, the charts.
    expect(statements).toEqual([3, 3]);
  });
});
