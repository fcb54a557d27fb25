import { randomUUID } from "node:crypto";
import { createServer, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "pg";
import { verifySignature } from "../src/modules/webhook/signature";
import { WebhookWorker } from "../src/modules/webhook/webhook.worker";
import { CredentialsCipher } from "../src/sources/credentials";
import { JobQueue, startJobQueue, WEBHOOK_ROUND_QUEUE } from "../src/sync/jobs";
import { dataOf, TestGateway } from "./helpers/harness";
import { newKey, swedishOrgNumber, WRITER } from "./helpers/mutations";
import { waitFor } from "./helpers/wait";

/**
 * Webhook rounds run as jobs of the queue the syncs use (pg-boss, WEBHOOK_ROUND_QUEUE): two
 * JobQueues on one pg-boss schema stand for two gateway processes; a round offered by either is
 * run by one of them, and the change reaches the receiver once, signed.
 */
const url = () => process.env.TEST_DATABASE_URL!;
const schema = `pgboss_wh_${randomUUID().slice(0, 8)}`;
let gateway: TestGateway;
let receiver: Server;
let receiverUrl: string;
const queues: JobQueue[] = [];
const hits: { deliveryId: string; raw: string; signature: string }[] = [];

beforeAll(async () => {
  gateway = await TestGateway.start();
  receiver = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      hits.push({ deliveryId: String(req.headers["gateway-delivery-id"]), raw, signature: String(req.headers["gateway-signature"]) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const worker = () =>
    new WebhookWorker({
      dataSource: gateway.dataSource,
      credentials: new CredentialsCipher(gateway.config.sourceCredentialsKey),
      policy: { allowPrivate: true, allowedHosts: new Set() },
      schedule: { firstMs: 20, maxMs: 100, giveUpMs: 60_000 },
      // Long enough for a loaded machine: an attempt cut short while the receiver got it would be sent twice.
      timeoutMs: 15_000,
      concurrency: 2,
    });
  for (let i = 0; i < 2; i++) {
    const w = worker();
    queues.push(await startJobQueue({ url: url(), schema, pollingIntervalMs: 500, maintenanceIntervalSeconds: false, handlers: { [WEBHOOK_ROUND_QUEUE]: () => w.runOnce() } }));
  }
});

afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop()));
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  const client = new Client({ connectionString: url() });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
  await gateway.stop();
});

it("delivers a change through a round offered on the job queue, once, signed", async () => {
  const tenant = gateway.newTenant();
  const created = dataOf(
    await gateway.send<Record<string, any>>(
      `mutation($url: URL!, $key: String!) { createWebhookSubscription(input: { url: $url }, idempotencyKey: $key) { subscription { id } signingSecret error { code } } }`,
      { url: receiverUrl, key: newKey() },
      { tenant, scopes: ["webhooks:admin", "clients:read"] },
    ),
  ).createWebhookSubscription;
  expect(created.error).toBeNull();
  const client = dataOf(
    await gateway.send<Record<string, any>>(
      `mutation($input: CreateClientInput!, $key: String!) { createClient(input: $input, idempotencyKey: $key) { client { id } error { code } } }`,
      { input: { name: "Queued", clientType: "BUSINESS", orgNumber: swedishOrgNumber(9101), countryCode: "SE" }, key: newKey() },
      { tenant, scopes: WRITER },
    ),
  ).createClient.client;
  // Both "processes" offer a round; the stately queue keeps at most one waiting.
  const offered = await Promise.all(queues.map((q) => q.offerWebhookRound()));
  expect(offered).toContain(true);
  // As each process's ticker does (WEBHOOK_POLL_MS): a round offered while one runs, or an attempt
  // that failed on a loaded machine, is taken up by a later round.
  const [hit] = await waitFor("the delivery", async () => {
    if (hits.length > 0) return hits;
    await queues[0].offerWebhookRound();
    return null;
  });
  expect(JSON.parse(hit.raw)).toMatchObject({ kind: "CREATED", clientId: client.id, resource: null });
  expect(verifySignature(created.signingSecret, hit.raw, hit.signature)).toBe(true);
  // Another round finds nothing more to send.
  await queues[1].offerWebhookRound();
  await waitFor("the queue idle", async () => {
    const [{ open }] = await gateway.dataSource.query(`SELECT count(*)::int AS open FROM "${schema}".job WHERE name = $1 AND state < 'completed'`, [WEBHOOK_ROUND_QUEUE]);
    return open === 0;
  });
  expect(hits).toHaveLength(1);
});
