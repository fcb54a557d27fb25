import http from "node:http";
import { randomUUID } from "node:crypto";
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
    // The job queue ran too (JOBS_ENABLED defaults to true), and stopped before the database closed.
    const order = server.lines.map((line) => line.msg);
    expect(order.indexOf("job queue started (2 at a time)")).toBeGreaterThanOrEqual(0);
    expect(order.indexOf("job queue stopped")).toBeGreaterThan(order.indexOf("SIGTERM: draining requests and stopping"));
    expect(order.indexOf("job queue stopped")).toBeLessThan(order.indexOf("database closed"));
    const { rows } = await lock.query("SELECT notes FROM client WHERE id = $1", [id]);
    expect(rows).toEqual([{ notes: "written during shutdown" }]);
  } finally {
    await lock.end().catch(() => undefined);
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
  }
});

interface Answer {
  status: number;
  connection: string | undefined;
  body: { data?: { createClient?: { client: { id: string } | null } | null }; errors?: unknown[] };
}

/** One POST /graphql over `agent` (node's http client, as a kept-alive API client would send it). */
function postOver(agent: http.Agent, port: number, headers: Record<string, string>, payload: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: "/graphql", method: "POST", agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({ status: response.statusCode!, connection: response.headers.connection, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Answer["body"] }),
      );
    });
    request.on("error", reject);
    request.end(JSON.stringify(payload));
  });
}

it("SIGTERM under 20 kept-alive clients drops no request: each connection's last answer says Connection: close, then connections are refused", async () => {
  // A deadline far off: the drain must end because the connections closed, not because it was cut.
  const server = ServerProcess.start({ DATABASE_URL: scratch.url, SHUTDOWN_IDLE_GRACE_MS: "500", SHUTDOWN_TIMEOUT_MS: "20000" });
  const db = new PgClient({ connectionString: scratch.url });
  const agents = Array.from({ length: 20 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const idleAgent = new http.Agent({ keepAlive: true });
  try {
    const { port } = (await server.line("GraphQL API ready")) as { port: number };
    const tenant = `drain-${randomUUID().slice(0, 8)}`;
    const token = await signToken({ subject: "t", companies: [tenant], scopes: ["clients:read", "clients:write"], expiresIn: "5m" }, DEVELOPMENT_JWT_SECRET);
    const headers = { "content-type": "application/json", authorization: `Bearer ${token}`, "x-company-id": tenant };
    const create = `mutation($input: CreateClientInput!, $key: String!) { createClient(input: $input, idempotencyKey: $key) { client { id } error { code } } }`;
    const list = `{ clients(first: 5) { totalCount nodes { id name } } }`;

    let signalled = false;
    let refusing = false; // a connection has been refused: the listening socket is closed
    const answers: (Answer & { client: number; sentWhileRefusing: boolean })[] = [];
    const failures: { client: number; error: string; afterSignal: boolean }[] = [];
    const confirmedWrites: string[] = [];

    // Each client sends one request after the other on its kept-alive connection, every third a write,
    // until its connection is refused (or a bound: 3,000 requests).
    const run = async (client: number) => {
      for (let i = 0; i < 3000; i++) {
        const write = i % 3 === 1;
        const sentWhileRefusing = refusing;
        const payload = write
          ? { query: create, variables: { input: { name: `Drain ${client}-${i}`, countryCode: "SE" }, key: `drain-${client}-${i}` } }
          : { query: list };
        try {
          const answer = await postOver(agents[client], port, headers, payload);
          answers.push({ ...answer, client, sentWhileRefusing });
          const id = answer.body.data?.createClient?.client?.id;
          if (write && answer.status === 200 && id) confirmedWrites.push(id);
        } catch (error) {
          const code = (error as { code?: string }).code;
          failures.push({ client, error: code ?? (error as Error).message, afterSignal: signalled });
          if (code !== "ECONNREFUSED") continue;
          refusing = true;
          return;
        }
      }
    };
    const clients = agents.map((_, client) => run(client));

    // SIGTERM mid-stream, once every client has had three answers (a write among them).
    const answered = () => agents.every((_, client) => answers.filter((a) => a.client === client).length >= 3);
    for (let i = 0; i < 10_000 && !answered(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(answered()).toBe(true);
    // One more client keeps its connection open, sending nothing after one request.
    expect((await postOver(idleAgent, port, headers, { query: list })).status).toBe(200);
    const idleSince = Date.now();
    const [idleSocket] = Object.values(idleAgent.freeSockets).flat();
    const idleClosed = new Promise<{ error?: string; idleMs: number }>((resolve) => {
      idleSocket!.once("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code, idleMs: Date.now() - idleSince }));
      idleSocket!.once("close", () => resolve({ idleMs: Date.now() - idleSince }));
    });
    signalled = true;
    server.child.kill("SIGTERM");
    await Promise.all(clients);
    expect(await server.exited).toBe(0);
    await server.line("database closed");

    // No request was dropped: the only failures are refused connections, after the signal.
    expect(failures.filter((f) => f.error !== "ECONNREFUSED" || !f.afterSignal)).toEqual([]);
    expect(failures.length).toBe(agents.length);
    // Every request that was answered succeeded; what was sent once connections were refused was told to close.
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(answers.filter((a) => a.sentWhileRefusing && a.connection !== "close")).toEqual([]);
    // Each client's last answer, on its kept-alive connection, said Connection: close.
    for (let client = 0; client < agents.length; client++) {
      expect({ client, connection: answers.filter((a) => a.client === client).at(-1)?.connection }).toEqual({ client, connection: "close" });
    }
    // The idle connection was closed cleanly once idle for its grace (500 ms, counted by the server
    // from a moment before this client had the answer), long before Node's keep-alive timeout (5 s)
    // or the deadline would have closed it.
    const idle = await idleClosed;
    expect(idle).toEqual({ idleMs: expect.any(Number) });
    expect(idle.idleMs).toBeGreaterThanOrEqual(450);
    expect(idle.idleMs).toBeLessThan(4_000);
    // Every write the server confirmed is in the database.
    await db.connect();
    const { rows } = await db.query(`SELECT id::text FROM client WHERE tenant_id = $1`, [tenant]);
    const stored = new Set(rows.map((row: { id: string }) => row.id));
    expect(confirmedWrites.length).toBeGreaterThan(0);
    expect(confirmedWrites.filter((id) => !stored.has(id))).toEqual([]);
  } finally {
    [...agents, idleAgent].forEach((agent) => agent.destroy());
    await db.end().catch(() => undefined);
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
  }
});
