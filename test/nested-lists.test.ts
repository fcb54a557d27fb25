import { dataOf, TestGateway } from "./helpers/harness";
import { createClients, fullGraph } from "./helpers/fixtures";
import type { ClientGraph } from "../src/db/seed/insert";

/**
 * The nested lists of a client and a loan (API.md: "Nested lists with filter, order, paging and a
 * total, like clients"): each list keeps its list type and takes filter / orderBy / first /
 * offset; its connection twin pages by cursor or offset and counts; parameter(name:) and
 * extraField(name:) look one up. All batched: the statements of a page don't grow with its size.
 */

let gateway: TestGateway;
let tenant: string;
let richId: string;

/** A client with six bank accounts, five mandates, five parameters, four extra fields and seven loan transactions. */
function richGraph(): ClientGraph {
  return {
    name: "Rich",
    bankAccounts: [
      { bankAccountNo: "A-1", priority: 3, currencyCode: "SEK", bankAccountClass: "SE_BANK_ACCOUNT", description: "salary" },
      { bankAccountNo: "A-2", priority: 1, currencyCode: "EUR", bankAccountClass: "FOREIGN_BANK_ACCOUNT", description: "euro" },
      { bankAccountNo: "A-3", priority: null, currencyCode: "SEK", bankAccountClass: "SE_BANKGIRO", description: "giro" },
      { bankAccountNo: "A-4", priority: 2, currencyCode: "NOK", bankAccountClass: "NO_BANK_ACCOUNT", description: "norway" },
      { bankAccountNo: "A-5", priority: 5, currencyCode: "SEK", bankAccountClass: "SE_BANK_ACCOUNT", description: "savings" },
      { bankAccountNo: "A-6", priority: 4, currencyCode: "EUR", bankAccountClass: "FOREIGN_BANK_ACCOUNT", description: "euro 2" },
    ],
    directDebitMandates: [
      { mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: "M-1", validFrom: "2026-01-01", createdAt: new Date("2026-01-01T00:00:00Z") },
      { mandateType: "SEPA_BUSINESS_RECURRING", receivingBankAccountNo: "M-2", validFrom: "2026-03-01", createdAt: new Date("2026-01-02T00:00:00Z"), closedAt: new Date("2026-04-01T00:00:00Z") },
      { mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: "M-3", validFrom: "2025-06-01", createdAt: new Date("2026-01-03T00:00:00Z") },
      { mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: "M-4", validFrom: null, createdAt: new Date("2026-01-04T00:00:00Z") },
      { mandateType: "SEPA_BUSINESS_RECURRING", receivingBankAccountNo: "M-5", validFrom: "2026-02-01", createdAt: new Date("2026-01-05T00:00:00Z") },
    ],
    parameters: [
      { name: "e", value: "5", type: "int" },
      { name: "a", value: "1", type: "int" },
      { name: "c", value: "x", type: "text" },
      { name: "b", value: "2", type: "int" },
      { name: "d", value: "y", type: "text" },
    ],
    extraFields: [
      { name: "zeta", values: ["1"] },
      { name: "alpha", values: ["2", "3"] },
      { name: "mid", values: [] },
      { name: "beta", values: ["4"] },
    ],
    factoringLoanContract: {
      limit: "1000.00",
      transactions: [
        { transactionDate: "2026-01-01", type: "DRAWDOWN", amount: "100.00" },
        { transactionDate: "2026-01-05", type: "DRAWDOWN", amount: "250.00" },
        { transactionDate: "2026-01-09", type: "REPAYMENT", amount: "50.00" },
        { transactionDate: "2026-01-12", type: "INTEREST", amount: "3.25" },
        { transactionDate: "2026-01-15", type: "FEE", amount: "10.00" },
        { transactionDate: "2026-01-20", type: "REPAYMENT", amount: "75.50" },
        { transactionDate: "2026-01-25", type: "DRAWDOWN", amount: "500.00" },
      ],
    },
  } as ClientGraph;
}

beforeAll(async () => {
  gateway = await TestGateway.start();
  tenant = gateway.newTenant();
  [richId] = await createClients(gateway, tenant, [richGraph()]);
});
afterAll(() => gateway.stop());

async function query<T = Record<string, unknown>>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
  return dataOf(await gateway.send<T>(text, variables, { tenant })) as T;
}

const client = async (selection: string, variables: Record<string, unknown> = {}) =>
  (await query<{ client: Record<string, unknown> }>(`query ($id: ID!) { client(id: $id) { ${selection} } }`, { id: richId, ...variables })).client;

describe("Nested lists keep their list type and default order", () => {
  it("answers the lists without arguments as before", async () => {
    const c = await client(`bankAccounts { bankAccountNo } directDebitMandates { receivingBankAccountNo } parameters { name } extraFields { name }
      factoringLoanContract { latestTransactions { amount } }`);
    expect((c.bankAccounts as { bankAccountNo: string }[]).map((a) => a.bankAccountNo)).toEqual(["A-2", "A-4", "A-1", "A-6", "A-5", "A-3"]);
    expect((c.directDebitMandates as { receivingBankAccountNo: string }[]).map((m) => m.receivingBankAccountNo)).toEqual(["M-1", "M-2", "M-3", "M-4", "M-5"]);
    expect((c.parameters as { name: string }[]).map((p) => p.name)).toEqual(["a", "b", "c", "d", "e"]);
    expect((c.extraFields as { name: string }[]).map((p) => p.name)).toEqual(["alpha", "beta", "mid", "zeta"]);
    expect((c.factoringLoanContract as { latestTransactions: { amount: string }[] }).latestTransactions.map((t) => t.amount)).toEqual(["500.00", "75.50", "10.00", "3.25", "50.00", "250.00", "100.00"]);
  });
});

describe("filter, orderBy, first and offset on the lists", () => {
  it("filters bank accounts by enum, string and int columns, with and/or/not", async () => {
    const c = await client(`
      eur: bankAccounts(filter: { currencyCode: { eq: "EUR" } }) { bankAccountNo }
      sek: bankAccounts(filter: { bankAccountClass: { in: [SE_BANK_ACCOUNT, SE_BANKGIRO] }, priority: { isNull: false } }) { bankAccountNo }
      mixed: bankAccounts(filter: { or: [{ priority: { gte: 5 } }, { description: { startsWith: "NOR" } }], not: { currencyCode: { eq: "NOK" } } }) { bankAccountNo }
      desc: bankAccounts(orderBy: [{ field: PRIORITY, direction: DESC }]) { bankAccountNo }
      page: bankAccounts(first: 2, offset: 1) { bankAccountNo }
      byNo: bankAccounts(orderBy: [{ field: BANK_ACCOUNT_NO, direction: DESC }], first: 3) { bankAccountNo }`);
    const nos = (key: string) => (c[key] as { bankAccountNo: string }[]).map((a) => a.bankAccountNo);
    expect(nos("eur")).toEqual(["A-2", "A-6"]);
    expect(nos("sek")).toEqual(["A-1", "A-5"]);
    expect(nos("mixed")).toEqual(["A-5"]);
    // Empty values last in both directions.
    expect(nos("desc")).toEqual(["A-5", "A-6", "A-1", "A-4", "A-2", "A-3"]);
    expect(nos("page")).toEqual(["A-4", "A-1"]);
    expect(nos("byNo")).toEqual(["A-6", "A-5", "A-4"]);
  });

  it("filters mandates by dates and closing, and orders them by validFrom", async () => {
    const c = await client(`
      open: directDebitMandates(filter: { closedAt: { isNull: true }, mandateType: { eq: SWEDISH_AUTOGIRO } }) { receivingBankAccountNo }
      from2026: directDebitMandates(filter: { validFrom: { between: { from: "2026-01-01", to: "2026-02-28" } } }) { receivingBankAccountNo }
      byValidFrom: directDebitMandates(orderBy: [{ field: VALID_FROM, direction: DESC }]) { receivingBankAccountNo }`);
    const nos = (key: string) => (c[key] as { receivingBankAccountNo: string }[]).map((a) => a.receivingBankAccountNo);
    expect(nos("open")).toEqual(["M-1", "M-3", "M-4"]);
    expect(nos("from2026")).toEqual(["M-1", "M-5"]);
    expect(nos("byValidFrom")).toEqual(["M-2", "M-5", "M-1", "M-3", "M-4"]);
  });

  it("filters parameters and extra fields, and loan transactions by type, amount and date", async () => {
    const c = await client(`
      ints: parameters(filter: { type: { eq: "int" } }, orderBy: [{ field: NAME, direction: DESC }]) { name }
      firstTwo: extraFields(first: 2) { name }
      named: extraFields(filter: { name: { contains: "ET" } }) { name }
      factoringLoanContract {
        drawdowns: latestTransactions(filter: { type: { eq: DRAWDOWN } }) { amount }
        big: latestTransactions(filter: { amount: { gt: "60" } }, orderBy: [{ field: AMOUNT, direction: ASC }]) { amount }
        january: latestTransactions(filter: { transactionDate: { lt: "2026-01-10" } }, first: 2) { transactionDate }
        two: latestTransactions(first: 2) { amount }
      }`);
    expect((c.ints as { name: string }[]).map((p) => p.name)).toEqual(["e", "b", "a"]);
    expect((c.firstTwo as { name: string }[]).map((p) => p.name)).toEqual(["alpha", "beta"]);
    expect((c.named as { name: string }[]).map((p) => p.name)).toEqual(["beta", "zeta"]);
    const loan = c.factoringLoanContract as Record<string, { amount?: string; transactionDate?: string }[]>;
    expect(loan.drawdowns.map((t) => t.amount)).toEqual(["500.00", "250.00", "100.00"]);
    expect(loan.big.map((t) => t.amount)).toEqual(["75.50", "100.00", "250.00", "500.00"]);
    expect(loan.january.map((t) => t.transactionDate)).toEqual(["2026-01-09", "2026-01-05"]);
    expect(loan.two.map((t) => t.amount)).toEqual(["500.00", "75.50"]);
  });

  it("refuses a cursor under another order or filter, or of another client's connection kind, saying which", async () => {
    const first = await query<{ client: { parametersConnection: { pageInfo: { endCursor: string } } } }>(
      `query ($id: ID!) { client(id: $id) { parametersConnection(first: 1) { pageInfo { endCursor } } } }`,
      { id: richId },
    );
    const after = first.client.parametersConnection.pageInfo.endCursor;
    const same = await gateway.send(`query ($id: ID!, $after: String) { client(id: $id) { parametersConnection(first: 1, after: $after) { nodes { name } } } }`, { id: richId, after }, { tenant });
    expect(same.errors).toBeUndefined();
    const cases: [string, string][] = [
      ["order", `parametersConnection(first: 1, after: $after, orderBy: [{ field: NAME, direction: DESC }]) { totalCount }`],
      ["filter", `parametersConnection(first: 1, after: $after, filter: { name: { eq: "reminderDays" } }) { totalCount }`],
      ["list", `bankAccountsConnection(first: 1, after: $after) { totalCount }`],
    ];
    for (const [mismatch, selection] of cases) {
      const response = await gateway.send(`query ($id: ID!, $after: String) { client(id: $id) { ${selection} } }`, { id: richId, after }, { tenant });
      expect(response.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "after", reason: "CURSOR_MISMATCH", mismatch } });
    }
  });

  it("refuses a cursor of another connection in the fixed-order connections (history, acts)", async () => {
    const parameters = await query<{ client: { parametersConnection: { pageInfo: { endCursor: string } } } }>(
      `query ($id: ID!) { client(id: $id) { parametersConnection(first: 1) { pageInfo { endCursor } } } }`,
      { id: richId },
    );
    const after = parameters.client.parametersConnection.pageInfo.endCursor;
    for (const field of ["history", "acts"]) {
      const response = await gateway.send(`query ($id: ID!, $after: String) { client(id: $id) { ${field}(first: 1, after: $after) { nodes { id } } } }`, { id: richId, after }, { tenant });
      expect(response.errors?.[0]).toMatchObject({ path: ["client", field], extensions: { code: "BAD_USER_INPUT", field: "after", reason: "CURSOR_MISMATCH", mismatch: "list" } });
    }
  });

  it("refuses bad arguments at the field, with the argument named", async () => {
    const response = await gateway.send(`query ($id: ID!) { client(id: $id) { bankAccounts(first: 101) { id } } }`, { id: richId }, { tenant });
    expect(response.errors?.[0]).toMatchObject({ path: ["client", "bankAccounts"], extensions: { code: "BAD_USER_INPUT", field: "first" } });
    const both = await gateway.send(`query ($id: ID!) { client(id: $id) { parametersConnection(after: "x", offset: 1) { totalCount } } }`, { id: richId }, { tenant });
    expect(both.errors?.[0]).toMatchObject({ path: ["client", "parametersConnection"], extensions: { code: "BAD_USER_INPUT", field: "offset" } });
    const cursor = await gateway.send(`query ($id: ID!) { client(id: $id) { parametersConnection(after: "not a cursor") { totalCount } } }`, { id: richId }, { tenant });
    expect(cursor.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "after" } });
    const twice = await gateway.send(`query ($id: ID!) { client(id: $id) { parameters(orderBy: [{ field: NAME }, { field: NAME }]) { name } } }`, { id: richId }, { tenant });
    expect(twice.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "orderBy.1.field" } });
  });
});

interface Connection {
  totalCount: number;
  nodes: Record<string, string>[];
  edges: { cursor: string; node: Record<string, string> }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe("Connections: cursor and offset paging with totalCount", () => {
  it("pages every list by cursor to its end, each row once, the total on every page", async () => {
    const run = async (field: string, node: string, args = "") => {
      const text = `query ($id: ID!, $after: String) { client(id: $id) { ${field}(first: 2, after: $after${args}) { totalCount nodes { ${node} } edges { cursor node { ${node} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
      const seen: string[] = [];
      const totals: number[] = [];
      let after: string | null = null;
      for (let round = 0; round < 10; round++) {
        const result: { client: Record<string, Connection> } = await query(text, { id: richId, after });
        const connection: Connection = result.client[field];
        totals.push(connection.totalCount);
        expect(connection.edges.map((e) => e.node)).toEqual(connection.nodes);
        expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
        expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
        seen.push(...connection.nodes.map((n) => n[node]));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      return { seen, totals };
    };
    expect(await run("bankAccountsConnection", "bankAccountNo")).toEqual({ seen: ["A-2", "A-4", "A-1", "A-6", "A-5", "A-3"], totals: [6, 6, 6] });
    // Nullable sort keys page correctly: empty values last, in both directions.
    expect(await run("bankAccountsConnection", "bankAccountNo", ", orderBy: [{ field: PRIORITY, direction: DESC }]")).toEqual({ seen: ["A-5", "A-6", "A-1", "A-4", "A-2", "A-3"], totals: [6, 6, 6] });
    expect(await run("directDebitMandatesConnection", "receivingBankAccountNo", ", filter: { closedAt: { isNull: true } }")).toEqual({ seen: ["M-1", "M-3", "M-4", "M-5"], totals: [4, 4] });
    expect(await run("directDebitMandatesConnection", "receivingBankAccountNo", ", orderBy: [{ field: VALID_FROM }]")).toEqual({ seen: ["M-3", "M-1", "M-5", "M-2", "M-4"], totals: [5, 5, 5] });
    expect(await run("parametersConnection", "name")).toEqual({ seen: ["a", "b", "c", "d", "e"], totals: [5, 5, 5] });
    expect(await run("extraFieldsConnection", "name", ", orderBy: [{ field: NAME, direction: DESC }]")).toEqual({ seen: ["zeta", "mid", "beta", "alpha"], totals: [4, 4] });
  });

  it("pages a loan's transactions by cursor and by offset, with the filter's total", async () => {
    const text = `query ($id: ID!, $after: String, $offset: Int) { client(id: $id) { factoringLoanContract {
      latestTransactionsConnection(first: 3, after: $after, offset: $offset, filter: { type: { neq: INTEREST } }) {
        totalCount nodes { amount uniqueId } pageInfo { hasNextPage hasPreviousPage endCursor } } } } }`;
    type Result = { client: { factoringLoanContract: { latestTransactionsConnection: Connection } } };
    const first: Result = await query(text, { id: richId });
    const page1 = first.client.factoringLoanContract.latestTransactionsConnection;
    expect(page1.totalCount).toBe(6);
    expect(page1.nodes.map((n) => n.amount)).toEqual(["500.00", "75.50", "10.00"]);
    expect(page1.nodes.every((n) => /^[0-9a-f-]{36}$/.test(n.uniqueId))).toBe(true);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second: Result = await query(text, { id: richId, after: page1.pageInfo.endCursor });
    const page2 = second.client.factoringLoanContract.latestTransactionsConnection;
    expect(page2.nodes.map((n) => n.amount)).toEqual(["50.00", "250.00", "100.00"]);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(page2.totalCount).toBe(6);
    // By amount, a numeric sort key, through its cursor.
    const byAmount = `query ($id: ID!, $after: String) { client(id: $id) { factoringLoanContract {
      latestTransactionsConnection(first: 4, after: $after, orderBy: [{ field: AMOUNT, direction: DESC }]) { totalCount nodes { amount } pageInfo { hasNextPage endCursor } } } } }`;
    const top: Result = await query(byAmount, { id: richId });
    const rest: Result = await query(byAmount, { id: richId, after: top.client.factoringLoanContract.latestTransactionsConnection.pageInfo.endCursor });
    expect(top.client.factoringLoanContract.latestTransactionsConnection.nodes.map((n) => n.amount)).toEqual(["500.00", "250.00", "100.00", "75.50"]);
    expect(rest.client.factoringLoanContract.latestTransactionsConnection).toMatchObject({ totalCount: 7, nodes: [{ amount: "50.00" }, { amount: "10.00" }, { amount: "3.25" }], pageInfo: { hasNextPage: false } });
    // A cursor of one order is refused under another.
    const wrong = await gateway.send(text, { id: richId, after: top.client.factoringLoanContract.latestTransactionsConnection.pageInfo.endCursor }, { tenant });
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "after" } });
    const byOffset: Result = await query(text, { id: richId, offset: 4 });
    const page3 = byOffset.client.factoringLoanContract.latestTransactionsConnection;
    expect(page3.nodes.map((n) => n.amount)).toEqual(["250.00", "100.00"]);
    expect(page3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("counts zero for a client with none, and for a page past the end", async () => {
    const [empty] = await createClients(gateway, tenant, [{ name: "Empty" } as ClientGraph]);
    const c = (await query<{ client: Record<string, Connection> }>(
      `query ($id: ID!) { client(id: $id) { bankAccountsConnection { totalCount nodes { id } pageInfo { hasNextPage endCursor } } parametersConnection(offset: 3) { totalCount nodes { id } } } }`,
      { id: empty },
    )).client;
    expect(c.bankAccountsConnection).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(c.parametersConnection).toEqual({ totalCount: 0, nodes: [] });
    const past = (await client(`parametersConnection(offset: 10) { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage } }`)).parametersConnection;
    expect(past).toEqual({ totalCount: 5, nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });
});

describe("parameter(name:) and extraField(name:)", () => {
  it("finds one by its exact name, null when there is none", async () => {
    const c = await client(`a: parameter(name: "a") { name value } none: parameter(name: "A") { name } beta: extraField(name: "beta") { values } missing: extraField(name: "nope") { name }`);
    expect(c).toEqual({ a: { name: "a", value: "1" }, none: null, beta: { values: ["4"] }, missing: null });
  });

  it("finds nothing of another tenant's client", async () => {
    const other = gateway.newTenant();
    const [theirs] = await createClients(gateway, other, [fullGraph(1)]);
    const response = await gateway.send<{ client: unknown }>(`query ($id: ID!) { client(id: $id) { id parameter(name: "reminderDays") { value } } }`, { id: theirs }, { tenant });
    expect(dataOf(response).client).toBeNull();
  });
});

describe("Batching: statements don't grow with the page", () => {
  const EVERYTHING = `query ($first: Int!) { clients(first: $first) { nodes { id
    bankAccounts(filter: { bankAccountClass: { eq: SE_BANK_ACCOUNT } }, first: 1) { id }
    plain: bankAccounts { id }
    bankAccountsConnection(first: 1) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
    directDebitMandates(orderBy: [{ field: VALID_FROM }]) { id }
    directDebitMandatesConnection(filter: { closedAt: { isNull: true } }) { totalCount nodes { id } }
    parameters(first: 1) { name }
    parametersConnection(offset: 1) { totalCount nodes { name } }
    extraFields(filter: { name: { startsWith: "s" } }) { name }
    extraFieldsConnection { totalCount nodes { name } }
    parameter(name: "reminderDays") { value }
    other: parameter(name: "autoCollect") { value }
    extraField(name: "segments") { values }
    factoringLoanContract { latestTransactions(first: 2, orderBy: [{ field: AMOUNT }]) { amount } latestTransactionsConnection(first: 2) { totalCount nodes { amount } } }
  } } }`;

  it("runs as many statements for 100 clients as for 10, and answers every client", async () => {
    const batchTenant = gateway.newTenant();
    await createClients(gateway, batchTenant, Array.from({ length: 100 }, (_, i) => fullGraph(i)));
    const counts: number[] = [];
    for (const first of [10, 100]) {
      const response = await gateway.send<{ clients: { nodes: Record<string, unknown>[] } }>(EVERYTHING, { first }, { tenant: batchTenant });
      const nodes = dataOf(response).clients.nodes;
      expect(nodes).toHaveLength(first);
      for (const node of nodes) {
        expect(node).toMatchObject({
          bankAccounts: [expect.anything()],
          plain: [expect.anything(), expect.anything()],
          bankAccountsConnection: { totalCount: 2, pageInfo: { hasNextPage: true } },
          directDebitMandatesConnection: { totalCount: 1 },
          parameters: [{ name: "autoCollect" }],
          parametersConnection: { totalCount: 2, nodes: [{ name: "reminderDays" }] },
          extraFields: [{ name: "segments" }],
          extraFieldsConnection: { totalCount: 1 },
          parameter: { value: "14" },
          other: { value: "true" },
          extraField: { values: ["retail", "nordic"] },
          factoringLoanContract: { latestTransactions: [{ amount: "50.00" }, { amount: "125.25" }], latestTransactionsConnection: { totalCount: 4, nodes: [{ amount: "50.00" }, { amount: "125.25" }] } },
        });
      }
      const { stats } = gateway.lastRequest();
      // One read transaction (BEGIN, tenant set-up, COMMIT): the planner read everything ahead, no late read.
      expect(stats.framing).toBe(3);
      counts.push(stats.statements);
    }
    expect(counts[1]).toBe(counts[0]);
    // The page; one statement per list or connection and argument set (12 here); one for the two
    // parameter(name:) lookups together and one for extraField(name:); the loan contracts.
    expect(counts[0]).toBe(15);
  });
});
