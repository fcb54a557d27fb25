import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureDatabase } from "../src/db/database";
import { createDataSource } from "../src/db/data-source";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * One PostgreSQL for the whole run: the embedded one in a temporary directory, or a fresh
 * database on DATABASE_URL's server. Migrations are applied once; every test makes its own tenant.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-test-"));
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), persistent: false });
    serverUrl = embedded.url;
    (globalThis as Record<string, unknown>).__cdgTeardown = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const url = await ensureDatabase(serverUrl, `cdg_test_${Date.now()}_${process.pid}`);
  const dataSource = createDataSource(url, { poolSize: 2 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  await dataSource.destroy();
  process.env.TEST_DATABASE_URL = url;
}
