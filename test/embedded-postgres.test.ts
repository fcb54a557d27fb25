import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { freePort } from "./helpers/databases";

/** What the embedded PostgreSQL does with a DATA_DIR it can't use: a clear message, nothing touched. */

const WHAT_TO_DO = /empty it, point DATA_DIR at an empty or new directory, or set DATABASE_URL/;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-datadir-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a DATA_DIR without a PostgreSQL cluster", () => {
  it("refuses a non-empty directory, saying what to do instead, and leaves it as it was", async () => {
    const dataDir = path.join(dir, "data");
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, "notes.txt"), "not a database");
    const start = startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    await expect(start).rejects.toThrow(`DATA_DIR ${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION)`);
    await expect(start).rejects.toThrow(WHAT_TO_DO);
    expect(fs.readdirSync(dataDir)).toEqual(["notes.txt"]);
  });

  it("refuses a mount point (only lost+found in it), saying to use a subdirectory of it", async () => {
    const dataDir = path.join(dir, "data");
    fs.mkdirSync(path.join(dataDir, "lost+found"), { recursive: true });
    const start = startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    await expect(start).rejects.toThrow(`DATA_DIR ${dataDir} holds only lost+found, so it looks like a mount point`);
    await expect(start).rejects.toThrow(`set DATA_DIR to a subdirectory of it, such as ${path.join(dataDir, "pgdata")}`);
    await expect(start).rejects.not.toThrow(/empty it/);
    expect(fs.readdirSync(dataDir)).toEqual(["lost+found"]);
  });

  it("refuses a file in its place", async () => {
    const dataDir = path.join(dir, "data");
    fs.writeFileSync(dataDir, "a file");
    const start = startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
    await expect(start).rejects.toThrow(`DATA_DIR ${dataDir} is not a directory`);
    await expect(start).rejects.toThrow(WHAT_TO_DO);
  });
});
