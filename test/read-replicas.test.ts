import { ClientByIdDocument, UpdateClientDocument } from "./generated/graphql";
import { dataOf, TestGateway } from "./helpers/harness";
import { RestartablePostgres } from "./helpers/restartable-postgres";
import { Lag, replicateLogically } from "./helpers/replication";
import { sql } from "./helpers/databases";
import { waitFor } from "./helpers/wait";
import { newKey, WRITER } from "./helpers/mutations";
import { ensureDatabase, migrate } from "../src/db/database";
import { loadConfig } from "../src/config";

/**
 * Read replicas (DATABASE_READ_URL) on two real PostgreSQL servers fed by logical replication
 * from the primary, with real lag: the test stops the replicas' apply workers (their
 * subscriptions disabled) and starts them again. Two gateways on the same primary and replicas
 * stand for two processes behind a load balancer: they share nothing but the databases.
 */
describe("read replicas", () => {
  let primary: RestartablePostgres;
  let replicas: RestartablePostgres[];
  let primaryUrl: string;
  let replicaUrls: string[];
  let lags: Lag[];
  let first: TestGateway;
  let second: TestGateway;
  const tenant = "t-replicas";
  const writer = { tenant, scopes: WRITER, subject: "writer" };
  const reader = { tenant, subject: "reader" };
  let clientId: string;

  const nameOn = async (url: string): Promise<string | undefined> =>
    (await sql<{ name: string }>(url, `SELECT name FROM client WHERE tenant_id = $1 AND id = $2`, [tenant, clientId]))[0]?.name;
  const read = async (gateway: TestGateway, as: { tenant: string; subject: string }) => {
    const client = dataOf(await gateway.call(ClientByIdDocument, { id: clientId }, as)).client;
    return { name: client?.name, route: gateway.lastRequest().readRoute };
  };
  /** `times` reads, one after the other: what they saw and where. */
  const reads = async (gateway: TestGateway, as: { tenant: string; subject: string }, times: number) => {
    const seen = [];
    for (let i = 0; i < times; i += 1) seen.push(await read(gateway, as));
    return seen;
  };
  const onReplica = (label: string) => ({ target: "replica", reason: "replica", replica: label });
  const pauseAll = () => Promise.all(lags.map((lag) => lag.pause()));
  const resumeAll = () => Promise.all(lags.map((lag) => lag.resume()));

  beforeAll(async () => {
    [primary, ...replicas] = await Promise.all([RestartablePostgres.start({ wal_level: "logical" }), RestartablePostgres.start(), RestartablePostgres.start()]);
    [primaryUrl, ...replicaUrls] = await Promise.all([primary, ...replicas].map((server) => ensureDatabase(server.url, "client_gateway")));
    await Promise.all([primaryUrl, ...replicaUrls].map((url) => migrate(url)));
    lags = await replicateLogically(primaryUrl, replicaUrls);
    const env = { DATABASE_READ_URL: replicaUrls.join(","), DATABASE_READ_RETRY_MS: "200" };
    [first, second] = await Promise.all([TestGateway.start({ databaseUrl: primaryUrl, env }), TestGateway.start({ databaseUrl: primaryUrl, env })]);
    [{ id: clientId }] = await sql<{ id: string }>(primaryUrl, `INSERT INTO client (tenant_id, name) VALUES ($1, 'Original') RETURNING id`, [tenant]);
    for (const url of replicaUrls) await waitFor("the client on the replica", async () => (await nameOn(url)) === "Original");
  }, 120_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await Promise.all([primary, ...(replicas ?? [])].map((server) => server?.close()));
  });

  it("reads query operations on the replicas, in turn", async () => {
    const seen = await reads(first, reader, 4);
    expect(seen.map((r) => r.name)).toEqual(["Original", "Original", "Original", "Original"]);
    expect(new Set(seen.map((r) => JSON.stringify(r.route)))).toEqual(new Set([JSON.stringify(onReplica("replica-1")), JSON.stringify(onReplica("replica-2"))]));
  });

  it("reads what the replica has, lag and all", async () => {
    await pauseAll();
    try {
      // A change the gateway did not make (no caller's fence): the lagging replicas don't have it yet.
      await sql(primaryUrl, `UPDATE client SET name = 'Changed behind the replicas' WHERE id = $1`, [clientId]);
      for (const url of replicaUrls) expect(await nameOn(url)).toBe("Original");
      for (const seen of await reads(first, reader, 2)) expect(seen).toEqual({ name: "Original", route: expect.objectContaining({ target: "replica" }) });
    } finally {
      await resumeAll();
    }
    await waitFor("the replicas to catch up", async () => (await reads(first, reader, 2)).every((seen) => seen.name === "Changed behind the replicas"));
  });

  it("shows a caller its own write at once, through any process, while the replicas lag", async () => {
    await pauseAll();
    try {
      const updated = dataOf(await first.call(UpdateClientDocument, { id: clientId, patch: { name: "Written by the writer" }, key: newKey() }, writer)).updateClient;
      // The mutation's own payload is read on the primary (a mutation never reads on a replica).
      expect(updated.client?.name).toBe("Written by the writer");
      expect(first.lastRequest().readRoute).toBeUndefined();
      for (const url of replicaUrls) expect(await nameOn(url)).toBe("Changed behind the replicas");
      // The writer's queries, through the process it wrote through and through the other one, read the primary.
      for (const gateway of [first, second]) {
        for (const seen of await reads(gateway, writer, 2)) expect(seen).toEqual({ name: "Written by the writer", route: { target: "primary", reason: "caller-wrote" } });
      }
      // Another caller reads the replicas as they are: the lag is real, and not the writer's to bear.
      for (const seen of await reads(second, reader, 2)) expect(seen).toEqual({ name: "Changed behind the replicas", route: expect.objectContaining({ target: "replica" }) });
    } finally {
      await resumeAll();
    }
    // Once a replica has applied the write (the writer's fence with it), the writer reads there again.
    const caughtUp = await waitFor("the writer's reads back on the replicas", async () => {
      const seen = await reads(second, writer, 2);
      return seen.every((r) => r.route?.target === "replica") && seen;
    });
    expect(caughtUp.map((r) => r.name)).toEqual(["Written by the writer", "Written by the writer"]);
  });

  it("costs one statement on the primary per query, and one more on the replica once the caller has written", async () => {
    const [{ version }] = await sql<{ version: string }>(primaryUrl, `SELECT version FROM write_fence WHERE tenant_id = $1 AND subject = 'writer'`, [tenant]);
    expect(version).toBe("1");
    expect(await sql(primaryUrl, `SELECT 1 FROM write_fence WHERE subject = 'reader'`)).toEqual([]);
    await read(first, reader);
    const unfenced = first.lastRequest().stats.statements;
    await read(first, writer);
    expect(first.lastRequest().readRoute?.target).toBe("replica");
    expect(first.lastRequest().stats.statements).toBe(unfenced + 1);
  });

  it("leaves a replica that is down out, reads on the primary when none is up, and takes them back once they answer", async () => {
    await replicas[0].command("stop");
    try {
      // The read that finds replica-1 gone reads on the primary; every read after it on replica-2.
      const meanwhile = await reads(first, reader, 2);
      expect(meanwhile.map((r) => r.name)).toEqual(["Written by the writer", "Written by the writer"]);
      expect(await reads(first, reader, 3)).toEqual(Array(3).fill({ name: "Written by the writer", route: onReplica("replica-2") }));
      expect(first.logs().some((line) => line.msg === "read replica unavailable: its reads go to another replica or the primary until it answers again" && line.replica === "replica-1")).toBe(true);
      await replicas[1].command("stop");
      try {
        for (const gateway of [first, second]) {
          await reads(gateway, reader, 2);
          expect(await read(gateway, reader)).toEqual({ name: "Written by the writer", route: { target: "primary", reason: "replica-unavailable" } });
        }
        const metrics = await (await fetch(first.url.replace("/graphql", "/metrics"))).text();
        expect(metrics).toMatch(/^gateway_db_replica_up\{replica="replica-1"\} 0$/m);
        expect(metrics).toMatch(/^gateway_db_replica_up\{replica="replica-2"\} 0$/m);
        // A write while they are down is read back too (on the primary).
        dataOf(await second.call(UpdateClientDocument, { id: clientId, patch: { name: "Written while the replicas were down" }, key: newKey() }, writer));
        expect(await read(first, writer)).toEqual({ name: "Written while the replicas were down", route: { target: "primary", reason: "replica-unavailable" } });
      } finally {
        await replicas[1].command("start");
      }
    } finally {
      await replicas[0].command("start");
    }
    const back = await waitFor("reads back on both replicas", async () => {
      const seen = await reads(first, writer, 2);
      return seen.every((r) => r.route?.target === "replica") && new Set(seen.map((r) => r.route?.replica)).size === 2 && seen;
    });
    expect(back.map((r) => r.name)).toEqual(["Written while the replicas were down", "Written while the replicas were down"]);
    expect(first.logs().some((line) => line.msg === "read replica is back: query operations read there again")).toBe(true);
  });

  it("leaves out a replica that lacks a migration of this version", async () => {
    const [last] = await sql<{ name: string }>(replicaUrls[1], `DELETE FROM typeorm_migrations WHERE id = (SELECT max(id) FROM typeorm_migrations) RETURNING name`);
    try {
      const behind = await TestGateway.start({ databaseUrl: primaryUrl, env: { DATABASE_READ_URL: replicaUrls[1], DATABASE_READ_RETRY_MS: "60000" } });
      try {
        expect(await read(behind, reader)).toEqual({ name: "Written while the replicas were down", route: { target: "primary", reason: "replica-unavailable" } });
        expect(behind.logs().filter((line) => line.replica === "replica-1").map((line) => line.code)).toEqual(["REPLICA_NOT_MIGRATED"]);
      } finally {
        await behind.stop();
      }
    } finally {
      await sql(replicaUrls[1], `INSERT INTO typeorm_migrations (timestamp, name) VALUES ($1, $2)`, [Number(last.name.match(/\d+$/)![0]), last.name]);
    }
  });

  it("leaves out a database that is not a replica (a primary named by mistake)", async () => {
    const mistaken = await TestGateway.start({ databaseUrl: primaryUrl, env: { DATABASE_READ_URL: primaryUrl, DATABASE_READ_RETRY_MS: "60000" } });
    try {
      expect(await read(mistaken, reader)).toEqual({ name: "Written while the replicas were down", route: { target: "primary", reason: "replica-unavailable" } });
      expect(mistaken.logs().filter((line) => line.replica === "replica-1").map((line) => line.code)).toEqual(["NOT_A_REPLICA"]);
    } finally {
      await mistaken.stop();
    }
  });

  it("says where a query read in its log line and in the metrics", async () => {
    await read(first, reader);
    const line = first.logs().filter((entry) => entry.msg === "request").at(-1)!;
    expect({ readFrom: line.readFrom, readReason: line.readReason }).toEqual({ readFrom: first.lastRequest().readRoute?.replica, readReason: "replica" });
    const metrics = await (await fetch(first.url.replace("/graphql", "/metrics"))).text();
    expect(metrics).toMatch(/^gateway_graphql_reads_total\{target="replica",reason="replica"\} [1-9]/m);
    expect(metrics).toMatch(/^gateway_graphql_reads_total\{target="primary",reason="caller-wrote"\} [1-9]/m);
    expect(metrics).toMatch(/^gateway_graphql_reads_total\{target="primary",reason="replica-unavailable"\} [1-9]/m);
    expect(metrics).toMatch(/^gateway_db_replica_up\{replica="replica-1"\} 1$/m);
    expect(metrics).toMatch(/^gateway_db_replica_pool_connections\{replica="replica-1",state="idle"\} [1-9]/m);
  });
});

describe("DATABASE_READ_URL", () => {
  const base = { NODE_ENV: "test", DATABASE_URL: "postgres://gateway@db.example.test/gateway" };

  it("takes one or more postgres URLs, comma-separated", () => {
    expect(loadConfig({ ...base, DATABASE_READ_URL: "postgres://a@r1.example.test/g, postgresql://a@r2.example.test/g" }).readReplicas).toEqual({
      urls: ["postgres://a@r1.example.test/g", "postgresql://a@r2.example.test/g"],
      retryMs: 5_000,
    });
    expect(loadConfig(base).readReplicas.urls).toEqual([]);
  });

  it("refuses an entry that is not a postgres URL, naming its place and not its text (it may hold a password)", () => {
    expect(() => loadConfig({ ...base, DATABASE_READ_URL: "postgres://a@r1.example.test/g,https://a:hunter2@r2.example.test" })).toThrow(
      "DATABASE_READ_URL: entry 2 is not a postgres:// URL (the list is comma-separated)",
    );
  });

  it("needs DATABASE_URL: replicas are of an external primary", () => {
    expect(() => loadConfig({ NODE_ENV: "test", DATABASE_READ_URL: "postgres://a@r1.example.test/g" })).toThrow(/DATABASE_READ_URL needs DATABASE_URL/);
  });
});
