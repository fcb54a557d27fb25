import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TestGateway } from "./helpers/harness";
import { WRITER } from "./helpers/mutations";
import { ensureDatabase, migrate } from "../src/db/database";
import { RestartablePostgres } from "./helpers/restartable-postgres";
import { alive, ServerProcess } from "./helpers/server-process";
import { freePort } from "./helpers/databases";
import { signToken } from "../src/auth/jwt";
import { DEVELOPMENT_JWT_SECRET } from "../src/config";

const CREATE = `mutation Create($input: CreateClientInput!, $key: String!) {
  createClient(input: $input, idempotencyKey: $key) { client { id name } error { code } replayed }
}`;
const COUNT = `{ clients(first: 1) { totalCount } }`;

interface Outcome {
  status: number;
  code: string | null;
  id?: string;
}

async function createClient(gateway: TestGateway, tenant: string, name: string, key: string): Promise<Outcome> {
  const response = await gateway.send<{ createClient: { client: { id: string } | null; error: { code: string } | null } }>(
    CREATE,
    { input: { name, countryCode: "SE" }, key },
    { tenant, scopes: WRITER },
  );
  const payload = response.data?.createClient;
  return {
    status: response.status,
    code: (response.errors?.[0]?.extensions?.code as string | undefined) ?? payload?.error?.code ?? null,
    id: payload?.client?.id,
  };
}

describe("a full pool", () => {
  it("fails fast with SERVICE_UNAVAILABLE (503, Retry-After) instead of hanging, and serves again once a connection is free", async () => {
    const gateway = await TestGateway.start({ poolSize: 2, env: { DB_CONNECTION_TIMEOUT_MS: "300" } });
    const tenant = gateway.newTenant();
    const held = [gateway.dataSource.createQueryRunner(), gateway.dataSource.createQueryRunner()];
    try {
      // Every connection of the pool is taken.
      for (const runner of held) await runner.connect();
      const headers = { "content-type": "application/json", authorization: `Bearer ${await gateway.token([tenant])}`, "x-company-id": tenant };
      const response = await fetch(gateway.url, { method: "POST", headers, body: JSON.stringify({ query: COUNT }) });
      const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(body.errors[0]).toEqual({
        message: "The database is unavailable or busy; retry shortly",
        path: ["clients"],
        extensions: { code: "SERVICE_UNAVAILABLE", requestId: response.headers.get("x-request-id") },
      });
      await held[0].release();
      expect((await gateway.send(COUNT, {}, { tenant })).data).toEqual({ clients: { totalCount: 0 } });
    } finally {
      for (const runner of held) if (!runner.isReleased) await runner.release();
      await gateway.stop();
    }
  });

  it("has PostgreSQL cancel a statement over the statement timeout", async () => {
    const gateway = await TestGateway.start({ env: { DB_STATEMENT_TIMEOUT_MS: "200" } });
    try {
      await expect(gateway.dataSource.query("SELECT pg_sleep(5)")).rejects.toMatchObject({ driverError: { code: "57014" } });
      expect(await gateway.dataSource.query("SHOW statement_timeout")).toEqual([{ statement_timeout: "200ms" }]);
    } finally {
      await gateway.stop();
    }
  });
});

describe("PostgreSQL restarting under load", () => {
  let postgres: RestartablePostgres;
  let gateway: TestGateway;

  beforeAll(async () => {
    // A PostgreSQL of its own: the shared test server must not restart under the other suites.
    postgres = await RestartablePostgres.start();
    const url = await ensureDatabase(postgres.url, "restart");
    await migrate(url);
    gateway = await TestGateway.start({ databaseUrl: url, poolSize: 5, env: { DB_CONNECTION_TIMEOUT_MS: "1000" } });
  });
  afterAll(async () => {
    await gateway?.stop();
    await postgres?.close();
  });

  it("answers errors while it is down, recovers by itself, and loses no committed write", async () => {
    const tenant = gateway.newTenant();
    const base = gateway.url.replace(/\/graphql$/, "");
    const sent: { name: string; key: string; outcome: Outcome }[] = [];
    let phase: "before" | "down" | "after" = "before";
    const seen = { before: 0, down: 0, downErrors: 0, after: 0 };
    let stop = false;

    // Four callers write clients one after the other, as fast as the server answers.
    const caller = async () => {
      while (!stop) {
        const name = `client ${randomUUID()}`;
        const key = `key-${randomUUID()}`;
        const at = phase;
        const outcome = await createClient(gateway, tenant, name, key);
        sent.push({ name, key, outcome });
        if (outcome.code === null) seen[at === "down" ? "down" : at] += 1;
        else if (at === "down") seen.downErrors += 1;
      }
    };
    const callers = Array.from({ length: 4 }, caller);

    const until = async (condition: () => boolean) => {
      while (!condition()) await new Promise((resolve) => setImmediate(resolve));
    };
    await until(() => seen.before >= 20);

    await postgres.command("stop");
    phase = "down";
    await until(() => seen.downErrors >= 20);
    // The process is alive and says it is not ready.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${base}/readyz`);
    expect({ status: notReady.status, body: await notReady.json() }).toEqual({ status: 503, body: { status: "unavailable", reason: "database unreachable" } });

    await postgres.command("start");
    phase = "after";
    await until(() => seen.after >= 20);
    stop = true;
    await Promise.all(callers);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // While it was down, every failure was SERVICE_UNAVAILABLE (503), never an internal error.
    const failures = sent.filter((s) => s.outcome.code !== null);
    expect(failures.length).toBeGreaterThanOrEqual(20);
    expect({
      outcomes: new Set(failures.map((f) => `${f.outcome.status} ${f.outcome.code}`)),
      internalErrors: gateway.logs().filter((line) => line.msg === "internal error"),
    }).toEqual({ outcomes: new Set(["503 SERVICE_UNAVAILABLE"]), internalErrors: [] });

    // Every write the server confirmed is there.
    const stored = (await gateway.dataSource.query(`SELECT id::text, name FROM client WHERE tenant_id = $1`, [tenant])) as { id: string; name: string }[];
    const byName = new Map(stored.map((row) => [row.name, row.id]));
    for (const confirmed of sent.filter((s) => s.outcome.code === null)) {
      expect(byName.get(confirmed.name)).toBe(confirmed.outcome.id);
    }
    // A write that failed is safe to retry with its key: it happens exactly once.
    for (const failed of failures) {
      const retried = await createClient(gateway, tenant, failed.name, failed.key);
      expect(retried.code).toBeNull();
    }
    const [{ count }] = (await gateway.dataSource.query(
      `SELECT count(*)::int AS count, count(DISTINCT name)::int AS names FROM client WHERE tenant_id = $1`,
      [tenant],
    )) as { count: number; names: number }[];
    expect(count).toBe(sent.length);
    expect(gateway.logs().some((line) => line.msg === "database unavailable")).toBe(true);
  });
});

/** `promise`'s value, or `timedOut` when it takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | "timed out"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timed out">((resolve) => (timer = setTimeout(() => resolve("timed out"), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("the embedded PostgreSQL dying", () => {
  it("is restarted by the server, which answers 503 meanwhile, recovers by itself, keeps committed writes, and still stops cleanly", async () => {
    // The real server with the embedded default (no DATABASE_URL), on a data directory of its own.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-supervise-"));
    const dataDir = path.join(dir, "pg");
    const pidFile = path.join(dataDir, "postmaster.pid");
    const postmaster = () => Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    const server = ServerProcess.start({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), DB_CONNECTION_TIMEOUT_MS: "500" });
    let running: number | undefined;
    try {
      const { port } = (await server.line("GraphQL API ready")) as { port: number };
      const base = `http://127.0.0.1:${port}`;
      const tenant = "supervised";
      const token = await signToken({ subject: "t", companies: [tenant], scopes: ["clients:read", "clients:write"], expiresIn: "5m" }, DEVELOPMENT_JWT_SECRET);
      const post = (query: string, variables: Record<string, unknown> = {}) =>
        fetch(`${base}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-company-id": tenant },
          body: JSON.stringify({ query, variables }),
        });
      const created = await post(CREATE, { input: { name: "Before the crash AB", countryCode: "SE" }, key: "before-crash" });
      expect(created.status).toBe(200);

      const killed = postmaster();
      running = killed;
      process.kill(killed, "SIGKILL");

      // Nobody restarts it: the server answers 503 until it has, then 200 again.
      const failures: string[] = [];
      const deadline = Date.now() + 30_000;
      let recovered = false;
      while (!recovered && Date.now() < deadline) {
        const response = await post(COUNT);
        const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
        if (response.status === 200 && failures.length > 0) recovered = true;
        else if (response.status !== 200) failures.push(`${response.status} ${body.errors?.[0]?.extensions.code} ${response.headers.get("retry-after")}`);
      }
      expect({ recovered, failures: new Set(failures) }).toEqual({ recovered: true, failures: new Set(["503 SERVICE_UNAVAILABLE 1"]) });
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      // The write committed before the crash survived it.
      expect(await (await post(COUNT)).json()).toMatchObject({ data: { clients: { totalCount: 1 } } });
      running = postmaster();
      expect(running).not.toBe(killed);
      expect(server.lines.filter((line) => line.level === "warn" && String(line.msg).startsWith("embedded PostgreSQL exited")).length).toBe(1);
      await server.line("embedded PostgreSQL restarted");

      // SIGTERM after the restart still stops cleanly, the restarted PostgreSQL included.
      server.child.kill("SIGTERM");
      expect(await within(server.exited, 5_000)).toBe(0);
      await server.line("database closed");
      expect({ postmasterAlive: alive(running), pidFile: fs.existsSync(pidFile) }).toEqual({ postmasterAlive: false, pidFile: false });
    } finally {
      if (server.child.exitCode === null) server.child.kill("SIGKILL");
      for (const pid of [running, fs.existsSync(pidFile) ? postmaster() : undefined]) if (pid && alive(pid)) process.kill(pid, "SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
