/**
 * Generates a migration from the entities with TypeORM's own CLI, against a throwaway database
 * that has every existing migration applied: npm run migration:generate -- AddSomething
 * Uses DATABASE_URL's server when set (a scratch database is created there), else an embedded one.
 */
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { ensureDatabase } from "../src/db/database";
import { createDataSource } from "../src/db/data-source";

async function main(): Promise<void> {
  const usage = "Usage: npm run migration:generate -- PascalCaseName\nGenerates migrations/<timestamp>-PascalCaseName.ts from the entities, against a throwaway database with every migration applied.";
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(usage);
    return;
  }
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error("usage: npm run migration:generate -- PascalCaseName");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-migrate-"));
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 54000 + Math.floor(Math.random() * 1000), persistent: false });
  try {
    const url = await ensureDatabase(process.env.DATABASE_URL ?? embedded!.url, `cdg_migrate_${process.pid}`);
    const dataSource = createDataSource(url, { pool: { size: 2 } });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
    const result = spawnSync(
      process.execPath,
      [require.resolve("typeorm/cli-ts-node-commonjs.js"), "migration:generate", `migrations/${name}`, "-d", "src/db/cli-data-source.ts", "-p"],
      { stdio: "inherit", env: { ...process.env, DATABASE_URL: url, TS_NODE_TRANSPILE_ONLY: "true" } },
    );
    process.exitCode = result.status ?? 1;
  } finally {
    await embedded?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
