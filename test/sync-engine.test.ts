import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { CrmSimulator } from "../src/sources/crm/simulator";
import { SyncStatus } from "../src/sync/sync-run.entity";
import { createLogger } from "../src/common/log";
import { runSync } from "../src/sync/engine/run-sync";
import { cancelRun, queueRun } from "../src/sync/runs";
import { InvoicingSimulator } from "../src/sources/invoicing/simulator";
import { addSource, crmRecord, freshTenant, inTenant, invoice, invoicingCustomer, rows, swedishOrg, syncEnvironment, syncNow } from "./helpers/sync";

let dataSource: DataSource;
let crm: CrmSimulator;

beforeAll(async () => {
  dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { pool: { size: 4 } });
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource.destroy();
});

afterEach(async () => {
  await crm?.close();
});

async function crmSource(tenantId: string, records: ReturnType<typeof crmRecord>[]) {
  crm = await CrmSimulator.start({ token: "crm-token", companyId: "7", records: records as never });
  const sourceId = await addSource(dataSource, tenantId, { kind: "CRM", baseUrl: crm.url, companyId: "7", credentials: { bearerToken: "crm-token" } });
  return sourceId;
}

describe("a CRM sync", () => {
  it("creates one client per record on the first run, and changes nothing on the second", async () => {
    const tenant = freshTenant("first");
    const sourceId = await crmSource(tenant, Array.from({ length: 150 }, (_, i) => crmRecord(i + 1)));
    const first = await syncNow(dataSource, tenant, sourceId);
    expect(first).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 150, created: 150, updated: 0, failed: 0, conflicts: 0 }, statisticsRefreshed: 0 });
    const clients = await rows<{ name: string; org_number: string }>(dataSource, tenant, "SELECT name, org_number FROM client ORDER BY id");
    expect(clients).toHaveLength(150);
    expect(clients[0].name).toBe("Company 1 AB");
    const history = await rows<{ n: string }>(dataSource, tenant, "SELECT count(*) AS n FROM audit_entry WHERE sync_run_id = $1 AND source_system_id = $2", [first.runId, sourceId]);
    expect(Number(history[0].n)).toBe(150);
    const provenance = await rows<{ n: string }>(dataSource, tenant, "SELECT count(*) AS n FROM field_source WHERE source_system_id = $1 AND field = 'email'", [sourceId]);
    expect(Number(provenance[0].n)).toBe(150);

    const second = await syncNow(dataSource, tenant, sourceId, true);
    expect(second).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 150, created: 0, updated: 0, unchanged: 150 } });
    const after = await rows<{ n: string }>(dataSource, tenant, "SELECT count(*) AS n FROM audit_entry");
    expect(Number(after[0].n)).toBe(150);
  });

  it("refreshes the planner's statistics of the tables it writes each time its writes grow fourfold from 1,000, and at its end", async () => {
    const tenant = freshTenant("analyze");
    const sourceId = await crmSource(tenant, Array.from({ length: 4_100 }, (_, i) => crmRecord(i + 1)));
    const run = await syncNow(dataSource, tenant, sourceId);
    expect(run).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { created: 4_100 } });
    // At 1,000 and 4,000 records written, and at the end (4,100).
    expect(run.statisticsRefreshed).toBe(3);
    const [{ reltuples }] = await dataSource.query(`SELECT reltuples FROM pg_class WHERE oid = 'source_record'::regclass`);
    expect(Number(reltuples)).toBeGreaterThanOrEqual(4_100);
    // Nothing written: no refresh.
    const again = await syncNow(dataSource, tenant, sourceId, true);
    expect(again).toMatchObject({ counts: { unchanged: 4_100 }, statisticsRefreshed: 0 });
  });

  it("applies a change and a deletion by an incremental run", async () => {
    const tenant = freshTenant("incr");
    const sourceId = await crmSource(tenant, [crmRecord(1), crmRecord(2), crmRecord(3)]);
    await syncNow(dataSource, tenant, sourceId);
    crm.upsert({ id: 2, email: "new@company2.example" });
    crm.remove(3);
    const run = await syncNow(dataSource, tenant, sourceId);
    expect(run).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { updated: 1, archived: 1, created: 0 } });
    const clients = await rows<{ email: string; archived_at: Date | null; org_number: string }>(dataSource, tenant, "SELECT email, archived_at, org_number FROM client ORDER BY id");
    expect(clients.map((c) => c.email)).toEqual(["info1@company1.example", "new@company2.example", "info3@company3.example"]);
    expect(clients.map((c) => c.archived_at !== null)).toEqual([false, false, true]);
    const record = await rows<{ deleted_in_source: boolean }>(dataSource, tenant, "SELECT deleted_in_source FROM source_record WHERE source_id = '3'");
    expect(record[0].deleted_in_source).toBe(true);
    expect(swedishOrg(1)).toMatch(/^\d{6}-\d{4}$/);
  });
});

describe("a CRM record's external identifiers", () => {
  it("become the client's, with their own id and times, and go when the CRM deletes them", async () => {
    const tenant = freshTenant("ext");
    const identifier = { id: 55, external_id: "0015g00000XyZ1AAI", type: "salesforce", created_at: "2026-10-01T08:00:00.000Z", updated_at: "2026-10-02T08:00:00.000Z", deleted_at: null };
    const sourceId = await crmSource(tenant, [crmRecord(1, { external_identifiers: [identifier] })]);
    await syncNow(dataSource, tenant, sourceId);
    const stored = await rows(dataSource, tenant, "SELECT source, external_id, source_record_id, source_created_at, deleted_at FROM external_identifier");
    expect(stored).toEqual([{ source: "salesforce", external_id: identifier.external_id, source_record_id: "55", source_created_at: new Date(identifier.created_at), deleted_at: null }]);
    crm.upsert({ id: 1, external_identifiers: [{ ...identifier, deleted_at: "2026-11-02T08:00:00.000Z" }] as never });
    const run = await syncNow(dataSource, tenant, sourceId);
    expect(run.counts).toMatchObject({ updated: 1 });
    const [after] = await rows<{ deleted_at: Date | null }>(dataSource, tenant, "SELECT deleted_at FROM external_identifier");
    expect(after.deleted_at).not.toBeNull();
    const history = await rows<{ entity_type: string; operation: string }>(dataSource, tenant, "SELECT entity_type, operation FROM audit_entry WHERE entity_type = 'ExternalIdentifier' ORDER BY id");
    expect(history).toEqual([{ entity_type: "ExternalIdentifier", operation: "sync" }, { entity_type: "ExternalIdentifier", operation: "sync" }]);
  });
});

describe("CRM and invoicing together", () => {
  let billing: InvoicingSimulator | undefined;
  afterEach(async () => {
    await billing?.close();
    billing = undefined;
  });

  async function invoicingSource(tenantId: string, customers: ReturnType<typeof invoicingCustomer>[]) {
    billing = await InvoicingSimulator.start({ token: "inv-token", companyId: "acme", customers: customers as never });
    return addSource(dataSource, tenantId, { kind: "INVOICING", baseUrl: billing.url, companyId: "acme", credentials: { bearerToken: "inv-token" } });
  }

  it("reconciles by org number with and without a dash into one client with two source records", async () => {
    const tenant = freshTenant("overlap");
    const crmId = await crmSource(tenant, [crmRecord(1), crmRecord(2)]);
    const invoicingId = await invoicingSource(tenant, [
      // Changed long before the watermark the run stores (the other customer's updated_at).
      invoicingCustomer("cus_1", swedishOrg(1).replace("-", ""), { updated_at: "2026-10-01T10:00:00.000Z", invoices: [invoice("inv_1", "F-1001"), invoice("inv_2", "F-1002", "paid")] }),
      invoicingCustomer("cus_9", swedishOrg(9)),
    ]);
    await syncNow(dataSource, tenant, crmId);
    const run = await syncNow(dataSource, tenant, invoicingId);
    expect(run).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { fetched: 2, created: 1, updated: 1, conflicts: 0 } });
    const clients = await rows<{ id: string; name: string; email: string; payment_terms: number | null }>(dataSource, tenant, "SELECT id, name, email, payment_terms FROM client ORDER BY id");
    expect(clients).toHaveLength(3);
    // Identity and contact stay the CRM's; billing (payment terms) is the invoicing system's.
    expect(clients[0]).toMatchObject({ name: "Company 1 AB", email: "info1@company1.example", payment_terms: 30 });
    const records = await rows<{ n: string }>(dataSource, tenant, "SELECT count(*) AS n FROM source_record WHERE client_id = $1", [clients[0].id]);
    expect(Number(records[0].n)).toBe(2);
    const invoices = await rows<{ invoice_number: string; status: string }>(dataSource, tenant, "SELECT invoice_number, status FROM invoice ORDER BY invoice_number");
    expect(invoices).toEqual([{ invoice_number: "F-1001", status: "SENT" }]);

    // The invoice is paid in the source (its customer's updated_at stays): the next incremental
    // run reads the customers with invoices open here, and closes it.
    billing!.customers[0].invoices![0].status = "paid";
    const again = await syncNow(dataSource, tenant, invoicingId);
    expect(again.counts).toMatchObject({ fetched: 2, updated: 1, unchanged: 1 });
    const closed = await rows<{ status: string; paid_amount: string }>(dataSource, tenant, "SELECT status, paid_amount FROM invoice");
    expect(closed).toEqual([{ status: "PAID", paid_amount: "1000.00" }]);
  });

  it("keeps a conflict on the run and applies nothing of that record", async () => {
    const tenant = freshTenant("conflict");
    // The CRM's second record has the first one's org number: one source's two records would become one client.
    const crmId = await crmSource(tenant, [crmRecord(1), crmRecord(2, { company_registration_number: swedishOrg(1), corporate_name: "Duplicate AB" })]);
    const run = await syncNow(dataSource, tenant, crmId);
    expect(run).toMatchObject({ status: SyncStatus.PARTIAL, counts: { fetched: 2, conflicts: 1, created: 1, updated: 0 } });
    const [client] = await rows<{ id: string; name: string }>(dataSource, tenant, "SELECT id, name FROM client ORDER BY id");
    const issues = await rows<{ kind: string; source_id: string; client_id: string }>(dataSource, tenant, "SELECT kind, source_id, client_id FROM sync_issue WHERE run_id = $1", [run.runId]);
    expect(issues).toEqual([{ kind: "CONFLICT", source_id: "2", client_id: client.id }]);
    const names = await rows<{ name: string }>(dataSource, tenant, "SELECT name FROM client ORDER BY id");
    expect(names.map((n) => n.name)).toEqual(["Company 1 AB"]);
    const records = await rows<{ source_id: string }>(dataSource, tenant, "SELECT source_id FROM source_record");
    expect(records).toEqual([{ source_id: "1" }]);
  });

  it("waits out a 429 and fails only the customer whose detail answers 500 (PARTIAL)", async () => {
    const tenant = freshTenant("faults");
    const invoicingId = await invoicingSource(tenant, [invoicingCustomer("cus_1", swedishOrg(1)), invoicingCustomer("cus_2", swedishOrg(2)), invoicingCustomer("cus_3", swedishOrg(3))]);
    billing!.server.fault({ match: (r) => r.path.endsWith("/customers"), status: 429, headers: { "retry-after": "0" } });
    billing!.server.fault({ match: (r) => r.path.endsWith("/cus_2"), status: 500, times: Infinity, body: { error: { code: "INTERNAL", message: "boom" } } });
    const run = await syncNow(dataSource, tenant, invoicingId);
    expect(run).toMatchObject({ status: SyncStatus.PARTIAL, counts: { fetched: 3, created: 2, failed: 1 } });
    const issues = await rows<{ kind: string; source_id: string; detail: { status: number } }>(dataSource, tenant, "SELECT kind, source_id, detail FROM sync_issue WHERE run_id = $1", [run.runId]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: "SOURCE_ERROR", source_id: "cus_2", detail: { status: 500 } });
    // The failed customer holds the watermark back: the next incremental run reads it again.
    billing!.server.reset();
    const next = await syncNow(dataSource, tenant, invoicingId);
    expect(next).toMatchObject({ status: SyncStatus.SUCCEEDED, counts: { created: 1 } });
  });
});

describe("a tenant's own precedence", () => {
  let billing: InvoicingSimulator | undefined;
  afterEach(async () => {
    await billing?.close();
  });

  it("lets the invoicing system win contact fields when the tenant ranks it first", async () => {
    const tenant = freshTenant("precedence");
    const crmId = await crmSource(tenant, [crmRecord(1), crmRecord(2)]);
    billing = await InvoicingSimulator.start({
      token: "inv-token",
      companyId: "acme",
      customers: [invoicingCustomer("cus_1", swedishOrg(1)), invoicingCustomer("cus_2", swedishOrg(2))] as never,
    });
    const invoicingId = await addSource(dataSource, tenant, { kind: "INVOICING", baseUrl: billing.url, companyId: "acme", credentials: { bearerToken: "inv-token" } });
    await inTenant(dataSource, tenant, (tx) => tx.query(`INSERT INTO source_precedence (tenant_id, field_group, sources) VALUES ($1, 'CONTACT', '["INVOICING", "CRM"]')`, [tenant]));
    await syncNow(dataSource, tenant, crmId);
    await syncNow(dataSource, tenant, invoicingId);
    const clients = await rows<{ name: string; email: string }>(dataSource, tenant, "SELECT name, email FROM client ORDER BY id");
    // Contact from the invoicing system, identity (the name) still from the CRM.
    expect(clients).toEqual([
      { name: "Company 1 AB", email: "billing@cus1.example" },
      { name: "Company 2 AB", email: "billing@cus2.example" },
    ]);
    // And the CRM, ranked below now, does not take the field back on its next change.
    crm.upsert({ id: 1, email: "crm-again@example.com", phone: "+46 8 111 11 11" });
    await syncNow(dataSource, tenant, crmId);
    const [first] = await rows<{ email: string; phone: string }>(dataSource, tenant, "SELECT email, phone FROM client ORDER BY id LIMIT 1");
    expect(first.email).toBe("billing@cus1.example");
  });
});

describe("a source that refuses the credentials", () => {
  it("ends the run FAILED with a clear message, and no message, issue or log line holds the token", async () => {
    const tenant = freshTenant("auth");
    crm = await CrmSimulator.start({ token: "the-right-token", companyId: "7", records: [crmRecord(1)] as never });
    const secret = "wrong-token-4f9a1c";
    const sourceId = await addSource(dataSource, tenant, { kind: "CRM", baseUrl: crm.url, companyId: "7", credentials: { bearerToken: secret } });
    const lines: string[] = [];
    const logger = createLogger("debug", { write: (line: string) => void lines.push(line) });
    const outcome = await inTenant(dataSource, tenant, (tx) => queueRun(tx, tenant, sourceId, { full: false, requestedBy: "test" }));
    if (outcome.kind !== "QUEUED") throw new Error(outcome.kind);
    const run = await runSync({ ...syncEnvironment(dataSource), logger }, { tenantId: tenant, sourceId, runId: outcome.run.id, full: false });
    expect(run.status).toBe(SyncStatus.FAILED);
    expect(run.message).toMatch(/refused the credentials \(401/);
    expect(crm.server.requests[0].headers.authorization).toBe(`Bearer ${secret}`);
    const stored = await rows(dataSource, tenant, "SELECT r.message, i.detail, i.message AS issue FROM sync_run r LEFT JOIN sync_issue i ON i.run_id = r.id");
    expect(stored).toHaveLength(1);
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [JSON.stringify(stored), JSON.stringify(run), ...lines]) expect(text).not.toContain(secret);
  });
});

describe("a cancelled run", () => {
  it("stops before its next page, keeps what it committed, and stays CANCELLED", async () => {
    const tenant = freshTenant("cancel");
    const sourceId = await crmSource(tenant, Array.from({ length: 250 }, (_, i) => crmRecord(i + 1)));
    let cancelled = false;
    const run = await syncNow(dataSource, tenant, sourceId, false, {
      onProgress: (p) => {
        if (p.pages === 1 && !cancelled) {
          cancelled = true;
          void inTenant(dataSource, tenant, (tx) => cancelRun(tx, p.runId));
        }
      },
    });
    expect(run.status).toBe(SyncStatus.CANCELLED);
    const [stored] = await rows<{ status: string; fetched: number; finished_at: Date | null }>(dataSource, tenant, "SELECT status, fetched, finished_at FROM sync_run");
    expect(stored.status).toBe("CANCELLED");
    expect(stored.finished_at).not.toBeNull();
    expect(stored.fetched).toBeLessThan(250);
    const [{ n }] = await rows<{ n: string }>(dataSource, tenant, "SELECT count(*) AS n FROM client");
    expect(Number(n)).toBe(stored.fetched);
  });
});

describe("an interrupted run", () => {
  it("resumes from its last committed page and ends as an uninterrupted run", async () => {
    const records = Array.from({ length: 250 }, (_, i) => crmRecord(i + 1));
    const straight = freshTenant("straight");
    const straightSource = await crmSource(straight, records);
    const reference = await syncNow(dataSource, straight, straightSource);
    await crm.close();

    const tenant = freshTenant("resumed");
    const sourceId = await crmSource(tenant, records);
    const controller = new AbortController();
    await expect(syncNow(dataSource, tenant, sourceId, false, { signal: controller.signal, onProgress: (p) => void (p.pages === 1 && controller.abort(new Error("killed"))) })).rejects.toThrow();
    const [open] = await rows<{ status: string; fetched: number }>(dataSource, tenant, "SELECT status, fetched FROM sync_run");
    expect(open).toEqual({ status: "RUNNING", fetched: 100 });
    const before = crm.server.requests.length;
    const resumed = await syncNow(dataSource, tenant, sourceId);
    expect(resumed.status).toBe(SyncStatus.SUCCEEDED);
    expect(resumed.counts).toEqual(reference.counts);
    const count = await rows<{ n: string }>(dataSource, tenant, "SELECT count(*) AS n FROM client");
    expect(Number(count[0].n)).toBe(250);
    // The resumed attempt reads from the checkpoint on (the killed one had read the second page
    // ahead, but not applied it).
    const offsets = crm.server.requests.slice(before).map((r) => r.query.get("offset"));
    expect(offsets).toEqual(["100", "200"]);
  });
});
