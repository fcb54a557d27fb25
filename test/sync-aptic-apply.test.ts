import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import type { ApticClientRecord } from "../src/sources/aptic/bundle";
import { apticBundle, apticRecord, apticTransaction, applyApticPage, guid } from "./helpers/aptic-records";
import { addSource, freshTenant, inTenant, rows } from "./helpers/sync";

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { pool: { size: 4 } });
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource.destroy();
});

/** A tenant with an Aptic source; `apply` applies one page of records as a run of it (a new run each time). */
async function apticTenant(label: string) {
  const tenantId = freshTenant(label);
  const sourceSystemId = await addSource(dataSource, tenantId, { kind: "APTIC", baseUrl: "http://127.0.0.1:9/", credentials: { apiKey: "k" } });
  const apply = (records: ApticClientRecord[], savepoints = false, options: { complete?: boolean } = {}) => applyApticPage(dataSource, tenantId, sourceSystemId, records, savepoints, options);
  return { tenantId, sourceSystemId, apply, rows: <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => rows<T>(dataSource, tenantId, sql, params) };
}

const count = async (t: Awaited<ReturnType<typeof apticTenant>>, table: string) => Number((await t.rows<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

describe("an Aptic client's nested resources", () => {
  it.each([false, true])("are all written with the client on the first sync, audited as the run's (savepoints: %s)", async (savepoints) => {
    const t = await apticTenant("aptic-first");
    const { counts, runId, issues } = await t.apply([apticRecord(1), apticRecord(2, apticBundle(2, {}, 150))], savepoints);
    expect(counts).toMatchObject({ created: 2, failed: 0 });
    expect(issues).toEqual([]);
    expect(await count(t, "client_contract")).toBe(2);
    expect(await count(t, "factoring_loan_contract")).toBe(2);
    expect(await count(t, "factoring_purchase_contract")).toBe(2);
    expect(await count(t, "factoring_loan_transaction")).toBe(153);
    expect(await count(t, "bank_account")).toBe(4);
    expect(await count(t, "direct_debit_mandate")).toBe(2);
    expect(await count(t, "client_parameter")).toBe(4);
    expect(await count(t, "extra_field")).toBe(2);
    expect(await count(t, "source_summary")).toBe(8);

    const [contract] = await t.rows<Record<string, unknown>>(`SELECT contract_number, start_date::text, end_date::text, period_fee, source_system_id FROM client_contract WHERE contract_number = 'K-1'`);
    // 23:30Z on 31 December is 1 January in Stockholm: the date in the tenant's zone.
    expect(contract).toMatchObject({ contract_number: "K-1", start_date: "2026-01-01", end_date: "2027-12-31", period_fee: "1250.50", source_system_id: t.sourceSystemId });
    const [account] = await t.rows<Record<string, unknown>>(`SELECT * FROM bank_account WHERE unique_id = $1`, [guid(2, 1, 0)]);
    expect(account).toMatchObject({ bank_account_no: "5050-1055", bank_account_class: "SE_BANKGIRO", owner_type: "CREDITOR", allow_payments: "PAYMENTS", account_balance: "1000.10" });
    const [purchase] = await t.rows<Record<string, unknown>>(`SELECT financing_interest_calculate_from, financing_interest_calculate_to, financing_interest_fee_insert_trigger FROM factoring_purchase_contract LIMIT 1`);
    expect(purchase).toEqual({ financing_interest_calculate_from: "BILL_DATE", financing_interest_calculate_to: "CLOSURE_DATE", financing_interest_fee_insert_trigger: "FULL_PAYMENT" });
    const [mandate] = await t.rows<Record<string, unknown>>(`SELECT mandate_type, receiving_bank_account_no, valid_from::text, signed_at FROM direct_debit_mandate WHERE unique_id = $1`, [guid(3, 1, 0)]);
    expect(mandate).toMatchObject({ mandate_type: "SWEDISH_AUTOGIRO", receiving_bank_account_no: "5050-1055", valid_from: "2026-01-04", signed_at: new Date("2026-01-02T11:00:00Z") });
    const [summary] = await t.rows<{ figures: Record<string, unknown> }>(`SELECT figures FROM source_summary WHERE kind = 'FACTORING_LOAN' LIMIT 1`);
    expect(summary.figures).toMatchObject({ currentBalance: "125000.75", totLoanAvailable: "374999.25" });

    const history = await t.rows<{ entity_type: string; n: string }>(
      `SELECT entity_type, count(*) AS n FROM audit_entry WHERE sync_run_id = $1 AND source_system_id = $2 GROUP BY entity_type ORDER BY entity_type`,
      [runId, t.sourceSystemId],
    );
    expect(Object.fromEntries(history.map((h) => [h.entity_type, Number(h.n)]))).toEqual({
      BankAccount: 4, Client: 2, ClientContract: 2, ClientParameter: 4, DirectDebitMandate: 2, ExtraField: 2, FactoringLoanContract: 2, FactoringLoanTransaction: 153, FactoringPurchaseContract: 2,
    });
  });

  it.each([false, true])("gives a client it creates Aptic's clientGuid as uniqueId, unless another client has it (savepoints: %s)", async (savepoints) => {
    const t = await apticTenant("aptic-guid");
    expect((await t.apply([apticRecord(1), apticRecord(2)], savepoints)).counts).toMatchObject({ created: 2, failed: 0 });
    const guids = () => t.rows<{ source_id: string; unique_id: string }>(`SELECT s.source_id, c.unique_id FROM source_record s JOIN client c ON c.id = s.client_id ORDER BY s.source_id`);
    expect(await guids()).toEqual([
      { source_id: guid(1, 1), unique_id: guid(1, 1) },
      { source_id: guid(1, 2), unique_id: guid(1, 2) },
    ]);
    // Another Aptic record whose clientGuid a client of the company has already: created, with a GUID of its own.
    const twin = { ...apticRecord(3), clientGuid: guid(1, 1) };
    expect((await t.apply([twin], savepoints)).counts).toMatchObject({ created: 1, failed: 0 });
    const [third] = (await guids()).filter((row) => row.source_id === guid(1, 3));
    expect(third.unique_id).not.toBe(guid(1, 1));
  });

  it("writes nothing when the client is synced again unchanged", async () => {
    const t = await apticTenant("aptic-same");
    await t.apply([apticRecord(1)]);
    const before = await t.rows<{ updated_at: Date }>(`SELECT updated_at FROM client UNION ALL SELECT updated_at FROM bank_account UNION ALL SELECT updated_at FROM client_contract ORDER BY 1`);
    const audits = await count(t, "audit_entry");
    const { counts } = await t.apply([apticRecord(1)]);
    expect(counts).toMatchObject({ unchanged: 1, updated: 0, created: 0 });
    expect(await count(t, "audit_entry")).toBe(audits);
    const after = await t.rows<{ updated_at: Date }>(`SELECT updated_at FROM client UNION ALL SELECT updated_at FROM bank_account UNION ALL SELECT updated_at FROM client_contract ORDER BY 1`);
    expect(after).toEqual(before);
  });

  it("applies a change of one nested resource, and only it; deletes and closes what Aptic no longer sends", async () => {
    const t = await apticTenant("aptic-change");
    await t.apply([apticRecord(1)]);
    const base = apticBundle(1);
    const changed = apticBundle(1, {
      bankAccounts: [{ ...base.bankAccounts[0], description: "Main (new)" }],
      directDebitMandates: [],
      parameters: [base.parameters[0]],
      factoringLoanTransactions: [apticTransaction(1, 9), ...base.factoringLoanTransactions],
      factoringPurchaseContract: null,
      factoringPurchaseSummary: null,
    });
    const { counts, runId } = await t.apply([apticRecord(1, changed)]);
    expect(counts).toMatchObject({ updated: 1 });
    const changes = await t.rows<{ entity_type: string; changes: { field: string; after: unknown }[] }>(`SELECT entity_type, changes FROM audit_entry WHERE sync_run_id = $1 ORDER BY id`, [runId]);
    expect(changes.map((c) => c.entity_type)).toEqual(["FactoringLoanTransaction", "FactoringPurchaseContract", "BankAccount", "BankAccount", "DirectDebitMandate", "ClientParameter"]);
    expect(changes[2].changes).toEqual([{ field: "description", before: "Main", after: "Main (new)" }]);
    expect(await count(t, "bank_account")).toBe(1);
    expect(await count(t, "factoring_purchase_contract")).toBe(0);
    expect(await count(t, "factoring_loan_transaction")).toBe(4);
    const [mandate] = await t.rows<{ closed_at: Date | null }>(`SELECT closed_at FROM direct_debit_mandate`);
    expect(mandate.closed_at).not.toBeNull();
    expect(await t.rows(`SELECT kind FROM source_summary ORDER BY kind`)).toEqual([{ kind: "ACCOUNTS" }, { kind: "CLIENT" }, { kind: "FACTORING_LOAN" }]);
  });

  it("keeps a value the checks refuse raw as an INVALID_VALUE issue and applies the rest", async () => {
    const t = await apticTenant("aptic-invalid");
    const base = apticBundle(1);
    const bundle = apticBundle(1, {
      contract: { ...base.contract!, periodFee: -5, endDate: "2020-01-01T00:00:00Z" },
      bankAccounts: [{ ...base.bankAccounts[0], iban: "SE00 1234", bankaccountClass: 99 }],
      factoringLoanTransactions: [apticTransaction(1, 0, { amount: 0 }), apticTransaction(1, 1, { transactionGuid: "not-a-guid" })],
    });
    const { counts, issues } = await t.apply([apticRecord(1, bundle)]);
    expect(counts).toMatchObject({ created: 1, failed: 0 });
    const invalid = issues.filter((i) => i.kind === "INVALID_VALUE").map((i) => i.field).sort();
    expect(invalid).toEqual([
      `bankAccounts.${guid(2, 1, 0)}.bankAccountClass`,
      `bankAccounts.${guid(2, 1, 0)}.iban`,
      "contract.endDate",
      "contract.periodFee",
      "factoringLoanTransactions.1",
      `factoringLoanTransactions.${guid(7, 1, 0)}`,
      `factoringLoanTransactions.${guid(7, 1, 0)}.amount`,
    ].sort());
    const [contract] = await t.rows<Record<string, unknown>>(`SELECT period_fee, end_date::text, contract_number FROM client_contract`);
    expect(contract).toEqual({ period_fee: null, end_date: null, contract_number: "K-1" });
    const [account] = await t.rows<Record<string, unknown>>(`SELECT iban, bank_account_class, description FROM bank_account`);
    expect(account).toEqual({ iban: null, bank_account_class: "UNKNOWN", description: "Main" });
    // The refused values are the client's data-quality issues, as sent.
    const [record] = await t.rows<{ issues: { field: string; value: string | null }[] }>(`SELECT issues FROM source_record`);
    expect(record.issues).toEqual(expect.arrayContaining([{ field: "contract.periodFee", sourceField: "contract.periodFee", value: "-5", message: expect.any(String) }]));
    expect(await count(t, "factoring_loan_transaction")).toBe(0);
  });
});

describe("an Aptic client gone from the listing", () => {
  it("is archived at the end of a complete run, not with open invoices, and restored when it is listed again", async () => {
    const t = await apticTenant("aptic-gone");
    await t.apply([apticRecord(1), apticRecord(2), apticRecord(3)], false, { complete: true });
    const ids = await t.rows<{ id: string; source_id: string }>(`SELECT client_id AS id, source_id FROM source_record ORDER BY source_id`);
    // Client 2 owes an open invoice: not archived.
    await inTenant(dataSource, t.tenantId, (tx) =>
      tx.query(`INSERT INTO invoice (tenant_id, client_id, invoice_number, status, currency_code, total_amount, paid_amount, issue_date, due_date) VALUES ($1, $2, 'F-1', 'SENT', 'SEK', 100, 0, '2026-10-01', '2026-10-31')`, [t.tenantId, ids[1].id]),
    );
    const run = await t.apply([apticRecord(1)], false, { complete: true });
    expect(run.counts).toMatchObject({ archived: 1, failed: 0, fetched: 1, unchanged: 1 });
    expect(run.issues).toEqual([expect.objectContaining({ kind: "RECORD_FAILED", sourceId: guid(1, 2), clientId: ids[1].id, field: "archivedAt" })]);
    const clients = await t.rows<{ id: string; archived: boolean }>(`SELECT id, archived_at IS NOT NULL AS archived FROM client ORDER BY id`);
    expect(clients.map((c) => c.archived)).toEqual([false, false, true]);
    const [audit] = await t.rows<{ sync_run_id: string; client_id: string }>(`SELECT sync_run_id, client_id FROM audit_entry WHERE changes @> '[{"field": "archivedAt"}]'`);
    expect(audit).toEqual({ sync_run_id: run.runId, client_id: ids[2].id });
    const records = await t.rows<{ deleted_in_source: boolean }>(`SELECT deleted_in_source FROM source_record ORDER BY source_id`);
    expect(records.map((r) => r.deleted_in_source)).toEqual([false, true, true]);

    // The invoice paid, the next complete run archives client 2; client 3 listed again, unchanged, is restored.
    await inTenant(dataSource, t.tenantId, (tx) => tx.query(`UPDATE invoice SET status = 'PAID', paid_amount = total_amount`));
    const again = await t.apply([apticRecord(1), apticRecord(3)], false, { complete: true });
    expect(again.counts).toMatchObject({ archived: 1, updated: 1, unchanged: 1 });
    const after = await t.rows<{ archived: boolean }>(`SELECT archived_at IS NOT NULL AS archived FROM client ORDER BY id`);
    expect(after.map((c) => c.archived)).toEqual([false, true, false]);
  });

  it("is not archived while another source still has it active", async () => {
    const t = await apticTenant("aptic-other");
    await t.apply([apticRecord(1)], false, { complete: true });
    const [{ client_id }] = await t.rows<{ client_id: string }>(`SELECT client_id FROM source_record`);
    const crm = await addSource(dataSource, t.tenantId, { kind: "CRM", baseUrl: "http://127.0.0.1:9/", companyId: "1", credentials: { bearerToken: "x" } });
    await inTenant(dataSource, t.tenantId, (tx) =>
      tx.query(`INSERT INTO source_record (tenant_id, client_id, source_system_id, source_id, last_synced_at, deleted_in_source, content_hash, raw) VALUES ($1, $2, $3, '1', now(), false, $4, '{}')`, [t.tenantId, client_id, crm, "1".repeat(64)]),
    );
    const run = await t.apply([], false, { complete: true });
    expect(run.counts).toMatchObject({ archived: 0, failed: 0 });
    const [client] = await t.rows<{ archived_at: Date | null }>(`SELECT archived_at FROM client`);
    expect(client.archived_at).toBeNull();
    const [record] = await t.rows<{ deleted_in_source: boolean }>(`SELECT deleted_in_source FROM source_record WHERE source_system_id = $1`, [t.sourceSystemId]);
    expect(record.deleted_in_source).toBe(true);
  });
});
