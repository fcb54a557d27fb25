import { luhnCheckDigit } from "../src/common/validation/checksums";
import { buildGatewaySchema } from "../src/schema";
import { createClients } from "./helpers/fixtures";
import { dataOf, GraphQLResponse, TestGateway } from "./helpers/harness";
import { newKey, swedishOrgNumber, swedishPersonalNumber } from "./helpers/mutations";

/**
 * Scope matrix (issue: "Authorisation"). Every root field of Query and Mutation, called with
 * minimal valid arguments under each of five scope sets: refused with a request-level FORBIDDEN,
 * no SQL and nothing written when the scope is missing; answered (and, for a mutation, written)
 * when it is there. Then the personnummer of an INDIVIDUAL client: masked without clients:pii in
 * every place it can be shown, and not usable as a search key without clients:pii either.
 */

const READ = "clients:read";
const WRITE = "clients:write";
const PII = "clients:pii";
const ADMIN = "sources:admin";
const HOOKS = "webhooks:admin";
const SCOPE_SETS: string[][] = [[], [READ], [WRITE], [PII], [READ, WRITE], [ADMIN], [HOOKS]];

let gateway: TestGateway;
let tenantTables: string[];
beforeAll(async () => {
  gateway = await TestGateway.start();
  const rows = (await gateway.dataSource.query(
    `SELECT DISTINCT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1`,
  )) as { t: string }[];
  tenantTables = rows.map((r) => r.t);
});
afterAll(() => gateway.stop());

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Json = Record<string, any>;

/** Every row of every tenant table for one tenant, as the owner sees them (outside RLS): to tell that nothing at all changed. */
async function tenantState(tenant: string): Promise<Record<string, { rows: number; hash: string }>> {
  const state: Record<string, { rows: number; hash: string }> = {};
  for (const table of tenantTables) {
    const [row] = (await gateway.dataSource.query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM "${table}" t WHERE t.tenant_id = $1`,
      [tenant],
    )) as { rows: number; hash: string }[];
    state[table] = row;
  }
  return state;
}

/** The statement count of the request that answered `response` (checked to be that request, not an earlier one). */
function statementsOf(response: GraphQLResponse<unknown>): number {
  const last = gateway.lastRequest();
  expect(last.requestId).toBe(response.extensions?.requestId);
  return last.stats.statements;
}

/** A valid Swedish bankgiro number (7 digits + Luhn), with a dash. */
const bankgiro = (n: number) => {
  const payload = String(5050100 + n);
  const value = `${payload}${luhnCheckDigit(payload)}`;
  return `${value.slice(0, 4)}-${value.slice(4)}`;
};

// ---------------------------------------------------------------------------------------------
// 1. The scope matrix
// ---------------------------------------------------------------------------------------------

/** What every matrix case gets: a tenant with a bare client, a client with one of every relation, an archived one. */
interface World {
  tenant: string;
  bare: string;
  bareUniqueId: string;
  bareOrgNumber: string;
  full: string;
  archived: string;
  bankAccountId: string;
  bankAccountUniqueId: string;
  mandateId: string;
  mandateUniqueId: string;
  /** A source system with a queued run, and a spare one with none (deleteSourceSystem). */
  sourceId: string;
  spareSourceId: string;
  runId: string;
  /** A custom action's run of the full client. */
  actionRunId: string;
  /** A webhook subscription (deleteWebhookSubscription). */
  webhookId: string;
}

let worldCounter = 0;
async function makeWorld(): Promise<World> {
  const tenant = gateway.newTenant();
  const n = ++worldCounter;
  const bareOrgNumber = swedishOrgNumber(700000 + n);
  const [bare, full, archived] = await createClients(gateway, tenant, [
    { name: "Bare", countryCode: "SE", orgNumber: bareOrgNumber, externalIdentifiers: [{ source: "crm", externalId: "CRM-BARE" }] },
    {
      name: "Full",
      contract: { contractNumber: "K-1", periodFee: "100.50", startDate: "2026-01-01" },
      factoringLoanContract: { limit: "100000.00", interestRate: "5.2500" },
      factoringPurchaseContract: { limit: "500000.00", recourseDays: 30 },
      bankAccounts: [{ iban: "SE4550000000058398257466", bic: "ESSESESS", bankAccountClass: "SE_BANK_ACCOUNT", ownerType: "CREDITOR", priority: 1 }],
      directDebitMandates: [{ mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: "5050-1055", validFrom: "2026-01-01", validUntil: null }],
      parameters: [{ name: "reminderDays", value: "14" }],
      extraFields: [{ name: "segments", values: ["retail"] }],
      externalIdentifiers: [{ source: "erp", externalId: "ERP-FULL" }],
    },
    { name: "Archived", archivedAt: new Date("2026-01-05T00:00:00Z") },
  ] as never);
  const one = async (sql: string, params: unknown[]) => ((await gateway.dataSource.query(sql, params)) as { v: string }[])[0].v;
  // The token's subject is the harness's "test-user": its favourite, for removeFavoriteClient.
  await gateway.dataSource.query(`INSERT INTO favourite_client (tenant_id, subject, client_id) VALUES ($1, 'test-user', $2)`, [tenant, full]);
  const source = (name: string) =>
    one(`INSERT INTO source_system (tenant_id, kind, name, base_url, company_id, credentials) VALUES ($1, 'CRM', $2, 'https://crm.example.test/', 'acme', 'v1.sealed.by.test') RETURNING id::text AS v`, [tenant, name]);
  const sourceId = await source("A source");
  const spareSourceId = await source("B spare");
  const runId = await one(`INSERT INTO sync_run (tenant_id, source_system_id) VALUES ($1, $2) RETURNING id::text AS v`, [tenant, sourceId]);
  // The company's definitions: services 10 (priced by template "T") and 11 (unused), a template of each kind.
  await gateway.dataSource.query(`INSERT INTO pricelist_service (tenant_id, service_id, name) VALUES ($1, 10, 'Collection'), ($1, 11, 'Unused')`, [tenant]);
  await gateway.dataSource.query(`INSERT INTO pricelist_template (tenant_id, name, lines) VALUES ($1, 'T', $2)`, [
    tenant,
    JSON.stringify([{ pricelistName: "P", currencyCode: null, isActive: true, serviceId: 10, isDefaultPricelist: false, condition: null, creditorFeeEvents: false }]),
  ]);
  await gateway.dataSource.query(`INSERT INTO parameter_template (tenant_id, name, parameters) VALUES ($1, 'T', '[{"name":"p","type":null,"value":"1","href":null}]')`, [tenant]);
  await gateway.dataSource.query(`INSERT INTO chart_of_account_template (tenant_id, name, accounts) VALUES ($1, 'T', '[{"accountNumber":"1510","name":"AR","accountType":null}]')`, [tenant]);
  const actionRunId = await one(
    `INSERT INTO client_action_run (tenant_id, client_id, service_definition, async, status, requested_by) VALUES ($1, $2, 'sendReminder', true, 'QUEUED', 'test-user') RETURNING id::text AS v`,
    [tenant, full],
  );
  const webhookId = await one(
    `INSERT INTO webhook_subscription (tenant_id, url, secret, created_by) VALUES ($1, 'http://127.0.0.1:9/hook', 'v1.sealed.by.test', 'test-user') RETURNING id::text AS v`,
    [tenant],
  );
  return {
    actionRunId,
    webhookId,
    tenant,
    bare,
    full,
    archived,
    bareOrgNumber,
    sourceId,
    spareSourceId,
    runId,
    bareUniqueId: await one(`SELECT unique_id::text AS v FROM client WHERE id = $1`, [bare]),
    bankAccountId: await one(`SELECT id::text AS v FROM bank_account WHERE client_id = $1`, [full]),
    mandateId: await one(`SELECT id::text AS v FROM direct_debit_mandate WHERE client_id = $1`, [full]),
    bankAccountUniqueId: await one(`SELECT unique_id::text AS v FROM bank_account WHERE client_id = $1`, [full]),
    mandateUniqueId: await one(`SELECT unique_id::text AS v FROM direct_debit_mandate WHERE client_id = $1`, [full]),
  };
}

interface RootCase {
  /** The one scope the field needs. */
  needs: string;
  /** The operation (one root field) and its variables; mutations get $key. */
  call(w: World): { query: string; variables?: Json };
  /** What an allowed call answers (its root field's value). */
  expectAnswer(value: any, w: World): void;
  /** An allowed call reads no table (`_service`: the SDL is in memory). */
  readsNothing?: true;
}

const PAYLOAD = "error { code message } dryRun replayed";

/** A mutation with minimal valid arguments, written for real (not a dry run). */
const mutation = (name: string, params: string, args: string, variables: (w: World) => Json, needs = WRITE): RootCase => ({
  needs,
  call: (w) => ({
    query: `mutation M(${[params, "$key: String!"].filter(Boolean).join(", ")}) { ${name}(${[args, "idempotencyKey: $key"].filter(Boolean).join(", ")}) { ${PAYLOAD} } }`,
    variables: variables(w),
  }),
  expectAnswer: (value) => expect(value).toEqual({ error: null, dryRun: false, replayed: false }),
});

const clientId = (pick: (w: World) => string) => (w: World) => ({ clientId: pick(w) });

/** startSync and cancelSync: a payload without dryRun (they take none). */
const syncMutation = (name: string, params: string, args: string, variables: (w: World) => Json): RootCase => ({
  needs: ADMIN,
  call: (w) => ({ query: `mutation M(${params}, $key: String!) { ${name}(${args}, idempotencyKey: $key) { run { id } error { code message } replayed } }`, variables: variables(w) }),
  expectAnswer: (value) => expect(value).toMatchObject({ run: { id: expect.any(String) }, error: null, replayed: false }),
});

/**
 * The expected scope of every root field. Queries need clients:read (@Authorized("clients:read")
 * on each, src/modules/client/client.resolver.ts and favourite/clients-summary.ts). Mutations
 * need the pipeline's scope, clients:write by default (runMutation, src/common/mutation/pipeline.ts);
 * the two favourite specs set scope: "clients:read" (src/modules/favourite/clients-summary.ts).
 * Managing sources and starting syncs needs sources:admin (SOURCES.md); reading source systems
 * and runs needs clients:read, as reading clients does.
 */
const ROOT_FIELDS: Record<"Query" | "Mutation", Record<string, RootCase>> = {
  Query: {
    // Federation v2 (src/federation.ts): what a router asks, under the caller's token and company.
    _entities: {
      needs: READ,
      call: (w) => ({ query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id } } }`, variables: { r: [{ __typename: "Client", id: w.bare }] } }),
      expectAnswer: (value, w) => expect(value).toEqual([{ id: w.bare }]),
    },
    _service: {
      needs: READ,
      call: () => ({ query: `{ _service { sdl } }` }),
      expectAnswer: (value) => expect(value.sdl).toContain(`@key(fields: "countryCode orgNumber")`),
      readsNothing: true,
    },
    client: {
      needs: READ,
      call: (w) => ({ query: `query($id: ID!) { client(id: $id) { id } }`, variables: { id: w.bare } }),
      expectAnswer: (value, w) => expect(value).toEqual({ id: w.bare }),
    },
    clientByUniqueId: {
      needs: READ,
      call: (w) => ({ query: `query($u: UUID!) { clientByUniqueId(uniqueId: $u) { id } }`, variables: { u: w.bareUniqueId } }),
      expectAnswer: (value, w) => expect(value).toEqual({ id: w.bare }),
    },
    bankAccountByUniqueId: {
      needs: READ,
      call: (w) => ({ query: `query($u: UUID!) { bankAccountByUniqueId(uniqueId: $u) { id } }`, variables: { u: w.bankAccountUniqueId } }),
      expectAnswer: (value, w) => expect(value).toEqual({ id: w.bankAccountId }),
    },
    directDebitMandateByUniqueId: {
      needs: READ,
      call: (w) => ({ query: `query($u: UUID!) { directDebitMandateByUniqueId(uniqueId: $u) { id } }`, variables: { u: w.mandateUniqueId } }),
      expectAnswer: (value, w) => expect(value).toEqual({ id: w.mandateId }),
    },
    clientByOrgNumber: {
      needs: READ,
      call: (w) => ({ query: `query($o: String!) { clientByOrgNumber(orgNumber: $o) { id } }`, variables: { o: w.bareOrgNumber } }),
      expectAnswer: (value, w) => expect(value).toEqual({ id: w.bare }),
    },
    clientByExternalId: {
      needs: READ,
      call: () => ({ query: `{ clientByExternalId(source: "crm", externalId: "CRM-BARE") { id } }` }),
      expectAnswer: (value, w) => expect(value).toEqual({ id: w.bare }),
    },
    clients: {
      needs: READ,
      call: () => ({ query: `{ clients(orderBy: [{ field: ID, direction: ASC }]) { nodes { id } } }` }),
      expectAnswer: (value, w) => expect(value).toEqual({ nodes: [{ id: w.bare }, { id: w.full }] }),
    },
    sourceSystems: {
      needs: READ,
      call: () => ({ query: `{ sourceSystems { id } }` }),
      expectAnswer: (value, w) => expect(value).toEqual([{ id: w.sourceId }, { id: w.spareSourceId }]),
    },
    webhookSubscriptions: {
      needs: HOOKS,
      call: () => ({ query: `{ webhookSubscriptions { id } }` }),
      expectAnswer: (value, w) => expect(value).toEqual([{ id: w.webhookId }]),
    },
    sourcePrecedence: {
      needs: READ,
      call: () => ({ query: `{ sourcePrecedence { group isDefault } }` }),
      expectAnswer: (value) => expect(value).toEqual(["IDENTITY", "CONTACT", "FINANCE", "BILLING", "CREDIT"].map((group) => ({ group, isDefault: expect.any(Boolean) }))),
    },
    sourceSystem: {
      needs: READ,
      call: (w) => ({ query: `query($id: ID!) { sourceSystem(id: $id) { id } }`, variables: { id: w.sourceId } }),
      expectAnswer: (value, w) => expect(value).toEqual({ id: w.sourceId }),
    },
    clientChanges: {
      needs: READ,
      call: () => ({ query: `{ clientChanges(first: 1) { pageInfo { hasPreviousPage } } }` }),
      expectAnswer: (value) => expect(value).toEqual({ pageInfo: { hasPreviousPage: false } }),
    },
    syncRun: {
      needs: READ,
      call: (w) => ({ query: `query($id: ID!) { syncRun(id: $id) { id } }`, variables: { id: w.runId } }),
      expectAnswer: (value, w) => expect(value).toEqual({ id: w.runId }),
    },
    pricelistOptions: {
      needs: READ,
      call: (w) => ({ query: `query($id: ID) { pricelistOptions(clientId: $id) { templates { name } services { serviceId } clientTemplate { name } } }`, variables: { id: w.bare } }),
      expectAnswer: (value) => expect(value).toEqual({ templates: [{ name: "T" }], services: [{ serviceId: 10 }, { serviceId: 11 }], clientTemplate: null }),
    },
    parameterTemplates: {
      needs: READ,
      call: () => ({ query: `{ parameterTemplates { name parameters { name value } } }` }),
      expectAnswer: (value) => expect(value).toEqual([{ name: "T", parameters: [{ name: "p", value: "1" }] }]),
    },
    chartOfAccountTemplates: {
      needs: READ,
      call: () => ({ query: `{ chartOfAccountTemplates { name accounts { accountNumber } } }` }),
      expectAnswer: (value) => expect(value).toEqual([{ name: "T", accounts: [{ accountNumber: "1510" }] }]),
    },
    clientActionRun: {
      needs: READ,
      call: (w) => ({ query: `query($id: ID!) { clientActionRun(id: $id) { id status client { id } } }`, variables: { id: w.actionRunId } }),
      expectAnswer: (value, w) => expect(value).toEqual({ id: w.actionRunId, status: "QUEUED", client: { id: w.full } }),
    },
    clientsSummary: {
      needs: READ,
      call: () => ({ query: `{ clientsSummary { accessibleClients archivedClients favoriteCount } }` }),
      expectAnswer: (value) => expect(value).toEqual({ accessibleClients: 2, archivedClients: 1, favoriteCount: 1 }),
    },
  },
  Mutation: {
    createClient: mutation("createClient", "$input: CreateClientInput!", "input: $input", () => ({ input: { name: "New client" } })),
    updateClient: mutation("updateClient", "$id: ID!", `id: $id, patch: { name: "Renamed" }`, (w) => ({ id: w.bare })),
    archiveClient: mutation("archiveClient", "$id: ID!", "id: $id", (w) => ({ id: w.bare })),
    restoreClient: mutation("restoreClient", "$id: ID!", "id: $id", (w) => ({ id: w.archived })),
    bulkCreateClients: mutation("bulkCreateClients", "$inputs: [CreateClientInput!]!", "inputs: $inputs", () => ({ inputs: [{ name: "Bulk 1" }] })),
    createClientContract: mutation("createClientContract", "$clientId: ID!", `clientId: $clientId, input: { startDate: "2026-01-01" }`, clientId((w) => w.bare)),
    updateClientContract: mutation("updateClientContract", "$clientId: ID!", `clientId: $clientId, patch: { note: "Renewed" }`, clientId((w) => w.full)),
    deleteClientContract: mutation("deleteClientContract", "$clientId: ID!", "clientId: $clientId", clientId((w) => w.full)),
    createFactoringLoanContract: mutation("createFactoringLoanContract", "$clientId: ID!", `clientId: $clientId, input: { limit: "100000" }`, clientId((w) => w.bare)),
    updateFactoringLoanContract: mutation("updateFactoringLoanContract", "$clientId: ID!", `clientId: $clientId, patch: { maxPercent: "95" }`, clientId((w) => w.full)),
    deleteFactoringLoanContract: mutation("deleteFactoringLoanContract", "$clientId: ID!", "clientId: $clientId", clientId((w) => w.full)),
    createFactoringPurchaseContract: mutation("createFactoringPurchaseContract", "$clientId: ID!", `clientId: $clientId, input: { limit: "500000" }`, clientId((w) => w.bare)),
    updateFactoringPurchaseContract: mutation("updateFactoringPurchaseContract", "$clientId: ID!", `clientId: $clientId, patch: { recourseDays: 45 }`, clientId((w) => w.full)),
    deleteFactoringPurchaseContract: mutation("deleteFactoringPurchaseContract", "$clientId: ID!", "clientId: $clientId", clientId((w) => w.full)),
    createBankAccount: mutation(
      "createBankAccount",
      "$clientId: ID!, $no: String!",
      "clientId: $clientId, input: { bankAccountClass: SE_BANKGIRO, bankAccountNo: $no }",
      (w) => ({ clientId: w.bare, no: bankgiro(1) }),
    ),
    updateBankAccount: mutation("updateBankAccount", "$id: ID!", `id: $id, patch: { description: "Main" }`, (w) => ({ id: w.bankAccountId })),
    deleteBankAccount: mutation("deleteBankAccount", "$id: ID!", "id: $id", (w) => ({ id: w.bankAccountId })),
    createDirectDebitMandate: mutation(
      "createDirectDebitMandate",
      "$clientId: ID!, $no: String!",
      "clientId: $clientId, input: { mandateType: SWEDISH_AUTOGIRO, receivingBankAccountNo: $no }",
      (w) => ({ clientId: w.bare, no: bankgiro(2) }),
    ),
    closeDirectDebitMandate: mutation("closeDirectDebitMandate", "$id: ID!", "id: $id", (w) => ({ id: w.mandateId })),
    setClientParameter: mutation("setClientParameter", "$clientId: ID!", `clientId: $clientId, name: "reminderDays", input: { value: "21" }`, clientId((w) => w.bare)),
    deleteClientParameter: mutation("deleteClientParameter", "$clientId: ID!", `clientId: $clientId, name: "reminderDays"`, clientId((w) => w.full)),
    setExtraField: mutation("setExtraField", "$clientId: ID!", `clientId: $clientId, name: "segments", values: ["nordic"]`, clientId((w) => w.bare)),
    deleteExtraField: mutation("deleteExtraField", "$clientId: ID!", `clientId: $clientId, name: "segments"`, clientId((w) => w.full)),
    createClientPricelist: mutation("createClientPricelist", "$clientId: ID!", `clientId: $clientId, input: { pricelistName: "Standard" }`, clientId((w) => w.bare)),
    addExternalIdentifier: mutation("addExternalIdentifier", "$clientId: ID!", `clientId: $clientId, source: "crm", externalId: "CRM-NEW"`, clientId((w) => w.bare)),
    removeExternalIdentifier: mutation("removeExternalIdentifier", "", `source: "erp", externalId: "ERP-FULL"`, () => ({})),
    addFavoriteClient: mutation("addFavoriteClient", "$clientId: ID!", "clientId: $clientId", clientId((w) => w.bare), READ),
    removeFavoriteClient: mutation("removeFavoriteClient", "$clientId: ID!", "clientId: $clientId", clientId((w) => w.full), READ),
    createSourceSystem: mutation(
      "createSourceSystem",
      "",
      `input: { kind: CREDIT_DATA, name: "Credit data", baseUrl: "https://credit.example.test", auth: { bearerToken: "credit-token" } }`,
      () => ({}),
      ADMIN,
    ),
    updateSourceSystem: mutation("updateSourceSystem", "$id: ID!", `id: $id, patch: { name: "Renamed" }`, (w) => ({ id: w.sourceId }), ADMIN),
    createWebhookSubscription: mutation("createWebhookSubscription", "", `input: { url: "http://127.0.0.1:9/new" }`, () => ({}), HOOKS),
    deleteWebhookSubscription: mutation("deleteWebhookSubscription", "$id: ID!", "id: $id", (w) => ({ id: w.webhookId }), HOOKS),
    deleteSourceSystem: mutation("deleteSourceSystem", "$id: ID!", "id: $id", (w) => ({ id: w.spareSourceId }), ADMIN),
    startSync: syncMutation("startSync", "$id: ID!", "sourceId: $id", (w) => ({ id: w.spareSourceId })),
    cancelSync: syncMutation("cancelSync", "$id: ID!", "runId: $id", (w) => ({ id: w.runId })),
    setPricelistService: mutation("setPricelistService", "", `serviceId: 12, input: { name: "Factoring" }`, () => ({})),
    deletePricelistService: mutation("deletePricelistService", "", "serviceId: 11", () => ({})),
    setPricelistTemplate: mutation("setPricelistTemplate", "", `name: "U", input: { lines: [{ pricelistName: "P", serviceId: 10 }] }`, () => ({})),
    deletePricelistTemplate: mutation("deletePricelistTemplate", "", `name: "T"`, () => ({})),
    setParameterTemplate: mutation("setParameterTemplate", "", `name: "T", input: { parameters: [{ name: "p", value: "2" }] }`, () => ({})),
    deleteParameterTemplate: mutation("deleteParameterTemplate", "", `name: "T"`, () => ({})),
    setChartOfAccountTemplate: mutation("setChartOfAccountTemplate", "", `name: "U", input: { accounts: [{ accountNumber: "1", name: "Cash", accountType: ASSET }] }`, () => ({})),
    deleteChartOfAccountTemplate: mutation("deleteChartOfAccountTemplate", "", `name: "T"`, () => ({})),
    // The world has no Aptic source: the call is checked, recorded (its key) and answered NO_APTIC_SOURCE, never forwarded.
    invokeClientAction: {
      ...mutation("invokeClientAction", "$clientId: ID!", `clientId: $clientId, serviceDefinition: "sendReminder"`, clientId((w) => w.full)),
      expectAnswer: (value) => expect(value).toMatchObject({ error: { code: "NO_APTIC_SOURCE" }, dryRun: false, replayed: false }),
    },
    invokeAction: {
      ...mutation("invokeAction", "", `serviceDefinition: "recalculate"`, () => ({})),
      expectAnswer: (value) => expect(value).toMatchObject({ error: { code: "NO_APTIC_SOURCE" }, dryRun: false, replayed: false }),
    },
    setSourcePrecedence: mutation("setSourcePrecedence", "", "group: BILLING, sources: [INVOICING, CRM]", () => ({}), ADMIN),
  },
};

describe("scope matrix", () => {
  it("has an entry for every root field of Query and Mutation, and none for a field that isn't there", async () => {
    const schema = await buildGatewaySchema();
    const inSchema = {
      Query: Object.keys(schema.getQueryType()!.getFields()).sort(),
      Mutation: Object.keys(schema.getMutationType()!.getFields()).sort(),
    };
    expect(inSchema.Query.length).toBeGreaterThan(0);
    expect(inSchema.Mutation.length).toBeGreaterThan(0);
    expect({ Query: Object.keys(ROOT_FIELDS.Query).sort(), Mutation: Object.keys(ROOT_FIELDS.Mutation).sort() }).toEqual(inSchema);
    expect(schema.getSubscriptionType()).toBeFalsy();
  });

  const cases = (["Query", "Mutation"] as const).flatMap((root) =>
    Object.entries(ROOT_FIELDS[root]).flatMap(([field, c]) =>
      SCOPE_SETS.map((scopes) => [root, field, scopes.length ? scopes.join(" ") : "no scope", scopes, c] as const),
    ),
  );

  describe.each(cases)("%s.%s with [%s]", (root, field, _label, scopes, c) => {
    const allowed = scopes.includes(c.needs);

    it(allowed ? `is answered (needs ${c.needs})` : `is FORBIDDEN before any SQL, and writes nothing (needs ${c.needs})`, async () => {
      const w = await makeWorld();
      const { query, variables } = c.call(w);
      const before = await tenantState(w.tenant);
      const response = await gateway.send<Json>(query, root === "Mutation" ? { key: newKey(), ...variables } : variables ?? {}, { tenant: w.tenant, scopes });
      const statements = statementsOf(response);
      const after = await tenantState(w.tenant);
      if (allowed) {
        expect(response.errors).toBeUndefined();
        c.expectAnswer(response.data?.[field], w);
        if (c.readsNothing) expect(statements).toBe(0);
        else expect(statements).toBeGreaterThan(0);
        // A mutation's write went through (at least its idempotency key): the refusals below are not vacuous.
        if (root === "Mutation") {
          expect(after).not.toEqual(before);
          expect(after.idempotency_key.rows).toBe(before.idempotency_key.rows + 1);
        } else {
          expect(after).toEqual(before);
        }
      } else {
        // The pipeline throws the refusal (runMutation: `throw forbidden(...)`): it is a request-level
        // GraphQL error for mutations too, not a payload error (MutationErrorCode has no FORBIDDEN).
        // No value: data is null for a non-null root field (every mutation, clients, clientsSummary), { field: null } for a nullable one.
        expect(response.data?.[field] ?? null).toBeNull();
        expect(response.errors).toHaveLength(1);
        expect(response.errors![0]).toMatchObject({ path: [field], extensions: { code: "FORBIDDEN" } });
        expect(response.errors![0].message).toContain(c.needs);
        expect(statements).toBe(0);
        expect(after).toEqual(before);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// 2. The personnummer of an INDIVIDUAL client, without clients:pii
// ---------------------------------------------------------------------------------------------

/** A personnummer of someone born in the 1900s, as the gateway stores (12 digits) and shows it. */
function person(yymmdd: string, serial: string) {
  const ten = swedishPersonalNumber(yymmdd, serial);
  const twelve = `19${ten}`;
  return {
    ten,
    twelve,
    shown: `19${ten.slice(0, 6)}-${ten.slice(6)}`,
    masked: `19${ten.slice(0, 6)}-****`,
    vat: `SE${ten}01`,
    maskedVat: `SE${ten.slice(0, 6)}****01`,
    /** Any writing of the full number: 10 or 12 digits, with or without a separator, inside a VAT number. */
    pattern: new RegExp(`${ten.slice(0, 6)}[^0-9A-Za-z*"]{0,3}${ten.slice(6)}`),
  };
}

/** The client's numbers before its update, its numbers after, and the ones only ever sent in calls. */
const OLD = person("750614", "482");
const MAIN = person("680229", "375");
const PREVIEW = person("920317", "618");
const BULK = person("831105", "734");
const BULK_PREVIEW = person("870503", "259");
const REPLAY = person("550720", "846");
const CREATED = person("640102", "597");
const EVERY_NUMBER = [OLD, MAIN, PREVIEW, BULK, BULK_PREVIEW, REPLAY, CREATED];

const NO_PII = [READ, WRITE];
const WITH_PII = [READ, WRITE, PII];

/** The response as JSON must not hold any of these personnummers in full, in any writing. */
function expectNoFullNumber(response: unknown, numbers = EVERY_NUMBER): void {
  const text = JSON.stringify(response);
  for (const n of numbers) {
    expect({ number: n.ten, found: n.pattern.test(text) }).toEqual({ number: n.ten, found: false });
  }
}

it("the full-number detector recognises every writing of a personnummer, and not its masked forms", () => {
  for (const writing of [MAIN.ten, MAIN.twelve, MAIN.shown, `${MAIN.ten.slice(0, 6)}-${MAIN.ten.slice(6)}`, `${MAIN.ten.slice(0, 6)}+${MAIN.ten.slice(6)}`, MAIN.vat]) {
    expect(() => expectNoFullNumber({ orgNumber: writing })).toThrow();
  }
  expect(() => expectNoFullNumber({ orgNumber: MAIN.masked, vatNumber: MAIN.maskedVat, idNumber: `${MAIN.ten.slice(0, 6)}-****` })).not.toThrow();
});

describe("personal identity numbers without clients:pii", () => {
  let tenant: string;
  let businessOrg: string;
  let business: string;
  let individual: string;
  let individualUniqueId: string;
  let childOfIndividual: string;

  const ERR = "error { code message failures { field message } }";
  const NUMBERS = "id orgNumber vatNumber";

  async function run(query: string, variables: Json, scopes: string[]): Promise<GraphQLResponse<Json>> {
    return gateway.send<Json>(query, variables, { tenant, scopes });
  }
  /** A mutation that must succeed (error null); answers its payload. */
  async function must(query: string, variables: Json, scopes = WITH_PII): Promise<Json> {
    const payload = Object.values(dataOf(await run(query, { key: newKey(), ...variables }, scopes)))[0] as Json;
    if (payload.error) throw new Error(`setup failed: ${JSON.stringify(payload.error)}`);
    return payload;
  }
  const CREATE = `mutation($input: CreateClientInput!, $key: String!, $dryRun: Boolean) { createClient(input: $input, idempotencyKey: $key, dryRun: $dryRun) { ${ERR} dryRun replayed client { ${NUMBERS} uniqueId } preview { orgNumber vatNumber } } }`;
  const UPDATE = `mutation($id: ID!, $patch: UpdateClientInput!, $key: String!, $dryRun: Boolean) { updateClient(id: $id, patch: $patch, idempotencyKey: $key, dryRun: $dryRun) { ${ERR} dryRun client { ${NUMBERS} } preview { orgNumber vatNumber } } }`;
  const CONTRACT_FIELDS = "id idNumber";

  beforeAll(async () => {
    tenant = gateway.newTenant();
    businessOrg = swedishOrgNumber(424242);
    // Written through the API (so the audit trail has them) by a caller with clients:pii.
    business = (await must(CREATE, { input: { name: "Parent AB", countryCode: "SE", orgNumber: businessOrg, vatNumber: `SE${businessOrg}01` } })).client.id;
    const created = await must(CREATE, {
      input: { name: "Karin Lund", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: OLD.ten, vatNumber: OLD.vat, parentId: business },
    });
    individual = created.client.id;
    individualUniqueId = created.client.uniqueId;
    // Before and after of the org and VAT numbers in the audit trail are both personnummers.
    await must(UPDATE, { id: individual, patch: { orgNumber: MAIN.shown, vatNumber: MAIN.vat } });
    childOfIndividual = (await must(CREATE, { input: { name: "Child AB", countryCode: "SE", orgNumber: swedishOrgNumber(424243), parentId: individual } })).client.id;
    // The contract's idNumber: first the 10-digit writing, then the 12-digit one (before/after in the audit trail).
    await must(`mutation($c: ID!, $id: String!, $key: String!) { createClientContract(clientId: $c, input: { idNumber: $id, startDate: "2026-01-01" }, idempotencyKey: $key) { ${ERR} } }`, {
      c: individual,
      id: `${OLD.ten.slice(0, 6)}-${OLD.ten.slice(6)}`,
    });
    await must(`mutation($c: ID!, $id: String!, $key: String!) { updateClientContract(clientId: $c, patch: { idNumber: $id }, idempotencyKey: $key) { ${ERR} } }`, {
      c: individual,
      id: MAIN.shown,
    });
    await must(`mutation($c: ID!, $key: String!) { addExternalIdentifier(clientId: $c, source: "crm", externalId: "KARIN", idempotencyKey: $key) { ${ERR} } }`, { c: individual });
    await must(`mutation($c: ID!, $key: String!) { addFavoriteClient(clientId: $c, idempotencyKey: $key) { ${ERR} } }`, { c: individual });
  });

  const DETAILS = `${NUMBERS} contract { ${CONTRACT_FIELDS} }`;

  it("client(id): orgNumber, vatNumber and the contract's idNumber masked", async () => {
    const response = await run(`query($id: ID!) { client(id: $id) { ${DETAILS} } }`, { id: individual }, NO_PII);
    expect(dataOf(response).client).toEqual({ id: individual, orgNumber: MAIN.masked, vatNumber: MAIN.maskedVat, contract: { id: expect.any(String), idNumber: MAIN.masked } });
    expectNoFullNumber(response);
  });

  it("with clients:pii the details show the full number (control)", async () => {
    const response = await run(`query($id: ID!) { client(id: $id) { ${DETAILS} } }`, { id: individual }, [READ, PII]);
    expect(dataOf(response).client).toEqual({ id: individual, orgNumber: MAIN.shown, vatNumber: MAIN.vat, contract: { id: expect.any(String), idNumber: MAIN.shown } });
    expect(() => expectNoFullNumber(response, [MAIN])).toThrow();
    const list = await run(`{ clients { nodes { ${NUMBERS} } } }`, {}, [READ, PII]);
    expect(dataOf(list).clients.nodes).toContainEqual({ id: individual, orgNumber: MAIN.shown, vatNumber: MAIN.vat });
  });

  it("clients list: nodes and edges masked; businesses shown in full", async () => {
    const response = await run(`{ clients(first: 100) { nodes { ${DETAILS} } edges { node { ${DETAILS} } } } }`, {}, NO_PII);
    const { nodes, edges } = dataOf(response).clients;
    expect(nodes).toContainEqual(expect.objectContaining({ id: individual, orgNumber: MAIN.masked, vatNumber: MAIN.maskedVat, contract: expect.objectContaining({ idNumber: MAIN.masked }) }));
    expect(edges.map((e: Json) => e.node)).toContainEqual(expect.objectContaining({ id: individual, orgNumber: MAIN.masked, vatNumber: MAIN.maskedVat }));
    expect(nodes).toContainEqual(expect.objectContaining({ id: business, orgNumber: `${businessOrg.slice(0, 6)}-${businessOrg.slice(6)}`, vatNumber: `SE${businessOrg}01` }));
    expectNoFullNumber(response);
  });

  it("clientByUniqueId and clientByExternalId: masked", async () => {
    const byUnique = await run(`query($u: UUID!) { clientByUniqueId(uniqueId: $u) { ${DETAILS} } }`, { u: individualUniqueId }, NO_PII);
    expect(dataOf(byUnique).clientByUniqueId).toMatchObject({ id: individual, orgNumber: MAIN.masked, vatNumber: MAIN.maskedVat });
    expectNoFullNumber(byUnique);
    const byExternal = await run(`{ clientByExternalId(source: "crm", externalId: "KARIN") { ${DETAILS} } }`, {}, NO_PII);
    expect(dataOf(byExternal).clientByExternalId).toMatchObject({ id: individual, orgNumber: MAIN.masked });
    expectNoFullNumber(byExternal);
  });

  it("children of its parent and parent of its child: masked", async () => {
    const response = await run(
      `query($b: ID!, $c: ID!) { parentSide: client(id: $b) { children { ${DETAILS} } } childSide: client(id: $c) { parent { ${DETAILS} parent { ${NUMBERS} } } } }`,
      { b: business, c: childOfIndividual },
      NO_PII,
    );
    const data = dataOf(response);
    expect(data.parentSide.children).toEqual([expect.objectContaining({ id: individual, orgNumber: MAIN.masked, vatNumber: MAIN.maskedVat })]);
    expect(data.childSide.parent).toMatchObject({ id: individual, orgNumber: MAIN.masked, vatNumber: MAIN.maskedVat, contract: { idNumber: MAIN.masked } });
    expectNoFullNumber(response);
  });

  it("clientsSummary favorites and latestOpened: masked", async () => {
    dataOf(await run(`query($id: ID!) { client(id: $id) { id } }`, { id: individual }, NO_PII));
    await gateway.flushOpenedClients();
    const response = await run(`{ clientsSummary { favorites { ${NUMBERS} } latestOpened { ${NUMBERS} } } }`, {}, NO_PII);
    const summary = dataOf(response).clientsSummary;
    expect(summary.favorites).toEqual([{ id: individual, orgNumber: MAIN.masked, vatNumber: MAIN.maskedVat }]);
    expect(summary.latestOpened).toContainEqual({ id: individual, orgNumber: MAIN.masked, vatNumber: MAIN.maskedVat });
    expectNoFullNumber(response);
  });

  it("history: before and after values of org number, VAT number and the contract's idNumber masked", async () => {
    const response = await run(
      `query($id: ID!) { client(id: $id) { history(first: 100) { nodes { operation entityType changes { field before after } } edges { node { changes { field before after } } } } } }`,
      { id: individual },
      NO_PII,
    );
    const changes = dataOf(response).client.history.nodes.flatMap((n: Json) => n.changes.map((c: Json) => ({ ...c, operation: n.operation })));
    expect(changes).toContainEqual({ operation: "updateClient", field: "orgNumber", before: OLD.masked, after: MAIN.masked });
    expect(changes).toContainEqual({ operation: "updateClient", field: "vatNumber", before: OLD.maskedVat, after: MAIN.maskedVat });
    expect(changes).toContainEqual({ operation: "updateClientContract", field: "idNumber", before: `${OLD.ten.slice(0, 6)}-****`, after: MAIN.masked });
    expectNoFullNumber(response);
    // The audit trail never holds it in clear, whoever reads it.
    expectNoFullNumber(await run(`query($id: ID!) { client(id: $id) { history(first: 100) { nodes { changes { field before after } } } } }`, { id: individual }, [READ, PII]));
  });

  it("a dry-run createClient's preview, and a dry-run updateClient's preview: masked", async () => {
    // A caller without clients:pii can't send a personnummer (test/personal-number-oracles.test.ts), so its preview has none to show.
    const create = await run(CREATE, { key: newKey(), dryRun: true, input: { name: "Preview Person", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: PREVIEW.ten, vatNumber: PREVIEW.vat } }, NO_PII);
    expect(dataOf(create).createClient).toMatchObject({ error: { code: "INVALID_DATA" }, dryRun: true, client: null, preview: null });
    expectNoFullNumber(create);
    const update = await run(UPDATE, { key: newKey(), dryRun: true, id: individual, patch: { notes: "dry" } }, NO_PII);
    expect(dataOf(update).updateClient).toMatchObject({ error: null, dryRun: true, client: null, preview: { orgNumber: MAIN.masked, vatNumber: MAIN.maskedVat } });
    expectNoFullNumber(update);
  });

  it("createClient's and updateClient's payload client: masked", async () => {
    // Created by a caller with clients:pii; a caller without it replaying that call is refused (it sends the number), an update's payload is masked.
    const key = newKey();
    const input = { name: "Created Person", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: CREATED.ten, vatNumber: CREATED.vat };
    expect(dataOf(await run(CREATE, { key, input }, WITH_PII)).createClient).toMatchObject({ error: null, client: { orgNumber: CREATED.shown, vatNumber: CREATED.vat } });
    const create = await run(CREATE, { key, input }, NO_PII);
    expect(dataOf(create).createClient).toMatchObject({ error: { code: "INVALID_DATA" }, replayed: false, client: null });
    expectNoFullNumber(create);
    const update = await run(UPDATE, { key: newKey(), id: individual, patch: { notes: "seen" } }, NO_PII);
    expect(dataOf(update).updateClient).toMatchObject({ error: null, client: { id: individual, orgNumber: MAIN.masked, vatNumber: MAIN.maskedVat } });
    expectNoFullNumber(update);
  });

  it("a replay, by a caller without clients:pii, of a call made with it: masked", async () => {
    const key = newKey();
    const input = { name: "Replayed Person", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: REPLAY.ten };
    const first = dataOf(await run(CREATE, { key, input }, WITH_PII)).createClient;
    expect(first).toMatchObject({ error: null, replayed: false, client: { orgNumber: REPLAY.shown } });
    // The same call without clients:pii sends the number: refused before the key is looked up (else the replay would confirm the number).
    const refused = await run(CREATE, { key, input }, NO_PII);
    expect(dataOf(refused).createClient).toMatchObject({ error: { code: "INVALID_DATA" }, replayed: false, client: null });
    expectNoFullNumber(refused);
    // A call that sends no number is replayed to it, masked.
    const updateKey = newKey();
    const update = { id: first.client.id, patch: { notes: "replayed" } };
    expect(dataOf(await run(UPDATE, { key: updateKey, ...update }, WITH_PII)).updateClient).toMatchObject({ error: null, client: { orgNumber: REPLAY.shown } });
    const again = await run(`mutation($id: ID!, $patch: UpdateClientInput!, $key: String!) { updateClient(id: $id, patch: $patch, idempotencyKey: $key) { ${ERR} replayed client { ${NUMBERS} } } }`, { key: updateKey, ...update }, NO_PII);
    expect(dataOf(again).updateClient).toMatchObject({ error: null, replayed: true, client: { id: first.client.id, orgNumber: REPLAY.masked } });
    expectNoFullNumber(again);
  });

  it("the contract's payloads: record and dry-run preview masked", async () => {
    const CONTRACT = `mutation($c: ID!, $patch: UpdateClientContractInput!, $key: String!, $dryRun: Boolean) { updateClientContract(clientId: $c, patch: $patch, idempotencyKey: $key, dryRun: $dryRun) { ${ERR} contract { ${CONTRACT_FIELDS} } preview { idNumber } client { ${DETAILS} } } }`;
    const written = await run(CONTRACT, { key: newKey(), c: individual, patch: { note: "payload" } }, NO_PII);
    expect(dataOf(written).updateClientContract).toMatchObject({ error: null, contract: { idNumber: MAIN.masked }, client: { contract: { idNumber: MAIN.masked } } });
    expectNoFullNumber(written);
    const dry = await run(CONTRACT, { key: newKey(), dryRun: true, c: individual, patch: { note: "dry" } }, NO_PII);
    expect(dataOf(dry).updateClientContract).toMatchObject({ error: null, contract: null, preview: { idNumber: MAIN.masked } });
    expectNoFullNumber(dry);
  });

  it("bulkCreateClients: each result's client and dry-run preview masked, and a duplicate's error holds no number", async () => {
    const BULK_CREATE = `mutation($inputs: [CreateClientInput!]!, $key: String!, $dryRun: Boolean) { bulkCreateClients(inputs: $inputs, idempotencyKey: $key, dryRun: $dryRun) { ${ERR} results { ok requestIndex ${ERR} client { ${NUMBERS} } preview { orgNumber vatNumber } } } }`;
    const inputs = [
      { name: "Bulk Person", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: BULK.ten, vatNumber: BULK.vat },
      { name: "Bulk Twin", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: MAIN.shown },
    ];
    // Without clients:pii a batch that sends a personnummer is refused whole, naming every such field, with no number in the answer.
    const response = await run(BULK_CREATE, { key: newKey(), inputs }, NO_PII);
    const payload = dataOf(response).bulkCreateClients;
    expect(payload.results).toEqual([]);
    expect(payload.error).toMatchObject({ code: "INVALID_DATA", failures: ["inputs.0.orgNumber", "inputs.0.vatNumber", "inputs.1.orgNumber"].map((field) => ({ field })) });
    expectNoFullNumber(response);
    const dry = await run(BULK_CREATE, { key: newKey(), dryRun: true, inputs: [{ name: "Bulk Preview", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: BULK_PREVIEW.ten, vatNumber: BULK_PREVIEW.vat }] }, NO_PII);
    expect(dataOf(dry).bulkCreateClients).toMatchObject({ results: [], error: { code: "INVALID_DATA" } });
    expectNoFullNumber(dry);

    // With clients:pii the batch runs; the duplicate's error holds no number, and the created client's numbers are masked for a reader without it.
    const written = dataOf(await run(BULK_CREATE, { key: newKey(), inputs }, WITH_PII)).bulkCreateClients;
    expect(written.error).toBeNull();
    expect(written.results[0]).toMatchObject({ ok: true, client: { orgNumber: BULK.shown, vatNumber: BULK.vat } });
    expect(written.results[1]).toMatchObject({ ok: false, client: null, error: { code: "CLIENT_DUPLICATE_ORG_NUMBER" } });
    expectNoFullNumber(written.results[1].error);
    const read = await run(`query($id: ID!) { client(id: $id) { ${NUMBERS} } }`, { id: written.results[0].client.id }, NO_PII);
    expect(dataOf(read).client).toMatchObject({ orgNumber: BULK.masked, vatNumber: BULK.maskedVat });
    expectNoFullNumber(read);
    const preview = await run(BULK_CREATE, { key: newKey(), dryRun: true, inputs: [{ name: "Bulk Preview", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: BULK_PREVIEW.ten, vatNumber: BULK_PREVIEW.vat }] }, WITH_PII);
    expect(dataOf(preview).bulkCreateClients.results[0]).toMatchObject({ ok: true, client: null, preview: { orgNumber: BULK_PREVIEW.shown, vatNumber: BULK_PREVIEW.vat } });
  });

  it("CLIENT_DUPLICATE_ORG_NUMBER of a twin (create and update): no number in its message or fields", async () => {
    // Only a caller with clients:pii may send a personnummer, so only it learns of a twin (test/personal-number-oracles.test.ts).
    const twin = await run(CREATE, { key: newKey(), input: { name: "Twin", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: MAIN.twelve } }, WITH_PII);
    const error = dataOf(twin).createClient.error;
    expect(error).toMatchObject({ code: "CLIENT_DUPLICATE_ORG_NUMBER", failures: [{ field: "input.orgNumber" }] });
    expect(error.message.length).toBeGreaterThan(0);
    expectNoFullNumber(twin);
    // Another sole trader taking the number by an update.
    const other = (await must(CREATE, { input: { name: "Other Person", clientType: "INDIVIDUAL", countryCode: "SE" } })).client.id;
    const update = await run(UPDATE, { key: newKey(), id: other, patch: { orgNumber: MAIN.ten } }, WITH_PII);
    expect(dataOf(update).updateClient.error).toMatchObject({ code: "CLIENT_DUPLICATE_ORG_NUMBER", failures: [{ field: "patch.orgNumber" }] });
    expectNoFullNumber(update);
    // Without clients:pii both are refused for sending a personnummer, with no number either.
    for (const [response, field] of [
      [await run(CREATE, { key: newKey(), input: { name: "Twin", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: MAIN.twelve } }, NO_PII), "createClient"],
      [await run(UPDATE, { key: newKey(), id: other, patch: { orgNumber: MAIN.ten } }, NO_PII), "updateClient"],
    ] as const) {
      expect(dataOf(response)[field].error).toMatchObject({ code: "INVALID_DATA", failures: [{ message: expect.stringContaining("clients:pii") }] });
      expectNoFullNumber(response);
    }
  });

  // -------------------------------------------------------------------------------------------
  // 3. Lookups, filters and search by personnummer
  // -------------------------------------------------------------------------------------------

  const LIST = `query($filter: ClientFilter, $search: String) { clients(filter: $filter, search: $search, first: 100) { nodes { id } } }`;
  const ids = async (variables: Json, scopes: string[]): Promise<string[]> =>
    dataOf(await run(LIST, variables, scopes)).clients.nodes.map((n: Json) => n.id);
  const byOrgNumber = async (orgNumber: string, scopes: string[], countryCode?: string): Promise<Json | null> =>
    dataOf(await run(`query($o: String!, $c: CountryCode) { clientByOrgNumber(orgNumber: $o, countryCode: $c) { id } }`, { o: orgNumber, c: countryCode ?? null }, scopes)).clientByOrgNumber;

  describe("without clients:pii an INDIVIDUAL client is not found by its personnummer; a business still is", () => {
    it("clientByOrgNumber(personnummer) is null", async () => {
      for (const writing of [MAIN.shown, MAIN.twelve, MAIN.ten]) {
        expect({ writing, found: await byOrgNumber(writing, NO_PII) }).toEqual({ writing, found: null });
      }
      expect(await byOrgNumber(MAIN.shown, [READ], "SE")).toBeNull();
      expect(await byOrgNumber(businessOrg, NO_PII)).toEqual({ id: business });
      expect(await byOrgNumber(`${businessOrg.slice(0, 6)}-${businessOrg.slice(6)}`, [READ], "SE")).toEqual({ id: business });
    });

    it("clients(filter: { orgNumber: { eq / in } }) leaves it out", async () => {
      expect(await ids({ filter: { orgNumber: { eq: MAIN.shown } } }, NO_PII)).toEqual([]);
      expect(await ids({ filter: { orgNumber: { eq: MAIN.twelve } } }, [READ])).toEqual([]);
      expect(await ids({ filter: { orgNumber: { in: [MAIN.twelve, businessOrg] } } }, NO_PII)).toEqual([business]);
      expect(await ids({ filter: { orgNumber: { eq: businessOrg } } }, NO_PII)).toEqual([business]);
    });

    it("clients(search: personnummer) leaves it out", async () => {
      for (const writing of [MAIN.shown, MAIN.twelve, MAIN.ten, `${MAIN.ten.slice(0, 6)}-${MAIN.ten.slice(6)}`]) {
        expect({ writing, found: await ids({ search: writing }, NO_PII) }).toEqual({ writing, found: [] });
      }
      expect(await ids({ search: businessOrg }, NO_PII)).toEqual([business]);
      expect(await ids({ search: `${businessOrg.slice(0, 6)}-${businessOrg.slice(6)}` }, [READ])).toEqual([business]);
    });

    it("nor by a part of it that reaches into the hidden serial digits (filter startsWith / contains, search)", async () => {
      const partial = MAIN.twelve.slice(0, 10); // the date and two of the four masked digits
      expect(await ids({ filter: { orgNumber: { startsWith: partial } } }, NO_PII)).not.toContain(individual);
      expect(await ids({ filter: { orgNumber: { contains: MAIN.ten.slice(4) } } }, NO_PII)).not.toContain(individual);
      expect(await ids({ search: partial }, NO_PII)).not.toContain(individual);
      // With clients:pii the same conditions find it (the control that these conditions match at all).
      expect(await ids({ filter: { orgNumber: { startsWith: partial } } }, [READ, PII])).toContain(individual);
      expect(await ids({ filter: { orgNumber: { contains: MAIN.ten.slice(4) } } }, [READ, PII])).toContain(individual);
      expect(await ids({ search: partial }, [READ, PII])).toContain(individual);
    });
  });

  describe("with clients:pii the personnummer finds the INDIVIDUAL client", () => {
    it("clientByOrgNumber, filter eq and search", async () => {
      expect(await byOrgNumber(MAIN.shown, [READ, PII])).toEqual({ id: individual });
      expect(await byOrgNumber(MAIN.twelve, WITH_PII, "SE")).toEqual({ id: individual });
      expect(await ids({ filter: { orgNumber: { eq: MAIN.shown } } }, [READ, PII])).toEqual([individual]);
      expect(await ids({ search: MAIN.shown }, [READ, PII])).toEqual([individual]);
      expect(await ids({ search: MAIN.ten }, WITH_PII)).toEqual([individual]);
    });
  });
});
