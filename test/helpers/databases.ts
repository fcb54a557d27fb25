import { ensureDatabase } from "../../src/db/database";
import { createDataSource } from "../../src/db/data-source";

/** A migrated database of its own on the test server, for a test that breaks its database on purpose. */
export async function scratchDatabase(purpose: string): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("TEST_DATABASE_URL is unset: run the tests with jest (test/global-setup.ts)");
  const name = `cdg_${purpose}_${process.pid}_${Date.now()}`;
  const url = await ensureDatabase(server, name);
  const migrator = createDataSource(url, { pool: { size: 1, statementTimeoutMs: 0 } });
  await migrator.initialize();
  try {
    await migrator.runMigrations({ transaction: "each" });
  } finally {
    await migrator.destroy();
  }
  return {
    url,
    async drop() {
      const admin = createDataSource(server, { pool: { size: 1 } });
      await admin.initialize();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.destroy();
      }
    },
  };
}
