import { TestGateway } from "./helpers/harness";

/** One sample's value from Prometheus's text format, or 0 when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_:]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? "").split(",").filter(Boolean);
    if (wanted.every((label) => present.includes(label)) && present.length === wanted.length) return Number(match[3]);
  }
  return 0;
}

const metricsUrl = (gateway: TestGateway) => gateway.url.replace(/\/graphql$/, "/metrics");

async function scrape(gateway: TestGateway, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(metricsUrl(gateway), { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
  return response.text();
}

describe("/metrics", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start();
  });
  afterAll(() => gateway.stop());

  it("counts requests by operation and outcome, their SQL statements and latency", async () => {
    const tenant = gateway.newTenant();
    const before = await scrape(gateway);
    const page = "query MetricsPage { clients(first: 5) { totalCount nodes { id bankAccounts { iban } } } }";
    for (let i = 0; i < 3; i++) expect((await gateway.send(page, {}, { tenant })).errors).toBeUndefined();
    const statements = gateway.requests.slice(-3).reduce((sum, request) => sum + request.stats.statements, 0);
    // A caller's mistake (validation) and an unauthenticated call.
    expect((await gateway.send("query MetricsBroken { clients(first: 5) { noSuchField } }", {}, { tenant })).errors).toHaveLength(1);
    expect((await gateway.send("{ clients(first: 1) { totalCount } }")).status).toBe(401);
    const after = await scrape(gateway);

    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta("gateway_graphql_requests_total", { operation: "MetricsPage", outcome: "ok" })).toBe(3);
    // An operation that fails validation was never resolved: it has no name yet, like a refused call.
    expect(delta("gateway_graphql_requests_total", { operation: "anonymous", outcome: "error" })).toBe(2);
    expect(delta("gateway_graphql_request_duration_seconds_count", { operation: "MetricsPage" })).toBe(3);
    expect(statements).toBeGreaterThan(0);
    expect(delta("gateway_graphql_request_sql_statements_sum", { operation: "MetricsPage" })).toBe(statements);
    expect(delta("gateway_graphql_request_sql_statements_count", { operation: "MetricsPage" })).toBe(3);
    // Gauges of the gate and the pool, and the default metrics' event-loop lag.
    expect(after).toMatch(/^gateway_db_gate_in_use 0$/m);
    expect(after).toMatch(/^gateway_db_gate_waiting 0$/m);
    expect(after).toMatch(/^gateway_db_pool_connections\{state="idle"\} \d+$/m);
    expect(after).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    // No tenant in any label.
    expect(after).not.toContain(tenant);
  });

  it("bounds the operation label: a long name, and names past the first hundred, are \"other\"", async () => {
    const tenant = gateway.newTenant();
    const before = await scrape(gateway);
    const long = `Q${"x".repeat(80)}`;
    await gateway.send(`query ${long} { clients(first: 1) { totalCount } }`, {}, { tenant });
    for (let i = 0; i < 101; i++) await gateway.send(`query Many${i} { clients(first: 1) { totalCount } }`, {}, { tenant });
    const after = await scrape(gateway);
    expect(after).not.toContain(long);
    const names = new Set([...after.matchAll(/^gateway_graphql_requests_total\{operation="([^"]+)"/gm)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(100 + 2); // + "other" and "anonymous"
    expect(sample(after, "gateway_graphql_requests_total", { operation: "other", outcome: "ok" }) - sample(before, "gateway_graphql_requests_total", { operation: "other", outcome: "ok" })).toBeGreaterThanOrEqual(2);
  });
});

describe("/metrics with METRICS_TOKEN", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start({ env: { METRICS_TOKEN: "metrics-token-0123456789" } });
  });
  afterAll(() => gateway.stop());

  it("answers 401 without the token and the metrics with it", async () => {
    expect((await fetch(metricsUrl(gateway))).status).toBe(401);
    expect((await fetch(metricsUrl(gateway), { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    expect(await scrape(gateway, { authorization: "Bearer metrics-token-0123456789" })).toContain("gateway_graphql_requests_total");
  });
});

describe("/metrics off", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start({ env: { METRICS_ENABLED: "false" } });
  });
  afterAll(() => gateway.stop());

  it("is not served", async () => {
    expect((await fetch(metricsUrl(gateway))).status).toBe(404);
  });
});
