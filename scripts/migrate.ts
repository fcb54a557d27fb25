/**
 * Applies pending migrations, as a release step before the new version's processes start
 * (with MIGRATE_ON_START=false on them): npm run migrate
 * Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (a running gateway's, or one of its own). --help says more.
 */
import { parseOptions } from "./cli";
import { loadConfig } from "../src/config";
import { openDatabase, pendingMigrations } from "../src/db/database";

const USAGE = `
Usage: npm run migrate
Applies the migrations the database lacks, under the startup lock every gateway process takes, so
it is safe while processes start or run. A release step for deployments that start processes with
MIGRATE_ON_START=false (in the Docker image: node dist/scripts/migrate.js).
Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR: the one a running gateway started there, else one of its own.
`;

async function main(): Promise<void> {
  parseOptions(process.argv.slice(2), USAGE, []);
  const config = { ...loadConfig(), migrateOnStart: true };
  let applied = false;
  const database = await openDatabase(
    config,
    (line) => {
      if (line.startsWith("applied ")) applied = true;
      console.error(`[migrate] ${line}`);
    },
    { shareRunningEmbedded: true },
  );
  try {
    const pending = await pendingMigrations(database.url, { pgbouncer: config.pool.pgbouncer });
    if (pending.length > 0) throw new Error(`still pending: ${pending.join(", ")}`);
    console.log(applied ? "migrated: the database is up to date" : "nothing to apply: the database is up to date");
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
