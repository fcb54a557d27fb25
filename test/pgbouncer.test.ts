import { existsSync } from "node:fs";
import { dataOf, TestGateway } from "./helpers/harness";
import { createClients } from "./helpers/fixtures";
import { PGBOUNCER, PgBouncer, startPgBouncer } from "../bench/pgbouncer";
import { tenantIsolationSuite } from "./helpers/tenant-isolation-suite";
import { ensureDatabase } from "../src/db/database";
import { dropDatabase } from "./helpers/databases";
import { ServerProcess } from "./helpers/server-process";

/**
 * The gateway through a real PgBouncer in transaction mode (DB_PGBOUNCER=true), two server
 * connections for a pool of ten: consecutive transactions of one client land on different server
 * connections and one server connection serves both tenants in turn. The per-request set-up is
 * transaction-local only (role, tenant, timeouts), so the tenant-isolation checks hold as on
 * PostgreSQL directly. Without pgbouncer: fails in CI, says plainly that it did not run elsewhere.
 */

const installed = existsSync(PGBOUNCER);
if (!installed) {
  const message = `No pgbouncer at ${PGBOUNCER} (apt-get install pgbouncer, or set PGBOUNCER_PATH)`;
  it("runs the tenant-isolation checks through PgBouncer", () => {
    if (process.env.CI) throw new Error(`${message}: the PgBouncer test must run in CI`);
    console.warn(`THE PGBOUNCER TEST DID NOT RUN: ${message}.`);
  });
} else {
  let bouncer: PgBouncer;
  const through = async () => {
    bouncer = await startPgBouncer(process.env.TEST_DATABASE_URL!);
    return TestGateway.start({ databaseUrl: bouncer.url, env: { DB_PGBOUNCER: "true" } });
  };
  afterAll(async () => {
    await bouncer?.stop();
  });

  describe("through PgBouncer in transaction mode", () => {
    tenantIsolationSuite(through);
  });

  it("starts the real server through it on a fresh database: migrations, startup lock, job queue and dispatcher, then serves and stops", async () => {
    const name = `cdg_pgbouncer_${process.pid}_${Date.now()}`;
    await ensureDatabase(process.env.TEST_DATABASE_URL!, name);
    const own = await startPgBouncer(process.env.TEST_DATABASE_URL!, 4);
    const url = new URL(own.url);
    url.pathname = `/${name}`;
    const server = ServerProcess.start({ NODE_ENV: "development", DATABASE_URL: url.toString(), DB_PGBOUNCER: "true", SEED_DEMO: "true", DEMO_SOURCES: "false", SYNC_DISPATCH_INTERVAL_MS: "200" });
    try {
      const { port } = (await server.line("GraphQL API ready")) as { port: number };
      expect(server.lines.some((line) => String(line.msg).startsWith("applied "))).toBe(true);
      expect(server.lines.some((line) => String(line.msg).startsWith("seeded demo tenant"))).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      expect(server.stderr).not.toMatch(/unsupported startup parameter|failed/);
      expect(own.log()).not.toMatch(/unsupported startup parameter/);
    } finally {
      server.child.kill("SIGKILL");
      await server.exited;
      await own.stop();
      await dropDatabase(process.env.TEST_DATABASE_URL!, name);
    }
  }, 120_000);

  describe("interleaved tenants through two server connections", () => {
    let gateway: TestGateway;
    let own: PgBouncer;
    beforeAll(async () => {
      own = await startPgBouncer(process.env.TEST_DATABASE_URL!, 2);
      gateway = await TestGateway.start({ databaseUrl: own.url, env: { DB_PGBOUNCER: "true" } });
    });
    afterAll(async () => {
      await gateway.stop();
      await own.stop();
    });

    it("answers 60 concurrent requests of two tenants each with its own data only, and sets nothing that outlives a transaction", async () => {
      const [a, b] = [gateway.newTenant(), gateway.newTenant()];
      await createClients(gateway, a, [{ name: "Only A" }] as never);
      await createClients(gateway, b, [{ name: "Only B" }] as never);
      const page = "{ clients(first: 10) { nodes { name } } }";
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b)).map(async (tenant) => ({ tenant, names: dataOf(await gateway.send<{ clients: { nodes: { name: string }[] } }>(page, {}, { tenant })).clients.nodes.map((n) => n.name) })),
      );
      for (const { tenant, names } of answers) expect(names).toEqual([tenant === a ? "Only A" : "Only B"]);
      // A statement outside any request's transaction, on a server connection those requests used:
      // no tenant, no role, no timeout of theirs is left on it.
      const [left] = (await gateway.dataSource.query(
        `SELECT current_setting('app.tenant_id', true) AS tenant, current_user AS role, current_setting('statement_timeout') AS timeout`,
      )) as { tenant: string | null; role: string; timeout: string }[];
      expect(left.tenant ?? "").toBe("");
      expect(left.role).toBe("postgres");
      expect(left.timeout).toBe("0");
      // And PgBouncer did run it all on its two server connections (no error, no refused startup parameter).
      expect(own.log()).not.toMatch(/unsupported startup parameter|ERROR/);
    });
  });
}
