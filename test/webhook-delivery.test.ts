import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CredentialsCipher } from "../src/sources/credentials";
import { verifySignature } from "../src/modules/webhook/signature";
import { countPendingDeliveries, WebhookWorker } from "../src/modules/webhook/webhook.worker";
import { GatewayMetrics } from "../src/observability/metrics";
import { dataOf, TestGateway } from "./helpers/harness";
import { newKey, swedishOrgNumber } from "./helpers/mutations";
import { waitFor } from "./helpers/wait";

/**
 * Webhook delivery end to end (issue 15): real changes from the feed (GraphQL writes), the real
 * worker against a local receiver that verifies signatures: retries on 500 and on a timeout, order
 * per client, tenant isolation, a subscription disabled after failing for the give-up period.
 */

type Json = Record<string, any>;
const HOOKS = ["webhooks:admin", "clients:read"];
const WRITER = ["clients:read", "clients:write"];

interface Hit {
  deliveryId: string;
  body: Json;
  verified: boolean;
  answered: number | "hang";
}

/** The receiver: `answer` decides each response from what arrived (a path per subscription). */
class Receiver {
  readonly hits = new Map<string, Hit[]>();
  readonly secrets = new Map<string, string>();
  answer: (path: string, body: Json, n: number) => number | "hang" = () => 204;
  private server!: Server;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = "";
      req.on("data", (chunk) => (raw += chunk));
      req.on("end", () => {
        const path = req.url ?? "/";
        const list = this.hits.get(path) ?? [];
        this.hits.set(path, list);
        const body = JSON.parse(raw) as Json;
        const answered = this.answer(path, body, list.filter((h) => h.deliveryId === req.headers["gateway-delivery-id"]).length);
        list.push({ deliveryId: String(req.headers["gateway-delivery-id"]), body, verified: verifySignature(this.secrets.get(path) ?? "", raw, String(req.headers["gateway-signature"])), answered });
        if (answered !== "hang") res.writeHead(answered).end("body never stored");
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  delivered(path: string): Hit[] {
    return (this.hits.get(path) ?? []).filter((h) => h.answered === 204);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let gateway: TestGateway;
let worker: WebhookWorker;
const receiver = new Receiver();
// The process's metrics as server.ts wires them to the worker.
const metrics = new GatewayMetrics();
const metric = async (line: RegExp) => Number(line.exec(await metrics.registry.metrics())?.[1] ?? 0);
let orgCounter = 0;
beforeAll(async () => {
  await receiver.start();
  gateway = await TestGateway.start();
  worker = new WebhookWorker({
    dataSource: gateway.dataSource,
    credentials: new CredentialsCipher(gateway.config.sourceCredentialsKey),
    policy: { allowPrivate: true, allowedHosts: new Set() },
    schedule: { firstMs: 20, maxMs: 100, giveUpMs: 60_000 },
    // Long enough that a 204 under the full suite's load is not taken for a timeout (a third attempt).
    timeoutMs: 1_500,
    concurrency: 4,
    onAttempt: (outcome, seconds) => metrics.webhookAttempt(outcome, seconds),
  });
  metrics.watchBacklog(async () => ({}), () => countPendingDeliveries(gateway.dataSource));
  worker.start(25);
});
afterAll(async () => {
  await worker.stop();
  await gateway.stop();
  await receiver.stop();
});

async function subscribe(tenant: string, path: string, kinds?: string[]): Promise<string> {
  const p = dataOf(
    await gateway.send<Json>(
      `mutation($url: URL!, $kinds: [ClientChangeKind!], $key: String!) { createWebhookSubscription(input: { url: $url, kinds: $kinds }, idempotencyKey: $key) { subscription { id } signingSecret error { code message } } }`,
      { url: receiver.url + path, kinds: kinds ?? null, key: newKey() },
      { tenant, scopes: HOOKS },
    ),
  ).createWebhookSubscription;
  expect(p.error).toBeNull();
  receiver.secrets.set(path, p.signingSecret);
  return p.subscription.id;
}

async function createClient(tenant: string, name: string): Promise<string> {
  const p = dataOf(
    await gateway.send<Json>(`mutation($input: CreateClientInput!, $key: String!) { createClient(input: $input, idempotencyKey: $key) { client { id } error { code message } } }`, {
      input: { name, countryCode: "SE", orgNumber: swedishOrgNumber(810000 + ++orgCounter) },
      key: newKey(),
    }, { tenant, scopes: WRITER }),
  ).createClient;
  expect(p.error).toBeNull();
  return p.client.id;
}

async function rename(tenant: string, id: string, name: string): Promise<void> {
  const p = dataOf(
    await gateway.send<Json>(`mutation($id: ID!, $name: String!, $key: String!) { updateClient(id: $id, patch: { name: $name }, idempotencyKey: $key) { error { code message } } }`, { id, name, key: newKey() }, { tenant, scopes: WRITER }),
  ).updateClient;
  expect(p.error).toBeNull();
}

const deliveries = (tenant: string) =>
  gateway.send<Json>(`{ webhookSubscriptions { id status disabledAt deliveries(first: 50) { nodes { changeId status attempts lastError lastStatus } } } }`, {}, { tenant, scopes: HOOKS }).then((r) => dataOf(r).webhookSubscriptions);

it("delivers the feed's changes signed, with a stable delivery id, and only the subscribed kinds", async () => {
  const tenant = gateway.newTenant();
  await subscribe(tenant, "/basic");
  await subscribe(tenant, "/updates", ["UPDATED"]);
  const id = await createClient(tenant, "Hooked");
  await rename(tenant, id, "Hooked, renamed");
  await waitFor("both changes delivered", () => receiver.delivered("/basic").length >= 2 && receiver.delivered("/updates").length >= 1);
  const basic = receiver.delivered("/basic");
  expect(basic.map((h) => h.body.kind)).toEqual(["CREATED", "UPDATED"]);
  expect(basic.every((h) => h.verified)).toBe(true);
  expect(Object.keys(basic[1].body).sort()).toEqual(["changedAt", "clientId", "fields", "id", "kind", "resource", "resourceId"]);
  expect(basic[1].body).toMatchObject({ id: expect.any(String), kind: "UPDATED", clientId: id, resource: null, fields: expect.arrayContaining(["name"]) });
  expect(new Set(basic.map((h) => h.deliveryId)).size).toBe(2);
  expect(receiver.delivered("/updates").map((h) => h.body.kind)).toEqual(["UPDATED"]);
  const [sub] = await deliveries(tenant);
  expect(sub.deliveries.nodes.map((d: Json) => [d.status, d.attempts, d.lastError, d.lastStatus])).toEqual([["DELIVERED", 1, null, 204], ["DELIVERED", 1, null, 204]]);
});

it("retries a 500 and a timeout, with the same delivery id, and shows the attempts and last error", async () => {
  const tenant = gateway.newTenant();
  await subscribe(tenant, "/flaky");
  await subscribe(tenant, "/slow");
  receiver.answer = (path, _body, n) => (path === "/flaky" && n === 0 ? 500 : path === "/slow" && n === 0 ? "hang" : 204);
  const attempts = (outcome: string) => metric(new RegExp(`^gateway_webhook_delivery_attempts_total\\{outcome="${outcome}"\\} (\\d+)$`, "m"));
  const [delivered, failed] = [await attempts("delivered"), await attempts("failed")];
  await createClient(tenant, "Flaky");
  await waitFor("delivered after a retry", () => receiver.delivered("/flaky").length === 1 && receiver.delivered("/slow").length === 1);
  for (const path of ["/flaky", "/slow"]) {
    const hits = receiver.hits.get(path)!;
    expect(hits).toHaveLength(2);
    expect(hits[0].deliveryId).toBe(hits[1].deliveryId);
    expect(hits.every((h) => h.verified)).toBe(true);
  }
  const subs = await deliveries(tenant);
  expect(subs.flatMap((s: Json) => s.deliveries.nodes.map((d: Json) => [d.status, d.attempts]))).toEqual([["DELIVERED", 2], ["DELIVERED", 2]]);
  // The metrics: at least the two failed attempts (the 500, the timeout) and the two accepted. At
  // least: this worker serves every tenant of the test database, other test files' too, and
  // deliberately has no tenant label.
  expect(await attempts("failed")).toBeGreaterThanOrEqual(failed + 2);
  expect(await attempts("delivered")).toBeGreaterThanOrEqual(delivered + 2);
  expect(await metric(/^gateway_webhook_delivery_attempt_duration_seconds_count (\d+)$/m)).toBeGreaterThanOrEqual(4);
  expect(await metrics.registry.metrics()).toMatch(/^gateway_webhook_deliveries_pending \d+$/m);
  receiver.answer = () => 204;
});

it("keeps one client's changes in order while another client's go ahead", async () => {
  const tenant = gateway.newTenant();
  await subscribe(tenant, "/order");
  const [slow, fast] = [await createClient(tenant, "Slow"), await createClient(tenant, "Fast")];
  await waitFor("the creations delivered", () => receiver.delivered("/order").length === 2);
  // Slow's first update fails three times; its second must not arrive before it, Fast's may.
  let failures = 0;
  receiver.answer = (path, body) => (path === "/order" && body.clientId === slow && body.kind === "UPDATED" && String(body.fields).includes("name") && failures++ < 3 ? 500 : 204);
  await rename(tenant, slow, "Slow 1");
  await rename(tenant, slow, "Slow 2");
  await rename(tenant, fast, "Fast 1");
  await waitFor("every update delivered", () => receiver.delivered("/order").length === 5);
  const order = receiver.hits.get("/order")!.map((h) => `${h.body.clientId === slow ? "slow" : "fast"}:${h.body.id}:${h.answered}`);
  const slowHits = receiver.hits.get("/order")!.filter((h) => h.body.clientId === slow && h.body.kind === "UPDATED");
  // Every attempt at Slow's second update comes after its first one succeeded.
  const firstOk = slowHits.findIndex((h) => h.answered === 204);
  expect(slowHits.slice(0, firstOk + 1).every((h) => h.deliveryId === slowHits[0].deliveryId)).toBe(true);
  expect(slowHits.slice(firstOk + 1).every((h) => h.deliveryId !== slowHits[0].deliveryId)).toBe(true);
  expect(slowHits.map((h) => Number(h.body.id))).toEqual([...slowHits.map((h) => Number(h.body.id))].sort((a, b) => a - b));
  // Fast did not wait for Slow's retries.
  const fastAt = order.findIndex((o) => o.startsWith("fast:") && o.endsWith(":204") && !order.slice(0, 2).includes(o));
  const slowLastFailure = receiver.hits.get("/order")!.map((h) => h.answered).lastIndexOf(500);
  expect(fastAt).toBeLessThan(slowLastFailure);
  receiver.answer = () => 204;
});

it("never sends another tenant's changes to a subscription", async () => {
  const [a, b] = [gateway.newTenant(), gateway.newTenant()];
  await subscribe(a, "/tenant-a");
  await subscribe(b, "/tenant-b");
  const bClient = await createClient(b, "B's");
  const aClient = await createClient(a, "A's");
  await waitFor("each tenant's own change", () => receiver.delivered("/tenant-a").length === 1 && receiver.delivered("/tenant-b").length === 1);
  expect(receiver.delivered("/tenant-a").map((h) => h.body.clientId)).toEqual([aClient]);
  expect(receiver.delivered("/tenant-b").map((h) => h.body.clientId)).toEqual([bClient]);
});

it("disables a subscription that has failed for the give-up period, and says so", async () => {
  const tenant = gateway.newTenant();
  const id = await subscribe(tenant, "/down");
  receiver.answer = (path) => (path === "/down" ? 503 : 204);
  await createClient(tenant, "Unheard");
  await waitFor("a failed attempt", () => (receiver.hits.get("/down") ?? []).length >= 1);
  // It has been failing for 25 hours: the next failure disables it.
  await gateway.dataSource.query(`UPDATE webhook_subscription SET failing_since = now() - interval '25 hours' WHERE id = $1`, [id]);
  await waitFor("disabled", async () => (await deliveries(tenant))[0].status === "DISABLED");
  const [sub] = await deliveries(tenant);
  expect(sub.disabledAt).toEqual(expect.any(String));
  expect(sub.deliveries.nodes).toEqual([{ changeId: expect.any(String), status: "FAILED", attempts: expect.any(Number), lastError: "HTTP 503", lastStatus: 503 }]);
  receiver.answer = () => 204;
});
