import http from "node:http";
import { signToken } from "../src/auth/jwt";
import { DEVELOPMENT_JWT_SECRET } from "../src/config";
import { workerPoolSize } from "../src/cluster";
import { freePort, scratchDatabase } from "./helpers/databases";
import { alive, ServerProcess } from "./helpers/server-process";
import { waitFor } from "./helpers/wait";

/**
 * WEB_CONCURRENCY: one `npm start` runs a primary and N workers (Node's cluster) on one port; the
 * workers share the requests, each with its share of DB_POOL_TOTAL; SIGTERM stops them all.
 */

/** One POST on a connection of its own (no keep-alive), so the cluster hands each to a worker anew. */
function post(port: number, headers: Record<string, string>, body: string): Promise<{ status: number; requestId: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: "/graphql", method: "POST", agent: false, headers: { "content-type": "application/json", ...headers } }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, requestId: String(response.headers["x-request-id"]) }));
    });
    request.on("error", reject);
    request.end(body);
  });
}


it("splits DB_POOL_TOTAL over the workers, never below 2 each", () => {
  expect(workerPoolSize(20, 4)).toBe(5);
  expect(workerPoolSize(10, 3)).toBe(3);
  expect(workerPoolSize(3, 4)).toBe(2);
});

it("serves on one port from two workers, and stops them all on SIGTERM", async () => {
  const database = await scratchDatabase("cluster");
  const port = await freePort();
  const primary = ServerProcess.start({ NODE_ENV: "test", DATABASE_URL: database.url, PORT: String(port), WEB_CONCURRENCY: "2", DB_POOL_TOTAL: "6", JOBS_ENABLED: "false" });
  try {
    const ready = (await primary.line("cluster ready")) as { workers: number; poolSize: number; pids: number[] };
    expect(ready).toMatchObject({ workers: 2, poolSize: 3 });
    expect(new Set(ready.pids).size).toBe(2);
    expect(ready.pids).not.toContain(primary.child.pid);

    const tenant = "cluster-tenant";
    const token = await signToken({ subject: "t", companies: [tenant], scopes: ["clients:read"], expiresIn: "5m" }, DEVELOPMENT_JWT_SECRET);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const answer = await post(port, { authorization: `Bearer ${token}`, "x-company-id": tenant }, JSON.stringify({ query: "query Spread { clientsSummary { accessibleClients } }" }));
      expect(answer.status).toBe(200);
      ids.push(answer.requestId);
    }
    // Each request's log line names the process that answered it: both workers did.
    const answeredBy = new Set(primary.lines.filter((line) => line.msg === "request" && ids.includes(String(line.requestId))).map((line) => line.pid));
    expect([...answeredBy].sort()).toEqual([...ready.pids].sort());

    // /metrics through the shared port is the cluster's: both workers' requests, whichever answers.
    for (let i = 0; i < 4; i++) {
      const text = await new Promise<string>((resolve, reject) =>
        http.get({ host: "127.0.0.1", port, path: "/metrics", agent: false }, (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
          response.on("end", () => (response.statusCode === 200 ? resolve(body) : reject(new Error(`${response.statusCode}: ${body}`))));
        }).on("error", reject),
      );
      expect(text).toMatch(/^gateway_graphql_requests_total\{operation="Spread",outcome="ok"\} 8$/m);
    }

    // A worker that dies is replaced; the port keeps answering meanwhile (the other worker).
    process.kill(ready.pids[0], "SIGKILL");
    await primary.line("a worker exited: starting another");
    expect((await post(port, { authorization: `Bearer ${token}`, "x-company-id": tenant }, JSON.stringify({ query: "{ clientsSummary { accessibleClients } }" }))).status).toBe(200);
    await waitFor("the replacement worker", () => primary.lines.filter((line) => line.msg === "GraphQL API ready").length === 3);
    const replacement = Number(primary.lines.filter((line) => line.msg === "GraphQL API ready").at(-1)!.pid);
    expect(alive(replacement)).toBe(true);

    primary.child.kill("SIGTERM");
    expect(await primary.exited).toBe(0);
    expect([...ready.pids, replacement].filter(alive)).toEqual([]);
    expect(primary.lines.filter((line) => line.msg === "HTTP server stopped")).toHaveLength(2);
  } finally {
    primary.child.kill("SIGKILL");
    await primary.exited;
    await database.drop();
  }
}, 120_000);
