import { Client as PgClient } from "pg";
import { signToken } from "../src/auth/jwt";
import { DEVELOPMENT_JWT_SECRET } from "../src/config";
import { scratchDatabase } from "./helpers/databases";
import { ServerProcess } from "./helpers/server-process";

let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  scratch = await scratchDatabase("shutdown");
});
afterAll(() => scratch.drop());

it("SIGTERM completes the requests in flight, refuses new connections, and exits 0", async () => {
  const server = ServerProcess.start({ DATABASE_URL: scratch.url });
  const lock = new PgClient({ connectionString: scratch.url });
  try {
    const { port } = (await server.line("GraphQL API ready")) as { port: number };
    const url = `http://127.0.0.1:${port}/graphql`;
    const tenant = "shutdown";
    const token = await signToken({ subject: "t", companies: [tenant], scopes: ["clients:read", "clients:write"], expiresIn: "5m" }, DEVELOPMENT_JWT_SECRET);
    const post = (query: string, variables: Record<string, unknown>) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-company-id": tenant },
        body: JSON.stringify({ query, variables }),
      });
    const created = (await (
      await post(`mutation($k: String!) { createClient(input: { name: "Drain AB", countryCode: "SE" }, idempotencyKey: $k) { client { id } } }`, { k: "create" })
    ).json()) as { data: { createClient: { client: { id: string } } } };
    const id = created.data.createClient.client.id;

    // Hold the client's row, so that an update is in flight (waiting on the lock) when SIGTERM comes.
    await lock.connect();
    await lock.query("BEGIN");
    await lock.query("SELECT 1 FROM client WHERE id = $1 FOR UPDATE", [id]);
    const inFlight = post(`mutation($id: ID!) { updateClient(id: $id, patch: { notes: "written during shutdown" }, idempotencyKey: "drain") { client { notes } error { code } } }`, { id });
    for (;;) {
      const { rows } = await lock.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`);
      if (rows[0].n > 0) break;
    }

    server.child.kill("SIGTERM");
    await server.line("SIGTERM: draining requests and stopping");
    // New connections are refused while the update is still waiting.
    for (;;) {
      const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => false, () => true);
      if (refused) break;
    }
    await lock.query("COMMIT");

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { updateClient: { client: { notes: "written during shutdown" }, error: null } } });
    expect(await server.exited).toBe(0);
    await server.line("database closed");
    const { rows } = await lock.query("SELECT notes FROM client WHERE id = $1", [id]);
    expect(rows).toEqual([{ notes: "written during shutdown" }]);
  } finally {
    await lock.end().catch(() => undefined);
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
  }
});
