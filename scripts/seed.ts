/**
 * Seeds a tenant with deterministic demo clients, e.g. for the benchmark:
 *   npm run seed -- --clients 10000 [--company 1] [--seed 1]
 * Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (stop `npm start` first: one server per data directory).
 */
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { seedTenant } from "../src/db/seed/seed";

function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const count = Number(option(args, "clients", "200"));
  const seed = Number(option(args, "seed", "1"));
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error("--clients must be 1..100000");
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  const config = loadConfig();
  const company = option(args, "company", config.demoCompanyId);
  const database = await openDatabase(config, (line) => console.error(`[seed] ${line}`));
  try {
    const started = Date.now();
    const inserted = await seedTenant(database.dataSource, company, count, seed);
    console.log(`seeded ${inserted} clients into company ${company} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
