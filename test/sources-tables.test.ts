import { randomBytes, randomUUID } from "node:crypto";
import { DataSource, EntityManager } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { APP_ROLE, TENANT_SETTING } from "../src/db/tenant-session";
import { CredentialsCipher } from "../src/sources/credentials";
import { SourceKind, SourceSystem } from "../src/sources/source-system.entity";
import { SyncRun, SyncStatus } from "../src/sync/sync-run.entity";
import { SyncIssue, SyncIssueKind } from "../src/sync/sync-issue.entity";
import { SourceRecord } from "../src/sync/source-record.entity";
import { FieldSource } from "../src/sync/field-source.entity";
import { scratchDatabase } from "./helpers/databases";
import { FieldSourcesOfPastApiWrites1796190900000 } from "../migrations/1796190900000-FieldSourcesOfPastApiWrites";

/** The sources-and-sync tables: defaults, the constraints SOURCES.md's rules need, tenant isolation. */
let dataSource: DataSource;
const cipher = new CredentialsCipher(randomBytes(32));

beforeAll(async () => {
  dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { pool: { size: 2 } });
  await dataSource.initialize();
});
afterAll(() => dataSource.destroy());

/** Runs `work` as the app role for `tenant`, in one transaction (as a request does). */
async function asTenant<T>(tenant: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('role', $1, true), set_config('${TENANT_SETTING}', $2, true)`, [APP_ROLE, tenant]);
    return work(manager);
  });
}

/** Whether `work` fails, and with which constraint. */
async function violation(tenant: string, work: (manager: EntityManager) => Promise<unknown>): Promise<string | undefined> {
  try {
    await asTenant(tenant, work);
    return undefined;
  } catch (error) {
    return (error as { constraint?: string }).constraint ?? (error as { code?: string }).code;
  }
}

async function clientOf(tenant: string): Promise<string> {
  const [row] = (await dataSource.query(`INSERT INTO client (tenant_id, name) VALUES ($1, 'Synced AB') RETURNING id`, [tenant])) as { id: string }[];
  return row.id;
}

async function sourceOf(tenant: string, kind = SourceKind.CRM): Promise<SourceSystem> {
  return asTenant(tenant, (manager) =>
    manager.save(
      manager.create(SourceSystem, {
        tenantId: tenant,
        kind,
        name: `${kind} of ${tenant}`,
        baseUrl: "https://crm.example.test",
        companyId: "42",
        apiVersion: null,
        schedule: "PT15M",
        credentials: cipher.encrypt({ bearerToken: "crm-token" }),
      }),
    ),
  );
}

const newTenant = () => `t-${randomUUID().slice(0, 13)}`;

describe("source_system and sync_run", () => {
  it("store a source with sealed credentials and a run with its defaults", async () => {
    const tenant = newTenant();
    const source = await sourceOf(tenant);
    const run = await asTenant(tenant, (manager) => manager.save(manager.create(SyncRun, { tenantId: tenant, sourceSystemId: source.id })));
    const [readSource, readRun] = await asTenant(tenant, async (manager) => [
      await manager.findOneByOrFail(SourceSystem, { id: source.id }),
      await manager.findOneByOrFail(SyncRun, { id: run.id }),
    ] as const);
    expect(readSource).toMatchObject({ kind: "CRM", enabled: true, schedule: "PT15M", syncState: {} });
    expect(readSource.credentials).not.toContain("crm-token");
    expect(cipher.decrypt(readSource.credentials)).toEqual({ bearerToken: "crm-token" });
    expect(readRun).toMatchObject({ status: "QUEUED", full: false, startedAt: null, finishedAt: null, jobId: null, fetched: 0, conflicts: 0, failed: 0 });
    expect(readRun.queuedAt).toBeInstanceOf(Date);
  });

  it("allow one open run (QUEUED or RUNNING) per source, and any number of finished ones", async () => {
    const tenant = newTenant();
    const source = await sourceOf(tenant);
    const other = await sourceOf(tenant, SourceKind.APTIC);
    const run = (status: SyncStatus, sourceSystemId = source.id) => (manager: EntityManager) =>
      manager.insert(SyncRun, { tenantId: tenant, sourceSystemId, status });
    expect(await violation(tenant, run(SyncStatus.QUEUED))).toBeUndefined();
    expect(await violation(tenant, run(SyncStatus.RUNNING))).toBe("UQ_sync_run_open_per_source");
    expect(await violation(tenant, run(SyncStatus.QUEUED, other.id))).toBeUndefined();
    for (const finished of [SyncStatus.SUCCEEDED, SyncStatus.PARTIAL, SyncStatus.FAILED, SyncStatus.CANCELLED]) {
      expect(await violation(tenant, run(finished))).toBeUndefined();
    }
    expect(await violation(tenant, (manager) => manager.query(`INSERT INTO sync_run (tenant_id, source_system_id, status) VALUES ($1, $2, 'DONE')`, [tenant, source.id]))).toBe("CHK_sync_run_status");
    expect(await violation(tenant, (manager) => manager.insert(SyncRun, { tenantId: tenant, sourceSystemId: other.id, status: SyncStatus.FAILED, fetched: -1 }))).toBe("CHK_sync_run_counters");
    expect(await violation(tenant, (manager) => manager.query(`INSERT INTO source_system (tenant_id, kind, name, base_url, credentials) VALUES ($1, 'ERP', 'x', 'https://x.test', 'v1')`, [tenant]))).toBe("CHK_source_system_kind");
  });
});

describe("source_record, field_source and sync_issue", () => {
  it("link one record per source id, and one record of each source per client", async () => {
    const tenant = newTenant();
    const [source, client, otherClient] = [await sourceOf(tenant), await clientOf(tenant), await clientOf(tenant)];
    const record = (clientId: string, sourceId: string, sourceSystemId = source.id) => (manager: EntityManager) =>
      manager.insert(SourceRecord, {
        tenantId: tenant,
        clientId,
        sourceSystemId,
        sourceId,
        lastSyncedAt: new Date(),
        contentHash: "0".repeat(64),
        raw: { id: sourceId, vat: "not a VAT number", unknown_field: [1, 2] },
      });
    expect(await violation(tenant, record(client, "crm-1"))).toBeUndefined();
    expect(await violation(tenant, record(otherClient, "crm-1"))).toBe("UQ_source_record_tenant_source_system_source_id");
    expect(await violation(tenant, record(client, "crm-2"))).toBe("UQ_source_record_tenant_client_source_system");
    const aptic = await sourceOf(tenant, SourceKind.APTIC);
    expect(await violation(tenant, record(client, "crm-1", aptic.id))).toBeUndefined();
    const [stored] = await asTenant(tenant, (manager) => manager.findBy(SourceRecord, { clientId: client, sourceSystemId: source.id }));
    expect(stored).toMatchObject({ deletedInSource: false, sourceUpdatedAt: null, raw: { id: "crm-1", vat: "not a VAT number", unknown_field: [1, 2] } });

    const field = (sourceSystemId: string | null) => (manager: EntityManager) =>
      manager.insert(FieldSource, { tenantId: tenant, clientId: client, field: "email", sourceSystemId, setAt: new Date() });
    expect(await violation(tenant, field(null))).toBeUndefined();
    expect(await violation(tenant, field(source.id))).toBe("UQ_field_source_tenant_client_field");
  });

  it("keep a run's issues append-only for the app role", async () => {
    const tenant = newTenant();
    const source = await sourceOf(tenant);
    const client = await clientOf(tenant);
    const run = await asTenant(tenant, (manager) => manager.save(manager.create(SyncRun, { tenantId: tenant, sourceSystemId: source.id, status: SyncStatus.PARTIAL })));
    await asTenant(tenant, (manager) =>
      manager.insert(SyncIssue, { tenantId: tenant, runId: run.id, kind: SyncIssueKind.CONFLICT, sourceId: "crm-9", clientId: client, message: "Matches two clients", detail: { clients: [client] } }),
    );
    expect(await violation(tenant, (manager) => manager.query(`DELETE FROM sync_issue WHERE run_id = $1`, [run.id]))).toBe("42501");
    expect(await violation(tenant, (manager) => manager.query(`UPDATE sync_issue SET message = 'x' WHERE run_id = $1`, [run.id]))).toBe("42501");
    expect(await violation(tenant, (manager) => manager.query(`INSERT INTO sync_issue (tenant_id, run_id, kind, message) VALUES ($1, $2, 'OOPS', 'x')`, [tenant, run.id]))).toBe("CHK_sync_issue_kind");
  });

  it("are confined to their tenant", async () => {
    const tenant = newTenant();
    const intruder = newTenant();
    const source = await sourceOf(tenant);
    const client = await clientOf(tenant);
    const run = await asTenant(tenant, (manager) => manager.save(manager.create(SyncRun, { tenantId: tenant, sourceSystemId: source.id })));
    await asTenant(tenant, async (manager) => {
      await manager.insert(SyncIssue, { tenantId: tenant, runId: run.id, kind: SyncIssueKind.SOURCE_ERROR, message: "401" });
      await manager.insert(SourceRecord, { tenantId: tenant, clientId: client, sourceSystemId: source.id, sourceId: "x", lastSyncedAt: new Date(), contentHash: "1".repeat(64), raw: {} });
      await manager.insert(FieldSource, { tenantId: tenant, clientId: client, field: "name", sourceSystemId: source.id, setAt: new Date() });
    });
    const counts = (who: string) =>
      asTenant(who, async (manager) => {
        const found: number[] = [];
        for (const entity of [SourceSystem, SyncRun, SyncIssue, SourceRecord, FieldSource]) found.push(await manager.count(entity as never));
        return found;
      });
    expect(await counts(tenant)).toEqual([1, 1, 1, 1, 1]);
    expect(await counts(intruder)).toEqual([0, 0, 0, 0, 0]);
    // Nor can a row be written into another tenant.
    expect(await violation(intruder, (manager) => manager.insert(SyncRun, { tenantId: tenant, sourceSystemId: source.id, status: SyncStatus.FAILED }))).toBe("42501");
  });
});

describe("the migrations of sources and sync", () => {
  it("give what people wrote through the API before provenance was kept a field source of its own", async () => {
    const tenant = `t-backfill-${randomUUID().slice(0, 8)}`;
    const client = await clientOf(tenant);
    await dataSource.query(
      `INSERT INTO audit_entry (tenant_id, client_id, entity_type, entity_id, operation, actor, request_id, changes, occurred_at) VALUES
         ($1, $2, 'Client', $2, 'updateClient', 'someone', 'r1', '[{"field": "email", "before": null, "after": "a@b.se"}, {"field": "archivedAt", "before": null, "after": "x"}]', '2026-01-01T00:00:00Z'),
         ($1, $2, 'Client', $2, 'updateClient', 'someone', 'r2', '[{"field": "email", "before": "a@b.se", "after": "c@d.se"}]', '2026-02-01T00:00:00Z'),
         ($1, $2, 'BankAccount', $2, 'createBankAccount', 'someone', 'r3', '[{"field": "iban", "before": null, "after": "SE.."}]', '2026-02-01T00:00:00Z')`,
      [tenant, client],
    );
    const runner = dataSource.createQueryRunner();
    try {
      await new FieldSourcesOfPastApiWrites1796190900000().up(runner);
    } finally {
      await runner.release();
    }
    const rows = (await dataSource.query(`SELECT field, source_system_id, set_at FROM field_source WHERE tenant_id = $1`, [tenant])) as Record<string, unknown>[];
    expect(rows).toEqual([{ field: "email", source_system_id: null, set_at: new Date("2026-02-01T00:00:00Z") }]);
  });

  it("go down and up again", async () => {
    const scratch = await scratchDatabase("sources_down");
    const scratchSource = createDataSource(scratch.url, { pool: { size: 1, statementTimeoutMs: 0 } });
    await scratchSource.initialize();
    try {
      // Every migration from the one that made these tables on, newest first.
      const since = scratchSource.migrations.filter((m) => Number(/\d{13}$/.exec(m.name ?? m.constructor.name)?.[0]) >= 1796179513729);
      expect(since.length).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < since.length; i++) await scratchSource.undoLastMigration({ transaction: "each" });
      const tables = async () =>
        ((await scratchSource.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('source_system', 'sync_run', 'sync_issue', 'source_record', 'field_source')`)) as { n: number }[])[0].n;
      expect(await tables()).toBe(0);
      await scratchSource.runMigrations({ transaction: "each" });
      expect(await tables()).toBe(5);
    } finally {
      await scratchSource.destroy();
      await scratch.drop();
    }
  });
});
