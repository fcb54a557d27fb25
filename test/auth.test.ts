import { getNamedType, GraphQLObjectType, isObjectType } from "graphql";
import { SignJWT } from "jose";
import { isOutcomeType } from "../src/auth/read-scope";
import { buildGatewaySchema } from "../src/schema";
import { ClientsPageDocument } from "./generated/graphql";
import { loadConfig } from "../src/config";
import { TestGateway } from "./helpers/harness";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

const variables = { withTotal: false };
const secret = () => new TextEncoder().encode(gateway.config.jwtSecret!);

function sign(claims: Record<string, unknown>, options: { expiresIn?: string; secret?: Uint8Array; alg?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? "HS256" })
    .setSubject("someone")
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "5m")
    .sign(options.secret ?? secret());
}

async function expectRefused(authorization: string, tenant: string | undefined, code: string, status: number) {
  const response = await gateway.call(ClientsPageDocument, variables, { tenant, authorization });
  expect({ status: response.status, code: response.errors?.[0]?.extensions?.code, data: response.data ?? null }).toEqual({
    status,
    code,
    data: null,
  });
  expect(response.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));
}

describe("authentication", () => {
  it("refuses a request without a token: UNAUTHENTICATED", async () => {
    const response = await gateway.send("{ clients { totalCount } }", {}, {});
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("answers 401 with an RFC 6750 challenge: the realm alone without a token, invalid_token for a refused one", async () => {
    const post = (authorization?: string) =>
      fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-company-id": "1", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ query: "{ clients { totalCount } }" }),
      });
    const none = await post();
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="client-data-gateway"');
    for (const refused of ["Bearer not.a.jwt", "Basic dXNlcjpwYXNz"]) {
      const response = await post(refused);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="client-data-gateway", error="invalid_token", error_description="[^"]+"$/);
    }
    const allowed = await post(`Bearer ${await gateway.token(["1"])}`);
    expect(allowed.headers.get("www-authenticate")).toBeNull();
  });

  it("refuses a malformed Authorization header", async () => {
    await expectRefused("Basic dXNlcjpwYXNz", "1", "UNAUTHENTICATED", 401);
    await expectRefused("Bearer not.a.jwt", "1", "UNAUTHENTICATED", 401);
  });

  it("refuses a token signed with another secret", async () => {
    const token = await sign({ companies: ["1"], scope: "clients:read" }, { secret: new TextEncoder().encode("x".repeat(40)) });
    await expectRefused(`Bearer ${token}`, "1", "UNAUTHENTICATED", 401);
  });

  it("refuses an expired token (beyond the 30 s tolerance)", async () => {
    const token = await sign({ companies: ["1"], scope: "clients:read" }, { expiresIn: "-2m" });
    await expectRefused(`Bearer ${token}`, "1", "UNAUTHENTICATED", 401);
  });

  it("refuses a token signed with another algorithm", async () => {
    const token = await sign({ companies: ["1"], scope: "clients:read" }, { alg: "HS512" });
    await expectRefused(`Bearer ${token}`, "1", "UNAUTHENTICATED", 401);
  });

  it("refuses an unsigned token (alg none)", async () => {
    const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const token = `${encode({ alg: "none", typ: "JWT" })}.${encode({ sub: "x", companies: ["1"], scope: "clients:read", exp: 9999999999 })}.`;
    await expectRefused(`Bearer ${token}`, "1", "UNAUTHENTICATED", 401);
  });

  it("refuses a token without companies", async () => {
    const token = await sign({ scope: "clients:read" });
    await expectRefused(`Bearer ${token}`, "1", "UNAUTHENTICATED", 401);
  });
});

describe("one message for every UNAUTHENTICATED", () => {
  it("says nothing of why: no token, a bad one, or a well-signed one lacking sub or companies", async () => {
    const tenant = gateway.newTenant();
    const good = await sign({ companies: [tenant], scope: "clients:read" });
    const refusals: Record<string, string> = {
      "no token": "",
      "another scheme": "Basic dXNlcjpwYXNz",
      "not a JWT": "Bearer not.a.jwt",
      "another secret": `Bearer ${await sign({ companies: [tenant] }, { secret: new TextEncoder().encode("x".repeat(40)) })}`,
      "expired": `Bearer ${await sign({ companies: [tenant] }, { expiresIn: "-2m" })}`,
      "a forged signature": `Bearer ${good.slice(0, -4)}AAAA`,
      "living too long": `Bearer ${await sign({ companies: [tenant] }, { expiresIn: "30d" })}`,
      // Signed with the right secret: a different message here would tell that the signature passed.
      "without companies": `Bearer ${await sign({ scope: "clients:read" })}`,
      "without sub": `Bearer ${await new SignJWT({ companies: [tenant] }).setProtectedHeader({ alg: "HS256" }).setIssuedAt().setExpirationTime("5m").sign(secret())}`,
      "with a 256-character sub": `Bearer ${await new SignJWT({ companies: [tenant] }).setProtectedHeader({ alg: "HS256" }).setSubject("s".repeat(256)).setIssuedAt().setExpirationTime("5m").sign(secret())}`,
    };
    const answers: Record<string, unknown> = {};
    for (const [name, authorization] of Object.entries(refusals)) {
      const response = await gateway.send(`{ clientsSummary { accessibleClients } }`, {}, { tenant, authorization });
      answers[name] = { status: response.status, code: response.errors?.[0]?.extensions?.code, message: response.errors?.[0]?.message };
    }
    const expected = { status: 401, code: "UNAUTHENTICATED", message: "The bearer token is missing, invalid or expired" };
    expect(answers).toEqual(Object.fromEntries(Object.keys(refusals).map((name) => [name, expected])));
  });
});

describe("token lifetime (JWT_MAX_LIFETIME_HOURS, 24 by default)", () => {
  const HOUR = 3600;
  const claims = (tenant: string) => ({ sub: "someone", companies: [tenant], scope: "clients:read" });
  /** A token with exactly these `iat`/`exp` (seconds; `iat: null` leaves it out). */
  const signTimes = (tenant: string, iat: number | null, exp: number, key: Uint8Array = secret()) =>
    new SignJWT({ ...claims(tenant), ...(iat === null ? {} : { iat }), exp }).setProtectedHeader({ alg: "HS256" }).sign(key);
  const status = async (token: string, tenant: string, target = gateway) =>
    (await target.send(`{ clientsSummary { accessibleClients } }`, {}, { tenant, authorization: `Bearer ${token}` })).status;
  const now = () => Math.floor(Date.now() / 1000);

  it("refuses a token that lives longer than 24 h, measured as exp - iat", async () => {
    const tenant = gateway.newTenant();
    expect(await status(await signTimes(tenant, now(), Date.UTC(9999, 0, 1) / 1000), tenant)).toBe(401);
    expect(await status(await signTimes(tenant, now(), now() + 25 * HOUR), tenant)).toBe(401);
    // Issued 20 h ago for 25 h: still refused, though only 5 h remain.
    expect(await status(await signTimes(tenant, now() - 20 * HOUR, now() + 5 * HOUR), tenant)).toBe(401);
    expect(await status(await signTimes(tenant, now(), now() + 24 * HOUR), tenant)).toBe(200);
    expect(await status(await signTimes(tenant, now(), now() + 5 * 60), tenant)).toBe(200);
  });

  it("measures a token without iat as exp - now, and one issued in the future from now", async () => {
    const tenant = gateway.newTenant();
    expect(await status(await signTimes(tenant, null, now() + 25 * HOUR), tenant)).toBe(401);
    expect(await status(await signTimes(tenant, null, now() + 23 * HOUR), tenant)).toBe(200);
    // "Issued" in 2090 for one hour: usable from now until then.
    const future = Date.UTC(2090, 0, 1) / 1000;
    expect(await status(await signTimes(tenant, future, future + HOUR), tenant)).toBe(401);
  });

  it("takes its maximum from JWT_MAX_LIFETIME_HOURS", async () => {
    const weekly = await TestGateway.start({ env: { JWT_MAX_LIFETIME_HOURS: String(7 * 24) } });
    const hourly = await TestGateway.start({ env: { JWT_MAX_LIFETIME_HOURS: "1" } });
    try {
      const tenant = gateway.newTenant();
      const key = new TextEncoder().encode(weekly.config.jwtSecret!);
      const threeDays = await signTimes(tenant, now(), now() + 72 * HOUR, key);
      expect(await status(threeDays, tenant, weekly)).toBe(200);
      expect(await status(await signTimes(tenant, now(), now() + 8 * 24 * HOUR, key), tenant, weekly)).toBe(401);
      expect(await status(await signTimes(tenant, now(), now() + 2 * HOUR, key), tenant, hourly)).toBe(401);
      expect(await status(await signTimes(tenant, now(), now() + 30 * 60, key), tenant, hourly)).toBe(200);
    } finally {
      await weekly.stop();
      await hourly.stop();
    }
  });

  it("refuses a setting of less than 1 hour", () => {
    expect(() => loadConfig({ NODE_ENV: "test", JWT_MAX_LIFETIME_HOURS: "0" })).toThrow(/JWT_MAX_LIFETIME_HOURS/);
  });
});

describe("tenant and scope", () => {
  it("refuses a company the token does not allow: FORBIDDEN", async () => {
    const token = await gateway.token(["1"]);
    await expectRefused(`Bearer ${token}`, "2", "FORBIDDEN", 403);
  });

  it("requires X-Company-Id", async () => {
    const token = await gateway.token(["1"]);
    await expectRefused(`Bearer ${token}`, undefined, "BAD_USER_INPUT", 400);
  });

  it("refuses a query without the clients:read scope: FORBIDDEN, and runs no SQL", async () => {
    const tenant = gateway.newTenant();
    const response = await gateway.call(ClientsPageDocument, variables, { tenant, scopes: ["clients:write"] });
    expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(response.errors?.[0]?.message).toContain("clients:read");
    expect(gateway.lastRequest().stats.statements).toBe(0);
  });

  it("answers a token that allows the company and has the scope", async () => {
    const tenant = gateway.newTenant();
    const response = await gateway.call(ClientsPageDocument, variables, { tenant, companies: ["other", tenant] });
    expect(response.errors).toBeUndefined();
    expect(response.data?.clients.edges).toEqual([]);
    expect(response.extensions?.requestId).toEqual(expect.any(String));
  });
});

describe("clients:write without clients:read", () => {
  const WRITE_ONLY = ["clients:write"];
  const create = (selection: string, fragments = "") =>
    `mutation Create($key: String!) { createClient(input: { name: "Write Only AB", countryCode: "SE" }, idempotencyKey: $key) { ${selection} } } ${fragments}`;

  it("answers a mutation's outcome: error, replay and the record's ids", async () => {
    const tenant = gateway.newTenant();
    const response = await gateway.send<{ createClient: { client: { id: string } } }>(
      create("error { code } replayed client { id uniqueId updatedAt __typename }"),
      { key: "w-1" },
      { tenant, scopes: WRITE_ONLY },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.createClient.client.id).toEqual(expect.any(String));
  });

  it("sorts every type a payload reaches into outcome (readable) or a record's data (needs clients:read)", async () => {
    const schema = await buildGatewaySchema();
    const data = new Set<string>();
    const walk = (type: GraphQLObjectType, seen: Set<string>) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (!isObjectType(named)) continue;
        if (isOutcomeType(named.name)) walk(named, seen);
        else data.add(named.name);
      }
    };
    walk(schema.getMutationType()!, new Set());
    // A new type here is a choice: what the write did (make it an outcome type) or what a record holds.
    expect([...data].sort()).toEqual([
      "BankAccount", "BankAccountPreview", "Client", "ClientContract", "ClientContractPreview", "ClientParameter", "ClientParameterPreview",
      "ClientPreview", "DirectDebitMandate", "DirectDebitMandatePreview", "ExternalIdentifier", "ExternalIdentifierPreview", "ExtraField",
      "ExtraFieldPreview", "FactoringLoanContract", "FactoringLoanContractPreview", "FactoringPurchaseContract", "FactoringPurchaseContractPreview",
      "Pricelist", "PricelistPreview",
      // A source's definition and a run are data too: reading them needs clients:read (SOURCES.md), also in a payload.
      "SourceSystem", "SyncRun",
      // A company's source precedence: read with clients:read (sourcePrecedence), so in a payload too.
      "FieldGroupPrecedence",
      // The company's templates and pricelist services: read with clients:read (pricelistOptions, parameterTemplates, ...).
      "PricelistService", "PricelistServicePreview", "PricelistTemplate", "PricelistTemplatePreview", "ParameterTemplate", "ParameterTemplatePreview",
      "ChartOfAccountTemplate", "ChartOfAccountTemplatePreview",
      // A custom action's run and where it would go: read with clients:read (clientActionRun).
      "ClientActionRun", "ClientActionPreview",
      // A webhook subscription and its deliveries: in a payload with clients:read, as a source's definition (README, Webhooks).
      "WebhookSubscription",
    ].sort());
  });

  it("answers a bulk create's summary and each result's outcome: counts of its own inputs", async () => {
    const tenant = gateway.newTenant();
    const response = await gateway.send<{ bulkCreateClients: unknown }>(
      `mutation Bulk($key: String!) { bulkCreateClients(inputs: [{ name: "One AB", countryCode: "SE" }, { name: "", countryCode: "SE" }], idempotencyKey: $key) {
        error { code } replayed dryRun summary { total succeeded failed } results { ok requestIndex error { code } client { id } } } }`,
      { key: "w-bulk" },
      { tenant, scopes: WRITE_ONLY },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.bulkCreateClients).toMatchObject({
      error: null,
      summary: { total: 2, succeeded: 1, failed: 1 },
      results: [{ ok: true, requestIndex: 0, error: null, client: { id: expect.any(String) } }, { ok: false, requestIndex: 1, error: { code: "INVALID_DATA" }, client: null }],
    });
  });

  it.each([
    ["a client field", create("client { id name }"), "Client.name"],
    [
      "a bulk result's client field",
      `mutation Bulk($key: String!) { bulkCreateClients(inputs: [{ name: "One AB" }], idempotencyKey: $key) { summary { total } results { client { id name } } } }`,
      "Client.name",
    ],
    [
      "a bulk result's preview",
      `mutation Bulk($key: String!) { bulkCreateClients(inputs: [{ name: "One AB" }], idempotencyKey: $key, dryRun: true) { summary { total } results { preview { name } } } }`,
      "ClientPreview.name",
    ],
    ["a relation", create("client { id bankAccounts { id } }"), "Client.bankAccounts"],
    ["a field through a fragment", create("client { ...Contact }", "fragment Contact on Client { email }"), "Client.email"],
  ])("refuses reading %s: FORBIDDEN before anything runs or is written", async (_name, query, field) => {
    const tenant = gateway.newTenant();
    const response = await gateway.send(query, { key: "w-2" }, { tenant, scopes: WRITE_ONLY });
    expect({ status: response.status, code: response.errors?.[0]?.extensions?.code, message: response.errors?.[0]?.message, data: response.data ?? null }).toEqual({
      status: 403,
      code: "FORBIDDEN",
      message: `Reading ${field} needs the scope clients:read`,
      data: null,
    });
    expect(gateway.lastRequest().stats.statements).toBe(0);
    const [{ count }] = await gateway.dataSource.query(`SELECT count(*)::int AS count FROM client WHERE tenant_id = $1`, [tenant]);
    expect(count).toBe(0);
    // With clients:read as well, the same request is answered.
    const allowed = await gateway.send(query, { key: "w-2" }, { tenant, scopes: ["clients:read", ...WRITE_ONLY] });
    expect(allowed.errors).toBeUndefined();
  });
});
