import { ClientsPageDocument, ClientsPageQuery, ClientsPageQueryVariables } from "./generated/graphql";
import { dataOf, TestGateway } from "./helpers/harness";
import { createClients, day } from "./helpers/fixtures";
import { CursorCodec } from "../src/common/pagination/cursor";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

/** Names of the clients the filter returns, in the API's order. */
async function names(tenant: string, variables: Partial<ClientsPageQueryVariables>): Promise<string[]> {
  const data = dataOf(await gateway.call(ClientsPageDocument, { first: 100, withTotal: false, ...variables }, { tenant }));
  return data.clients.edges.map((e) => e.node.name);
}

async function errorCode(tenant: string, variables: Partial<ClientsPageQueryVariables>): Promise<unknown> {
  const response = await gateway.call(ClientsPageDocument, { withTotal: false, ...variables }, { tenant });
  return response.errors?.[0]?.extensions?.code;
}

describe("clients filters", () => {
  const tenant = `filters-${Date.now()}`;
  beforeAll(async () => {
    await createClients(gateway, tenant, [
      { name: "Alfa AB", createdAt: day(1), active: true, clientType: "BUSINESS", companyType: "SE_AKTIEBOLAG", countryCode: "SE", orgNumber: "5560360793" },
      { name: "Beta AB", createdAt: day(2), active: false, clientType: "BUSINESS", companyType: "SE_HANDELSBOLAG_KOMMANDITBOLAG", countryCode: "SE" },
      { name: "Gamma Oy", createdAt: day(3), active: true, clientType: "BUSINESS", companyType: "FI_OSAKEYHTIO", countryCode: "FI", orgNumber: "01120389" },
      { name: "Delta AS", createdAt: day(4), active: true, clientType: "BUSINESS", companyType: null, countryCode: "NO", orgNumber: "923609016" },
      { name: "Epsilon", createdAt: day(5), active: false, clientType: "INDIVIDUAL", companyType: null, countryCode: "SE", referenceCode: "50%_off" },
    ] as never);
  });

  it.each([
    ["eq", { eq: day(3) }, ["Gamma Oy"]],
    ["neq", { neq: day(3) }, ["Alfa AB", "Beta AB", "Delta AS", "Epsilon"]],
    ["gt", { gt: day(3) }, ["Delta AS", "Epsilon"]],
    ["gte", { gte: day(3) }, ["Gamma Oy", "Delta AS", "Epsilon"]],
    ["lt", { lt: day(3) }, ["Alfa AB", "Beta AB"]],
    ["lte", { lte: day(3) }, ["Alfa AB", "Beta AB", "Gamma Oy"]],
    ["in", { in: [day(1), day(5)] }, ["Alfa AB", "Epsilon"]],
    ["nin", { nin: [day(1), day(5)] }, ["Beta AB", "Gamma Oy", "Delta AS"]],
    ["between (inclusive)", { between: { from: day(2), to: day(4) } }, ["Beta AB", "Gamma Oy", "Delta AS"]],
  ])("on a date column: %s", async (_op, createdAt, expected) => {
    const iso = JSON.parse(JSON.stringify(createdAt));
    expect(await names(tenant, { filter: { createdAt: iso } })).toEqual(expected);
  });

  it.each([
    ["eq", { eq: "Beta AB" }, ["Beta AB"]],
    ["neq", { neq: "Beta AB" }, ["Alfa AB", "Gamma Oy", "Delta AS", "Epsilon"]],
    ["gt", { gt: "Delta AS" }, ["Gamma Oy", "Epsilon"]],
    ["gte", { gte: "Delta AS" }, ["Gamma Oy", "Delta AS", "Epsilon"]],
    ["lt", { lt: "Beta AB" }, ["Alfa AB"]],
    ["lte", { lte: "Beta AB" }, ["Alfa AB", "Beta AB"]],
    ["in", { in: ["Alfa AB", "Delta AS", "Nobody"] }, ["Alfa AB", "Delta AS"]],
    ["nin", { nin: ["Alfa AB", "Delta AS"] }, ["Beta AB", "Gamma Oy", "Epsilon"]],
    ["between (inclusive)", { between: { from: "Beta AB", to: "Epsilon" } }, ["Beta AB", "Delta AS", "Epsilon"]],
    ["contains (case-insensitive)", { contains: "ab" }, ["Alfa AB", "Beta AB"]],
    ["startsWith (case-insensitive)", { startsWith: "gAm" }, ["Gamma Oy"]],
  ])("on a string column: %s", async (_op, name, expected) => {
    expect(await names(tenant, { filter: { name } })).toEqual(expected);
  });

  it("treats LIKE wildcards in contains as text", async () => {
    expect(await names(tenant, { filter: { referenceCode: { contains: "%_" } } })).toEqual(["Epsilon"]);
    expect(await names(tenant, { filter: { name: { contains: "%" } } })).toEqual([]);
  });

  it.each([
    ["eq", { eq: "FI_OSAKEYHTIO" }, ["Gamma Oy"]],
    ["neq (empty values included)", { neq: "FI_OSAKEYHTIO" }, ["Alfa AB", "Beta AB", "Delta AS", "Epsilon"]],
    ["in", { in: ["SE_AKTIEBOLAG", "FI_OSAKEYHTIO"] }, ["Alfa AB", "Gamma Oy"]],
    ["nin (empty values included, as with neq)", { nin: ["SE_AKTIEBOLAG"] }, ["Beta AB", "Gamma Oy", "Delta AS", "Epsilon"]],
    ["isNull", { isNull: true }, ["Delta AS", "Epsilon"]],
  ])("on an enum column: %s", async (_op, companyType, expected) => {
    expect(await names(tenant, { filter: { companyType: companyType as never } })).toEqual(expected);
  });

  it.each([
    ["eq true", { eq: true }, ["Alfa AB", "Gamma Oy", "Delta AS"]],
    ["eq false", { eq: false }, ["Beta AB", "Epsilon"]],
    ["neq true", { neq: true }, ["Beta AB", "Epsilon"]],
  ])("on a boolean column: %s", async (_op, active, expected) => {
    expect(await names(tenant, { filter: { active } })).toEqual(expected);
  });

  it("combines with and, or and not", async () => {
    expect(
      await names(tenant, {
        filter: {
          or: [{ countryCode: { eq: "FI" } }, { and: [{ active: { eq: true } }, { not: { countryCode: { in: ["FI", "SE"] } } }] }],
        },
      }),
    ).toEqual(["Gamma Oy", "Delta AS"]);
    expect(await names(tenant, { filter: { not: { or: [{ active: { eq: true } }, { clientType: { eq: "INDIVIDUAL" } }] } } })).toEqual([
      "Beta AB",
    ]);
  });

  it("compares org numbers normalised, with or without dash", async () => {
    expect(await names(tenant, { filter: { orgNumber: { eq: "556036-0793" } } })).toEqual(["Alfa AB"]);
    expect(await names(tenant, { filter: { orgNumber: { eq: "5560360793" } } })).toEqual(["Alfa AB"]);
  });

  it("searches names case-insensitively and org numbers with or without dash", async () => {
    expect(await names(tenant, { search: "GAMMA" })).toEqual(["Gamma Oy"]);
    expect(await names(tenant, { search: "556036-0793" })).toEqual(["Alfa AB"]);
    expect(await names(tenant, { search: "5560360793" })).toEqual(["Alfa AB"]);
    expect(await names(tenant, { search: "0112038-9" })).toEqual(["Gamma Oy"]);
    expect(await names(tenant, { search: " ab " })).toEqual(["Alfa AB", "Beta AB"]);
  });

  it("rejects empty in-lists, explicit nulls, huge filters and ids that are not ids with BAD_USER_INPUT", async () => {
    expect(await errorCode(tenant, { filter: { name: { contains: null } } })).toBe("BAD_USER_INPUT");
    expect(await errorCode(tenant, { filter: { archivedAt: { isNull: null } } })).toBe("BAD_USER_INPUT");
    const huge = Array.from({ length: 1001 }, (_, i) => ({ name: { eq: `n${i}` } }));
    expect(await errorCode(tenant, { filter: { or: huge } })).toBe("BAD_USER_INPUT");
    expect(await errorCode(tenant, { filter: { name: { in: [] } } })).toBe("BAD_USER_INPUT");
    expect(await errorCode(tenant, { filter: { id: { eq: "abc" } } })).toBe("BAD_USER_INPUT");
    expect(await errorCode(tenant, { filter: { parentId: { in: ["1", "1 OR 1=1"] } } })).toBe("BAD_USER_INPUT");
  });
});

describe("clients deletion filter", () => {
  const tenant = `deleted-${Date.now()}`;
  beforeAll(async () => {
    await createClients(gateway, tenant, [
      { name: "Live", createdAt: day(1) },
      { name: "Archived", createdAt: day(2), archivedAt: day(3) },
    ] as never);
  });

  it("hides archived clients by default (EXCLUDE)", async () => {
    expect(await names(tenant, {})).toEqual(["Live"]);
    expect(await names(tenant, { deleted: "EXCLUDE" })).toEqual(["Live"]);
  });
  it("shows them too with INCLUDE", async () => {
    expect(await names(tenant, { deleted: "INCLUDE" })).toEqual(["Live", "Archived"]);
  });
  it("shows only them with ONLY", async () => {
    expect(await names(tenant, { deleted: "ONLY" })).toEqual(["Archived"]);
  });
  it("filters on archivedAt", async () => {
    expect(await names(tenant, { deleted: "INCLUDE", filter: { archivedAt: { isNull: false } } })).toEqual(["Archived"]);
  });
});

describe("clients ordering", () => {
  const tenant = `order-${Date.now()}`;
  let ids: string[];
  beforeAll(async () => {
    ids = await createClients(gateway, tenant, [
      { name: "Same", referenceCode: "B", createdAt: day(1) },
      { name: "Other", referenceCode: null, createdAt: day(1) },
      { name: "Same", referenceCode: "A", createdAt: day(1) },
      { name: "Same", referenceCode: null, createdAt: day(2) },
    ] as never);
  });

  it("defaults to created first, ties broken by id", async () => {
    const data = dataOf(await gateway.call(ClientsPageDocument, { withTotal: false }, { tenant }));
    expect(data.clients.edges.map((e) => e.node.id)).toEqual(ids);
  });

  it("breaks ties of the sort key by id, in the key's direction", async () => {
    const asc = dataOf(await gateway.call(ClientsPageDocument, { withTotal: false, orderBy: [{ field: "NAME", direction: "ASC" }] }, { tenant }));
    expect(asc.clients.edges.map((e) => e.node.id)).toEqual([ids[1], ids[0], ids[2], ids[3]]);
    const desc = dataOf(await gateway.call(ClientsPageDocument, { withTotal: false, orderBy: [{ field: "NAME", direction: "DESC" }] }, { tenant }));
    expect(desc.clients.edges.map((e) => e.node.id)).toEqual([ids[3], ids[2], ids[0], ids[1]]);
  });

  it("sorts empty values last in both directions and pages through them by cursor", async () => {
    for (const direction of ["ASC", "DESC"] as const) {
      const all = dataOf(
        await gateway.call(ClientsPageDocument, { withTotal: false, orderBy: [{ field: "REFERENCE_CODE", direction }] }, { tenant }),
      ).clients.edges.map((e) => e.node.id);
      expect(all).toEqual(direction === "ASC" ? [ids[2], ids[0], ids[1], ids[3]] : [ids[0], ids[2], ids[3], ids[1]]);
      const paged: string[] = [];
      let after: string | null | undefined = undefined;
      do {
        const page: ClientsPageQuery["clients"] = dataOf(
          await gateway.call(ClientsPageDocument, { withTotal: false, first: 1, after, orderBy: [{ field: "REFERENCE_CODE", direction }] }, { tenant }),
        ).clients;
        paged.push(...page.edges.map((e) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(paged).toEqual(all);
    }
  });
});

describe("clients paging", () => {
  it("cursor paging neither skips nor repeats rows when rows are inserted before the cursor", async () => {
    const tenant = gateway.newTenant();
    const ids = await createClients(gateway, tenant, Array.from({ length: 7 }, (_, i) => ({ name: `P${i}`, createdAt: day(10 + i) })) as never);
    const seen: string[] = [];
    let after: string | null | undefined;
    let page = 0;
    do {
      const data = dataOf(await gateway.call(ClientsPageDocument, { withTotal: false, first: 3, after }, { tenant })).clients;
      seen.push(...data.edges.map((e) => e.node.id));
      after = data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null;
      if (page++ === 0) {
        // Two rows that sort before the cursor arrive between page 1 and page 2.
        await createClients(gateway, tenant, [{ name: "early", createdAt: day(1) }, { name: "earlier", createdAt: day(2) }] as never);
      }
    } while (after);
    expect(seen).toEqual(ids);
  });

  it("offset paging returns the rows after the offset, with page info", async () => {
    const tenant = gateway.newTenant();
    const ids = await createClients(gateway, tenant, Array.from({ length: 5 }, (_, i) => ({ name: `O${i}`, createdAt: day(1 + i) })) as never);
    const data = dataOf(await gateway.call(ClientsPageDocument, { withTotal: true, first: 2, offset: 2 }, { tenant })).clients;
    expect(data.edges.map((e) => e.node.id)).toEqual(ids.slice(2, 4));
    expect(data.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(data.totalCount).toBe(5);
    const last = dataOf(await gateway.call(ClientsPageDocument, { withTotal: false, first: 2, offset: 4 }, { tenant })).clients;
    expect(last.edges.map((e) => e.node.id)).toEqual(ids.slice(4));
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ["first 0", { first: 0 }],
    ["first 101", { first: 101 }],
    ["first -1", { first: -1 }],
    ["negative offset", { offset: -1 }],
    ["after and offset together", { after: "any", offset: 1 }],
    ["a cursor that is not one", { after: "not-a-cursor" }],
  ])("rejects %s with BAD_USER_INPUT", async (_name, variables) => {
    expect(await errorCode(gateway.newTenant(), variables)).toBe("BAD_USER_INPUT");
  });

  it("accepts first 1 and first 100", async () => {
    const tenant = gateway.newTenant();
    await createClients(gateway, tenant, [{ name: "one" }, { name: "two" }] as never);
    expect(await names(tenant, { first: 1 })).toEqual(["one"]);
    expect(await names(tenant, { first: 100 })).toEqual(["one", "two"]);
  });

  it("counts only when totalCount is selected", async () => {
    const tenant = gateway.newTenant();
    await createClients(gateway, tenant, [{ name: "a" }, { name: "b" }, { name: "c", archivedAt: day(1) }] as never);
    await gateway.call(ClientsPageDocument, { withTotal: false }, { tenant });
    expect(gateway.lastRequest().stats.statements).toBe(1);
    const data = dataOf(await gateway.call(ClientsPageDocument, { withTotal: true, first: 1 }, { tenant }));
    expect(gateway.lastRequest().stats.statements).toBe(2);
    expect(data.clients.totalCount).toBe(2);
  });
});

describe("clients cursors", () => {
  const readable = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString("base64url");
  // Sealed with the server's own key: what a leaked key or a bug elsewhere would let through.
  const codec = () => new CursorCodec(gateway.config.jwtSecret!);
  // The server's own header (list, order and filter hashes) with forged values: only the values are wrong.
  const sealed = (values: unknown[], header: string) => codec().encode([header, ...values] as never);

  it.each([
    ["a non-timestamp where the order has a timestamp", sealed, ["yesterday", "1"], undefined],
    ["a non-numeric id", sealed, ["2026-01-01T00:00:00.000Z", "1; DROP TABLE client"], undefined],
    ["an id too large for bigint", sealed, ["2026-01-01T00:00:00.000Z", "99999999999999999999999"], undefined],
    ["null where the column has no empty values", sealed, [null, "1"], undefined],
    ["a number where a name is expected", sealed, [42, "1"], [{ field: "NAME", direction: "ASC" }]],
    ["readable JSON instead of a sealed cursor", readable, ["2026-01-01T00:00:00.000Z", "1"], undefined],
  ])("rejects a cursor with %s as BAD_USER_INPUT", async (_name, make, values, orderBy) => {
    const tenant = gateway.newTenant();
    await createClients(gateway, tenant, [{ name: "x" }] as never);
    const real = dataOf(await gateway.call(ClientsPageDocument, { withTotal: false, orderBy: orderBy as never }, { tenant })).clients.edges[0].cursor;
    const [header] = codec().decode(real, values.length + 1);
    const response = await gateway.call(ClientsPageDocument, { withTotal: false, after: make(values, String(header)), orderBy: orderBy as never }, { tenant });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    expect(response.errors?.[0]?.extensions?.reason).toBeUndefined();
  });

  describe("are bound to the order and filter they came from", () => {
    const tenant = `cursor-scope-${Date.now()}`;
    let cursor: string;
    beforeAll(async () => {
      await createClients(gateway, tenant, ["Anna", "Bertil", "Cesar", "David"].map((name, i) => ({ name, createdAt: day(i + 1) })) as never);
      const page = dataOf(await gateway.call(ClientsPageDocument, { withTotal: false, first: 2 }, { tenant })).clients;
      cursor = page.pageInfo.endCursor!;
    });

    async function refusal(variables: Partial<ClientsPageQueryVariables>) {
      const response = await gateway.call(ClientsPageDocument, { withTotal: false, first: 2, after: cursor, ...variables }, { tenant });
      expect(response.data ?? null).toBeNull();
      return { extensions: response.errors?.[0]?.extensions, message: response.errors?.[0]?.message ?? "" };
    }

    it("pages on under the same order, given explicitly or by default, and the same filter", async () => {
      expect(await names(tenant, { first: 2, after: cursor })).toEqual(["Cesar", "David"]);
      expect(await names(tenant, { first: 2, after: cursor, orderBy: [{ field: "CREATED_AT", direction: "ASC" }] as never })).toEqual(["Cesar", "David"]);
      expect(await names(tenant, { first: 2, after: cursor, filter: {}, search: " ", deleted: "EXCLUDE" as never })).toEqual(["Cesar", "David"]);
    });

    it.each([
      ["NAME DESC", [{ field: "NAME", direction: "DESC" }]],
      ["NAME ASC", [{ field: "NAME", direction: "ASC" }]],
      ["CREATED_AT DESC", [{ field: "CREATED_AT", direction: "DESC" }]],
    ])("refuses a default-order cursor under orderBy %s, saying it is the order", async (_name, orderBy) => {
      const { extensions, message } = await refusal({ orderBy: orderBy as never });
      expect(extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after", reason: "CURSOR_MISMATCH", mismatch: "order" });
      expect(message).toContain("orderBy");
    });

    it.each([
      ["a filter", { filter: { name: { contains: "a" } } }],
      ["a search", { search: "Cesar" }],
      ["a deletion filter", { deleted: "INCLUDE" }],
    ])("refuses it under %s it was not made with, saying it is the filter", async (_name, variables) => {
      const { extensions, message } = await refusal(variables as never);
      expect(extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after", reason: "CURSOR_MISMATCH", mismatch: "filter" });
      expect(message).toContain("filter");
    });

    it("refuses a cursor of another connection (a nested list of a client)", async () => {
      const [id] = await createClients(gateway, tenant, [{ name: "Erik", parameters: [{ name: "p1", value: "1" }, { name: "p2", value: "2" }] }] as never);
      const nested = await gateway.send(`query ($id: ID!) { client(id: $id) { parametersConnection(first: 1) { pageInfo { endCursor } } } }`, { id }, { tenant });
      const other = (nested.data as { client: { parametersConnection: { pageInfo: { endCursor: string } } } }).client.parametersConnection.pageInfo.endCursor;
      const response = await gateway.call(ClientsPageDocument, { withTotal: false, after: other }, { tenant });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after", reason: "CURSOR_MISMATCH", mismatch: "list" });
    });
  });

  it("does not show the sort values, e.g. an org number, in the cursor", async () => {
    const tenant = gateway.newTenant();
    await createClients(gateway, tenant, [{ name: "x", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: "198001011234" }] as never);
    const page = dataOf(
      await gateway.call(ClientsPageDocument, { withTotal: false, orderBy: [{ field: "ORG_NUMBER", direction: "ASC" }] }, { tenant }),
    ).clients;
    expect(page.edges[0].node.orgNumber).toBe("19800101-****");
    expect(Buffer.from(page.edges[0].cursor, "base64url").toString("latin1")).not.toContain("1980010112");
  });
});

describe("text Postgres cannot store", () => {
  it("is BAD_USER_INPUT in search, filters and lookups, not an internal error", async () => {
    const tenant = gateway.newTenant();
    expect(await errorCode(tenant, { search: "a\u0000b" })).toBe("BAD_USER_INPUT");
    expect(await errorCode(tenant, { filter: { name: { contains: "a\u0000" } } })).toBe("BAD_USER_INPUT");
    const lookup = await gateway.send(`{ clientByExternalId(source: "crm", externalId: "x\\u0000") { id } }`, {}, { tenant });
    expect(lookup.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("personal identity numbers", () => {
  it("are masked in orgNumber and vatNumber without clients:pii, shown with it, and businesses are never masked", async () => {
    const tenant = gateway.newTenant();
    const [personId, companyId] = await createClients(gateway, tenant, [
      { name: "Sole trader", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: "198001011234", vatNumber: "SE800101123401" },
      { name: "Company", clientType: "BUSINESS", countryCode: "SE", orgNumber: "5560360793", vatNumber: "SE556036079301" },
    ] as never);
    const query = `query($id: ID!) { client(id: $id) { orgNumber vatNumber } }`;
    const read = async (id: string, scopes: string[]) => (await gateway.send<{ client: unknown }>(query, { id }, { tenant, scopes })).data?.client;
    expect(await read(personId, ["clients:read"])).toEqual({ orgNumber: "19800101-****", vatNumber: "SE800101****01" });
    expect(await read(personId, ["clients:read", "clients:pii"])).toEqual({ orgNumber: "19800101-1234", vatNumber: "SE800101123401" });
    expect(await read(companyId, ["clients:read"])).toEqual({ orgNumber: "556036-0793", vatNumber: "SE556036079301" });
  });
});
