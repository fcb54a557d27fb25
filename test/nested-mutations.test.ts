import { composeIban, luhnCheckDigit } from "../src/common/validation/checksums";
import { createClients } from "./helpers/fixtures";
import { dataOf, GraphQLResponse, TestGateway } from "./helpers/harness";
import { countRows, newKey, WRITER } from "./helpers/mutations";

/**
 * Every nested-resource mutation, through the same six checks (issue 4): the happy path, a
 * validation failure that lists every bad field, not found, another tenant's id refused, an
 * idempotent replay and a dry run that writes nothing. Each case says how to prepare a client
 * (and the resource, for updates and deletes), its variables, and its table.
 */

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

const ERROR = "error { code message failures { field message } }";
const CONTROLS = "$key: String!, $dryRun: Boolean";
const PASS = "idempotencyKey: $key, dryRun: $dryRun";

/** A valid Swedish bankgiro number (7 digits + Luhn check digit), with a dash. */
const bankgiro = (n: number) => {
  const payload = String(5050100 + n);
  const value = `${payload}${luhnCheckDigit(payload)}`;
  return `${value.slice(0, 4)}-${value.slice(4)}`;
};
const seIban = composeIban("SE", "50000000058398257466");

interface Prepared {
  tenant: string;
  clientId: string;
  /** The resource's own id (updates, deletes, close), when it has one. */
  id?: string;
}

interface Case {
  mutation: string;
  /** Its variables and arguments, besides the key and dryRun. */
  variables: string;
  args: string;
  /** What the payload selects besides error, dryRun and replayed. */
  select: string;
  /** The field of the payload holding the record (null for favourites). */
  record: string | null;
  table: string;
  prepare(tenant: string): Promise<Prepared>;
  happy(p: Prepared): Record<string, unknown>;
  invalid(p: Prepared): { variables: Record<string, unknown>; fields: string[] };
  missing(p: Prepared): Record<string, unknown>;
  /** Whether the happy path writes an audit entry. */
  audited?: boolean;
}

async function send(tenant: string, c: Case, variables: Record<string, unknown>, scopes = WRITER): Promise<Record<string, any>> {
  const query = `mutation M(${[c.variables, CONTROLS].filter(Boolean).join(", ")}) { ${c.mutation}(${[c.args, PASS].filter(Boolean).join(", ")}) { ${ERROR} dryRun replayed ${c.select} } }`;
  const response: GraphQLResponse<Record<string, any>> = await gateway.send(query, { key: newKey(), ...variables }, { tenant, scopes });
  return dataOf(response)[c.mutation];
}

/** Runs another mutation to set something up; it must succeed. */
async function must(tenant: string, document: string, variables: Record<string, unknown>): Promise<any> {
  const data = dataOf(await gateway.send<Record<string, any>>(document, { key: newKey(), ...variables }, { tenant, scopes: WRITER }));
  const payload = Object.values(data)[0];
  if (payload.error) throw new Error(`setup failed: ${JSON.stringify(payload.error)}`);
  return payload;
}

let clientCounter = 0;
async function newClient(tenant: string): Promise<string> {
  const [id] = await createClients(gateway, tenant, [{ name: `Nested ${++clientCounter}` } as never]);
  return id;
}

const client = async (tenant: string): Promise<Prepared> => ({ tenant, clientId: await newClient(tenant) });

const withResource = (document: string, variables: (clientId: string) => Record<string, unknown>, idOf: (payload: any) => string | undefined) =>
  async (tenant: string): Promise<Prepared> => {
    const clientId = await newClient(tenant);
    const payload = await must(tenant, document, variables(clientId));
    return { tenant, clientId, id: idOf(payload) };
  };

const CREATE_CONTRACT = `mutation($clientId: ID!, $key: String!) { createClientContract(clientId: $clientId, input: { startDate: "2026-01-01", endDate: "2026-12-31", periodFee: "100" }, idempotencyKey: $key) { ${ERROR} contract { id } } }`;
const CREATE_LOAN = `mutation($clientId: ID!, $key: String!) { createFactoringLoanContract(clientId: $clientId, input: { limit: "100000" }, idempotencyKey: $key) { ${ERROR} contract { id } } }`;
const CREATE_PURCHASE = `mutation($clientId: ID!, $key: String!) { createFactoringPurchaseContract(clientId: $clientId, input: { limit: "500000" }, idempotencyKey: $key) { ${ERROR} contract { id } } }`;
const CREATE_ACCOUNT = `mutation($clientId: ID!, $key: String!) { createBankAccount(clientId: $clientId, input: { bankAccountClass: SE_BANKGIRO, bankAccountNo: "${bankgiro(1)}" }, idempotencyKey: $key) { ${ERROR} bankAccount { id } } }`;
const CREATE_MANDATE = `mutation($clientId: ID!, $key: String!) { createDirectDebitMandate(clientId: $clientId, input: { mandateType: SWEDISH_AUTOGIRO, receivingBankAccountNo: "${bankgiro(2)}" }, idempotencyKey: $key) { ${ERROR} mandate { id } } }`;
const SET_PARAMETER = `mutation($clientId: ID!, $key: String!) { setClientParameter(clientId: $clientId, name: "reminderDays", input: { value: "14" }, idempotencyKey: $key) { ${ERROR} parameter { id } } }`;
const SET_EXTRA = `mutation($clientId: ID!, $key: String!) { setExtraField(clientId: $clientId, name: "segments", values: ["retail"], idempotencyKey: $key) { ${ERROR} extraField { id } } }`;
const ADD_IDENTIFIER = `mutation($clientId: ID!, $externalId: String!, $key: String!) { addExternalIdentifier(clientId: $clientId, source: "crm", externalId: $externalId, idempotencyKey: $key) { ${ERROR} externalIdentifier { id } } }`;
const ADD_FAVORITE = `mutation($clientId: ID!, $key: String!) { addFavoriteClient(clientId: $clientId, idempotencyKey: $key) { ${ERROR} isFavorite } }`;

const MISSING = "999999999999";
const long = (n: number) => "x".repeat(n);

const contractCases = (kind: "ClientContract" | "FactoringLoanContract" | "FactoringPurchaseContract", create: string, table: string): Case[] => {
  const inputs = {
    ClientContract: {
      happy: { contractNumber: "K-1", startDate: "2026-01-01", endDate: "2026-12-31", cancelDate: "2027-01-31", periodFee: "1500.00", contractLength: 12 },
      bad: { startDate: "1850-01-01", periodFee: "-1", contractLength: 5000, contractNumber: long(51) },
      badFields: ["startDate", "periodFee", "contractLength", "contractNumber"],
      patch: { note: "Renewed", periodFee: "2000" },
      badPatch: { endDate: "2025-01-01", periodFee: "1.234", contractType: -1 },
      badPatchFields: ["endDate", "periodFee", "contractType"],
    },
    FactoringLoanContract: {
      happy: { limit: "250000.00", autoPercent: "80", maxPercent: "90", interestRate: "5.25", interestCode: "STIBOR", limitFeeAmount: "500", limitFeePercentage: "0.5", limitFeeInterval: 30, limitFeeDate: "2026-02-01", limitFeeInvoiceItem: "LF", limitFeePartOfPeriod: true, limitFeePartOfPeriodAmount: "100", currencyCode: "sek" },
      bad: { autoPercent: "101", maxPercent: "-1", limit: "-5", limitFeeInterval: 99999 },
      badFields: ["autoPercent", "maxPercent", "limit", "limitFeeInterval"],
      patch: { maxPercent: "95", note: "Raised" },
      badPatch: { limitFeePercentage: "100.5", decisionDate: "1850-06-01" },
      badPatchFields: ["limitFeePercentage", "decisionDate"],
    },
    FactoringPurchaseContract: {
      happy: { limit: "500000", customerLimit: "50000", recourseLimit: "300000", nonRecourseLimit: "200000", recourse: true, recourseDays: 30, blockedAccount: "B1", overInterestAfterDays: 10, overInterestRate: "8", financingInterestCalculateFrom: "PURCHASE_DATE", financingInterestCalculateTo: "CLOSURE_DATE", financingInterestFeeInsertTrigger: "FULL_PAYMENT", financingInterestRate: "6.5", currencyCode: "SEK" },
      bad: { recourseLimit: "-1", recourseDays: -1, overInterestRate: "150", active: null },
      badFields: ["recourseLimit", "recourseDays", "overInterestRate", "active"],
      patch: { recourseDays: 45, financingInterestCalculateTo: "DUE_DATE" },
      badPatch: { active: null, blockedAccountInterestRate: "1000" },
      badPatchFields: ["active", "blockedAccountInterestRate"],
    },
  }[kind];
  const input = `Create${kind}Input!`;
  const patchType = `Update${kind}Input!`;
  return [
    {
      mutation: `create${kind}`,
      variables: `$clientId: ID!, $input: ${input}`,
      args: "clientId: $clientId, input: $input",
      select: "contract { id } preview { __typename } client { id }",
      record: "contract",
      table,
      prepare: client,
      happy: (p) => ({ clientId: p.clientId, input: inputs.happy }),
      invalid: (p) => ({ variables: { clientId: p.clientId, input: inputs.bad }, fields: inputs.badFields.map((f) => `input.${f}`) }),
      missing: () => ({ clientId: MISSING, input: inputs.happy }),
    },
    {
      mutation: `update${kind}`,
      variables: `$clientId: ID!, $patch: ${patchType}`,
      args: "clientId: $clientId, patch: $patch",
      select: "contract { id } preview { __typename } client { id }",
      record: "contract",
      table,
      prepare: withResource(create, (clientId) => ({ clientId }), (p) => p.contract.id),
      happy: (p) => ({ clientId: p.clientId, patch: inputs.patch }),
      invalid: (p) => ({ variables: { clientId: p.clientId, patch: inputs.badPatch }, fields: inputs.badPatchFields.map((f) => `patch.${f}`) }),
      // A client without this contract.
      missing: () => ({ clientId: MISSING, patch: inputs.patch }),
    },
    {
      mutation: `delete${kind}`,
      variables: "$clientId: ID!",
      args: "clientId: $clientId",
      select: "contract { id } preview { __typename } client { id }",
      record: "contract",
      table,
      prepare: withResource(create, (clientId) => ({ clientId }), (p) => p.contract.id),
      happy: (p) => ({ clientId: p.clientId }),
      invalid: (p) => ({ variables: { clientId: p.clientId, key: "" }, fields: ["idempotencyKey"] }),
      missing: () => ({ clientId: MISSING }),
    },
  ];
};

const CASES: Case[] = [
  ...contractCases("ClientContract", CREATE_CONTRACT, "client_contract"),
  ...contractCases("FactoringLoanContract", CREATE_LOAN, "factoring_loan_contract"),
  ...contractCases("FactoringPurchaseContract", CREATE_PURCHASE, "factoring_purchase_contract"),
  {
    mutation: "createBankAccount",
    variables: "$clientId: ID!, $input: CreateBankAccountInput!",
    args: "clientId: $clientId, input: $input",
    select: "bankAccount { id } preview { __typename } client { id }",
    record: "bankAccount",
    table: "bank_account",
    prepare: client,
    happy: (p) => ({ clientId: p.clientId, input: { bankAccountClass: "SE_BANKGIRO", bankAccountNo: bankgiro(3), iban: seIban, bic: "ESSESESS", countryCode: "SE", allowPayments: "PAYMENTS", ownerType: "CREDITOR" } }),
    invalid: (p) => ({
      variables: { clientId: p.clientId, input: { bankAccountClass: "SE_BANKGIRO", bankAccountNo: "5050-1056", bic: "ESSE", priority: 0 } },
      fields: ["input.bankAccountNo", "input.bic", "input.priority"],
    }),
    missing: () => ({ clientId: MISSING, input: { description: "x" } }),
  },
  {
    mutation: "updateBankAccount",
    variables: "$id: ID!, $patch: UpdateBankAccountInput!",
    args: "id: $id, patch: $patch",
    select: "bankAccount { id } preview { __typename } client { id }",
    record: "bankAccount",
    table: "bank_account",
    prepare: withResource(CREATE_ACCOUNT, (clientId) => ({ clientId }), (p) => p.bankAccount.id),
    happy: (p) => ({ id: p.id, patch: { description: "Main", priority: 5 } }),
    // The stored class is SE_BANKGIRO, so the new number is checked as a bankgiro number.
    invalid: (p) => ({ variables: { id: p.id, patch: { bankAccountNo: "1234", swift: "not a bic", allowPayments: null } }, fields: ["patch.allowPayments", "patch.swift", "patch.bankAccountNo"] }),
    missing: () => ({ id: MISSING, patch: { description: "x" } }),
  },
  {
    mutation: "deleteBankAccount",
    variables: "$id: ID!",
    args: "id: $id",
    select: "bankAccount { id } preview { __typename } client { id }",
    record: "bankAccount",
    table: "bank_account",
    prepare: withResource(CREATE_ACCOUNT, (clientId) => ({ clientId }), (p) => p.bankAccount.id),
    happy: (p) => ({ id: p.id }),
    invalid: (p) => ({ variables: { id: p.id, key: " " }, fields: ["idempotencyKey"] }),
    missing: () => ({ id: MISSING }),
  },
  {
    mutation: "createDirectDebitMandate",
    variables: "$clientId: ID!, $input: CreateDirectDebitMandateInput!",
    args: "clientId: $clientId, input: $input",
    select: "mandate { id } preview { __typename } client { id }",
    record: "mandate",
    table: "direct_debit_mandate",
    prepare: client,
    happy: (p) => ({
      clientId: p.clientId,
      input: { mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: bankgiro(4), sendingBankAccountClass: "SE_BANKGIRO", sendingBankAccountNo: bankgiro(5), referenceNo: "R1", signedAt: "2026-01-15T10:00:00Z", validFrom: "2026-02-01", validUntil: "2027-01-31" },
    }),
    invalid: (p) => ({
      variables: { clientId: p.clientId, input: { receivingBankAccountNo: " ", validFrom: "2026-05-01", validUntil: "2026-04-01", sendingBankAccountClass: "SE_PLUSGIRO", sendingBankAccountNo: "12345" } },
      fields: ["input.mandateType", "input.receivingBankAccountNo", "input.validUntil", "input.sendingBankAccountNo"],
    }),
    missing: () => ({ clientId: MISSING, input: { mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: "1" } }),
  },
  {
    mutation: "closeDirectDebitMandate",
    variables: "$id: ID!, $closedAt: DateTime",
    args: "id: $id, closedAt: $closedAt",
    select: "mandate { id closedAt } preview { __typename } client { id }",
    record: "mandate",
    table: "direct_debit_mandate",
    prepare: withResource(CREATE_MANDATE, (clientId) => ({ clientId }), (p) => p.mandate.id),
    happy: (p) => ({ id: p.id, closedAt: "2026-06-30T12:00:00Z" }),
    invalid: (p) => ({ variables: { id: p.id, closedAt: "2999-01-01T00:00:00Z", key: "" }, fields: ["idempotencyKey", "closedAt"] }),
    missing: () => ({ id: MISSING }),
  },
  {
    mutation: "setClientParameter",
    variables: "$clientId: ID!, $name: String!, $input: ClientParameterInput!",
    args: "clientId: $clientId, name: $name, input: $input",
    select: "parameter { id } preview { __typename } client { id }",
    record: "parameter",
    table: "client_parameter",
    prepare: client,
    happy: (p) => ({ clientId: p.clientId, name: "reminderDays", input: { type: "int", value: "21" } }),
    invalid: (p) => ({ variables: { clientId: p.clientId, name: "", input: { type: long(51), href: long(256) } }, fields: ["name", "input.type", "input.href"] }),
    missing: () => ({ clientId: MISSING, name: "x", input: { value: "1" } }),
  },
  {
    mutation: "deleteClientParameter",
    variables: "$clientId: ID!, $name: String!",
    args: "clientId: $clientId, name: $name",
    select: "parameter { id } preview { __typename } client { id }",
    record: "parameter",
    table: "client_parameter",
    prepare: withResource(SET_PARAMETER, (clientId) => ({ clientId }), (p) => p.parameter.id),
    happy: (p) => ({ clientId: p.clientId, name: "reminderDays" }),
    invalid: (p) => ({ variables: { clientId: p.clientId, name: "reminderDays", key: "" }, fields: ["idempotencyKey"] }),
    missing: (p) => ({ clientId: p.clientId, name: "noSuchParameter" }),
  },
  {
    mutation: "setExtraField",
    variables: "$clientId: ID!, $name: String!, $values: [String!]!",
    args: "clientId: $clientId, name: $name, values: $values",
    select: "extraField { id values } preview { __typename } client { id }",
    record: "extraField",
    table: "extra_field",
    prepare: client,
    happy: (p) => ({ clientId: p.clientId, name: "segments", values: ["retail", "nordic"] }),
    invalid: (p) => ({ variables: { clientId: p.clientId, name: " ", values: Array.from({ length: 101 }, (_, i) => `v${i}`) }, fields: ["name", "values"] }),
    missing: () => ({ clientId: MISSING, name: "segments", values: [] }),
  },
  {
    mutation: "deleteExtraField",
    variables: "$clientId: ID!, $name: String!",
    args: "clientId: $clientId, name: $name",
    select: "extraField { id } preview { __typename } client { id }",
    record: "extraField",
    table: "extra_field",
    prepare: withResource(SET_EXTRA, (clientId) => ({ clientId }), (p) => p.extraField.id),
    happy: (p) => ({ clientId: p.clientId, name: "segments" }),
    invalid: (p) => ({ variables: { clientId: p.clientId, name: "segments", key: "" }, fields: ["idempotencyKey"] }),
    missing: (p) => ({ clientId: p.clientId, name: "noSuchField" }),
  },
  {
    mutation: "createClientPricelist",
    variables: "$clientId: ID!, $input: CreateClientPricelistInput!",
    args: "clientId: $clientId, input: $input",
    select: "pricelist { id uniqueId } preview { __typename } client { id }",
    record: "pricelist",
    table: "pricelist",
    prepare: client,
    happy: (p) => ({ clientId: p.clientId, input: { pricelistName: "Standard", currencyCode: "SEK", isDefaultPricelist: true, serviceId: 3, validFrom: "2026-01-01", creditorFeeEvents: true, templatePricelistId: 7, condition: "B2B" } }),
    invalid: (p) => ({ variables: { clientId: p.clientId, input: { serviceId: -1, validFrom: "1850-01-01" } }, fields: ["input.pricelistName", "input.serviceId", "input.validFrom"] }),
    missing: () => ({ clientId: MISSING, input: { pricelistName: "X" } }),
  },
  {
    mutation: "addExternalIdentifier",
    variables: "$clientId: ID!, $source: String!, $externalId: String!",
    args: "clientId: $clientId, source: $source, externalId: $externalId",
    select: "externalIdentifier { id source externalId } preview { __typename } client { id }",
    record: "externalIdentifier",
    table: "external_identifier",
    prepare: client,
    happy: (p) => ({ clientId: p.clientId, source: "crm", externalId: `CRM-${p.clientId}` }),
    invalid: (p) => ({ variables: { clientId: p.clientId, source: "", externalId: long(256) }, fields: ["source", "externalId"] }),
    missing: () => ({ clientId: MISSING, source: "crm", externalId: "nobody" }),
  },
  {
    mutation: "removeExternalIdentifier",
    variables: "$source: String!, $externalId: String!",
    args: "source: $source, externalId: $externalId",
    select: "externalIdentifier { id } preview { __typename } client { id externalIdentifiers { externalId } }",
    record: "externalIdentifier",
    table: "external_identifier",
    prepare: withResource(ADD_IDENTIFIER, (clientId) => ({ clientId, externalId: `X-${clientId}` }), (p) => p.externalIdentifier.id),
    happy: (p) => ({ source: "crm", externalId: `X-${p.clientId}` }),
    invalid: () => ({ variables: { source: " ", externalId: "" }, fields: ["source", "externalId"] }),
    missing: () => ({ source: "crm", externalId: "nobody" }),
  },
  {
    mutation: "addFavoriteClient",
    variables: "$clientId: ID!",
    args: "clientId: $clientId",
    select: "isFavorite client { id }",
    record: null,
    table: "favourite_client",
    audited: false,
    prepare: client,
    happy: (p) => ({ clientId: p.clientId }),
    invalid: (p) => ({ variables: { clientId: p.clientId, key: "" }, fields: ["idempotencyKey"] }),
    missing: () => ({ clientId: MISSING }),
  },
  {
    mutation: "removeFavoriteClient",
    variables: "$clientId: ID!",
    args: "clientId: $clientId",
    select: "isFavorite client { id }",
    record: null,
    table: "favourite_client",
    audited: false,
    prepare: withResource(ADD_FAVORITE, (clientId) => ({ clientId }), () => undefined),
    happy: (p) => ({ clientId: p.clientId }),
    invalid: (p) => ({ variables: { clientId: p.clientId, key: "" }, fields: ["idempotencyKey"] }),
    missing: () => ({ clientId: MISSING }),
  },
];

/** The rows a mutation could touch, for one tenant. */
async function footprint(c: Case, tenant: string) {
  return {
    rows: await countRows(gateway, c.table, tenant),
    audit: await countRows(gateway, "audit_entry", tenant),
    keys: await countRows(gateway, "idempotency_key", tenant),
    changed: ((await gateway.dataSource.query(`SELECT coalesce(max(updated_at), 'epoch')::text AS at FROM client WHERE tenant_id = $1`, [tenant])) as { at: string }[])[0].at,
  };
}

/** A table row's columns as the owner sees them, to tell that nothing changed. */
const tableRows = (c: Case, tenant: string) => gateway.dataSource.query(`SELECT * FROM "${c.table}" WHERE tenant_id = $1 ORDER BY id`, [tenant]);

describe.each(CASES.map((c) => [c.mutation, c] as const))("%s", (_name, c) => {
  it("does it: no error, the record and its client back, an audit entry", async () => {
    const p = await c.prepare(gateway.newTenant());
    const before = await footprint(c, p.tenant);
    const payload = await send(p.tenant, c, c.happy(p));
    expect(payload.error).toBeNull();
    expect(payload).toMatchObject({ dryRun: false, replayed: false });
    if (c.record) expect(payload[c.record]).toEqual(expect.objectContaining({ id: expect.any(String) }));
    expect(payload.client).toEqual(expect.objectContaining({ id: p.clientId }));
    const after = await footprint(c, p.tenant);
    expect(after.keys).toBe(before.keys + 1);
    expect(after.audit).toBe(before.audit + (c.audited === false ? 0 : 1));
  });

  it("lists every bad field at once and writes nothing", async () => {
    const p = await c.prepare(gateway.newTenant());
    const before = await footprint(c, p.tenant);
    const rows = await tableRows(c, p.tenant);
    const { variables, fields } = c.invalid(p);
    const payload = await send(p.tenant, c, variables);
    expect(payload.error.code).toBe("INVALID_DATA");
    expect(payload.error.failures.map((f: { field: string }) => f.field).sort()).toEqual([...fields].sort());
    expect(payload.error.failures.every((f: { message: string }) => f.message.length > 0)).toBe(true);
    expect(await footprint(c, p.tenant)).toEqual(before);
    expect(await tableRows(c, p.tenant)).toEqual(rows);
  });

  it("answers NOT_FOUND for an id that isn't there", async () => {
    const p = await c.prepare(gateway.newTenant());
    const payload = await send(p.tenant, c, c.missing(p));
    expect(payload.error.code).toBe("NOT_FOUND");
    if (c.record) expect(payload[c.record]).toBeNull();
  });

  it("refuses another tenant's ids as not found and leaves that tenant's data alone", async () => {
    const theirs = await c.prepare(gateway.newTenant());
    const ours = gateway.newTenant();
    await newClient(ours);
    const before = await footprint(c, theirs.tenant);
    const rows = await tableRows(c, theirs.tenant);
    const payload = await send(ours, c, c.happy(theirs));
    expect(payload.error.code).toBe("NOT_FOUND");
    expect(payload.client ?? null).toBeNull();
    expect(await footprint(c, theirs.tenant)).toEqual(before);
    expect(await tableRows(c, theirs.tenant)).toEqual(rows);
    expect(await countRows(gateway, c.table, ours)).toBe(0);
  });

  it("replays a retry with the same key: the stored payload, nothing written twice", async () => {
    const p = await c.prepare(gateway.newTenant());
    const key = newKey();
    const first = await send(p.tenant, c, { ...c.happy(p), key });
    const written = await footprint(c, p.tenant);
    const second = await send(p.tenant, c, { ...c.happy(p), key });
    expect(first.error).toBeNull();
    expect(second).toMatchObject({ replayed: true, error: null });
    if (c.record) expect(second[c.record].id).toBe(first[c.record].id);
    expect(await footprint(c, p.tenant)).toEqual(written);
  });

  it("dry run: validates and previews, writes nothing (no row, no audit, no key)", async () => {
    const p = await c.prepare(gateway.newTenant());
    const before = await footprint(c, p.tenant);
    const rows = await tableRows(c, p.tenant);
    const payload = await send(p.tenant, c, { ...c.happy(p), dryRun: true });
    expect(payload).toMatchObject({ error: null, dryRun: true, replayed: false });
    if (c.record) {
      expect(payload[c.record]).toBeNull();
      expect(payload.preview).not.toBeNull();
    }
    expect(await footprint(c, p.tenant)).toEqual(before);
    expect(await tableRows(c, p.tenant)).toEqual(rows);
  });
});

it("covers every nested-resource mutation of the schema", async () => {
  const { buildGatewaySchema } = await import("../src/schema");
  const schema = await buildGatewaySchema();
  const clientMutations = ["createClient", "updateClient", "archiveClient", "restoreClient", "bulkCreateClients"];
  // Sources and syncs belong to no client (test/source-systems.test.ts).
  const sourceMutations = ["createSourceSystem", "updateSourceSystem", "deleteSourceSystem", "startSync", "cancelSync", "setSourcePrecedence"];
  // The company's templates and pricelist services belong to no client either (test/templates.test.ts).
  const templateMutations = ["PricelistService", "PricelistTemplate", "ParameterTemplate", "ChartOfAccountTemplate"].flatMap((type) => [`set${type}`, `delete${type}`]);
  // Custom actions are forwarded to Aptic, not written here (test/client-actions.test.ts).
  templateMutations.push("invokeClientAction", "invokeAction");
  // Webhook subscriptions belong to no client (test/webhook-subscriptions.test.ts).
  templateMutations.push("createWebhookSubscription", "deleteWebhookSubscription");
  const all = Object.keys(schema.getMutationType()!.getFields()).filter((name) => ![...clientMutations, ...sourceMutations, ...templateMutations].includes(name));
  expect(CASES.map((c) => c.mutation).sort()).toEqual(all.sort());
});
