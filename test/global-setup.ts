import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client as PgClient } from "pg";
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

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new PgClient({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
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
  const name = `cdg_test_${Date.now()}_${process.pid}`;
  const url = await ensureDatabase(serverUrl, name);
  if (process.env.DATABASE_URL) {
    // On a server we don't own, remove the scratch database again.
    const server = serverUrl;
    (globalThis as Record<string, unknown>).__cdgTeardown = () => dropDatabase(server, name);
  }
  const dataSource = createDataSource(url, { pool: { size: 2 } });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  await dataSource.destroy();
  process.env.TEST_DATABASE_URL = url;
}
