import { SourceHttpError, virtualClock } from "../http";
import { onPath, type SimRequest } from "../simulator-kit";
import { ApticClient, apticAuthOf, type ApticClientOptions, type ApticListingPage } from "./client";
import { apticBundleOf, apticDataset, ApticSimulator, APTIC_TOKEN_PATH } from "./simulator";

const CLIENT_ID = "gateway-sync";
const SECRET = "cs_live_7d6c5b4a39281706";
const API_KEY = "ak_live_0f1e2d3c4b5a6978";
const DATA = apticDataset({ count: 250, seed: 7 });

let sim: ApticSimulator;
beforeAll(async () => {
  sim = await ApticSimulator.start({ oauth2: { clientId: CLIENT_ID, clientSecret: SECRET }, apiKey: API_KEY, serviceDefinitions: ["SendReminder", "RecalculateLimits"] });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.server.reset();
  sim.clients = structuredClone(DATA);
  sim.invocations.length = 0;
  sim.tokensIssued = 0;
});

function aptic(options: Partial<ApticClientOptions> = {}) {
  const clock = virtualClock();
  const client = new ApticClient({
    baseUrl: sim.url,
    auth: { kind: "oauth2", tokenUrl: sim.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET },
    ...options,
    http: { clock, random: () => 0.5, timeoutMs: 5_000, retry: { baseDelayMs: 100 }, ...(options.http ?? {}) },
  });
  return { client, clock };
}

const tokenRequests = () => sim.server.requests.filter((r) => r.path === APTIC_TOKEN_PATH);
const resourceRequests = () => sim.server.requests.filter((r) => r.path !== APTIC_TOKEN_PATH);
const item = (index: number) => DATA[index].client;

async function failure(promise: Promise<unknown>): Promise<SourceHttpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SourceHttpError);
    return error as SourceHttpError;
  }
  throw new Error("expected a SourceHttpError");
}

async function all(pages: AsyncIterable<ApticListingPage>): Promise<ApticListingPage[]> {
  const out: ApticListingPage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe("ApticClient listing", () => {
  it("reads every client by $top/$skip in uniqueId order, with the total, and resumes from a $skip", async () => {
    const { client } = aptic();
    const pages = await all(client.pages());
    expect(pages.map((p) => [p.skip, p.clients.length, p.total, p.next])).toEqual([
      [0, 100, 250, 100],
      [100, 100, 250, 200],
      [200, 50, 250, null],
    ]);
    const ids = pages.flatMap((p) => p.clients.map((c) => c.uniqueId));
    expect(ids).toEqual(DATA.map((c) => c.client.uniqueId).sort());
    const listings = resourceRequests();
    expect(listings.map((r) => [r.path, r.query.get("$top"), r.query.get("$skip"), r.query.get("$orderby")])).toEqual([
      ["/clients", "100", "0", "uniqueId asc"],
      ["/clients", "100", "100", "uniqueId asc"],
      ["/clients", "100", "200", "uniqueId asc"],
    ]);
    // Every listing item as Aptic sent it.
    expect(pages[0].clients[0]).toEqual(DATA.find((c) => c.client.uniqueId === ids[0])!.client);

    const resumed = await all(client.pages({ skip: 200 }));
    expect(resumed.map((p) => [p.skip, p.clients.length])).toEqual([[200, 50]]);
  });

  it("fails on a listing that ignores $skip, and on a 404 of the listing (a path that must exist)", async () => {
    const { client } = aptic({ pageSize: 10 });
    sim.server.fault({ match: (r) => r.path === "/clients" && r.query.get("$skip") === "10", status: 200, body: { count: 10, skip: 0, total: 250, value: sim.clients.map((c) => c.client).sort((a, b) => (a.uniqueId < b.uniqueId ? -1 : 1)).slice(0, 10) } });
    expect(await failure(all(client.pages()))).toMatchObject({ kind: "INVALID_RESPONSE", sourceMessage: expect.stringContaining("repeats") });

    sim.server.fault({ match: onPath("/clients"), status: 404, body: { type: "about:blank", title: "Not Found", status: 404, detail: "No such route", instance: "/clients" } });
    const error = await failure(all(client.pages()));
    expect(error).toMatchObject({ kind: "HTTP", status: 404, sourceCode: "Not Found" });
  });
});

describe("ApticClient bundle", () => {
  it("reads the 12 resources of a client, all 150 loan transactions over two pages", async () => {
    const { client } = aptic();
    const bundle = await client.bundle(item(0));
    expect(bundle).toEqual(apticBundleOf(DATA[0]));
    expect(bundle.factoringLoanTransactions).toHaveLength(150);
    const transactions = sim.server.requests.filter((r) => r.path.endsWith("/factoringloancontract/transactions"));
    expect(transactions.map((r) => [r.query.get("$top"), r.query.get("$skip")])).toEqual([["100", "0"], ["100", "100"]]);
    const paths = resourceRequests().map((r) => r.path.replace(`/clients/${item(0).uniqueId}/`, ""));
    expect(new Set(paths)).toEqual(
      new Set(["contract", "factoringloancontract", "factoringloancontract/summary", "factoringloancontract/transactions", "factoringpurchasecontract", "factoringpurchasecontract/summary", "bankaccounts", "parameters", "extrafields", "directdebitmandates", "summary", "accounts/summary"]),
    );
    expect(paths).toHaveLength(13);
    // Every figure of the document's summaries, as sent.
    expect(Object.keys(bundle.factoringLoanSummary!).sort()).toEqual(["autoAvailable", "currentBalance", "currentPercent", "maxAvailable", "totLoanAvailable", "totalCreditorFeeAmount", "totalInvoiceAmount", "totalPledgeAmount", "untransactedInterest"]);
    expect(Object.keys(bundle.factoringPurchaseSummary!)).toHaveLength(10);
  });

  it("takes a 404 on a per-client resource as none: null or an empty list", async () => {
    const { client } = aptic();
    // Index 3: no loan contract; 5: no bank accounts; 6: no contract; 1: no mandates; 9: no accounts summary; 4: no purchase contract.
    const noLoan = await client.bundle(item(3));
    expect(noLoan).toMatchObject({ factoringLoanContract: null, factoringLoanSummary: null, factoringLoanTransactions: [] });
    expect(noLoan.contract).not.toBeNull();
    expect((await client.bundle(item(5))).bankAccounts).toEqual([]);
    expect((await client.bundle(item(6))).contract).toBeNull();
    expect((await client.bundle(item(1))).directDebitMandates).toEqual([]);
    expect((await client.bundle(item(9))).accountsSummary).toEqual([]);
    expect(await client.bundle(item(4))).toMatchObject({ factoringPurchaseContract: null, factoringPurchaseSummary: null });
    // A client that has none of the parameters and extra fields.
    expect(await client.bundle(item(7))).toMatchObject({ parameters: [], extraFields: [] });
    expect(await client.getClient("no-such-guid")).toBeNull();
    expect(await client.getClient(item(2).uniqueId)).toEqual(item(2));
  });

  it("fails a bundle with the redacted problem details of a resource that keeps failing, after the retries", async () => {
    const { client } = aptic();
    const detail = `Upstream ledger refused: Authorization: Bearer ${"x".repeat(4)}9f3k2l1m0n token=${SECRET} for client ${item(2).uniqueId}`;
    sim.server.fault({ match: (r) => r.path.endsWith("/bankaccounts"), times: Infinity, status: 500, body: { type: "https://aptic.example/problems/ledger", title: "Ledger unavailable", status: 500, detail, instance: `/clients/${item(2).uniqueId}/bankaccounts`, client_secret: SECRET } });
    const error = await failure(client.bundle(item(2)));
    expect(error).toMatchObject({ kind: "HTTP", status: 500, attempts: 4, sourceCode: "Ledger unavailable", endsRun: false });
    const body = error.body as Record<string, unknown>;
    expect(body).toMatchObject({ type: "https://aptic.example/problems/ledger", title: "Ledger unavailable", status: 500, instance: `/clients/${item(2).uniqueId}/bankaccounts`, client_secret: "[REDACTED]" });
    expect(JSON.stringify(error.body)).not.toContain(SECRET);
    expect(JSON.stringify(error.body)).not.toContain("9f3k2l1m0n");
    expect(error.safeMessage).not.toContain("Upstream");
    expect(error.toIssue()).toMatchObject({ status: 500, sourceCode: "Ledger unavailable" });
    expect(`${error.message} ${error.safeMessage}`).not.toContain(SECRET);
    expect(sim.server.requests.filter((r) => r.path.endsWith("/bankaccounts"))).toHaveLength(4);

    // A 400 problem is not retried.
    sim.server.reset();
    sim.server.fault({ match: (r) => r.path.endsWith("/parameters"), status: 400, body: { type: "about:blank", title: "Bad Request", status: 400, detail: "$top out of range" } });
    expect(await failure(client.bundle(item(2)))).toMatchObject({ kind: "HTTP", status: 400, attempts: 1, sourceCode: "Bad Request", sourceMessage: "$top out of range" });
  });

  it("redacts the access token in use when a problem echoes it", async () => {
    const { client } = aptic();
    await client.ping();
    const token = String(sim.server.requests.find((r) => r.path === "/ping")!.headers.authorization).replace("Bearer ", "");
    sim.server.fault({ match: (r) => r.path.endsWith("/contract"), status: 422, body: { type: "about:blank", title: "Unprocessable", status: 422, detail: `request with ${token} refused`, [token]: "echoed as a key" } });
    const error = await failure(client.bundle(item(2)));
    expect(error).toMatchObject({ kind: "HTTP", status: 422 });
    expect(JSON.stringify(error.body)).not.toContain(token);
    expect(JSON.stringify(error.body)).toContain("[REDACTED]");
    expect(error.sourceMessage).not.toContain(token);
  });

  it("never has more requests in flight than the source's limit, token fetch included", async () => {
    const { client } = aptic({ http: { maxConcurrency: 3 } });
    // Every answer held back a little, so that requests overlap.
    sim.server.fault({ times: Infinity, delayMs: 15 });
    const bundles = await Promise.all([0, 1, 2, 20].map((i) => client.bundle(item(i))));
    expect(bundles.map((b) => b.factoringLoanTransactions.length)).toEqual([150, 2, 3, 150]);
    expect(sim.server.maxInFlight).toBe(3);
    expect(tokenRequests()).toHaveLength(1);
  });
});

describe("ApticSimulator", () => {
  it("lets a test change one client's content and remove one from the listing", async () => {
    const { client } = aptic();
    sim.client(item(0).uniqueId)!.bankAccounts![0].description = "Changed in Aptic";
    sim.clients[2] = { ...sim.clients[2], client: { ...sim.clients[2].client, fullName: "Renamed AB" } };
    sim.remove(item(1).uniqueId);
    expect((await client.bundle(item(0))).bankAccounts[0].description).toBe("Changed in Aptic");
    expect((await client.getClient(item(2).uniqueId))?.fullName).toBe("Renamed AB");
    const pages = await all(client.pages());
    expect(pages[0].total).toBe(249);
    expect(pages.flatMap((p) => p.clients.map((c) => c.uniqueId))).not.toContain(item(1).uniqueId);
    expect(await client.getClient(item(1).uniqueId)).toBeNull();
    sim.upsert(DATA[1]);
    expect(await client.getClient(item(1).uniqueId)).toEqual(item(1));
  });
});

describe("ApticClient OAuth2", () => {
  it("fetches one token for concurrent requests with the client credentials, and keeps it", async () => {
    const { client } = aptic({ auth: { kind: "oauth2", tokenUrl: sim.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET, scope: "clients.read" } });
    await Promise.all([client.bundle(item(0)), client.bundle(item(1)), client.ping()]);
    await client.bundle(item(2));
    expect(tokenRequests()).toHaveLength(1);
    const form = new URLSearchParams(tokenRequests()[0].body);
    expect(Object.fromEntries(form)).toEqual({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: SECRET, scope: "clients.read" });
    expect(tokenRequests()[0].headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const bearers = new Set(resourceRequests().map((r) => r.headers.authorization));
    expect(bearers.size).toBe(1);
    expect([...bearers][0]).toMatch(/^Bearer apt_/);
    expect(sim.tokensIssued).toBe(1);
  });

  it("fetches a new token shortly before expires_in, without waiting for a 401", async () => {
    const lifetime = await ApticSimulator.start({ oauth2: { clientId: CLIENT_ID, clientSecret: SECRET, tokenLifetimeSeconds: 300 }, clients: DATA.slice(0, 3) });
    try {
      const { client, clock } = aptic({ baseUrl: lifetime.url, auth: { kind: "oauth2", tokenUrl: lifetime.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET } });
      await client.ping();
      await clock.sleep(260_000); // still 40 s left: more than the margin (30 s)
      await client.ping();
      expect(lifetime.tokensIssued).toBe(1);
      await clock.sleep(15_000); // 25 s left: inside the margin
      await client.ping();
      expect(lifetime.tokensIssued).toBe(2);
      expect(lifetime.server.requests.map((r) => r.path)).toEqual([APTIC_TOKEN_PATH, "/ping", "/ping", APTIC_TOKEN_PATH, "/ping"]);
    } finally {
      await lifetime.close();
    }
  });

  it("refreshes a token Aptic stopped accepting once, shared by the requests that got the 401, and retries them", async () => {
    const { client } = aptic();
    await client.bundle(item(1));
    sim.expireTokens(); // mid-run: every token issued so far answers 401
    const bundle = await client.bundle(item(0));
    expect(bundle).toEqual(apticBundleOf(DATA[0]));
    expect(sim.tokensIssued).toBe(2);
    expect(tokenRequests()).toHaveLength(2);
  });

  it("refreshes after a token's allowed number of requests", async () => {
    const limited = await ApticSimulator.start({ oauth2: { clientId: CLIENT_ID, clientSecret: SECRET, tokenMaxRequests: 2 } });
    try {
      const { client } = aptic({ baseUrl: limited.url, auth: { kind: "oauth2", tokenUrl: limited.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET } });
      for (let i = 0; i < 5; i++) await client.ping();
      // ping 1, 2 on the first token; 3 gets a 401, a second token, 3 again and 4; 5 a 401 and a third.
      expect(limited.tokensIssued).toBe(3);
      expect(limited.server.requests.filter((r) => r.path === "/ping")).toHaveLength(7);
    } finally {
      await limited.close();
    }
  });

  it("survives a token running out while a fan-out's requests wait for their slots: each takes the token current when it is sent", async () => {
    const limited = await ApticSimulator.start({ oauth2: { clientId: CLIENT_ID, clientSecret: SECRET, tokenMaxRequests: 30 }, clients: DATA.slice(0, 40) });
    try {
      const { client } = aptic({ baseUrl: limited.url, auth: { kind: "oauth2", tokenUrl: limited.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET }, http: { maxConcurrency: 4 } });
      limited.server.fault({ times: Infinity, delayMs: 2 });
      const bundles = await Promise.all(DATA.slice(0, 40).map((sim) => client.bundle(sim.client)));
      expect(bundles).toEqual(DATA.slice(0, 40).map(apticBundleOf));
      const resources = limited.server.requests.filter((r) => r.path !== APTIC_TOKEN_PATH).length;
      // Some 500 requests at 30 a token: about 17 tokens, and only the few requests in flight when one ran out were refused.
      expect(limited.tokensIssued).toBeGreaterThanOrEqual(Math.ceil(480 / 30));
      expect(resources - 480 - 4 * 2).toBeLessThanOrEqual(limited.tokensIssued * 4);
      expect(limited.server.maxInFlight).toBeLessThanOrEqual(4);
    } finally {
      await limited.close();
    }
  });

  it("fails with a clear error when a fresh token is refused too (401 twice), and refreshes only once", async () => {
    const { client } = aptic();
    sim.server.fault({ match: onPath("/ping"), status: 401, times: 2, body: { type: "about:blank", title: "Unauthorized", status: 401, detail: "insufficient scope" } });
    const error = await failure(client.ping());
    expect(error).toMatchObject({ kind: "AUTH", status: 401, endsRun: true });
    expect(error.message).toContain("401 twice");
    expect(sim.tokensIssued).toBe(2);
    expect(sim.server.requests.filter((r) => r.path === "/ping")).toHaveLength(2);
  });

  it("ends the run when the token endpoint refuses the client credentials, naming no secret", async () => {
    const wrong = "cs_wrong_1234567890abc";
    const { client } = aptic({ auth: { kind: "oauth2", tokenUrl: sim.tokenUrl, clientId: CLIENT_ID, clientSecret: wrong } });
    const error = await failure(client.ping());
    expect(error).toMatchObject({ kind: "AUTH", status: 401, endsRun: true });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(wrong);
    expect(error.sourceCode).toBe("invalid_client");
    expect(resourceRequests()).toHaveLength(0);
  });
});

describe("apticAuthOf", () => {
  it("takes OAuth2 when both are stored, else the API key, else none (the sync's and the actions' one rule)", () => {
    const oauth2 = { tokenUrl: "http://127.0.0.1:1/token", clientId: CLIENT_ID, clientSecret: SECRET };
    expect(apticAuthOf({ oauth2, apiKey: API_KEY })).toEqual({ kind: "oauth2", ...oauth2 });
    expect(apticAuthOf({ apiKey: API_KEY })).toEqual({ kind: "apiKey", apiKey: API_KEY });
    expect(apticAuthOf({ bearerToken: "tok_123456789" })).toBeNull();
  });
});

describe("ApticClient API key", () => {
  it("sends X-Api-Key and no token; a wrong key is AUTH", async () => {
    const { client } = aptic({ auth: { kind: "apiKey", apiKey: API_KEY } });
    expect(await client.bundle(item(0))).toEqual(apticBundleOf(DATA[0]));
    expect(tokenRequests()).toHaveLength(0);
    for (const request of sim.server.requests) {
      expect(request.headers["x-api-key"]).toBe(API_KEY);
      expect(request.headers.authorization).toBeUndefined();
    }
    const wrongKey = "ak_live_wrongwrongwrong1";
    const { client: wrong } = aptic({ auth: { kind: "apiKey", apiKey: wrongKey } });
    const error = await failure(wrong.ping());
    expect(error).toMatchObject({ kind: "AUTH", status: 401, sourceCode: "Unauthorized" });
    expect(error.message).not.toContain(wrongKey);
  });
});

describe("ApticClient custom actions and ping", () => {
  it("invokes a client's action and a global one with their JSON body and the async flag", async () => {
    const { client } = aptic();
    const guid = item(4).uniqueId;
    const scoped = await client.invoke(guid, "SendReminder", { level: 2, note: "second" }, { async: true });
    expect(scoped).toEqual({ status: 202, body: {}, location: "/actions/SendReminder/jobs/1" });
    const global = await client.invoke(null, "RecalculateLimits", { all: true }, { async: false });
    expect(global).toEqual({ status: 200, body: {}, location: null });
    expect(sim.invocations).toEqual([
      { clientGuid: guid, serviceDefinition: "SendReminder", async: true, body: { level: 2, note: "second" } },
      { clientGuid: null, serviceDefinition: "RecalculateLimits", async: false, body: { all: true } },
    ]);
    const posts = sim.server.requests.filter((r: SimRequest) => r.method === "POST" && r.path !== APTIC_TOKEN_PATH);
    expect(posts.map((r) => [r.path, r.query.get("async"), r.headers["content-type"]])).toEqual([
      [`/clients/${guid}/actions/SendReminder`, "true", "application/json"],
      ["/actions/RecalculateLimits", "false", "application/json"],
    ]);
  });

  it("answers a 404 of an action as an error, and does not repeat an action after a 5xx", async () => {
    const { client } = aptic();
    expect(await failure(client.invoke("no-such-guid", "SendReminder", {}, { async: false }))).toMatchObject({ kind: "HTTP", status: 404, method: "POST" });
    expect(await failure(client.invoke(null, "Unknown", {}, { async: false }))).toMatchObject({ kind: "HTTP", status: 404 });
    sim.server.fault({ match: (r) => r.path.startsWith("/actions/"), status: 502, times: Infinity });
    expect(await failure(client.invoke(null, "RecalculateLimits", {}, { async: true }))).toMatchObject({ kind: "HTTP", status: 502, attempts: 1 });
    expect(sim.invocations).toEqual([]);
    // A 503 (Aptic did nothing) is retried.
    sim.server.reset();
    sim.server.fault({ match: (r) => r.path.startsWith("/actions/"), status: 503, headers: { "retry-after": "1" } });
    await expect(client.invoke(null, "RecalculateLimits", {}, { async: true })).resolves.toMatchObject({ status: 202 });
    expect(sim.invocations).toHaveLength(1);
  });

  it("pings", async () => {
    const { client } = aptic();
    await expect(client.ping()).resolves.toBeUndefined();
    expect(resourceRequests().map((r) => [r.method, r.path])).toEqual([["GET", "/ping"]]);
    sim.server.fault({ match: onPath("/ping"), status: 404, body: { title: "Not Found", status: 404 } });
    expect(await failure(client.ping())).toMatchObject({ kind: "HTTP", status: 404 });
  });
});
