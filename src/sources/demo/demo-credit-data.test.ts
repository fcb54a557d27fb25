import { randomBytes, randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { createDataSource } from "../../db/data-source";
import { DEMO_CLIENT_COUNT, seedTenant } from "../../db/seed/seed";
import { generateDemoClients } from "../../db/seed/demo-data";
import { WriteTransaction } from "../../db/write-transaction";
import { canonicalOrgNumber } from "../../common/validation/checksums";
import { runSync } from "../../sync/engine/run-sync";
import { queueRun } from "../../sync/runs";
import { SyncStatus } from "../../sync/sync-run.entity";
import { CredentialsCipher } from "../credentials";
import { mapCreditDataClient } from "../credit-data/mapping";
import { demoCreditData } from "./demo-credit-data";
import { demoSourceData } from "./demo-source-data";
import { registerDemoSources, startDemoSources } from "./demo-sources";

const data = demoCreditData();
const seeded = generateDemoClients(DEMO_CLIENT_COUNT, 1);
const seededKeys = new Set(seeded.map((c) => `${c.countryCode}:${c.orgNumber}`));
const keyOf = (country: unknown, org: unknown) => `${String(country)}:${canonicalOrgNumber(String(country), String(org), { individual: false })}`;

describe("demoCreditData", () => {
  it("is deterministic, and every client and act passes the gateway's checks as the sync maps them", () => {
    expect(demoCreditData()).toEqual(data);
    for (const client of data.clients) {
      const mapped = mapCreditDataClient(client, { latest: null, list: client.acts ?? [] });
      if (!mapped.ok) throw new Error(mapped.rejected.message);
      expect({ id: client.id, issues: mapped.record.issues }).toEqual({ id: client.id, issues: [] });
    }
    expect(data.clients.flatMap((c) => c.acts ?? []).length).toBeGreaterThan(100);
  });

  it("reconciles with the seeded demo tenant's clients by org number, and has register-only companies the CRM knows", () => {
    for (const client of data.clients) expect(seededKeys.has(keyOf(client.country, client.org_number))).toBe(true);
    expect(data.facts.listedIds.length).toBeGreaterThan(50);
    expect(data.facts.lookupOnlyIds.length).toBeGreaterThan(5);
    expect(data.facts.raisedLimitIds.length).toBeGreaterThan(0);
    const crmKeys = new Set(demoSourceData().crm.map((r) => keyOf(seeded[Number(r.id) - 100_000]?.countryCode, r.company_registration_number)));
    for (const id of data.facts.lookupOnlyIds) {
      const client = data.clients.find((c) => c.id === id)!;
      expect(client.monitored).toBe(false);
      expect(crmKeys.has(keyOf(client.country, client.org_number))).toBe(true);
    }
  });
});

describe("the demo's credit data, synced", () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { pool: { size: 3 } });
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it("gives the seeded clients credit limits and acts (the seeded ones taken over, not doubled), and finds register-only ones by lookup", async () => {
    const tenant = `t-${randomUUID().slice(0, 13)}`;
    const cipher = new CredentialsCipher(randomBytes(32));
    await seedTenant(dataSource, tenant, DEMO_CLIENT_COUNT);
    const started = await startDemoSources();
    try {
      const ids = await registerDemoSources(dataSource, tenant, cipher, started);
      const run = async (sourceId: string) => {
        const queued = await WriteTransaction.run(dataSource, tenant, (tx) => queueRun(tx, tenant, sourceId, { full: false, requestedBy: "test" }));
        if (queued.kind !== "QUEUED") throw new Error(queued.kind);
        return runSync({ dataSource, cipher }, { tenantId: tenant, sourceId, runId: queued.run.id, full: false });
      };
      await run(ids.crm);
      const credit = await run(ids.creditData);
      expect(credit).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { created: 0, failed: 0, conflicts: 0 } });
      const read = <T>(sql: string, params: unknown[] = []) => WriteTransaction.run(dataSource, tenant, (tx) => tx.query<T>(sql, params));
      const [acts] = await read<{ synced: string; doubled: string }>(
        `SELECT count(*) FILTER (WHERE source_system_id = $1) AS synced,
                (SELECT count(*) FROM (SELECT 1 FROM act GROUP BY client_id, period_end HAVING count(*) > 1) d) AS doubled FROM act`,
        [ids.creditData],
      );
      expect(Number(acts.synced)).toBeGreaterThan(100);
      expect(Number(acts.doubled)).toBe(0);
      const raised = data.clients.find((c) => c.id === data.facts.raisedLimitIds[0])!;
      const [client] = await read<{ credit_limit: string }>(
        `SELECT c.credit_limit FROM client c JOIN source_record r ON r.client_id = c.id WHERE r.source_system_id = $1 AND r.source_id = $2`,
        [ids.creditData, raised.id],
      );
      expect(client.credit_limit).toBe(raised.credit_limit);
      const lookups = async () => (await read<{ outcome: string; n: string }>(`SELECT outcome, count(*) AS n FROM source_lookup GROUP BY outcome`)).reduce((all, row) => ({ ...all, [row.outcome]: Number(row.n) }), {} as Record<string, number>);
      // At most 50 a run: the next run looks up the rest, never one of the first again.
      const first = await lookups();
      expect((first.FOUND ?? 0) + (first.NOT_FOUND ?? 0)).toBe(50);
      await run(ids.creditData);
      const second = await lookups();
      expect(second.FOUND).toBe(data.facts.lookupOnlyIds.length);
      expect(second.FAILED).toBeUndefined();
    } finally {
      await started.close();
    }
  }, 120_000);
});
