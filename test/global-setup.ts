import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, migrate } from "../src/db/database";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { dropDatabase, freePort } from "./helpers/databases";

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
  await migrate(url);
  process.env.TEST_DATABASE_URL = url;
}
