import { ClientType } from "../../modules/client/client.enums";
import { SourceHttpError, virtualClock } from "../http";
import { onPath } from "../simulator-kit";
import { InvoicingClient, type InvoicingClientOptions, type InvoicingPage } from "./client";
import { INVOICING_DETAIL_EXAMPLE, INVOICING_INVOICE_EXAMPLE } from "./examples";
import { mapInvoicingCustomer } from "./mapping";
import { InvoicingSimulator, type InvoicingSimCustomer } from "./simulator";

const TOKEN = "inv_live_3e8d7c6b5a4f3e2d";
const COMPANY = "comp_42";
const T0 = Date.parse("2026-06-01T00:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const BASE = `/api/v1/companies/${COMPANY}/customers`;

/** Customer n was created n seconds after T0 and changed n minutes after T0; every 10th archived. */
function roster(count = 250): InvoicingSimCustomer[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return {
      id: `cus_${String(n).padStart(4, "0")}`,
      name: `Customer ${n}`,
      customer_type: "business",
      country: "SE",
      created_at: new Date(T0 + n * 1000).toISOString(),
      updated_at: at(n),
      archived_at: n % 10 === 0 ? at(n) : null,
      invoices: [
        { ...INVOICING_INVOICE_EXAMPLE, id: `inv_${n}_open`, invoice_number: `N${n}-1` },
        { ...INVOICING_INVOICE_EXAMPLE, id: `inv_${n}_paid`, invoice_number: `N${n}-2`, status: "paid", open_amount: "0.00" },
      ],
    };
  });
}

let sim: InvoicingSimulator;
beforeAll(async () => {
  sim = await InvoicingSimulator.start({ token: TOKEN, companyId: COMPANY });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.server.reset();
  sim.customers = roster();
});

function invoicing(options: Partial<InvoicingClientOptions> = {}) {
  const clock = virtualClock();
  const client = new InvoicingClient({
    baseUrl: sim.url,
    token: TOKEN,
    companyId: COMPANY,
    ...options,
    http: { clock, random: () => 0.5, timeoutMs: 2_000, retry: { baseDelayMs: 100 }, ...(options.http ?? {}) },
  });
  return { client, clock };
}

async function all(pages: AsyncIterable<InvoicingPage>): Promise<InvoicingPage[]> {
  const out: InvoicingPage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

function noToken(error: SourceHttpError): SourceHttpError {
  expect(JSON.stringify({ message: error.message, issue: error.toIssue(), url: error.url })).not.toContain(TOKEN);
  return error;
}

async function failure(promise: Promise<unknown>): Promise<SourceHttpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SourceHttpError);
    return noToken(error as SourceHttpError);
  }
  throw new Error("expected a SourceHttpError");
}

const lists = () => sim.server.requests.filter((r) => r.path === BASE);
const details = () => sim.server.requests.filter((r) => r.path.startsWith(`${BASE}/`));

describe("InvoicingClient over HTTP", () => {
  it("walks the cursor listing, archived included, and reads every detail with its open invoices on a full run", async () => {
    const pages = await all(invoicing().client.pages());
    expect(pages.map((p) => [p.changed.length, p.unchanged.length, p.failed.length, p.final])).toEqual([[100, 0, 0, false], [100, 0, 0, false], [50, 0, 0, true]]);
    expect(pages[0].cursor).toBeNull();
    expect(lists().map((r) => r.query.get("cursor"))).toEqual([null, pages[1].cursor, pages[2].cursor]);
    expect(Object.fromEntries(lists()[0].query)).toEqual({ include_archived: "true", limit: "100" });
    expect(lists()[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(details()).toHaveLength(250);
    expect(details().every((r) => r.query.get("expand") === "invoices")).toBe(true);
    expect(pages.flatMap((p) => p.changed.map((c) => c.id))).toEqual(roster().map((c) => c.id));
    expect(pages[0].changed[0].invoices!.map((i) => i.id)).toEqual(["inv_1_open"]); // open ones only
    expect(pages[0].meta).toEqual({ requestId: expect.stringMatching(/^req_/), apiVersion: "2026-05-12" });
    expect(pages.at(-1)!.watermark).toBe(at(250));
  });

  it("reads only the details of customers changed since the watermark (minus the overlap) on an incremental run", async () => {
    const { client } = invoicing({ overlapMs: 5 * 60_000 });
    const pages = await all(client.pages({ since: at(240) }));
    expect(pages.flatMap((p) => p.changed.map((c) => c.id))).toEqual(Array.from({ length: 16 }, (_, i) => `cus_0${235 + i}`));
    expect(pages.reduce((n, p) => n + p.unchanged.length, 0)).toBe(234);
    expect(details()).toHaveLength(16);
    expect(pages.at(-1)!.watermark).toBe(at(250));

    // A change since is read on the next run; a new or paid invoice alone is not (only a full run sees it)
    sim.upsert({ id: "cus_0003", name: "Renamed" }, new Date(T0 + 600 * 60_000));
    sim.customers.find((c) => c.id === "cus_0004")!.invoices = [];
    sim.server.reset();
    const next = await all(client.pages({ since: at(250) }));
    const changed = next.flatMap((p) => p.changed);
    expect(changed.map((c) => c.id)).toEqual(["cus_0003", "cus_0245", "cus_0246", "cus_0247", "cus_0248", "cus_0249", "cus_0250"]);
    expect(next.at(-1)!.watermark).toBe(at(600));
    const full = (await all(client.pages())).flatMap((p) => p.changed);
    expect(full.find((c) => c.id === "cus_0004")!.invoices).toEqual([]);
  });

  it("ends a listing with INVALID_RESPONSE when the source ignores the cursor: the same customers again under a new next_cursor", async () => {
    const data = roster(100).map(({ invoices: _invoices, ...item }) => item);
    for (let n = 1; n <= 10; n++) sim.server.fault({ match: onPath(BASE), status: 200, body: { data, meta: { request_id: `req_${n}`, next_cursor: `c${n}` } } });
    let pages = 0;
    const error = await failure((async () => {
      for await (const page of invoicing().client.listPages()) {
        if (++pages > 5) throw new Error(`still paging at cursor ${page.cursor}`);
      }
    })());
    expect(error).toMatchObject({ kind: "INVALID_RESPONSE", status: 200 });
    expect(pages).toBe(1);
  });

  it("reads archived customers and unmasked personal numbers from the detail, though the list masks them", async () => {
    sim.customers = [{ id: "cus_p", name: "Anna Andersson", customer_type: "individual", country: "SE", org_number: "811218-9876", created_at: at(0), updated_at: at(1), archived_at: at(1), invoices: [] }];
    const listed = [];
    for await (const page of invoicing().client.listPages()) listed.push(...page.items);
    expect(listed[0].org_number).toBe("811218-****");
    const [page] = await all(invoicing().client.pages());
    const mapped = mapInvoicingCustomer(page.changed[0]);
    expect(mapped).toMatchObject({ ok: true, record: { sourceId: "cus_p", deletedInSource: true, deletedAt: at(1), values: { clientType: ClientType.INDIVIDUAL, orgNumber: "811218-9876" }, openInvoices: [] } });
  });

  it("serves the document's example and maps it as the pure mapping does", async () => {
    sim.customers = [{ ...structuredClone(INVOICING_DETAIL_EXAMPLE), invoices: [INVOICING_INVOICE_EXAMPLE] }];
    const [page] = await all(invoicing().client.pages());
    expect(page.changed).toEqual([{ ...INVOICING_DETAIL_EXAMPLE, invoices: [INVOICING_INVOICE_EXAMPLE] }]);
    expect(mapInvoicingCustomer(page.changed[0])).toEqual(mapInvoicingCustomer({ ...INVOICING_DETAIL_EXAMPLE, invoices: [INVOICING_INVOICE_EXAMPLE] }));
  });

  it("answers null for a customer that is not there (404 NOT_FOUND)", async () => {
    const { client } = invoicing();
    await expect(client.getCustomer("cus_0001")).resolves.toMatchObject({ id: "cus_0001" });
    await expect(client.getCustomer("cus_none")).resolves.toBeNull();
  });

  it("waits out a 429 on a detail (Retry-After), then reads it", async () => {
    sim.server.fault({ match: onPath(`${BASE}/cus_0002`), status: 429, times: 3, headers: { "retry-after": "1" }, body: { error: { code: "RATE_LIMITED", message: "Too many requests" }, meta: {} } });
    // one at a time, so that the virtual clock's waits are those of this customer alone
    const { client, clock } = invoicing({ pageSize: 5, http: { maxConcurrency: 1 } });
    sim.customers = roster(5);
    const [page] = await all(client.pages());
    expect(page.changed.map((c) => c.id)).toEqual(["cus_0001", "cus_0002", "cus_0003", "cus_0004", "cus_0005"]);
    expect(page.failed).toEqual([]);
    expect(clock.sleeps).toEqual([1000, 1000, 1000]);
    expect(details().filter((r) => r.path.endsWith("cus_0002"))).toHaveLength(4);
  });

  it("fails one customer alone when its detail keeps answering 500, and holds the watermark back to it", async () => {
    sim.server.fault({ match: onPath(`${BASE}/cus_0120`), status: 500, times: Infinity, body: { error: { code: "INTERNAL", message: `db down; token=${TOKEN}` }, meta: { request_id: "req_x" } } });
    const { client } = invoicing({ http: { retry: { maxRetries: 2, baseDelayMs: 1 } } });
    const pages = await all(client.pages());
    const failed = pages.flatMap((p) => p.failed);
    expect(failed.map((f) => f.id)).toEqual(["cus_0120"]);
    expect(noToken(failed[0].error)).toMatchObject({ kind: "HTTP", status: 500, attempts: 3, sourceCode: "INTERNAL" });
    expect(JSON.stringify(failed[0].error.body)).toContain("[REDACTED]");
    expect(pages.flatMap((p) => p.changed)).toHaveLength(249);
    expect(pages.at(-1)!.watermark).toBe(at(120));
    expect(details().filter((r) => r.path.endsWith("cus_0120"))).toHaveLength(3);
  });

  it("fails the run on a list page's persistent 500, bounded, with a typed error", async () => {
    sim.server.fault({ match: (r) => r.path === BASE && r.query.get("cursor") !== null, status: 502, times: Infinity, body: { error: { code: "BAD_GATEWAY", message: "upstream" }, meta: {} } });
    const { client, clock } = invoicing({ http: { retry: { maxRetries: 3, baseDelayMs: 100 } } });
    const got: number[] = [];
    const error = await failure((async () => {
      for await (const page of client.pages()) got.push(page.changed.length);
    })());
    expect(got).toEqual([100]);
    expect(error).toMatchObject({ kind: "HTTP", status: 502, attempts: 4, sourceCode: "BAD_GATEWAY" });
    expect(clock.sleeps.slice(-3)).toEqual([75, 150, 300]);
  });

  it("ends the run clearly on 401 and 403, also when a detail gets them", async () => {
    const bad = await failure(all(invoicing({ token: "inv_wrong_0000000000" }).client.pages()));
    expect(bad).toMatchObject({ kind: "AUTH", status: 401, sourceCode: "UNAUTHORIZED", endsRun: true });
    expect(bad.message).toMatch(/^INVOICING refused the credentials \(401 UNAUTHORIZED/);
    expect(bad.message).not.toContain("inv_wrong_0000000000");
    expect(await failure(all(invoicing({ companyId: "comp_other" }).client.pages()))).toMatchObject({ kind: "AUTH", status: 403, sourceCode: "FORBIDDEN" });
    sim.server.fault({ match: onPath(`${BASE}/cus_0007`), status: 401, body: { error: { code: "UNAUTHORIZED", message: "Token revoked" }, meta: {} } });
    expect(await failure(all(invoicing().client.pages()))).toMatchObject({ kind: "AUTH", status: 401 });
  });

  it("times out a slow list page", async () => {
    sim.server.fault({ match: onPath(BASE), delayMs: 3_000, times: Infinity });
    expect(await failure(all(invoicing({ http: { timeoutMs: 100, retry: { maxRetries: 1, baseDelayMs: 1 } } }).client.pages()))).toMatchObject({ kind: "TIMEOUT", attempts: 2 });
  });

  it("reads a page's details concurrently, never more than 4 in flight", async () => {
    sim.customers = roster(40);
    sim.server.fault({ match: (r) => r.path.startsWith(`${BASE}/`), delayMs: 20, times: Infinity });
    const pages = await all(invoicing().client.pages());
    expect(pages[0].changed).toHaveLength(40);
    expect(sim.server.maxInFlight).toBeLessThanOrEqual(4);
    expect(sim.server.maxInFlight).toBeGreaterThan(1);
  });

  it("takes a lower concurrency limit, and a requests/second cap", async () => {
    sim.customers = roster(10);
    sim.server.fault({ match: (r) => r.path.startsWith(`${BASE}/`), delayMs: 10, times: Infinity });
    await all(invoicing({ http: { maxConcurrency: 2 } }).client.pages());
    expect(sim.server.maxInFlight).toBeLessThanOrEqual(2);
    // 11 starts (1 list + 10 details) at 5/s, one at a time: 10 gaps of 200 ms
    const { client, clock } = invoicing({ http: { maxConcurrency: 1, requestsPerSecond: 5 } });
    await all(client.pages());
    expect(clock.sleeps).toEqual(Array(10).fill(200));
  });
});
