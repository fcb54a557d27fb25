import { Client } from "pg";
import { TestGateway, dataOf } from "./helpers/harness";
import { newKey, WRITER } from "./helpers/mutations";

/**
 * One tenant's requests that hold connections for long (here: updates queued behind a row lock
 * the test holds, as slow searches or long writes would) must not starve another tenant: the
 * connection gate keeps part of the pool for the others.
 */
describe("a tenant flooding the server", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start({ poolSize: 4, env: { DB_CONNECTION_TIMEOUT_MS: "1500" } });
  });
  afterAll(() => gateway.stop());

  it.each([
    ["one company", 1],
    ["a token for two companies, flooding both", 2],
  ])("leaves another tenant served at once while the flood waits its turn: %s", async (_name, companies) => {
    const flooders = Array.from({ length: companies }, () => gateway.newTenant());
    const other = gateway.newTenant();
    // The flood comes from one caller (its own subject); the other tenant's user is someone else.
    const as = (tenant: string) => ({ tenant, companies: flooders, scopes: WRITER, subject: "flooder" });
    const ids: string[] = [];
    for (const tenant of flooders) {
      const created = await gateway.send<{ createClient: { client: { id: string } } }>(
        `mutation($k: String!) { createClient(input: { name: "Locked AB" }, idempotencyKey: $k) { client { id } } }`,
        { k: newKey() },
        as(tenant),
      );
      ids.push(dataOf(created).createClient.client.id);
    }

    // Hold the clients' rows so that every update of them waits, holding its connection. (On a
    // connection of the test's own, outside the gateway's pool.)
    const lock = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await lock.connect();
    // pg_stat_activity is read outside the lock's transaction (which would see one snapshot of it).
    const monitor = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await monitor.connect();
    await lock.query("BEGIN");
    await lock.query("SELECT 1 FROM client WHERE id = ANY($1) FOR UPDATE", [ids]);
    let floods: Promise<{ status: number; code: unknown }>[] = [];
    try {
      floods = Array.from({ length: 8 }, (_, i) =>
        gateway
          .send(
            `mutation($id: ID!, $k: String!, $n: String!) { updateClient(id: $id, patch: { name: $n }, idempotencyKey: $k) { error { code } } }`,
            { id: ids[i % companies], k: newKey(), n: `Flood ${i}` },
            as(flooders[i % companies]),
          )
          .then((response) => ({ status: response.status, code: response.errors?.[0]?.extensions?.code ?? null })),
      );
      // Wait until the flooder holds every connection it may: three of four are blocked on the lock.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const { rows } = await monitor.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
          [gateway.applicationName],
        );
        const [{ waiting }] = rows;
        if (waiting >= 3) break;
        if (Date.now() > deadline) throw new Error(`only ${waiting} updates are waiting on the lock`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      // Another tenant is answered at once, again and again, while the flood waits.
      for (let i = 0; i < 5; i += 1) {
        const started = Date.now();
        const response = await gateway.send(`{ clients(first: 1) { totalCount } }`, {}, { tenant: other });
        expect({ status: response.status, data: response.data }).toEqual({ status: 200, data: { clients: { totalCount: 0 } } });
        expect(Date.now() - started).toBeLessThan(1_000);
      }
    } finally {
      await lock.query("COMMIT");
      await lock.end();
      await monitor.end();
    }
    // The flood itself either went through once the lock was gone or was told to retry (503):
    // never an internal error.
    const outcomes = await Promise.all(floods);
    for (const outcome of outcomes) expect([JSON.stringify({ status: 200, code: null }), JSON.stringify({ status: 503, code: "SERVICE_UNAVAILABLE" })]).toContain(JSON.stringify(outcome));
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThanOrEqual(3);
  });
});

describe("one request holds one connection at a time", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // A pool of 2: one permit per tenant, so a request that wanted a second would wait for itself.
    gateway = await TestGateway.start({ poolSize: 2, env: { DB_CONNECTION_TIMEOUT_MS: "1000" } });
  });
  afterAll(() => gateway.stop());

  it("even when a failed payload field leaves loaders pending while the next mutation writes", async () => {
    const tenant = gateway.newTenant();
    const create = `mutation($k: String!, $input: CreateClientInput!) { createClient(input: $input, idempotencyKey: $k) { client { id } } }`;
    const parent = dataOf(await gateway.send<{ createClient: { client: { id: string } } }>(create, { k: newKey(), input: { name: "Parent AB" } }, { tenant, scopes: WRITER })).createClient.client.id;
    dataOf(await gateway.send(create, { k: newKey(), input: { name: "Child AB", parentId: parent } }, { tenant, scopes: WRITER }));
    // history(after: "garbage") fails and nulls `client` while its children's bank accounts are
    // still loading; the next mutation then writes while those loaders read.
    const response = await gateway.send<{ b: { error: null } }>(
      `mutation($id: ID!, $k1: String!, $k2: String!) {
        a: updateClient(id: $id, patch: { notes: "a" }, idempotencyKey: $k1) { client { children { bankAccounts { id } history(after: "garbage") { nodes { operation } } } } }
        b: updateClient(id: $id, patch: { notes: "b" }, idempotencyKey: $k2) { error { code } client { notes } }
      }`,
      { id: parent, k1: newKey(), k2: newKey() },
      { tenant, scopes: WRITER },
    );
    expect(response.status).toBe(200);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(response.data?.b).toEqual({ error: null, client: { notes: "b" } });
  });
});

describe("a mutation's follow-up that can't get a connection", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start({ poolSize: 2, viesTimeoutMs: 1000, env: { DB_CONNECTION_TIMEOUT_MS: "500" } });
  });
  afterAll(() => gateway.stop());

  it("leaves the committed result standing: the create answers its client, not 503", async () => {
    const tenant = gateway.newTenant();
    const create = `mutation($k: String!, $input: CreateClientInput!) { createClient(input: $input, idempotencyKey: $k) { error { code } client { id vatNumberValidated } } }`;
    const other = dataOf(await gateway.send<{ createClient: { client: { id: string } } }>(create, { k: newKey(), input: { name: "Busy AB" } }, { tenant, scopes: WRITER })).createClient.client.id;
    const orgNumber = "5560360793";
    gateway.vies.setBehaviour(`${orgNumber}01`, "slow");
    const arrived = gateway.vies.nextRequest();
    const pending = gateway.send<{ createClient: { error: null; client: { id: string; vatNumberValidated: boolean } } }>(
      create,
      { k: newKey(), input: { name: "Checked AB", countryCode: "SE", orgNumber, vatNumber: `SE${orgNumber}01` } },
      { tenant, scopes: WRITER },
    );
    await arrived; // committed; its VIES check is waiting

    // Meanwhile another request of the tenant takes its one connection and holds it.
    const lock = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await lock.connect();
    await lock.query("BEGIN");
    await lock.query("SELECT 1 FROM client WHERE id = $1 FOR UPDATE", [other]);
    let busy: Promise<unknown> | undefined;
    try {
      busy = gateway.send(`mutation($id: ID!, $k: String!) { updateClient(id: $id, patch: { notes: "busy" }, idempotencyKey: $k) { error { code } } }`, { id: other, k: newKey() }, { tenant, scopes: WRITER });
      const response = await pending;
      expect(response.status).toBe(200);
      expect(response.data?.createClient).toMatchObject({ error: null, client: { vatNumberValidated: false } });
    } finally {
      await lock.query("COMMIT");
      await lock.end();
      await busy;
    }
  });
});
