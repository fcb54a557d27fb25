import { CreditDataSimulator, type CreditDataSimClient } from "../src/sources/credit-data/simulator";
import type { CreditDataActWire } from "../src/sources/credit-data/wire";
import { CrmSimulator } from "../src/sources/crm/simulator";
import { onPath } from "../src/sources/simulator-kit";
import { applyPageSafely } from "../src/sync/engine/apply";
import { mapCrmClient } from "../src/sources/crm/mapping";
import { SyncStatus } from "../src/sync/sync-run.entity";
import { queueRun } from "../src/sync/runs";
import { TestGateway } from "./helpers/harness";
import { addSource, crmRecord, freshTenant, inTenant, rows, swedishOrg, syncNow } from "./helpers/sync";

/**
 * The credit-data connector against its simulator over real HTTP and a real PostgreSQL: paging by
 * page with meta.total, incremental runs by updated_since, acts and latestAct with data points
 * (through GraphQL), re-syncs without duplicates, lookups by org number (404s remembered), the
 * precedence of the credit fields both ways, and a 503 retried.
 */
let gateway: TestGateway;
let credit: CreditDataSimulator | undefined;
let crm: CrmSimulator | undefined;

beforeAll(async () => {
  gateway = await TestGateway.start();
});

afterAll(async () => {
  await gateway.stop();
});

afterEach(async () => {
  await credit?.close();
  await crm?.close();
  credit = crm = undefined;
});

const TOKEN = "credit-token";

/** A credit-data client (000's fields) of the Swedish company `n` (the CRM helper's company n). */
function creditClient(n: number, overrides: Partial<CreditDataSimClient> = {}): CreditDataSimClient {
  return {
    id: `cd_${n}`,
    company_name: `Company ${n} Aktiebolag`,
    org_number: swedishOrg(n).replace("-", ""),
    country: "SE",
    credit_limit: `${n * 1000}.00`,
    credit_limit_currency: "sek",
    rating: "A",
    contact_name: `Contact ${n}`,
    email: `credit${n}@company${n}.example`,
    phone: "+46 8 555 00 00",
    created_at: "2026-09-01T08:00:00.000Z",
    updated_at: "2026-10-01T08:00:00.000Z",
    acts: [],
    ...overrides,
  };
}

function act(id: string, year: number, revenue = "1000000.00"): CreditDataActWire {
  return {
    id,
    period_start: `${year}-01-01`,
    period_end: `${year}-12-31`,
    published_at: `${year + 1}-03-01T09:00:00Z`,
    data_points: [
      { code: "REVENUE", label: "Net sales", value: revenue, unit: "SEK" },
      { code: "NET_RESULT", label: "Net result", value: "-12500.50", unit: "SEK" },
      { code: "EMPLOYEES", label: "Employees", value: 12, unit: "COUNT" },
      { code: "EQUITY_RATIO", label: "Equity ratio", value: "41.25", unit: "PERCENT" },
    ],
  };
}

async function creditSource(tenant: string, clients: CreditDataSimClient[]): Promise<string> {
  credit = await CreditDataSimulator.start({ token: TOKEN, clients });
  return addSource(gateway.dataSource, tenant, { kind: "CREDIT_DATA", baseUrl: credit.url, credentials: { bearerToken: TOKEN } });
}

async function crmSource(tenant: string, records: ReturnType<typeof crmRecord>[]): Promise<string> {
  crm = await CrmSimulator.start({ token: "crm-token", companyId: "7", records: records as never });
  return addSource(gateway.dataSource, tenant, { kind: "CRM", baseUrl: crm.url, companyId: "7", credentials: { bearerToken: "crm-token" } });
}

const listings = () => credit!.server.requests.filter((r) => r.path === "/api/clients");
const actRequests = () => credit!.server.requests.filter((r) => /\/acts/.test(r.path));
const lookups = () => credit!.server.requests.filter((r) => r.path === "/api/clients/lookup");
const count = async (tenant: string, sql: string, params: unknown[] = []) => Number((await rows<{ n: string }>(gateway.dataSource, tenant, sql, params))[0].n);

describe("a credit-data sync", () => {
  it("pages by page from 1 until meta.total, with total the source's count", async () => {
    const tenant = freshTenant("cd-pages");
    const sourceId = await creditSource(tenant, Array.from({ length: 230 }, (_, i) => creditClient(i + 1)));
    // Slow answers for the first acts requests, so that requests overlap at the simulator.
    credit!.server.fault({ match: (r) => /\/acts/.test(r.path), times: 40, delayMs: 25 });
    const totals: Array<number | null> = [];
    const run = await syncNow(gateway.dataSource, tenant, sourceId, false, { onProgress: (p) => void totals.push(p.total) });
    expect(run).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 230, created: 230, failed: 0 } });
    expect(listings().map((r) => [r.query.get("page"), r.query.get("limit"), r.query.get("updated_since")])).toEqual([
      ["1", "100", null],
      ["2", "100", null],
      ["3", "100", null],
    ]);
    expect(totals).toEqual([230, 230, 230]);
    // Each client's acts (two requests) are read concurrently, within the source's limit of 4.
    expect(actRequests()).toHaveLength(460);
    expect(credit!.server.maxInFlight).toBeGreaterThan(1);
    expect(credit!.server.maxInFlight).toBeLessThanOrEqual(4);
    const [client] = await rows<{ name: string; credit_limit: string; credit_limit_currency: string; rating: string; contact_person: string }>(
      gateway.dataSource, tenant, "SELECT name, credit_limit, credit_limit_currency, rating, contact_person FROM client ORDER BY id LIMIT 1",
    );
    expect(client).toEqual({ name: "Company 1 Aktiebolag", credit_limit: "1000.00", credit_limit_currency: "SEK", rating: "A", contact_person: "Contact 1" });
  });

  it("reads only what changed since the watermark (minus the overlap) on an incremental run, and that client's acts only", async () => {
    const tenant = freshTenant("cd-incr");
    const sourceId = await creditSource(tenant, [creditClient(1), creditClient(2), creditClient(3)]);
    await syncNow(gateway.dataSource, tenant, sourceId);
    expect(actRequests()).toHaveLength(6);
    credit!.server.reset();
    credit!.addAct("cd_2", act("a-2-2025", 2025), new Date("2026-11-15T10:00:00.000Z"));
    credit!.upsert({ id: "cd_3", rating: "B" }, new Date("2026-11-15T11:00:00.000Z"));
    const run = await syncNow(gateway.dataSource, tenant, sourceId);
    // The overlap lists company 1 again: unchanged by its content hash, so its acts are not read.
    expect(run).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 3, updated: 2, unchanged: 1, created: 0 } });
    // The watermark was the latest updated_at of the first run (2026-10-01T08:00), less two minutes.
    expect(listings().map((r) => r.query.get("updated_since"))).toEqual(["2026-10-01T07:58:00.000Z"]);
    expect(new Set(actRequests().map((r) => r.path))).toEqual(new Set(["/api/clients/cd_2/acts/latest", "/api/clients/cd_2/acts", "/api/clients/cd_3/acts/latest", "/api/clients/cd_3/acts"]));
    credit!.server.reset();
    const quiet = await syncNow(gateway.dataSource, tenant, sourceId);
    expect(listings().map((r) => r.query.get("updated_since"))).toEqual(["2026-11-15T10:58:00.000Z"]);
    // The overlap lists the last change again: unchanged by its content, so no acts are read.
    expect(quiet.counts).toMatchObject({ fetched: 1, unchanged: 1, updated: 0 });
    expect(actRequests()).toHaveLength(0);
  });

  it("stores acts with their data points as the client's acts and latestAct, 150 acts over two pages, and never twice on a re-sync", async () => {
    const tenant = freshTenant("cd-acts");
    const many = Array.from({ length: 150 }, (_, i) => act(`hist-${i}`, 1900 + i, `${1000 + i}.00`));
    const sourceId = await creditSource(tenant, [creditClient(1, { acts: [act("a-1-2024", 2024), act("a-1-2025", 2025, "2500000")] }), creditClient(2, { acts: many })]);
    const first = await syncNow(gateway.dataSource, tenant, sourceId);
    expect(first).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { created: 2 } });
    expect(actRequests().filter((r) => r.path === "/api/clients/cd_2/acts").map((r) => r.query.get("page"))).toEqual(["1", "2"]);
    const [one, two] = await rows<{ id: string }>(gateway.dataSource, tenant, "SELECT id FROM client ORDER BY id");
    expect(await count(tenant, "SELECT count(*) AS n FROM act WHERE client_id = $1", [two.id])).toBe(150);

    const query = `query ($id: ID!) { client(id: $id) {
      creditLimit creditLimitCurrency rating
      latestAct { sourceId periodStart periodEnd currencyCode revenue result employees publishedAt dataPoints { code label value unit } }
      acts(first: 5) { nodes { sourceId periodEnd } pageInfo { hasNextPage } } } }`;
    const answer = await gateway.send<{ client: Record<string, unknown> }>(query, { id: one.id }, { tenant });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.client).toEqual({
      creditLimit: "1000.00",
      creditLimitCurrency: "SEK",
      rating: "A",
      latestAct: {
        sourceId: "a-1-2025",
        periodStart: "2025-01-01",
        periodEnd: "2025-12-31",
        currencyCode: "SEK",
        revenue: "2500000.00",
        result: "-12500.50",
        employees: 12,
        publishedAt: "2026-03-01T09:00:00.000Z",
        dataPoints: [
          { code: "REVENUE", label: "Net sales", value: "2500000", unit: "SEK" },
          { code: "NET_RESULT", label: "Net result", value: "-12500.50", unit: "SEK" },
          { code: "EMPLOYEES", label: "Employees", value: "12", unit: "COUNT" },
          { code: "EQUITY_RATIO", label: "Equity ratio", value: "41.25", unit: "PERCENT" },
        ],
      },
      acts: { nodes: [{ sourceId: "a-1-2025", periodEnd: "2025-12-31" }, { sourceId: "a-1-2024", periodEnd: "2024-12-31" }], pageInfo: { hasNextPage: false } },
    });
    const audited = await count(tenant, "SELECT count(*) AS n FROM audit_entry WHERE entity_type = 'Act' AND sync_run_id = $1 AND source_system_id = $2", [first.runId, sourceId]);
    expect(audited).toBe(152);

    // A full re-sync of unchanged clients changes nothing; a changed act is updated in place.
    const again = await syncNow(gateway.dataSource, tenant, sourceId, true);
    expect(again.counts).toMatchObject({ unchanged: 2, updated: 0, created: 0 });
    credit!.addAct("cd_1", act("a-1-2025", 2025, "2600000.00"), new Date("2026-11-20T10:00:00.000Z"));
    const changed = await syncNow(gateway.dataSource, tenant, sourceId, true);
    expect(changed.counts).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await count(tenant, "SELECT count(*) AS n FROM act")).toBe(152);
    const [latest] = await rows<{ revenue: string }>(gateway.dataSource, tenant, "SELECT revenue FROM act WHERE source_id = 'a-1-2025'");
    expect(latest.revenue).toBe("2600000.00");
    // An act the source no longer lists goes.
    credit!.upsert({ id: "cd_1", acts: [act("a-1-2025", 2025, "2600000.00")] }, new Date("2026-11-21T10:00:00.000Z"));
    await syncNow(gateway.dataSource, tenant, sourceId);
    expect((await rows<{ source_id: string }>(gateway.dataSource, tenant, "SELECT source_id FROM act WHERE client_id = $1", [one.id])).map((r) => r.source_id)).toEqual(["a-1-2025"]);
  });

  it("reads every listed client's acts in a full run: an act published without a change of its client shows after it, not after an incremental run", async () => {
    const tenant = freshTenant("cd-full-acts");
    const sourceId = await creditSource(tenant, [creditClient(1, { acts: [act("a-1-2024", 2024)] }), creditClient(2)]);
    await syncNow(gateway.dataSource, tenant, sourceId);
    // The provider publishes an act and leaves the client's updated_at as it was.
    credit!.addAct("cd_1", act("a-1-2025", 2025), null);
    const actsOfOne = async () => (await rows<{ source_id: string }>(gateway.dataSource, tenant, "SELECT a.source_id FROM act a JOIN source_record s ON s.client_id = a.client_id WHERE s.source_id = 'cd_1' ORDER BY a.source_id")).map((r) => r.source_id);

    credit!.server.reset();
    const incremental = await syncNow(gateway.dataSource, tenant, sourceId);
    expect(incremental).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { updated: 0 } });
    expect(actRequests()).toEqual([]);
    expect(await actsOfOne()).toEqual(["a-1-2024"]);

    const full = await syncNow(gateway.dataSource, tenant, sourceId, true);
    expect(full).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 2, updated: 1, unchanged: 1, failed: 0 } });
    expect(new Set(actRequests().map((r) => r.path))).toEqual(new Set(["/api/clients/cd_1/acts/latest", "/api/clients/cd_1/acts", "/api/clients/cd_2/acts/latest", "/api/clients/cd_2/acts"]));
    expect(await actsOfOne()).toEqual(["a-1-2024", "a-1-2025"]);
    const audited = await count(tenant, "SELECT count(*) AS n FROM audit_entry WHERE entity_type = 'Act' AND sync_run_id = $1", [full.runId]);
    expect(audited).toBe(1);
  });

  it("takes over an act written here for the same client and period instead of storing it twice", async () => {
    const tenant = freshTenant("cd-adopt");
    const crmId = await crmSource(tenant, [crmRecord(1)]);
    await syncNow(gateway.dataSource, tenant, crmId);
    const [client] = await rows<{ id: string }>(gateway.dataSource, tenant, "SELECT id FROM client");
    await inTenant(gateway.dataSource, tenant, (tx) =>
      tx.query(`INSERT INTO act (tenant_id, client_id, period_start, period_end, currency_code, revenue) VALUES ($1, $2, '2025-01-01', '2025-12-31', 'SEK', 900000), ($1, $2, '2020-01-01', '2020-12-31', 'SEK', 1)`, [tenant, client.id]),
    );
    const sourceId = await creditSource(tenant, [creditClient(1, { acts: [act("a-1-2025", 2025)] })]);
    await syncNow(gateway.dataSource, tenant, sourceId);
    const acts = await rows<{ source_id: string | null; revenue: string; period_end: string }>(gateway.dataSource, tenant, "SELECT source_id, revenue, to_char(period_end, 'YYYY-MM-DD') AS period_end FROM act ORDER BY period_end");
    // The one of another period, written here, stays as it was.
    expect(acts).toEqual([
      { source_id: null, revenue: "1.00", period_end: "2020-12-31" },
      { source_id: "a-1-2025", revenue: "1000000.00", period_end: "2025-12-31" },
    ]);
  });

  it("retries a 503 and then goes on", async () => {
    const tenant = freshTenant("cd-503");
    const sourceId = await creditSource(tenant, [creditClient(1, { acts: [act("a-1", 2025)] })]);
    credit!.server.fault({ match: onPath("/api/clients"), status: 503, headers: { "retry-after": "0" }, body: { error: { code: "UNAVAILABLE", message: "try again" } } });
    credit!.server.fault({ match: onPath("/api/clients/cd_1/acts/latest"), status: 503, times: 1 });
    const run = await syncNow(gateway.dataSource, tenant, sourceId);
    expect(run).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { created: 1, failed: 0 } });
    expect(listings()).toHaveLength(2);
    expect(credit!.server.requests.filter((r) => r.path === "/api/clients/cd_1/acts/latest")).toHaveLength(2);
    expect(await count(tenant, "SELECT count(*) AS n FROM act")).toBe(1);
  });
});

describe("credit data with the CRM", () => {
  it("looks a client of the CRM up by org number, remembers a 404, and doesn't ask again the next run", async () => {
    const tenant = freshTenant("cd-lookup");
    const crmId = await crmSource(tenant, [crmRecord(1), crmRecord(2), crmRecord(3)]);
    await syncNow(gateway.dataSource, tenant, crmId);
    // Company 1 is in the account's portfolio (listed); company 2 only in the provider's register (a lookup finds it, written with a dash); company 3 nowhere.
    const sourceId = await creditSource(tenant, [creditClient(1), creditClient(2, { monitored: false, org_number: swedishOrg(2), acts: [act("a-2-2025", 2025)] })]);
    const run = await syncNow(gateway.dataSource, tenant, sourceId);
    expect(run).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 2, updated: 2, created: 0, failed: 0 } });
    expect(lookups().map((r) => [r.query.get("org_number"), r.query.get("country")]).sort()).toEqual([
      [swedishOrg(2).replace("-", ""), "SE"],
      [swedishOrg(3).replace("-", ""), "SE"],
    ]);
    const clients = await rows<{ id: string; name: string; credit_limit: string | null; acts: string }>(
      gateway.dataSource, tenant, "SELECT c.id, c.name, c.credit_limit, (SELECT count(*) FROM act a WHERE a.client_id = c.id) AS acts FROM client c ORDER BY c.id",
    );
    expect(clients.map((c) => [c.name, c.credit_limit, Number(c.acts)])).toEqual([
      ["Company 1 AB", "1000.00", 0],
      ["Company 2 AB", "2000.00", 1],
      ["Company 3 AB", null, 0],
    ]);
    const remembered = await rows<{ client_id: string; outcome: string; source_id: string | null }>(gateway.dataSource, tenant, "SELECT client_id, outcome, source_id FROM source_lookup ORDER BY client_id");
    expect(remembered).toEqual([
      { client_id: clients[1].id, outcome: "FOUND", source_id: "cd_2" },
      { client_id: clients[2].id, outcome: "NOT_FOUND", source_id: null },
    ]);

    credit!.server.reset();
    const next = await syncNow(gateway.dataSource, tenant, sourceId);
    expect(next.status).toBe(SyncStatus.SUCCEEDED);
    expect(lookups()).toHaveLength(0);
    // A month later the 404 (and the client only a lookup brings) are asked again.
    await inTenant(gateway.dataSource, tenant, (tx) => tx.query(`UPDATE source_lookup SET looked_up_at = looked_up_at - interval '31 days'`));
    await syncNow(gateway.dataSource, tenant, sourceId);
    expect(lookups()).toHaveLength(2);
  });

  it("keeps the CRM's identity and contact fields against credit data, and credit data's credit fields against the CRM", async () => {
    const tenant = freshTenant("cd-precedence");
    const crmId = await crmSource(tenant, [crmRecord(1)]);
    await syncNow(gateway.dataSource, tenant, crmId);
    const sourceId = await creditSource(tenant, [creditClient(1, { credit_limit: "50000.00", rating: "AA" })]);
    await syncNow(gateway.dataSource, tenant, sourceId);
    const read = () => rows<Record<string, unknown>>(gateway.dataSource, tenant, "SELECT id, name, email, phone, contact_person, credit_limit, credit_limit_currency, rating FROM client");
    const [afterCredit] = await read();
    expect(afterCredit).toMatchObject({ name: "Company 1 AB", email: "info1@company1.example", phone: "+46 8 123 45 67", credit_limit: "50000.00", credit_limit_currency: "SEK", rating: "AA" });
    // Contact person: the CRM sends none, so credit data's fills it.
    expect(afterCredit.contact_person).toBe("Contact 1");

    // The CRM (001) has no credit fields: a CRM record carrying them, applied through the sync's
    // apply path as a CRM page, does not overwrite credit data's values.
    const [crmSourceRow] = await rows<{ name: string }>(gateway.dataSource, tenant, "SELECT name FROM source_system WHERE id = $1", [crmId]);
    const mapped = mapCrmClient(crmRecord(1, { updated_at: "2026-11-20T10:00:00.000Z" }));
    if (!mapped.ok) throw new Error("the CRM record maps");
    mapped.record.values = { ...mapped.record.values, creditLimit: "1.00", creditLimitCurrency: "EUR", rating: "D" };
    mapped.record.raw = { ...mapped.record.raw, credit_limit: "1.00" };
    const queued = await inTenant(gateway.dataSource, tenant, (tx) => queueRun(tx, tenant, crmId, { full: false, requestedBy: "test" }));
    if (queued.kind !== "QUEUED") throw new Error("a CRM run is queued");
    const outcome = await inTenant(gateway.dataSource, tenant, (tx) =>
      applyPageSafely(tx, { tenantId: tenant, sourceSystemId: crmId, sourceName: crmSourceRow.name, kind: "CRM", runId: queued.run.id }, { records: [mapped], failedFetches: [], unchangedIds: [] }),
    );
    expect(outcome.counts).toMatchObject({ failed: 0, conflicts: 0 });
    const [afterCrm] = await read();
    expect(afterCrm).toMatchObject({ credit_limit: "50000.00", credit_limit_currency: "SEK", rating: "AA" });

    // A change in credit data still lands; a change of the name there does not.
    credit!.upsert({ id: "cd_1", credit_limit: "75000.00", company_name: "Renamed by credit data" }, new Date("2026-11-21T10:00:00.000Z"));
    await syncNow(gateway.dataSource, tenant, sourceId);
    const [latest] = await read();
    expect(latest).toMatchObject({ name: "Company 1 AB", credit_limit: "75000.00" });
  });
});
