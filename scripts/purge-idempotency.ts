/**
 * Deletes expired idempotency keys of every tenant (the server also does it every
 * IDEMPOTENCY_PURGE_INTERVAL_MINUTES): npm run purge-idempotency
 * Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (stop `npm start` first: one server per data directory).
 */
import { parseOptions } from "./cli";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { purgeExpiredIdempotencyKeys } from "../src/common/mutation/idempotency";

const USAGE = `
Usage: npm run purge-idempotency
Deletes every tenant's expired idempotency keys now (the server does it every IDEMPOTENCY_PURGE_INTERVAL_MINUTES).
Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR.
`;

async function main(): Promise<void> {
  parseOptions(process.argv.slice(2), USAGE, []);
  const database = await openDatabase(loadConfig(), (line) => console.error(`[purge] ${line}`));
  try {
    const purged = await purgeExpiredIdempotencyKeys(database.dataSource);
    console.log(`purged ${purged} expired idempotency key${purged === 1 ? "" : "s"}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
