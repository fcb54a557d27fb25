/**
 * The real gateway (src/app.ts startGateway) as a child process of the benchmark, so its CPU and
 * memory are measured apart from the load generator's. DATABASE_URL names the seeded database;
 * the pool is DB_POOL_SIZE (the bench passes 10). Started with NODE_ENV=production in its
 * environment, so graphql-js skips its development-only checks; the gateway's own config is the
 * test defaults (development JWT secret, as the bench signs its token with it).
 */
import "reflect-metadata";
import { startGateway } from "../src/app";
import { loadConfig } from "../src/config";
import { createDataSource } from "../src/db/data-source";
import { buildGatewaySchema } from "../src/schema";
import { reportFiguresOnRequest } from "./child-figures";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  // Defaults only: the shell's JWT_ISSUER or limits must not change what is measured.
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: url,
    LOG_LEVEL: "warn",
    DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? "10",
    // bench/change-feed.ts measures writes with the change feed off (CHANGE_FEED=off) and on.
    ...(process.env.CHANGE_FEED !== undefined ? { CHANGE_FEED: process.env.CHANGE_FEED } : {}),
    // The write bench turns VAT checks off (VIES_URL empty): a call out to VIES after an update is not what it measures.
    ...(process.env.VIES_URL !== undefined ? { VIES_URL: process.env.VIES_URL } : {}),
    // METRICS_ENABLED=false measures the gateway without its Prometheus metrics (on by default outside production).
    ...(process.env.METRICS_ENABLED !== undefined ? { METRICS_ENABLED: process.env.METRICS_ENABLED } : {}),
    // bench/compression.ts measures answers with compression off (COMPRESSION=false) and on.
    ...(process.env.COMPRESSION !== undefined ? { COMPRESSION: process.env.COMPRESSION } : {}),
    ...(process.env.DB_POOL_RESERVED !== undefined ? { DB_POOL_RESERVED: process.env.DB_POOL_RESERVED } : {}),
  });
  const dataSource = createDataSource(url, { pool: config.pool });
  await dataSource.initialize();
  let statements = 0;
  const gateway = await startGateway({
    config,
    dataSource,
    schema: await buildGatewaySchema(),
    port: 0,
    host: "127.0.0.1",
    onRequestComplete: (summary) => (statements += summary.stats.statements),
  });
  reportFiguresOnRequest(
    gateway.url,
    async () => {
      await gateway.stop();
      await dataSource.destroy();
    },
    () => statements,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
