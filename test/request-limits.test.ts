import { getIntrospectionQuery } from "graphql";
import { TestGateway, dataOf, GraphQLResponse } from "./helpers/harness";
import { WRITER } from "./helpers/mutations";

let gateway: TestGateway;
let tenant: string;
beforeAll(async () => {
  gateway = await TestGateway.start();
  tenant = gateway.newTenant();
});
afterAll(() => gateway.stop());

/** Sends `query` and expects it refused with `code` before anything ran: no SQL at all. */
async function refused(query: string, variables: Record<string, unknown>, code: string, scopes?: string[]): Promise<GraphQLResponse<unknown>> {
  const before = gateway.requests.length;
  const response = await gateway.send(query, variables, { tenant, scopes });
  expect({ status: response.status, code: response.errors?.[0]?.extensions?.code, data: response.data ?? null }).toEqual({ status: 400, code, data: null });
  expect(gateway.requests.length).toBe(before + 1);
  expect(gateway.lastRequest().stats).toEqual({ statements: 0, framing: 0 });
  return response;
}

const CLIENTS = `query Find($search: String, $filter: ClientFilter) { clients(first: 5, search: $search, filter: $filter) { totalCount } }`;

describe("string arguments are bounded before any SQL", () => {
  it("refuses a search term over 200 characters, naming the argument, and takes one of 200", async () => {
    const response = await refused(CLIENTS, { search: "x".repeat(900_000) }, "BAD_USER_INPUT");
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: "clients", argument: "search" });
    expect(response.errors?.[0]?.message).toMatch(/^Argument "search" of "clients" is .+ characters long \(at most 200 in a search or filter\)$/);
    await refused(`{ clients(search: "${"y".repeat(201)}") { totalCount } }`, {}, "BAD_USER_INPUT");
    expect(dataOf(await gateway.send(CLIENTS, { search: "z".repeat(200) }, { tenant }))).toEqual({ clients: { totalCount: 0 } });
  });

  it("refuses a long string anywhere in a filter, inline or in variables, with its path", async () => {
    for (const [filter, argument] of [
      [{ name: { contains: "a".repeat(201) } }, "filter.name.contains"],
      [{ name: { startsWith: "a".repeat(201) } }, "filter.name.startsWith"],
      [{ orgNumber: { eq: "1".repeat(201) } }, "filter.orgNumber.eq"],
      [{ name: { in: ["ok", "b".repeat(201)] } }, "filter.name.in.1"],
      [{ name: { between: { from: "a", to: "c".repeat(201) } } }, "filter.name.between.to"],
      [{ or: [{ name: { eq: "ok" } }, { name: { eq: "d".repeat(201) } }] }, "filter.or.1.name.eq"],
    ] as const) {
      const response = await refused(CLIENTS, { filter }, "BAD_USER_INPUT");
      expect(response.errors?.[0]?.extensions?.argument).toBe(argument);
    }
    const inline = await refused(`{ clients(filter: { name: { contains: "${"e".repeat(300)}" } }) { totalCount } }`, {}, "BAD_USER_INPUT");
    expect(inline.errors?.[0]?.extensions?.argument).toBe("filter.name.contains");
  });

  it("refuses a filter list of more than 100 items", async () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `name ${i}`);
    const response = await refused(CLIENTS, { filter: { name: { in: names(101) } } }, "BAD_USER_INPUT");
    expect(response.errors?.[0]?.message).toContain("has 101 items (at most 100 in a filter)");
    expect(dataOf(await gateway.send(CLIENTS, { filter: { name: { in: names(100) } } }, { tenant }))).toEqual({ clients: { totalCount: 0 } });
  });

  it("bounds a variable's default like a value sent (search, filter, lookup, cursor)", async () => {
    const long = "q".repeat(5_000);
    await refused(`query($s: String = "${"s".repeat(201)}") { clients(search: $s) { totalCount } }`, {}, "BAD_USER_INPUT");
    const filter = await refused(`query($f: ClientFilter = { name: { contains: "${"f".repeat(201)}" } }) { clients(filter: $f) { totalCount } }`, {}, "BAD_USER_INPUT");
    expect(filter.errors?.[0]?.extensions?.argument).toBe("filter.name.contains");
    await refused(`query($o: String = "${long}") { clientByOrgNumber(orgNumber: $o) { id } }`, {}, "BAD_USER_INPUT");
    await refused(`query($a: String = "${long}") { clients(after: $a) { totalCount } }`, {}, "BAD_USER_INPUT");
    // A default that a variable sent replaces is not what runs.
    expect(dataOf(await gateway.send(`query($s: String = "${"s".repeat(201)}") { clients(search: $s) { totalCount } }`, { s: "ok" }, { tenant }))).toEqual({ clients: { totalCount: 0 } });
  });

  it("counts the items of nested filter lists together (at most 1,000 in an operation)", async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
    const nested = (outer: number, inner: number) => ({ or: Array.from({ length: outer }, () => ({ or: Array.from({ length: inner }, () => ({ id: { in: ids(100) } })) })) });
    const response = await refused(CLIENTS, { filter: nested(100, 7) }, "BAD_USER_INPUT");
    expect(response.errors?.[0]?.message).toContain("past 1000 list items in all");
    expect(dataOf(await gateway.send(CLIENTS, { filter: nested(2, 4) }, { tenant }))).toEqual({ clients: { totalCount: 0 } });
  });

  it("refuses any other direct string argument over 4096 characters (lookups, cursors, ids, keys)", async () => {
    await refused(`query($o: String!) { clientByOrgNumber(orgNumber: $o) { id } }`, { o: "5".repeat(4097) }, "BAD_USER_INPUT");
    await refused(`query($a: String) { clients(after: $a) { totalCount } }`, { a: "A".repeat(5000) }, "BAD_USER_INPUT");
    await refused(`query($s: String!) { clientByExternalId(externalId: "x", source: $s) { id } }`, { s: "s".repeat(4097) }, "BAD_USER_INPUT");
    const key = await refused(
      `mutation($k: String!) { archiveClient(id: "1", idempotencyKey: $k) { error { code } } }`,
      { k: "k".repeat(5000) },
      "BAD_USER_INPUT",
      WRITER,
    );
    expect(key.errors?.[0]?.extensions).toMatchObject({ field: "archiveClient", argument: "idempotencyKey" });
  });

  it("leaves strings inside mutation inputs to each field's own maximum (a logo is 700,000 characters)", async () => {
    const response = await gateway.send<{ createClient: { error: { code: string; failures: { field: string }[] } | null } }>(
      `mutation($input: CreateClientInput!) { createClient(input: $input, idempotencyKey: "limits-logo", dryRun: true) { error { code failures { field } } } }`,
      { input: { name: "n".repeat(300), countryCode: "SE", logotype: "A".repeat(600_000) } },
      { tenant, scopes: WRITER },
    );
    expect(response.status).toBe(200);
    expect(dataOf(response).createClient.error).toEqual({ code: "INVALID_DATA", failures: [{ field: "input.name" }] });
  });
});

describe("introspection and __typename count like any other field", () => {
  it("refuses 16 and 500 aliased __typename fields (the alias limit is 15)", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(" ")} }`;
    await refused(aliases(16), {}, "QUERY_TOO_COMPLEX");
    await refused(aliases(500), {}, "QUERY_TOO_COMPLEX");
    expect(Object.keys(dataOf(await gateway.send(aliases(15), {}, { tenant })) as object)).toHaveLength(15);
  });

  it("refuses aliased fragments over __schema { types { fields } } by their cost", async () => {
    const spreads = Array.from({ length: 12 }, (_, i) => `s${i}: __schema { ...S }`).join(" ");
    const query = `{ ${spreads} } fragment S on __Schema { types { name fields { name type { name fields { name } } } } }`;
    expect(query.length).toBeLessThan(1_200);
    const response = await refused(query, {}, "QUERY_TOO_COMPLEX");
    expect(response.errors?.[0]?.message).toMatch(/cost \d+ \(at most 10000\)/);
  });

  it("counts __typename in depth: nine parents then __typename is 11 deep", async () => {
    const nest = (levels: number, leaf: string) => `{ client(id: "1") { ${"parent { ".repeat(levels)}${leaf}${" }".repeat(levels)} } }`;
    const response = await refused(nest(9, "__typename"), {}, "QUERY_TOO_COMPLEX");
    expect(response.errors?.[0]?.message).toContain("depth 11 (at most 10)");
    expect(dataOf(await gateway.send(nest(8, "__typename"), {}, { tenant }))).toEqual({ client: null });
  });

  it("answers the standard introspection queries of GraphiQL, Apollo Sandbox and codegen", async () => {
    for (const options of [{}, { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }]) {
      const response = await gateway.send<{ __schema: { types: unknown[] } }>(getIntrospectionQuery(options), {}, { tenant });
      expect(response.status).toBe(200);
      expect(dataOf(response).__schema.types.length).toBeGreaterThan(50);
    }
  });
});

describe("operations the schema has no type for", () => {
  it("answers a subscription with 400 BAD_USER_INPUT, runs no SQL and logs no error", async () => {
    const response = await refused(`subscription { x }`, {}, "BAD_USER_INPUT");
    expect(response.errors?.[0]?.message).toBe("This API has no subscription operations");
    const requestId = response.extensions?.requestId;
    const lines = gateway.logs().filter((line) => line.requestId === requestId);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([["info", "request"]]);
  });
});
