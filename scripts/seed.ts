/**
 * Seeds a tenant with deterministic demo clients, e.g. for the benchmark:
 *   npm run seed -- --clients 10000 [--company 1] [--seed 1]
 * Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (a running gateway's, or one of its own). --help says more.
 */
import { parseOptions } from "./cli";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { seedTenant } from "../src/db/seed/seed";
import { SeedProgress } from "../src/db/seed/seed-progress";

const USAGE = `
Usage: npm run seed -- [--clients <n>] [--company <id>] [--seed <n>]
Adds deterministic demo clients (with every relation) to a company, in one transaction, showing
its progress on stderr (a bar on a terminal, a line at each tenth otherwise).
  --clients   how many, 1..100000 (default 200)
  --company   the tenant (default DEMO_COMPANY_ID)
  --seed      the generator's seed (default 1); another seed makes other org numbers
Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR: the one a running gateway started there, else one of its own.
`;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), USAGE, ["clients", "company", "seed"]);
  const option = (name: string, fallback: string) => options.get(name) ?? fallback;
  const count = Number(option("clients", "200"));
  const seed = Number(option("seed", "1"));
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error("--clients must be 1..100000");
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  const config = loadConfig();
  const company = option("company", config.demoCompanyId);
  const database = await openDatabase(config, (line) => console.error(`[seed] ${line}`), { shareRunningEmbedded: true });
  try {
    const started = Date.now();
    console.error(`[seed] adding ${count} clients to company ${company} (seed ${seed})...`);
    const progress = new SeedProgress(process.stderr, { tty: process.stderr.isTTY === true, total: count });
    const inserted = await seedTenant(database.dataSource, company, count, seed, (written) => progress.update(written)).catch((error: unknown) => {
      progress.end();
      if ((error as { code?: string }).code !== "23505") throw error;
      throw new Error(`company ${company} already has clients with the org numbers of --seed ${seed}: run with another --seed (e.g. --seed ${seed + 1}) to add more`);
    });
    progress.end();
    console.log(`seeded ${inserted} clients into company ${company} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
