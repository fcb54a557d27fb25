import { BulkCreateClientsDocument, CreateClientDocument, CreateClientInput } from "./generated/graphql";
import { dataOf, TestGateway } from "./helpers/harness";
import { countRows, footprint, newKey, swedishOrgNumber, WRITER } from "./helpers/mutations";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

const item = (n: number): CreateClientInput => ({ name: `Bulk ${n}`, countryCode: "SE", orgNumber: swedishOrgNumber(1000 + n), email: `c${n}@bulk.example` });
const bulk = (tenant: string, variables: { inputs: CreateClientInput[]; key?: string; allOrNothing?: boolean; dryRun?: boolean }) =>
  gateway.call(BulkCreateClientsDocument, { key: newKey(), ...variables }, { tenant, scopes: WRITER }).then((r) => dataOf(r).bulkCreateClients);

describe("bulkCreateClients", () => {
  it("commits 47 of 50 when 3 are bad, reporting the 3 with their paths, in input order", async () => {
    const tenant = gateway.newTenant();
    dataOf(await gateway.call(CreateClientDocument, { input: item(40), key: newKey() }, { tenant, scopes: WRITER }));
    const inputs = Array.from({ length: 50 }, (_, i) => item(i));
    // (A value its scalar refuses, such as "not-an-email", fails the whole request at coercion: see client-mutations.)
    inputs[3] = { ...inputs[3], name: "x".repeat(256) };
    inputs[17] = { ...inputs[17], orgNumber: "556036-0794" };
    // inputs[40] repeats the org number of the client created above.
    const payload = await bulk(tenant, { inputs });
    expect(payload.error).toBeNull();
    expect(payload.summary).toEqual({ total: 50, succeeded: 47, failed: 3 });
    expect(payload.results.map((r) => r.requestIndex)).toEqual(inputs.map((_, i) => i));
    const failed = payload.results.filter((r) => !r.ok);
    expect(failed.map((r) => [r.requestIndex, r.error?.code, r.error?.failures.map((f) => f.field)])).toEqual([
      [3, "INVALID_DATA", ["inputs.3.name"]],
      [17, "INVALID_DATA", ["inputs.17.orgNumber"]],
      [40, "CLIENT_DUPLICATE_ORG_NUMBER", ["inputs.40.orgNumber"]],
    ]);
    expect(payload.results.filter((r) => r.ok).every((r) => r.client?.name === `Bulk ${r.requestIndex}`)).toBe(true);
    expect(await countRows(gateway, "client", tenant)).toBe(48);
  });

  it("catches a duplicate inside the batch", async () => {
    const tenant = gateway.newTenant();
    const payload = await bulk(tenant, { inputs: [item(1), { ...item(1), name: "Twin" }, item(2)] });
    expect(payload.results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(payload.results[1].error).toMatchObject({ code: "CLIENT_DUPLICATE_ORG_NUMBER", failures: [{ field: "inputs.1.orgNumber" }] });
  });

  it("with allOrNothing and one invalid item commits none and stores nothing", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const inputs = [item(1), { ...item(2), orgNumber: "556036-0794" }, item(3)];
    const payload = await bulk(tenant, { inputs, allOrNothing: true, key });
    expect(payload.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "inputs.1.orgNumber" }] });
    expect(payload.results.map((r) => [r.ok, r.error?.code])).toEqual([
      [false, "BATCH_ABORTED"],
      [false, "INVALID_DATA"],
      [false, "BATCH_ABORTED"],
    ]);
    expect(payload.summary).toEqual({ total: 3, succeeded: 0, failed: 3 });
    expect(await footprint(gateway, tenant)).toEqual({ clients: 0, keys: 0, audit: 0 });
    const corrected = await bulk(tenant, { inputs: [item(1), item(2), item(3)], allOrNothing: true, key });
    expect(corrected.summary).toEqual({ total: 3, succeeded: 3, failed: 0 });
  });

  it("with allOrNothing and a duplicate rolls every item back and says which failed", async () => {
    const tenant = gateway.newTenant();
    const payload = await bulk(tenant, { inputs: [item(1), item(2), { ...item(1), name: "Twin" }], allOrNothing: true });
    expect(payload.error?.code).toBe("CLIENT_DUPLICATE_ORG_NUMBER");
    expect(payload.results.map((r) => [r.ok, r.error?.code, r.client])).toEqual([
      [false, "BATCH_ABORTED", null],
      [false, "BATCH_ABORTED", null],
      [false, "CLIENT_DUPLICATE_ORG_NUMBER", null],
    ]);
    expect(payload.summary).toEqual({ total: 3, succeeded: 0, failed: 3 });
    expect(await footprint(gateway, tenant)).toMatchObject({ clients: 0, audit: 0 });
  });

  it("refuses more than 50 inputs with BULK_LIMIT_EXCEEDED and none with INVALID_DATA", async () => {
    const tenant = gateway.newTenant();
    const tooMany = await bulk(tenant, { inputs: Array.from({ length: 51 }, (_, i) => item(i)) });
    expect(tooMany.error?.code).toBe("BULK_LIMIT_EXCEEDED");
    const none = await bulk(tenant, { inputs: [] });
    expect(none.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "inputs" }] });
    expect(await footprint(gateway, tenant)).toEqual({ clients: 0, keys: 0, audit: 0 });
  });

  it("previews in a dry run and writes nothing", async () => {
    const tenant = gateway.newTenant();
    const payload = await bulk(tenant, { inputs: [item(1), { ...item(1), name: "Twin" }], dryRun: true });
    expect(payload.dryRun).toBe(true);
    expect(payload.results.map((r) => [r.ok, r.client, r.preview?.name ?? null, r.error?.code ?? null])).toEqual([
      [true, null, "Bulk 1", null],
      [false, null, null, "CLIENT_DUPLICATE_ORG_NUMBER"],
    ]);
    expect(await footprint(gateway, tenant)).toEqual({ clients: 0, keys: 0, audit: 0 });
  });

  it("covers the whole batch with its key: a retry replays every result", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const first = await bulk(tenant, { inputs: [item(1), item(2)], key });
    const again = await bulk(tenant, { inputs: [item(1), item(2)], key });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await countRows(gateway, "client", tenant)).toBe(2);
    const other = await bulk(tenant, { inputs: [item(1)], key });
    expect(other.error?.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });
});

describe("bulkCreateClients under pressure", () => {
  it("stores nothing when every item is invalid, so the corrected batch may reuse the key", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const payload = await bulk(tenant, { inputs: [{ ...item(1), name: "x".repeat(256) }, { ...item(2), name: "y".repeat(256) }], key });
    expect(payload.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "inputs.0.name" }, { field: "inputs.1.name" }] });
    expect(await footprint(gateway, tenant)).toEqual({ clients: 0, keys: 0, audit: 0 });
    expect((await bulk(tenant, { inputs: [item(1), item(2)], key })).summary).toEqual({ total: 2, succeeded: 2, failed: 0 });
  });

  it("reports an item without a name as INVALID_DATA, not the whole batch as a request error", async () => {
    const tenant = gateway.newTenant();
    const payload = await bulk(tenant, { inputs: [item(1), { countryCode: "SE" } as CreateClientInput] });
    expect(payload.results.map((r) => [r.ok, r.error?.failures.map((f) => f.field) ?? null])).toEqual([
      [true, null],
      [false, ["inputs.1.name"]],
    ]);
  });

  it("lets overlapping batches race without deadlock: each org number is created once", async () => {
    const tenant = gateway.newTenant();
    const inputs = Array.from({ length: 20 }, (_, i) => item(100 + i));
    for (let round = 0; round < 3; round++) {
      const tenantRound = `${tenant}-${round}`;
      const [forward, backward] = await Promise.all([
        gateway.call(BulkCreateClientsDocument, { inputs, key: newKey() }, { tenant: tenantRound, scopes: WRITER }),
        gateway.call(BulkCreateClientsDocument, { inputs: [...inputs].reverse(), key: newKey() }, { tenant: tenantRound, scopes: WRITER }),
      ]);
      expect([forward.errors ?? null, backward.errors ?? null]).toEqual([null, null]);
      const created = dataOf(forward).bulkCreateClients.summary.succeeded + dataOf(backward).bulkCreateClients.summary.succeeded;
      expect(created).toBe(20);
      expect(await countRows(gateway, "client", tenantRound)).toBe(20);
    }
  });
});
