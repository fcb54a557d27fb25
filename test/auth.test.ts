import { SignJWT } from "jose";
import { ClientsPageDocument } from "./generated/graphql";
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

  it.each([
    ["a client field", create("client { id name }"), "Client.name"],
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
