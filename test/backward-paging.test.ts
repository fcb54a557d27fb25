import { dataOf, TestGateway } from "./helpers/harness";
import { createClients, day, fullGraph } from "./helpers/fixtures";
import type { ClientGraph } from "../src/db/seed/insert";

/**
 * Relay's backward paging (`last`, `before`) on `clients`, the nested connections and a client's
 * history: walking a list backward from its end gives exactly the rows walking it forward gives,
 * under every order (empty values included), with Relay's page information, and the arguments
 * that can't go together are refused naming the argument.
 */

let gateway: TestGateway;
let tenant: string;
beforeAll(async () => {
  gateway = await TestGateway.start();
  tenant = gateway.newTenant();
  // Reference codes with gaps (empty values sort last in both directions) and ties (the id decides).
  const references = ["R3", null, "R1", "R2", null, "R1", "R4"];
  await createClients(
    gateway,
    tenant,
    ["Anna", "Bertil", "Cesar", "David", "Erik", "Filip", "Gustav"].map((name, i) => ({ name, createdAt: day(i + 1), referenceCode: references[i] })) as never,
  );
});
afterAll(() => gateway.stop());

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface ClientsPage {
  nodes: { name: string }[];
  edges: { cursor: string }[];
  pageInfo: PageInfo;
}

const CLIENTS = `query ($first: Int, $after: String, $last: Int, $before: String, $offset: Int, $orderBy: [ClientOrder!]) {
  clients(first: $first, after: $after, last: $last, before: $before, offset: $offset, orderBy: $orderBy) {
    nodes { name } edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

async function clients(variables: Record<string, unknown>): Promise<ClientsPage> {
  const page = dataOf(await gateway.send<{ clients: ClientsPage }>(CLIENTS, variables, { tenant })).clients;
  expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
  expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
  return page;
}

async function refusal(variables: Record<string, unknown>) {
  const response = await gateway.send(CLIENTS, variables, { tenant });
  expect(response.data ?? null).toBeNull();
  return response.errors?.[0]?.extensions;
}

const names = (page: ClientsPage) => page.nodes.map((n) => n.name);

describe("clients(last, before)", () => {
  it.each([
    ["the default order", undefined],
    ["NAME DESC", [{ field: "NAME", direction: "DESC" }]],
    ["REFERENCE_CODE ASC (empty values and ties)", [{ field: "REFERENCE_CODE", direction: "ASC" }]],
    ["REFERENCE_CODE DESC (empty values and ties)", [{ field: "REFERENCE_CODE", direction: "DESC" }]],
    ["REFERENCE_CODE ASC, NAME DESC (mixed directions)", [{ field: "REFERENCE_CODE", direction: "ASC" }, { field: "NAME", direction: "DESC" }]],
  ])("walks the list backward from its end to exactly the rows forward gives, under %s", async (_name, orderBy) => {
    const forward = names(await clients({ first: 100, orderBy }));
    expect(forward).toHaveLength(7);
    const pages: string[][] = [];
    let before: string | null = null;
    for (let round = 0; round < 10; round++) {
      const page = await clients({ last: 3, before, orderBy });
      expect(page.pageInfo.hasNextPage).toBe(before !== null);
      pages.unshift(names(page));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(pages.map((p) => p.length)).toEqual([1, 3, 3]);
    expect(pages.flat()).toEqual(forward);
  });

  it("pages back from a forward page's startCursor, and forward from a backward page's endCursor", async () => {
    const second = await clients({ first: 3, after: (await clients({ first: 2 })).pageInfo.endCursor });
    expect(names(second)).toEqual(["Cesar", "David", "Erik"]);
    const back = await clients({ last: 3, before: second.pageInfo.startCursor });
    expect(names(back)).toEqual(["Anna", "Bertil"]);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const tail = await clients({ last: 2 });
    expect(names(tail)).toEqual(["Filip", "Gustav"]);
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const onward = await clients({ first: 10, after: back.pageInfo.endCursor });
    expect(names(onward)).toEqual(["Cesar", "David", "Erik", "Filip", "Gustav"]);
  });

  it("reads the rows between after and before, the first or the last of them", async () => {
    const all = await clients({ first: 100 });
    const [after, before] = [all.edges[0].cursor, all.edges[5].cursor];
    const between = await clients({ first: 10, after, before });
    expect(names(between)).toEqual(["Bertil", "Cesar", "David", "Erik"]);
    expect(between.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const lastTwo = await clients({ last: 2, after, before });
    expect(names(lastTwo)).toEqual(["David", "Erik"]);
    expect(lastTwo.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    // before without last pages forward from the start of the window (Relay's first).
    expect(names(await clients({ first: 2, before }))).toEqual(["Anna", "Bertil"]);
  });

  it("refuses first with last, offset with last or before, and a last out of range, naming the argument", async () => {
    expect(await refusal({ first: 10, last: 2 })).toMatchObject({ code: "BAD_USER_INPUT", field: "last" });
    expect(await refusal({ last: 2, offset: 1 })).toMatchObject({ code: "BAD_USER_INPUT", field: "offset" });
    const cursor = (await clients({ first: 2 })).pageInfo.endCursor;
    expect(await refusal({ before: cursor, offset: 1 })).toMatchObject({ code: "BAD_USER_INPUT", field: "offset" });
    expect(await refusal({ last: 0 })).toMatchObject({ code: "BAD_USER_INPUT", field: "last" });
    expect(await refusal({ last: 101 })).toMatchObject({ code: "BAD_USER_INPUT", field: "last" });
    // The default first (25) can't be told from no first: with last it is not used.
    expect(names(await clients({ first: 25, last: 1 }))).toEqual(["Gustav"]);
  });

  it("refuses a before cursor of another order or a forged one, naming before", async () => {
    const cursor = (await clients({ first: 2 })).pageInfo.endCursor;
    expect(await refusal({ last: 2, before: cursor, orderBy: [{ field: "NAME", direction: "DESC" }] })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "before",
      reason: "CURSOR_MISMATCH",
      mismatch: "order",
    });
    expect(await refusal({ last: 2, before: "bm90IGEgY3Vyc29y" })).toMatchObject({ code: "BAD_USER_INPUT", field: "before" });
  });

  it("counts last like first in the query cost", async () => {
    const deep = (size: string) => `{ clients(${size}) { nodes { acts(first: 100) { nodes { periodEnd } } history(first: 100) { nodes { id } } } } }`;
    const refused = await gateway.send(deep("last: 100"), {}, { tenant });
    expect(refused.errors?.[0]?.message).toMatch(/cost \d+ \(at most 10000\)/);
    expect(dataOf(await gateway.send(deep("last: 2"), {}, { tenant }))).toMatchObject({ clients: { nodes: [{}, {}] } });
  });
});

describe("nested connections and history, backward", () => {
  let ids: string[];
  beforeAll(async () => {
    const account = (no: string, priority: number | null) => ({ bankAccountNo: no, priority, currencyCode: "SEK", bankAccountClass: "SE_BANK_ACCOUNT" });
    ids = await createClients(gateway, tenant, [
      { name: "Nested 1", bankAccounts: [account("A-1", 2), account("A-2", null), account("A-3", 1), account("A-4", 3)] },
      { name: "Nested 2", bankAccounts: [account("B-1", null), account("B-2", 1)] },
    ] as unknown as ClientGraph[]);
  });

  type Accounts = { totalCount: number; nodes: { bankAccountNo: string }[]; pageInfo: PageInfo };
  const ACCOUNTS = `query ($ids: [ID!]!, $last: Int, $before: String, $orderBy: [BankAccountOrder!]) { clients(filter: { id: { in: $ids } }) { nodes {
    bankAccountsConnection(last: $last, before: $before, orderBy: $orderBy) { totalCount nodes { bankAccountNo } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;
  const accounts = async (variables: Record<string, unknown>) =>
    dataOf(await gateway.send<{ clients: { nodes: { bankAccountsConnection: Accounts }[] } }>(ACCOUNTS, { ids, ...variables }, { tenant })).clients.nodes.map((n) => n.bankAccountsConnection);

  it("gives every client of a page its last rows in one statement, in the list's order", async () => {
    const [first, second] = await accounts({ last: 2, orderBy: [{ field: "PRIORITY", direction: "DESC" }] });
    // PRIORITY DESC: 3, 2, 1, then the empty one.
    expect(first).toMatchObject({ totalCount: 4, nodes: [{ bankAccountNo: "A-3" }, { bankAccountNo: "A-2" }], pageInfo: { hasPreviousPage: true, hasNextPage: false } });
    expect(second).toMatchObject({ totalCount: 2, nodes: [{ bankAccountNo: "B-2" }, { bankAccountNo: "B-1" }], pageInfo: { hasPreviousPage: false, hasNextPage: false } });
    const { stats } = gateway.lastRequest();
    // The clients page and its bank accounts: one statement for both clients (framing apart).
    expect(stats.statements).toBe(2);
    const back = await accounts({ last: 2, before: first.pageInfo.startCursor, orderBy: [{ field: "PRIORITY", direction: "DESC" }] });
    expect(back[0]).toMatchObject({ nodes: [{ bankAccountNo: "A-4" }, { bankAccountNo: "A-1" }], pageInfo: { hasPreviousPage: false, hasNextPage: true } });
  });

  it("refuses a nested before cursor under another order, naming before", async () => {
    const [first] = await accounts({ last: 1 });
    const response = await gateway.send(ACCOUNTS, { ids, last: 1, before: first.pageInfo.startCursor, orderBy: [{ field: "PRIORITY", direction: "DESC" }] }, { tenant });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "before", reason: "CURSOR_MISMATCH" });
  });

  it("pages a client's history backward, oldest changes last, as forward does", async () => {
    const id = ids[0];
    for (const name of ["Nested 1a", "Nested 1b", "Nested 1c"]) {
      const response = await gateway.send(
        `mutation ($id: ID!, $name: String!, $key: String!) { updateClient(id: $id, patch: { name: $name }, idempotencyKey: $key) { error { code } } }`,
        { id, name, key: `${name}-${Date.now()}` },
        { tenant, scopes: ["clients:read", "clients:write"] },
      );
      expect(dataOf(response)).toEqual({ updateClient: { error: null } });
    }
    type History = { nodes: { id: string }[]; pageInfo: PageInfo };
    const HISTORY = `query ($id: ID!, $last: Int, $before: String, $first: Int) { client(id: $id) { history(first: $first, last: $last, before: $before) {
      nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
    const history = async (variables: Record<string, unknown>) => dataOf(await gateway.send<{ client: { history: History } }>(HISTORY, { id, ...variables }, { tenant })).client.history;
    const forward = (await history({ first: 100 })).nodes.map((n) => n.id);
    expect(forward).toHaveLength(3);
    const pages: string[][] = [];
    let before: string | null = null;
    for (let round = 0; round < 10; round++) {
      const page = await history({ last: 2, before });
      expect(page.pageInfo.hasNextPage).toBe(before !== null);
      pages.unshift(page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(pages.flat()).toEqual(forward);
  });

  it("pages a client's acts backward, and tells a backward page from a forward one of its size in one query", async () => {
    const [id] = await createClients(gateway, tenant, [fullGraph(1)]);
    const ACTS = `query ($id: ID!, $before: String) { client(id: $id) {
      forward: acts(first: 2) { nodes { periodEnd } pageInfo { hasNextPage hasPreviousPage } }
      backward: acts(last: 2, before: $before) { nodes { periodEnd } pageInfo { hasNextPage hasPreviousPage startCursor } } } }`;
    type Acts = { nodes: { periodEnd: string }[]; pageInfo: PageInfo };
    const read = async (before: string | null) =>
      dataOf(await gateway.send<{ client: { forward: Acts; backward: Acts } }>(ACTS, { id, before }, { tenant })).client;
    const first = await read(null);
    // Newest first: 2025, 2024, 2023.
    expect(first.forward).toMatchObject({ nodes: [{ periodEnd: "2025-12-31" }, { periodEnd: "2024-12-31" }], pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(first.backward).toMatchObject({ nodes: [{ periodEnd: "2024-12-31" }, { periodEnd: "2023-12-31" }], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    const back = await read(first.backward.pageInfo.startCursor);
    expect(back.backward).toMatchObject({ nodes: [{ periodEnd: "2025-12-31" }], pageInfo: { hasNextPage: true, hasPreviousPage: false } });
  });
});
