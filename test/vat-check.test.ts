import { CreateClientDocument, CreateClientInput } from "./generated/graphql";
import { dataOf, TestGateway } from "./helpers/harness";
import { newKey, swedishOrgNumber, WRITER } from "./helpers/mutations";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start({ viesTimeoutMs: 300 });
});
afterAll(() => gateway.stop());

const business = (n: number, extra: Partial<CreateClientInput> = {}): CreateClientInput => ({
  name: `Vat ${n}`,
  countryCode: "SE",
  orgNumber: swedishOrgNumber(2000 + n),
  vatNumber: `SE ${swedishOrgNumber(2000 + n)} 01`,
  ...extra,
});
const viesNumber = (n: number) => `${swedishOrgNumber(2000 + n)}01`;
const create = (tenant: string, input: CreateClientInput, key = newKey(), scopes = WRITER) =>
  gateway.call(CreateClientDocument, { input, key }, { tenant, scopes }).then((r) => dataOf(r).createClient);

describe("the VIES check after commit", () => {
  it("marks a valid number validated, with the time, after sending it without its prefix", async () => {
    const payload = await create(gateway.newTenant(), business(1));
    expect(payload.client).toMatchObject({ vatNumber: `SE${viesNumber(1)}`, vatNumberValidated: true });
    expect(Date.parse(payload.client!.vatNumberValidatedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(gateway.vies.requests).toContainEqual({ countryCode: "SE", vatNumber: viesNumber(1) });
  });

  it.each([
    ["invalid", "invalid" as const],
    ["down (HTTP 500)", "down" as const],
    ["unavailable (MS_UNAVAILABLE)", "unavailable" as const],
    ["slower than the timeout", "slow" as const],
  ])("leaves the number unvalidated when VIES says %s, and the mutation succeeds", async (_label, behaviour) => {
    const n = ["invalid", "down", "unavailable", "slow"].indexOf(behaviour) + 10;
    gateway.vies.setBehaviour(viesNumber(n), behaviour);
    const payload = await create(gateway.newTenant(), business(n));
    expect(payload.error).toBeNull();
    expect(payload.client).toMatchObject({ vatNumberValidated: false, vatNumberValidatedAt: null });
    expect(gateway.vies.requests).toContainEqual({ countryCode: "SE", vatNumber: viesNumber(n) });
  });

  it("holds no database transaction open while it waits for VIES", async () => {
    gateway.vies.setBehaviour(viesNumber(20), "slow");
    const arrived = gateway.vies.nextRequest();
    const pending = create(gateway.newTenant(), business(20));
    await arrived;
    const open = (await gateway.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1 AND state LIKE 'idle in transaction%'`,
      [gateway.applicationName],
    )) as { n: number }[];
    expect(open[0].n).toBe(0);
    expect((await pending).client?.vatNumberValidated).toBe(false);
  });

  it("doesn't call VIES for a sole trader, a non-EU business or a client without a VAT number", async () => {
    const before = gateway.vies.requests.length;
    const tenant = gateway.newTenant();
    await create(tenant, { name: "No VAT", countryCode: "SE", orgNumber: swedishOrgNumber(2030) });
    // Writing a personnummer needs clients:pii.
    const trader = await create(tenant, { name: "Sole trader", clientType: "INDIVIDUAL", countryCode: "SE", orgNumber: "8112189876", vatNumber: "SE811218987601" }, newKey(), [...WRITER, "clients:pii"]);
    expect(trader.error).toBeNull();
    await create(tenant, { name: "Norway", countryCode: "NO", orgNumber: "923609016", vatNumber: "NO923609016MVA" });
    expect(gateway.vies.requests.length).toBe(before);
  });

  it("replays the payload with the VIES outcome it answered with", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    const first = await create(tenant, business(40), key);
    expect(first.client?.vatNumberValidated).toBe(true);
    const again = await create(tenant, business(40), key);
    expect(again).toEqual({ ...first, replayed: true });
  });
});

describe("a retry while the VIES check runs", () => {
  it("is IDEMPOTENCY_KEY_IN_USE, and afterwards replays what the first call answered", async () => {
    const tenant = gateway.newTenant();
    const key = newKey();
    gateway.vies.setBehaviour(viesNumber(50), "slow");
    const arrived = gateway.vies.nextRequest();
    const first = create(tenant, business(50), key);
    await arrived;
    const retry = await create(tenant, business(50), key);
    expect(retry.error?.code).toBe("IDEMPOTENCY_KEY_IN_USE");
    const answered = await first;
    expect(answered.client?.vatNumberValidated).toBe(false);
    expect(await create(tenant, business(50), key)).toEqual({ ...answered, replayed: true });
  });
});
