import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { apticBundleOf, apticDataset, ApticSimulator, APTIC_TOKEN_PATH } from "../src/sources/aptic/simulator";
import { SyncStatus } from "../src/sync/sync-run.entity";
import { addSource, freshTenant, rows, syncNow } from "./helpers/sync";

/**
 * Aptic syncs end to end: the simulator over HTTP, the connector, the engine and PostgreSQL. The
 * dataset makes every 10th client (0, 10, 20) one with 150 loan transactions (two pages of 100) and
 * leaves some resources out (404: none).
 */
const CLIENT_ID = "gateway-sync";
const SECRET = "cs_test_0123456789abcdef";
const DATA = apticDataset({ count: 30, seed: 5 });

let dataSource: DataSource;
let sim: ApticSimulator;

beforeAll(async () => {
  dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { pool: { size: 4 } });
  await dataSource.initialize();
});
afterAll(async () => {
  await dataSource.destroy();
});
afterEach(async () => {
  await sim?.close();
});

async function apticSource(tenantId: string, options: { tokenMaxRequests?: number; listingPageLimit?: number } = {}) {
  sim = await ApticSimulator.start({ oauth2: { clientId: CLIENT_ID, clientSecret: SECRET, tokenMaxRequests: options.tokenMaxRequests }, clients: DATA, listingPageLimit: options.listingPageLimit });
  return addSource(dataSource, tenantId, { kind: "APTIC", baseUrl: sim.url, credentials: { oauth2: { tokenUrl: sim.tokenUrl, clientId: CLIENT_ID, clientSecret: SECRET } } });
}

const countOf = async (tenant: string, sql: string) => Number((await rows<{ n: string }>(dataSource, tenant, sql))[0].n);

/** What the dataset holds of each nested resource, as the connector reads it. */
function expected() {
  const bundles = DATA.map(apticBundleOf);
  const present = (pick: (b: (typeof bundles)[number]) => unknown) => bundles.filter((b) => pick(b) !== null).length;
  const items = (pick: (b: (typeof bundles)[number]) => unknown[]) => bundles.reduce((n, b) => n + pick(b).length, 0);
  return {
    client_contract: present((b) => b.contract),
    factoring_loan_contract: present((b) => b.factoringLoanContract),
    factoring_purchase_contract: present((b) => b.factoringPurchaseContract),
    // Transactions of a loan Aptic has (a client without one has none).
    factoring_loan_transaction: bundles.reduce((n, b) => n + (b.factoringLoanContract ? b.factoringLoanTransactions.length : 0), 0),
    bank_account: items((b) => b.bankAccounts),
    direct_debit_mandate: items((b) => b.directDebitMandates),
    client_parameter: items((b) => b.parameters),
    extra_field: items((b) => b.extraFields),
    source_summary:
      present((b) => b.factoringLoanSummary) + present((b) => b.factoringPurchaseSummary) + present((b) => b.clientSummary) + bundles.length,
  };
}

describe("an Aptic sync against the simulator", () => {
  it("syncs every nested resource with the right counts, 150 transactions over two pages, and 404 as none", async () => {
    const tenant = freshTenant("aptic-sim");
    const sourceId = await apticSource(tenant);
    const run = await syncNow(dataSource, tenant, sourceId);
    expect(run).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 30, created: 30, failed: 0, conflicts: 0 } });
    const want = expected();
    // Some resources are absent (404) for some clients: those are none, not errors.
    expect(want.client_contract).toBeLessThan(30);
    expect(want.factoring_loan_contract).toBeLessThan(30);
    for (const [table, n] of Object.entries(want)) expect([table, await countOf(tenant, `SELECT count(*) AS n FROM ${table}`)]).toEqual([table, n]);

    // Client 0: 150 transactions, read as two pages of 100 and 50.
    const first = DATA[0];
    expect(first.factoringLoanTransactions).toHaveLength(150);
    const pages = sim.server.requests.filter((r) => r.path === `/clients/${first.client.uniqueId}/factoringloancontract/transactions`).map((r) => r.query.get("$skip"));
    expect(pages).toEqual(["0", "100"]);
    expect(await countOf(tenant, `SELECT count(*) AS n FROM factoring_loan_transaction t JOIN source_record s ON s.client_id = t.client_id WHERE s.source_id = '${first.client.uniqueId}'`)).toBe(150);
    // Audited as the run's, on the client's history.
    expect(await countOf(tenant, `SELECT count(*) AS n FROM audit_entry WHERE entity_type = 'FactoringLoanTransaction' AND sync_run_id = ${run.runId}`)).toBe(want.factoring_loan_transaction);
  });

  it("succeeds when the token expires mid-run", async () => {
    // A token good for 40 requests: the run (some 520, 4 in flight) outlives a dozen.
    const tenant = freshTenant("aptic-token");
    const sourceId = await apticSource(tenant, { tokenMaxRequests: 40 });
    const run = await syncNow(dataSource, tenant, sourceId);
    expect(run).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { created: 30, failed: 0 } });
    expect(sim.server.requests.filter((r) => r.path === APTIC_TOKEN_PATH).length).toBeGreaterThan(1);
  });

  it("skips an unchanged client without writes, applies a content change, and archives a client gone from the listing", async () => {
    const tenant = freshTenant("aptic-again");
    const sourceId = await apticSource(tenant);
    await syncNow(dataSource, tenant, sourceId);
    const audits = await countOf(tenant, `SELECT count(*) AS n FROM audit_entry`);
    const stamps = () => rows<{ at: Date }>(dataSource, tenant, `SELECT max(updated_at) AS at FROM client UNION ALL SELECT max(updated_at) FROM bank_account UNION ALL SELECT max(updated_at) FROM client_contract`);
    const before = await stamps();

    const same = await syncNow(dataSource, tenant, sourceId);
    expect(same).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 30, unchanged: 30, updated: 0, created: 0, archived: 0 } });
    expect(await countOf(tenant, `SELECT count(*) AS n FROM audit_entry`)).toBe(audits);
    expect(await stamps()).toEqual(before);

    // One client's bank account changes; another leaves the listing.
    const changed = structuredClone(DATA.find((c) => (c.bankAccounts?.length ?? 0) > 0)!);
    changed.bankAccounts![0].description = "Renamed in Aptic";
    sim.upsert(changed);
    const gone = DATA.find((c) => c.client.uniqueId !== changed.client.uniqueId)!;
    sim.remove(gone.client.uniqueId);
    const next = await syncNow(dataSource, tenant, sourceId);
    expect(next).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 29, updated: 1, unchanged: 28, archived: 1 } });
    const history = await rows<{ entity_type: string; changes: { field: string; after: unknown }[] }>(
      dataSource, tenant, `SELECT entity_type, changes FROM audit_entry WHERE sync_run_id = $1 ORDER BY id`, [next.runId],
    );
    expect(history).toEqual([
      { entity_type: "BankAccount", changes: [{ field: "description", before: DATA.find((c) => c.client.uniqueId === changed.client.uniqueId)!.bankAccounts![0].description ?? null, after: "Renamed in Aptic" }] },
      { entity_type: "Client", changes: [expect.objectContaining({ field: "archivedAt", before: null })] },
    ]);
    const [archived] = await rows<{ archived: boolean; deleted: boolean }>(
      dataSource, tenant, `SELECT c.archived_at IS NOT NULL AS archived, s.deleted_in_source AS deleted FROM client c JOIN source_record s ON s.client_id = c.id WHERE s.source_id = $1`, [gone.client.uniqueId],
    );
    expect(archived).toEqual({ archived: true, deleted: true });
  });

  it("does not archive a client the listing moved past during the run (a delete and an add: the same total); archives it once Aptic answers 404", async () => {
    const tenant = freshTenant("aptic-moved");
    // Pages of 10: 30 clients in three pages.
    const sourceId = await apticSource(tenant, { listingPageLimit: 10 });
    expect(await syncNow(dataSource, tenant, sourceId)).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { created: 30 } });
    const sorted = DATA.map((c) => c.client.uniqueId).sort();
    const added = { ...apticDataset({ count: 1, seed: 2 })[0] };
    added.client = { ...added.client, uniqueId: "ffffffff-ffff-4fff-8fff-ffffffffffff" };
    // When the run asks for its second page, one client of the first is deleted in Aptic and one is
    // added at the end: the total stays 30, and the 11th client moves up onto the page already read.
    let moved = false;
    sim.server.reset();
    sim.server.fault({
      match: (r) => {
        if (!moved && r.path === "/clients" && r.query.get("$skip") === "10") {
          moved = true;
          sim.remove(sorted[3]);
          sim.upsert(added);
        }
        return false;
      },
    });
    const archivedOf = async (guid: string) => (await rows<{ archived: boolean }>(dataSource, tenant, `SELECT c.archived_at IS NOT NULL AS archived FROM client c JOIN source_record s ON s.client_id = c.id WHERE s.source_id = $1`, [guid]))[0]?.archived;

    const during = await syncNow(dataSource, tenant, sourceId);
    expect(moved).toBe(true);
    // The 11th was never listed to the run, but its detail answers: it is still there, not archived.
    expect(sim.server.requests.some((r) => r.path === `/clients/${sorted[10]}/contract`)).toBe(false);
    expect(sim.server.requests.filter((r) => r.path === `/clients/${sorted[10]}`)).toHaveLength(1);
    expect(during).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 30, created: 1, archived: 0, failed: 0 } });
    expect(await archivedOf(sorted[10])).toBe(false);

    // The next run lists the 11th again, and does not see the deleted one: its detail answers 404, archived.
    const after = await syncNow(dataSource, tenant, sourceId);
    expect(after).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 30, archived: 1, failed: 0 } });
    expect(await archivedOf(sorted[3])).toBe(true);
    expect(await archivedOf(sorted[10])).toBe(false);
  });

  it("archives nothing when the client detail fails: the unconfirmed client is the run's issue", async () => {
    const tenant = freshTenant("aptic-unconfirmed");
    const sourceId = await apticSource(tenant);
    await syncNow(dataSource, tenant, sourceId);
    const gone = DATA[4].client.uniqueId;
    sim.remove(gone);
    sim.server.fault({ match: (r) => r.path === `/clients/${gone}`, status: 500, times: Infinity, body: { type: "about:blank", title: "Internal Server Error", status: 500 } });
    const run = await syncNow(dataSource, tenant, sourceId);
    expect(run).toMatchObject({ status: SyncStatus.PARTIAL, counts: { fetched: 29, unchanged: 29, archived: 0, failed: 1 } });
    const issues = await rows<{ kind: string; source_id: string }>(dataSource, tenant, `SELECT kind, source_id FROM sync_issue WHERE run_id = $1`, [run.runId]);
    expect(issues).toEqual([{ kind: "SOURCE_ERROR", source_id: gone }]);
    const [client] = await rows<{ archived: boolean; deleted: boolean }>(
      dataSource, tenant, `SELECT c.archived_at IS NOT NULL AS archived, s.deleted_in_source AS deleted FROM client c JOIN source_record s ON s.client_id = c.id WHERE s.source_id = $1`, [gone],
    );
    expect(client).toEqual({ archived: false, deleted: false });
  });
});
