import { randomBytes, randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { loadConfig } from "../../config";
import { createLogger } from "../../common/log";
import { createDataSource } from "../../db/data-source";
import { APP_ROLE, TENANT_SETTING } from "../../db/tenant-session";
import { CrmClient } from "../crm/client";
import { InvoicingClient } from "../invoicing/client";
import { CredentialsCipher } from "../credentials";
import { SourceKind, SourceSystem } from "../source-system.entity";
import type { CrmClientWire } from "../crm/wire";
import type { InvoicingCustomerWire } from "../invoicing/wire";
import { demoSourceData } from "./demo-source-data";
import { DEMO_APTIC_NEW_COUNT } from "./demo-aptic-data";
import { DEMO_CLIENT_COUNT, seedTenant } from "../../db/seed/seed";
import { WriteTransaction } from "../../db/write-transaction";
import { runSync } from "../../sync/engine/run-sync";
import { queueRun } from "../../sync/runs";
import { SyncStatus } from "../../sync/sync-run.entity";
import { DEMO_SOURCE_NAMES, registerDemoSources, startDemoSources, startDemoSourcesFor, type StartedDemoSources } from "./demo-sources";

const data = demoSourceData();
const OPEN = new Set(["sent", "partially_paid", "overdue"]);
const cipher = new CredentialsCipher(randomBytes(32));
const newTenant = () => `t-${randomUUID().slice(0, 13)}`;

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { pool: { size: 3 } });
  await dataSource.initialize();
});
afterAll(() => dataSource.destroy());

/** The tenant's source systems as the app role sees them (row-level security on). */
function sourcesOf(tenant: string): Promise<SourceSystem[]> {
  return dataSource.transaction(async (manager: EntityManager) => {
    await manager.query(`SELECT set_config('role', $1, true), set_config('${TENANT_SETTING}', $2, true)`, [APP_ROLE, tenant]);
    return manager.find(SourceSystem, { order: { id: "ASC" } });
  });
}

describe("startDemoSources", () => {
  let started: StartedDemoSources;
  beforeAll(async () => {
    started = await startDemoSources({ data });
  });
  afterAll(() => started.close());

  it("serves the CRM's documented listing and detail, deleted clients and external identifiers included", async () => {
    expect(started.crm.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new CrmClient({ baseUrl: started.crm.baseUrl, token: started.crm.token, companyId: started.crm.companyId });
    const records: CrmClientWire[] = [];
    let pages = 0;
    for await (const page of client.pages()) {
      pages++;
      records.push(...page.records);
    }
    expect(pages).toBe(Math.floor(data.crm.length / 100) + 1);
    expect(records.map((r) => r.id).sort()).toEqual(data.crm.map((r) => r.id).sort());
    expect(records.filter((r) => r.deleted_at).map((r) => r.id)).toEqual([data.facts.deletedCrmId]);
    expect(records.find((r) => r.id === data.facts.americanCrmId)).toMatchObject({ country: "United States", external_identifiers: [{ type: "salesforce" }] });
    expect(await client.getClient(data.facts.deletedCrmId)).toMatchObject({ id: data.facts.deletedCrmId, deleted_at: expect.any(String) });
    // Incremental: only what changed since a watermark.
    const since = new Date(Date.parse(records.find((r) => r.id === data.facts.movedCrmId)!.updated_at!) - 1000);
    const recent: CrmClientWire[] = [];
    for await (const page of new CrmClient({ ...started.crm, overlapMs: 0 }).pages({ since })) recent.push(...page.records);
    expect(recent.length).toBeLessThan(records.length);
    expect(recent.map((r) => r.id)).toContain(data.facts.movedCrmId);
  });

  it("serves the invoicing system's cursor listing and details with open invoices only", async () => {
    const client = new InvoicingClient({ baseUrl: started.invoicing.baseUrl, token: started.invoicing.token, companyId: started.invoicing.companyId });
    const customers: InvoicingCustomerWire[] = [];
    for await (const page of client.pages()) {
      expect(page.failed).toEqual([]);
      customers.push(...page.changed);
    }
    expect(customers.map((c) => c.id).sort()).toEqual(data.invoicing.map((c) => c.id).sort());
    for (const customer of customers) {
      const stored = data.invoicing.find((c) => c.id === customer.id)!;
      expect(customer.invoices).toEqual((stored.invoices ?? []).filter((i) => OPEN.has(String(i.status))));
      expect(customer.org_number).toBe(stored.org_number);
    }
    expect(customers.flatMap((c) => c.invoices ?? []).length).toBeGreaterThan(50);
  });

  it("refuses other tokens, and each start has its own ports and tokens", async () => {
    const wrong = await fetch(`${started.crm.baseUrl}/api/clients`, { headers: { authorization: "Bearer nope", "x-company-id": started.crm.companyId } });
    expect(wrong.status).toBe(401);
    const wrongInvoicing = await fetch(`${started.invoicing.baseUrl}/api/v1/companies/${started.invoicing.companyId}/customers`, { headers: { authorization: `Bearer ${started.crm.token}` } });
    expect(wrongInvoicing.status).toBe(401);
    const other = await startDemoSources({ data });
    try {
      expect(other.crm.baseUrl).not.toBe(started.crm.baseUrl);
      expect(other.invoicing.baseUrl).not.toBe(started.invoicing.baseUrl);
      expect(other.crm.token).not.toBe(started.crm.token);
      expect(other.invoicing.token).not.toBe(started.invoicing.token);
    } finally {
      await other.close();
    }
  });
});

describe("registerDemoSources", () => {
  it("inserts the four sources on the first start and updates them on the next one, as the tenant", async () => {
    const tenant = newTenant();
    const first = await startDemoSources({ data });
    const ids = await registerDemoSources(dataSource, tenant, cipher, first).finally(() => first.close());
    const rows = await sourcesOf(tenant);
    expect(rows.map((r) => [r.id, r.kind, r.name, r.baseUrl, r.companyId, r.enabled])).toEqual([
      [ids.crm, SourceKind.CRM, DEMO_SOURCE_NAMES.crm, first.crm.baseUrl, first.crm.companyId, true],
      [ids.invoicing, SourceKind.INVOICING, DEMO_SOURCE_NAMES.invoicing, first.invoicing.baseUrl, first.invoicing.companyId, true],
      [ids.aptic, SourceKind.APTIC, DEMO_SOURCE_NAMES.aptic, first.aptic.baseUrl, null, true],
      [ids.creditData, SourceKind.CREDIT_DATA, DEMO_SOURCE_NAMES.creditData, first.creditData.baseUrl, null, true],
    ]);
    expect(cipher.decrypt(rows[2].credentials)).toEqual({ oauth2: { tokenUrl: first.aptic.tokenUrl, clientId: first.aptic.clientId, clientSecret: first.aptic.clientSecret } });
    expect(rows[0].credentials).not.toContain(first.crm.token);
    expect(cipher.decrypt(rows[0].credentials)).toEqual({ bearerToken: first.crm.token });

    // What the sync code wrote stays; the next start's URLs and tokens replace the old ones.
    await dataSource.query(`UPDATE source_system SET sync_state = '{"watermark": "2026-10-31T00:00:00.000Z"}', schedule = 'PT1H' WHERE id = $1`, [ids.crm]);
    const second = await startDemoSources({ data });
    const again = await registerDemoSources(dataSource, tenant, cipher, second).finally(() => second.close());
    expect(again).toEqual(ids);
    const updated = await sourcesOf(tenant);
    expect(updated).toHaveLength(4);
    expect(updated.map((r) => r.baseUrl)).toEqual([second.crm.baseUrl, second.invoicing.baseUrl, second.aptic.baseUrl, second.creditData.baseUrl]);
    expect(second.crm.baseUrl).not.toBe(first.crm.baseUrl);
    expect(updated.map((r) => cipher.decrypt(r.credentials))).toEqual([
      { bearerToken: second.crm.token },
      { bearerToken: second.invoicing.token },
      { oauth2: { tokenUrl: second.aptic.tokenUrl, clientId: second.aptic.clientId, clientSecret: second.aptic.clientSecret } },
      { bearerToken: second.creditData.token },
    ]);
    expect(updated[0]).toMatchObject({ syncState: { watermark: "2026-10-31T00:00:00.000Z" }, schedule: "PT1H" });
    expect(updated[0].updatedAt.getTime()).toBeGreaterThanOrEqual(rows[0].updatedAt.getTime());

    // Another tenant sees none of them, and registering there makes its own.
    const other = newTenant();
    expect(await sourcesOf(other)).toEqual([]);
    const otherIds = await registerDemoSources(dataSource, other, cipher, second);
    expect([otherIds.crm, otherIds.invoicing, otherIds.aptic, otherIds.creditData]).not.toContain(ids.crm);
    expect(await sourcesOf(tenant)).toHaveLength(4);
  });

  it("inserts once when two processes register at the same time", async () => {
    const tenant = newTenant();
    const started = await startDemoSources({ data });
    try {
      const [a, b] = await Promise.all([registerDemoSources(dataSource, tenant, cipher, started), registerDemoSources(dataSource, tenant, cipher, started)]);
      expect(a).toEqual(b);
      expect(await sourcesOf(tenant)).toHaveLength(4);
    } finally {
      await started.close();
    }
  });
});

describe("the demo's Aptic", () => {
  it("reconciles with the seeded demo tenant: some of its businesses get their factoring data, Aptic's own companies are created", async () => {
    const tenant = newTenant();
    await seedTenant(dataSource, tenant, DEMO_CLIENT_COUNT);
    const started = await startDemoSources({ data });
    try {
      const ids = await registerDemoSources(dataSource, tenant, cipher, started);
      const queued = await WriteTransaction.run(dataSource, tenant, (tx) => queueRun(tx, tenant, ids.aptic, { full: false, requestedBy: "test" }));
      if (queued.kind !== "QUEUED") throw new Error(queued.kind);
      const run = await runSync({ dataSource, cipher }, { tenantId: tenant, sourceId: ids.aptic, runId: queued.run.id, full: false });
      const matched = data.aptic.matchedIndexes.length;
      expect(matched).toBeGreaterThanOrEqual(20);
      expect(run).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: matched + DEMO_APTIC_NEW_COUNT, created: DEMO_APTIC_NEW_COUNT, updated: matched, failed: 0, conflicts: 0 } });
      // Every value passes the gateway's checks: no issue at all.
      const issues = await WriteTransaction.run(dataSource, tenant, (tx) => tx.query<{ n: string }>(`SELECT count(*) AS n FROM sync_issue WHERE run_id = $1`, [queued.run.id]));
      expect(Number(issues[0].n)).toBe(0);
      const factoring = await WriteTransaction.run(dataSource, tenant, (tx) => tx.query<{ n: string }>(`SELECT count(DISTINCT client_id) AS n FROM source_summary WHERE source_system_id = $1`, [ids.aptic]));
      expect(Number(factoring[0].n)).toBe(matched + DEMO_APTIC_NEW_COUNT);
    } finally {
      await started.close();
    }
  });
});

describe("startDemoSourcesFor", () => {
  const config = (env: Record<string, string>) => loadConfig({ NODE_ENV: "development", DATABASE_URL: process.env.TEST_DATABASE_URL!, ...env });

  it("starts, registers and logs the demo sources (without their tokens) when DEMO_SOURCES is on", async () => {
    const tenant = newTenant();
    const lines: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
    const handle = await startDemoSourcesFor(config({ DEMO_COMPANY_ID: tenant }), dataSource, logger);
    try {
      const rows = await sourcesOf(tenant);
      expect(handle.sourceIds).toEqual(rows.map((r) => r.id));
      const decrypted = rows.map((r) => new CredentialsCipher(config({}).sourceCredentialsKey).decrypt(r.credentials));
      const credentials = decrypted.flatMap((c) => [c.bearerToken, c.oauth2?.clientSecret].filter((secret): secret is string => typeof secret === "string"));
      expect(credentials).toHaveLength(4);
      const response = await fetch(`${rows[0].baseUrl}/api/clients?limit=1`, { headers: { authorization: `Bearer ${credentials[0]}`, "x-company-id": rows[0].companyId! } });
      expect(response.status).toBe(200);
      expect(handle.sources.map((source) => [source.id, source.kind, source.baseUrl])).toEqual(rows.map((r) => [r.id, r.kind, r.baseUrl]));
      const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => String(line.msg).startsWith("demo sources started"));
      expect(logged).toMatchObject({ tenant, crm: { id: rows[0].id, port: Number(new URL(rows[0].baseUrl).port) }, invoicing: { id: rows[1].id }, aptic: { id: rows[2].id }, creditData: { id: rows[3].id } });
      for (const token of credentials) expect(lines.join("\n")).not.toContain(token);
    } finally {
      await handle.close();
    }
  });

  it("does nothing when DEMO_SOURCES is off", async () => {
    const tenant = newTenant();
    const handle = await startDemoSourcesFor(config({ DEMO_COMPANY_ID: tenant, DEMO_SOURCES: "false" }), dataSource, createLogger("silent"));
    expect(handle.sourceIds).toEqual([]);
    await handle.close();
    expect(await sourcesOf(tenant)).toEqual([]);
  });
});

describe("DEMO_SOURCES", () => {
  const secret = "s".repeat(32);
  const key = randomBytes(32).toString("base64");
  it("is on with the demo seed outside production, off in production unless asked for", () => {
    expect(loadConfig({}).demoSources).toBe(true);
    expect(loadConfig({ DEMO_SOURCES: "false" }).demoSources).toBe(false);
    expect(loadConfig({ SEED_DEMO: "false" }).demoSources).toBe(false);
    expect(loadConfig({ SEED_DEMO: "false", DEMO_SOURCES: "true" }).demoSources).toBe(true);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: secret, SOURCE_CREDENTIALS_KEY: key }).demoSources).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: secret, SOURCE_CREDENTIALS_KEY: key, SEED_DEMO: "true" }).demoSources).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: secret, SOURCE_CREDENTIALS_KEY: key, DEMO_SOURCES: "true" }).demoSources).toBe(true);
    expect(() => loadConfig({ DEMO_SOURCES: "yes" })).toThrow(/DEMO_SOURCES must be true or false/);
  });
});
