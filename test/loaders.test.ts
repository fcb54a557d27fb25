import { entityColumns, hydrateRows, queryEntities } from "../src/db/hydrate";
import { seedTenant } from "../src/db/seed/seed";
import { RequestLoaders } from "../src/common/loaders";
import { TenantSession } from "../src/db/tenant-session";
import { bankAccountsByClient } from "../src/modules/bank-account/bank-account.loaders";
import { TestGateway } from "./helpers/harness";
import { createClients } from "./helpers/fixtures";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

describe("TenantSession", () => {
  it("reads as the app role, in one REPEATABLE READ read-only transaction, with the tenant set for it only", async () => {
    const tenant = gateway.newTenant();
    const session = new TenantSession(gateway.dataSource, tenant);
    const [first] = await session.query<Record<string, string>>(
      `SELECT current_user AS "user", current_setting('transaction_isolation') AS isolation,
              current_setting('transaction_read_only') AS "readOnly", current_setting('app.tenant_id') AS tenant,
              txid_current_if_assigned() IS NULL AS "noWrite", pg_current_snapshot()::text AS snapshot`,
    );
    const [second] = await session.query<Record<string, string>>(`SELECT pg_current_snapshot()::text AS snapshot`);
    await session.close();
    expect(first).toMatchObject({ user: "client_gateway_app", isolation: "repeatable read", readOnly: "on", tenant, noWrite: true });
    expect(second.snapshot).toBe(first.snapshot);
    // Transaction-local: the pooled connection carries neither role nor tenant afterwards.
    const [after] = (await gateway.dataSource.query(
      `SELECT current_user AS "user", coalesce(current_setting('app.tenant_id', true), '') AS tenant`,
    )) as Record<string, string>[];
    expect(after.user).not.toBe("client_gateway_app");
    expect(after.tenant).toBe("");
  });
});

describe("RequestLoaders", () => {
  it("answers N load() calls with one SQL statement, each key with its own rows", async () => {
    const tenant = gateway.newTenant();
    const ids = await createClients(
      gateway,
      tenant,
      Array.from({ length: 20 }, (_, i) => ({ name: `L${i}`, bankAccounts: Array.from({ length: i % 3 }, (_, j) => ({ bankAccountNo: `${i}-${j}` })) })) as never,
    );
    const session = new TenantSession(gateway.dataSource, tenant);
    const loaders = new RequestLoaders(session);
    const results = await Promise.all(ids.map((id) => loaders.get(bankAccountsByClient).load({ tenantId: tenant, id })));
    await session.close();
    expect(session.stats.statements).toBe(1);
    expect(results.map((accounts) => accounts.length)).toEqual(ids.map((_, i) => i % 3));
    expect(results[5].map((a) => a.bankAccountNo)).toEqual(["5-0", "5-1"]);
  });

  it("gives a key of another tenant nothing, without running SQL", async () => {
    const other = gateway.newTenant();
    const [foreignId] = await createClients(gateway, other, [{ name: "theirs", bankAccounts: [{ bankAccountNo: "1" }] }] as never);
    const session = new TenantSession(gateway.dataSource, gateway.newTenant());
    const accounts = await new RequestLoaders(session).get(bankAccountsByClient).load({ tenantId: other, id: foreignId });
    await session.close();
    expect(accounts).toEqual([]);
    expect(session.stats.statements).toBe(0);
  });
});

describe("hydrateRows", () => {
  it("makes every entity exactly what TypeORM's own hydration makes of the same rows", async () => {
    const tenant = gateway.newTenant();
    await seedTenant(gateway.dataSource, tenant, 12, 3);
    const manager = gateway.dataSource.manager;
    const driver = gateway.dataSource.driver;
    let compared = 0;
    const typesSeen = new Set<string>();
    for (const metadata of gateway.dataSource.entityMetadatas) {
      if (!metadata.columns.some((c) => c.propertyName === "tenantId")) continue;
      const key = metadata.primaryColumns.map((c) => `"${c.databaseName}"`).join(", ");
      const raw = (await manager.query(`SELECT * FROM "${metadata.tableName}" WHERE "tenant_id" = $1 ORDER BY ${key} LIMIT 50`, [tenant])) as Record<string, unknown>[];
      // TypeORM's way, which hydrateRows replaced on the read path: the constructor, then prepareHydratedValue per column.
      const expected = raw.map((r) => {
        const row = manager.create(metadata.target as never) as Record<string, unknown>;
        for (const c of metadata.columns) row[c.propertyName] = driver.prepareHydratedValue(r[c.databaseName], c);
        return row;
      });
      const actual = hydrateRows(manager, metadata.target as never, raw) as Record<string, unknown>[];
      expect(actual).toEqual(expected);
      // The same rows read as arrays (rowMode "array"), by position.
      const byPosition = (await queryEntities(
        manager,
        metadata.target as never,
        `SELECT ${entityColumns(manager, metadata.target as never, "t")}, 1 AS "extra" FROM "${metadata.tableName}" t WHERE "tenant_id" = $1 ORDER BY ${key} LIMIT 50`,
        [tenant],
      )) as Record<string, unknown>[];
      expect(byPosition).toEqual(expected);
      byPosition.forEach((row, i) => expect(Object.getPrototypeOf(row)).toBe(Object.getPrototypeOf(expected[i])));
      // toEqual: the same values (relation properties the constructor left undefined aside), and the class.
      actual.forEach((row, i) => expect(Object.getPrototypeOf(row)).toBe(Object.getPrototypeOf(expected[i])));
      compared += raw.length;
      for (const c of metadata.columns) if (raw.some((r) => r[c.databaseName] !== null)) typesSeen.add(String(c.type));
    }
    // The seed fills the relations: the comparison covered many rows and the column types that need a conversion.
    expect(compared).toBeGreaterThan(100);
    expect([...typesSeen]).toEqual(expect.arrayContaining(["date", "timestamptz", "numeric", "bigint", "jsonb"]));
  });
});
