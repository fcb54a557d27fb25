import { startFakeVies, type FakeVies } from "./helpers/fake-vies";
import { ViesClient, type VatCheckOutcome } from "../src/integrations/vies/vies-client";

/** Far above any local round trip, far below the fake's 10 s slow answer. */
const TIMEOUT_MS = 200;

let vies: FakeVies;
let client: ViesClient;
beforeAll(async () => {
  vies = await startFakeVies();
  client = new ViesClient({ url: vies.url, timeoutMs: TIMEOUT_MS });
});
afterAll(() => vies.close());

const consoleMethods = ["log", "info", "warn", "error", "debug", "trace"] as const;
let consoleSpies: jest.SpyInstance[] = [];
beforeEach(() => {
  vies.requests.length = 0;
  vies.setDefault("valid");
  consoleSpies = consoleMethods.map((method) => jest.spyOn(console, method));
});
afterEach(() => {
  // VAT numbers of sole traders are personal data: the client must not log, whatever happens.
  const calls = Object.fromEntries(consoleMethods.map((method, i) => [method, consoleSpies[i].mock.calls]));
  for (const spy of consoleSpies) spy.mockRestore();
  expect(calls).toEqual(Object.fromEntries(consoleMethods.map((method) => [method, []])));
});

const unavailable = (reason: string): VatCheckOutcome => ({ status: "UNAVAILABLE", reason }) as VatCheckOutcome;

describe("ViesClient", () => {
  it("answers VALID, with the time of the check, for a valid number", async () => {
    const before = Date.now();
    const outcome = await client.check("SE", "556036079301");
    expect(outcome).toEqual({ status: "VALID", checkedAt: expect.any(Date) });
    const checkedAt = (outcome as { checkedAt: Date }).checkedAt.getTime();
    expect(checkedAt).toBeGreaterThanOrEqual(before);
    expect(checkedAt).toBeLessThanOrEqual(Date.now());
    expect(vies.requests).toEqual([{ countryCode: "SE", vatNumber: "556036079301" }]);
  });

  it("answers INVALID for a number VIES does not know", async () => {
    vies.setBehaviour("556000000001", "invalid");
    await expect(client.check("SE", "556000000001")).resolves.toEqual({ status: "INVALID" });
  });

  it("looks the number up without its country prefix and separators", async () => {
    vies.setBehaviour("556000000002", "invalid");
    await expect(client.check("SE", "SE 556.000-000 002")).resolves.toEqual({ status: "INVALID" });
    expect(vies.requests).toEqual([{ countryCode: "SE", vatNumber: "556000000002" }]);
  });

  it("sends Greece as EL, and strips an EL or a GR prefix", async () => {
    await client.check("GR", "EL 094014201");
    await client.check("gr", "GR094014201");
    await client.check("GR", "094014201");
    expect(vies.requests).toEqual([
      { countryCode: "EL", vatNumber: "094014201" },
      { countryCode: "EL", vatNumber: "094014201" },
      { countryCode: "EL", vatNumber: "094014201" },
    ]);
  });

  it("keeps Northern Ireland as XI, and strips only the country's own prefix", async () => {
    await client.check("XI", "XI 123 4567 89");
    // French numbers may start with letters: AB is part of the number, not a prefix.
    await client.check("FR", "AB123456789");
    expect(vies.requests).toEqual([
      { countryCode: "XI", vatNumber: "123456789" },
      { countryCode: "FR", vatNumber: "AB123456789" },
    ]);
  });

  it("gives up on a slow VIES: UNAVAILABLE TIMEOUT (the fake would answer VALID after 10 s)", async () => {
    vies.setBehaviour("556000000003", "slow");
    await expect(client.check("SE", "556000000003")).resolves.toEqual(unavailable("TIMEOUT"));
  });

  it("gives up on a body that stalls after the headers: UNAVAILABLE TIMEOUT", async () => {
    vies.setBehaviour("556000000004", "slow-body");
    await expect(client.check("SE", "556000000004")).resolves.toEqual(unavailable("TIMEOUT"));
  });

  it("reports a non-2xx answer as UNAVAILABLE HTTP_ERROR", async () => {
    vies.setBehaviour("556000000005", "down");
    await expect(client.check("SE", "556000000005")).resolves.toEqual(unavailable("HTTP_ERROR"));
  });

  it("reports a member state outage (actionSucceed: false) as UNAVAILABLE SERVICE_ERROR", async () => {
    vies.setBehaviour("556000000006", "unavailable");
    await expect(client.check("SE", "556000000006")).resolves.toEqual(unavailable("SERVICE_ERROR"));
  });

  it("reports a 200 that is not JSON as UNAVAILABLE BAD_RESPONSE", async () => {
    vies.setBehaviour("556000000007", "garbage");
    await expect(client.check("SE", "556000000007")).resolves.toEqual(unavailable("BAD_RESPONSE"));
  });

  it("uses the default behaviour for numbers without one of their own", async () => {
    vies.setDefault("invalid");
    await expect(client.check("SE", "556000000008")).resolves.toEqual({ status: "INVALID" });
  });

  it("reports a refused connection as UNAVAILABLE NETWORK", async () => {
    const gone = await startFakeVies();
    const url = gone.url;
    await gone.close();
    const offline = new ViesClient({ url, timeoutMs: 5_000 });
    await expect(offline.check("SE", "556036079301")).resolves.toEqual(unavailable("NETWORK"));
  });
});
