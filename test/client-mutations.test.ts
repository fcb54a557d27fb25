import {
  ArchiveClientDocument,
  ClientWrittenByIdDocument,
  ClientHistoryDocument,
  ClientsPageDocument,
  ClientsWithRelationsDocument,
  CreateClientDocument,
  CreateClientInput,
  RestoreClientDocument,
  UpdateClientDocument,
} from "./generated/graphql";
import { dataOf, TestGateway } from "./helpers/harness";
import { createClients, fullGraph } from "./helpers/fixtures";
import { footprint, newKey, swedishOrgNumber, swedishPersonalNumber, WRITER } from "./helpers/mutations";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

const acme = (n: number): CreateClientInput => ({
  name: `Acme ${n} AB`,
  legalName: `Acme ${n} Aktiebolag`,
  countryCode: "SE",
  orgNumber: `${swedishOrgNumber(n).slice(0, 6)}-${swedishOrgNumber(n).slice(6)}`,
  vatNumber: `SE${swedishOrgNumber(n)}01`,
  companyType: "SE_AKTIEBOLAG",
  email: "billing@acme.example",
  phone: "+46 8 123 456",
  website: "https://acme.example",
  languageCode: "sv",
  currencyCode: "SEK",
  creditLimit: "250000.00",
  creditLimitCurrency: "SEK",
  vatRate: "25",
  paymentTerms: 30,
  referenceCode: `R-${n}`,
  notes: "Key account",
});

async function create(tenant: string, input: CreateClientInput, key = newKey(), dryRun?: boolean, scopes = WRITER) {
  return gateway.call(CreateClientDocument, { input, key, dryRun }, { tenant, scopes });
}

/** A writer that may write personal identity numbers. */
const PII_WRITER = [...WRITER, "clients:pii"];

describe("createClient", () => {
  it("stores every field, normalises the org number, checks the VAT number with VIES and audits the change", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const response = await create(tenant, acme(1), key);
    const payload = dataOf(response).createClient;
    expect(payload.error).toBeNull();
    expect(payload).toMatchObject({ dryRun: false, replayed: false, preview: null });
    const client = payload.client!;
    expect(client).toMatchObject({
      name: "Acme 1 AB",
      orgNumber: `${swedishOrgNumber(1).slice(0, 6)}-${swedishOrgNumber(1).slice(6)}`,
      countryCode: "SE",
      vatNumber: `SE${swedishOrgNumber(1)}01`,
      vatNumberValidated: true,
      clientType: "BUSINESS",
      creditLimit: "250000.00",
      vatRate: "25.0000",
      active: true,
      blocked: false,
      archivedAt: null,
    });
    expect(client.vatNumberValidatedAt).not.toBeNull();
    const [stored] = (await gateway.dataSource.query("SELECT org_number FROM client WHERE id = $1", [client.id])) as { org_number: string }[];
    expect(stored.org_number).toBe(swedishOrgNumber(1));

    const history = dataOf(await gateway.call(ClientHistoryDocument, { id: client.id }, { tenant })).client!.history;
    const operations = history.edges.map((e) => e.node.operation);
    expect(operations).toEqual(["createClient", "createClient"]); // the insert, then the VIES result
    const [vies, insert] = history.edges.map((e) => e.node);
    expect(insert).toMatchObject({ entityType: "Client", entityId: client.id, actor: "test-user", idempotencyKey: key, requestId: response.extensions?.requestId });
    expect(insert.changes).toEqual(expect.arrayContaining([{ field: "name", before: null, after: "Acme 1 AB" }]));
    expect(vies.changes.map((c) => c.field).sort()).toEqual(["vatNumberValidated", "vatNumberValidatedAt"]);
  });

  it("reports eight bad fields at once, with their paths, and writes nothing", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const bad: CreateClientInput = {
      name: "   ",
      website: "ftp://files.example",
      countryCode: "SE",
      orgNumber: "556036-0794",
      languageCode: "xx",
      vatRate: "100.5",
      paymentTerms: 5000,
      referenceCode: "R".repeat(51),
      leiNumber: "5493001KJTIIGC8Y1R13",
    };
    const payload = dataOf(await create(tenant, bad, key)).createClient;
    expect(payload.client).toBeNull();
    expect(payload.error?.code).toBe("INVALID_DATA");
    expect(payload.error?.failures.map((f) => f.field).sort()).toEqual(
      ["input.name", "input.website", "input.orgNumber", "input.languageCode", "input.vatRate", "input.paymentTerms", "input.referenceCode", "input.leiNumber"].sort(),
    );
    expect(payload.error?.failures.every((f) => f.message.length > 0)).toBe(true);
    expect(await footprint(gateway, tenant)).toEqual({ clients: 0, keys: 0, audit: 0 });
    // Nothing was stored for the key: the corrected call with the same key goes through.
    const retried = dataOf(await create(tenant, acme(2), key)).createClient;
    expect(retried.error).toBeNull();
    expect(retried.replayed).toBe(false);
  });

  it("checks a sole trader's personnummer, stores it with its century and masks it without clients:pii", async () => {
    const tenant = gateway.newTenant();
    const personal = swedishPersonalNumber("811218", "987");
    const input: CreateClientInput = { name: "Anna Svensson", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: `${personal.slice(0, 6)}-${personal.slice(6)}`, email: "anna@example.se" };
    // Writing a personnummer needs clients:pii.
    const created = dataOf(await create(tenant, input, newKey(), false, PII_WRITER)).createClient;
    expect(created.error).toBeNull();
    expect(created.client!.orgNumber).toBe(`19${personal.slice(0, 6)}-${personal.slice(6)}`);
    const withoutPii = dataOf(await gateway.call(ClientWrittenByIdDocument, { id: created.client!.id }, { tenant, scopes: ["clients:read"] })).client!;
    expect(withoutPii.orgNumber).toBe("19811218-****");
    // The audit trail never holds it in clear, whoever reads it.
    const history = dataOf(await gateway.call(ClientHistoryDocument, { id: created.client!.id }, { tenant, scopes: ["clients:read", "clients:pii"] })).client!.history;
    const text = JSON.stringify(history);
    expect(text).not.toContain(personal.slice(6));
    expect(text).toContain("19811218-****");
    expect(text).not.toContain("anna@example.se");

    const wrong = dataOf(await create(tenant, { ...input, orgNumber: "811218-9870" }, newKey(), false, PII_WRITER)).createClient;
    expect(wrong.error?.failures).toEqual([{ field: "input.orgNumber", message: "Not a valid personnummer (date and check digit)" }]);
    // A personnummer is no organisationsnummer: it can't come back in clear as a business's number.
    const asBusiness = dataOf(await create(tenant, { name: "Anna's firm", countryCode: "SE", orgNumber: personal }, newKey(), false, PII_WRITER)).createClient;
    expect(asBusiness.error?.failures).toEqual([{ field: "input.orgNumber", message: "Not a valid org number of SE (check digit or length)" }]);
  });

  it("refuses text without a visible character, and bidi override/isolate controls, in any text field", async () => {
    const tenant = gateway.newTenant();
    const BLANK = "Must not be blank";
    const INVISIBLE = "Has no visible character (null clears the field)";
    const BIDI = "Must not contain bidirectional override or isolate controls (U+202A..U+202E, U+2066..U+2069)";
    const payload = dataOf(await create(tenant, {
      name: "\u200B\u200D\u2060\uFEFF", // zero-width space, joiner, word joiner, BOM
      legalName: "\u202E\u2066\u2069", // bidi controls alone
      informalName: "\u3164\u115F", // Hangul fillers: letters that draw nothing
      contactPerson: "\u0301\u034F", // a combining accent on nothing, a grapheme joiner
      city: " \u00A0\t", // whitespace only
      notes: "Pay to \u202Eevil\u202C please", // visible, but reordered on screen
      street: "Main \u2067street\u2069 1",
      countryCode: "SE",
    })).createClient;
    expect(payload.error?.code).toBe("INVALID_DATA");
    expect(payload.error?.failures).toEqual([
      { field: "input.name", message: BLANK },
      { field: "input.legalName", message: INVISIBLE },
      { field: "input.informalName", message: INVISIBLE },
      { field: "input.contactPerson", message: INVISIBLE },
      { field: "input.street", message: BIDI },
      { field: "input.city", message: INVISIBLE },
      { field: "input.notes", message: BIDI },
    ]);
    expect(await footprint(gateway, tenant)).toEqual({ clients: 0, keys: 0, audit: 0 });
    // Right-to-left text with its marks, joined emoji, combining accents and an empty optional field are text.
    const fine = dataOf(await create(tenant, { name: "e\u0301tude \u05E9\u05DC\u05D5\u05DD\u200F AB", notes: "\u{1F469}\u200D\u{1F4BB} \u0645\u0631\u062D\u0628\u0627", city: "", countryCode: "SE" })).createClient;
    expect(fine.error).toBeNull();
    // An update's patch gets the same check, and so does every input of a bulk create.
    const patched = dataOf(await gateway.call(UpdateClientDocument, { id: fine.client!.id, patch: { name: "\u200B" }, key: newKey() }, { tenant, scopes: WRITER })).updateClient;
    expect(patched.error?.failures).toEqual([{ field: "patch.name", message: BLANK }]);
    const bulk = await gateway.send<{ bulkCreateClients: { results: { error: { failures: unknown[] } | null }[] } }>(
      `mutation($inputs: [CreateClientInput!]!, $key: String!) { bulkCreateClients(inputs: $inputs, idempotencyKey: $key) { results { error { failures { field message } } } } }`,
      { inputs: [{ name: "Visible AB" }, { name: "\u2800\u200C" }], key: newKey() },
      { tenant, scopes: WRITER },
    );
    expect(dataOf(bulk).bulkCreateClients.results.map((r) => r.error?.failures ?? null)).toEqual([null, [{ field: "inputs.1.name", message: BLANK }]]);
  });

  it("refuses hidden tag characters and lone surrogates, which would be stored changed", async () => {
    const tenant = gateway.newTenant();
    const hidden = [..."pay to 99"].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join("");
    const payload = dataOf(await create(tenant, { name: "Sur\ud800rogate", notes: `Fine${hidden}`, city: "Glasgow \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", countryCode: "SE" })).createClient;
    expect(payload.error?.code).toBe("INVALID_DATA");
    expect(payload.error?.failures).toEqual([
      { field: "input.name", message: "Must not contain a lone surrogate (half of a UTF-16 pair, which is no character)" },
      { field: "input.notes", message: "Must not contain tag characters (U+E0000..U+E007F), which hide text; only a subdivision flag may use them" },
    ]);
    expect(await footprint(gateway, tenant)).toEqual({ clients: 0, keys: 0, audit: 0 });
  });

  it("reports a missing name and an unknown parent together with the other failures", async () => {
    const tenant = gateway.newTenant();
    const payload = dataOf(await create(tenant, { vatRate: "101", parentId: "99999999" } as CreateClientInput)).createClient;
    expect(payload.error?.failures).toEqual([
      { field: "input.name", message: "Is required" },
      { field: "input.vatRate", message: "Must be at most 100" },
      { field: "input.parentId", message: "No client with this id" },
    ]);
  });

  it("refuses a value its scalar refuses (an email, a currency, a date) as a request error naming the field, before the mutation runs", async () => {
    const tenant = gateway.newTenant();
    const response = await create(tenant, { ...acme(3), email: "not-an-email", currencyCode: "KRONA", intentDate: "2026-02-30T00:00:00Z" });
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.map((e) => [e.extensions?.code, e.message]).sort()).toEqual([
      ["BAD_USER_INPUT", expect.stringMatching(/"input\.currencyCode".*Must be an ISO 4217 currency code$/)],
      ["BAD_USER_INPUT", expect.stringMatching(/"input\.email".*Must be an email address$/)],
      ["BAD_USER_INPUT", expect.stringMatching(/"input\.intentDate".*Must be a date: YYYY-MM-DD$/)],
    ]);
    expect(JSON.stringify(response.errors)).not.toContain("not-an-email");
    expect(await footprint(gateway, tenant)).toEqual({ clients: 0, keys: 0, audit: 0 });
  });

  it("reports a duplicate org number (archived clients included), whatever way it is written", async () => {
    const tenant = gateway.newTenant();
    const first = dataOf(await create(tenant, acme(3))).createClient.client!;
    dataOf(await gateway.call(ArchiveClientDocument, { id: first.id, key: newKey() }, { tenant, scopes: WRITER }));
    const twin = dataOf(await create(tenant, { ...acme(3), orgNumber: swedishOrgNumber(3), name: "Twin" })).createClient;
    expect(twin.client).toBeNull();
    expect(twin.error).toMatchObject({ code: "CLIENT_DUPLICATE_ORG_NUMBER", failures: [{ field: "input.orgNumber" }] });
    // Another country may have the same digits.
    const elsewhere = dataOf(await create(tenant, { name: "Elsewhere", countryCode: "DE", orgNumber: swedishOrgNumber(3) })).createClient;
    expect(elsewhere.error).toBeNull();
  });

  it("checks the parent exists in the tenant", async () => {
    const tenant = gateway.newTenant();
    const other = gateway.newTenant();
    const [foreign] = await createClients(gateway, other, [{ name: "Foreign parent" }] as never);
    const payload = dataOf(await create(tenant, { name: "Child", parentId: foreign })).createClient;
    expect(payload.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "input.parentId", message: "No client with this id" }] });
    const parent = dataOf(await create(tenant, { name: "Parent" })).createClient.client!;
    const child = dataOf(await create(tenant, { name: "Child", parentId: parent.id })).createClient.client!;
    expect(child.parent).toEqual({ id: parent.id });
  });

  it("keeps the sources' SDI codes and the invoicing system's customer type, with their rules", async () => {
    const tenant = gateway.newTenant();
    type Written = { error: { code: string; failures: { field: string; message: string }[] } | null; client: { id: string; sdiCode: string | null; customerType: string | null; clientType: string } | null };
    const write = async (input: Record<string, unknown>, scopes = WRITER) =>
      dataOf(await gateway.send<{ createClient: Written }>(
        `mutation($input: CreateClientInput!, $key: String!) { createClient(input: $input, idempotencyKey: $key) { error { code failures { field message } } client { id sdiCode customerType clientType } } }`,
        { input, key: newKey() },
        { tenant, scopes },
      )).createClient;
    // The CRM's example: an 8-character code of a US client, stored as sent (upper-cased)
    const crm = await write({ name: "First client", countryCode: "US", sdiCode: "sdi12345", customerType: "EU_BUSINESS" });
    expect(crm).toMatchObject({ error: null, client: { sdiCode: "SDI12345", customerType: "EU_BUSINESS", clientType: "BUSINESS" } });
    expect((await write({ name: "Ufficio", countryCode: "IT", sdiCode: "UFY9MH" })).error).toBeNull();
    expect((await write({ name: "Srl", countryCode: "IT", sdiCode: "M5UXCR1" })).error).toBeNull();
    expect((await write({ name: "Bad Srl", countryCode: "IT", sdiCode: "SDI12345", customerType: "INDIVIDUAL" })).error).toEqual({
      code: "INVALID_DATA",
      failures: [
        { field: "input.sdiCode", message: "An Italian recipient code is 7 letters and digits (6 for public administration)" },
        { field: "input.customerType", message: "customerType INDIVIDUAL is a sole trader: clientType must be INDIVIDUAL" },
      ],
    });
    expect((await write({ name: "Short", sdiCode: "ABC12" })).error?.failures).toEqual([{ field: "input.sdiCode", message: "Must be 6 to 16 letters and digits" }]);
    expect((await write({ name: "Sole trader", clientType: "INDIVIDUAL", customerType: "INDIVIDUAL" }, PII_WRITER)).error).toBeNull();

    // A patch that breaks the pairing is refused at the field it touched
    const patched = await gateway.send<{ updateClient: Written }>(
      `mutation($id: ID!, $patch: UpdateClientInput!, $key: String!) { updateClient(id: $id, patch: $patch, idempotencyKey: $key) { error { code failures { field message } } } }`,
      { id: crm.client!.id, patch: { clientType: "INDIVIDUAL" }, key: newKey() },
      { tenant, scopes: PII_WRITER },
    );
    expect(dataOf(patched).updateClient.error?.failures).toEqual([{ field: "patch.clientType", message: "customerType EU_BUSINESS is a business: clientType must be BUSINESS" }]);

    const found = await gateway.send<{ clients: { nodes: { id: string }[] } }>(`query { clients(filter: { customerType: { eq: EU_BUSINESS } }) { nodes { id } } }`, {}, { tenant, scopes: ["clients:read"] });
    expect(dataOf(found).clients.nodes).toEqual([{ id: crm.client!.id }]);
  });
});

describe("dry run", () => {
  it("returns a preview, stores nothing, calls no external service, and still reports a duplicate", async () => {
    const tenant = gateway.newTenant();
    const viesCalls = gateway.vies.requests.length;
    const payload = dataOf(await create(tenant, acme(4), newKey(), true)).createClient;
    expect(payload).toMatchObject({ dryRun: true, replayed: false, client: null, error: null });
    expect(payload.preview).toMatchObject({ name: "Acme 4 AB", countryCode: "SE", clientType: "BUSINESS", active: true, blocked: false, creditLimit: "250000.00" });
    expect(await footprint(gateway, tenant)).toEqual({ clients: 0, keys: 0, audit: 0 });
    expect(gateway.vies.requests.length).toBe(viesCalls);

    dataOf(await create(tenant, acme(4)));
    const before = await footprint(gateway, tenant);
    const duplicate = dataOf(await create(tenant, { ...acme(4), name: "Again" }, newKey(), true)).createClient;
    expect(duplicate).toMatchObject({ dryRun: true, preview: null, error: { code: "CLIENT_DUPLICATE_ORG_NUMBER" } });
    expect(await footprint(gateway, tenant)).toEqual(before);
  });

  it("masks a sole trader's personnummer in the preview without clients:pii", async () => {
    const tenant = gateway.newTenant();
    const personal = swedishPersonalNumber("900101", "123");
    const input: CreateClientInput = { name: "Per", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: personal };
    // Only a caller with clients:pii may send it (and sees it in the preview).
    const dry = dataOf(await create(tenant, input, newKey(), true, PII_WRITER)).createClient;
    expect(dry.preview?.orgNumber).toBe(`19900101-${personal.slice(6)}`);
    const id = dataOf(await create(tenant, input, newKey(), false, PII_WRITER)).createClient.client!.id;
    // Without clients:pii an update's preview shows the stored number masked.
    const payload = dataOf(await gateway.call(UpdateClientDocument, { id, patch: { notes: "dry" }, key: newKey(), dryRun: true }, { tenant, scopes: WRITER })).updateClient;
    expect(payload.preview?.orgNumber).toBe("19900101-****");
  });
});

describe("updateClient", () => {
  async function created(tenant: string, n: number) {
    return dataOf(await create(tenant, acme(n))).createClient.client!;
  }
  const update = (tenant: string, variables: { id: string; patch: object; expectedUpdatedAt?: string; dryRun?: boolean }) =>
    gateway.call(UpdateClientDocument, { key: newKey(), ...variables }, { tenant, scopes: WRITER });

  it("patches only the given fields, clears nulls, bumps updatedAt and audits before/after", async () => {
    const tenant = gateway.newTenant();
    const client = await created(tenant, 5);
    const payload = dataOf(await update(tenant, { id: client.id, patch: { email: "new@acme.example", notes: null } })).updateClient;
    expect(payload.error).toBeNull();
    expect(payload.client).toMatchObject({ name: client.name, email: "new@acme.example", notes: null, legalName: client.legalName, creditLimit: "250000.00" });
    expect(Date.parse(payload.client!.updatedAt)).toBeGreaterThan(Date.parse(client.updatedAt));
    const [latest] = dataOf(await gateway.call(ClientHistoryDocument, { id: client.id, first: 1 }, { tenant })).client!.history.edges;
    expect(latest.node.operation).toBe("updateClient");
    expect(latest.node.changes).toEqual([
      { field: "email", before: "billing@acme.example", after: "new@acme.example" },
      { field: "notes", before: "Key account", after: null },
    ]);
  });

  it("refuses to clear a required field and checks the patch against the stored client", async () => {
    const tenant = gateway.newTenant();
    const client = await created(tenant, 6);
    const payload = dataOf(await update(tenant, { id: client.id, patch: { name: null, clientType: null, countryCode: "FI" } })).updateClient;
    expect(payload.error?.code).toBe("INVALID_DATA");
    expect([...new Set(payload.error?.failures.map((f) => f.field))].sort()).toEqual(["patch.clientType", "patch.countryCode", "patch.name"]);
    // FI doesn't fit the stored VAT number nor the stored Swedish legal form: both are said.
    expect(payload.error?.failures.filter((f) => f.field === "patch.countryCode").map((f) => f.message)).toEqual([
      "Not a VAT number of FI (format or check digit)",
      "SE_AKTIEBOLAG is a legal form of SE, not of FI",
    ]);
    const unchanged = dataOf(await gateway.call(ClientWrittenByIdDocument, { id: client.id }, { tenant })).client!;
    expect(unchanged.updatedAt).toBe(client.updatedAt);
  });

  it("refuses a stale write with PRECONDITION_FAILED and accepts the current version", async () => {
    const tenant = gateway.newTenant();
    const client = await created(tenant, 7);
    const first = dataOf(await update(tenant, { id: client.id, patch: { rating: "A" }, expectedUpdatedAt: client.updatedAt })).updateClient;
    expect(first.error).toBeNull();
    const stale = dataOf(await update(tenant, { id: client.id, patch: { rating: "C" }, expectedUpdatedAt: client.updatedAt })).updateClient;
    expect(stale.error?.code).toBe("PRECONDITION_FAILED");
    expect(stale.client).toBeNull();
    const current = dataOf(await gateway.call(ClientWrittenByIdDocument, { id: client.id }, { tenant })).client!;
    expect(current.updatedAt).toBe(first.client!.updatedAt);
    const fresh = dataOf(await update(tenant, { id: client.id, patch: { rating: "B" }, expectedUpdatedAt: current.updatedAt })).updateClient;
    expect(fresh.error).toBeNull();
  });

  it("answers NOT_FOUND for an unknown id and CLIENT_DUPLICATE_ORG_NUMBER for another client's number", async () => {
    const tenant = gateway.newTenant();
    const a = await created(tenant, 8);
    const b = await created(tenant, 9);
    expect(dataOf(await update(tenant, { id: "999999999", patch: { name: "x" } })).updateClient.error?.code).toBe("NOT_FOUND");
    const clash = dataOf(await update(tenant, { id: b.id, patch: { orgNumber: a.orgNumber, vatNumber: null } })).updateClient;
    expect(clash.error).toMatchObject({ code: "CLIENT_DUPLICATE_ORG_NUMBER", failures: [{ field: "patch.orgNumber" }] });
  });

  it("reports a malformed parent id as INVALID_DATA, not as a server error", async () => {
    const tenant = gateway.newTenant();
    const client = await created(tenant, 13);
    const payload = dataOf(await update(tenant, { id: client.id, patch: { parentId: "abc" } })).updateClient;
    expect(payload.error?.failures).toEqual([{ field: "patch.parentId", message: "Not a client id" }]);
  });

  it("doesn't write a patch that changes nothing (a decimal written differently included)", async () => {
    const tenant = gateway.newTenant();
    const client = await created(tenant, 14);
    const payload = dataOf(await update(tenant, { id: client.id, patch: { vatRate: "25", creditLimit: "250000", name: client.name } })).updateClient;
    expect(payload.error).toBeNull();
    expect(payload.client!.updatedAt).toBe(client.updatedAt);
  });

  it("refuses a parent that would make a cycle", async () => {
    const tenant = gateway.newTenant();
    const parent = await created(tenant, 10);
    const child = dataOf(await create(tenant, { name: "Child", parentId: parent.id })).createClient.client!;
    const payload = dataOf(await update(tenant, { id: parent.id, patch: { parentId: child.id } })).updateClient;
    expect(payload.error?.failures).toEqual([{ field: "patch.parentId", message: "This client is an ancestor of the parent: that would make a cycle" }]);
    const self = dataOf(await update(tenant, { id: parent.id, patch: { parentId: parent.id } })).updateClient;
    expect(self.error?.failures[0].field).toBe("patch.parentId");
  });

  it("resets and re-checks the VAT validation when the VAT number changes", async () => {
    const tenant = gateway.newTenant();
    const client = await created(tenant, 11);
    gateway.vies.setBehaviour(`${swedishOrgNumber(12)}01`, "invalid");
    const payload = dataOf(await update(tenant, { id: client.id, patch: { orgNumber: swedishOrgNumber(12), vatNumber: `SE${swedishOrgNumber(12)}01` } })).updateClient;
    expect(payload.error).toBeNull();
    expect(payload.client).toMatchObject({ vatNumberValidated: false, vatNumberValidatedAt: null });
  });
});

describe("archiveClient and restoreClient", () => {
  const archive = (tenant: string, id: string, key = newKey()) => gateway.call(ArchiveClientDocument, { id, key }, { tenant, scopes: WRITER });
  const restore = (tenant: string, id: string) => gateway.call(RestoreClientDocument, { id, key: newKey() }, { tenant, scopes: WRITER });

  it("refuses while an invoice is open, archives once it is paid, keeps relations, and is idempotent", async () => {
    const tenant = gateway.newTenant();
    const [id] = await createClients(gateway, tenant, [{ ...fullGraph(1), name: "With invoices" }] as never);
    const refused = dataOf(await archive(tenant, id)).archiveClient;
    expect(refused.error?.code).toBe("CLIENT_HAS_OPEN_INVOICES");
    expect(refused.client).toBeNull();

    await gateway.dataSource.query("UPDATE invoice SET status = 'PAID' WHERE client_id = $1", [id]);
    const archived = dataOf(await archive(tenant, id)).archiveClient;
    expect(archived.error).toBeNull();
    expect(archived.client!.archivedAt).not.toBeNull();

    const again = dataOf(await archive(tenant, id)).archiveClient;
    expect(again.error).toBeNull();
    expect(again.client!.archivedAt).toBe(archived.client!.archivedAt);
    expect(again.client!.updatedAt).toBe(archived.client!.updatedAt);
    const history = dataOf(await gateway.call(ClientHistoryDocument, { id }, { tenant })).client!.history;
    expect(history.edges.filter((e) => e.node.operation === "archiveClient")).toHaveLength(1);

    // Hidden from lists, readable by id, relations kept.
    const listed = dataOf(await gateway.call(ClientsPageDocument, { withTotal: true }, { tenant })).clients;
    expect(listed.totalCount).toBe(0);
    expect(dataOf(await gateway.call(ClientWrittenByIdDocument, { id }, { tenant })).client?.archivedAt).toBe(archived.client!.archivedAt);
    const withArchived = dataOf(await gateway.call(ClientsWithRelationsDocument, { first: 10, deleted: "ONLY" }, { tenant })).clients.nodes;
    expect(withArchived[0].bankAccounts).toHaveLength(2);

    const restored = dataOf(await restore(tenant, id)).restoreClient;
    expect(restored.error).toBeNull();
    expect(restored.client!.archivedAt).toBeNull();
    expect(dataOf(await gateway.call(ClientsPageDocument, { withTotal: true }, { tenant })).clients.totalCount).toBe(1);
    const restoredAgain = dataOf(await restore(tenant, id)).restoreClient;
    expect(restoredAgain.client!.updatedAt).toBe(restored.client!.updatedAt);
  });

  it("answers NOT_FOUND for an unknown client", async () => {
    const tenant = gateway.newTenant();
    expect(dataOf(await archive(tenant, "123456789")).archiveClient.error?.code).toBe("NOT_FOUND");
    expect(dataOf(await restore(tenant, "123456789")).restoreClient.error?.code).toBe("NOT_FOUND");
  });

  it("archives in a dry run without writing", async () => {
    const tenant = gateway.newTenant();
    const [id] = await createClients(gateway, tenant, [{ name: "Dry" }] as never);
    const payload = dataOf(await gateway.call(ArchiveClientDocument, { id, key: newKey(), dryRun: true }, { tenant, scopes: WRITER })).archiveClient;
    expect(payload).toMatchObject({ dryRun: true, client: null, error: null, preview: { name: "Dry", archived: true } });
    expect(dataOf(await gateway.call(ClientWrittenByIdDocument, { id }, { tenant })).client?.archivedAt).toBeNull();
    expect(await footprint(gateway, tenant)).toEqual({ clients: 1, keys: 0, audit: 0 });
  });
});

describe("who may write what", () => {
  it("needs clients:write: without it the call is FORBIDDEN and writes nothing", async () => {
    const tenant = gateway.newTenant();
    const response = await gateway.call(CreateClientDocument, { input: acme(20), key: newKey() }, { tenant, scopes: ["clients:read"] });
    expect(response.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await footprint(gateway, tenant)).toEqual({ clients: 0, keys: 0, audit: 0 });
  });

  it("can't update, archive or restore another tenant's client", async () => {
    const mine = gateway.newTenant();
    const theirs = gateway.newTenant();
    const [id] = await createClients(gateway, theirs, [{ name: "Theirs", notes: "original" }] as never);
    const as = { tenant: mine, scopes: WRITER };
    expect(dataOf(await gateway.call(UpdateClientDocument, { id, patch: { notes: "hacked" }, key: newKey() }, as)).updateClient.error?.code).toBe("NOT_FOUND");
    expect(dataOf(await gateway.call(ArchiveClientDocument, { id, key: newKey() }, as)).archiveClient.error?.code).toBe("NOT_FOUND");
    expect(dataOf(await gateway.call(RestoreClientDocument, { id, key: newKey() }, as)).restoreClient.error?.code).toBe("NOT_FOUND");
    const untouched = dataOf(await gateway.call(ClientWrittenByIdDocument, { id }, { tenant: theirs })).client!;
    expect(untouched).toMatchObject({ notes: "original", archivedAt: null });
    expect(await footprint(gateway, theirs)).toEqual({ clients: 1, keys: 0, audit: 0 });
  });
});

describe("Client.history", () => {
  it("pages newest first with cursors", async () => {
    const tenant = gateway.newTenant();
    const client = dataOf(await create(tenant, { name: "Paged" })).createClient.client!;
    for (const rating of ["A", "B", "C"]) {
      dataOf(await gateway.call(UpdateClientDocument, { id: client.id, patch: { rating }, key: newKey() }, { tenant, scopes: WRITER }));
    }
    const first = dataOf(await gateway.call(ClientHistoryDocument, { id: client.id, first: 2 }, { tenant })).client!.history;
    expect(first.edges.map((e) => e.node.changes[0].after)).toEqual(["C", "B"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = dataOf(await gateway.call(ClientHistoryDocument, { id: client.id, first: 2, after: first.pageInfo.endCursor }, { tenant })).client!.history;
    expect(second.edges.map((e) => e.node.operation)).toEqual(["updateClient", "createClient"]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});

describe("several mutations in one request", () => {
  it("don't exhaust the pool: reads of an earlier mutation's payload give their connection back first", async () => {
    const small = await TestGateway.start({ poolSize: 2 });
    try {
      const tenant = small.newTenant();
      const document = `mutation($k1: String!, $k2: String!, $n1: String!, $n2: String!) {
        a: createClient(input: {name: $n1}, idempotencyKey: $k1) { client { id children { id } } error { code } }
        b: createClient(input: {name: $n2}, idempotencyKey: $k2) { client { id children { id } } error { code } }
      }`;
      const responses = await Promise.all(
        Array.from({ length: 4 }, (_, i) => small.send<{ a: { error: null }; b: { error: null } }>(document, { k1: newKey(), k2: newKey(), n1: `A${i}`, n2: `B${i}` }, { tenant, scopes: WRITER })),
      );
      expect(responses.map((r) => [r.errors ?? null, r.data?.a.error, r.data?.b.error])).toEqual(Array.from({ length: 4 }, () => [null, null, null]));
      expect(await footprint(small, tenant)).toMatchObject({ clients: 8 });
    } finally {
      await small.stop();
    }
  });
});
