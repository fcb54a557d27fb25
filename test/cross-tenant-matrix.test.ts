import fs from "node:fs";
import path from "node:path";
import { buildSchema, getNamedType, GraphQLArgument, GraphQLInputField, GraphQLSchema, isInputObjectType } from "graphql";
import { luhnCheckDigit } from "../src/common/validation/checksums";
import { buildGatewaySchema } from "../src/schema";
import { createClients, fullGraph } from "./helpers/fixtures";
import { dataOf, GraphQLResponse, TestGateway } from "./helpers/harness";
import { newKey, swedishOrgNumber, WRITER } from "./helpers/mutations";

/**
 * The cross-tenant matrix (issue requirement): every query and mutation that takes an id, GUID,
 * org number, external id or idempotency key, called with tenant A's token (the most powerful
 * one) on tenant B's data, reads nothing of B and changes nothing of B.
 *
 * Tenant B has a row in every tenant table and has called every mutation with a known key.
 * Each case calls its field as A with B's identifiers (and, for mutations, each B's used key
 * with B's exact arguments) and checks the answer; after each case, and at the end, B's rows
 * of every tenant table must be exactly as they were. A completeness test fails for any root
 * field taking such an argument that has no case here.
 */

let gateway: TestGateway;
let tenantA: string;
let tenantB: string;

/** The most powerful caller: only tenant isolation can stop it. */
const A_SCOPES = ["clients:read", "clients:write", "clients:pii", "sources:admin", "webhooks:admin"];
const B_SCOPES = [...WRITER, "clients:pii", "sources:admin", "webhooks:admin"];
/** An id nobody has: A's answer with B's id must be the same as with this one. */
const MISSING = "999999999999";
/** Every name and text of B's contains this; none of A's answers may. */
const SECRET = "B's secret";

const ERROR = "error { code message failures { field message } }";
const CLIENT_FIELDS = "__typename id uniqueId name orgNumber";
const CLIENT = `client { ${CLIENT_FIELDS} }`;

/** A valid Swedish bankgiro number (7 digits + Luhn check digit), with a dash. */
const bankgiro = (n: number) => {
  const payload = String(5050100 + n);
  const value = `${payload}${luhnCheckDigit(payload)}`;
  return `${value.slice(0, 4)}-${value.slice(4)}`;
};

/** Org numbers of B's clients (all Swedish). */
const ORG = {
  main: swedishOrgNumber(710001),
  spare: swedishOrgNumber(710002),
  archived: swedishOrgNumber(710003),
  twin: swedishOrgNumber(710004),
  made: swedishOrgNumber(710005),
  bulk: swedishOrgNumber(710006),
  a: swedishOrgNumber(720001),
};
const dashed = (org: string) => `${org.slice(0, 6)}-${org.slice(6)}`;

/** B's identifiers, filled in beforeAll. */
const b = {
  main: "", spare: "", archived: "", twin: "", made: "", bulk: "",
  accounts: [] as string[],
  openMandate: "",
  closedMandate: "",
  source: "",
  finishedRun: "",
  openRun: "",
  mainGuid: "",
  aptic: "",
  actionRuns: [] as string[],
  webhook: "",
};
let aId: string;

/** Every id B has or had, by GraphQL type (a type's ids come from its table's own sequence). */
const bIds = new Map<string, Set<string>>();
/** B's GUIDs (clients, pricelists): none may appear in an answer to A. */
const bGuids = new Set<string>();
/** B's calls with their keys, by mutation: A replays each with the same key and arguments. */
const bUsed: Record<string, { key: string; variables: Record<string, unknown> }[]> = {};

const TABLE_OF_TYPE: Record<string, string> = {
  Client: "client",
  ClientContract: "client_contract",
  FactoringLoanContract: "factoring_loan_contract",
  FactoringLoanTransaction: "factoring_loan_transaction",
  FactoringPurchaseContract: "factoring_purchase_contract",
  BankAccount: "bank_account",
  DirectDebitMandate: "direct_debit_mandate",
  ClientParameter: "client_parameter",
  ExtraField: "extra_field",
  Pricelist: "pricelist",
  ExternalIdentifier: "external_identifier",
  Invoice: "invoice",
  Act: "act",
  SourceSystem: "source_system",
  SyncRun: "sync_run",
  SyncIssue: "sync_issue",
  SourceRecord: "source_record",
  FieldSource: "field_source",
  PricelistService: "pricelist_service",
  PricelistTemplate: "pricelist_template",
  ParameterTemplate: "parameter_template",
  ChartOfAccountTemplate: "chart_of_account_template",
  ClientAccount: "client_account",
  ClientActionRun: "client_action_run",
  WebhookSubscription: "webhook_subscription",
  WebhookDelivery: "webhook_delivery",
};

function noteBId(typename: string, id: unknown): void {
  if (id === null || id === undefined) return;
  if (!bIds.has(typename)) bIds.set(typename, new Set());
  bIds.get(typename)!.add(String(id));
}

/** Collects the (type, id) pairs and GUIDs of one of B's own answers. */
function collectB(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(collectB);
  if (!value || typeof value !== "object") return;
  const object = value as Record<string, unknown>;
  if (typeof object.__typename === "string" && object.id != null) noteBId(object.__typename, object.id);
  if (typeof object.uniqueId === "string") bGuids.add(object.uniqueId);
  Object.values(object).forEach(collectB);
}

/** Fails when an answer to A holds anything of B's: a B record (by type and id), a reference to one of B's clients, a GUID, a text. */
function expectNothingOfB(response: unknown, where: string): void {
  const text = JSON.stringify(response);
  const leaks: string[] = [];
  if (text.includes(SECRET)) leaks.push(`the text "${SECRET}"`);
  if (text.includes(tenantB)) leaks.push("B's tenant id");
  for (const guid of bGuids) if (text.includes(guid)) leaks.push(`B's GUID ${guid}`);
  const clientIds = bIds.get("Client") ?? new Set<string>();
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${at}.${i}`));
    if (!value || typeof value !== "object") return;
    const object = value as Record<string, unknown>;
    if (typeof object.__typename === "string" && object.id != null && bIds.get(object.__typename)?.has(String(object.id))) {
      leaks.push(`B's ${object.__typename} ${String(object.id)} at ${at}`);
    }
    for (const [key, inner] of Object.entries(object)) {
      if ((key === "clientId" || key === "parentId") && inner != null && clientIds.has(String(inner))) leaks.push(`B's client id at ${at}.${key}`);
      walk(inner, `${at}.${key}`);
    }
  };
  walk(response, "");
  expect({ where, leaks }).toEqual({ where, leaks: [] });
}

// ---------------------------------------------------------------------------------------------
// Snapshots of B's rows, as the tables' owner (row-level security is ENABLEd, not FORCEd, so the
// owner sees every tenant's rows and the WHERE is what selects B's).

let tables: string[] = [];
type Snapshot = Record<string, unknown[]>;
let before: Snapshot;

async function tenantTables(): Promise<string[]> {
  const rows = (await gateway.dataSource.query(
    `SELECT c.table_name AS name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
        AND c.table_name <> 'typeorm_migrations'
      ORDER BY 1`,
  )) as { name: string }[];
  return rows.map((r) => r.name);
}

async function snapshotOf(tenant: string): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  for (const table of tables) {
    snapshot[table] = (await gateway.dataSource.query(`SELECT * FROM "${table}" WHERE tenant_id = $1 ORDER BY 1`, [tenant])) as unknown[];
  }
  return snapshot;
}

/** B's rows of every tenant table are exactly as before the matrix: nothing changed, added or removed. */
async function expectBUnchanged(): Promise<void> {
  const now = await snapshotOf(tenantB);
  for (const table of tables) expect({ table, rows: now[table] }).toEqual({ table, rows: before[table] });
}

// ---------------------------------------------------------------------------------------------
// Calls

async function query(tenant: string, document: string, variables: Record<string, unknown>, scopes: string[]): Promise<Record<string, any>> {
  const response: GraphQLResponse<Record<string, any>> = await gateway.send(document, variables, { tenant, scopes });
  expect({ status: response.status, errors: response.errors }).toEqual({ status: 200, errors: undefined });
  return dataOf(response);
}

const asA = (document: string, variables: Record<string, unknown> = {}) => query(tenantA, document, variables, A_SCOPES);
const asB = (document: string, variables: Record<string, unknown> = {}) => query(tenantB, document, variables, B_SCOPES);

interface MutationShape {
  /** Variable definitions besides $key and $dryRun. */
  signature: string;
  args: string;
  /** What the payload selects besides error, dryRun and replayed. */
  select: string;
  /** The mutation takes no dryRun (startSync, cancelSync): only real calls, and no B control in a dry run. */
  noDryRun?: boolean;
}

const resource = (record: string, fields = "__typename id"): string => `preview { __typename } ${CLIENT} ${record} { ${fields} }`;
const CLIENT_PAYLOAD = `preview { __typename name } ${CLIENT}`;
const FAVORITE_PAYLOAD = `isFavorite ${CLIENT}`;
const SOURCE_PAYLOAD = "sourceSystem { __typename id name companyId lastRun { __typename id } }";
const RUN_PAYLOAD = "run { __typename id status source { __typename id name } }";

const SHAPES: Record<string, MutationShape> = {
  createClient: { signature: "$input: CreateClientInput!", args: "input: $input", select: CLIENT_PAYLOAD },
  updateClient: { signature: "$id: ID!, $patch: UpdateClientInput!", args: "id: $id, patch: $patch", select: CLIENT_PAYLOAD },
  archiveClient: { signature: "$id: ID!", args: "id: $id", select: CLIENT_PAYLOAD },
  restoreClient: { signature: "$id: ID!", args: "id: $id", select: CLIENT_PAYLOAD },
  bulkCreateClients: {
    signature: "$inputs: [CreateClientInput!]!",
    args: "inputs: $inputs",
    select: `summary { total succeeded failed } results { requestIndex ok ${ERROR} preview { __typename name } ${CLIENT} }`,
  },
  createClientContract: { signature: "$clientId: ID!, $input: CreateClientContractInput!", args: "clientId: $clientId, input: $input", select: resource("contract") },
  updateClientContract: { signature: "$clientId: ID!, $patch: UpdateClientContractInput!", args: "clientId: $clientId, patch: $patch", select: resource("contract") },
  deleteClientContract: { signature: "$clientId: ID!", args: "clientId: $clientId", select: resource("contract") },
  createFactoringLoanContract: { signature: "$clientId: ID!, $input: CreateFactoringLoanContractInput!", args: "clientId: $clientId, input: $input", select: resource("contract") },
  updateFactoringLoanContract: { signature: "$clientId: ID!, $patch: UpdateFactoringLoanContractInput!", args: "clientId: $clientId, patch: $patch", select: resource("contract") },
  deleteFactoringLoanContract: { signature: "$clientId: ID!", args: "clientId: $clientId", select: resource("contract") },
  createFactoringPurchaseContract: { signature: "$clientId: ID!, $input: CreateFactoringPurchaseContractInput!", args: "clientId: $clientId, input: $input", select: resource("contract") },
  updateFactoringPurchaseContract: { signature: "$clientId: ID!, $patch: UpdateFactoringPurchaseContractInput!", args: "clientId: $clientId, patch: $patch", select: resource("contract") },
  deleteFactoringPurchaseContract: { signature: "$clientId: ID!", args: "clientId: $clientId", select: resource("contract") },
  createBankAccount: { signature: "$clientId: ID!, $input: CreateBankAccountInput!", args: "clientId: $clientId, input: $input", select: resource("bankAccount") },
  updateBankAccount: { signature: "$id: ID!, $patch: UpdateBankAccountInput!", args: "id: $id, patch: $patch", select: resource("bankAccount") },
  deleteBankAccount: { signature: "$id: ID!", args: "id: $id", select: resource("bankAccount") },
  createDirectDebitMandate: { signature: "$clientId: ID!, $input: CreateDirectDebitMandateInput!", args: "clientId: $clientId, input: $input", select: resource("mandate") },
  closeDirectDebitMandate: { signature: "$id: ID!, $closedAt: DateTime", args: "id: $id, closedAt: $closedAt", select: resource("mandate") },
  setClientParameter: { signature: "$clientId: ID!, $name: String!, $input: ClientParameterInput!", args: "clientId: $clientId, name: $name, input: $input", select: resource("parameter") },
  deleteClientParameter: { signature: "$clientId: ID!, $name: String!", args: "clientId: $clientId, name: $name", select: resource("parameter") },
  setExtraField: { signature: "$clientId: ID!, $name: String!, $values: [String!]!", args: "clientId: $clientId, name: $name, values: $values", select: resource("extraField") },
  deleteExtraField: { signature: "$clientId: ID!, $name: String!", args: "clientId: $clientId, name: $name", select: resource("extraField") },
  createClientPricelist: { signature: "$clientId: ID!, $input: CreateClientPricelistInput!", args: "clientId: $clientId, input: $input", select: resource("pricelist", "__typename id uniqueId") },
  addExternalIdentifier: {
    signature: "$clientId: ID!, $source: String!, $externalId: String!",
    args: "clientId: $clientId, source: $source, externalId: $externalId",
    select: resource("externalIdentifier"),
  },
  removeExternalIdentifier: { signature: "$source: String!, $externalId: String!", args: "source: $source, externalId: $externalId", select: resource("externalIdentifier") },
  addFavoriteClient: { signature: "$clientId: ID!", args: "clientId: $clientId", select: FAVORITE_PAYLOAD },
  removeFavoriteClient: { signature: "$clientId: ID!", args: "clientId: $clientId", select: FAVORITE_PAYLOAD },
  createSourceSystem: { signature: "$input: CreateSourceSystemInput!", args: "input: $input", select: SOURCE_PAYLOAD },
  updateSourceSystem: { signature: "$id: ID!, $patch: UpdateSourceSystemInput!", args: "id: $id, patch: $patch", select: SOURCE_PAYLOAD },
  deleteSourceSystem: { signature: "$id: ID!", args: "id: $id", select: SOURCE_PAYLOAD },
  startSync: { signature: "$sourceId: ID!, $full: Boolean", args: "sourceId: $sourceId, full: $full", select: RUN_PAYLOAD, noDryRun: true },
  cancelSync: { signature: "$runId: ID!", args: "runId: $runId", select: RUN_PAYLOAD, noDryRun: true },
  setSourcePrecedence: { signature: "$group: FieldGroup!, $sources: [SourceKind!]", args: "group: $group, sources: $sources", select: "precedence { group sources isDefault }" },
  setPricelistService: { signature: "$serviceId: Int!, $input: PricelistServiceInput!", args: "serviceId: $serviceId, input: $input", select: "preview { __typename } service { __typename id serviceId name }" },
  deletePricelistService: { signature: "$serviceId: Int!", args: "serviceId: $serviceId", select: "preview { __typename } service { __typename id serviceId name }" },
  invokeClientAction: {
    signature: "$clientId: ID, $clientUniqueId: UUID, $serviceDefinition: String!, $input: JSON, $async: Boolean",
    args: "clientId: $clientId, clientUniqueId: $clientUniqueId, serviceDefinition: $serviceDefinition, input: $input, async: $async",
    select: "preview { __typename clientId sourceId } run { __typename id status client { __typename id } }",
  },
  createWebhookSubscription: {
    signature: "$input: CreateWebhookSubscriptionInput!",
    args: "input: $input",
    select: "signingSecret subscription { __typename id url kinds deliveries { nodes { __typename id changeId } } }",
  },
  deleteWebhookSubscription: { signature: "$id: ID!", args: "id: $id", select: "signingSecret subscription { __typename id url }" },
  invokeAction: {
    signature: "$sourceId: ID, $serviceDefinition: String!, $input: JSON, $async: Boolean",
    args: "sourceId: $sourceId, serviceDefinition: $serviceDefinition, input: $input, async: $async",
    select: "preview { __typename clientId sourceId } run { __typename id status client { __typename id } }",
  },
  ...Object.fromEntries(
    (
      [
        ["PricelistTemplate", "pricelistTemplate", "lines { pricelistName serviceId }"],
        ["ParameterTemplate", "parameterTemplate", "parameters { name value }"],
        ["ChartOfAccountTemplate", "chartOfAccountTemplate", "accounts { accountNumber name }"],
      ] as const
    ).flatMap(([type, field, items]) => [
      [`set${type}`, { signature: `$name: String!, $input: ${type}Input!`, args: "name: $name, input: $input", select: `preview { __typename } ${field} { __typename id name ${items} }` }],
      [`delete${type}`, { signature: "$name: String!", args: "name: $name", select: `preview { __typename } ${field} { __typename id name ${items} }` }],
    ]),
  ),
};

function mutationDocument(field: string): string {
  const shape = SHAPES[field];
  if (!shape) throw new Error(`no shape for ${field}`);
  if (shape.noDryRun) {
    return `mutation M($key: String!, ${shape.signature}) { ${field}(${shape.args}, idempotencyKey: $key) { ${ERROR} replayed ${shape.select} } }`;
  }
  return `mutation M($key: String!, $dryRun: Boolean, ${shape.signature}) {
    ${field}(${shape.args}, idempotencyKey: $key, dryRun: $dryRun) { ${ERROR} dryRun replayed ${shape.select} } }`;
}

async function mutate(tenant: string, field: string, variables: Record<string, unknown>, key: string, dryRun: boolean): Promise<Record<string, any>> {
  if (SHAPES[field].noDryRun) {
    if (dryRun) throw new Error(`${field} takes no dryRun`);
    const data = await query(tenant, mutationDocument(field), { ...variables, key }, tenant === tenantA ? A_SCOPES : B_SCOPES);
    return { ...data[field], dryRun: false };
  }
  const data = await query(tenant, mutationDocument(field), { ...variables, key, dryRun }, tenant === tenantA ? A_SCOPES : B_SCOPES);
  return data[field];
}

/** B's own call, with a known key: it must succeed; its answer's ids and GUIDs are B's. */
async function bCall(field: string, variables: Record<string, unknown>, key = `b-key-${field}`): Promise<Record<string, any>> {
  const payload = await mutate(tenantB, field, variables, key, false);
  if (payload.error) throw new Error(`B's setup ${field} failed: ${JSON.stringify(payload.error)}`);
  (bUsed[field] ??= []).push({ key, variables });
  collectB(payload);
  return payload;
}

// ---------------------------------------------------------------------------------------------
// Tenant B: a row in every tenant table, and a call of every mutation with a known key.

beforeAll(async () => {
  gateway = await TestGateway.start();
  tenantA = gateway.newTenant();
  tenantB = gateway.newTenant();
  tables = await tenantTables();

  [aId] = await createClients(gateway, tenantA, [{ name: "A's own", countryCode: "SE", orgNumber: ORG.a }] as never);

  [b.main, b.spare, b.archived, b.twin] = await createClients(gateway, tenantB, [
    {
      ...fullGraph(1),
      name: `${SECRET} main`,
      notes: `${SECRET} notes`,
      countryCode: "SE",
      orgNumber: ORG.main,
      externalIdentifiers: [
        { source: "crm", externalId: "B-1" },
        { source: "old", externalId: "B-OLD", deletedAt: new Date("2026-01-01T00:00:00Z") },
      ],
    },
    { name: `${SECRET} spare`, countryCode: "SE", orgNumber: ORG.spare, parentIndex: 0, externalIdentifiers: [{ source: "crm", externalId: "B-2" }] },
    { name: `${SECRET} archived`, countryCode: "SE", orgNumber: ORG.archived },
    { name: `${SECRET} twin`, countryCode: "SE", orgNumber: ORG.twin },
  ] as never);
  // Rows of the per-caller tables, for the subject A's token has too ("test-user") and another.
  for (const subject of ["test-user", "someone"]) {
    await gateway.dataSource.query(`INSERT INTO opened_client (tenant_id, subject, client_id, opened_at) VALUES ($1, $2, $3, now())`, [tenantB, subject, b.main]);
  }
  await gateway.dataSource.query(`INSERT INTO favourite_client (tenant_id, subject, client_id) VALUES ($1, 'someone', $2)`, [tenantB, b.main]);
  // B's rows of sources and sync as a sync would write them (the sync engine writes them, not the API).
  const [{ id: bSource }] = (await gateway.dataSource.query(
    `INSERT INTO source_system (tenant_id, kind, name, base_url, company_id, credentials) VALUES ($1, 'CRM', $2, 'https://crm.example.test', 'b-company', 'v1.sealed.by.test') RETURNING id`,
    [tenantB, `${SECRET} CRM`],
  )) as { id: string }[];
  b.source = String(bSource);
  const [{ id: bRun }] = (await gateway.dataSource.query(`INSERT INTO sync_run (tenant_id, source_system_id, status) VALUES ($1, $2, 'PARTIAL') RETURNING id`, [tenantB, bSource])) as { id: string }[];
  b.finishedRun = String(bRun);
  await gateway.dataSource.query(`INSERT INTO sync_issue (tenant_id, run_id, kind, source_id, client_id, message) VALUES ($1, $2, 'CONFLICT', 'crm-B-1', $3, $4)`, [tenantB, bRun, b.main, `${SECRET} conflict`]);
  await gateway.dataSource.query(
    `INSERT INTO source_record (tenant_id, client_id, source_system_id, source_id, last_synced_at, content_hash, raw, last_run_id) VALUES ($1, $2, $3, 'crm-B-1', now(), repeat('0', 64), $4, $5)`,
    [tenantB, b.main, bSource, JSON.stringify({ id: "crm-B-1", corporate_name: `${SECRET} main` }), bRun],
  );
  await gateway.dataSource.query(`INSERT INTO field_source (tenant_id, client_id, field, source_system_id, set_at) VALUES ($1, $2, 'name', $3, now())`, [tenantB, b.main, bSource]);
  await gateway.dataSource.query(`INSERT INTO source_lookup (tenant_id, source_system_id, client_id, outcome, looked_up_at, run_id) VALUES ($1, $2, $3, 'NOT_FOUND', now(), $4)`, [tenantB, bSource, b.main, bRun]);
  await gateway.dataSource.query(`INSERT INTO source_summary (tenant_id, client_id, source_system_id, kind, figures, as_of) VALUES ($1, $2, $3, 'ACCOUNTS', $4, now())`, [
    tenantB, b.main, bSource, JSON.stringify([{ accountType: `${SECRET} ledger`, balance: "1.00" }]),
  ]);

  const ids = async (sql: string, params: unknown[]) => ((await gateway.dataSource.query(sql, params)) as { id: string }[]).map((r) => String(r.id));
  b.accounts = await ids(`SELECT id FROM bank_account WHERE client_id = $1 ORDER BY id`, [b.main]);
  [b.openMandate] = await ids(`SELECT id FROM direct_debit_mandate WHERE client_id = $1 AND closed_at IS NULL ORDER BY id`, [b.main]);
  [b.closedMandate] = await ids(`SELECT id FROM direct_debit_mandate WHERE client_id = $1 AND closed_at IS NOT NULL ORDER BY id`, [b.main]);

  // Every mutation, called by B with a known key (these also write B's audit entries and keys).
  b.made = (await bCall("createClient", { input: { name: "Keyed client", countryCode: "SE", orgNumber: ORG.made } })).client.id;
  b.bulk = (await bCall("bulkCreateClients", { inputs: [{ name: "Keyed bulk", countryCode: "SE", orgNumber: ORG.bulk }] })).results[0].client.id;
  await bCall("updateClient", { id: b.main, patch: { notes: `${SECRET} note, patched` } });
  await bCall("archiveClient", { id: b.archived });
  await bCall("restoreClient", { id: b.archived });
  await bCall("archiveClient", { id: b.archived }, "b-key-archiveClient-again");

  await bCall("createClientContract", { clientId: b.spare, input: { startDate: "2026-01-01", periodFee: "100" } });
  await bCall("updateClientContract", { clientId: b.main, patch: { note: `${SECRET} contract` } });
  await bCall("deleteClientContract", { clientId: b.spare });
  await bCall("createFactoringLoanContract", { clientId: b.spare, input: { limit: "100000" } });
  await bCall("updateFactoringLoanContract", { clientId: b.main, patch: { maxPercent: "95" } });
  await bCall("deleteFactoringLoanContract", { clientId: b.spare });
  await bCall("createFactoringPurchaseContract", { clientId: b.spare, input: { limit: "500000" } });
  await bCall("updateFactoringPurchaseContract", { clientId: b.main, patch: { recourseDays: 45 } });
  await bCall("deleteFactoringPurchaseContract", { clientId: b.spare });

  const account = (await bCall("createBankAccount", { clientId: b.spare, input: { bankAccountClass: "SE_BANKGIRO", bankAccountNo: bankgiro(1) } })).bankAccount.id;
  await bCall("updateBankAccount", { id: b.accounts[0], patch: { description: `${SECRET} account` } });
  await bCall("deleteBankAccount", { id: account });
  const mandate = (await bCall("createDirectDebitMandate", { clientId: b.spare, input: { mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: bankgiro(2) } })).mandate.id;
  await bCall("closeDirectDebitMandate", { id: mandate, closedAt: "2026-01-15T12:00:00Z" });

  await bCall("setClientParameter", { clientId: b.main, name: "reminderDays", input: { value: "21" } });
  await bCall("deleteClientParameter", { clientId: b.main, name: "autoCollect" });
  await bCall("setExtraField", { clientId: b.main, name: "region", values: [`${SECRET} region`] });
  await bCall("deleteExtraField", { clientId: b.main, name: "region" });
  await bCall("createClientPricelist", { clientId: b.spare, input: { pricelistName: `${SECRET} pricelist` } });
  await bCall("addExternalIdentifier", { clientId: b.spare, source: "crm", externalId: "B-SPARE" });
  await bCall("removeExternalIdentifier", { source: "crm", externalId: "B-SPARE" });
  await bCall("addFavoriteClient", { clientId: b.main });
  await bCall("addFavoriteClient", { clientId: b.spare }, "b-key-addFavoriteClient-spare");
  await bCall("removeFavoriteClient", { clientId: b.spare });

  const CRM_INPUT = { kind: "CRM", name: "Keyed source", baseUrl: "https://crm.example.test", companyId: "b-company", auth: { bearerToken: "b-token" } };
  const made = (await bCall("createSourceSystem", { input: CRM_INPUT })).sourceSystem.id;
  await bCall("updateSourceSystem", { id: b.source, patch: { name: `${SECRET} CRM, renamed`, auth: { bearerToken: "b-token-2" } } });
  const cancelled = (await bCall("startSync", { sourceId: b.source })).run.id;
  await bCall("cancelSync", { runId: cancelled });
  b.openRun = (await bCall("startSync", { sourceId: b.source, full: true }, "b-key-startSync-again")).run.id;
  await bCall("deleteSourceSystem", { id: made });
  await bCall("setSourcePrecedence", { group: "CONTACT", sources: ["INVOICING", "CRM"] });

  // The company's definitions (B's replayed arguments carry no secret: A's replay answers A's own record with them).
  await bCall("setPricelistService", { serviceId: 10, input: { name: "Collection" } });
  await bCall("setPricelistService", { serviceId: 11, input: { name: "Gone" } }, "b-key-setPricelistService-11");
  await bCall("setPricelistService", { serviceId: 12, input: { name: "Unused" } }, "b-key-setPricelistService-12");
  await bCall("deletePricelistService", { serviceId: 11 });
  for (const [type, input] of [
    ["PricelistTemplate", { lines: [{ pricelistName: "Fees", serviceId: 10 }] }],
    ["ParameterTemplate", { parameters: [{ name: "reminderDays", value: "14" }] }],
    ["ChartOfAccountTemplate", { accounts: [{ accountNumber: "1510", name: "Receivables" }] }],
  ] as const) {
    await bCall(`set${type}`, { name: "B template", input });
    await bCall(`set${type}`, { name: "B gone", input }, `b-key-set${type}-gone`);
    await bCall(`delete${type}`, { name: "B gone" });
  }
  // Templates only B has (never set by A, whose replays of B's keys make A's own "B template"), and B's client's chart of accounts.
  for (const table of ["pricelist_template", "parameter_template", "chart_of_account_template"]) {
    await gateway.dataSource.query(`INSERT INTO "${table}" (tenant_id, name, description) VALUES ($1, 'B only', $2)`, [tenantB, `${SECRET} template`]);
  }
  await gateway.dataSource.query(`INSERT INTO client_account (tenant_id, client_id, account_number, name) VALUES ($1, $2, '1510', $3)`, [tenantB, b.main, `${SECRET} account`]);
  // The change feed's horizon (its changes and commits came with B's mutations above).
  await gateway.dataSource.query(`INSERT INTO client_change_horizon (tenant_id, seq, change_id) VALUES ($1, 0, 0)`, [tenantB]);
  // Custom actions: B's and A's Aptic sources (never called: the calls are async, and this gateway has no job queue).
  const aptic = async (tenant: string) =>
    ((await gateway.dataSource.query(
      `INSERT INTO source_system (tenant_id, kind, name, base_url, credentials) VALUES ($1, 'APTIC', 'Aptic', 'https://aptic.example.test', 'v1.sealed.by.test') RETURNING id::text AS id`,
      [tenant],
    )) as { id: string }[])[0].id;
  b.aptic = await aptic(tenantB);
  await aptic(tenantA);
  [{ g: b.mainGuid }] = (await gateway.dataSource.query(`SELECT unique_id::text AS g FROM client WHERE id = $1`, [b.main])) as { g: string }[];
  await gateway.dataSource.query(
    `INSERT INTO source_record (tenant_id, client_id, source_system_id, source_id, last_synced_at, content_hash, raw) VALUES ($1, $2, $3, $4, now(), repeat('0', 64), '{}')`,
    [tenantB, b.main, b.aptic, b.mainGuid],
  );
  b.actionRuns.push((await bCall("invokeClientAction", { clientId: b.main, serviceDefinition: "sendReminder", input: { note: "keyed" }, async: true })).run.id);
  b.actionRuns.push((await bCall("invokeAction", { serviceDefinition: "recalculate", async: true })).run.id);
  // B's webhooks: one kept (with a delivery), one deleted.
  b.webhook = (await bCall("createWebhookSubscription", { input: { url: "http://127.0.0.1:9/b-hook", kinds: ["UPDATED"] } })).subscription.id;
  const gone = (await bCall("createWebhookSubscription", { input: { url: "http://127.0.0.1:9/b-gone" } }, "b-key-createWebhookSubscription-gone")).subscription.id;
  await bCall("deleteWebhookSubscription", { id: gone });
  await gateway.dataSource.query(
    `INSERT INTO webhook_delivery (tenant_id, subscription_id, change_id, client_id, kind, body, next_attempt_at) VALUES ($1, $2, 1, $3, 'UPDATED', $4, now())`,
    [tenantB, b.webhook, b.main, JSON.stringify({ secret: SECRET })],
  );
  // A's own service 10, which A's templates (and its replays of B's) price.
  await asA(mutationDocument("setPricelistService"), { key: newKey(), serviceId: 10, input: { name: "A's collection" } });

  // Every id and GUID B has now, by type.
  const typeOfTable = Object.fromEntries(Object.entries(TABLE_OF_TYPE).map(([type, table]) => [table, type]));
  for (const table of tables) {
    const rows = (await gateway.dataSource.query(`SELECT * FROM "${table}" WHERE tenant_id = $1`, [tenantB])) as Record<string, unknown>[];
    for (const row of rows) {
      if (typeOfTable[table]) noteBId(typeOfTable[table], row.id);
      if (typeof row.unique_id === "string") bGuids.add(row.unique_id);
    }
  }

  before = await snapshotOf(tenantB);
});
afterAll(() => gateway.stop());

// ---------------------------------------------------------------------------------------------
// The cases

type Outcome = "NOT_FOUND" | "INVALID_DATA" | "OK";

interface Variant {
  label: string;
  variables: Record<string, unknown>;
  expect: Outcome;
  /** The same call with ids nobody has: A's whole answer must be the same (no existence oracle). */
  missing?: Record<string, unknown>;
  /** Whether B itself, in a dry run, finds what A is refused (the control that the ids are B's live ones). */
  bControl?: boolean;
  /** For an OK outcome: that it happened in A, to A's own records. */
  check?(payload: Record<string, any>, dryRun: boolean): Promise<void>;
}

interface MutationCase {
  kind: "mutation";
  live(): Variant[];
  /** What A gets for B's used key with B's exact arguments (never B's stored answer). */
  replay: Outcome;
  replayCheck?(payload: Record<string, any>): Promise<void>;
}

interface QueryCase {
  kind: "query";
  run(): Promise<void>;
}

const notFound = (label: string, variables: Record<string, unknown>, missing: Record<string, unknown>, bControl = true): Variant => ({
  label,
  variables,
  expect: "NOT_FOUND",
  missing: { ...variables, ...missing },
  bControl,
});

async function tenantOf(table: string, id: string): Promise<string | undefined> {
  const rows = (await gateway.dataSource.query(`SELECT tenant_id FROM "${table}" WHERE id = $1`, [id])) as { tenant_id: string }[];
  return rows[0]?.tenant_id;
}

/** A client created by A (or, in a dry run, only previewed): in A, not one of B's. */
async function expectCreatedInA(client: Record<string, any> | null, preview: Record<string, any> | null, name: string, dryRun: boolean): Promise<void> {
  if (dryRun) {
    expect(client).toBeNull();
    expect(preview).toEqual({ __typename: "ClientPreview", name });
    return;
  }
  expect(client).toEqual(expect.objectContaining({ __typename: "Client", name }));
  expect(await tenantOf("client", client!.id)).toBe(tenantA);
}

/** Every field of a refused payload is empty: no record, no client, no preview. */
function expectEmpty(payload: Record<string, any>, where: string): void {
  for (const [field, value] of Object.entries(payload)) {
    if (["error", "dryRun", "replayed"].includes(field)) continue;
    if (field === "isFavorite") expect({ where, field, value }).toEqual({ where, field, value: false });
    else if (field === "summary") expect({ where, succeeded: value.succeeded }).toEqual({ where, succeeded: 0 });
    else if (field === "results") {
      for (const item of value) expect({ where, client: item.client, preview: item.preview }).toEqual({ where, client: null, preview: null });
    } else expect({ where, field, value }).toEqual({ where, field, value: null });
  }
}

const contractCases = (kind: "ClientContract" | "FactoringLoanContract" | "FactoringPurchaseContract"): Record<string, MutationCase> => {
  const input = { ClientContract: { startDate: "2026-01-01", periodFee: "100" }, FactoringLoanContract: { limit: "1000" }, FactoringPurchaseContract: { limit: "1000" } }[kind];
  const patch = { ClientContract: { note: "A was here" }, FactoringLoanContract: { maxPercent: "50" }, FactoringPurchaseContract: { recourseDays: 10 } }[kind];
  return {
    [`create${kind}`]: {
      kind: "mutation",
      live: () => [
        // B would be told ALREADY_EXISTS for its main client, and succeed for the spare one.
        notFound("B's client with one", { clientId: b.main, input }, { clientId: MISSING }),
        notFound("B's client without one", { clientId: b.spare, input }, { clientId: MISSING }),
      ],
      replay: "NOT_FOUND",
    },
    [`update${kind}`]: {
      kind: "mutation",
      live: () => [notFound("B's client", { clientId: b.main, patch }, { clientId: MISSING })],
      replay: "NOT_FOUND",
    },
    [`delete${kind}`]: {
      kind: "mutation",
      live: () => [notFound("B's client", { clientId: b.main }, { clientId: MISSING })],
      replay: "NOT_FOUND",
    },
  };
};

const clientQuery = (field: string, signature: string, args: string) =>
  `query Q(${signature}) { ${field}(${args}) { ${CLIENT_FIELDS} parent { id } children { id } bankAccounts { __typename id } externalIdentifiers { __typename id externalId } } }`;
const CLIENT_BY_ID = clientQuery("client", "$id: ID!", "id: $id");
const CLIENT_BY_UNIQUE_ID = clientQuery("clientByUniqueId", "$uniqueId: UUID!", "uniqueId: $uniqueId");
const CLIENT_BY_ORG_NUMBER = clientQuery("clientByOrgNumber", "$orgNumber: String!, $countryCode: CountryCode", "orgNumber: $orgNumber, countryCode: $countryCode");
const CLIENT_BY_EXTERNAL_ID = clientQuery("clientByExternalId", "$externalId: String!, $source: String!", "externalId: $externalId, source: $source");
const CLIENTS = `query Q($filter: ClientFilter, $search: String) {
  clients(filter: $filter, search: $search, deleted: INCLUDE, first: 100) { totalCount edges { node { ${CLIENT_FIELDS} } } nodes { __typename id } } }`;
const CLIENTS_SUMMARY = `query { clientsSummary { accessibleClients archivedClients favoriteCount favorites(first: 50) { ${CLIENT_FIELDS} } latestOpened(first: 50) { ${CLIENT_FIELDS} } } }`;

/** A single-client query: B's identifiers give A null, while B itself (the control) gets its client. */
async function lookUp(document: string, field: string, variables: Record<string, unknown>, bGets: string | null): Promise<void> {
  const theirs = (await asA(document, variables))[field];
  expectNothingOfB(theirs, `${field} ${JSON.stringify(variables)}`);
  expect({ field, variables, answer: theirs }).toEqual({ field, variables, answer: null });
  if (bGets === null) return;
  // The control: B itself finds its client. (Not with the client query, which notes the open: a write in B.)
  const control = field === "client" ? (await asB(CLIENTS, { filter: { id: { eq: variables.id } } })).clients.nodes[0]?.id : (await asB(document, variables))[field]?.id;
  expect({ field, variables, control }).toEqual({ field, variables, control: bGets });
}

const A_CLIENT_IDS = async (): Promise<string[]> =>
  ((await gateway.dataSource.query(`SELECT id FROM client WHERE tenant_id = $1 ORDER BY id`, [tenantA])) as { id: string }[]).map((r) => String(r.id));

const MATRIX: Record<string, QueryCase | MutationCase> = {
  client: {
    kind: "query",
    async run() {
      // The control of A's own token: it reads A's client.
      expect((await asA(CLIENT_BY_ID, { id: aId })).client?.id).toBe(aId);
      for (const id of [b.main, b.spare, b.archived, b.twin, b.made, b.bulk]) await lookUp(CLIENT_BY_ID, "client", { id }, id);
    },
  },
  clientByUniqueId: {
    kind: "query",
    async run() {
      const guids = (await gateway.dataSource.query(`SELECT id, unique_id FROM client WHERE tenant_id = $1`, [tenantB])) as { id: string; unique_id: string }[];
      expect(guids.length).toBeGreaterThanOrEqual(6);
      for (const row of guids) await lookUp(CLIENT_BY_UNIQUE_ID, "clientByUniqueId", { uniqueId: row.unique_id }, String(row.id));
    },
  },
  bankAccountByUniqueId: {
    kind: "query",
    async run() {
      const guids = (await gateway.dataSource.query(`SELECT id::text AS id, unique_id FROM bank_account WHERE tenant_id = $1`, [tenantB])) as { id: string; unique_id: string }[];
      expect(guids.length).toBeGreaterThan(0);
      const document = `query Q($uniqueId: UUID!) { bankAccountByUniqueId(uniqueId: $uniqueId) { __typename id uniqueId bankAccountNo iban } }`;
      for (const row of guids) await lookUp(document, "bankAccountByUniqueId", { uniqueId: row.unique_id }, row.id);
    },
  },
  directDebitMandateByUniqueId: {
    kind: "query",
    async run() {
      const guids = (await gateway.dataSource.query(`SELECT id::text AS id, unique_id FROM direct_debit_mandate WHERE tenant_id = $1`, [tenantB])) as { id: string; unique_id: string }[];
      expect(guids.length).toBeGreaterThan(0);
      const document = `query Q($uniqueId: UUID!) { directDebitMandateByUniqueId(uniqueId: $uniqueId) { __typename id uniqueId receivingBankAccountNo } }`;
      for (const row of guids) await lookUp(document, "directDebitMandateByUniqueId", { uniqueId: row.unique_id }, row.id);
    },
  },
  clientByOrgNumber: {
    kind: "query",
    async run() {
      await lookUp(CLIENT_BY_ORG_NUMBER, "clientByOrgNumber", { orgNumber: ORG.main, countryCode: "SE" }, b.main);
      await lookUp(CLIENT_BY_ORG_NUMBER, "clientByOrgNumber", { orgNumber: dashed(ORG.main), countryCode: "SE" }, b.main);
      await lookUp(CLIENT_BY_ORG_NUMBER, "clientByOrgNumber", { orgNumber: dashed(ORG.main) }, b.main);
      await lookUp(CLIENT_BY_ORG_NUMBER, "clientByOrgNumber", { orgNumber: ORG.archived, countryCode: "SE" }, b.archived);
    },
  },
  clientByExternalId: {
    kind: "query",
    async run() {
      await lookUp(CLIENT_BY_EXTERNAL_ID, "clientByExternalId", { source: "crm", externalId: "B-1" }, b.main);
      // Removed identifiers: nobody finds them, B included.
      await lookUp(CLIENT_BY_EXTERNAL_ID, "clientByExternalId", { source: "old", externalId: "B-OLD" }, null);
      await lookUp(CLIENT_BY_EXTERNAL_ID, "clientByExternalId", { source: "crm", externalId: "B-SPARE" }, null);
    },
  },
  clients: {
    kind: "query",
    async run() {
      const bClientIds = [...(bIds.get("Client") ?? [])];
      expect(bClientIds).toHaveLength(6);
      const empty: Record<string, unknown>[] = [
        { filter: { id: { eq: b.main } } },
        { filter: { id: { in: bClientIds } } },
        { filter: { parentId: { eq: b.main } } },
        { filter: { orgNumber: { eq: ORG.main } } },
        { filter: { orgNumber: { eq: dashed(ORG.archived) } } },
        { filter: { name: { contains: "secret" } } },
        { filter: { or: [{ id: { eq: b.spare } }, { name: { startsWith: SECRET } }] } },
        { search: SECRET },
        { search: ORG.main },
        { search: dashed(ORG.main) },
      ];
      for (const variables of empty) {
        const page = (await asA(CLIENTS, variables)).clients;
        expectNothingOfB(page, `clients ${JSON.stringify(variables)}`);
        expect({ variables, totalCount: page.totalCount, edges: page.edges, nodes: page.nodes }).toEqual({ variables, totalCount: 0, edges: [], nodes: [] });
        // The control: B finds its own clients by the same filter.
        expect({ variables, control: (await asB(CLIENTS, variables)).clients.totalCount > 0 }).toEqual({ variables, control: true });
      }
      // Filters that exclude B's ids give A's own clients, and only those.
      for (const variables of [{}, { filter: { id: { neq: b.main } } }, { filter: { id: { nin: bClientIds } } }, { filter: { not: { id: { in: bClientIds } } } }]) {
        const page = (await asA(CLIENTS, variables)).clients;
        expectNothingOfB(page, `clients ${JSON.stringify(variables)}`);
        const own = await A_CLIENT_IDS();
        expect({ variables, ids: page.nodes.map((n: { id: string }) => n.id).sort(), totalCount: page.totalCount }).toEqual({ variables, ids: [...own].sort(), totalCount: own.length });
      }
    },
  },
  // No argument: the company's feed. A's has A's clients' changes only; B's (the control) has B's.
  clientChanges: {
    kind: "query",
    async run() {
      const FEED = `{ clientChanges(first: 1000) { nodes { clientId kind resource resourceId fields requestId } } }`;
      const page = (await asA(FEED)).clientChanges;
      expectNothingOfB(page, "clientChanges");
      const own = new Set(await A_CLIENT_IDS());
      expect(page.nodes.filter((n: { clientId: string }) => !own.has(n.clientId))).toEqual([]);
      const theirs = (await asB(FEED)).clientChanges;
      expect(theirs.nodes.map((n: { clientId: string }) => n.clientId)).toContain(b.main);
    },
  },
  // No argument, but per caller: B's caller with A's subject ("test-user") has favourites and opens.
  clientsSummary: {
    kind: "query",
    async run() {
      await gateway.flushOpenedClients();
      const summary = (await asA(CLIENTS_SUMMARY)).clientsSummary;
      expectNothingOfB(summary, "clientsSummary");
      const own = new Set(await A_CLIENT_IDS());
      expect(summary.favorites).toEqual([]);
      expect(summary.favoriteCount).toBe(0);
      expect(summary.latestOpened.filter((c: { id: string }) => !own.has(c.id))).toEqual([]);
      expect(summary.accessibleClients + summary.archivedClients).toBe(own.size);
      // The control: B's "test-user" has its favourite and its open.
      const theirs = (await asB(CLIENTS_SUMMARY)).clientsSummary;
      expect(theirs.favorites.map((c: { id: string }) => c.id)).toEqual([b.main]);
      expect(theirs.latestOpened.map((c: { id: string }) => c.id)).toContain(b.main);
    },
  },

  createClient: {
    kind: "mutation",
    live: () => [
      {
        label: "B's template names",
        variables: { input: { name: "A's templated", pricelistTemplate: "B only", parameterTemplate: "B only", chartOfAccountTemplate: "B only" } },
        expect: "INVALID_DATA",
        missing: { input: { name: "A's templated", pricelistTemplate: "nobody's", parameterTemplate: "nobody's", chartOfAccountTemplate: "nobody's" } },
        bControl: true,
      },
      {
        label: "parent = B's client",
        variables: { input: { name: "A's child", parentId: b.main } },
        expect: "INVALID_DATA",
        missing: { input: { name: "A's child", parentId: MISSING } },
        bControl: true,
      },
      {
        // B's spare client has this org number: no CLIENT_DUPLICATE_ORG_NUMBER (an oracle), A's own client.
        label: "org number of B's client",
        variables: { input: { name: "A's twin", countryCode: "SE", orgNumber: ORG.spare } },
        expect: "OK",
        check: (p, dryRun) => expectCreatedInA(p.client, p.preview, "A's twin", dryRun),
      },
    ],
    replay: "OK",
    replayCheck: (p) => expectCreatedInA(p.client, p.preview, "Keyed client", false),
  },
  updateClient: {
    kind: "mutation",
    live: () => [
      notFound("B's client", { id: b.main, patch: { notes: "A was here" } }, { id: MISSING }),
      notFound("B's archived client", { id: b.archived, patch: { notes: "A was here" } }, { id: MISSING }),
      notFound("B's client, A's parent", { id: b.spare, patch: { parentId: aId } }, { id: MISSING }, false),
      {
        label: "A's client, parent = B's client",
        variables: { id: aId, patch: { parentId: b.main } },
        expect: "INVALID_DATA",
        missing: { id: aId, patch: { parentId: MISSING } },
        // B has no client aId: its dry run would be refused for another reason, so no control.
        bControl: false,
      },
      {
        label: "A's client, org number of B's client",
        variables: { id: aId, patch: { countryCode: "SE", orgNumber: ORG.twin } },
        expect: "OK",
        async check(p, dryRun) {
          if (dryRun) expect(p.preview).toEqual({ __typename: "ClientPreview", name: "A's own" });
          else expect(p.client).toEqual(expect.objectContaining({ id: aId, orgNumber: dashed(ORG.twin) }));
        },
      },
    ],
    replay: "NOT_FOUND",
  },
  archiveClient: {
    kind: "mutation",
    live: () => [
      // B would be told CLIENT_HAS_OPEN_INVOICES for its main client, and succeed for the others.
      notFound("B's client with open invoices", { id: b.main }, { id: MISSING }),
      notFound("B's client", { id: b.spare }, { id: MISSING }),
      notFound("B's archived client", { id: b.archived }, { id: MISSING }),
    ],
    replay: "NOT_FOUND",
  },
  restoreClient: {
    kind: "mutation",
    live: () => [notFound("B's archived client", { id: b.archived }, { id: MISSING }), notFound("B's client", { id: b.main }, { id: MISSING })],
    replay: "NOT_FOUND",
  },
  bulkCreateClients: {
    kind: "mutation",
    live: () => [
      {
        label: "parent = B's client",
        variables: { inputs: [{ name: "A's bulk child", parentId: b.main }] },
        expect: "INVALID_DATA",
        missing: { inputs: [{ name: "A's bulk child", parentId: MISSING }] },
        bControl: true,
      },
      {
        // B's archived client has this org number (archived ones count in B's own uniqueness).
        label: "org number of B's archived client",
        variables: { inputs: [{ name: "A's bulk twin", countryCode: "SE", orgNumber: ORG.archived }] },
        expect: "OK",
        async check(p, dryRun) {
          expect(p.summary).toEqual({ total: 1, succeeded: 1, failed: 0 });
          await expectCreatedInA(p.results[0].client, p.results[0].preview, "A's bulk twin", dryRun);
        },
      },
    ],
    replay: "OK",
    async replayCheck(p) {
      expect(p.summary).toEqual({ total: 1, succeeded: 1, failed: 0 });
      await expectCreatedInA(p.results[0].client, p.results[0].preview, "Keyed bulk", false);
    },
  },
  ...contractCases("ClientContract"),
  ...contractCases("FactoringLoanContract"),
  ...contractCases("FactoringPurchaseContract"),
  createBankAccount: {
    kind: "mutation",
    live: () => [notFound("B's client", { clientId: b.main, input: { bankAccountClass: "SE_BANKGIRO", bankAccountNo: bankgiro(3) } }, { clientId: MISSING })],
    replay: "NOT_FOUND",
  },
  updateBankAccount: {
    kind: "mutation",
    live: () => b.accounts.map((id, i) => notFound(`B's account ${i}`, { id, patch: { description: "A was here" } }, { id: MISSING })),
    replay: "NOT_FOUND",
  },
  deleteBankAccount: {
    kind: "mutation",
    live: () => b.accounts.map((id, i) => notFound(`B's account ${i}`, { id }, { id: MISSING })),
    replay: "NOT_FOUND",
  },
  createDirectDebitMandate: {
    kind: "mutation",
    live: () => [notFound("B's client", { clientId: b.main, input: { mandateType: "SWEDISH_AUTOGIRO", receivingBankAccountNo: bankgiro(4) } }, { clientId: MISSING })],
    replay: "NOT_FOUND",
  },
  closeDirectDebitMandate: {
    kind: "mutation",
    live: () => [
      notFound("B's open mandate", { id: b.openMandate, closedAt: "2026-02-01T00:00:00Z" }, { id: MISSING }),
      // B would be told MANDATE_ALREADY_CLOSED.
      notFound("B's closed mandate", { id: b.closedMandate, closedAt: null }, { id: MISSING }),
    ],
    replay: "NOT_FOUND",
  },
  setClientParameter: {
    kind: "mutation",
    live: () => [
      notFound("B's client, its parameter", { clientId: b.main, name: "reminderDays", input: { value: "1" } }, { clientId: MISSING }),
      notFound("B's client, a new parameter", { clientId: b.main, name: "fromA", input: { value: "1" } }, { clientId: MISSING }),
    ],
    replay: "NOT_FOUND",
  },
  deleteClientParameter: {
    kind: "mutation",
    live: () => [notFound("B's client, its parameter", { clientId: b.main, name: "reminderDays" }, { clientId: MISSING })],
    replay: "NOT_FOUND",
  },
  setExtraField: {
    kind: "mutation",
    live: () => [notFound("B's client, its field", { clientId: b.main, name: "segments", values: ["from A"] }, { clientId: MISSING })],
    replay: "NOT_FOUND",
  },
  deleteExtraField: {
    kind: "mutation",
    live: () => [notFound("B's client, its field", { clientId: b.main, name: "segments" }, { clientId: MISSING })],
    replay: "NOT_FOUND",
  },
  createClientPricelist: {
    kind: "mutation",
    live: () => [notFound("B's client", { clientId: b.main, input: { pricelistName: "A's pricelist" } }, { clientId: MISSING })],
    replay: "NOT_FOUND",
  },
  addExternalIdentifier: {
    kind: "mutation",
    live: () => [
      notFound("B's client, a new identifier", { clientId: b.main, source: "crm", externalId: "A-1" }, { clientId: MISSING }),
      notFound("B's client, its identifier", { clientId: b.main, source: "crm", externalId: "B-1" }, { clientId: MISSING }),
      notFound("B's client, B's removed identifier", { clientId: b.main, source: "old", externalId: "B-OLD" }, { clientId: MISSING }),
      {
        // B's spare client holds it: no EXTERNAL_IDENTIFIER_IN_USE (an oracle), A's own identifier.
        label: "A's client, B's identifier",
        variables: { clientId: aId, source: "crm", externalId: "B-2" },
        expect: "OK",
        async check(p, dryRun) {
          if (dryRun) {
            expect(p.externalIdentifier).toBeNull();
            return;
          }
          expect(p.client?.id).toBe(aId);
          expect(await tenantOf("external_identifier", p.externalIdentifier.id)).toBe(tenantA);
        },
      },
      {
        // Removed in B: A gets a new identifier of its own, not B's row brought back.
        label: "A's client, B's removed identifier",
        variables: { clientId: aId, source: "old", externalId: "B-OLD" },
        expect: "OK",
        async check(p, dryRun) {
          if (dryRun) {
            expect(p.externalIdentifier).toBeNull();
            return;
          }
          expect(await tenantOf("external_identifier", p.externalIdentifier.id)).toBe(tenantA);
        },
      },
    ],
    replay: "NOT_FOUND",
  },
  removeExternalIdentifier: {
    kind: "mutation",
    live: () => [notFound("B's identifier", { source: "crm", externalId: "B-1" }, { externalId: "no-such-identifier" })],
    replay: "NOT_FOUND",
  },
  addFavoriteClient: {
    kind: "mutation",
    live: () => [notFound("B's client (a favourite there)", { clientId: b.main }, { clientId: MISSING }), notFound("B's client", { clientId: b.spare }, { clientId: MISSING })],
    replay: "NOT_FOUND",
  },
  removeFavoriteClient: {
    kind: "mutation",
    live: () => [notFound("B's client (a favourite there)", { clientId: b.main }, { clientId: MISSING })],
    replay: "NOT_FOUND",
  },

  sourceSystems: {
    kind: "query",
    async run() {
      const mine = (await asA(`{ sourceSystems { __typename id name } }`)).sourceSystems;
      expectNothingOfB(mine, "sourceSystems");
      for (const source of mine) expect(await tenantOf("source_system", source.id)).toBe(tenantA);
      expect((await asB(`{ sourceSystems { id } }`)).sourceSystems.map((s: { id: string }) => s.id)).toContain(b.source);
    },
  },
  sourcePrecedence: {
    kind: "query",
    async run() {
      const document = `{ sourcePrecedence { group sources isDefault } }`;
      const contact = (answer: Record<string, any>) => (answer.sourcePrecedence as { group: string; sources: string[]; isDefault: boolean }[]).find((g) => g.group === "CONTACT");
      expect(contact(await asB(document))).toEqual({ group: "CONTACT", sources: ["INVOICING", "CRM"], isDefault: false });
      expect(contact(await asA(document))?.sources).not.toEqual(["INVOICING", "CRM"]);
    },
  },
  sourceSystem: {
    kind: "query",
    async run() {
      const document = `query($id: ID!) { sourceSystem(id: $id) { __typename id name lastRun { id } runs { nodes { id } } } }`;
      for (const id of [b.source, MISSING, "not-an-id"]) expect({ id, answer: (await asA(document, { id })).sourceSystem }).toEqual({ id, answer: null });
      expect((await asB(document, { id: b.source })).sourceSystem.id).toBe(b.source);
    },
  },
  syncRun: {
    kind: "query",
    async run() {
      const document = `query($id: ID!) { syncRun(id: $id) { __typename id status source { id } issues { nodes { message } } } }`;
      for (const id of [b.finishedRun, b.openRun, MISSING]) expect({ id, answer: (await asA(document, { id })).syncRun }).toEqual({ id, answer: null });
      expect((await asB(document, { id: b.finishedRun })).syncRun.issues.nodes).toHaveLength(1);
    },
  },
  createSourceSystem: {
    kind: "mutation",
    live: () => [
      {
        // B's company id and credentials: no oracle, A's own source.
        label: "B's company id and token",
        variables: { input: { kind: "CRM", name: "A's CRM", baseUrl: "https://crm.example.test", companyId: "b-company", auth: { bearerToken: "b-token" } } },
        expect: "OK",
        async check(p, dryRun) {
          if (dryRun) return expect(p.sourceSystem).toBeNull();
          expect(p.sourceSystem).toEqual(expect.objectContaining({ __typename: "SourceSystem", name: "A's CRM", lastRun: null }));
          expect(await tenantOf("source_system", p.sourceSystem.id)).toBe(tenantA);
        },
      },
    ],
    replay: "OK",
    async replayCheck(p) {
      expect(p.sourceSystem).toEqual(expect.objectContaining({ name: "Keyed source", lastRun: null }));
      expect(await tenantOf("source_system", p.sourceSystem.id)).toBe(tenantA);
    },
  },
  updateSourceSystem: {
    kind: "mutation",
    live: () => [notFound("B's source", { id: b.source, patch: { name: "A was here" } }, { id: MISSING })],
    replay: "NOT_FOUND",
  },
  createWebhookSubscription: {
    kind: "mutation",
    live: () => [
      {
        // B's URL: no oracle, A's own subscription.
        label: "B's URL",
        variables: { input: { url: "http://127.0.0.1:9/b-hook", kinds: ["UPDATED"] } },
        expect: "OK",
        async check(p, dryRun) {
          if (dryRun) return expect(p.subscription).toBeNull();
          expect(p.subscription).toEqual({ __typename: "WebhookSubscription", id: expect.any(String), url: "http://127.0.0.1:9/b-hook", kinds: ["UPDATED"], deliveries: { nodes: [] } });
          expect(await tenantOf("webhook_subscription", p.subscription.id)).toBe(tenantA);
        },
      },
    ],
    replay: "OK",
    async replayCheck(p) {
      // A's replay of B's key is A's own call: it makes A's subscription, never shows B's.
      expect(p.subscription).toEqual(expect.objectContaining({ __typename: "WebhookSubscription", deliveries: { nodes: [] } }));
      expect(await tenantOf("webhook_subscription", p.subscription.id)).toBe(tenantA);
    },
  },
  deleteWebhookSubscription: {
    kind: "mutation",
    live: () => [notFound("B's subscription", { id: b.webhook }, { id: MISSING })],
    replay: "NOT_FOUND",
  },
  deleteSourceSystem: {
    kind: "mutation",
    // B would be told SYNC_RUN_OPEN.
    live: () => [notFound("B's source with an open run", { id: b.source }, { id: MISSING })],
    replay: "NOT_FOUND",
  },
  startSync: {
    kind: "mutation",
    // No B control: startSync has no dry run, and B's real call would change B's rows.
    live: () => [notFound("B's source", { sourceId: b.source }, { sourceId: MISSING }, false), notFound("B's source, full", { sourceId: b.source, full: true }, { sourceId: MISSING }, false)],
    replay: "NOT_FOUND",
  },
  cancelSync: {
    kind: "mutation",
    live: () => [notFound("B's open run", { runId: b.openRun }, { runId: MISSING }, false), notFound("B's finished run", { runId: b.finishedRun }, { runId: MISSING }, false)],
    replay: "NOT_FOUND",
  },
  setSourcePrecedence: {
    kind: "mutation",
    live: () => [
      {
        // B's group and ranking: A's own precedence changes, B's stays.
        label: "B's group",
        variables: { group: "CONTACT", sources: ["CREDIT_DATA"] },
        expect: "OK",
        async check(p, dryRun) {
          expect(p.precedence).toEqual({ group: "CONTACT", sources: ["CREDIT_DATA"], isDefault: false });
          const [bRow] = (await gateway.dataSource.query(`SELECT sources FROM source_precedence WHERE tenant_id = $1 AND field_group = 'CONTACT'`, [tenantB])) as { sources: string[] }[];
          expect(bRow.sources).toEqual(["INVOICING", "CRM"]);
          const aRows = (await gateway.dataSource.query(`SELECT sources FROM source_precedence WHERE tenant_id = $1 AND field_group = 'CONTACT'`, [tenantA])) as { sources: string[] }[];
          if (!dryRun) expect(aRows).toEqual([{ sources: ["CREDIT_DATA"] }]);
        },
      },
    ],
    replay: "OK",
    async replayCheck(p) {
      expect(p.precedence).toEqual({ group: "CONTACT", sources: ["INVOICING", "CRM"], isDefault: false });
    },
  },
  clientActionRun: {
    kind: "query",
    async run() {
      const document = `query Q($id: ID!) { clientActionRun(id: $id) { __typename id status client { __typename id } } }`;
      expect(b.actionRuns).toHaveLength(2);
      for (const id of b.actionRuns) {
        const theirs = (await asA(document, { id })).clientActionRun;
        expectNothingOfB(theirs, `clientActionRun ${id}`);
        expect({ id, theirs }).toEqual({ id, theirs: null });
        expect((await asB(document, { id })).clientActionRun?.id).toBe(id);
      }
    },
  },
  invokeClientAction: {
    kind: "mutation",
    live: () => [
      notFound("B's client", { clientId: b.main, serviceDefinition: "sendReminder", async: true }, { clientId: MISSING }),
      notFound("B's client by GUID", { clientUniqueId: b.mainGuid, serviceDefinition: "sendReminder", async: true }, { clientUniqueId: "00000000-0000-4000-8000-000000000000" }),
    ],
    replay: "NOT_FOUND",
  },
  invokeAction: {
    kind: "mutation",
    live: () => [
      notFound("B's Aptic source", { sourceId: b.aptic, serviceDefinition: "recalculate", async: true }, { sourceId: MISSING }),
      {
        label: "A's own source",
        variables: { serviceDefinition: "recalculate", async: true },
        expect: "OK",
        async check(p, dryRun) {
          if (dryRun) return expect(p.preview.sourceId).not.toBe(b.aptic);
          expect(await tenantOf("client_action_run", p.run.id)).toBe(tenantA);
        },
      },
    ],
    replay: "OK",
    async replayCheck(p) {
      expect(await tenantOf("client_action_run", p.run.id)).toBe(tenantA);
    },
  },
  pricelistOptions: {
    kind: "query",
    async run() {
      const document = `query Q($clientId: ID) { pricelistOptions(clientId: $clientId) { templates { __typename id name } services { __typename id serviceId name } clientTemplate { __typename id name } } }`;
      for (const clientId of [b.main, b.spare]) {
        const theirs = (await asA(document, { clientId })).pricelistOptions;
        expectNothingOfB(theirs, `pricelistOptions ${clientId}`);
        expect({ clientId, theirs }).toEqual({ clientId, theirs: null });
        // The control: B gets its own.
        expect((await asB(document, { clientId })).pricelistOptions.templates.length).toBeGreaterThan(0);
      }
      const own = (await asA(document, {})).pricelistOptions;
      expectNothingOfB(own, "pricelistOptions");
      expect(own.templates.map((t: { name: string }) => t.name)).not.toContain("B only");
    },
  },
  // Before setPricelistService, whose replay of B's key gives A a service 12 of its own.
  deletePricelistService: {
    kind: "mutation",
    live: () => [notFound("B's unused service", { serviceId: 12 }, { serviceId: 99999 })],
    replay: "NOT_FOUND",
  },
  setPricelistService: {
    kind: "mutation",
    live: () => [
      {
        label: "B's service id",
        variables: { serviceId: 10, input: { name: "A's service" } },
        expect: "OK",
        async check(p, dryRun) {
          if (dryRun) return expect(p.service).toBeNull();
          expect(await tenantOf("pricelist_service", p.service.id)).toBe(tenantA);
        },
      },
    ],
    replay: "OK",
    async replayCheck(p) {
      expect(await tenantOf("pricelist_service", p.service.id)).toBe(tenantA);
    },
  },
  ...Object.fromEntries(
    (
      [
        ["PricelistTemplate", "pricelist_template", "pricelistTemplate", { lines: [{ pricelistName: "A's fees", serviceId: 10 }] }],
        ["ParameterTemplate", "parameter_template", "parameterTemplate", { parameters: [{ name: "fromA", value: "1" }] }],
        ["ChartOfAccountTemplate", "chart_of_account_template", "chartOfAccountTemplate", { accounts: [{ accountNumber: "1", name: "A's cash" }] }],
      ] as const
    ).flatMap(([type, table, field, input]): [string, MutationCase][] => [
      // Before set{Kind}, whose replay of B's key gives A a "B template" of its own.
      [
        `delete${type}`,
        {
          kind: "mutation",
          live: () => [notFound("B's template", { name: "B template" }, { name: "nobody's" })],
          replay: "NOT_FOUND",
        },
      ],
      [
        `set${type}`,
        {
          kind: "mutation",
          live: () => [
            {
              label: "B's template name",
              variables: { name: "B only", input },
              expect: "OK",
              async check(p, dryRun) {
                if (dryRun) return expect(p[field]).toBeNull();
                expect(await tenantOf(table, p[field].id)).toBe(tenantA);
              },
            },
          ],
          replay: "OK",
          async replayCheck(p) {
            expect(await tenantOf(table, p[field].id)).toBe(tenantA);
          },
        },
      ],
    ]),
  ),
};

async function runMutationCase(field: string, c: MutationCase): Promise<void> {
  for (const variant of c.live()) {
    // The dry run first: a successful real call could make the dry run differ (A's own duplicate).
    for (const dryRun of SHAPES[field].noDryRun ? [false] : [true, false]) {
      const where = `${field} (${variant.label}${dryRun ? ", dry run" : ""})`;
      const payload = await mutate(tenantA, field, variant.variables, newKey(), dryRun);
      expectNothingOfB(payload, where);
      expect({ where, replayed: payload.replayed, dryRun: payload.dryRun }).toEqual({ where, replayed: false, dryRun });
      if (variant.expect === "OK") {
        expect({ where, error: payload.error }).toEqual({ where, error: null });
        await variant.check?.(payload, dryRun);
        continue;
      }
      expect({ where, code: payload.error?.code }).toEqual({ where, code: variant.expect });
      expectEmpty(payload, where);
      if (variant.missing) {
        const missing = await mutate(tenantA, field, variant.missing, newKey(), dryRun);
        expect({ where, answer: payload }).toEqual({ where, answer: missing });
      }
      if (dryRun && variant.bControl !== false) {
        // The control: B itself, in a dry run (nothing written), is not refused the same way.
        const control = await mutate(tenantB, field, variant.variables, newKey(), true);
        expect({ where, controlCode: control.error?.code ?? null }).not.toEqual({ where, controlCode: variant.expect });
      }
    }
  }
  // B's used keys, with B's exact arguments: A's own call, never B's stored answer.
  const used = bUsed[field];
  expect({ field, bCalls: used?.length ?? 0 }).not.toEqual({ field, bCalls: 0 });
  for (const { key, variables } of used) {
    const where = `${field} (B's key ${key})`;
    const payload = await mutate(tenantA, field, variables, key, false);
    expectNothingOfB(payload, where);
    expect({ where, replayed: payload.replayed }).toEqual({ where, replayed: false });
    if (c.replay === "OK") {
      expect({ where, error: payload.error }).toEqual({ where, error: null });
      await c.replayCheck?.(payload);
    } else {
      expect({ where, code: payload.error?.code }).toEqual({ where, code: c.replay });
      expectEmpty(payload, where);
    }
    // The key is A's now too: stored in A, beside B's (which the snapshot checks).
    const [{ n }] = (await gateway.dataSource.query(`SELECT count(*)::int AS n FROM idempotency_key WHERE tenant_id = $1 AND mutation = $2 AND key = $3`, [tenantA, field, key])) as { n: number }[];
    expect({ where, storedInA: n }).toEqual({ where, storedInA: 1 });
  }
}

describe("tenant A's most powerful token on tenant B's identifiers", () => {
  it("starts from B having a row in every tenant table", () => {
    expect(tables.length).toBeGreaterThanOrEqual(17);
    expect(tables.filter((table) => before[table].length === 0)).toEqual([]);
  });

  it.each(Object.keys(MATRIX))("%s: reads nothing of B, changes nothing of B", async (field) => {
    const c = MATRIX[field];
    if (c.kind === "query") await c.run();
    else await runMutationCase(field, c);
    await expectBUnchanged();
  });

  it("left B's data exactly as it was, and nothing of A's points at B's records", async () => {
    await gateway.flushOpenedClients();
    await expectBUnchanged();
    const bClientIds = [...(bIds.get("Client") ?? [])];
    for (const table of tables) {
      const columns = ((await gateway.dataSource.query(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name IN ('client_id', 'parent_id')`,
        [table],
      )) as { name: string }[]).map((c) => c.name);
      for (const column of columns) {
        const [{ n }] = (await gateway.dataSource.query(`SELECT count(*)::int AS n FROM "${table}" WHERE tenant_id = $1 AND "${column}" = ANY($2::bigint[])`, [tenantA, bClientIds])) as { n: number }[];
        expect({ table, column, rowsOfAPointingAtB: n }).toEqual({ table, column, rowsOfAPointingAtB: 0 });
      }
    }
    // A's audit trail names only A's records.
    const audits = (await gateway.dataSource.query(`SELECT entity_type, entity_id FROM audit_entry WHERE tenant_id = $1`, [tenantA])) as { entity_type: string; entity_id: string }[];
    expect(audits.length).toBeGreaterThan(0);
    expect(audits.filter((a) => bIds.get(a.entity_type)?.has(String(a.entity_id)))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Completeness: every root field with such an argument has its case.

/** An argument naming a record or a call: an id, a GUID, an org number, an external id, a key. */
const IDENTIFIER_NAME = /^(id|uniqueId|guid|orgNumber|externalId|key|idempotencyKey)$|(Id|ID|Guid|GUID|Key|OrgNumber)$/;

function identifierPaths(args: readonly (GraphQLArgument | GraphQLInputField)[], prefix: string, seen: ReadonlySet<string>): string[] {
  const paths: string[] = [];
  for (const arg of args) {
    const type = getNamedType(arg.type);
    const at = `${prefix}${arg.name}`;
    if (IDENTIFIER_NAME.test(arg.name) || type.name === "ID" || type.name === "UUID") paths.push(at);
    if (isInputObjectType(type) && !seen.has(type.name)) {
      paths.push(...identifierPaths(Object.values(type.getFields()), `${at}.`, new Set([...seen, type.name])));
    }
  }
  return paths;
}

function fieldsWithIdentifiers(schema: GraphQLSchema): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const paths = identifierPaths(field.args, "", new Set());
      if (paths.length > 0) found[field.name] = paths;
    }
  }
  return found;
}

describe("the matrix's completeness", () => {
  it("has a case for every query and mutation that takes an id, GUID, org number, external id or key", async () => {
    const fromFile = buildSchema(fs.readFileSync(path.join(__dirname, "..", "schema", "schema.graphql"), "utf8"));
    const served = await buildGatewaySchema();
    const required = { ...fieldsWithIdentifiers(fromFile), ...fieldsWithIdentifiers(served) };
    // The walk itself finds nested and typed arguments.
    expect(required.clients).toEqual(expect.arrayContaining(["filter.id", "filter.id.eq", "filter.parentId", "filter.orgNumber"]));
    expect(required.clientByUniqueId).toEqual(["uniqueId"]);
    expect(required.createClient).toEqual(expect.arrayContaining(["idempotencyKey", "input.parentId", "input.orgNumber"]));
    const missing = Object.keys(required).filter((field) => !(field in MATRIX)).sort();
    expect({ fieldsWithoutACase: missing.map((field) => `${field} (${required[field].join(", ")})`) }).toEqual({ fieldsWithoutACase: [] });
    // And no case for a field that isn't there (a typo would pass unnoticed otherwise).
    const roots = new Set([served.getQueryType(), served.getMutationType()].flatMap((type) => Object.keys(type?.getFields() ?? {})));
    expect(Object.keys(MATRIX).filter((field) => !roots.has(field))).toEqual([]);
    // Each mutation case has B's call to replay, built from a shape that names the field.
    expect(Object.keys(MATRIX).filter((field) => MATRIX[field].kind === "mutation" && !SHAPES[field])).toEqual([]);
  });
});
