import { TestGateway } from "./helpers/harness";
import { scratchDatabase } from "./helpers/databases";
import { createClients } from "./helpers/fixtures";

const SECRET = "a-production-secret-of-at-least-32-chars";
let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
let production: TestGateway;
let development: TestGateway;
let tenant: string;

beforeAll(async () => {
  // Its own database: one test breaks a table on purpose.
  scratch = await scratchDatabase("production");
  production = await TestGateway.start({ databaseUrl: scratch.url, env: { NODE_ENV: "production", JWT_SECRET: SECRET } });
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
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.message).toContain("introspection");
    expect((await development.send(INTROSPECTION, {}, { tenant })).data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("turns introspection on when configured", async () => {
    const open = await TestGateway.start({ databaseUrl: scratch.url, env: { NODE_ENV: "production", JWT_SECRET: SECRET, INTROSPECTION: "true" } });
    try {
      expect((await open.send(INTROSPECTION, {}, { tenant })).data).toEqual({ __schema: { queryType: { name: "Query" } } });
    } finally {
      await open.stop();
    }
  });

  it("serves no landing page, where development serves Apollo Sandbox", async () => {
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

  it("refuses to start without a JWT secret or JWKS URL", async () => {
    const { loadConfig } = await import("../src/config");
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/JWT_SECRET .* or JWT_JWKS_URL/);
    expect(() => loadConfig({ NODE_ENV: "production", JWT_SECRET: "short" })).toThrow(/at least 32/);
    expect(() => loadConfig({ NODE_ENV: "production", JWT_JWKS_URL: "https://id.example.test/jwks" })).toThrow(/CURSOR_SECRET/);
    expect(loadConfig({ NODE_ENV: "production", JWT_JWKS_URL: "https://id.example.test/jwks", CURSOR_SECRET: SECRET })).toMatchObject({
      jwtSecret: null,
      introspection: false,
      landingPage: false,
    });
  });
});
