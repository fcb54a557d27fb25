import { dataOf, TestGateway } from "./helpers/harness";
import { createClients, fullGraph } from "./helpers/fixtures";
import { countRows, newKey, WRITER } from "./helpers/mutations";

/**
 * Records by GUID (API.md: `uniqueId: UUID!` is the stable GUID): bankAccountByUniqueId and
 * directDebitMandateByUniqueId, null for another company's or an absent one; loan transactions
 * carry theirs; and nested mutations that name their client take its GUID instead of its id
 * (exactly one of the two), with the same idempotency, dry run and audit as by id.
 */

let gateway: TestGateway;
let tenant: string;
let other: string;
let clientId: string;
let clientGuid: string;
let otherGuid: string;

const guidsOf = async (table: string, tenantId: string): Promise<{ id: string; unique_id: string }[]> =>
  (await gateway.dataSource.query(`SELECT id::text AS id, unique_id FROM "${table}" WHERE tenant_id = $1 ORDER BY id`, [tenantId])) as { id: string; unique_id: string }[];

beforeAll(async () => {
  gateway = await TestGateway.start();
  tenant = gateway.newTenant();
  other = gateway.newTenant();
  [clientId] = await createClients(gateway, tenant, [fullGraph(1)]);
  await createClients(gateway, other, [fullGraph(2)]);
  [{ unique_id: clientGuid }] = await guidsOf("client", tenant);
  [{ unique_id: otherGuid }] = await guidsOf("client", other);
});
afterAll(() => gateway.stop());

const write = <T = Record<string, any>>(query: string, variables: Record<string, unknown>) => gateway.send<T>(query, variables, { tenant, scopes: WRITER });

describe("Lookups by GUID", () => {
  it("finds a bank account and a mandate by uniqueId, and nothing of another company's or an absent one", async () => {
    const accounts = await guidsOf("bank_account", tenant);
    const mandates = await guidsOf("direct_debit_mandate", tenant);
    const theirAccount = (await guidsOf("bank_account", other))[0].unique_id;
    const theirMandate = (await guidsOf("direct_debit_mandate", other))[0].unique_id;
    const query = `query ($a: UUID!, $m: UUID!, $ta: UUID!, $tm: UUID!, $none: UUID!) {
      account: bankAccountByUniqueId(uniqueId: $a) { id uniqueId iban }
      mandate: directDebitMandateByUniqueId(uniqueId: $m) { id uniqueId receivingBankAccountNo }
      theirAccount: bankAccountByUniqueId(uniqueId: $ta) { id }
      theirMandate: directDebitMandateByUniqueId(uniqueId: $tm) { id }
      noAccount: bankAccountByUniqueId(uniqueId: $none) { id }
      noMandate: directDebitMandateByUniqueId(uniqueId: $none) { id }
    }`;
    const variables = { a: accounts[1].unique_id, m: mandates[0].unique_id, ta: theirAccount, tm: theirMandate, none: "00000000-0000-4000-8000-000000000000" };
    const data = dataOf(await gateway.send<Record<string, unknown>>(query, variables, { tenant }));
    expect(data).toEqual({
      account: { id: accounts[1].id, uniqueId: accounts[1].unique_id, iban: "SE3550000000054910000003" },
      mandate: { id: mandates[0].id, uniqueId: mandates[0].unique_id, receivingBankAccountNo: "5050-1055" },
      theirAccount: null,
      theirMandate: null,
      noAccount: null,
      noMandate: null,
    });
    // The other company finds its own.
    const theirs = dataOf(await gateway.send<Record<string, { id: string } | null>>(query, { ...variables, a: theirAccount, m: theirMandate }, { tenant: other }));
    expect(theirs.account?.id).toBe((await guidsOf("bank_account", other))[0].id);
    expect(theirs.mandate?.id).toBe((await guidsOf("direct_debit_mandate", other))[0].id);
  });

  it("needs clients:read, and refuses a malformed GUID as a variable error", async () => {
    const denied = await gateway.send(`{ bankAccountByUniqueId(uniqueId: "00000000-0000-4000-8000-000000000000") { id } }`, {}, { tenant, scopes: ["clients:write"] });
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const malformed = await gateway.send(`query ($u: UUID!) { directDebitMandateByUniqueId(uniqueId: $u) { id } }`, { u: "nope" }, { tenant });
    expect(malformed.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("gives every loan transaction its own GUID (Aptic transactionGuid), stored", async () => {
    const data = dataOf(await gateway.send<{ client: { factoringLoanContract: { latestTransactions: { uniqueId: string }[] } } }>(
      `query ($id: ID!) { client(id: $id) { factoringLoanContract { latestTransactions { uniqueId } } } }`, { id: clientId }, { tenant }));
    const shown = data.client.factoringLoanContract.latestTransactions.map((t) => t.uniqueId).sort();
    expect(shown).toHaveLength(4);
    expect(shown).toEqual((await guidsOf("factoring_loan_transaction", tenant)).map((r) => r.unique_id).sort());
  });
});

const CREATE_ACCOUNT = `mutation ($clientId: ID, $clientUniqueId: UUID, $input: CreateBankAccountInput!, $key: String!, $dryRun: Boolean) {
  createBankAccount(clientId: $clientId, clientUniqueId: $clientUniqueId, input: $input, idempotencyKey: $key, dryRun: $dryRun) {
    bankAccount { id bankAccountNo } preview { bankAccountNo } client { id } error { code message failures { field message } } dryRun replayed
  }
}`;

describe("clientUniqueId instead of clientId", () => {
  it("creates on the client of that GUID, audited, replayed with the same key, and a dry run stores nothing", async () => {
    const key = newKey();
    const input = { bankAccountClass: "SE_BANKGIRO", bankAccountNo: "5050-1055" };
    const before = { accounts: await countRows(gateway, "bank_account", tenant), audit: await countRows(gateway, "audit_entry", tenant), keys: await countRows(gateway, "idempotency_key", tenant) };

    const dry = dataOf(await write(CREATE_ACCOUNT, { clientUniqueId: clientGuid, input, key, dryRun: true })).createBankAccount;
    expect(dry).toMatchObject({ bankAccount: null, preview: { bankAccountNo: "5050-1055" }, error: null, dryRun: true, replayed: false });
    expect({ accounts: await countRows(gateway, "bank_account", tenant), audit: await countRows(gateway, "audit_entry", tenant), keys: await countRows(gateway, "idempotency_key", tenant) }).toEqual(before);

    const made = dataOf(await write(CREATE_ACCOUNT, { clientUniqueId: clientGuid, input, key })).createBankAccount;
    expect(made).toMatchObject({ bankAccount: { bankAccountNo: "5050-1055" }, client: { id: clientId }, error: null, dryRun: false, replayed: false });
    const [row] = (await gateway.dataSource.query(`SELECT client_id::text AS c FROM bank_account WHERE id = $1`, [made.bankAccount.id])) as { c: string }[];
    expect(row.c).toBe(clientId);
    const audit = (await gateway.dataSource.query(
      `SELECT operation, entity_type, client_id::text AS client FROM audit_entry WHERE tenant_id = $1 AND entity_id = $2`, [tenant, made.bankAccount.id])) as Record<string, string>[];
    expect(audit).toEqual([{ operation: "createBankAccount", entity_type: "BankAccount", client: clientId }]);

    const again = dataOf(await write(CREATE_ACCOUNT, { clientUniqueId: clientGuid, input, key })).createBankAccount;
    expect(again).toMatchObject({ bankAccount: { id: made.bankAccount.id }, replayed: true });
    // The same key for the same client named by id is another call.
    const byId = dataOf(await write(CREATE_ACCOUNT, { clientId, input, key })).createBankAccount;
    expect(byId.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await countRows(gateway, "bank_account", tenant)).toBe(before.accounts + 1);
  });

  it("refuses both or neither as INVALID_DATA, with the input's other failures, storing nothing", async () => {
    const before = await countRows(gateway, "idempotency_key", tenant);
    const both = dataOf(await write(CREATE_ACCOUNT, { clientId, clientUniqueId: clientGuid, input: { bankAccountClass: "SE_BANKGIRO", bankAccountNo: "1234-5678" }, key: newKey() })).createBankAccount;
    expect(both.error).toMatchObject({ code: "INVALID_DATA" });
    expect(both.error.failures.map((f: { field: string }) => f.field)).toEqual(["clientUniqueId", "input.bankAccountNo"]);
    const neither = dataOf(await write(CREATE_ACCOUNT, { input: { bankAccountClass: "SE_BANKGIRO", bankAccountNo: "5050-1055" }, key: newKey() })).createBankAccount;
    expect(neither.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "clientId", message: "Give clientId or clientUniqueId" }] });
    expect(await countRows(gateway, "idempotency_key", tenant)).toBe(before);
  });

  it("finds nothing by another company's client GUID (NOT_FOUND at clientUniqueId), writing nothing there", async () => {
    const before = await countRows(gateway, "bank_account", other);
    const theirs = dataOf(await write(CREATE_ACCOUNT, { clientUniqueId: otherGuid, input: { bankAccountClass: "SE_BANKGIRO", bankAccountNo: "5050-1055" }, key: newKey() })).createBankAccount;
    expect(theirs).toMatchObject({ bankAccount: null, client: null, error: { code: "NOT_FOUND", failures: [{ field: "clientUniqueId" }] } });
    expect(await countRows(gateway, "bank_account", other)).toBe(before);
  });

  it("works on every kind of nested mutation that names a client: named, one per client, mandates, pricelists, identifiers", async () => {
    const u = { u: clientGuid };
    const run = async (query: string) => {
      const data = dataOf(await write<Record<string, { error: unknown; client: { id: string } | null }>>(query, { ...u, key: newKey() }));
      for (const [name, payload] of Object.entries(data)) expect({ name, error: payload.error, client: payload.client?.id }).toEqual({ name, error: null, client: clientId });
      return data;
    };
    await run(`mutation ($u: UUID, $key: String!) { setClientParameter(clientUniqueId: $u, name: "viaGuid", input: { value: "7" }, idempotencyKey: $key) { error { code } client { id } } }`);
    await run(`mutation ($u: UUID, $key: String!) { setExtraField(clientUniqueId: $u, name: "viaGuid", values: ["x"], idempotencyKey: $key) { error { code } client { id } } }`);
    await run(`mutation ($u: UUID, $key: String!) { updateClientContract(clientUniqueId: $u, patch: { contractNumber: "K-GUID" }, idempotencyKey: $key) { error { code } client { id } } }`);
    await run(`mutation ($u: UUID, $key: String!) { createDirectDebitMandate(clientUniqueId: $u, input: { mandateType: SWEDISH_AUTOGIRO, receivingBankAccountNo: "5050-1055" }, idempotencyKey: $key) { error { code } client { id } } }`);
    await run(`mutation ($u: UUID, $key: String!) { createClientPricelist(clientUniqueId: $u, input: { pricelistName: "Via GUID" }, idempotencyKey: $key) { error { code } client { id } } }`);
    await run(`mutation ($u: UUID, $key: String!) { addExternalIdentifier(clientUniqueId: $u, source: "guid", externalId: "G-1", idempotencyKey: $key) { error { code } client { id } } }`);
    const after = dataOf(await gateway.send<{ client: Record<string, unknown> }>(
      `query ($id: ID!) { client(id: $id) { parameter(name: "viaGuid") { value } extraField(name: "viaGuid") { values } contract { contractNumber }
        directDebitMandates(filter: { receivingBankAccountNo: { eq: "5050-1055" } }) { mandateType } pricelists { pricelistName } externalIdentifiers { source externalId } } }`,
      { id: clientId }, { tenant })).client;
    expect(after).toMatchObject({ parameter: { value: "7" }, extraField: { values: ["x"] }, contract: { contractNumber: "K-GUID" }, directDebitMandates: [{ mandateType: "SWEDISH_AUTOGIRO" }, { mandateType: "SWEDISH_AUTOGIRO" }] });
    expect(after.pricelists).toEqual(expect.arrayContaining([{ pricelistName: "Via GUID" }]));
    expect(after.externalIdentifiers).toEqual(expect.arrayContaining([{ source: "guid", externalId: "G-1" }]));
    // And the deletes by GUID.
    await run(`mutation ($u: UUID, $key: String!) { deleteClientParameter(clientUniqueId: $u, name: "viaGuid", idempotencyKey: $key) { error { code } client { id } } }`);
    await run(`mutation ($u: UUID, $key: String!) { deleteExtraField(clientUniqueId: $u, name: "viaGuid", idempotencyKey: $key) { error { code } client { id } } }`);
    const gone = dataOf(await gateway.send<{ client: Record<string, unknown> }>(`query ($id: ID!) { client(id: $id) { parameter(name: "viaGuid") { value } extraField(name: "viaGuid") { values } } }`, { id: clientId }, { tenant })).client;
    expect(gone).toEqual({ parameter: null, extraField: null });
  });

  it("refuses both on a one-per-client update with the patch's failures too", async () => {
    const response = dataOf(await write<{ updateClientContract: { error: { code: string; failures: { field: string }[] } } }>(
      `mutation ($id: ID, $u: UUID, $key: String!) { updateClientContract(clientId: $id, clientUniqueId: $u, patch: { contractNumber: "${"x".repeat(51)}" }, idempotencyKey: $key) { error { code failures { field } } } }`,
      { id: clientId, u: clientGuid, key: newKey() },
    ));
    expect(response.updateClientContract.error.code).toBe("INVALID_DATA");
    expect(response.updateClientContract.error.failures.map((f) => f.field)).toEqual(["clientUniqueId", "patch.contractNumber"]);
  });
});
