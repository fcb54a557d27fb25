/**
 * Measures the read API on a large tenant: npm run bench [-- --clients 10000 --rounds 30]
 * Seeds a throwaway database (embedded PostgreSQL in a temp dir, or a scratch database on
 * DATABASE_URL's server), starts the real server, and prints latency and SQL statement figures for
 * a full page with every relation, deep keyset vs deep offset pages, and search.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startGateway, RequestSummary } from "../src/app";
import { signToken } from "../src/auth/jwt";
import { DEVELOPMENT_JWT_SECRET, loadConfig } from "../src/config";
import { ensureDatabase } from "../src/db/database";
import { createDataSource } from "../src/db/data-source";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { seedTenant } from "../src/db/seed/seed";
import { buildGatewaySchema } from "../src/schema";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const clients = option("clients", 10_000);
  const rounds = option("rounds", 30);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-bench-"));
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 55000 + Math.floor(Math.random() * 1000), persistent: false });
  const url = await ensureDatabase(process.env.DATABASE_URL ?? embedded!.url, `cdg_bench_${process.pid}`);
  const dataSource = createDataSource(url, { pool: { size: 10 } });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const seedStart = Date.now();
  await seedTenant(dataSource, "bench", clients, 7);
  await dataSource.query("ANALYZE");
  console.log(`seeded ${clients} clients with all relations in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  // Defaults only: the shell's JWT_ISSUER or limits must not change what is measured.
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: url, LOG_LEVEL: "warn" });
  const summaries: RequestSummary[] = [];
  const gateway = await startGateway({ config, dataSource, schema: await buildGatewaySchema(), port: 0, host: "127.0.0.1", onRequestComplete: (s) => summaries.push(s) });
  const token = await signToken({ subject: "bench", companies: ["bench"], scopes: ["clients:read"], expiresIn: "1h" }, DEVELOPMENT_JWT_SECRET);
  const relations = fs.readFileSync(path.join(__dirname, "..", "test", "operations", "relations.graphql"), "utf8");

  async function run(query: string, variables: Record<string, unknown>) {
    const start = process.hrtime.bigint();
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-company-id": "bench" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown; data?: Record<string, { pageInfo?: { endCursor: string } }> };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, body, statements: summaries.at(-1)!.stats.statements };
  }

  async function measure(label: string, query: string, variables: Record<string, unknown>) {
    await run(query, variables); // warm-up
    const times: number[] = [];
    let statements = 0;
    for (let i = 0; i < rounds; i++) {
      const result = await run(query, variables);
      times.push(result.ms);
      statements = result.statements;
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(48)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   ${statements} SQL statements`,
    );
  }

  const page = `query($first: Int, $after: String, $offset: Int, $search: String) {
    clients(first: $first, after: $after, offset: $offset, search: $search) { nodes { id name } pageInfo { endCursor } } }`;
  // A cursor near the end of the list, found by walking with the largest pages.
  let after: string | undefined;
  for (let seen = 0; seen < clients - 100; seen += 100) {
    after = (await run(page, { first: 100, after })).body.data!.clients.pageInfo!.endCursor;
  }

  console.log(`\n${clients} clients, ${rounds} rounds each, one request at a time\n`);
  await measure("page of 10 with every relation (k=19)", relations, { first: 10 });
  await measure("page of 100 with every relation (k=19)", relations, { first: 100 });
  await measure("first page of 100, no relations", page, { first: 100 });
  await measure(`deep page by cursor (after row ${clients - 100})`, page, { first: 100, after });
  await measure(`deep page by offset (offset ${clients - 100})`, page, { first: 100, offset: clients - 100 });
  await measure("search 'ab' (name or org number)", page, { first: 25, search: "ab" });
  await measure("search by org number with dash", page, { first: 25, search: "556" });

  await gateway.stop();
  await dataSource.destroy();
  await embedded?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
