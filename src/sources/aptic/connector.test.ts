import { ConnectorConfigError, connectorFor, type ConnectorPage } from "../../sync/engine/connectors";
import { virtualClock } from "../http";
import type { SourceSystem } from "../source-system.entity";
import type { ApticClientRecord } from "./bundle";
import { apticBundleOf, apticDataset, ApticSimulator, APTIC_TOKEN_PATH } from "./simulator";

const CLIENT_ID = "gateway-sync";
const SECRET = "cs_live_5a4b3c2d1e0f9a8b";
const API_KEY = "ak_live_9a8b7c6d5e4f3a2b";
const DATA = apticDataset({ count: 105, seed: 11 });

let sim: ApticSimulator;
beforeAll(async () => {
  sim = await ApticSimulator.start({ oauth2: { clientId: CLIENT_ID, clientSecret: SECRET }, apiKey: API_KEY });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.server.reset();
  sim.clients = structuredClone(DATA);
  sim.tokensIssued = 0;
});

/** The source as the run handler hands it over: only kind and baseUrl are read for Aptic. */
const aptic = () => ({ kind: "APTIC", baseUrl: sim.url }) as SourceSystem;
const http = () => ({ clock: virtualClock(), random: () => 0.5, retry: { baseDelayMs: 10 }, maxConcurrency: 4 });
const oauth2 = () => ({ oauth2: { tokenUrl: sim.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET } });

async function read(connector: ReturnType<typeof connectorFor>, at: Record<string, unknown> | null = null): Promise<ConnectorPage[]> {
  const pages: ConnectorPage[] = [];
  for await (const page of connector.pages({ since: null, at }, new AbortController().signal)) pages.push(page);
  return pages;
}

const records = (page: ConnectorPage) => page.records.map((r) => (r.ok ? (r.record as ApticClientRecord) : null));

describe("connectorFor(APTIC)", () => {
  it("yields pages of mapped bundles by $skip, with the total and no watermark; a client whose bank accounts keep failing is a failed fetch", async () => {
    const broken = DATA[7].client.uniqueId;
    sim.server.fault({ match: (r) => r.path === `/clients/${broken}/bankaccounts`, status: 500, times: Infinity, body: { type: "about:blank", title: "Internal Server Error", status: 500, detail: "ledger down", instance: `/clients/${broken}/bankaccounts` } });
    const connector = connectorFor(aptic(), oauth2(), http());
    const pages = await read(connector);

    expect(pages).toHaveLength(2);
    expect(pages.map((p) => p.next)).toEqual([{ skip: 100 }, null]);
    expect(pages.map((p) => p.total)).toEqual([105, 105]);
    expect(pages.map((p) => p.watermark)).toEqual([null, null]);
    expect(pages.map((p) => p.records.length + p.failedFetches.length)).toEqual([100, 5]);
    expect(pages.flatMap((p) => p.unchangedIds)).toEqual([]);

    const failed = pages.flatMap((p) => p.failedFetches);
    expect(failed).toEqual([{ sourceId: broken, message: expect.stringContaining("answered 500"), detail: expect.objectContaining({ kind: "HTTP", status: 500, sourceCode: "Internal Server Error" }), sourceUpdatedAt: null }]);
    expect(failed[0].message).not.toContain("ledger down");
    // The failing resource was tried 1 + 3 retries times, and that client is not applied.
    expect(sim.server.requests.filter((r) => r.path === `/clients/${broken}/bankaccounts`)).toHaveLength(4);

    const mapped = pages.flatMap(records);
    expect(mapped.every((r) => r !== null)).toBe(true);
    const byGuid = new Map(mapped.map((r) => [r!.sourceId, r!]));
    expect(byGuid.size).toBe(104);
    expect(byGuid.has(broken)).toBe(false);
    for (const [index, sim] of DATA.entries()) {
      if (index === 7) continue;
      const record = byGuid.get(sim.client.uniqueId)!;
      expect(record.bundle).toEqual(apticBundleOf(sim));
      expect(record.issues).toEqual([]);
    }
    expect(byGuid.get(DATA[0].client.uniqueId)!.bundle.factoringLoanTransactions).toHaveLength(150);
    expect(sim.server.maxInFlight).toBeLessThanOrEqual(4);
    expect(sim.server.requests.filter((r) => r.path === APTIC_TOKEN_PATH)).toHaveLength(1);
  });

  it("reads on when its token runs out mid-run: every client still read, none failed", async () => {
    const expiring = await ApticSimulator.start({ oauth2: { clientId: CLIENT_ID, clientSecret: SECRET, tokenMaxRequests: 200 }, clients: DATA });
    try {
      const connector = connectorFor({ kind: "APTIC", baseUrl: expiring.url } as SourceSystem, { oauth2: { tokenUrl: expiring.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET } }, http());
      const pages = await read(connector);
      expect(pages.map((p) => [p.records.length, p.failedFetches.length])).toEqual([[100, 0], [5, 0]]);
      expect(pages.flatMap(records).map((r) => r!.bundle)).toEqual(expect.arrayContaining(DATA.map(apticBundleOf)));
      // Some 1,370 requests at 200 a token.
      expect(expiring.tokensIssued).toBeGreaterThanOrEqual(6);
    } finally {
      await expiring.close();
    }
  });

  it("resumes from the position after a committed page, and reads with an API key", async () => {
    const connector = connectorFor(aptic(), { apiKey: API_KEY }, http());
    const pages = await read(connector, { skip: 100 });
    expect(pages.map((p) => [p.records.length, p.next])).toEqual([[5, null]]);
    expect(sim.server.requests.filter((r) => r.path === "/clients").map((r) => r.query.get("$skip"))).toEqual(["100"]);
    expect(sim.server.requests.every((r) => r.headers["x-api-key"] === API_KEY)).toBe(true);
  });

  it("confirms a client gone by its detail: 404 is gone, a client still there is present, an error is neither", async () => {
    const connector = connectorFor(aptic(), { apiKey: API_KEY }, http());
    const [kept, removed, failing] = [DATA[1], DATA[2], DATA[3]].map((c) => c.client.uniqueId);
    sim.remove(removed);
    sim.server.fault({ match: (r) => r.path === `/clients/${failing}`, status: 503, times: Infinity, body: { type: "about:blank", title: "Service Unavailable", status: 503 } });
    const check = await connector.confirmGone!([kept, removed, failing], new AbortController().signal);
    expect(check.gone).toEqual([removed]);
    expect(check.present).toEqual([kept]);
    expect(check.failed).toEqual([expect.objectContaining({ sourceId: failing, detail: expect.objectContaining({ status: 503 }) })]);
    expect(sim.server.requests.filter((r) => r.path === `/clients/${kept}`)).toHaveLength(1);
  });

  it("ends the run on refused credentials, and needs OAuth2 or an API key", async () => {
    const connector = connectorFor(aptic(), { apiKey: "ak_live_wrong_0000000000" }, http());
    await expect(read(connector)).rejects.toMatchObject({ kind: "AUTH", status: 401 });
    expect(() => connectorFor(aptic(), { bearerToken: "x" }, http())).toThrow(ConnectorConfigError);
  });
});
