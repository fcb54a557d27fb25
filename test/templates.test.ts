import { dataOf, TestGateway } from "./helpers/harness";
import { countRows, newKey, swedishOrgNumber, WRITER } from "./helpers/mutations";

/**
 * Issue 14, "The Aptic surface": the company's pricelist services and templates (pricelist,
 * parameter, chart of accounts), defined through the pipeline and applied by createClient and
 * bulkCreateClients; the document's {templates, services} operation as pricelistOptions.
 */

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

const ERROR = "error { code message failures { field message } }";

async function run(tenant: string, query: string, variables: Record<string, unknown> = {}, scopes = WRITER): Promise<any> {
  const data = dataOf(await gateway.send<Record<string, any>>(query, { key: newKey(), ...variables }, { tenant, scopes }));
  return Object.values(data)[0];
}

const SET_SERVICE = `mutation($id: Int!, $input: PricelistServiceInput!, $key: String!, $dry: Boolean) {
  setPricelistService(serviceId: $id, input: $input, idempotencyKey: $key, dryRun: $dry) { ${ERROR} dryRun replayed service { id serviceId name isActive } preview { serviceId name } } }`;
const SET_PRICELIST_TEMPLATE = `mutation($name: String!, $input: PricelistTemplateInput!, $key: String!, $dry: Boolean) {
  setPricelistTemplate(name: $name, input: $input, idempotencyKey: $key, dryRun: $dry) { ${ERROR} dryRun replayed
    pricelistTemplate { id name description templatePricelistId lines { pricelistName currencyCode isActive serviceId isDefaultPricelist condition creditorFeeEvents } }
    preview { name lines { pricelistName } } } }`;
const SET_PARAMETER_TEMPLATE = `mutation($name: String!, $input: ParameterTemplateInput!, $key: String!) {
  setParameterTemplate(name: $name, input: $input, idempotencyKey: $key) { ${ERROR} parameterTemplate { id name parameters { name type value } } } }`;
const SET_ACCOUNT_TEMPLATE = `mutation($name: String!, $input: ChartOfAccountTemplateInput!, $key: String!) {
  setChartOfAccountTemplate(name: $name, input: $input, idempotencyKey: $key) { ${ERROR} chartOfAccountTemplate { id name accounts { accountNumber name accountType } } } }`;
const CREATE = `mutation($input: CreateClientInput!, $key: String!, $dry: Boolean) {
  createClient(input: $input, idempotencyKey: $key, dryRun: $dry) { ${ERROR} dryRun
    client { id pricelistTemplate parameterTemplate chartOfAccountTemplate
      pricelists { pricelistName currencyCode serviceId isDefaultPricelist creditorFeeEvents condition templatePricelistId }
      parameters { name type value } chartOfAccounts { accountNumber name accountType } }
    preview { name pricelists { pricelistName serviceId isDefaultPricelist } parameters { name value } chartOfAccounts { accountNumber } } } }`;
const BULK = `mutation($inputs: [CreateClientInput!]!, $key: String!, $all: Boolean) {
  bulkCreateClients(inputs: $inputs, allOrNothing: $all, idempotencyKey: $key) { ${ERROR} summary { succeeded failed }
    results { ok requestIndex error { code failures { field message } } client { id name pricelists { pricelistName } parameters { name } chartOfAccounts { accountNumber } } } } }`;

/** A company with services 10 and 20, and one template of each kind ("Standard"). */
async function companyWithTemplates(): Promise<string> {
  const tenant = gateway.newTenant();
  expect((await run(tenant, SET_SERVICE, { id: 10, input: { name: "Collection" } })).error).toBeNull();
  expect((await run(tenant, SET_SERVICE, { id: 20, input: { name: "Factoring", description: "Invoice purchase" } })).error).toBeNull();
  const pricelist = await run(tenant, SET_PRICELIST_TEMPLATE, {
    name: "Standard",
    input: {
      description: "The usual fees",
      templatePricelistId: 7,
      lines: [
        { pricelistName: "Collection fees", currencyCode: "sek", serviceId: 10, isDefaultPricelist: true, condition: "30 days", creditorFeeEvents: true },
        { pricelistName: "Factoring fees", serviceId: 20 },
      ],
    },
  });
  expect(pricelist.error).toBeNull();
  const parameters = await run(tenant, SET_PARAMETER_TEMPLATE, { name: "Standard", input: { parameters: [{ name: "reminderDays", value: "14" }, { name: "language", type: "text", value: "sv" }] } });
  expect(parameters.error).toBeNull();
  const accounts = await run(tenant, SET_ACCOUNT_TEMPLATE, {
    name: "Standard",
    input: { accounts: [{ accountNumber: "1510", name: "Accounts receivable", accountType: "ASSET" }, { accountNumber: "3010", name: "Sales", accountType: "REVENUE" }] },
  });
  expect(accounts.error).toBeNull();
  return tenant;
}

const STANDARD = { pricelistTemplate: "Standard", parameterTemplate: "Standard", chartOfAccountTemplate: "Standard" };

describe("defining templates", () => {
  it("stores a pricelist template with its lines normalised and defaults filled, and answers it in pricelistOptions with the services", async () => {
    const tenant = await companyWithTemplates();
    const options = await run(tenant, `{ pricelistOptions { templates { name description templatePricelistId lines { pricelistName currencyCode isActive serviceId isDefaultPricelist condition creditorFeeEvents } } services { serviceId name description isActive } clientTemplate { name } } }`, {}, ["clients:read"]);
    expect(options).toEqual({
      templates: [
        {
          name: "Standard",
          description: "The usual fees",
          templatePricelistId: 7,
          lines: [
            { pricelistName: "Collection fees", currencyCode: "SEK", isActive: true, serviceId: 10, isDefaultPricelist: true, condition: "30 days", creditorFeeEvents: true },
            { pricelistName: "Factoring fees", currencyCode: null, isActive: true, serviceId: 20, isDefaultPricelist: false, condition: null, creditorFeeEvents: false },
          ],
        },
      ],
      services: [
        { serviceId: 10, name: "Collection", description: null, isActive: true },
        { serviceId: 20, name: "Factoring", description: "Invoice purchase", isActive: true },
      ],
      clientTemplate: null,
    });
    const lists = dataOf(await gateway.send<any>(`{ parameterTemplates { name parameters { name type value } } chartOfAccountTemplates { name accounts { accountNumber accountType } } }`, {}, { tenant }));
    expect(lists.parameterTemplates).toEqual([{ name: "Standard", parameters: [{ name: "reminderDays", type: null, value: "14" }, { name: "language", type: "text", value: "sv" }] }]);
    expect(lists.chartOfAccountTemplates).toEqual([{ name: "Standard", accounts: [{ accountNumber: "1510", accountType: "ASSET" }, { accountNumber: "3010", accountType: "REVENUE" }] }]);
  });

  it("refuses a bad definition with every failing field at once and writes nothing", async () => {
    const tenant = await companyWithTemplates();
    const before = await countRows(gateway, "audit_entry", tenant);
    const bad = await run(tenant, SET_PRICELIST_TEMPLATE, {
      name: "",
      input: {
        lines: [
          { pricelistName: "A", serviceId: 10, isDefaultPricelist: true, currencyCode: "SEK" },
          { pricelistName: "B", serviceId: 99, isDefaultPricelist: true },
          { serviceId: 20 },
        ],
      },
    });
    expect(bad.error.code).toBe("INVALID_DATA");
    expect(bad.error.failures.map((f: { field: string }) => f.field).sort()).toEqual(
      ["name", "input.lines.1.isDefaultPricelist", "input.lines.2.pricelistName"].sort(),
    );
    // The unknown service is a database check: reported once the field checks pass.
    const unknown = await run(tenant, SET_PRICELIST_TEMPLATE, { name: "Other", input: { lines: [{ pricelistName: "B", serviceId: 99 }, { pricelistName: "C", serviceId: 10 }] } });
    expect(unknown.error.failures).toEqual([{ field: "input.lines.0.serviceId", message: "No pricelist service with this id (setPricelistService defines one)" }]);
    const duplicates = await run(tenant, SET_PARAMETER_TEMPLATE, { name: "Dup", input: { parameters: [{ name: "a" }, { name: "a" }] } });
    expect(duplicates.error.failures).toEqual([{ field: "input.parameters.1.name", message: "Already in item 0: must be unique in the template" }]);
    const empty = await run(tenant, SET_ACCOUNT_TEMPLATE, { name: "Empty", input: { accounts: [] } });
    expect(empty.error.failures).toEqual([{ field: "input.accounts", message: "Give 1 to 1000 items" }]);
    expect(await countRows(gateway, "pricelist_template", tenant)).toBe(1);
    expect(await countRows(gateway, "audit_entry", tenant)).toBe(before);
  });

  it("replaces a template by name (audited, with no client), replays a retry, and a dry run stores nothing", async () => {
    const tenant = await companyWithTemplates();
    const key = newKey();
    const input = { lines: [{ pricelistName: "Only", serviceId: 20 }] };
    const dry = await run(tenant, SET_PRICELIST_TEMPLATE, { name: "Standard", input, dry: true, key });
    expect(dry).toMatchObject({ error: null, dryRun: true, pricelistTemplate: null, preview: { name: "Standard", lines: [{ pricelistName: "Only" }] } });
    const first = await run(tenant, SET_PRICELIST_TEMPLATE, { name: "Standard", input, key });
    expect(first.pricelistTemplate).toMatchObject({ name: "Standard", description: null, templatePricelistId: null, lines: [{ pricelistName: "Only", serviceId: 20 }] });
    const again = await run(tenant, SET_PRICELIST_TEMPLATE, { name: "Standard", input, key });
    expect(again).toMatchObject({ replayed: true, pricelistTemplate: first.pricelistTemplate });
    expect(await countRows(gateway, "pricelist_template", tenant)).toBe(1);
    const entries = (await gateway.dataSource.query(
      `SELECT client_id, operation, changes FROM audit_entry WHERE tenant_id = $1 AND entity_type = 'PricelistTemplate' ORDER BY id`,
      [tenant],
    )) as { client_id: string | null; operation: string; changes: { field: string }[] }[];
    expect(entries.map((e) => [e.client_id, e.operation])).toEqual([
      [null, "setPricelistTemplate"],
      [null, "setPricelistTemplate"],
    ]);
    expect(entries[1].changes.map((c) => c.field).sort()).toEqual(["description", "lines", "templatePricelistId"]);
  });

  it("keeps a service a template prices (SERVICE_IN_USE), deletes it once unused, and deletes a template by name", async () => {
    const tenant = await companyWithTemplates();
    const DELETE_SERVICE = `mutation($id: Int!, $key: String!) { deletePricelistService(serviceId: $id, idempotencyKey: $key) { ${ERROR} service { serviceId } } }`;
    const refused = await run(tenant, DELETE_SERVICE, { id: 20 });
    expect(refused.error.code).toBe("SERVICE_IN_USE");
    const deleted = await run(tenant, `mutation($key: String!) { deletePricelistTemplate(name: "Standard", idempotencyKey: $key) { ${ERROR} pricelistTemplate { name } } }`);
    expect(deleted).toMatchObject({ error: null, pricelistTemplate: { name: "Standard" } });
    expect((await run(tenant, DELETE_SERVICE, { id: 20 })).service).toEqual({ serviceId: 20 });
    expect((await run(tenant, DELETE_SERVICE, { id: 20 })).error.code).toBe("NOT_FOUND");
  });

  it("is the company's own: another company sees none and can't use them", async () => {
    await companyWithTemplates();
    const other = gateway.newTenant();
    const options = await run(other, `{ pricelistOptions { templates { name } services { serviceId } } }`, {}, ["clients:read"]);
    expect(options).toEqual({ templates: [], services: [] });
    const created = await run(other, CREATE, { input: { name: "Other AB", ...STANDARD } });
    expect(created.error.code).toBe("INVALID_DATA");
  });

  it("needs clients:write to define and clients:read to read", async () => {
    const tenant = gateway.newTenant();
    const refused = await gateway.send(SET_SERVICE, { id: 1, input: { name: "X" }, key: newKey() }, { tenant, scopes: ["clients:read"] });
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const unread = await gateway.send(`{ pricelistOptions { services { serviceId } } }`, {}, { tenant, scopes: ["clients:write"] });
    expect(unread.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("applying templates on create", () => {
  it("createClient gives the client the pricelists, parameters and chart of accounts of the templates it names, audited in its history", async () => {
    const tenant = await companyWithTemplates();
    const created = await run(tenant, CREATE, { input: { name: "Templated AB", countryCode: "SE", orgNumber: swedishOrgNumber(41), ...STANDARD } });
    expect(created.error).toBeNull();
    expect(created.client).toMatchObject({
      ...STANDARD,
      pricelists: [
        { pricelistName: "Collection fees", currencyCode: "SEK", serviceId: 10, isDefaultPricelist: true, creditorFeeEvents: true, condition: "30 days", templatePricelistId: 7 },
        { pricelistName: "Factoring fees", currencyCode: null, serviceId: 20, isDefaultPricelist: false, creditorFeeEvents: false, condition: null, templatePricelistId: 7 },
      ],
      parameters: [
        { name: "language", type: "text", value: "sv" },
        { name: "reminderDays", type: null, value: "14" },
      ],
      chartOfAccounts: [
        { accountNumber: "1510", name: "Accounts receivable", accountType: "ASSET" },
        { accountNumber: "3010", name: "Sales", accountType: "REVENUE" },
      ],
    });
    const history = (await gateway.dataSource.query(`SELECT entity_type, operation FROM audit_entry WHERE tenant_id = $1 AND client_id = $2 ORDER BY id`, [tenant, created.client.id])) as {
      entity_type: string;
      operation: string;
    }[];
    expect(history.map((h) => h.entity_type)).toEqual(["Client", "Pricelist", "Pricelist", "ClientParameter", "ClientParameter", "ClientAccount", "ClientAccount"]);
    expect(new Set(history.map((h) => h.operation))).toEqual(new Set(["createClient"]));
    const options = await run(tenant, `query($id: ID) { pricelistOptions(clientId: $id) { clientTemplate { name } services { serviceId } } }`, { id: created.client.id }, ["clients:read"]);
    expect(options).toEqual({ clientTemplate: { name: "Standard" }, services: [{ serviceId: 10 }, { serviceId: 20 }] });
    expect(await run(tenant, `{ pricelistOptions(clientId: "999999999") { clientTemplate { name } } }`, {}, ["clients:read"])).toBeNull();
  });

  it("a dry run shows what the templates would give in its preview and writes nothing", async () => {
    const tenant = await companyWithTemplates();
    const dry = await run(tenant, CREATE, { input: { name: "Dry AB", ...STANDARD }, dry: true });
    expect(dry).toMatchObject({
      error: null,
      dryRun: true,
      client: null,
      preview: {
        name: "Dry AB",
        pricelists: [
          { pricelistName: "Collection fees", serviceId: 10, isDefaultPricelist: true },
          { pricelistName: "Factoring fees", serviceId: 20, isDefaultPricelist: false },
        ],
        parameters: [{ name: "reminderDays", value: "14" }, { name: "language", value: "sv" }],
        chartOfAccounts: [{ accountNumber: "1510" }, { accountNumber: "3010" }],
      },
    });
    const plain = await run(tenant, CREATE, { input: { name: "Plain AB" }, dry: true });
    expect(plain.preview).toMatchObject({ pricelists: [], parameters: [], chartOfAccounts: [] });
    for (const table of ["client", "pricelist", "client_parameter", "client_account"]) expect(await countRows(gateway, table, tenant)).toBe(0);
  });

  it("an unknown template name is INVALID_DATA at its field, with every other bad field, and nothing is written", async () => {
    const tenant = await companyWithTemplates();
    const bad = await run(tenant, CREATE, { input: { name: "", phone: "x".repeat(81), pricelistTemplate: "Nope", parameterTemplate: "Standard", chartOfAccountTemplate: "Missing" } });
    expect(bad.error.code).toBe("INVALID_DATA");
    expect(bad.error.failures).toEqual(
      expect.arrayContaining([
        { field: "input.pricelistTemplate", message: "No pricelist template of this name (setPricelistTemplate defines one)" },
        { field: "input.chartOfAccountTemplate", message: "No chart-of-account template of this name (setChartOfAccountTemplate defines one)" },
      ]),
    );
    expect(bad.error.failures.map((f: { field: string }) => f.field).sort()).toEqual(["input.chartOfAccountTemplate", "input.name", "input.phone", "input.pricelistTemplate"]);
    for (const table of ["client", "pricelist", "client_parameter", "client_account"]) expect(await countRows(gateway, table, tenant)).toBe(0);
  });

  it("bulkCreateClients applies each item's templates; an item naming an unknown one fails at its path, alone", async () => {
    const tenant = await companyWithTemplates();
    const bulk = await run(tenant, BULK, {
      inputs: [
        { name: "One AB", pricelistTemplate: "Standard" },
        { name: "Two AB", parameterTemplate: "Nope" },
        { name: "Three AB", chartOfAccountTemplate: "Standard", parameterTemplate: "Standard" },
      ],
    });
    expect(bulk.summary).toEqual({ succeeded: 2, failed: 1 });
    expect(bulk.results[0].client).toMatchObject({ name: "One AB", pricelists: [{ pricelistName: "Collection fees" }, { pricelistName: "Factoring fees" }], parameters: [], chartOfAccounts: [] });
    expect(bulk.results[1]).toMatchObject({ ok: false, error: { code: "INVALID_DATA", failures: [{ field: "inputs.1.parameterTemplate" }] } });
    expect(bulk.results[2].client).toMatchObject({ pricelists: [], parameters: [{ name: "language" }, { name: "reminderDays" }], chartOfAccounts: [{ accountNumber: "1510" }, { accountNumber: "3010" }] });
    expect(await countRows(gateway, "client", tenant)).toBe(2);
    expect(await countRows(gateway, "pricelist", tenant)).toBe(2);
    const none = await run(tenant, BULK, { inputs: [{ name: "Four AB", pricelistTemplate: "Standard" }, { name: "Five AB", pricelistTemplate: "Nope" }], all: true });
    expect(none.error.code).toBe("INVALID_DATA");
    expect(await countRows(gateway, "pricelist", tenant)).toBe(2);
  });
});

describe("Client.chartOfAccounts", () => {
  it("is batched: a page of 5 and of 40 clients with their charts of accounts cost the same statements", async () => {
    const tenant = await companyWithTemplates();
    const counts: number[] = [];
    for (const size of [5, 40]) {
      const inputs = Array.from({ length: size }, (_, i) => ({ name: `Batched ${size}-${i}`, chartOfAccountTemplate: "Standard" }));
      for (let at = 0; at < inputs.length; at += 50) expect((await run(tenant, BULK, { inputs: inputs.slice(at, at + 50) })).summary.failed).toBe(0);
      const page = dataOf(
        await gateway.send<any>(`query($first: Int) { clients(first: $first, orderBy: [{ field: CREATED_AT, direction: DESC }]) { nodes { chartOfAccounts { accountNumber } } } }`, { first: size }, { tenant }),
      ).clients.nodes;
      expect(page.every((n: { chartOfAccounts: unknown[] }) => n.chartOfAccounts.length === 2)).toBe(true);
      counts.push(gateway.lastRequest().stats.statements);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
