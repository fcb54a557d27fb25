import { CredentialsCipher } from "../src/sources/credentials";
import { createClients } from "./helpers/fixtures";
import { dataOf, GraphQLResponse, TestGateway } from "./helpers/harness";
import { countRows, newKey, swedishOrgNumber, swedishPersonalNumber } from "./helpers/mutations";

/**
 * Source systems and syncs through GraphQL (SOURCES.md, GraphQL surface): managing sources with
 * sources:admin, credentials that never come back in any form, starting and cancelling runs, and
 * the provenance a sync leaves on clients (rows inserted here: the engine that writes them runs
 * elsewhere), read through the request's loaders.
 */

type Json = Record<string, any>;

const ADMIN = ["sources:admin", "clients:read"];
const READER = ["clients:read"];

/** Secrets each test sends: none may come back, be logged, or be stored in clear. */
const TOKEN = "crm-bearer-7f3b9c1d-secret";
const NEW_TOKEN = "crm-bearer-rotated-2a8e-secret";
const API_KEY = "aptic-api-key-q9w8e7";
const CLIENT_SECRET = "aptic-oauth-client-secret-z1x2";
const SECRETS = [TOKEN, NEW_TOKEN, API_KEY, CLIENT_SECRET];

let gateway: TestGateway;
let dispatched = 0;
beforeAll(async () => {
  gateway = await TestGateway.start({
    sync: {
      dispatch: async () => {
        dispatched += 1;
      },
    },
  });
});
afterAll(() => gateway.stop());

const ERR = "error { code message failures { field message } }";
const SOURCE = "id kind name baseUrl companyId apiVersion enabled schedule authKind createdAt updatedAt";
const RUN = "id status full queuedAt startedAt finishedAt requestedBy message fetched created updated unchanged archived conflicts failed source { id }";

const CREATE = `mutation Create($input: CreateSourceSystemInput!, $key: String!, $dryRun: Boolean) {
  createSourceSystem(input: $input, idempotencyKey: $key, dryRun: $dryRun) { sourceSystem { ${SOURCE} } ${ERR} dryRun replayed } }`;
const UPDATE = `mutation Update($id: ID!, $patch: UpdateSourceSystemInput!, $at: DateTime, $key: String!, $dryRun: Boolean) {
  updateSourceSystem(id: $id, patch: $patch, expectedUpdatedAt: $at, idempotencyKey: $key, dryRun: $dryRun) { sourceSystem { ${SOURCE} } ${ERR} dryRun replayed } }`;
const DELETE = `mutation Delete($id: ID!, $key: String!, $dryRun: Boolean) {
  deleteSourceSystem(id: $id, idempotencyKey: $key, dryRun: $dryRun) { sourceSystem { id name } ${ERR} dryRun replayed } }`;
const START = `mutation Start($id: ID!, $full: Boolean, $key: String!) { startSync(sourceId: $id, full: $full, idempotencyKey: $key) { run { ${RUN} } ${ERR} replayed } }`;
const CANCEL = `mutation Cancel($id: ID!, $key: String!) { cancelSync(runId: $id, idempotencyKey: $key) { run { ${RUN} } ${ERR} replayed } }`;

const crmInput = (over: Json = {}) => ({
  kind: "CRM",
  name: "Main CRM",
  baseUrl: "https://crm.example.test",
  companyId: "acme",
  apiVersion: "2024-01",
  auth: { bearerToken: TOKEN },
  schedule: "PT15M",
  ...over,
});

async function createSource(tenant: string, input: Json = crmInput(), key = newKey()): Promise<Json> {
  const payload = dataOf(await gateway.send<Json>(CREATE, { input, key }, { tenant, scopes: ADMIN })).createSourceSystem;
  expect(payload.error).toBeNull();
  return payload.sourceSystem;
}

/** Nothing of any secret in a response, the logs, or the tenant's idempotency and audit rows. */
async function expectNoSecret(tenant: string, ...responses: GraphQLResponse<unknown>[]): Promise<void> {
  const texts = [JSON.stringify(responses), gateway.logLines.join("\n")];
  const [keys] = (await gateway.dataSource.query(`SELECT coalesce(string_agg(payload::text || request_hash, '|'), '') AS t FROM idempotency_key WHERE tenant_id = $1`, [tenant])) as { t: string }[];
  const [audit] = (await gateway.dataSource.query(`SELECT coalesce(string_agg(changes::text, '|'), '') AS t FROM audit_entry WHERE tenant_id = $1`, [tenant])) as { t: string }[];
  texts.push(keys.t, audit.t);
  for (const [i, text] of texts.entries()) for (const secret of SECRETS) expect({ i, secret, found: text.includes(secret) }).toEqual({ i, secret, found: false });
}

const sealedOf = async (id: string): Promise<string> =>
  ((await gateway.dataSource.query(`SELECT credentials FROM source_system WHERE id = $1`, [id])) as { credentials: string }[])[0].credentials;

describe("createSourceSystem", () => {
  it("reports every bad field at once, with its path, and stores nothing", async () => {
    const tenant = gateway.newTenant();
    const response = await gateway.send<Json>(
      CREATE,
      { key: newKey(), input: { kind: "CRM", name: " ", baseUrl: "ftp://crm.example.test", auth: {}, schedule: "PT5S", apiVersion: "x".repeat(33) } },
      { tenant, scopes: ADMIN },
    );
    const payload = dataOf(response).createSourceSystem;
    expect(payload.error.code).toBe("INVALID_DATA");
    expect(payload.error.failures.map((f: Json) => f.field).sort()).toEqual(["input.apiVersion", "input.auth", "input.baseUrl", "input.companyId", "input.name", "input.schedule"]);
    expect(payload.sourceSystem).toBeNull();
    expect(await countRows(gateway, "source_system", tenant)).toBe(0);
    expect(await countRows(gateway, "idempotency_key", tenant)).toBe(0);
  });

  it("refuses credentials that don't fit the kind, two kinds at once, and secrets in the URL", async () => {
    const tenant = gateway.newTenant();
    const failuresOf = async (input: Json) =>
      dataOf(await gateway.send<Json>(CREATE, { key: newKey(), input }, { tenant, scopes: ADMIN })).createSourceSystem.error.failures.map((f: Json) => f.field).sort();
    expect(await failuresOf(crmInput({ kind: "APTIC", auth: { bearerToken: TOKEN } }))).toEqual(["input.auth"]);
    expect(await failuresOf(crmInput({ kind: "CREDIT_DATA", auth: { apiKey: API_KEY } }))).toEqual(["input.auth"]);
    expect(await failuresOf(crmInput({ kind: "INVOICING", companyId: null }))).toEqual(["input.companyId"]);
    expect(await failuresOf(crmInput({ auth: { bearerToken: TOKEN, apiKey: API_KEY } }))).toEqual(["input.auth"]);
    expect(await failuresOf(crmInput({ auth: { bearerToken: "line\nbreak" } }))).toEqual(["input.auth.bearerToken"]);
    expect(await failuresOf(crmInput({ baseUrl: `https://user:${TOKEN}@crm.example.test` }))).toEqual(["input.baseUrl"]);
    expect(await failuresOf(crmInput({ baseUrl: `https://crm.example.test/?token=${TOKEN}` }))).toEqual(["input.baseUrl"]);
    expect(
      await failuresOf({
        kind: "APTIC",
        name: "Aptic",
        baseUrl: "https://aptic.example.test",
        auth: { oauth2: { tokenUrl: "mailto:x@example.test", clientId: "", clientSecret: CLIENT_SECRET } },
      }),
    ).toEqual(["input.auth.oauth2.clientId", "input.auth.oauth2.tokenUrl"]);
    expect(await countRows(gateway, "source_system", tenant)).toBe(0);
  });

  it("creates a source with its credentials sealed, never answered, logged or stored in clear, and replays the call", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const first = await gateway.send<Json>(CREATE, { input: crmInput(), key }, { tenant, scopes: ADMIN });
    const payload = dataOf(first).createSourceSystem;
    expect(payload).toMatchObject({ error: null, dryRun: false, replayed: false });
    expect(payload.sourceSystem).toMatchObject({ kind: "CRM", name: "Main CRM", baseUrl: "https://crm.example.test/", companyId: "acme", apiVersion: "2024-01", enabled: true, schedule: "PT15M", authKind: "BEARER_TOKEN" });
    const id = payload.sourceSystem.id;

    const sealed = await sealedOf(id);
    expect(sealed).toMatch(/^v1\./);
    expect(new CredentialsCipher(gateway.config.sourceCredentialsKey).decrypt(sealed)).toEqual({ bearerToken: TOKEN });

    // The same key and arguments: the stored payload; other credentials under that key: refused.
    const again = await gateway.send<Json>(CREATE, { input: crmInput(), key }, { tenant, scopes: ADMIN });
    expect(dataOf(again).createSourceSystem).toMatchObject({ replayed: true, error: null, sourceSystem: { id, name: "Main CRM", authKind: "BEARER_TOKEN" } });
    const reused = await gateway.send<Json>(CREATE, { input: crmInput({ auth: { bearerToken: NEW_TOKEN } }), key }, { tenant, scopes: ADMIN });
    expect(dataOf(reused).createSourceSystem.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await countRows(gateway, "source_system", tenant)).toBe(1);

    // The stored payload holds neither the secret nor its sealed form.
    const [stored] = (await gateway.dataSource.query(`SELECT payload::text AS p FROM idempotency_key WHERE tenant_id = $1`, [tenant])) as { p: string }[];
    expect(stored.p.includes(sealed)).toBe(false);
    expect(stored.p).not.toMatch(/credentials/);

    // No field of the schema reads them back.
    const probe = await gateway.send<Json>(`query($id: ID!) { sourceSystem(id: $id) { credentials } }`, { id }, { tenant, scopes: READER });
    expect(probe.data ?? null).toBeNull();
    expect(probe.errors?.[0].message).toMatch(/Cannot query field "credentials"/);
    await expectNoSecret(tenant, first, again, reused, probe);
    // A source-system change is no change of a client: nothing in any client's history.
    expect(await countRows(gateway, "audit_entry", tenant)).toBe(0);
  });

  it("takes Aptic with OAuth2 client credentials or an API key", async () => {
    const tenant = gateway.newTenant();
    const oauth = await createSource(tenant, {
      kind: "APTIC",
      name: "Aptic OAuth",
      baseUrl: "https://aptic.example.test/api",
      auth: { oauth2: { tokenUrl: "https://idp.example.test/token", clientId: "gateway", clientSecret: CLIENT_SECRET, scope: "clients" } },
    });
    const keyed = await createSource(tenant, { kind: "APTIC", name: "Aptic key", baseUrl: "https://aptic.example.test", auth: { apiKey: API_KEY }, enabled: false });
    const cipher = new CredentialsCipher(gateway.config.sourceCredentialsKey);
    expect(cipher.decrypt(await sealedOf(oauth.id))).toEqual({ oauth2: { tokenUrl: "https://idp.example.test/token", clientId: "gateway", clientSecret: CLIENT_SECRET, scope: "clients" } });
    expect(cipher.decrypt(await sealedOf(keyed.id))).toEqual({ apiKey: API_KEY });
    expect(keyed).toMatchObject({ enabled: false, companyId: null, schedule: null, authKind: "API_KEY" });
    expect(oauth.authKind).toBe("OAUTH2_CLIENT_CREDENTIALS");
    const listed = dataOf(await gateway.send<Json>(`{ sourceSystems { name authKind } }`, {}, { tenant, scopes: READER })).sourceSystems;
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(expect.arrayContaining([
      { name: "Aptic key", authKind: "API_KEY" },
      { name: "Aptic OAuth", authKind: "OAUTH2_CLIENT_CREDENTIALS" },
    ]));
    await expectNoSecret(tenant);
  });

  it("in a dry run validates and stores nothing, no key neither", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const dry = dataOf(await gateway.send<Json>(CREATE, { input: crmInput(), key, dryRun: true }, { tenant, scopes: ADMIN })).createSourceSystem;
    expect(dry).toEqual({ sourceSystem: null, error: null, dryRun: true, replayed: false });
    const badDry = dataOf(await gateway.send<Json>(CREATE, { input: crmInput({ name: "" }), key, dryRun: true }, { tenant, scopes: ADMIN })).createSourceSystem;
    expect(badDry.error.failures).toEqual([{ field: "input.name", message: expect.any(String) }]);
    expect(await countRows(gateway, "source_system", tenant)).toBe(0);
    expect(await countRows(gateway, "idempotency_key", tenant)).toBe(0);
    // The key is still free for the real call.
    expect(dataOf(await gateway.send<Json>(CREATE, { input: crmInput(), key }, { tenant, scopes: ADMIN })).createSourceSystem.replayed).toBe(false);
  });
});

describe("updateSourceSystem", () => {
  it("reports every bad field at once, against the stored kind", async () => {
    const tenant = gateway.newTenant();
    const source = await createSource(tenant);
    const payload = dataOf(
      await gateway.send<Json>(UPDATE, { id: source.id, key: newKey(), patch: { name: "", companyId: null, enabled: null, auth: { apiKey: API_KEY }, schedule: "every hour" } }, { tenant, scopes: ADMIN }),
    ).updateSourceSystem;
    expect(payload.error.code).toBe("INVALID_DATA");
    expect(payload.error.failures.map((f: Json) => f.field).sort()).toEqual(["patch.auth", "patch.companyId", "patch.enabled", "patch.name", "patch.schedule"]);
    await expectNoSecret(tenant);
  });

  it("changes the fields given, replaces the credentials, refuses a stale expectedUpdatedAt and answers NOT_FOUND for another tenant's source", async () => {
    const tenant = gateway.newTenant();
    const source = await createSource(tenant);
    const response = await gateway.send<Json>(
      UPDATE,
      { id: source.id, key: newKey(), at: source.updatedAt, patch: { name: "Renamed CRM", schedule: null, auth: { bearerToken: NEW_TOKEN } } },
      { tenant, scopes: ADMIN },
    );
    const updated = dataOf(response).updateSourceSystem;
    expect(updated.error).toBeNull();
    expect(updated.sourceSystem).toMatchObject({ id: source.id, name: "Renamed CRM", schedule: null, companyId: "acme", baseUrl: "https://crm.example.test/" });
    expect(Date.parse(updated.sourceSystem.updatedAt)).toBeGreaterThan(Date.parse(source.updatedAt));
    expect(new CredentialsCipher(gateway.config.sourceCredentialsKey).decrypt(await sealedOf(source.id))).toEqual({ bearerToken: NEW_TOKEN });

    const stale = dataOf(await gateway.send<Json>(UPDATE, { id: source.id, key: newKey(), at: source.updatedAt, patch: { name: "Again" } }, { tenant, scopes: ADMIN })).updateSourceSystem;
    expect(stale.error.code).toBe("PRECONDITION_FAILED");

    const dry = dataOf(await gateway.send<Json>(UPDATE, { id: source.id, key: newKey(), patch: { name: "Dry" }, dryRun: true }, { tenant, scopes: ADMIN })).updateSourceSystem;
    expect(dry).toMatchObject({ error: null, dryRun: true, sourceSystem: null });

    const other = gateway.newTenant();
    const foreign = dataOf(await gateway.send<Json>(UPDATE, { id: source.id, key: newKey(), patch: { name: "Mine" } }, { tenant: other, scopes: ADMIN })).updateSourceSystem;
    expect(foreign.error.code).toBe("NOT_FOUND");
    const read = dataOf(await gateway.send<Json>(`query($id: ID!) { sourceSystem(id: $id) { name } }`, { id: source.id }, { tenant, scopes: READER }));
    expect(read.sourceSystem.name).toBe("Renamed CRM");
    await expectNoSecret(tenant, response);
  });
});

describe("scopes", () => {
  it("needs sources:admin to manage sources and start or cancel syncs, and clients:read to read them", async () => {
    const tenant = gateway.newTenant();
    const source = await createSource(tenant);
    const calls: [string, Json][] = [
      [CREATE, { input: crmInput(), key: newKey() }],
      [UPDATE, { id: source.id, patch: { name: "x" }, key: newKey() }],
      [DELETE, { id: source.id, key: newKey() }],
      [START, { id: source.id, key: newKey() }],
      [CANCEL, { id: "1", key: newKey() }],
    ];
    for (const scopes of [[], ["clients:read", "clients:write", "clients:pii"]]) {
      for (const [query, variables] of calls) {
        const response = await gateway.send<Json>(query, variables, { tenant, scopes });
        expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
        expect(gateway.lastRequest().stats.statements).toBe(0);
      }
    }
    expect(await countRows(gateway, "source_system", tenant)).toBe(1);
    expect(await countRows(gateway, "sync_run", tenant)).toBe(0);

    const reads = `query($id: ID!) { sourceSystems { id } sourceSystem(id: $id) { id } syncRun(id: "1") { id } }`;
    expect(dataOf(await gateway.send<Json>(reads, { id: source.id }, { tenant, scopes: READER }))).toEqual({ sourceSystems: [{ id: source.id }], sourceSystem: { id: source.id }, syncRun: null });
    for (const scopes of [[], ["sources:admin"], ["clients:write"]]) {
      const response = await gateway.send<Json>(reads, { id: source.id }, { tenant, scopes });
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    }
    // sources:admin alone writes, and its payload answers ids and outcomes; reading the source's data needs clients:read.
    const adminOnly = await gateway.send<Json>(`mutation($id: ID!, $key: String!) { updateSourceSystem(id: $id, patch: { name: "Admin" }, idempotencyKey: $key) { sourceSystem { id } error { code } } }`, { id: source.id, key: newKey() }, { tenant, scopes: ["sources:admin"] });
    expect(dataOf(adminOnly).updateSourceSystem).toEqual({ sourceSystem: { id: source.id }, error: null });
    const adminReads = await gateway.send<Json>(`mutation($id: ID!, $key: String!) { updateSourceSystem(id: $id, patch: { name: "Admin 2" }, idempotencyKey: $key) { sourceSystem { name } } }`, { id: source.id, key: newKey() }, { tenant, scopes: ["sources:admin"] });
    expect(adminReads.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("startSync and cancelSync", () => {
  it("queues a run (QUEUED, requested by the caller), answers the open run to a second start, cancels it, and refuses to cancel it twice", async () => {
    const tenant = gateway.newTenant();
    const source = await createSource(tenant);
    const before = dispatched;
    const started = dataOf(await gateway.send<Json>(START, { id: source.id, full: true, key: newKey() }, { tenant, scopes: ADMIN, subject: "ops-admin" })).startSync;
    expect(started.error).toBeNull();
    expect(started.run).toMatchObject({ status: "QUEUED", full: true, requestedBy: "ops-admin", startedAt: null, finishedAt: null, fetched: 0, source: { id: source.id } });
    expect(dispatched).toBe(before + 1);

    const second = dataOf(await gateway.send<Json>(START, { id: source.id, key: newKey() }, { tenant, scopes: ADMIN })).startSync;
    expect(second).toMatchObject({ error: null, replayed: false, run: { id: started.run.id, status: "QUEUED", full: true } });
    expect(await countRows(gateway, "sync_run", tenant)).toBe(1);

    // While it is open, the source can't be deleted.
    const refused = dataOf(await gateway.send<Json>(DELETE, { id: source.id, key: newKey() }, { tenant, scopes: ADMIN })).deleteSourceSystem;
    expect(refused.error.code).toBe("SYNC_RUN_OPEN");

    const read = dataOf(
      await gateway.send<Json>(`query($id: ID!) { sourceSystem(id: $id) { lastRun { id status } runs(first: 5) { nodes { id } pageInfo { hasNextPage } } } }`, { id: source.id }, { tenant, scopes: READER }),
    );
    expect(read.sourceSystem).toEqual({ lastRun: { id: started.run.id, status: "QUEUED" }, runs: { nodes: [{ id: started.run.id }], pageInfo: { hasNextPage: false } } });

    const key = newKey();
    const cancelled = dataOf(await gateway.send<Json>(CANCEL, { id: started.run.id, key }, { tenant, scopes: ADMIN })).cancelSync;
    expect(cancelled).toMatchObject({ error: null, replayed: false, run: { id: started.run.id, status: "CANCELLED", message: "Cancelled" } });
    expect(cancelled.run.finishedAt).not.toBeNull();
    expect(dataOf(await gateway.send<Json>(CANCEL, { id: started.run.id, key }, { tenant, scopes: ADMIN })).cancelSync).toMatchObject({ replayed: true, run: { status: "CANCELLED" } });
    const twice = dataOf(await gateway.send<Json>(CANCEL, { id: started.run.id, key: newKey() }, { tenant, scopes: ADMIN })).cancelSync;
    expect(twice).toMatchObject({ error: { code: "SYNC_RUN_FINISHED" }, run: { id: started.run.id, status: "CANCELLED" } });
    expect(dataOf(await gateway.send<Json>(CANCEL, { id: "999999999", key: newKey() }, { tenant, scopes: ADMIN })).cancelSync.error.code).toBe("NOT_FOUND");

    // A new start after the cancel queues a new run; a replay of the first start answers the first run.
    const third = dataOf(await gateway.send<Json>(START, { id: source.id, key: newKey() }, { tenant, scopes: ADMIN })).startSync;
    expect(third.run.id).not.toBe(started.run.id);
    expect(third.run.status).toBe("QUEUED");
  });

  it("queues one run for concurrent starts with different keys: each answers that run", async () => {
    const tenant = gateway.newTenant();
    const source = await createSource(tenant);
    const answers = await Promise.all(Array.from({ length: 6 }, () => gateway.send<Json>(START, { id: source.id, key: newKey() }, { tenant, scopes: ADMIN })));
    const runs = answers.map((response) => dataOf(response).startSync);
    expect(runs.every((payload) => payload.error === null)).toBe(true);
    expect(new Set(runs.map((payload) => payload.run.id)).size).toBe(1);
    expect(await countRows(gateway, "sync_run", tenant)).toBe(1);
  });

  it("answers NOT_FOUND for an unknown source and SOURCE_DISABLED for a disabled one; replays the stored answer", async () => {
    const tenant = gateway.newTenant();
    const source = await createSource(tenant, crmInput({ enabled: false }));
    const key = newKey();
    const disabled = dataOf(await gateway.send<Json>(START, { id: source.id, key }, { tenant, scopes: ADMIN })).startSync;
    expect(disabled).toMatchObject({ run: null, error: { code: "SOURCE_DISABLED" }, replayed: false });
    expect(dataOf(await gateway.send<Json>(START, { id: source.id, key }, { tenant, scopes: ADMIN })).startSync).toMatchObject({ error: { code: "SOURCE_DISABLED" }, replayed: true });
    for (const id of ["999999999", "not-an-id"]) {
      expect(dataOf(await gateway.send<Json>(START, { id, key: newKey() }, { tenant, scopes: ADMIN })).startSync.error.code).toBe("NOT_FOUND");
    }
    expect(await countRows(gateway, "sync_run", tenant)).toBe(0);
  });
});

describe("deleteSourceSystem", () => {
  it("deletes a source with its runs, records and field provenance; the clients' history keeps its entries without a source", async () => {
    const tenant = gateway.newTenant();
    const source = await createSource(tenant);
    const [client] = await createClients(gateway, tenant, [{ name: "Synced" }]);
    const [{ id: run }] = (await gateway.dataSource.query(`INSERT INTO sync_run (tenant_id, source_system_id, status, finished_at) VALUES ($1, $2, 'SUCCEEDED', now()) RETURNING id`, [tenant, source.id])) as { id: string }[];
    await gateway.dataSource.query(`INSERT INTO sync_issue (tenant_id, run_id, kind, message) VALUES ($1, $2, 'RECORD_FAILED', 'x')`, [tenant, run]);
    await gateway.dataSource.query(`INSERT INTO source_record (tenant_id, client_id, source_system_id, source_id, last_synced_at, content_hash, raw, last_run_id) VALUES ($1, $2, $3, 'crm-1', now(), repeat('0', 64), '{}', $4)`, [tenant, client, source.id, run]);
    await gateway.dataSource.query(`INSERT INTO field_source (tenant_id, client_id, field, source_system_id, set_at) VALUES ($1, $2, 'name', $3, now())`, [tenant, client, source.id]);
    await gateway.dataSource.query(
      `INSERT INTO audit_entry (tenant_id, client_id, entity_type, entity_id, operation, actor, request_id, changes, source_system_id, sync_run_id) VALUES ($1, $2, 'Client', $2, 'sync', 'schedule', 'r-1', '[]', $3, $4)`,
      [tenant, client, source.id, run],
    );

    const dry = dataOf(await gateway.send<Json>(DELETE, { id: source.id, key: newKey(), dryRun: true }, { tenant, scopes: ADMIN })).deleteSourceSystem;
    expect(dry).toMatchObject({ error: null, dryRun: true, sourceSystem: null });
    expect(await countRows(gateway, "source_system", tenant)).toBe(1);

    const other = gateway.newTenant();
    expect(dataOf(await gateway.send<Json>(DELETE, { id: source.id, key: newKey() }, { tenant: other, scopes: ADMIN })).deleteSourceSystem.error.code).toBe("NOT_FOUND");

    const key = newKey();
    const deleted = dataOf(await gateway.send<Json>(DELETE, { id: source.id, key }, { tenant, scopes: ADMIN })).deleteSourceSystem;
    expect(deleted).toMatchObject({ error: null, sourceSystem: { id: source.id, name: "Main CRM" } });
    expect(dataOf(await gateway.send<Json>(DELETE, { id: source.id, key }, { tenant, scopes: ADMIN })).deleteSourceSystem).toMatchObject({ replayed: true, sourceSystem: { id: source.id } });
    for (const table of ["source_system", "sync_run", "sync_issue", "source_record", "field_source"]) expect({ table, rows: await countRows(gateway, table, tenant) }).toEqual({ table, rows: 0 });
    const history = dataOf(await gateway.send<Json>(`query($id: ID!) { client(id: $id) { history { nodes { operation source { id } syncRun { id } } } } }`, { id: client }, { tenant, scopes: READER }));
    expect(history.client.history.nodes).toEqual([{ operation: "sync", source: null, syncRun: null }]);
  });
});

describe("tenant confinement", () => {
  it("shows another tenant none of our sources, runs or provenance", async () => {
    const tenant = gateway.newTenant();
    const source = await createSource(tenant);
    const run = dataOf(await gateway.send<Json>(START, { id: source.id, key: newKey() }, { tenant, scopes: ADMIN })).startSync.run;
    const other = gateway.newTenant();
    const seen = dataOf(
      await gateway.send<Json>(`query($s: ID!, $r: ID!) { sourceSystems { id } sourceSystem(id: $s) { id } syncRun(id: $r) { id } }`, { s: source.id, r: run.id }, { tenant: other, scopes: ADMIN }),
    );
    expect(seen).toEqual({ sourceSystems: [], sourceSystem: null, syncRun: null });
    const cancel = dataOf(await gateway.send<Json>(CANCEL, { id: run.id, key: newKey() }, { tenant: other, scopes: ADMIN })).cancelSync;
    expect(cancel).toMatchObject({ run: null, error: { code: "NOT_FOUND" } });
    const start = dataOf(await gateway.send<Json>(START, { id: source.id, key: newKey() }, { tenant: other, scopes: ADMIN })).startSync;
    expect(start).toMatchObject({ run: null, error: { code: "NOT_FOUND" } });
    const ours = dataOf(await gateway.send<Json>(`query($r: ID!) { syncRun(id: $r) { status } }`, { r: run.id }, { tenant, scopes: READER }));
    expect(ours.syncRun.status).toBe("QUEUED");
  });
});

describe("provenance on clients", () => {
  /** A tenant with `count` clients, each with a record in two sources (one with refused values), field provenance and a synced history entry. */
  async function provenanceWorld(count: number) {
    const tenant = gateway.newTenant();
    const crm = await createSource(tenant);
    const aptic = await createSource(tenant, { kind: "APTIC", name: "Aptic", baseUrl: "https://aptic.example.test", auth: { apiKey: API_KEY } });
    const personal = swedishPersonalNumber("800101", "123");
    const refusedPersonal = `19${personal.slice(0, 9)}${(Number(personal[9]) + 1) % 10}`; // a bad check digit
    const ids = await createClients(
      gateway,
      tenant,
      Array.from({ length: count }, (_, i) =>
        i === 0 ? { name: "Sole trader", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: `19${personal}` } : { name: `Company ${i}`, countryCode: "SE", orgNumber: swedishOrgNumber(900 + i) },
      ) as never,
    );
    const [{ id: run }] = (await gateway.dataSource.query(`INSERT INTO sync_run (tenant_id, source_system_id, status, finished_at, created) VALUES ($1, $2, 'PARTIAL', now(), $3) RETURNING id`, [tenant, crm.id, count])) as { id: string }[];
    await gateway.dataSource.query(`INSERT INTO sync_issue (tenant_id, run_id, kind, source_id, client_id, field, message, detail) VALUES ($1, $2, 'INVALID_VALUE', 'crm-0', $3, 'orgNumber', 'Bad checksum', '{"status": 200}')`, [tenant, run, ids[0]]);
    for (const [i, client] of ids.entries()) {
      const issues = [
        { field: "orgNumber", sourceField: "company_registration_number", value: i === 0 ? refusedPersonal : "5560000000", message: "Bad checksum" },
        { field: "countryCode", sourceField: "country", value: "Atlantis", message: "Unknown country" },
      ];
      await gateway.dataSource.query(
        `INSERT INTO source_record (tenant_id, client_id, source_system_id, source_id, source_updated_at, last_synced_at, content_hash, raw, issues, last_run_id)
         VALUES ($1, $2, $3, $4, '2026-01-02T00:00:00Z', now(), repeat('0', 64), '{}', $5, $6), ($1, $2, $7, $8, null, now(), repeat('1', 64), '{}', '[]', null)`,
        [tenant, client, crm.id, `crm-${i}`, JSON.stringify(issues), run, aptic.id, `aptic-${i}`],
      );
      await gateway.dataSource.query(`INSERT INTO field_source (tenant_id, client_id, field, source_system_id, set_at) VALUES ($1, $2, 'name', $3, now()), ($1, $2, 'email', null, now())`, [tenant, client, crm.id]);
      await gateway.dataSource.query(
        `INSERT INTO audit_entry (tenant_id, client_id, entity_type, entity_id, operation, actor, request_id, changes, source_system_id, sync_run_id)
         VALUES ($1, $2, 'Client', $2, 'sync', 'schedule', 'r-1', '[]', $3, $4), ($1, $2, 'Client', $2, 'updateClient', 'someone', 'r-2', '[]', null, null)`,
        [tenant, client, crm.id, run],
      );
    }
    return { tenant, crm, aptic, run, ids, personal, refusedPersonal };
  }

  const PAGE = `query Provenance($first: Int!) { clients(first: $first, orderBy: [{ field: ID, direction: ASC }]) { nodes {
    id
    sourceRecords { sourceId sourceUpdatedAt lastSyncedAt deletedInSource source { id name kind } }
    fieldSources { field setAt source { id name } }
    dataQualityIssues { field sourceField value message source { id name lastRun { id status } } }
    history(first: 5) { nodes { operation source { id name } syncRun { id status issues(first: 5) { nodes { kind sourceId clientId field message detail } } source { id } } } }
  } } }`;

  it("reads source records, field sources, refused values and the history's source and run, from one statement per field whatever the page size, all planned ahead", async () => {
    const w = await provenanceWorld(12);
    const counts: number[] = [];
    for (const first of [2, 12]) {
      const lines = gateway.logLines.length;
      const data = dataOf(await gateway.send<Json>(PAGE, { first }, { tenant: w.tenant, scopes: READER }));
      counts.push(gateway.lastRequest().stats.statements);
      expect(data.clients.nodes).toHaveLength(first);
      // No read after the request released its connection: every field was planned.
      expect(gateway.logLines.slice(lines).some((line) => line.includes("read after the request released"))).toBe(false);
      const node = data.clients.nodes[1];
      expect(node.sourceRecords).toEqual([
        { sourceId: "crm-1", sourceUpdatedAt: "2026-01-02T00:00:00.000Z", lastSyncedAt: expect.any(String), deletedInSource: false, source: { id: w.crm.id, name: "Main CRM", kind: "CRM" } },
        { sourceId: "aptic-1", sourceUpdatedAt: null, lastSyncedAt: expect.any(String), deletedInSource: false, source: { id: w.aptic.id, name: "Aptic", kind: "APTIC" } },
      ]);
      expect(node.fieldSources).toEqual([
        { field: "email", setAt: expect.any(String), source: null },
        { field: "name", setAt: expect.any(String), source: { id: w.crm.id, name: "Main CRM" } },
      ]);
      expect(node.dataQualityIssues).toEqual([
        { field: "orgNumber", sourceField: "company_registration_number", value: "5560000000", message: "Bad checksum", source: { id: w.crm.id, name: "Main CRM", lastRun: { id: w.run, status: "PARTIAL" } } },
        { field: "countryCode", sourceField: "country", value: "Atlantis", message: "Unknown country", source: { id: w.crm.id, name: "Main CRM", lastRun: { id: w.run, status: "PARTIAL" } } },
      ]);
      const history = node.history.nodes;
      expect(history).toHaveLength(2);
      expect(history.find((h: Json) => h.operation === "updateClient")).toEqual({ operation: "updateClient", source: null, syncRun: null });
      expect(history.find((h: Json) => h.operation === "sync")).toEqual({
        operation: "sync",
        source: { id: w.crm.id, name: "Main CRM" },
        syncRun: { id: w.run, status: "PARTIAL", source: { id: w.crm.id }, issues: { nodes: [{ kind: "INVALID_VALUE", sourceId: "crm-0", clientId: w.ids[0], field: "orgNumber", message: "Bad checksum", detail: { status: 200 } }] } },
      });
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it("masks a personnummer among the refused values without clients:pii, as Client.orgNumber", async () => {
    const w = await provenanceWorld(1);
    const query = `query($id: ID!) { client(id: $id) { orgNumber dataQualityIssues { field value } } }`;
    const masked = dataOf(await gateway.send<Json>(query, { id: w.ids[0] }, { tenant: w.tenant, scopes: READER })).client;
    expect(masked.orgNumber).toMatch(/\*\*\*\*$/);
    const issue = masked.dataQualityIssues.find((i: Json) => i.field === "orgNumber");
    expect(issue.value).toBe(`${w.refusedPersonal.slice(0, 8)}****`);
    expect(JSON.stringify(masked)).not.toContain(w.refusedPersonal.slice(8));
    const clear = dataOf(await gateway.send<Json>(query, { id: w.ids[0] }, { tenant: w.tenant, scopes: [...READER, "clients:pii"] })).client;
    expect(clear.dataQualityIssues.find((i: Json) => i.field === "orgNumber").value).toBe(w.refusedPersonal);

    // A conflict's detail holds both records: their personnummer masked too.
    await gateway.dataSource.query(`INSERT INTO sync_issue (tenant_id, run_id, kind, source_id, client_id, message, detail) VALUES ($1, $2, 'CONFLICT', 'crm-9', $3, 'Two clients match', $4)`, [
      w.tenant,
      w.run,
      w.ids[0],
      JSON.stringify({ record: { org_number: w.personal, name: "Sole trader" }, client: { orgNumber: `19${w.personal}` } }),
    ]);
    const issues = `query($id: ID!) { syncRun(id: $id) { issues { nodes { kind detail } } } }`;
    const hidden = JSON.stringify(dataOf(await gateway.send<Json>(issues, { id: w.run }, { tenant: w.tenant, scopes: READER })));
    expect(hidden).toContain("Sole trader");
    expect(hidden).not.toContain(w.personal.slice(6));
    const shown = JSON.stringify(dataOf(await gateway.send<Json>(issues, { id: w.run }, { tenant: w.tenant, scopes: [...READER, "clients:pii"] })));
    expect(shown).toContain(w.personal);
  });

  it("pages a source's runs and a run's issues newest first", async () => {
    const tenant = gateway.newTenant();
    const source = await createSource(tenant);
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [{ id }] = (await gateway.dataSource.query(`INSERT INTO sync_run (tenant_id, source_system_id, status, queued_at, finished_at) VALUES ($1, $2, 'SUCCEEDED', now() - make_interval(mins => $3), now()) RETURNING id`, [tenant, source.id, 10 - i])) as { id: string }[];
      runs.push(id);
    }
    for (let i = 0; i < 3; i++) await gateway.dataSource.query(`INSERT INTO sync_issue (tenant_id, run_id, kind, message) VALUES ($1, $2, 'SOURCE_ERROR', $3)`, [tenant, runs[2], `issue ${i}`]);
    const page = `query($id: ID!, $after: String, $issuesAfter: String) { sourceSystem(id: $id) { lastRun { id } runs(first: 2, after: $after) { nodes { id issues(first: 2, after: $issuesAfter) { nodes { message } pageInfo { hasNextPage endCursor } } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
    const first = dataOf(await gateway.send<Json>(page, { id: source.id }, { tenant, scopes: READER })).sourceSystem;
    expect(first.lastRun.id).toBe(runs[2]);
    expect(first.runs.nodes.map((n: Json) => n.id)).toEqual([runs[2], runs[1]]);
    expect(first.runs.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.runs.nodes[0].issues.nodes.map((n: Json) => n.message)).toEqual(["issue 2", "issue 1"]);
    const rest = dataOf(await gateway.send<Json>(page, { id: source.id, after: first.runs.pageInfo.endCursor, issuesAfter: first.runs.nodes[0].issues.pageInfo.endCursor }, { tenant, scopes: READER })).sourceSystem;
    expect(rest.runs.nodes.map((n: Json) => n.id)).toEqual([runs[0]]);
    expect(rest.runs.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    // A run cursor is no cursor of issues.
    const wrong = await gateway.send<Json>(page, { id: source.id, issuesAfter: first.runs.pageInfo.endCursor }, { tenant, scopes: READER });
    expect(wrong.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
