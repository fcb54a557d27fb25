import { signToken } from "../src/auth/jwt";
import { luhnCheckDigit } from "../src/common/validation/checksums";
import { createClients } from "./helpers/fixtures";
import { dataOf, TestGateway } from "./helpers/harness";
import { countRows, newKey, WRITER } from "./helpers/mutations";

/** The business rules of the nested resources, the summaries' figures, favourites and latest opened. */

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

const ERROR = "error { code message failures { field message } }";

async function run(tenant: string, query: string, variables: Record<string, unknown> = {}, options: { scopes?: string[]; authorization?: string } = {}): Promise<any> {
  const data = dataOf(await gateway.send<Record<string, any>>(query, { key: newKey(), ...variables }, { tenant, scopes: options.scopes ?? WRITER, authorization: options.authorization }));
  return Object.values(data)[0];
}

async function newClient(tenant: string, extra: Record<string, unknown> = {}): Promise<string> {
  const [id] = await createClients(gateway, tenant, [{ name: "Rules AB", ...extra } as never]);
  return id;
}

/** "YYYY-MM-DD", `days` from today (UTC). */
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("client contract", () => {
  const CREATE = `mutation($clientId: ID!, $input: CreateClientContractInput!, $key: String!) {
    createClientContract(clientId: $clientId, input: $input, idempotencyKey: $key) { ${ERROR} contract { id startDate endDate cancelDate periodFee } } }`;
  const UPDATE = `mutation($clientId: ID!, $patch: UpdateClientContractInput!, $key: String!, $expected: DateTime) {
    updateClientContract(clientId: $clientId, patch: $patch, expectedUpdatedAt: $expected, idempotencyKey: $key) { ${ERROR} contract { id endDate updatedAt } } }`;

  it("is one per client: a second create answers ALREADY_EXISTS and keeps the first", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant);
    const first = await run(tenant, CREATE, { clientId, input: { contractNumber: "K-1", periodFee: "99.5" } });
    expect(first.error).toBeNull();
    expect(first.contract.periodFee).toBe("99.50");
    const second = await run(tenant, CREATE, { clientId, input: { contractNumber: "K-2" } });
    expect(second.error.code).toBe("ALREADY_EXISTS");
    expect(second.contract).toBeNull();
    expect(await countRows(gateway, "client_contract", tenant)).toBe(1);
  });

  it("checks start ≤ end ≤ cancel on create and against the stored dates on update", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant);
    const bad = await run(tenant, CREATE, { clientId, input: { startDate: "2026-06-01", endDate: "2026-01-01", cancelDate: "2025-12-31" } });
    expect(bad.error.code).toBe("INVALID_DATA");
    expect(bad.error.failures.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(["input.endDate", "input.cancelDate"]));
    // Equal dates are fine.
    const ok = await run(tenant, CREATE, { clientId, input: { startDate: "2026-01-01", endDate: "2026-01-01", cancelDate: "2026-01-01" } });
    expect(ok.error).toBeNull();
    const patch = await run(tenant, UPDATE, { clientId, patch: { endDate: "2025-12-31" } });
    expect(patch.error.failures).toEqual([{ field: "patch.endDate", message: "The contract can't end before it starts" }]);
    const moved = await run(tenant, UPDATE, { clientId, patch: { endDate: null, startDate: "2025-01-01" } });
    expect(moved.error).toBeNull();
    expect(moved.contract.endDate).toBeNull();
  });

  it("refuses a stale expectedUpdatedAt with PRECONDITION_FAILED", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant);
    await run(tenant, CREATE, { clientId, input: { note: "a" } });
    const first = await run(tenant, UPDATE, { clientId, patch: { note: "b" } });
    const stale = new Date(new Date(first.contract.updatedAt).getTime() - 1).toISOString();
    const refused = await run(tenant, UPDATE, { clientId, patch: { note: "c" }, expected: stale });
    expect(refused.error.code).toBe("PRECONDITION_FAILED");
    const accepted = await run(tenant, UPDATE, { clientId, patch: { note: "c" }, expected: first.contract.updatedAt });
    expect(accepted.error).toBeNull();
  });
});

describe("direct debit mandates", () => {
  it("can't be closed twice: MANDATE_ALREADY_CLOSED, and the first closing stays", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant);
    const created = await run(tenant, `mutation($clientId: ID!, $key: String!) {
      createDirectDebitMandate(clientId: $clientId, input: { mandateType: SEPA_BUSINESS_RECURRING, receivingBankAccountNo: "NL91ABNA0417164300" }, idempotencyKey: $key) {
        ${ERROR} mandate { id active } client { summary { activeMandateCount } } } }`, { clientId });
    expect(created.mandate.active).toBe(true);
    expect(created.client.summary.activeMandateCount).toBe(1);
    const CLOSE = `mutation($id: ID!, $key: String!) { closeDirectDebitMandate(id: $id, idempotencyKey: $key) {
      ${ERROR} mandate { closedAt active } client { summary { activeMandateCount } } } }`;
    const closed = await run(tenant, CLOSE, { id: created.mandate.id });
    expect(closed.error).toBeNull();
    expect(closed.mandate.active).toBe(false);
    expect(closed.client.summary.activeMandateCount).toBe(0);
    const again = await run(tenant, CLOSE, { id: created.mandate.id });
    expect(again.error.code).toBe("MANDATE_ALREADY_CLOSED");
    expect(again.error.message).toContain(closed.mandate.closedAt);
  });
});

describe("parameters and extra fields", () => {
  const SET = `mutation($clientId: ID!, $name: String!, $input: ClientParameterInput!, $key: String!) {
    setClientParameter(clientId: $clientId, name: $name, input: $input, idempotencyKey: $key) { ${ERROR} parameter { id name type value } } }`;

  it("setClientParameter upserts by name: the same row, its value replaced, a left-out field cleared", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant);
    const other = await newClient(tenant);
    const first = await run(tenant, SET, { clientId, name: "reminderDays", input: { type: "int", value: "14" } });
    const second = await run(tenant, SET, { clientId, name: "reminderDays", input: { value: "21" } });
    expect(second.parameter).toEqual({ id: first.parameter.id, name: "reminderDays", type: null, value: "21" });
    // Unique per client, not per company.
    expect((await run(tenant, SET, { clientId: other, name: "reminderDays", input: { value: "7" } })).error).toBeNull();
    expect(await countRows(gateway, "client_parameter", tenant)).toBe(2);
    // Setting what is there writes nothing new to the audit trail.
    const audit = await countRows(gateway, "audit_entry", tenant);
    expect((await run(tenant, SET, { clientId, name: "reminderDays", input: { value: "21" } })).error).toBeNull();
    expect(await countRows(gateway, "audit_entry", tenant)).toBe(audit);
  });

  it("setExtraField replaces the list of values, in order", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant);
    const SET_EXTRA = `mutation($clientId: ID!, $values: [String!]!, $key: String!) {
      setExtraField(clientId: $clientId, name: "segments", values: $values, idempotencyKey: $key) { ${ERROR} extraField { id values } client { extraFields { name values } } } }`;
    const first = await run(tenant, SET_EXTRA, { clientId, values: ["retail", "nordic"] });
    const second = await run(tenant, SET_EXTRA, { clientId, values: ["wholesale"] });
    expect(second.extraField).toEqual({ id: first.extraField.id, values: ["wholesale"] });
    expect(second.client.extraFields).toEqual([{ name: "segments", values: ["wholesale"] }]);
  });
});

describe("pricelists", () => {
  it("keep one default per client: a new default takes over from the old one (both audited)", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant);
    const CREATE = `mutation($clientId: ID!, $input: CreateClientPricelistInput!, $key: String!) {
      createClientPricelist(clientId: $clientId, input: $input, idempotencyKey: $key) { ${ERROR} pricelist { id isDefaultPricelist isActive }
        client { pricelists { pricelistName isDefaultPricelist } } } }`;
    const first = await run(tenant, CREATE, { clientId, input: { pricelistName: "Standard", isDefaultPricelist: true } });
    expect(first.pricelist).toMatchObject({ isDefaultPricelist: true, isActive: true });
    await run(tenant, CREATE, { clientId, input: { pricelistName: "Campaign" } });
    const audit = await countRows(gateway, "audit_entry", tenant);
    const third = await run(tenant, CREATE, { clientId, input: { pricelistName: "Premium", isDefaultPricelist: true } });
    expect(third.error).toBeNull();
    // The default first, then by name.
    expect(third.client.pricelists).toEqual([
      { pricelistName: "Premium", isDefaultPricelist: true },
      { pricelistName: "Campaign", isDefaultPricelist: false },
      { pricelistName: "Standard", isDefaultPricelist: false },
    ]);
    expect(await countRows(gateway, "audit_entry", tenant)).toBe(audit + 2);
  });
});

describe("external identifiers", () => {
  const ADD = `mutation($clientId: ID!, $externalId: String!, $key: String!) {
    addExternalIdentifier(clientId: $clientId, source: "crm", externalId: $externalId, idempotencyKey: $key) { ${ERROR} externalIdentifier { id } } }`;
  const REMOVE = `mutation($externalId: String!, $key: String!) {
    removeExternalIdentifier(source: "crm", externalId: $externalId, idempotencyKey: $key) { ${ERROR} externalIdentifier { id } } }`;
  const FIND = `query($externalId: String!) { clientByExternalId(source: "crm", externalId: $externalId) { id } }`;

  it("are unique per company, found by clientByExternalId, and can move after removal", async () => {
    const tenant = gateway.newTenant();
    const a = await newClient(tenant);
    const b = await newClient(tenant);
    expect((await run(tenant, ADD, { clientId: a, externalId: "C-1" })).error).toBeNull();
    expect(await run(tenant, FIND, { externalId: "C-1" })).toEqual({ id: a });
    // Adding it again to the same client changes nothing; to another client is refused.
    expect((await run(tenant, ADD, { clientId: a, externalId: "C-1" })).error).toBeNull();
    const taken = await run(tenant, ADD, { clientId: b, externalId: "C-1" });
    expect(taken.error).toMatchObject({ code: "EXTERNAL_IDENTIFIER_IN_USE", failures: [{ field: "externalId" }] });
    expect((await run(tenant, REMOVE, { externalId: "C-1" })).error).toBeNull();
    expect(await run(tenant, FIND, { externalId: "C-1" })).toBeNull();
    expect((await run(tenant, REMOVE, { externalId: "C-1" })).error.code).toBe("NOT_FOUND");
    expect((await run(tenant, ADD, { clientId: b, externalId: "C-1" })).error).toBeNull();
    expect(await run(tenant, FIND, { externalId: "C-1" })).toEqual({ id: b });
    // Another company may use the same identifier for its own client.
    const other = gateway.newTenant();
    expect((await run(other, ADD, { clientId: await newClient(other), externalId: "C-1" })).error).toBeNull();
  });
});

describe("bank accounts", () => {
  const bankgiro = (n: number) => {
    const payload = String(5050100 + n);
    return `${payload}${luhnCheckDigit(payload)}`;
  };

  it("are ordered by priority; one created without a priority goes last; the audit trail masks the number", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant);
    const CREATE = `mutation($clientId: ID!, $input: CreateBankAccountInput!, $key: String!) {
      createBankAccount(clientId: $clientId, input: $input, idempotencyKey: $key) { ${ERROR} bankAccount { id priority }
        client { bankAccounts { bankAccountNo priority } history(first: 1) { nodes { changes { field after } } } } } }`;
    await run(tenant, CREATE, { clientId, input: { bankAccountClass: "SE_BANKGIRO", bankAccountNo: bankgiro(1), priority: 5 } });
    await run(tenant, CREATE, { clientId, input: { bankAccountClass: "SE_BANKGIRO", bankAccountNo: bankgiro(2), priority: 1 } });
    const third = await run(tenant, CREATE, { clientId, input: { bankAccountClass: "SE_PLUSGIRO", bankAccountNo: "44 77 88-1", ownerType: "SHARED" } });
    expect(third.bankAccount.priority).toBe(6);
    expect(third.client.bankAccounts).toEqual([
      { bankAccountNo: bankgiro(2), priority: 1 },
      { bankAccountNo: bankgiro(1), priority: 5 },
      { bankAccountNo: "44 77 88-1", priority: 6 },
    ]);
    const changes = third.client.history.nodes[0].changes as { field: string; after: unknown }[];
    expect(changes.find((c) => c.field === "bankAccountNo")?.after).toBe("****7881");
  });
});

describe("summaries", () => {
  it("Client.summary, the loan summary and the purchase summary match hand-computed figures", async () => {
    const tenant = gateway.newTenant();
    const invoice = (n: number, status: string, currencyCode: string, totalAmount: string, paidAmount: string, dueIn: number, purchase?: boolean) => ({
      invoiceNumber: `S-${n}`, status, currencyCode, totalAmount, paidAmount, issueDate: daysFromToday(dueIn - 30), dueDate: daysFromToday(dueIn),
      ...(purchase === undefined ? {} : { purchasedAt: new Date(), purchaseRecourse: purchase }),
    });
    const [clientId] = await createClients(gateway, tenant, [{
      name: "Figures AB",
      invoices: [
        invoice(1, "SENT", "SEK", "1000.00", "0.00", 10),                    // open, not yet due
        invoice(2, "PARTIALLY_PAID", "SEK", "500.00", "200.10", -5, true),   // open, overdue by date; purchased with recourse
        invoice(3, "OVERDUE", "EUR", "80.25", "0.00", -40),                  // open, overdue
        invoice(4, "PAID", "SEK", "300.00", "300.00", -60, true),            // purchased, settled
        invoice(5, "SENT", "SEK", "120.00", "20.00", 3, false),              // open; purchased without recourse
        invoice(6, "DRAFT", "SEK", "99.00", "0.00", 30),                     // not open
      ],
      factoringLoanContract: {
        limit: "100000.00",
        transactions: [
          { transactionDate: "2026-01-10", type: "DRAWDOWN", amount: "40000.00" },
          { transactionDate: "2026-02-10", type: "REPAYMENT", amount: "10000.00" },
          { transactionDate: "2026-03-01", type: "INTEREST", amount: "125.25" },
          { transactionDate: "2026-03-05", type: "FEE", amount: "50.00" },
        ],
      },
      factoringPurchaseContract: { limit: "10000.00", recourseLimit: "1000.00", nonRecourseLimit: "50.00", currencyCode: "SEK" },
      bankAccounts: [{ bankAccountNo: "1" }, { bankAccountNo: "2" }],
      directDebitMandates: [
        { mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: "1" },
        { mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: "2", closedAt: new Date() },
        { mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: "3", validUntil: daysFromToday(-1) },
      ],
      parameters: [{ name: "a" }],
      pricelists: [{ pricelistName: "P" }, { pricelistName: "Q" }],
    } as never]);
    const client = await run(tenant, `query($id: ID!) { client(id: $id) {
      summary { invoiceCount openInvoiceCount openInvoiceAmount openInvoiceAmounts { currencyCode amount count } overdueInvoiceCount purchasedInvoiceCount
        bankAccountCount activeMandateCount parameterCount extraFieldCount pricelistCount actCount }
      factoringLoanContract { summary { limit drawnBalance available accruedInterest fees totalDrawn totalRepaid lastTransactionDate transactionCount } }
      factoringPurchaseContract { summary { currencyCode purchasedInvoiceCount purchasedAmount outstandingCount outstandingWithRecourse outstandingWithoutRecourse
        outstandingTotal limit recourseLimit nonRecourseLimit availableWithRecourse availableWithoutRecourse available } } } }`, { id: clientId });
    expect(client.summary).toEqual({
      invoiceCount: 6,
      openInvoiceCount: 4,
      openInvoiceAmount: null, // deprecated: the open invoices are in two currencies
      openInvoiceAmounts: [
        { currencyCode: "EUR", amount: "80.25", count: 1 },
        { currencyCode: "SEK", amount: "1399.90", count: 3 }, // 1000 + 299.90 + 100
      ],
      overdueInvoiceCount: 2,
      purchasedInvoiceCount: 3,
      bankAccountCount: 2,
      activeMandateCount: 1,
      parameterCount: 1,
      extraFieldCount: 0,
      pricelistCount: 2,
      actCount: 0,
    });
    expect(client.factoringLoanContract.summary).toEqual({
      limit: "100000.00",
      drawnBalance: "30175.25", // 40000 - 10000 + 125.25 + 50
      available: "69824.75",
      accruedInterest: "125.25",
      fees: "50.00",
      totalDrawn: "40000.00",
      totalRepaid: "10000.00",
      lastTransactionDate: "2026-03-05",
      transactionCount: 4,
    });
    expect(client.factoringPurchaseContract.summary).toEqual({
      currencyCode: "SEK",
      purchasedInvoiceCount: 3,
      purchasedAmount: "920.00", // 500 + 300 + 120
      outstandingCount: 2,
      outstandingWithRecourse: "299.90",
      outstandingWithoutRecourse: "100.00",
      outstandingTotal: "399.90",
      limit: "10000.00",
      recourseLimit: "1000.00",
      nonRecourseLimit: "50.00",
      availableWithRecourse: "700.10",
      availableWithoutRecourse: "0.00",
      available: "9600.10",
    });
  });
});

it("a purchase summary never adds currencies: without a contract currency it counts the client's", async () => {
  const tenant = gateway.newTenant();
  const purchased = (n: number, currencyCode: string, totalAmount: string) => ({
    invoiceNumber: `P-${n}`, status: "SENT", currencyCode, totalAmount, paidAmount: "0.00", issueDate: "2026-01-01", dueDate: "2026-02-01", purchasedAt: new Date(), purchaseRecourse: true,
  });
  const [id] = await createClients(gateway, tenant, [{
    name: "Two currencies AB", currencyCode: "SEK",
    invoices: [purchased(1, "SEK", "1000.00"), purchased(2, "EUR", "10.00")],
    factoringPurchaseContract: { limit: "5000.00" },
  } as never]);
  const client = await run(tenant, `query($id: ID!) { client(id: $id) { summary { openInvoiceAmount }
    factoringPurchaseContract { summary { currencyCode purchasedInvoiceCount purchasedAmount outstandingTotal available } } } }`, { id });
  expect(client.factoringPurchaseContract.summary).toEqual({ currencyCode: "SEK", purchasedInvoiceCount: 1, purchasedAmount: "1000.00", outstandingTotal: "1000.00", available: "4000.00" });
  expect(client.summary.openInvoiceAmount).toBeNull();
});

describe("date-times where the gateway stores a date", () => {
  it("are taken as their date in the tenant's time zone (Europe/Stockholm), rules included", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant);
    const created = await run(tenant, `mutation($clientId: ID!, $key: String!) { createClientContract(clientId: $clientId, input: { startDate: "2025-12-31T23:30:00Z", endDate: "2026-06-30T12:00:00+02:00" }, idempotencyKey: $key) { contract { startDate endDate } ${ERROR} } }`, { clientId });
    expect(created).toEqual({ contract: { startDate: "2026-01-01", endDate: "2026-06-30" }, error: null });
    // The end before the start, once both are dates: the rule's failure, not the database's.
    const refused = await run(tenant, `mutation($clientId: ID!, $key: String!) { updateClientContract(clientId: $clientId, patch: { endDate: "2025-12-31T22:00:00Z" }, idempotencyKey: $key) { ${ERROR} } }`, { clientId });
    expect(refused.error.failures).toEqual([{ field: "patch.endDate", message: "The contract can't end before it starts" }]);
  });
});

describe("inputs the database would refuse, and personal data", () => {
  it("refuses a date before 1900, a future closing and a too-long list item as INVALID_DATA (never a server error; year 0 the Date scalar refuses)", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant);
    const contract = await run(tenant, `mutation($clientId: ID!, $key: String!) { createClientContract(clientId: $clientId, input: { startDate: "1850-01-01" }, idempotencyKey: $key) { ${ERROR} } }`, { clientId });
    expect(contract.error.failures).toEqual([{ field: "input.startDate", message: "Not a date (YYYY-MM-DD)" }]);
    const extra = await run(tenant, `mutation($clientId: ID!, $values: [String!]!, $key: String!) { setExtraField(clientId: $clientId, name: "n", values: $values, idempotencyKey: $key) { ${ERROR} } }`, { clientId, values: ["a", "b", "x".repeat(4001)] });
    expect(extra.error.failures).toEqual([{ field: "values.2", message: "At most 4000 characters" }]);
    const mandate = await run(tenant, `mutation($clientId: ID!, $key: String!) { createDirectDebitMandate(clientId: $clientId, input: { mandateType: SWEDISH_AUTOGIRO, receivingBankAccountNo: "1" }, idempotencyKey: $key) { mandate { id } } }`, { clientId });
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const close = await run(tenant, `mutation($id: ID!, $at: DateTime, $key: String!) { closeDirectDebitMandate(id: $id, closedAt: $at, idempotencyKey: $key) { ${ERROR} } }`, { id: mandate.mandate.id, at: future });
    expect(close.error.failures).toEqual([{ field: "closedAt", message: "Can't be in the future" }]);
    // An overdrawn balance and a negative interest rate are real.
    const account = await run(tenant, `mutation($clientId: ID!, $key: String!) { createBankAccount(clientId: $clientId, input: { accountBalance: "-10.00" }, idempotencyKey: $key) { ${ERROR} bankAccount { accountBalance } } }`, { clientId });
    expect(account.bankAccount.accountBalance).toBe("-10.00");
  });

  it("refuses text without a visible character, and bidi override/isolate controls, in every resource's text fields", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant);
    const parameter = await run(tenant, `mutation($clientId: ID!, $key: String!) { setClientParameter(clientId: $clientId, name: "\u200B\u200B", input: { value: "\u202Dx" }, idempotencyKey: $key) { ${ERROR} } }`, { clientId });
    expect(parameter.error.failures).toEqual([
      { field: "name", message: "Must not be blank" },
      { field: "input.value", message: "Must not contain bidirectional override or isolate controls (U+202A..U+202E, U+2066..U+2069)" },
    ]);
    const extra = await run(tenant, `mutation($clientId: ID!, $values: [String!]!, $key: String!) { setExtraField(clientId: $clientId, name: "n", values: $values, idempotencyKey: $key) { ${ERROR} } }`, { clientId, values: ["a", "\u2066b\u2069", "\u200E\u200F", ""] });
    expect(extra.error.failures).toEqual([
      { field: "values.1", message: "Must not contain bidirectional override or isolate controls (U+202A..U+202E, U+2066..U+2069)" },
      { field: "values.2", message: "Has no visible character (null clears the field)" },
    ]);
    const contract = await run(tenant, `mutation($clientId: ID!, $key: String!) { createClientContract(clientId: $clientId, input: { contractNumber: "\uFEFF", note: "fine" }, idempotencyKey: $key) { ${ERROR} } }`, { clientId });
    expect(contract.error.failures).toEqual([{ field: "input.contractNumber", message: "Has no visible character (null clears the field)" }]);
    expect(await countRows(gateway, "client_parameter", tenant)).toBe(0);
  });

  it("refuses a token whose subject can't be stored (over 255 characters)", async () => {
    const tenant = gateway.newTenant();
    const token = await signToken({ subject: "s".repeat(256), companies: [tenant], scopes: WRITER, expiresIn: "10m" }, gateway.config.jwtSecret!);
    const response = await gateway.send(`{ clientsSummary { accessibleClients } }`, {}, { tenant, authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("masks a personnummer in a contract's idNumber without clients:pii, and always in the audit trail", async () => {
    const tenant = gateway.newTenant();
    const clientId = await newClient(tenant, { clientType: "INDIVIDUAL", countryCode: "SE" });
    // Writing a personnummer needs clients:pii.
    const written = await run(tenant, `mutation($clientId: ID!, $key: String!) { createClientContract(clientId: $clientId, input: { idNumber: "19800101-0001" }, idempotencyKey: $key) { ${ERROR} } }`, { clientId }, { scopes: [...WRITER, "clients:pii"] });
    expect(written.error).toBeNull();
    const READ = `query($id: ID!) { client(id: $id) { contract { idNumber } history(first: 1) { nodes { changes { field after } } } } }`;
    const plain = await run(tenant, READ, { id: clientId }, { scopes: ["clients:read"] });
    expect(plain.contract.idNumber).toBe("19800101-****");
    expect(plain.history.nodes[0].changes).toContainEqual({ field: "idNumber", after: "19800101-****" });
    const pii = await run(tenant, READ, { id: clientId }, { scopes: ["clients:read", "clients:pii"] });
    expect(pii.contract.idNumber).toBe("19800101-0001");
    expect(pii.history.nodes[0].changes).toContainEqual({ field: "idNumber", after: "19800101-****" });
  });
});

describe("clientsSummary", () => {
  const as = async (tenant: string, subject: string) =>
    `Bearer ${await signToken({ subject, companies: [tenant], scopes: ["clients:read"], expiresIn: "10m" }, gateway.config.jwtSecret!)}`;
  const SUMMARY = `query { clientsSummary { accessibleClients archivedClients favoriteCount favorites { id } latestOpened(first: 5) { id } } }`;
  const FAVORITE = `mutation($clientId: ID!, $key: String!) { addFavoriteClient(clientId: $clientId, idempotencyKey: $key) { ${ERROR} isFavorite } }`;
  const UNFAVORITE = `mutation($clientId: ID!, $key: String!) { removeFavoriteClient(clientId: $clientId, idempotencyKey: $key) { ${ERROR} isFavorite } }`;
  const OPEN = `query($id: ID!) { client(id: $id) { id } }`;

  it("keeps favourites and latest opened per caller, and counts the company's clients", async () => {
    const tenant = gateway.newTenant();
    const [c1, c2, c3] = [await newClient(tenant), await newClient(tenant), await newClient(tenant)];
    await newClient(tenant, { archivedAt: new Date() });
    const alice = await as(tenant, "alice");
    const bob = await as(tenant, "bob");

    // Favourites need only clients:read: they are the caller's own.
    for (const id of [c1, c2]) expect((await run(tenant, FAVORITE, { clientId: id }, { authorization: alice })).isFavorite).toBe(true);
    expect((await run(tenant, FAVORITE, { clientId: c1 }, { authorization: alice })).error).toBeNull(); // again: no change
    expect((await run(tenant, FAVORITE, { clientId: c3 }, { authorization: bob })).error).toBeNull();
    expect((await run(tenant, UNFAVORITE, { clientId: c3 }, { authorization: alice })).isFavorite).toBe(false); // not hers: no change

    for (const id of [c1, c2]) await run(tenant, OPEN, { id }, { authorization: alice });
    // Opening a client costs the query nothing more than reading it: one statement, no write.
    expect(gateway.lastRequest().stats.statements).toBe(1);
    await run(tenant, OPEN, { id: c3 }, { authorization: bob });
    expect(await countRows(gateway, "opened_client", tenant)).toBe(0); // noted, not written yet
    await gateway.flushOpenedClients();

    expect(await run(tenant, SUMMARY, {}, { authorization: alice })).toEqual({
      accessibleClients: 3,
      archivedClients: 1,
      favoriteCount: 2,
      favorites: [{ id: c2 }, { id: c1 }],
      latestOpened: [{ id: c2 }, { id: c1 }],
    });
    expect(await run(tenant, SUMMARY, {}, { authorization: bob })).toMatchObject({ favoriteCount: 1, favorites: [{ id: c3 }], latestOpened: [{ id: c3 }] });

    // Opening c1 again puts it first; unfavouriting removes it from her favourites only.
    await run(tenant, OPEN, { id: c1 }, { authorization: alice });
    await gateway.flushOpenedClients();
    expect((await run(tenant, UNFAVORITE, { clientId: c1 }, { authorization: alice })).isFavorite).toBe(false);
    expect(await run(tenant, SUMMARY, {}, { authorization: alice })).toMatchObject({ favorites: [{ id: c2 }], latestOpened: [{ id: c1 }, { id: c2 }] });
    // Another company sees none of it.
    const other = gateway.newTenant();
    expect(await run(other, SUMMARY, {}, { authorization: await as(other, "alice") })).toEqual({
      accessibleClients: 0, archivedClients: 0, favoriteCount: 0, favorites: [], latestOpened: [],
    });
  });
});
