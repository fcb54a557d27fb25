import { SourceHttpError, virtualClock } from "../http";
import { onPath } from "../simulator-kit";
import { CrmClient, type CrmClientOptions, type CrmPage } from "./client";
import { CRM_LIST_EXAMPLE } from "./examples";
import { mapCrmClient } from "./mapping";
import { CrmSimulator } from "./simulator";
import type { CrmClientWire } from "./wire";

const TOKEN = "crm_secret_7c9e1f2a3b4d5e6f";
const COMPANY = "4711";
const T0 = Date.parse("2026-06-01T00:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** 250 clients, client n changed n minutes after T0; every 10th deleted. */
function roster(count = 250): CrmClientWire[] {
  return Array.from({ length: count }, (_, i) => {
    const id = i + 1;
    return { id, corporate_name: `Client ${id}`, country: "SE", created_at: at(0), updated_at: at(id), deleted_at: id % 10 === 0 ? at(id) : null, external_identifiers: [{ id, external_id: `SF-${id}`, type: "salesforce" }] };
  });
}

let sim: CrmSimulator;
beforeAll(async () => {
  sim = await CrmSimulator.start({ token: TOKEN, companyId: COMPANY, apiVersions: ["2024-01"] });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.server.reset();
  sim.records = roster();
});

function crm(options: Partial<CrmClientOptions> = {}) {
  const clock = virtualClock();
  const client = new CrmClient({
    baseUrl: sim.url,
    token: TOKEN,
    companyId: COMPANY,
    apiVersion: "2024-01",
    ...options,
    http: { clock, random: () => 0.5, timeoutMs: 2_000, retry: { baseDelayMs: 100 }, ...(options.http ?? {}) },
  });
  return { client, clock };
}

async function all(pages: AsyncIterable<CrmPage>): Promise<CrmPage[]> {
  const out: CrmPage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<SourceHttpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SourceHttpError);
    const e = error as SourceHttpError;
    expect(JSON.stringify({ message: e.message, issue: e.toIssue(), url: e.url })).not.toContain(TOKEN);
    return e;
  }
  throw new Error("expected a SourceHttpError");
}

describe("CrmClient over HTTP", () => {
  it("pages through every client by offset, with the documented query and headers, one page at a time", async () => {
    const { client } = crm();
    const pages = await all(client.pages());
    expect(pages.map((p) => [p.offset, p.records.length, p.final])).toEqual([[0, 100, false], [100, 100, false], [200, 50, true]]);
    expect(pages.flatMap((p) => p.records.map((r) => r.id))).toEqual(roster().map((r) => r.id));
    expect(pages[2].watermark).toBe(at(250));
    const first = sim.server.requests[0];
    expect(first.path).toBe("/api/clients");
    expect(Object.fromEntries(first.query)).toEqual({ limit: "100", offset: "0", include: "externalIdentifiers", deleted: "include" });
    expect(first.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, "x-company-id": COMPANY, "x-api-version": "2024-01" });
  });

  it("ends on an empty page when the last full page was exactly the limit", async () => {
    sim.records = roster(200);
    const pages = await all(crm().client.pages());
    expect(pages.map((p) => [p.offset, p.records.length, p.final])).toEqual([[0, 100, false], [100, 100, false], [200, 0, true]]);
  });

  it("ends a listing with INVALID_RESPONSE when the source ignores the offset and answers the same full page forever", async () => {
    sim.server.fault({ match: onPath("/api/clients"), status: 200, times: Infinity, body: roster(100) });
    const { client } = crm();
    let pages = 0;
    const error = await failure((async () => {
      for await (const page of client.pages()) {
        if (++pages > 5) throw new Error(`still paging at offset ${page.offset}`);
      }
    })());
    expect(error).toMatchObject({ kind: "INVALID_RESPONSE", status: 200 });
    expect(pages).toBe(1);
  });

  it("names no credential in the URL of an INVALID_RESPONSE, even one in the configured base URL's path", async () => {
    sim.server.fault({ status: 200, times: Infinity, body: { not: "a list" } });
    const error = await failure(all(crm({ baseUrl: `${sim.url}/tenants/${TOKEN}` }).client.pages()));
    expect(error.kind).toBe("INVALID_RESPONSE");
    expect(error.url).toContain("/api/clients");
  });

  it("leaves out X-Api-Version when none is configured", async () => {
    await all(crm({ apiVersion: null, pageSize: 100 }).client.pages({ since: at(300) }));
    expect(sim.server.requests[0].headers["x-api-version"]).toBeUndefined();
  });

  it("lists only clients changed since the watermark minus the overlap, and hands back the new watermark", async () => {
    const { client } = crm({ overlapMs: 5 * 60_000 });
    const pages = await all(client.pages({ since: at(200) }));
    expect(sim.server.requests[0].query.get("updated_at")).toBe(`gte:${at(195)}`);
    const ids = pages.flatMap((p) => p.records.map((r) => Number(r.id)));
    expect(ids).toEqual(Array.from({ length: 56 }, (_, i) => 195 + i));
    expect(pages.at(-1)).toMatchObject({ final: true, watermark: at(250) });

    // A client changed later is in the next run, from the stored watermark
    sim.upsert({ id: 3, corporate_name: "Client 3, renamed" }, new Date(T0 + 400 * 60_000));
    sim.server.reset();
    const next = await all(client.pages({ since: pages.at(-1)!.watermark }));
    // the overlap lists the last 5 minutes again (harmless duplicates), and the renamed client
    expect(next.flatMap((p) => p.records.map((r) => r.id))).toEqual([3, 245, 246, 247, 248, 249, 250]);
    expect(next[0].records[0].corporate_name).toBe("Client 3, renamed");
    expect(next.at(-1)!.watermark).toBe(at(400));

    // Nothing new: the watermark stays
    const none = await all(client.pages({ since: at(500) }));
    expect(none).toEqual([{ offset: 0, records: [], final: true, watermark: at(500) }]);
  });

  it("lists deleted clients too, and maps them as deleted in the source", async () => {
    const pages = await all(crm().client.pages({ since: at(0) }));
    const deleted = pages.flatMap((p) => p.records).filter((r) => r.deleted_at);
    expect(deleted).toHaveLength(25);
    const mapped = mapCrmClient(deleted[0]);
    expect(mapped).toMatchObject({ ok: true, record: { sourceId: "10", deletedInSource: true, deletedAt: at(10), values: { name: "Client 10", countryCode: "SE" } } });
    // and the simulator's deletion filter is what the CRM documents
    const only = await all(crm().client.pages({ deleted: "only" }));
    expect(only.flatMap((p) => p.records).every((r) => r.deleted_at)).toBe(true);
    const exclude = await all(crm().client.pages({ deleted: "exclude" }));
    expect(exclude.flatMap((p) => p.records)).toHaveLength(225);
  });

  it("reads one client, deleted ones included, and answers null on 404 not_found", async () => {
    const { client } = crm();
    await expect(client.getClient(10)).resolves.toMatchObject({ id: 10, deleted_at: at(10), external_identifiers: [{ external_id: "SF-10" }] });
    expect(Object.fromEntries(sim.server.requests[0].query)).toEqual({ include: "externalIdentifiers", deleted: "include" });
    await expect(client.getClient(9999)).resolves.toBeNull();
  });

  it("maps the document's example as served by the simulator, field by field as the pure mapping does", async () => {
    sim.records = [structuredClone(CRM_LIST_EXAMPLE)];
    const [page] = await all(crm().client.pages());
    expect(page.records).toEqual([CRM_LIST_EXAMPLE]);
    expect(mapCrmClient(page.records[0])).toEqual(mapCrmClient(CRM_LIST_EXAMPLE));
  });

  it("waits out a 429's Retry-After in the middle of the listing, then goes on", async () => {
    sim.server.fault({ match: (r) => r.query.get("offset") === "100", status: 429, times: 2, headers: { "retry-after": "2" }, body: { key: "too_many_requests", message: "Slow down" } });
    const { client, clock } = crm();
    const pages = await all(client.pages());
    expect(pages.flatMap((p) => p.records)).toHaveLength(250);
    expect(clock.sleeps).toEqual([2000, 2000]);
    expect(sim.server.requests.map((r) => r.query.get("offset"))).toEqual(["0", "100", "100", "100", "200"]);
  });

  it("retries a page's 500 a bounded number of times, then fails the listing with a typed, redacted error", async () => {
    sim.server.fault({ match: (r) => r.query.get("offset") === "100", status: 500, times: Infinity, body: { key: "internal_error", message: `upstream said: Authorization: Bearer ${TOKEN}` } });
    const { client, clock } = crm({ http: { retry: { maxRetries: 2, baseDelayMs: 100 } } });
    const seen: number[] = [];
    const error = await failure((async () => {
      for await (const page of client.pages()) seen.push(page.offset);
    })());
    expect(seen).toEqual([0]);
    expect(error).toMatchObject({ kind: "HTTP", status: 500, attempts: 3, sourceCode: "internal_error", endsRun: false });
    expect(error.sourceMessage).toContain("[REDACTED]");
    expect(clock.sleeps).toEqual([75, 150]);
  });

  it("retries a record's 500, then recovers; fails it alone when the 500 persists", async () => {
    sim.server.fault({ match: onPath("/api/clients/5"), status: 500, times: 1 });
    const { client } = crm();
    await expect(client.getClient(5)).resolves.toMatchObject({ id: 5 });
    sim.server.fault({ match: onPath("/api/clients/6"), status: 500, times: Infinity, body: { key: "internal_error", message: "Database on fire" } });
    expect(await failure(client.getClient(6))).toMatchObject({ kind: "HTTP", status: 500, attempts: 4, sourceMessage: "Database on fire" });
    await expect(client.getClient(7)).resolves.toMatchObject({ id: 7 });
  });

  it("fails the run clearly on 401 (bad token) and 403 (another company), without naming the token", async () => {
    const wrong = crm({ token: "crm_wrong_token_123456" }).client;
    const unauthorized = await failure(all(wrong.pages()));
    expect(unauthorized).toMatchObject({ kind: "AUTH", status: 401, endsRun: true, sourceCode: "unauthorized", attempts: 1 });
    expect(unauthorized.message).toMatch(/^CRM refused the credentials \(401 unauthorized: Missing or invalid bearer token\)/);
    expect(unauthorized.message).not.toContain("crm_wrong_token_123456");
    const forbidden = await failure(all(crm({ companyId: "1" }).client.pages()));
    expect(forbidden).toMatchObject({ kind: "AUTH", status: 403, sourceCode: "forbidden" });
    expect(forbidden.message).toContain("company id");
  });

  it("surfaces the CRM's 400 invalid_data failures and 412 precondition_failure, not retried", async () => {
    const bad = await failure(all(crm({ apiVersion: "1999-01" }).client.pages()));
    expect(bad).toMatchObject({ kind: "HTTP", status: 412, sourceCode: "precondition_failure", attempts: 1 });
    sim.server.fault({ status: 400, body: { key: "invalid_data", message: "You provided invalid data.", failures: [{ field: "updated_at", message: "Bad filter" }] } });
    const invalid = await failure(all(crm().client.pages()));
    expect(invalid).toMatchObject({ kind: "HTTP", status: 400, sourceCode: "invalid_data", sourceMessage: "You provided invalid data. updated_at: Bad filter", attempts: 1 });
  });

  it("times out a slow page (and retries it a bounded number of times)", async () => {
    sim.server.fault({ match: (r) => r.query.get("offset") === "0", delayMs: 3_000, times: Infinity });
    const error = await failure(all(crm({ http: { timeoutMs: 100, retry: { maxRetries: 1, baseDelayMs: 1 } } }).client.pages()));
    expect(error).toMatchObject({ kind: "TIMEOUT", attempts: 2 });
  });

  it("keeps at most 4 requests in flight by default", async () => {
    sim.server.fault({ delayMs: 30, times: Infinity });
    const { client } = crm();
    const found = await Promise.all(Array.from({ length: 16 }, (_, i) => client.getClient(i + 1)));
    expect(found.every((r) => r !== null)).toBe(true);
    expect(sim.server.maxInFlight).toBeLessThanOrEqual(4);
    expect(sim.server.maxInFlight).toBeGreaterThan(1);
  });

  it("stops when the run is cancelled", async () => {
    const run = new AbortController();
    const { client } = crm({ http: { signal: run.signal } });
    const offsets: number[] = [];
    const error = await failure((async () => {
      for await (const page of client.pages()) {
        offsets.push(page.offset);
        run.abort();
      }
    })());
    expect(error.kind).toBe("CANCELLED");
    expect(offsets).toEqual([0]);
  });

  it("refuses a listing that is not an array", async () => {
    sim.server.fault({ status: 200, body: { data: [] } });
    expect(await failure(all(crm().client.pages()))).toMatchObject({ kind: "INVALID_RESPONSE", status: 200 });
  });
});
