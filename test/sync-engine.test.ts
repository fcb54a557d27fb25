import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { CrmSimulator } from "../src/sources/crm/simulator";
import { SyncStatus } from "../src/sync/sync-run.entity";
import { addSource, crmRecord, freshTenant, rows, swedishOrg, syncNow } from "./helpers/sync";

let dataSource: DataSource;
let crm: CrmSimulator;

beforeAll(async () => {
  dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { pool: { size: 4 } });
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource.destroy();
});

afterEach(async () => {
  await crm?.close();
});

async function crmSource(tenantId: string, records: ReturnType<typeof crmRecord>[]) {
  crm = await CrmSimulator.start({ token: "crm-token", companyId: "7", records: records as never });
  const sourceId = await addSource(dataSource, tenantId, { kind: "CRM", baseUrl: crm.url, companyId: "7", credentials: { bearerToken: "crm-token" } });
  return sourceId;
}

describe("a CRM sync", () => {
  it("creates one client per record on the first run, and changes nothing on the second", async () => {
    const tenant = freshTenant("first");
    const sourceId = await crmSource(tenant, Array.from({ length: 150 }, (_, i) => crmRecord(i + 1)));
    const first = await syncNow(dataSource, tenant, sourceId);
    expect(first).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 150, created: 150, updated: 0, failed: 0, conflicts: 0 } });
    const clients = await rows<{ name: string; org_number: string }>(dataSource, tenant, "SELECT name, org_number FROM client ORDER BY id");
    expect(clients).toHaveLength(150);
    expect(clients[0].name).toBe("Company 1 AB");
    const history = await rows<{ n: string }>(dataSource, tenant, "SELECT count(*) AS n FROM audit_entry WHERE sync_run_id = $1 AND source_system_id = $2", [first.runId, sourceId]);
    expect(Number(history[0].n)).toBe(150);
    const provenance = await rows<{ n: string }>(dataSource, tenant, "SELECT count(*) AS n FROM field_source WHERE source_system_id = $1 AND field = 'email'", [sourceId]);
    expect(Number(provenance[0].n)).toBe(150);

    const second = await syncNow(dataSource, tenant, sourceId, true);
    expect(second).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 150, created: 0, updated: 0, unchanged: 150 } });
    const after = await rows<{ n: string }>(dataSource, tenant, "SELECT count(*) AS n FROM audit_entry");
    expect(Number(after[0].n)).toBe(150);
  });

  it("applies a change and a deletion by an incremental run", async () => {
    const tenant = freshTenant("incr");
    const sourceId = await crmSource(tenant, [crmRecord(1), crmRecord(2), crmRecord(3)]);
    await syncNow(dataSource, tenant, sourceId);
    crm.upsert({ id: 2, email: "new@company2.example" });
    crm.remove(3);
    const run = await syncNow(dataSource, tenant, sourceId);
    expect(run).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { updated: 1, archived: 1, created: 0 } });
    const clients = await rows<{ email: string; archived_at: Date | null; org_number: string }>(dataSource, tenant, "SELECT email, archived_at, org_number FROM client ORDER BY id");
    expect(clients.map((c) => c.email)).toEqual(["info1@company1.example", "new@company2.example", "info3@company3.example"]);
    expect(clients.map((c) => c.archived_at !== null)).toEqual([false, false, true]);
    const record = await rows<{ deleted_in_source: boolean }>(dataSource, tenant, "SELECT deleted_in_source FROM source_record WHERE source_id = '3'");
    expect(record[0].deleted_in_source).toBe(true);
    expect(swedishOrg(1)).toMatch(/^\d{6}-\d{4}$/);
  });
});
