import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { createDataSource } from "./data-source";
import { APP_ROLE } from "./tenant-session";
import { WriteTransaction } from "./write-transaction";
import { SourceKind, SourceSystem } from "../sources/source-system.entity";

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { pool: { size: 2 } });
  await dataSource.initialize();
});
afterAll(() => dataSource.destroy());

const newTenant = () => `t-${randomUUID().slice(0, 13)}`;

/** Who the transaction's statements run as, and whether it still holds an advisory lock. */
async function state(tx: WriteTransaction): Promise<{ role: string; advisory: number }> {
  const [row] = await tx.query<{ role: string; advisory: number }>(
    `SELECT current_user AS role, (SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory')::int AS advisory`,
  );
  return row;
}

describe("WriteTransaction", () => {
  it("keeps manager.save inside its transaction: the lock and the role stay, and a later failure undoes the row", async () => {
    const tenant = newTenant();
    const failure = new Error("after the save");
    let during: Array<{ role: string; advisory: number }> = [];
    const work = WriteTransaction.run(dataSource, tenant, async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`write-transaction-test:${tenant}`]);
      const before = await state(tx);
      await tx.manager.save(
        tx.manager.create(SourceSystem, { tenantId: tenant, kind: SourceKind.CRM, name: "saved", apiVersion: null, enabled: true, schedule: null, baseUrl: "http://127.0.0.1:1", companyId: null, credentials: "x" }),
      );
      during = [before, await state(tx)];
      throw failure;
    });
    await expect(work).rejects.toBe(failure);
    expect(during).toEqual([
      { role: APP_ROLE, advisory: 1 },
      { role: APP_ROLE, advisory: 1 },
    ]);
    expect(await dataSource.query(`SELECT id FROM source_system WHERE tenant_id = $1`, [tenant])).toEqual([]);
  });
});
