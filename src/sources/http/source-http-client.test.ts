import { SimulatorServer, onPath } from "../simulator-kit";
import { virtualClock } from "./clock";
import { backoffMs, DEFAULT_RETRY, retryAfterMs } from "./retry";
import { redactBody, REDACTED } from "./redact";
import { SourceHttpClient, type SourceHttpOptions } from "./source-http-client";
import { SourceHttpError } from "./source-http-error";

const TOKEN = "tok_live_8f3b2c1d9e7a6b5c";

let sim: SimulatorServer;
beforeAll(async () => {
  sim = await SimulatorServer.start((request) => ({ status: 200, body: { path: request.path, q: Object.fromEntries(request.query) } }));
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const consoleMethods = ["log", "info", "warn", "error", "debug", "trace"] as const;
let spies: jest.SpyInstance[] = [];
beforeEach(() => {
  spies = consoleMethods.map((method) => jest.spyOn(console, method));
});
afterEach(() => {
  const calls = spies.flatMap((spy) => spy.mock.calls);
  for (const spy of spies) spy.mockRestore();
  expect(calls).toEqual([]); // the client never logs
});

function client(options: Partial<SourceHttpOptions> = {}) {
  const clock = virtualClock();
  const http = new SourceHttpClient({
    source: "TEST",
    baseUrl: sim.url,
    headers: { authorization: `Bearer ${TOKEN}` },
    clock,
    random: () => 0.5,
    timeoutMs: 2_000,
    ...options,
  });
  return { http, clock };
}

async function failure(promise: Promise<unknown>): Promise<SourceHttpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SourceHttpError);
    return error as SourceHttpError;
  }
  throw new Error("expected a SourceHttpError");
}

describe("retryAfterMs", () => {
  it("reads delay-seconds and HTTP dates, and nothing else", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:07 GMT", now)).toBe(7000);
    expect(retryAfterMs("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs("-5", now)).toBeNull();
  });

  it("backs off exponentially, jittered in the upper half, capped", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 0.999999))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe("SourceHttpClient", () => {
  it("GETs JSON with the headers and the query's defined values, under the base URL's path", async () => {
    const { http } = client({ baseUrl: `${sim.url}/prefix/`, headers: { authorization: `Bearer ${TOKEN}`, "x-company-id": "42" } });
    const answer = await http.getJson<{ path: string; q: Record<string, string> }>("/api/things", { limit: 100, offset: 0, since: "gte:2026-01-01T00:00:00.000Z", none: undefined });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ path: "/prefix/api/things", q: { limit: "100", offset: "0", since: "gte:2026-01-01T00:00:00.000Z" } });
    expect(sim.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sim.requests[0].headers["x-company-id"]).toBe("42");
    expect(sim.requests[0].headers.accept).toBe("application/json");
  });

  it("retries a 429 after its Retry-After (seconds), then succeeds", async () => {
    sim.fault({ status: 429, times: 2, headers: { "retry-after": "3" }, body: { message: "slow down" } });
    const { http, clock } = client();
    await expect(http.getJson("/x")).resolves.toMatchObject({ status: 200 });
    expect(sim.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([3000, 3000]);
  });

  it("retries a 503 after a Retry-After given as an HTTP date", async () => {
    const { http, clock } = client();
    const at = new Date(Math.ceil((clock.now() + 5000) / 1000) * 1000).toUTCString();
    sim.fault({ status: 503, headers: { "retry-after": at } });
    await expect(http.getJson("/x")).resolves.toMatchObject({ status: 200 });
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(4000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(6000);
  });

  it("backs off with jitter on a 429 without Retry-After", async () => {
    sim.fault({ status: 429, times: 2 });
    const { http, clock } = client({ retry: { baseDelayMs: 100 } });
    await http.getJson("/x");
    expect(clock.sleeps).toEqual([75, 150]);
  });

  it("gives up on a Retry-After beyond its bound, saying how long the source asked for", async () => {
    sim.fault({ status: 429, headers: { "retry-after": "3600" } });
    const { http, clock } = client({ retry: { maxRetryAfterMs: 60_000 } });
    const error = await failure(http.getJson("/x"));
    expect(error).toMatchObject({ kind: "HTTP", status: 429, retryAfterMs: 3_600_000, attempts: 1 });
    expect(clock.sleeps).toEqual([]);
  });

  it("gives up after maxThrottleRetries 429s", async () => {
    sim.fault({ status: 429, times: Infinity, headers: { "retry-after": "1" } });
    const { http } = client({ retry: { maxThrottleRetries: 2 } });
    const error = await failure(http.getJson("/x"));
    expect(error).toMatchObject({ kind: "HTTP", status: 429, attempts: 3 });
    expect(sim.requests).toHaveLength(3);
  });

  it("makes every request of the source wait for a Retry-After, not only the one that got it", async () => {
    sim.fault({ status: 429, headers: { "retry-after": "10" } });
    const { http, clock } = client({ maxConcurrency: 1 });
    await http.getJson("/first");
    const before = clock.now();
    await http.getJson("/second");
    expect(clock.now()).toBe(before); // the pause was over for the second one
    expect(clock.sleeps).toEqual([10_000]);
  });

  it("retries a 500 a bounded number of times, then fails with the redacted body", async () => {
    sim.fault({
      status: 500,
      times: Infinity,
      body: { key: "internal", message: `boom while using Bearer ${TOKEN}`, headers: { Authorization: `Bearer ${TOKEN}` }, token: TOKEN, detail: "x".repeat(5000) },
    });
    const { http, clock } = client({ retry: { maxRetries: 2, baseDelayMs: 10 }, describeError: (body) => body as { message?: string } });
    const error = await failure(http.getJson("/x"));
    expect(error).toMatchObject({ kind: "HTTP", status: 500, attempts: 3 });
    expect(sim.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([8, 15]);
    const kept = JSON.stringify(error.body);
    expect(kept).not.toContain(TOKEN);
    expect(kept.length).toBeLessThanOrEqual(2001);
    expect((error.body as { headers: unknown }).headers).toEqual({ Authorization: REDACTED });
    expect(error.sourceMessage).toBe(`boom while using ${REDACTED}`);
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error.toIssue())).not.toContain(TOKEN);
  });

  it("does not retry a 400 or a 404: a typed error with the body", async () => {
    sim.fault({ status: 404, body: { key: "not_found", message: "No such thing" } });
    const { http } = client({ describeError: (body) => ({ code: (body as { key: string }).key, message: (body as { message: string }).message }) });
    const error = await failure(http.getJson("/x"));
    expect(error).toMatchObject({ kind: "HTTP", status: 404, attempts: 1, sourceCode: "not_found", sourceMessage: "No such thing", body: { key: "not_found" } });
    expect(error.endsRun).toBe(false);
    expect(sim.requests).toHaveLength(1);
  });

  it("does not follow a redirect, which could carry the credentials to another host", async () => {
    sim.fault({ status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } });
    const error = await failure(client().http.getJson("/x"));
    expect(error).toMatchObject({ kind: "HTTP", status: 302, attempts: 1 });
    expect(sim.requests).toHaveLength(1);
  });

  it("fails at once on 401 and 403, clearly, and the run ends", async () => {
    sim.fault({ status: 401, body: { key: "unauthorized", message: `token ${TOKEN} is not valid` } });
    const { http } = client();
    const error = await failure(http.getJson("/x"));
    expect(error).toMatchObject({ kind: "AUTH", status: 401, attempts: 1 });
    expect(error.endsRun).toBe(true);
    expect(error.message).toMatch(/TEST refused the credentials \(401/);
    expect(JSON.stringify(error.body)).not.toContain(TOKEN);
    sim.fault({ status: 403 });
    expect(await failure(http.getJson("/x"))).toMatchObject({ kind: "AUTH", status: 403 });
  });

  it("times out a slow answer and a stalled body, retried a bounded number of times", async () => {
    sim.fault({ delayMs: 5_000, times: Infinity, match: onPath("/slow") });
    sim.fault({ stallBody: true, times: Infinity, match: onPath("/stall") });
    const { http } = client({ timeoutMs: 100, retry: { maxRetries: 1, baseDelayMs: 1 } });
    expect(await failure(http.getJson("/slow"))).toMatchObject({ kind: "TIMEOUT", attempts: 2 });
    expect(await failure(http.getJson("/stall"))).toMatchObject({ kind: "TIMEOUT", attempts: 2 });
  });

  it("retries a dropped connection, and fails as NETWORK on a refused one", async () => {
    sim.fault({ destroy: true });
    const { http } = client({ retry: { baseDelayMs: 1 } });
    await expect(http.getJson("/x")).resolves.toMatchObject({ status: 200 });
    const gone = await SimulatorServer.start(() => ({ status: 200 }));
    const url = gone.url;
    await gone.close();
    const offline = client({ baseUrl: url, retry: { maxRetries: 2, baseDelayMs: 1 } }).http;
    expect(await failure(offline.getJson("/x"))).toMatchObject({ kind: "NETWORK", attempts: 3 });
  });

  it("answers a 2xx that is not JSON as INVALID_RESPONSE, not retried; an empty 2xx is null", async () => {
    sim.fault({ status: 200, text: "<html>maintenance</html>" });
    const { http } = client();
    expect(await failure(http.getJson("/x"))).toMatchObject({ kind: "INVALID_RESPONSE", status: 200, attempts: 1, body: "<html>maintenance</html>" });
    sim.fault({ status: 204 });
    await expect(http.getJson("/x")).resolves.toMatchObject({ status: 204, body: null });
  });

  it("refuses a body larger than maxResponseBytes without reading it all", async () => {
    sim.fault({ status: 200, text: JSON.stringify({ big: "z".repeat(10_000) }) });
    const { http } = client({ maxResponseBytes: 1_000 });
    expect(await failure(http.getJson("/x"))).toMatchObject({ kind: "INVALID_RESPONSE", status: 200, attempts: 1 });
    await expect(http.getJson("/x")).resolves.toMatchObject({ status: 200 });
  });

  it("holds at most maxConcurrency requests in flight", async () => {
    sim.fault({ delayMs: 40, times: Infinity });
    const { http } = client({ maxConcurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => http.getJson(`/c/${i}`)));
    expect(sim.requests).toHaveLength(12);
    expect(sim.maxInFlight).toBeLessThanOrEqual(3);
    expect(sim.maxInFlight).toBeGreaterThan(1);
    // and without the limit the same load does go above it (the count can see a broken limit)
    sim.reset();
    sim.fault({ delayMs: 40, times: Infinity });
    await Promise.all(Array.from({ length: 12 }, (_, i) => client({ maxConcurrency: 12 }).http.getJson(`/c/${i}`)));
    expect(sim.maxInFlight).toBeGreaterThan(3);
  });

  it("gives back every permit on a call's own cancellation and on errors: the limit still holds and nothing stalls", async () => {
    sim.fault({ match: onPath(/^\/slow\//), delayMs: 30, times: Infinity });
    sim.fault({ match: onPath(/^\/gone\//), status: 404, times: Infinity });
    const { http } = client({ maxConcurrency: 2, retry: { maxRetries: 0 } });
    const calls = Array.from({ length: 12 }, (_, i) => {
      const call = new AbortController();
      const path = i % 3 === 0 ? `/gone/${i}` : `/slow/${i}`;
      const done = http.getJson(path, {}, { signal: call.signal }).then(() => "ok", (e: SourceHttpError) => e.kind);
      if (i % 4 === 1) setTimeout(() => call.abort(), i);
      return done;
    });
    const kinds = await Promise.all(calls);
    expect(kinds).toContain("CANCELLED");
    expect(kinds).toContain("HTTP");
    expect(kinds).toContain("ok");
    expect(sim.maxInFlight).toBeLessThanOrEqual(2);
    // Both permits are free again: two slow calls run side by side.
    sim.reset();
    sim.fault({ delayMs: 50, times: Infinity });
    await Promise.all([http.getJson("/x/1"), http.getJson("/x/2")]);
    expect(sim.maxInFlight).toBe(2);
  });

  it("spaces request starts by the requests/second cap", async () => {
    const { http, clock } = client({ requestsPerSecond: 4, maxConcurrency: 1 });
    for (let i = 0; i < 4; i++) await http.getJson("/r");
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(750);
  });

  it("cancels waiting and in-flight requests with the run's signal", async () => {
    sim.fault({ delayMs: 5_000, times: Infinity });
    const run = new AbortController();
    const { http } = client({ signal: run.signal, maxConcurrency: 1, timeoutMs: 10_000 });
    const first = failure(http.getJson("/a"));
    const queued = failure(http.getJson("/b"));
    run.abort();
    expect(await first).toMatchObject({ kind: "CANCELLED" });
    expect(await queued).toMatchObject({ kind: "CANCELLED", endsRun: true });
    expect(await failure(http.getJson("/c"))).toMatchObject({ kind: "CANCELLED" });
  });

  it("never puts credentials of the URL or the headers in a message", async () => {
    sim.fault({ status: 400, body: `bad request, api_key=${TOKEN}` });
    const { http } = client({ baseUrl: sim.url.replace("http://", "http://user:hunter22pw@"), headers: { "x-api-key": TOKEN } });
    const error = await failure(http.getJson("/x", { api_key: "hunter22pw" }));
    const everything = JSON.stringify({ message: error.message, url: error.url, body: error.body, issue: error.toIssue() });
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain("hunter22pw");
  });
});

describe("redactBody", () => {
  it("caps text bodies and removes bearer tokens from them", () => {
    const body = redactBody(`Authorization: Bearer abc.def.ghi ${"y".repeat(3000)}`, { maxChars: 100 }) as string;
    expect(body).not.toContain("abc.def.ghi");
    expect(body.length).toBeLessThanOrEqual(101);
  });

  it("removes a known secret the source echoes as a key, or as a JSON number", () => {
    const token = "tok_9f8e7d6c5b4a";
    const numeric = "4929123456781234";
    const body = redactBody(JSON.stringify({ failures: { [token]: "unknown token", [`Bearer ${token}`]: "revoked" }, account: Number(numeric) }), { secrets: [token, numeric] });
    const text = JSON.stringify(body);
    expect(text).not.toContain(token);
    expect(text).not.toContain(numeric);
    expect(text).toContain("unknown token");
  });

  it("leaves no piece of a known secret that straddles where a long text body is cut", () => {
    const secret = `k${"7f3a9c1e".repeat(19)}`; // a 153-character key, echoed twice in a debug page
    const body = redactBody(`${secret} ${secret} ${"z".repeat(500)}`, { secrets: [secret], maxChars: 100 }) as string;
    expect(body).not.toContain(secret.slice(0, 16));
    // however much the redactions before it shrink the text
    const many = redactBody(`${`${secret} `.repeat(30)}${secret}`, { secrets: [secret], maxChars: 100 }) as string;
    expect(many).not.toContain(secret.slice(0, 16));
  });
});

describe("SourceHttpClient.send", () => {
  it("POSTs a JSON or a form body with the call's headers, to a path or an absolute URL", async () => {
    const { http } = client();
    await expect(http.send("POST", "/actions/x", { async: true }, { body: { a: 1 } })).resolves.toMatchObject({ status: 200, body: { path: "/actions/x", q: { async: "true" } } });
    await http.send("POST", `${sim.url}/oauth/token`, undefined, { body: "grant_type=client_credentials", contentType: "application/x-www-form-urlencoded", headers: { "x-extra": "1" } });
    expect(sim.requests.map((r) => [r.method, r.path, r.body, r.headers["content-type"], r.headers["x-extra"]])).toEqual([
      ["POST", "/actions/x", '{"a":1}', "application/json", undefined],
      ["POST", "/oauth/token", "grant_type=client_credentials", "application/x-www-form-urlencoded", "1"],
    ]);
  });

  it("does not repeat a non-idempotent request after a 5xx or a timeout, but does after a 503, and an idempotent one as a GET", async () => {
    const { http } = client({ timeoutMs: 200 });
    sim.fault({ status: 500, times: Infinity });
    expect(await failure(http.send("POST", "/a", undefined, { body: {} }))).toMatchObject({ kind: "HTTP", status: 500, attempts: 1, method: "POST" });
    expect(await failure(http.send("POST", "/a", undefined, { body: {}, idempotent: true }))).toMatchObject({ kind: "HTTP", status: 500, attempts: 4 });
    sim.reset();
    sim.fault({ delayMs: 1_000 });
    expect(await failure(http.send("POST", "/a", undefined, { body: {} }))).toMatchObject({ kind: "TIMEOUT", attempts: 1 });
    sim.reset();
    sim.fault({ status: 503, headers: { "retry-after": "1" } });
    await expect(http.send("POST", "/a", undefined, { body: {} })).resolves.toMatchObject({ status: 200 });
    expect(sim.requests).toHaveLength(2);
  });

  it("redacts a call header's credential from that call's error", async () => {
    const { http } = client();
    const token = "tok_call_5e4d3c2b1a09";
    sim.fault({ status: 400, body: { message: `bad token ${token}`, [token]: "echoed" } });
    const error = await failure(http.getJson("/x", undefined, { headers: { authorization: `Bearer ${token}` } }));
    expect(JSON.stringify(error.body)).not.toContain(token);
    expect(sim.requests[0].headers.authorization).toBe(`Bearer ${token}`);
  });
});

describe("SourceHttpClient authorize", () => {
  it("resolves headers for each attempt once the request holds its slot, redacts them, and fails with its rejection", async () => {
    const { http } = client({ maxConcurrency: 1 });
    const tokens = ["tok_first_1a2b3c4d5e", "tok_second_6f7a8b9c0d"];
    let calls = 0;
    sim.fault({ status: 500, body: { echo: tokens[0] } });
    await http.getJson("/x", undefined, { authorize: async () => ({ authorization: `Bearer ${tokens[calls++]}` }) });
    expect(sim.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${tokens[0]}`, `Bearer ${tokens[1]}`]);

    sim.reset();
    sim.fault({ status: 400, body: { echo: `bad ${tokens[1]}` } });
    const error = await failure(http.getJson("/x", undefined, { authorize: async () => ({ authorization: `Bearer ${tokens[1]}` }) }));
    expect(JSON.stringify(error.body)).not.toContain(tokens[1]);

    const refusal = new Error("no token");
    await expect(http.getJson("/x", undefined, { authorize: async () => Promise.reject(refusal) })).rejects.toBe(refusal);
    // The slot was let go: the next request runs.
    await expect(http.getJson("/x")).resolves.toMatchObject({ status: 200 });
  });
});
