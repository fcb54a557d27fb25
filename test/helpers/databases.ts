import { Client as PgClient } from "pg";
import { ensureDatabase, migrate } from "../../src/db/database";

export { freePort } from "../../bench/free-port";

/** Runs one statement on the database of `url` on a connection of its own; answers its rows. */
export async function sql<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Drops database `name` on the server of `serverUrl`, its open connections included. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await sql(serverUrl, `DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
}

/** A migrated database of its own on the test server, for a test that breaks its database on purpose. */
export async function scratchDatabase(purpose: string): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("TEST_DATABASE_URL is unset: run the tests with jest (test/global-setup.ts)");
  const name = `cdg_${purpose}_${process.pid}_${Date.now()}`;
  const url = await ensureDatabase(server, name);
  await migrate(url);
  return { url, drop: () => dropDatabase(server, name) };
}
