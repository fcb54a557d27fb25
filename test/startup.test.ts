import { ensureDatabase } from "../src/db/database";
import { dropDatabase, sql } from "./helpers/databases";
import { ServerProcess } from "./helpers/server-process";

/**
 * Several gateway processes started at the same moment on one fresh database (replicas behind a
 * load balancer, a rolling deploy): one migrates and seeds under the startup lock, the others
 * wait for it and then find nothing to do; all of them serve.
 */

const server = () => process.env.TEST_DATABASE_URL!;

const stopAll = async (processes: ServerProcess[]) => {
  for (const p of processes) p.child.kill("SIGTERM");
  await Promise.all(processes.map((p) => p.exited));
};

describe("processes starting at once on one fresh database", () => {
  const name = `cdg_startup_${process.pid}_${Date.now()}`;
  let url: string;
  let processes: ServerProcess[] = [];
  beforeAll(async () => {
    url = await ensureDatabase(server(), name);
  });
  afterAll(async () => {
    await stopAll(processes);
    await dropDatabase(server(), name);
  });

  it("all three serve, the migrations ran once and the demo tenant was seeded once", async () => {
    const env = { NODE_ENV: "development", DATABASE_URL: url, SEED_DEMO: "true", DEMO_SOURCES: "false", DEMO_COMPANY_ID: "1" };
    processes = [ServerProcess.start(env), ServerProcess.start(env), ServerProcess.start(env)];
    const ready = await Promise.all(processes.map((p) => p.line("GraphQL API ready")));
    for (const { port } of ready as { port: number }[]) {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(response.status).toBe(200);
    }
    const messages = (p: ServerProcess) => p.lines.map((line) => String(line.msg));
    // One process applied every migration; the others applied none (they waited, then found none pending).
    const applied = processes.filter((p) => messages(p).some((msg) => msg.startsWith("applied ")));
    expect(applied).toHaveLength(1);
    const [{ migrations }] = await sql<{ migrations: number }>(url, `SELECT count(*)::int AS migrations FROM typeorm_migrations`);
    const [{ distinct }] = await sql<{ distinct: number }>(url, `SELECT count(DISTINCT name)::int AS distinct FROM typeorm_migrations`);
    expect(migrations).toBeGreaterThan(20);
    expect(distinct).toBe(migrations);
    // The seed: once, 200 clients, from one process.
    expect(processes.filter((p) => messages(p).some((msg) => msg.startsWith("seeded demo tenant")))).toHaveLength(1);
    const [{ clients }] = await sql<{ clients: number }>(url, `SELECT count(*)::int AS clients FROM client WHERE tenant_id = '1'`);
    expect(clients).toBe(200);
    // The others said they waited for it (they can't all have come after it was done: they started at once).
    expect(processes.filter((p) => messages(p).some((msg) => msg.includes("waiting for it"))).length).toBeGreaterThanOrEqual(1);
  }, 180_000);

  it("with MIGRATE_ON_START=false a process refuses to start on a database that lacks migrations, naming npm run migrate", async () => {
    const fresh = `${name}_unmigrated`;
    const freshUrl = await ensureDatabase(server(), fresh);
    try {
      const refused = ServerProcess.start({ NODE_ENV: "development", DATABASE_URL: freshUrl, MIGRATE_ON_START: "false", SEED_DEMO: "false", DEMO_SOURCES: "false" });
      await expect(refused.line("GraphQL API ready")).rejects.toThrow(/exited/);
      expect(await refused.exited).not.toBe(0);
      expect((await sql<{ n: number }>(freshUrl, `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'client'`))[0].n).toBe(0);
      expect(refused.stderr).toMatch(/failed to start.*MIGRATE_ON_START is off: run npm run migrate first/);
    } finally {
      await dropDatabase(server(), fresh);
    }
  }, 120_000);
});
