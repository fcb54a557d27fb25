import {
  ClientIdentityNumbersDocument,
  CreateClientInput,
  ProbeAddExternalIdentifierDocument,
  ProbeBulkCreateClientsDocument,
  ProbeClientByExternalIdDocument,
  ProbeCreateClientDocument,
  ProbeCreateContractDocument,
  ProbeRemoveExternalIdentifierDocument,
  ProbeUpdateClientDocument,
  ProbeUpdateClientOutcomeDocument,
  ProbeUpdateContractDocument,
} from "./generated/graphql";
import { dataOf, GraphQLResponse, TestGateway } from "./helpers/harness";
import { footprint, newKey, swedishOrgNumber, swedishPersonalNumber } from "./helpers/mutations";

/**
 * A masked personnummer can't be recovered by guessing (issue 11, point 2). Every check that
 * compares what a caller sends with a stored personal identity number (the VAT number's match with
 * the org number, duplicate org numbers in createClient, updateClient and bulkCreateClients, "no
 * change" on an update, a contract's idNumber, external identifiers, an idempotency key's replay)
 * answers a writer without clients:pii the same for the right number and a wrong one, and stores
 * nothing for either; a writer with clients:pii still gets the real check.
 */

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

const READ = "clients:read";
const WRITE = "clients:write";
const PII = "clients:pii";
const NO_PII = [READ, WRITE];
const WITH_PII = [READ, WRITE, PII];

interface Person {
  ten: string;
  twelve: string;
  dashed: string;
  vat: string;
}

/** A personnummer of someone born in the 1900s, in the writings the probes send. */
function person(yymmdd: string, serial: string): Person {
  const ten = swedishPersonalNumber(yymmdd, serial);
  return { ten, twelve: `19${ten}`, dashed: `${ten.slice(0, 6)}-${ten.slice(6)}`, vat: `SE${ten}01` };
}

/** The stored number, and a wrong guess with the same birth date: they differ only in the masked digits. */
const SECRET = person("830821", "123");
const WRONG = person("830821", "456");

interface World {
  tenant: string;
  /** A Swedish sole trader: its org and VAT number, its contract's idNumber and an external id are SECRET. */
  karin: string;
  karinUpdatedAt: string;
  karinKey: string;
  karinInput: CreateClientInput;
  contractKey: string;
  contractUpdatedAt: string;
  /** A sole trader in a country without an org-number format, whose number is SECRET's twelve digits. */
  hans: string;
  /** Clients to write to: a sole trader without a number, and a business. */
  own: string;
  business: string;
}

type Json = Record<string, any>;

/** The payload of a mutation that must succeed (its root field's value). */
async function must(response: Promise<GraphQLResponse<unknown>>): Promise<Json> {
  const payload = Object.values(dataOf(await response) as Json)[0] as Json;
  if (payload.error) throw new Error(`setup failed: ${JSON.stringify(payload.error)}`);
  return payload;
}

let worlds = 0;
/** A tenant whose clients were written through the API by a caller with clients:pii. */
async function makeWorld(): Promise<World> {
  const tenant = gateway.newTenant();
  const as = { tenant, scopes: WITH_PII };
  const karinKey = newKey();
  const karinInput: CreateClientInput = { name: "Karin Lund", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: SECRET.dashed, vatNumber: SECRET.vat };
  const karin = (await must(gateway.call(ProbeCreateClientDocument, { input: karinInput, key: karinKey }, as))).client;
  const contractKey = newKey();
  const contract = (await must(gateway.call(ProbeCreateContractDocument, { clientId: karin.id, input: { idNumber: SECRET.dashed, startDate: "2026-01-01" }, key: contractKey }, as))).contract;
  await must(gateway.call(ProbeAddExternalIdentifierDocument, { clientId: karin.id, source: "skatteverket", externalId: SECRET.twelve, key: newKey() }, as));
  const create = async (input: CreateClientInput) => (await must(gateway.call(ProbeCreateClientDocument, { input, key: newKey() }, as))).client.id as string;
  const hans = await create({ name: "Hans Maier", clientType: "INDIVIDUAL", countryCode: "DE", orgNumber: SECRET.twelve });
  const own = await create({ name: "Own Person", clientType: "INDIVIDUAL", countryCode: "SE" });
  const business = await create({ name: "Business AB", countryCode: "SE", orgNumber: swedishOrgNumber(800000 + ++worlds) });
  const read = dataOf(await gateway.call(ClientIdentityNumbersDocument, { id: karin.id }, as)).client!;
  return { tenant, karin: karin.id, karinUpdatedAt: read.updatedAt, karinKey, karinInput, contractKey, contractUpdatedAt: contract.updatedAt, hans, own, business };
}

/** What a response tells its caller (its request id aside). */
const told = (response: GraphQLResponse<unknown>) => ({ status: response.status, data: response.data ?? null, errors: response.errors ?? null });

/** A refusal for want of clients:pii: INVALID_DATA naming these fields, whatever was guessed. */
const refusedAt = (...fields: string[]) => ({
  code: "INVALID_DATA",
  failures: fields.map((field) => ({ field, message: expect.stringContaining("clients:pii") })),
});

interface Oracle {
  name: string;
  /** The probe writes for real (each probe then gets a world of its own). */
  writes?: boolean;
  /** One guess, by a caller with `scopes`: what it is told, without what differs between worlds. */
  probe(w: World, guess: Person, scopes: string[]): Promise<unknown>;
  /** What a caller without clients:pii is told (for the right guess and a wrong one alike). */
  withoutPii(told: any): void;
  /** The real check, for a caller with clients:pii: what it tells for the right guess and for a wrong one. */
  withPii(right: any, wrong: any): void;
}

const payloadOf = (response: GraphQLResponse<unknown>): Json => Object.values((response.data ?? {}) as Json)[0] as Json;

const ORACLES: Oracle[] = [
  {
    name: "updateClient's VAT-number check against the org number (dry run, by the VAT number)",
    probe: async (w, guess, scopes) => told(await gateway.call(ProbeUpdateClientDocument, { id: w.karin, patch: { vatNumber: guess.vat }, key: newKey(), dryRun: true }, { tenant: w.tenant, scopes })),
    withoutPii: (t) => expect(t.data.updateClient).toMatchObject({ preview: null, error: refusedAt("patch.vatNumber") }),
    withPii(right, wrong) {
      expect(right.data.updateClient).toMatchObject({ error: null, preview: { vatNumber: SECRET.vat } });
      expect(wrong.data.updateClient.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "patch.vatNumber", message: "Does not match the org number" }] });
    },
  },
  {
    name: "updateClient's VAT-number check against the org number (dry run, by the org number)",
    probe: async (w, guess, scopes) => told(await gateway.call(ProbeUpdateClientDocument, { id: w.karin, patch: { orgNumber: guess.dashed }, key: newKey(), dryRun: true }, { tenant: w.tenant, scopes })),
    withoutPii: (t) => expect(t.data.updateClient).toMatchObject({ preview: null, error: refusedAt("patch.orgNumber") }),
    withPii(right, wrong) {
      expect(right.data.updateClient).toMatchObject({ error: null, preview: { orgNumber: `19${SECRET.dashed}` } });
      expect(wrong.data.updateClient.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "patch.orgNumber", message: "Does not match the org number" }] });
    },
  },
  {
    name: "updateClient's VAT-number check, for a caller with clients:write alone (dry run)",
    probe: async (w, guess, scopes) =>
      told(await gateway.call(ProbeUpdateClientOutcomeDocument, { id: w.karin, patch: { vatNumber: guess.vat }, key: newKey(), dryRun: true }, { tenant: w.tenant, scopes: scopes.filter((s) => s !== READ) })),
    withoutPii: (t) => expect(t.data.updateClient).toMatchObject({ error: refusedAt("patch.vatNumber") }),
    withPii(right, wrong) {
      expect(right.data.updateClient.error).toBeNull();
      expect(wrong.data.updateClient.error).toMatchObject({ failures: [{ field: "patch.vatNumber", message: "Does not match the org number" }] });
    },
  },
  {
    name: "updateClient written for real: the right number changes nothing, a wrong one is written",
    writes: true,
    async probe(w, guess, scopes) {
      const response = await gateway.call(ProbeUpdateClientDocument, { id: w.karin, patch: { orgNumber: guess.dashed, vatNumber: guess.vat }, key: newKey() }, { tenant: w.tenant, scopes });
      const { client, ...rest } = payloadOf(response);
      return { ...rest, unchanged: client ? client.updatedAt === w.karinUpdatedAt : null };
    },
    withoutPii: (t) => expect(t).toMatchObject({ unchanged: null, error: refusedAt("patch.orgNumber", "patch.vatNumber") }),
    withPii(right, wrong) {
      expect(right).toMatchObject({ error: null, unchanged: true });
      expect(wrong).toMatchObject({ error: null, unchanged: false });
    },
  },
  {
    name: "createClient's duplicate org number (dry run)",
    probe: async (w, guess, scopes) =>
      told(await gateway.call(ProbeCreateClientDocument, { input: { name: "Twin", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: guess.ten }, key: newKey(), dryRun: true }, { tenant: w.tenant, scopes })),
    withoutPii: (t) => expect(t.data.createClient).toMatchObject({ preview: null, error: refusedAt("input.orgNumber") }),
    withPii(right, wrong) {
      expect(right.data.createClient.error).toMatchObject({ code: "CLIENT_DUPLICATE_ORG_NUMBER", failures: [{ field: "input.orgNumber" }] });
      expect(wrong.data.createClient).toMatchObject({ error: null, preview: { orgNumber: `19${WRONG.dashed}` } });
    },
  },
  {
    name: "createClient's duplicate org number, the personnummer declared as a business's (dry run)",
    probe: async (w, guess, scopes) =>
      told(await gateway.call(ProbeCreateClientDocument, { input: { name: "Twin GmbH", countryCode: "DE", orgNumber: guess.twelve }, key: newKey(), dryRun: true }, { tenant: w.tenant, scopes })),
    withoutPii: (t) => expect(t.data.createClient).toMatchObject({ preview: null, error: refusedAt("input.orgNumber") }),
    withPii(right, wrong) {
      expect(right.data.createClient.error).toMatchObject({ code: "CLIENT_DUPLICATE_ORG_NUMBER" });
      expect(wrong.data.createClient).toMatchObject({ error: null, preview: { clientType: "BUSINESS", orgNumber: WRONG.twelve } });
    },
  },
  {
    name: "updateClient's duplicate org number: another client taking the number (dry run)",
    probe: async (w, guess, scopes) => told(await gateway.call(ProbeUpdateClientDocument, { id: w.own, patch: { orgNumber: guess.ten }, key: newKey(), dryRun: true }, { tenant: w.tenant, scopes })),
    withoutPii: (t) => expect(t.data.updateClient).toMatchObject({ preview: null, error: refusedAt("patch.orgNumber") }),
    withPii(right, wrong) {
      expect(right.data.updateClient.error).toMatchObject({ code: "CLIENT_DUPLICATE_ORG_NUMBER", failures: [{ field: "patch.orgNumber" }] });
      expect(wrong.data.updateClient.error).toBeNull();
    },
  },
  {
    name: "bulkCreateClients' duplicate org number (dry run)",
    probe: async (w, guess, scopes) =>
      told(
        await gateway.call(
          ProbeBulkCreateClientsDocument,
          { inputs: [{ name: "Bulk Twin", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: guess.ten }, { name: "Bulk AB" }], key: newKey(), dryRun: true },
          { tenant: w.tenant, scopes },
        ),
      ),
    withoutPii: (t) => expect(t.data.bulkCreateClients).toMatchObject({ results: [], error: refusedAt("inputs.0.orgNumber") }),
    withPii(right, wrong) {
      expect(right.data.bulkCreateClients.results.map((r: Json) => [r.ok, r.error?.code ?? null])).toEqual([[false, "CLIENT_DUPLICATE_ORG_NUMBER"], [true, null]]);
      expect(wrong.data.bulkCreateClients.results.map((r: Json) => [r.ok, r.error?.code ?? null])).toEqual([[true, null], [true, null]]);
    },
  },
  {
    name: "a replay of the call that created the sole trader, under its idempotency key",
    async probe(w, guess, scopes) {
      const input = { ...w.karinInput, orgNumber: guess.dashed, vatNumber: guess.vat };
      const { client, ...rest } = payloadOf(await gateway.call(ProbeCreateClientDocument, { input, key: w.karinKey }, { tenant: w.tenant, scopes }));
      return { ...rest, client: client && { orgNumber: client.orgNumber, vatNumber: client.vatNumber } };
    },
    withoutPii: (t) => expect(t).toMatchObject({ replayed: false, client: null, error: refusedAt("input.orgNumber", "input.vatNumber") }),
    withPii(right, wrong) {
      expect(right).toMatchObject({ error: null, replayed: true, client: { orgNumber: `19${SECRET.dashed}` } });
      expect(wrong).toMatchObject({ replayed: false, error: { code: "IDEMPOTENCY_KEY_REUSED" } });
    },
  },
  {
    name: "updateClientContract written for real: the right idNumber changes nothing, a wrong one is written",
    writes: true,
    async probe(w, guess, scopes) {
      const { contract, ...rest } = payloadOf(await gateway.call(ProbeUpdateContractDocument, { clientId: w.karin, patch: { idNumber: guess.dashed }, key: newKey() }, { tenant: w.tenant, scopes }));
      return { ...rest, unchanged: contract ? contract.updatedAt === w.contractUpdatedAt : null };
    },
    withoutPii: (t) => expect(t).toMatchObject({ unchanged: null, error: refusedAt("patch.idNumber") }),
    withPii(right, wrong) {
      expect(right).toMatchObject({ error: null, unchanged: true });
      expect(wrong).toMatchObject({ error: null, unchanged: false });
    },
  },
  {
    name: "a replay of the contract's creation, under its idempotency key",
    async probe(w, guess, scopes) {
      const { contract, ...rest } = payloadOf(
        await gateway.call(ProbeCreateContractDocument, { clientId: w.karin, input: { idNumber: guess.dashed, startDate: "2026-01-01" }, key: w.contractKey }, { tenant: w.tenant, scopes }),
      );
      return { ...rest, contract: contract && { idNumber: contract.idNumber } };
    },
    withoutPii: (t) => expect(t).toMatchObject({ replayed: false, contract: null, error: refusedAt("input.idNumber") }),
    withPii(right, wrong) {
      expect(right).toMatchObject({ error: null, replayed: true, contract: { idNumber: SECRET.dashed } });
      expect(wrong).toMatchObject({ replayed: false, error: { code: "IDEMPOTENCY_KEY_REUSED" } });
    },
  },
  {
    name: "addExternalIdentifier's uniqueness (dry run)",
    probe: async (w, guess, scopes) =>
      told(await gateway.call(ProbeAddExternalIdentifierDocument, { clientId: w.business, source: "skatteverket", externalId: guess.twelve, key: newKey(), dryRun: true }, { tenant: w.tenant, scopes })),
    withoutPii: (t) => expect(t.data.addExternalIdentifier).toMatchObject({ preview: null, error: refusedAt("externalId") }),
    withPii(right, wrong) {
      expect(right.data.addExternalIdentifier.error).toMatchObject({ code: "EXTERNAL_IDENTIFIER_IN_USE" });
      expect(wrong.data.addExternalIdentifier).toMatchObject({ error: null, preview: { externalId: WRONG.twelve } });
    },
  },
  {
    name: "removeExternalIdentifier (dry run)",
    probe: async (w, guess, scopes) =>
      told(await gateway.call(ProbeRemoveExternalIdentifierDocument, { source: "skatteverket", externalId: guess.twelve, key: newKey(), dryRun: true }, { tenant: w.tenant, scopes })),
    withoutPii: (t) => expect(t.data.removeExternalIdentifier).toMatchObject({ preview: null, error: refusedAt("externalId") }),
    withPii(right, wrong) {
      expect(right.data.removeExternalIdentifier).toMatchObject({ error: null, preview: { externalId: SECRET.twelve } });
      expect(wrong.data.removeExternalIdentifier.error).toMatchObject({ code: "NOT_FOUND" });
    },
  },
  {
    name: "clientByExternalId",
    probe: async (w, guess, scopes) => {
      const found = dataOf(await gateway.call(ProbeClientByExternalIdDocument, { source: "skatteverket", externalId: guess.twelve }, { tenant: w.tenant, scopes })).clientByExternalId;
      return { found: found !== null && found.id === w.karin };
    },
    withoutPii: (t) => expect(t).toEqual({ found: false }),
    withPii(right, wrong) {
      expect(right).toEqual({ found: true });
      expect(wrong).toEqual({ found: false });
    },
  },
];

describe.each(ORACLES)("$name", (oracle) => {
  const probeBoth = async (scopes: string[]) => {
    const shared = oracle.writes ? null : await makeWorld();
    const run = async (guess: Person) => {
      const w = shared ?? (await makeWorld());
      const before = await footprint(gateway, w.tenant);
      const answer = await oracle.probe(w, guess, scopes);
      return { answer, stored: JSON.stringify(await footprint(gateway, w.tenant)) !== JSON.stringify(before) };
    };
    return { right: await run(SECRET), wrong: await run(WRONG) };
  };

  it("without clients:pii: the right number and a wrong one get the same answer, a refusal that stores nothing", async () => {
    const { right, wrong } = await probeBoth(NO_PII);
    expect(wrong.answer).toEqual(right.answer);
    oracle.withoutPii(right.answer);
    expect({ right: right.stored, wrong: wrong.stored }).toEqual({ right: false, wrong: false });
  });

  it("with clients:pii: the real check", async () => {
    const { right, wrong } = await probeBoth(WITH_PII);
    oracle.withPii(right.answer, wrong.answer);
  });
});

describe("a sole trader's identity fields without clients:pii", () => {
  it("re-typing it as a business or moving it to another country is refused, so its number is never shown or re-checked", async () => {
    const w = await makeWorld();
    for (const patch of [{ clientType: "BUSINESS" as const }, { countryCode: "AT" }, { countryCode: "SE" }, { clientType: "INDIVIDUAL" as const }]) {
      const response = await gateway.call(ProbeUpdateClientDocument, { id: w.hans, patch, key: newKey(), dryRun: true }, { tenant: w.tenant, scopes: NO_PII });
      const field = `patch.${Object.keys(patch)[0]}`;
      expect({ patch, payload: dataOf(response).updateClient }).toMatchObject({ patch, payload: { preview: null, error: refusedAt(field) } });
      expect(JSON.stringify(response)).not.toContain(SECRET.ten);
    }
    // With clients:pii the same change goes through and shows the number it now holds in clear.
    const typed = dataOf(await gateway.call(ProbeUpdateClientDocument, { id: w.hans, patch: { clientType: "BUSINESS" }, key: newKey(), dryRun: true }, { tenant: w.tenant, scopes: WITH_PII })).updateClient;
    expect(typed).toMatchObject({ error: null, preview: { clientType: "BUSINESS", orgNumber: SECRET.twelve } });
  });

  it("other fields of a sole trader, and a business's numbers, are written as before", async () => {
    const w = await makeWorld();
    const renamed = dataOf(await gateway.call(ProbeUpdateClientDocument, { id: w.karin, patch: { name: "Karin Lund-Ek", notes: "moved" }, key: newKey() }, { tenant: w.tenant, scopes: NO_PII })).updateClient;
    expect(renamed).toMatchObject({ error: null, client: { orgNumber: `19${SECRET.ten.slice(0, 6)}-****` } });
    const org = swedishOrgNumber(900001);
    const business = dataOf(await gateway.call(ProbeUpdateClientDocument, { id: w.business, patch: { orgNumber: org, vatNumber: `SE${org}01` }, key: newKey() }, { tenant: w.tenant, scopes: NO_PII })).updateClient;
    expect(business).toMatchObject({ error: null, client: { orgNumber: `${org.slice(0, 6)}-${org.slice(6)}`, vatNumber: `SE${org}01` } });
    const created = dataOf(await gateway.call(ProbeCreateClientDocument, { input: { name: "New Person", clientType: "INDIVIDUAL", countryCode: "SE" }, key: newKey() }, { tenant: w.tenant, scopes: NO_PII })).createClient;
    expect(created).toMatchObject({ error: null, client: { orgNumber: null } });
    const contract = dataOf(await gateway.call(ProbeUpdateContractDocument, { clientId: w.karin, patch: { idNumber: "556036-0793" }, key: newKey() }, { tenant: w.tenant, scopes: NO_PII })).updateClientContract;
    expect(contract).toMatchObject({ error: null, contract: { idNumber: "556036-0793" } });
  });

  it("an external identifier holding a personnummer is masked without clients:pii, like a contract's idNumber", async () => {
    const w = await makeWorld();
    const masked = `${SECRET.twelve.slice(0, 8)}****`;
    const plain = dataOf(await gateway.call(ClientIdentityNumbersDocument, { id: w.karin }, { tenant: w.tenant, scopes: [READ] })).client!;
    expect(plain.externalIdentifiers).toEqual([{ source: "skatteverket", externalId: masked }]);
    expect(plain.contract?.idNumber).toBe(`${SECRET.ten.slice(0, 6)}-****`);
    const withPii = dataOf(await gateway.call(ClientIdentityNumbersDocument, { id: w.karin }, { tenant: w.tenant, scopes: [READ, PII] })).client!;
    expect(withPii.externalIdentifiers).toEqual([{ source: "skatteverket", externalId: SECRET.twelve }]);
  });
});
