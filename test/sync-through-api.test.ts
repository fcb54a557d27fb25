import { CrmSimulator } from "../src/sources/crm/simulator";
import { InvoicingSimulator } from "../src/sources/invoicing/simulator";
import { TestGateway } from "./helpers/harness";
import { newKey, WRITER } from "./helpers/mutations";
import { addSource, crmRecord, freshTenant, invoice, invoicingCustomer, rows, swedishOrg, syncNow } from "./helpers/sync";

/**
 * What a sync writes, seen and changed through the API: a person's write stands against the
 * sources (its provenance is "written here"), and synced invoices are the client's open invoices,
 * its summary and what keeps it from being archived.
 */
let gateway: TestGateway;
let crm: CrmSimulator;
let billing: InvoicingSimulator;

beforeAll(async () => {
  gateway = await TestGateway.start();
});

afterAll(async () => {
  await gateway.stop();
});

afterEach(async () => {
  await crm?.close();
  await billing?.close();
});

const UPDATE = `mutation ($id: ID!, $patch: UpdateClientInput!, $key: String!) {
  updateClient(id: $id, patch: $patch, idempotencyKey: $key) { client { email } error { code message } }
}`;
const ARCHIVE = `mutation ($id: ID!, $key: String!) { archiveClient(id: $id, idempotencyKey: $key) { client { archivedAt } error { code } } }`;

it("keeps a value a person wrote through updateClient until the field changes in its owning source", async () => {
  const tenant = freshTenant("api-person");
  crm = await CrmSimulator.start({ token: "t", companyId: "7", records: [crmRecord(1)] as never });
  const crmId = await addSource(gateway.dataSource, tenant, { kind: "CRM", baseUrl: crm.url, companyId: "7", credentials: { bearerToken: "t" } });
  await syncNow(gateway.dataSource, tenant, crmId);
  const [client] = await rows<{ id: string }>(gateway.dataSource, tenant, "SELECT id FROM client");

  const updated = await gateway.send<{ updateClient: { client: { email: string } } }>(UPDATE, { id: client.id, patch: { email: "person@example.com" }, key: newKey() }, { tenant, scopes: WRITER });
  expect(updated.data?.updateClient.client.email).toBe("person@example.com");
  const provenance = await rows<{ source_system_id: string | null }>(gateway.dataSource, tenant, "SELECT source_system_id FROM field_source WHERE client_id = $1 AND field = 'email'", [client.id]);
  expect(provenance).toEqual([{ source_system_id: null }]);

  crm.upsert({ id: 1, phone: "+46 8 765 43 21" });
  await syncNow(gateway.dataSource, tenant, crmId);
  let [now] = await rows<{ email: string; phone: string }>(gateway.dataSource, tenant, "SELECT email, phone FROM client");
  expect(now).toEqual({ email: "person@example.com", phone: "+46 8 765 43 21" });

  crm.upsert({ id: 1, email: "changed-in-crm@example.com" });
  await syncNow(gateway.dataSource, tenant, crmId);
  [now] = await rows<{ email: string; phone: string }>(gateway.dataSource, tenant, "SELECT email, phone FROM client");
  expect(now.email).toBe("changed-in-crm@example.com");
});

it("shows a run's progress through syncRun while it runs, and its counts when it has ended", async () => {
  const tenant = freshTenant("api-progress");
  crm = await CrmSimulator.start({ token: "t", companyId: "7", records: Array.from({ length: 250 }, (_, i) => crmRecord(i + 1)) as never });
  const crmId = await addSource(gateway.dataSource, tenant, { kind: "CRM", baseUrl: crm.url, companyId: "7", credentials: { bearerToken: "t" } });
  const RUN = `query ($id: ID!) { syncRun(id: $id) { status fetched created startedAt finishedAt source { id } } }`;
  const seen: unknown[] = [];
  const run = await syncNow(gateway.dataSource, tenant, crmId, false, {
    // Called after each committed page, the run waiting: what a caller sees meanwhile.
    onProgress: async (p) => {
      if (p.pages === 1) seen.push((await gateway.send<{ syncRun: unknown }>(RUN, { id: p.runId }, { tenant })).data?.syncRun);
    },
  });
  expect(seen).toEqual([{ status: "RUNNING", fetched: 100, created: 100, startedAt: expect.any(String), finishedAt: null, source: { id: crmId } }]);
  const after = (await gateway.send<{ syncRun: unknown }>(RUN, { id: run.runId }, { tenant })).data?.syncRun;
  expect(after).toEqual({ status: "SUCCEEDED", fetched: 250, created: 250, startedAt: expect.any(String), finishedAt: expect.any(String), source: { id: crmId } });
});

it("makes the invoicing system's open invoices the client's openInvoices, its summary and its archive guard", async () => {
  const tenant = freshTenant("api-invoices");
  billing = await InvoicingSimulator.start({
    token: "t",
    companyId: "acme",
    customers: [invoicingCustomer("cus_1", swedishOrg(1), { invoices: [invoice("inv_1", "F-1", "overdue", "1500.00", "500.00"), invoice("inv_2", "F-2", "paid")] })] as never,
  });
  const invoicingId = await addSource(gateway.dataSource, tenant, { kind: "INVOICING", baseUrl: billing.url, companyId: "acme", credentials: { bearerToken: "t" } });
  await syncNow(gateway.dataSource, tenant, invoicingId);
  const [client] = await rows<{ id: string }>(gateway.dataSource, tenant, "SELECT id FROM client");
  const read = () =>
    gateway.send<{
      client: {
        openInvoices: { invoiceNumber: string; status: string; totalAmount: string; outstandingAmount: string }[];
        summary: { openInvoiceCount: number; overdueInvoiceCount: number; openInvoiceAmounts: { currencyCode: string; amount: string }[] };
      };
    }>(
      `query ($id: ID!) { client(id: $id) { openInvoices { invoiceNumber status totalAmount outstandingAmount }
         summary { openInvoiceCount overdueInvoiceCount openInvoiceAmounts { currencyCode amount } } } }`,
      { id: client.id },
      { tenant },
    );
  const first = (await read()).data?.client;
  expect(first?.openInvoices).toEqual([{ invoiceNumber: "F-1", status: "OVERDUE", totalAmount: "1500.00", outstandingAmount: "500.00" }]);
  expect(first?.summary).toEqual({ openInvoiceCount: 1, overdueInvoiceCount: 1, openInvoiceAmounts: [{ currencyCode: "SEK", amount: "500.00" }] });

  const refused = await gateway.send<{ archiveClient: { error: { code: string } } }>(ARCHIVE, { id: client.id, key: newKey() }, { tenant, scopes: WRITER });
  expect(refused.data?.archiveClient.error.code).toBe("CLIENT_HAS_OPEN_INVOICES");

  // Paid in the source: a full run closes it, and the client may be archived.
  billing.customers[0].invoices![0].status = "paid";
  await syncNow(gateway.dataSource, tenant, invoicingId, true);
  const after = (await read()).data?.client;
  expect(after?.openInvoices).toEqual([]);
  expect(after?.summary).toMatchObject({ openInvoiceCount: 0, overdueInvoiceCount: 0 });
  const archived = await gateway.send<{ archiveClient: { client: { archivedAt: string | null }; error: null } }>(ARCHIVE, { id: client.id, key: newKey() }, { tenant, scopes: WRITER });
  expect(archived.data?.archiveClient.error).toBeNull();
  expect(archived.data?.archiveClient.client.archivedAt).not.toBeNull();
});
