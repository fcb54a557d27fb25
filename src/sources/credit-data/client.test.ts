import { SourceHttpError, virtualClock } from "../http";
import { onPath } from "../simulator-kit";
import { CreditDataClient, type CreditDataClientOptions } from "./client";
import { CREDIT_DATA_ACT_EXAMPLE, CREDIT_DATA_CLIENT_EXAMPLE } from "./examples";
import { CreditDataSimulator, type CreditDataSimClient } from "./simulator";

const TOKEN = "cd_live_9a8b7c6d5e4f";
const T0 = Date.parse("2026-06-01T00:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** Client n changed n minutes after T0. */
const roster = (count = 250): CreditDataSimClient[] =>
  Array.from({ length: count }, (_, i) => ({ ...CREDIT_DATA_CLIENT_EXAMPLE, id: `cd_${String(i + 1).padStart(4, "0")}`, updated_at: at(i + 1), acts: [] }));

let sim: CreditDataSimulator;
beforeAll(async () => {
  sim = await CreditDataSimulator.start({ token: TOKEN });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.server.reset();
  sim.clients = roster();
});

const client = (options: Partial<CreditDataClientOptions> = {}) =>
  new CreditDataClient({ baseUrl: sim.url, token: TOKEN, http: { clock: virtualClock(), retry: { baseDelayMs: 1, maxDelayMs: 5 } }, ...options });

async function collect<T>(pages: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe("CreditDataClient", () => {
  it("lists page by page from 1 until meta.total, with the bearer token", async () => {
    const pages = await collect(client().listPages());
    expect(pages.map((p) => [p.page, p.records.length, p.total, p.final])).toEqual([
      [1, 100, 250, false],
      [2, 100, 250, false],
      [3, 50, 250, true],
    ]);
    expect(sim.server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("ends with the page that reaches meta.total even when it is full, and lists from updated_since minus the overlap", async () => {
    sim.clients = roster(200);
    expect((await collect(client().listPages())).map((p) => p.page)).toEqual([1, 2]);
    sim.server.reset();
    const pages = await collect(client({ overlapMs: 60_000 }).listPages({ since: at(151) }));
    expect(sim.server.requests[0].query.get("updated_since")).toBe(at(150));
    expect(pages.flatMap((p) => p.records.map((r) => r.id))).toHaveLength(51);
  });

  it("refuses a listing whose page parameter is ignored, and one without meta.total", async () => {
    sim.server.fault({ match: (r) => r.path === "/api/clients" && r.query.get("page") === "2", times: Infinity, status: 200, body: { data: roster(100), meta: { page: 1, limit: 100, total: 250 } } });
    await expect(collect(client().listPages())).rejects.toMatchObject({ kind: "INVALID_RESPONSE" });
    sim.server.reset();
    sim.server.fault({ match: onPath("/api/clients"), status: 200, body: { data: [], meta: {} } });
    await expect(collect(client().listPages())).rejects.toMatchObject({ kind: "INVALID_RESPONSE" });
  });

  it("looks a client up by org number (null on 404), and reads its latest act and all its acts (none on 404)", async () => {
    sim.clients = [{ ...CREDIT_DATA_CLIENT_EXAMPLE, acts: Array.from({ length: 130 }, (_, i) => ({ ...CREDIT_DATA_ACT_EXAMPLE, id: `a${i}`, period_end: `${1900 + i}-12-31`, period_start: `${1900 + i}-01-01` })) }];
    const credit = client();
    expect((await credit.lookup("5566778899", "se"))?.id).toBe("cd_7f3a91");
    expect(await credit.lookup("5566778898", "SE")).toBeNull();
    const acts = await credit.actsOf("cd_7f3a91");
    expect(acts.latest?.id).toBe("a129");
    expect(acts.list).toHaveLength(130);
    expect(await credit.actsOf("cd_none")).toEqual({ latest: null, list: [] });
  });

  it("keeps the org number out of a failed lookup's error", async () => {
    sim.server.fault({ match: (r) => r.path === "/api/clients/lookup", times: Infinity, status: 500, body: { error: { code: "BOOM", message: "down" } } });
    const error = (await client().lookup("5566778899", "SE").catch((e: unknown) => e)) as SourceHttpError;
    expect(error).toMatchObject({ kind: "HTTP", status: 500, sourceCode: "BOOM" });
    expect(`${error.message} ${error.safeMessage} ${error.url}`).not.toMatch(/5566778899|org_number/);
  });

  it("fails with AUTH on a refused token, and keeps the token out of the error", async () => {
    const error = await collect(client({ token: "wrong-token" }).listPages()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceHttpError);
    expect(error).toMatchObject({ kind: "AUTH", status: 401, endsRun: true });
    expect(JSON.stringify({ message: (error as Error).message, body: (error as SourceHttpError).body })).not.toContain("wrong-token");
  });
});
