import { Client } from "pg";
import { TestGateway } from "./helpers/harness";
import { newKey, WRITER } from "./helpers/mutations";

let gateway: TestGateway;
let tenant: string;
beforeAll(async () => {
  gateway = await TestGateway.start();
  tenant = gateway.newTenant();
});
afterAll(() => gateway.stop());

/** The request's log lines, once the first is written (a line written at close may trail the response). */
async function linesOf(requestId: string | null): Promise<Record<string, unknown>[]> {
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const deadline = Date.now() + 5_000;
  for (;;) {
    const lines = gateway.logs().filter((line) => line.requestId === requestId && line.msg === "request");
    if (lines.length > 0 || Date.now() > deadline) {
      // Give a duplicate, if there were to be one, the same chance to appear.
      await new Promise((resolve) => setImmediate(resolve));
      return gateway.logs().filter((line) => line.requestId === requestId && line.msg === "request");
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("every request gets one log line with its outcome", () => {
  const headers = async () => ({ authorization: `Bearer ${await gateway.token([tenant])}`, "x-company-id": tenant });

  it.each([
    ["a GET without a CSRF preflight header", async () => fetch(`${gateway.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: await headers() })],
    ["a batch", async () => fetch(gateway.url, { method: "POST", headers: { ...(await headers()), "content-type": "application/json" }, body: JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]) })],
    ["a query that isn't a string", async () => fetch(gateway.url, { method: "POST", headers: { ...(await headers()), "content-type": "application/json" }, body: JSON.stringify({ query: 42 }) })],
    ["a body that isn't JSON", async () => fetch(gateway.url, { method: "POST", headers: { ...(await headers()), "content-type": "application/json" }, body: "{not json" })],
    ["a text/plain POST", async () => fetch(gateway.url, { method: "POST", headers: { ...(await headers()), "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) })],
  ])("refused before GraphQL runs: %s", async (_name, send) => {
    const response = await send();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const lines = await linesOf(response.headers.get("x-request-id"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", outcome: "error", statements: 0, tenant: null });
    expect(lines[0].errorCodes).toEqual([expect.any(String)]);
  });

  it("a query that ran gets exactly one line", async () => {
    const response = await fetch(gateway.url, { method: "POST", headers: { ...(await headers()), "content-type": "application/json" }, body: JSON.stringify({ query: "query One { clientsSummary { accessibleClients } }" }) });
    expect(response.status).toBe(200);
    const lines = await linesOf(response.headers.get("x-request-id"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ outcome: "ok", operationName: "One", tenant });
  });
});

describe("requests at the edges of HTTP", () => {
  it("logs what Node refuses itself: headers too large (431)", async () => {
    const before = gateway.logs().length;
    const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", "x-pad": "p".repeat(20_000) }, body: "{}" });
    expect(response.status).toBe(431);
    const lines = await linesOf(response.headers.get("x-request-id"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ outcome: "error", errorCodes: ["HPE_HEADER_OVERFLOW"] });
    expect(gateway.logs().length).toBe(before + 1);
  });

  it("answers what Node refuses with the error body every error has, and keeps the caller's X-Request-Id", async () => {
    const response = await fetch(gateway.url, { method: "POST", headers: { "x-request-id": "caller-id-431", "content-type": "application/json", "x-pad": "p".repeat(20_000) }, body: "{}" });
    expect(response.status).toBe(431);
    expect(response.headers.get("x-request-id")).toBe("caller-id-431");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ errors: [{ message: "Request Header Fields Too Large", extensions: { code: "BAD_REQUEST", requestId: "caller-id-431" } }] });
    // Written before the answer is sent.
    expect(gateway.logs().filter((line) => line.requestId === "caller-id-431" && line.msg === "request")).toEqual([expect.objectContaining({ errorCodes: ["HPE_HEADER_OVERFLOW"] })]);
    // An id that isn't well-formed is replaced, as on every other request.
    const odd = await fetch(gateway.url, { method: "POST", headers: { "x-request-id": "not ok!", "x-pad": "p".repeat(20_000) }, body: "{}" });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs the real outcome of a request whose client went away, once", async () => {
    const writer = { authorization: `Bearer ${await gateway.token([tenant], WRITER)}`, "x-company-id": tenant, "content-type": "application/json" };
    const created = (await (await fetch(gateway.url, { method: "POST", headers: writer, body: JSON.stringify({ query: `mutation { createClient(input: { name: "Gone AB" }, idempotencyKey: "${newKey()}") { client { id } } }` }) })).json()) as { data: { createClient: { client: { id: string } } } };
    const id = created.data.createClient.client.id;
    // The update waits on a row lock the test holds, so the client can go away while it runs.
    const lock = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    const monitor = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await lock.connect();
    await monitor.connect();
    await lock.query("BEGIN");
    await lock.query("SELECT 1 FROM client WHERE id = $1 FOR UPDATE", [id]);
    const controller = new AbortController();
    const sent = fetch(gateway.url, {
      method: "POST",
      headers: writer,
      body: JSON.stringify({ query: `mutation Gone { updateClient(id: "${id}", patch: { notes: "gone" }, idempotencyKey: "${newKey()}") { error { code } } }` }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    try {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const { rows } = await monitor.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, [gateway.applicationName]);
        if (rows[0].n > 0) break;
        if (Date.now() > deadline) throw new Error("the update never waited on the lock");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      controller.abort();
      await sent;
    } finally {
      await lock.query("COMMIT");
      await lock.end();
      await monitor.end();
    }
    const gone = () => gateway.logs().filter((line) => line.msg === "request" && (line.operationName === "Gone" || String(line.errorCodes) === "CONNECTION_CLOSED"));
    const deadline = Date.now() + 5_000;
    while (gone().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(gone()).toEqual([expect.objectContaining({ operationName: "Gone", tenant, outcome: "ok", errorCodes: [] })]);
    expect((gone()[0].statements as number) > 0).toBe(true);
  });

  it("bounds the nesting of a GET's variables like a POST's", async () => {
    let deep: unknown = { name: { eq: "x" } };
    for (let i = 0; i < 40; i += 1) deep = { not: deep };
    const url = `${gateway.url}?query=${encodeURIComponent("query($f: ClientFilter) { clients(filter: $f) { totalCount } }")}&variables=${encodeURIComponent(JSON.stringify({ f: deep }))}`;
    const response = await fetch(url, { headers: { ...(await (async () => ({ authorization: `Bearer ${await gateway.token([tenant])}`, "x-company-id": tenant }))()), "apollo-require-preflight": "true" } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: "The variables nest deeper than 32 levels", extensions: { code: "BAD_USER_INPUT" } });
  });
});

describe("the request id and Apollo's client headers", () => {
  const send = async (extra: Record<string, string>) =>
    fetch(gateway.url, {
      method: "POST",
      headers: { authorization: `Bearer ${await gateway.token([tenant])}`, "x-company-id": tenant, "content-type": "application/json", ...extra },
      body: JSON.stringify({ query: "query Named { clientsSummary { accessibleClients } }" }),
    });
  const linesFor = async (requestId: string) => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const lines = gateway.logs().filter((line) => line.requestId === requestId && line.msg === "request");
      if (lines.length > 0 || Date.now() > deadline) return lines;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it("keeps a well-formed caller's X-Request-Id in the header, the response and the log line", async () => {
    const mine = `trace-${newKey()}:1.a_b`;
    const response = await send({ "x-request-id": mine });
    expect(response.headers.get("x-request-id")).toBe(mine);
    const body = (await response.json()) as { extensions?: { requestId?: string } };
    expect(body.extensions?.requestId).toBe(mine);
    expect(await linesFor(mine)).toHaveLength(1);
  });

  it.each([["spaces", "a b"], ["too long", "x".repeat(129)], ["a quote", 'a"b']])("replaces an X-Request-Id with %s by a fresh UUID", async (_name, theirs) => {
    const response = await send({ "x-request-id": theirs });
    const id = response.headers.get("x-request-id");
    expect(id).not.toBe(theirs);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const body = (await response.json()) as { extensions?: { requestId?: string } };
    expect(body.extensions?.requestId).toBe(id);
  });

  it("logs apollographql-client-name/-version, cleaned and capped", async () => {
    const response = await send({ "apollographql-client-name": "web-app", "apollographql-client-version": "1.2.3-" + "v".repeat(100) });
    const [line] = await linesFor(response.headers.get("x-request-id")!);
    expect(line).toMatchObject({ clientName: "web-app", clientVersion: ("1.2.3-" + "v".repeat(100)).slice(0, 64) });
    const bare = await send({});
    const [plain] = await linesFor(bare.headers.get("x-request-id")!);
    expect(plain).toMatchObject({ clientName: null, clientVersion: null });
  });
});
