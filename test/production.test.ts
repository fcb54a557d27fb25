import { TestGateway } from "./helpers/harness";
import { scratchDatabase } from "./helpers/databases";
import { createClients } from "./helpers/fixtures";

const SECRET = "a-production-secret-of-at-least-32-chars";
/** A production credentials key (test only): 32 bytes, base64. */
const CREDENTIALS_KEY = Buffer.alloc(32, 7).toString("base64");
let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
let production: TestGateway;
let development: TestGateway;
let tenant: string;

beforeAll(async () => {
  // Its own database: one test breaks a table on purpose.
  scratch = await scratchDatabase("production");
  production = await TestGateway.start({ databaseUrl: scratch.url, env: { NODE_ENV: "production", JWT_SECRET: SECRET, SOURCE_CREDENTIALS_KEY: CREDENTIALS_KEY } });
  development = await TestGateway.start({ databaseUrl: scratch.url });
  tenant = production.newTenant();
});
afterAll(async () => {
  await production.stop();
  await development.stop();
  await scratch.drop();
});

const INTROSPECTION = `{ __schema { queryType { name } } }`;

describe("production mode (NODE_ENV=production)", () => {
  it("refuses introspection, which development answers", async () => {
    const refused = await production.send(INTROSPECTION, {}, { tenant });
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(refused.errors?.[0]?.message).toContain("introspection");
    expect((await development.send(INTROSPECTION, {}, { tenant })).data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("turns introspection on when configured", async () => {
    const open = await TestGateway.start({ databaseUrl: scratch.url, env: { NODE_ENV: "production", JWT_SECRET: SECRET, SOURCE_CREDENTIALS_KEY: CREDENTIALS_KEY, INTROSPECTION: "true" } });
    try {
      expect((await open.send(INTROSPECTION, {}, { tenant })).data).toEqual({ __schema: { queryType: { name: "Query" } } });
    } finally {
      await open.stop();
    }
  });

  it("serves no IDE page, where development serves GraphiQL", async () => {
    const page = (target: TestGateway) => fetch(target.url, { headers: { accept: "text/html" } });
    const prod = await page(production);
    expect(prod.headers.get("content-type") ?? "").not.toContain("text/html");
    expect(prod.status).toBe(400);
    const dev = await page(development);
    expect(dev.status).toBe(200);
    expect(dev.headers.get("content-type")).toContain("text/html");
  });

  it("refuses a simple (CSRF-able) request: GET without a preflight header, POST as text/plain", async () => {
    const authorization = `Bearer ${await production.token([tenant])}`;
    const get = await fetch(`${production.url}?query=${encodeURIComponent("{ clientsSummary { accessibleClients } }")}`, {
      headers: { authorization, "x-company-id": tenant },
    });
    expect(get.status).toBe(400);
    expect(await get.text()).toContain("CSRF");
    const post = await fetch(production.url, {
      method: "POST",
      headers: { authorization, "x-company-id": tenant, "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ clientsSummary { accessibleClients } }" }),
    });
    expect(post.status).toBe(400);
    // A GET that says it is not simple is answered.
    const preflighted = await fetch(`${production.url}?query=${encodeURIComponent("{ clientsSummary { accessibleClients } }")}`, {
      headers: { authorization, "x-company-id": tenant, "apollo-require-preflight": "true" },
    });
    expect(preflighted.status).toBe(200);
  });

  it("gives no field suggestions, where development does", async () => {
    const typo = `{ clientsSumary { accessibleClients } }`;
    const prod = await production.send(typo, {}, { tenant });
    expect(prod.errors?.[0]?.message).toBe('Cannot query field "clientsSumary" on type "Query".');
    const dev = await development.send(typo, {}, { tenant });
    expect(dev.errors?.[0]?.message).toContain("Did you mean");
  });

  it("answers an unexpected error with INTERNAL_SERVER_ERROR and the request id, nothing else", async () => {
    await createClients(production, tenant, [{ name: "Broken Ltd", countryCode: "SE", orgNumber: "5560360793" }] as never);
    await production.dataSource.query(`ALTER TABLE client RENAME COLUMN legal_name TO legal_name_gone`);
    try {
      const response = await production.send(`{ clients(first: 1, search: "Broken") { nodes { id name } } }`, {}, { tenant });
      const requestId = response.extensions?.requestId;
      expect(requestId).toEqual(expect.any(String));
      expect(response.errors).toEqual([{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }]);
      expect(JSON.stringify(response)).not.toMatch(/legal_name|column|SELECT|at .*\.ts/);
      // The log has the same request id, the error's class and code, and not the driver's message.
      const logged = production.logs().find((line) => line.msg === "internal error" && line.requestId === requestId);
      expect(logged).toMatchObject({ level: "error", code: "42703" });
      expect(JSON.stringify(production.logs())).not.toContain("legal_name_gone");
    } finally {
      await production.dataSource.query(`ALTER TABLE client RENAME COLUMN legal_name_gone TO legal_name`);
    }
  });

  it("refuses to start without a JWT secret or JWKS URL, or without a credentials key", async () => {
    const { loadConfig } = await import("../src/config");
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET .* or JWT_JWKS_URL/);
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "short" })).toThrow(/at least 32/);
    expect(() => loadConfig({ NODE_ENV: "production", JWT_JWKS_URL: "https://id.example.test/jwks" })).toThrow(/CURSOR_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: SECRET })).toThrow(/SOURCE_CREDENTIALS_KEY/);
    expect(loadConfig({ NODE_ENV: "production", JWT_JWKS_URL: "https://id.example.test/jwks", CURSOR_SECRET: SECRET, SOURCE_CREDENTIALS_KEY: CREDENTIALS_KEY })).toMatchObject({
      jwtSecret: null,
      introspection: false,
      graphqlIde: "off",
    });
  });
});

describe("no error echoes a value the caller sent (production)", () => {
  const SENT = "Anna Svensson secret note";
  const writer = () => ({ tenant, scopes: ["clients:read", "clients:write"] });
  const CREATE = `mutation($input: CreateClientInput!) { createClient(input: $input, idempotencyKey: "echo") { error { code } } }`;
  /** What the logs hold besides the variables (logged at debug by design, redacted by shape). */
  const logsWithoutVariables = () => JSON.stringify(production.logs().map(({ variables: _variables, ...line }) => line));

  it.each<[string, string, Record<string, unknown>, string]>([
    ["an enum", `query($o: [ClientOrder!]) { clients(orderBy: $o) { totalCount } }`, { o: [{ field: SENT }] },
      'Variable "$o" got an invalid value at "o[0].field"; Value does not exist in "ClientOrderField" enum.'],
    ["an Int", `query($n: Int!) { clients(first: $n) { totalCount } }`, { n: SENT },
      'Variable "$n" got an invalid value; Int cannot represent non-integer value.'],
    ["a UUID", `query($u: UUID!) { clientByUniqueId(uniqueId: $u) { id } }`, { u: SENT },
      'Variable "$u" got an invalid value; Expected type "UUID". Must be a UUID'],
    ["a CountryCode", `query($c: CountryCode) { clientByOrgNumber(countryCode: $c, orgNumber: "5560360793") { id } }`, { c: SENT },
      'Variable "$c" got an invalid value; Expected type "CountryCode". Must be an ISO 3166-1 alpha-2 country code'],
    ["a DateTime", `query($f: ClientFilter) { clients(filter: $f) { totalCount } }`, { f: { createdAt: { gt: SENT } } },
      'Variable "$f" got an invalid value at "f.createdAt.gt"; Expected type "DateTime". Must be an ISO 8601 date-time: YYYY-MM-DDThh:mm:ss with Z or an offset'],
    ["a Decimal", CREATE, { input: { name: "Echo AB", countryCode: "SE", creditLimit: SENT } },
      'Variable "$input" got an invalid value at "input.creditLimit"; Expected type "Decimal". Decimal must be a string such as "125.50"'],
    ["an id in a filter", `query($f: ClientFilter) { clients(filter: $f) { totalCount } }`, { f: { id: { eq: SENT } } },
      "filter.id: a value is not an id (ids are whole numbers of at most 18 digits)"],
  ])("for %s in a variable", async (_kind, query, variables, message) => {
    const response = await production.send(query, variables, writer());
    expect(response.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([[message, "BAD_USER_INPUT"]]);
    expect(JSON.stringify(response)).not.toContain("Svensson");
    expect(logsWithoutVariables()).not.toContain("Svensson");
  });

  it.each<[string, string, string]>([
    ["an enum", `{ clients(orderBy: [{ field: Anna_Svensson_secret_note }]) { totalCount } }`, 'Value does not exist in "ClientOrderField" enum.'],
    ["an enum given as a string", `{ clients(orderBy: [{ field: "${SENT}" }]) { totalCount } }`, 'Enum "ClientOrderField" cannot represent a non-enum value.'],
    ["an Int", `{ clients(first: "${SENT}") { totalCount } }`, "Int cannot represent non-integer value."],
    ["a UUID", `{ clientByUniqueId(uniqueId: "${SENT}") { id } }`, 'Expected value of type "UUID!", found a string; Must be a UUID'],
    ["a CountryCode", `{ clientByOrgNumber(countryCode: "${SENT}", orgNumber: "5560360793") { id } }`,
      'Expected value of type "CountryCode", found a string; Must be an ISO 3166-1 alpha-2 country code'],
    ["a DateTime", `{ clients(filter: { createdAt: { gt: "${SENT}" } }) { totalCount } }`,
      'Expected value of type "DateTime", found a string; Must be an ISO 8601 date-time: YYYY-MM-DDThh:mm:ss with Z or an offset'],
    ["a Decimal", `mutation { createClient(input: { name: "Echo AB", countryCode: "SE", creditLimit: "${SENT}" }, idempotencyKey: "echo") { error { code } } }`,
      'Expected value of type "Decimal", found a string; Decimal must be a string such as "125.50"'],
    ["an input object", `{ clients(filter: "${SENT}") { totalCount } }`, 'Expected value of type "ClientFilter", found a string.'],
  ])("for %s in an inline argument", async (_kind, query, message) => {
    const response = await production.send(query, {}, writer());
    expect(response.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([[message, "GRAPHQL_VALIDATION_FAILED"]]);
    expect(JSON.stringify(response)).not.toContain("Svensson");
    expect(logsWithoutVariables()).not.toContain("Svensson");
  });

  it("keeps graphql-js's tails that hold no value", async () => {
    const order = `query($o: [ClientOrder!]) { clients(orderBy: $o) { totalCount } }`;
    const missing = await production.send(order, { o: [{ direction: "ASC", note: SENT }] }, writer());
    expect(missing.errors?.map((e) => e.message)).toEqual([
      'Variable "$o" got an invalid value at "o[0]"; Field "field" of required type "ClientOrderField!" was not provided.',
      'Variable "$o" got an invalid value at "o[0]"; Field "note" is not defined by type "ClientOrder".',
    ]);
    expect(JSON.stringify(missing)).not.toContain("Svensson");
    const nullLiteral = await production.send(`{ clientByUniqueId(uniqueId: null) { id } }`, {}, writer());
    expect(nullLiteral.errors?.[0]?.message).toBe('Expected value of type "UUID!", found null.');
  });

  it("answers a 900 KB enum value briefly", async () => {
    const huge = "A".repeat(900_000);
    const response = await fetch(production.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await production.token([tenant])}`, "x-company-id": tenant },
      body: JSON.stringify({ query: `query($o: [ClientOrder!]) { clients(orderBy: $o) { totalCount } }`, variables: { o: [{ field: huge }] } }),
    });
    const text = await response.text();
    expect(text.length).toBeLessThan(1_000);
    expect(text).toContain('Value does not exist in \\"ClientOrderField\\" enum.');
  });
});
