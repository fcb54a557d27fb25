import { TestGateway } from "./helpers/harness";

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
