import { ArchiveClientDocument, CreateClientDocument, CreateClientInput, UpdateClientDocument } from "./generated/graphql";
import { dataOf, TestGateway } from "./helpers/harness";
import { countRows, footprint, newKey, swedishOrgNumber, WRITER } from "./helpers/mutations";
import { purgeExpiredIdempotencyKeys } from "../src/common/mutation/idempotency";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

const input = (n: number, extra: Partial<CreateClientInput> = {}): CreateClientInput => ({
  name: `Idem ${n}`,
  countryCode: "SE",
  orgNumber: swedishOrgNumber(n),
  vatNumber: `SE${swedishOrgNumber(n)}01`,
  ...extra,
});
const create = (tenant: string, variables: { input: CreateClientInput; key: string; dryRun?: boolean }) =>
  gateway.call(CreateClientDocument, variables, { tenant, scopes: WRITER });

describe("a retry with the same key", () => {
  it("gets the stored payload back, identical but for replayed, and writes nothing more", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const first = dataOf(await create(tenant, { input: input(1), key })).createClient;
    expect(first.client?.vatNumberValidated).toBe(true);
    const after = await footprint(gateway, tenant);
    const second = dataOf(await create(tenant, { input: input(1), key })).createClient;
    expect(second).toEqual({ ...first, replayed: true });
    expect(await footprint(gateway, tenant)).toEqual(after);
    expect(after).toEqual({ clients: 1, keys: 1, audit: 2 });
  });

  it("with other arguments is IDEMPOTENCY_KEY_REUSED and writes nothing", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    dataOf(await create(tenant, { input: input(2), key }));
    const before = await footprint(gateway, tenant);
    const reused = dataOf(await create(tenant, { input: input(3), key })).createClient;
    expect(reused).toMatchObject({ client: null, replayed: false, error: { code: "IDEMPOTENCY_KEY_REUSED" } });
    expect(await footprint(gateway, tenant)).toEqual(before);
  });

  it("replays a stored business error, but not INVALID_DATA", async () => {
    const tenant = gateway.newTenant();
    dataOf(await create(tenant, { input: input(4), key: newKey() }));
    const key = newKey();
    const duplicate = dataOf(await create(tenant, { input: input(4, { name: "Twin" }), key })).createClient;
    expect(duplicate.error?.code).toBe("CLIENT_DUPLICATE_ORG_NUMBER");
    const replayed = dataOf(await create(tenant, { input: input(4, { name: "Twin" }), key })).createClient;
    expect(replayed).toEqual({ ...duplicate, replayed: true });

    const invalidKey = newKey();
    const invalid = dataOf(await create(tenant, { input: input(5, { name: "x".repeat(256) }), key: invalidKey })).createClient;
    expect(invalid.error?.code).toBe("INVALID_DATA");
    const corrected = dataOf(await create(tenant, { input: input(5), key: invalidKey })).createClient;
    expect(corrected).toMatchObject({ error: null, replayed: false });
  });

  it("is scoped to the mutation: one key may serve createClient and archiveClient", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const created = dataOf(await create(tenant, { input: input(6), key })).createClient.client!;
    const archived = dataOf(await gateway.call(ArchiveClientDocument, { id: created.id, key }, { tenant, scopes: WRITER })).archiveClient;
    expect(archived).toMatchObject({ error: null, replayed: false });
    expect(archived.client?.archivedAt).not.toBeNull();
  });

  it("must be 1 to 255 characters", async () => {
    const tenant = gateway.newTenant();
    for (const key of ["", " ", "k".repeat(256)]) {
      const payload = dataOf(await create(tenant, { input: input(7), key })).createClient;
      expect(payload.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "idempotencyKey" }] });
    }
    expect(dataOf(await create(tenant, { input: input(7), key: "k".repeat(255) })).createClient.error).toBeNull();
  });

  it("must show a visible character, and hold no control or format character", async () => {
    const tenant = gateway.newTenant();
    const refused = {
      "\u200B": "Must contain a visible character",
      "\u3164\uFEFF": "Must contain a visible character",
      "key\u200B1": "Must not contain control or format characters (such as U+200B or a line break)",
      "key\n1": "Must not contain control or format characters (such as U+200B or a line break)",
      "key\u202E1": "Must not contain control or format characters (such as U+200B or a line break)",
      // Stored as U+FFFD, so it would share its record with "key\udfff".
      "key\ud800": "Must not contain control or format characters (such as U+200B or a line break)",
    };
    for (const [key, message] of Object.entries(refused)) {
      const payload = dataOf(await create(tenant, { input: input(9), key })).createClient;
      expect(payload.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "idempotencyKey", message }] });
    }
    expect(await footprint(gateway, tenant)).toMatchObject({ clients: 0, keys: 0 });
    expect(dataOf(await create(tenant, { input: input(9), key: "order 42 \u00E5\u{1F642}" })).createClient.error).toBeNull();
  });
});

describe("concurrent calls", () => {
  it("20 calls with one key create exactly one client, and every success carries its id", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const payloads = await Promise.all(Array.from({ length: 20 }, () => create(tenant, { input: input(8), key }).then((r) => dataOf(r).createClient)));
    const successes = payloads.filter((p) => p.error === null);
    const inUse = payloads.filter((p) => p.error?.code === "IDEMPOTENCY_KEY_IN_USE");
    expect(successes.length + inUse.length).toBe(20);
    expect(successes.length).toBeGreaterThanOrEqual(1);
    expect(successes.filter((p) => !p.replayed)).toHaveLength(1);
    expect(new Set(successes.map((p) => p.client?.id)).size).toBe(1);
    expect(await countRows(gateway, "client", tenant)).toBe(1);
    expect(await countRows(gateway, "idempotency_key", tenant)).toBe(1);
  });

  it("20 creates of one org number with different keys create exactly one client", async () => {
    const tenant = gateway.newTenant();
    const payloads = await Promise.all(
      Array.from({ length: 20 }, (_, i) => create(tenant, { input: input(9, { name: `Racer ${i}` }), key: newKey() }).then((r) => dataOf(r).createClient)),
    );
    expect(payloads.filter((p) => p.error === null)).toHaveLength(1);
    expect(payloads.filter((p) => p.error?.code === "CLIENT_DUPLICATE_ORG_NUMBER")).toHaveLength(19);
    expect(await countRows(gateway, "client", tenant)).toBe(1);
  });
});

describe("tenants", () => {
  it("can't replay or block another tenant's key", async () => {
    const a = gateway.newTenant();
    const b = gateway.newTenant();
    const key = newKey();
    const theirs = dataOf(await create(b, { input: input(10), key })).createClient;
    const mine = dataOf(await create(a, { input: input(10), key })).createClient;
    expect(mine).toMatchObject({ error: null, replayed: false });
    expect(mine.client!.id).not.toBe(theirs.client!.id);
    // Another tenant's key with other arguments is not "reused" either: it is simply not theirs.
    const other = dataOf(await gateway.call(UpdateClientDocument, { id: mine.client!.id, patch: { rating: "A" }, key }, { tenant: a, scopes: WRITER })).updateClient;
    expect(other.error).toBeNull();
  });
});

describe("expiry", () => {
  it("purges only expired keys, and an expired key is free again", async () => {
    const tenant = gateway.newTenant();
    const expiredKey = newKey();
    const liveKey = newKey();
    dataOf(await create(tenant, { input: input(11), key: expiredKey }));
    dataOf(await create(tenant, { input: input(12), key: liveKey }));
    await gateway.dataSource.query("UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE tenant_id = $1 AND key = $2", [tenant, expiredKey]);
    const [live] = (await gateway.dataSource.query("SELECT extract(epoch FROM expires_at - created_at)::int AS kept FROM idempotency_key WHERE key = $1", [liveKey])) as { kept: number }[];
    expect(live.kept).toBeGreaterThanOrEqual(24 * 3600);

    // Before the purge, the expired key is already treated as absent: other arguments are accepted.
    const reusedAfterExpiry = dataOf(await create(tenant, { input: input(13), key: expiredKey })).createClient;
    expect(reusedAfterExpiry).toMatchObject({ error: null, replayed: false });

    await gateway.dataSource.query("UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE tenant_id = $1 AND key = $2", [tenant, expiredKey]);
    const purged = await purgeExpiredIdempotencyKeys(gateway.dataSource);
    expect(purged).toBeGreaterThanOrEqual(1);
    const keys = (await gateway.dataSource.query("SELECT key FROM idempotency_key WHERE tenant_id = $1", [tenant])) as { key: string }[];
    expect(keys.map((k) => k.key)).toEqual([liveKey]);
  });
});
