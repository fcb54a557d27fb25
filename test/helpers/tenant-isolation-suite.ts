import {
  ClientByExternalIdDocument,
  ClientByIdDocument,
  ClientByOrgNumberDocument,
  ClientByUniqueIdDocument,
  ClientsPageDocument,
  ClientsWithRelationsDocument,
  UpdateClientDocument,
} from "../generated/graphql";
import { dataOf, TestGateway } from "./harness";
import { createClients, fullGraph } from "./fixtures";
import { APP_ROLE } from "../../src/db/tenant-session";

/**
 * The tenant-isolation checks, on a gateway `start` makes: another tenant's data through the API,
 * and row-level security in the database. test/tenant-isolation.test.ts runs them directly on
 * PostgreSQL, test/pgbouncer.test.ts through PgBouncer in transaction mode.
 */
export function tenantIsolationSuite(start: () => Promise<TestGateway>): void {
  let gateway: TestGateway;
  let tenantA: string;
  let tenantB: string;
  let bId: string;
  let bUniqueId: string;

  beforeAll(async () => {
    gateway = await start();
    tenantA = gateway.newTenant();
    tenantB = gateway.newTenant();
    await createClients(gateway, tenantA, [{ name: "A's own", countryCode: "SE", orgNumber: "5560360793" }] as never);
    // Tenant B has a row in every tenant table.
    [bId] = await createClients(gateway, tenantB, [
      { ...fullGraph(1), name: "B's secret", countryCode: "SE", orgNumber: "5568184747", externalIdentifiers: [{ source: "crm", externalId: "B-1" }] },
    ] as never);
    await gateway.dataSource.query(
      `INSERT INTO favourite_client (tenant_id, subject, client_id) VALUES ($1, 'someone', $2)`,
      [tenantB, bId],
    );
    await gateway.dataSource.query(
      `INSERT INTO opened_client (tenant_id, subject, client_id, opened_at) VALUES ($1, 'someone', $2, now())`,
      [tenantB, bId],
    );
    // ... the write fence a mutation of B's bumps (B's clients above are inserted, not created by a mutation).
    await gateway.dataSource.query(`INSERT INTO write_fence (tenant_id, subject) VALUES ($1, 'someone')`, [tenantB]);
    // ... and in the tables of sources and sync (no API yet: as a sync will write them).
    const [{ id: source }] = (await gateway.dataSource.query(
      `INSERT INTO source_system (tenant_id, kind, name, base_url, credentials) VALUES ($1, 'CRM', 'B''s CRM', 'https://crm.example.test', 'v1.sealed.by.test') RETURNING id`,
      [tenantB],
    )) as { id: string }[];
    const [{ id: run }] = (await gateway.dataSource.query(`INSERT INTO sync_run (tenant_id, source_system_id) VALUES ($1, $2) RETURNING id`, [tenantB, source])) as { id: string }[];
    await gateway.dataSource.query(`INSERT INTO sync_issue (tenant_id, run_id, kind, message) VALUES ($1, $2, 'SOURCE_ERROR', '503')`, [tenantB, run]);
    await gateway.dataSource.query(
      `INSERT INTO source_record (tenant_id, client_id, source_system_id, source_id, last_synced_at, content_hash, raw) VALUES ($1, $2, $3, 'B-1', now(), repeat('0', 64), '{}')`,
      [tenantB, bId, source],
    );
    await gateway.dataSource.query(`INSERT INTO field_source (tenant_id, client_id, field, source_system_id, set_at) VALUES ($1, $2, 'name', $3, now())`, [tenantB, bId, source]);
    await gateway.dataSource.query(`INSERT INTO source_summary (tenant_id, client_id, source_system_id, kind, figures, as_of) VALUES ($1, $2, $3, 'CLIENT', '{"cases": "3"}', now())`, [tenantB, bId, source]);
    await gateway.dataSource.query(`INSERT INTO source_precedence (tenant_id, field_group, sources) VALUES ($1, 'CONTACT', '["INVOICING", "CRM"]')`, [tenantB]);
    await gateway.dataSource.query(`INSERT INTO source_lookup (tenant_id, source_system_id, client_id, outcome, looked_up_at) VALUES ($1, $2, $3, 'NOT_FOUND', now())`, [tenantB, source, bId]);
    // ... the company's templates, a client's chart of accounts and a custom action's run.
    for (const table of ["pricelist_template", "parameter_template", "chart_of_account_template"]) {
      await gateway.dataSource.query(`INSERT INTO "${table}" (tenant_id, name) VALUES ($1, 'B''s template')`, [tenantB]);
    }
    await gateway.dataSource.query(`INSERT INTO pricelist_service (tenant_id, service_id, name) VALUES ($1, 10, 'B''s service')`, [tenantB]);
    await gateway.dataSource.query(`INSERT INTO client_account (tenant_id, client_id, account_number, name) VALUES ($1, $2, '1510', 'B''s account')`, [tenantB, bId]);
    await gateway.dataSource.query(
      `INSERT INTO client_action_run (tenant_id, client_id, source_system_id, service_definition, async, status, requested_by) VALUES ($1, $2, $3, 'sendReminder', true, 'QUEUED', 'someone')`,
      [tenantB, bId, source],
    );
    // ... a webhook subscription and one of its deliveries.
    const [{ id: hook }] = (await gateway.dataSource.query(
      `INSERT INTO webhook_subscription (tenant_id, url, secret, created_by) VALUES ($1, 'https://hooks.example.test/b', 'v1.sealed.by.test', 'someone') RETURNING id`,
      [tenantB],
    )) as { id: string }[];
    await gateway.dataSource.query(
      `INSERT INTO webhook_delivery (tenant_id, subscription_id, change_id, client_id, kind, body, next_attempt_at) VALUES ($1, $2, 1, $3, 'UPDATED', '{}', now())`,
      [tenantB, hook, bId],
    );
    await gateway.dataSource.query(`INSERT INTO client_change_horizon (tenant_id, seq, change_id) VALUES ($1, 0, 0)`, [tenantB]);
    bUniqueId = dataOf(await gateway.call(ClientByIdDocument, { id: bId }, { tenant: tenantB })).client!.uniqueId;
    // ... and an audit entry and an idempotency key, from a mutation.
    dataOf(await gateway.call(UpdateClientDocument, { id: bId, patch: { notes: "B's note" }, key: "b-key" }, { tenant: tenantB, scopes: ["clients:read", "clients:write"] }));
  });
  afterAll(() => gateway.stop());

  describe("another tenant's data through the API", () => {
    it("is visible to its own tenant (the control)", async () => {
      expect(dataOf(await gateway.call(ClientByIdDocument, { id: bId }, { tenant: tenantB })).client?.name).toBe("B's secret");
      expect(dataOf(await gateway.call(ClientByExternalIdDocument, { source: "crm", externalId: "B-1" }, { tenant: tenantB })).clientByExternalId?.id).toBe(bId);
    });

    it("is null by id, GUID, org number and external id", async () => {
      const as = { tenant: tenantA };
      expect(dataOf(await gateway.call(ClientByIdDocument, { id: bId }, as)).client).toBeNull();
      expect(dataOf(await gateway.call(ClientByUniqueIdDocument, { uniqueId: bUniqueId }, as)).clientByUniqueId).toBeNull();
      expect(dataOf(await gateway.call(ClientByOrgNumberDocument, { orgNumber: "556818-4747", countryCode: "SE" }, as)).clientByOrgNumber).toBeNull();
      expect(dataOf(await gateway.call(ClientByExternalIdDocument, { source: "crm", externalId: "B-1" }, as)).clientByExternalId).toBeNull();
    });

    it("is absent from lists, searches and filters on its id", async () => {
      const as = { tenant: tenantA };
      const all = dataOf(await gateway.call(ClientsPageDocument, { withTotal: true, deleted: "INCLUDE" }, as)).clients;
      expect(all.edges.map((e) => e.node.name)).toEqual(["A's own"]);
      expect(all.totalCount).toBe(1);
      const searched = dataOf(await gateway.call(ClientsPageDocument, { withTotal: true, search: "secret" }, as)).clients;
      expect(searched.totalCount).toBe(0);
      const byId = dataOf(await gateway.call(ClientsPageDocument, { withTotal: false, filter: { id: { eq: bId } } }, as)).clients;
      expect(byId.edges).toEqual([]);
    });

    it("shows each tenant only its own relations (B's page is full, A's empty)", async () => {
      const own = dataOf(await gateway.call(ClientsWithRelationsDocument, { first: 10 }, { tenant: tenantB })).clients.nodes;
      expect(own[0].bankAccounts).toHaveLength(2);
      const page = dataOf(await gateway.call(ClientsWithRelationsDocument, { first: 10 }, { tenant: tenantA })).clients.nodes;
      expect(page.map((c) => [c.bankAccounts, c.externalIdentifiers, c.openInvoices, c.acts.nodes])).toEqual([[[], [], [], []]]);
    });
  });

  describe("row-level security in the database", () => {
    async function asAppRole<T>(tenant: string | null, sql: string): Promise<T[]> {
      return gateway.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('role', $1, true)`, [APP_ROLE]);
        if (tenant) await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
        return manager.query(sql) as Promise<T[]>;
      });
    }

    async function tenantTables(): Promise<string[]> {
      const rows = (await gateway.dataSource.query(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r'
           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id') ORDER BY 1`,
      )) as { name: string }[];
      return rows.map((r) => r.name);
    }

    it("returns no row of any tenant table to a query that forgets its tenant", async () => {
      const tables = await tenantTables();
      expect(tables).toHaveLength(37);
      for (const table of tables) {
        const [{ seen }] = await asAppRole<{ seen: number }>(null, `SELECT count(*)::int AS seen FROM "${table}"`);
        const [{ stored }] = (await gateway.dataSource.query(`SELECT count(*)::int AS stored FROM "${table}" WHERE tenant_id = $1`, [tenantB])) as { stored: number }[];
        expect({ table, seen, storedForB: stored > 0 }).toEqual({ table, seen: 0, storedForB: true });
      }
    });

    it("returns only the tenant's rows of every table to a query without a tenant filter", async () => {
      for (const table of await tenantTables()) {
        const asA = await asAppRole<{ tenant_id: string }>(tenantA, `SELECT DISTINCT tenant_id FROM "${table}"`);
        expect({ table, tenants: asA.map((r) => r.tenant_id).filter((t) => t !== tenantA) }).toEqual({ table, tenants: [] });
        const asB = await asAppRole<{ tenant_id: string }>(tenantB, `SELECT DISTINCT tenant_id FROM "${table}"`);
        expect({ table, tenants: asB.map((r) => r.tenant_id) }).toEqual({ table, tenants: [tenantB] });
      }
    });

    it("refuses to write a row into another tenant", async () => {
      await expect(asAppRole(tenantA, `INSERT INTO "client" ("tenant_id", "name") VALUES ('${tenantB}', 'smuggled')`)).rejects.toThrow(
        /row-level security/,
      );
    });

    it("refuses to move a row to another tenant", async () => {
      await expect(asAppRole(tenantB, `UPDATE "client" SET "tenant_id" = '${tenantA}'`)).rejects.toThrow(/row-level security/);
    });
  });
}
