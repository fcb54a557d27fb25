import { CredentialsCipher } from "../src/sources/credentials";
import { verifySignature, signatureHeader } from "../src/modules/webhook/signature";
import { dataOf, TestGateway } from "./helpers/harness";
import { newKey } from "./helpers/mutations";

/**
 * Webhook subscriptions through GraphQL (issue 15): webhooks:admin, the secret shown once (not on
 * replay, stored only sealed), the URL checked at create time, tenant isolation, deliveries read.
 */

type Json = Record<string, any>;
/** A payload's record fields need clients:read, as with sources:admin (README, Webhooks). */
const ADMIN = ["webhooks:admin", "clients:read"];
const ERR = "error { code message failures { field message } }";
const SUB = "id url kinds status disabledAt createdAt";
const CREATE = `mutation($url: URL!, $kinds: [ClientChangeKind!], $key: String!, $dryRun: Boolean) {
  createWebhookSubscription(input: { url: $url, kinds: $kinds }, idempotencyKey: $key, dryRun: $dryRun) { subscription { ${SUB} } signingSecret dryRun replayed ${ERR} } }`;
const DELETE = `mutation($id: ID!, $key: String!) { deleteWebhookSubscription(id: $id, idempotencyKey: $key) { subscription { id } signingSecret replayed ${ERR} } }`;
const LIST = `{ webhookSubscriptions { ${SUB} deliveries(first: 2) { nodes { changeId kind status attempts lastError lastStatus } pageInfo { hasNextPage endCursor } } } }`;

let gateway: TestGateway;
let production: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
  production = await TestGateway.start({
    env: { NODE_ENV: "production", JWT_SECRET: "x".repeat(40), SOURCE_CREDENTIALS_KEY: Buffer.alloc(32, 7).toString("base64"), SEED_DEMO: "false", WEBHOOK_ALLOWED_HOSTS: "hooks.allowed.test" },
  });
});
afterAll(async () => {
  await gateway.stop();
  await production.stop();
});

const create = (gw: TestGateway, tenant: string, variables: Json, scopes = ADMIN) =>
  gw.send<Json>(CREATE, { key: newKey(), ...variables }, { tenant, scopes }).then((r) => r);

describe("createWebhookSubscription", () => {
  it("shows the signing secret once, stores it sealed, and a replay does not show it", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const first = dataOf(await create(gateway, tenant, { url: "http://127.0.0.1:9/hook", kinds: ["CREATED", "UPDATED"], key })).createWebhookSubscription;
    expect(first.error).toBeNull();
    expect(first.replayed).toBe(false);
    expect(first.signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(first.subscription).toMatchObject({ url: "http://127.0.0.1:9/hook", kinds: ["CREATED", "UPDATED"], status: "ACTIVE", disabledAt: null });

    const replay = dataOf(await create(gateway, tenant, { url: "http://127.0.0.1:9/hook", kinds: ["CREATED", "UPDATED"], key })).createWebhookSubscription;
    expect(replay).toMatchObject({ replayed: true, signingSecret: null, error: null, subscription: { id: first.subscription.id } });

    // Stored sealed (it opens with the gateway's key to the secret shown), and nowhere else in clear.
    const [row] = await gateway.dataSource.query(`SELECT secret FROM webhook_subscription WHERE id = $1`, [first.subscription.id]);
    expect(row.secret).not.toContain(first.signingSecret);
    expect(new CredentialsCipher(gateway.config.sourceCredentialsKey).decrypt(row.secret).apiKey).toBe(first.signingSecret);
    const stored = await gateway.dataSource.query(`SELECT payload::text AS payload FROM idempotency_key WHERE tenant_id = $1`, [tenant]);
    expect(stored.length).toBe(1);
    expect(stored[0].payload).not.toContain(first.signingSecret);
    expect(gateway.logLines.join("\n")).not.toContain(first.signingSecret);

    // The secret is what the receiver checks signatures with.
    const body = '{"id":"1"}';
    expect(verifySignature(first.signingSecret, body, signatureHeader(first.signingSecret, body, new Date()))).toBe(true);
  });

  it("writes nothing in a dry run and shows no secret", async () => {
    const tenant = gateway.newTenant();
    const result = dataOf(await create(gateway, tenant, { url: "http://127.0.0.1:9/hook", dryRun: true })).createWebhookSubscription;
    expect(result).toMatchObject({ dryRun: true, subscription: null, signingSecret: null, error: null });
    expect(dataOf(await gateway.send<Json>(LIST, {}, { tenant, scopes: ADMIN })).webhookSubscriptions).toEqual([]);
  });

  it("needs webhooks:admin, to create and to list", async () => {
    const tenant = gateway.newTenant();
    const refused = await create(gateway, tenant, { url: "https://example.com/hook" }, ["clients:read", "clients:write"]);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const list = await gateway.send<Json>(LIST, {}, { tenant, scopes: ["clients:read"] });
    expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("answers ids and the secret with webhooks:admin alone", async () => {
    const tenant = gateway.newTenant();
    const result = dataOf(
      await gateway.send<Json>(`mutation($key: String!) { createWebhookSubscription(input: { url: "http://127.0.0.1:9/x" }, idempotencyKey: $key) { subscription { id } signingSecret ${ERR} } }`, { key: newKey() }, { tenant, scopes: ["webhooks:admin"] }),
    ).createWebhookSubscription;
    expect(result).toMatchObject({ error: null, subscription: { id: expect.any(String) }, signingSecret: expect.stringMatching(/^whsec_/) });
  });

  it("refuses a URL that is not http(s), with its field", async () => {
    const tenant = gateway.newTenant();
    const result = dataOf(await create(gateway, tenant, { url: "ftp://example.com/x" })).createWebhookSubscription;
    expect(result.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "input.url", message: "Must be an http or https URL" }] });
  });

  it.each([
    ["loopback", "http://127.0.0.1:8080/hook"],
    ["link-local", "http://169.254.169.254/latest/meta-data"],
    ["private 10/8", "http://10.0.0.1/hook"],
    ["IPv6 loopback", "http://[::1]/hook"],
    ["IPv4-mapped IPv6", "http://[::ffff:127.0.0.1]/hook"],
    ["a name resolving to loopback", "http://localhost:8080/hook"],
  ])("in production refuses %s at create time, writing nothing", async (_name, url) => {
    const tenant = production.newTenant();
    const result = dataOf(await create(production, tenant, { url })).createWebhookSubscription;
    expect(result.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "input.url" }] });
    expect(result.signingSecret).toBeNull();
    const [{ n }] = await production.dataSource.query(`SELECT count(*)::int AS n FROM webhook_subscription WHERE tenant_id = $1`, [tenant]);
    expect(n).toBe(0);
  });

  it("in production accepts a host WEBHOOK_ALLOWED_HOSTS names even unresolvable elsewhere", async () => {
    // hooks.allowed.test does not resolve: allowed by name, it still has to resolve, so it is refused as unresolvable, not as private.
    const tenant = production.newTenant();
    const result = dataOf(await create(production, tenant, { url: "http://hooks.allowed.test/x" })).createWebhookSubscription;
    expect(result.error?.failures?.[0]?.message).toBe("The host name does not resolve");
  });
});

describe("webhookSubscriptions and deleteWebhookSubscription", () => {
  it("lists the company's own subscriptions only, with their deliveries, and deletes one", async () => {
    const [a, b] = [gateway.newTenant(), gateway.newTenant()];
    const mine = dataOf(await create(gateway, a, { url: "http://127.0.0.1:9/a" })).createWebhookSubscription.subscription;
    dataOf(await create(gateway, b, { url: "http://127.0.0.1:9/b" }));
    // Deliveries as the fan-out writes them.
    for (const [changeId, status, attempts, lastError, lastStatus] of [
      [101, "DELIVERED", 1, null, 204],
      [102, "PENDING", 3, "HTTP 500", 500],
      [103, "PENDING", 1, "Timed out", null],
    ] as const) {
      await gateway.dataSource.query(
        `INSERT INTO webhook_delivery (tenant_id, subscription_id, change_id, client_id, kind, body, status, attempts, last_error, last_status, next_attempt_at)
         VALUES ($1, $2, $3, 1, 'UPDATED', '{}', $4, $5, $6, $7, now())`,
        [a, mine.id, changeId, status, attempts, lastError, lastStatus],
      );
    }
    const listed = dataOf(await gateway.send<Json>(LIST, {}, { tenant: a, scopes: ADMIN })).webhookSubscriptions;
    expect(listed.map((s: Json) => s.url)).toEqual(["http://127.0.0.1:9/a"]);
    expect(listed[0].deliveries.nodes).toEqual([
      { changeId: "103", kind: "UPDATED", status: "PENDING", attempts: 1, lastError: "Timed out", lastStatus: null },
      { changeId: "102", kind: "UPDATED", status: "PENDING", attempts: 3, lastError: "HTTP 500", lastStatus: 500 },
    ]);
    expect(listed[0].deliveries.pageInfo.hasNextPage).toBe(true);
    const next = dataOf(
      await gateway.send<Json>(`query($after: String) { webhookSubscriptions { deliveries(first: 2, after: $after) { nodes { changeId } pageInfo { hasNextPage } } } }`, { after: listed[0].deliveries.pageInfo.endCursor }, { tenant: a, scopes: ADMIN }),
    ).webhookSubscriptions;
    expect(next[0].deliveries).toEqual({ nodes: [{ changeId: "101" }], pageInfo: { hasNextPage: false } });

    // B can't delete A's.
    const notFound = dataOf(await gateway.send<Json>(DELETE, { id: mine.id, key: newKey() }, { tenant: b, scopes: ADMIN })).deleteWebhookSubscription;
    expect(notFound.error.code).toBe("NOT_FOUND");
    const deleted = dataOf(await gateway.send<Json>(DELETE, { id: mine.id, key: newKey() }, { tenant: a, scopes: ADMIN })).deleteWebhookSubscription;
    expect(deleted).toMatchObject({ error: null, subscription: { id: mine.id }, signingSecret: null });
    expect(dataOf(await gateway.send<Json>(LIST, {}, { tenant: a, scopes: ADMIN })).webhookSubscriptions).toEqual([]);
    const [{ n }] = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM webhook_delivery WHERE subscription_id = $1`, [mine.id]);
    expect(n).toBe(0);
  });
});
