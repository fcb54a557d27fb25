import { TestGateway, dataOf } from "./helpers/harness";

let gateway: TestGateway;
let tenant: string;
beforeAll(async () => {
  gateway = await TestGateway.start();
  tenant = gateway.newTenant();
});
afterAll(() => gateway.stop());

async function refusedAsTooComplex(query: string, variables: Record<string, unknown> = {}, target = gateway) {
  const before = target.requests.length;
  const response = await target.send(query, variables, { tenant });
  expect({ status: response.status, code: response.errors?.[0]?.extensions?.code, data: response.data ?? null }).toEqual({
    status: 400,
    code: "QUERY_TOO_COMPLEX",
    data: null,
  });
  // Refused before anything executed: the request ran no SQL at all.
  expect(target.requests.length).toBe(before + 1);
  expect(target.lastRequest().stats).toEqual({ statements: 0, framing: 0 });
  return response;
}

const nest = (levels: number) => `{ client(id: "1") { ${"parent { ".repeat(levels)}id${" }".repeat(levels)} } }`;

describe("query limits, before any SQL", () => {
  it("refuses a query deeper than 10 and answers one of depth 10", async () => {
    const refused = await refusedAsTooComplex(nest(10));
    expect(refused.errors?.[0]?.message).toContain("depth 12 (at most 10)");
    expect(dataOf(await gateway.send(nest(8), {}, { tenant }))).toEqual({ client: null });
  });

  it("refuses more than 15 aliases", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: clientsSummary { accessibleClients }`).join(" ")} }`;
    await refusedAsTooComplex(aliases(16));
    expect(Object.keys(dataOf(await gateway.send(aliases(15), {}, { tenant })) as object)).toHaveLength(15);
  });

  it("refuses more than 20 directives", async () => {
    await refusedAsTooComplex(`{ clientsSummary { ${"accessibleClients @include(if: true) ".repeat(21)} } }`);
  });

  it("multiplies list fields by their first, also from variables", async () => {
    const query = `query Deep($n: Int!) { clients(first: $n) { nodes { acts(first: 100) { nodes { periodEnd } } history(first: 100) { nodes { id } } } } }`;
    const refused = await refusedAsTooComplex(query, { n: 100 });
    expect(refused.errors?.[0]?.message).toMatch(/cost \d+ \(at most 10000\)/);
    // The same selection on a page of 10 is within the limit.
    expect(dataOf(await gateway.send(query, { n: 10 }, { tenant }))).toEqual({ clients: { nodes: [] } });
  });

  it("lets the kitchen-sink page of 100 clients with every relation through", async () => {
    const fs = await import("node:fs");
    const relations = fs.readFileSync(`${__dirname}/operations/relations.graphql`, "utf8");
    expect(dataOf(await gateway.send(relations, { first: 100 }, { tenant }))).toEqual({ clients: { nodes: [] } });
  });

  it("refuses more than 2000 tokens, and more than 20000 characters", async () => {
    await refusedAsTooComplex(`{ clientsSummary { ${"accessibleClients ".repeat(2001)} } }`);
    await refusedAsTooComplex(`{ clientsSummary { accessibleClients } } # ${"x".repeat(20_000)}`);
  });

  it("refuses batched requests and bodies over 1 MB", async () => {
    const headers = { "content-type": "application/json", authorization: `Bearer ${await gateway.token([tenant])}`, "x-company-id": tenant };
    const batched = await fetch(gateway.url, { method: "POST", headers, body: JSON.stringify([{ query: "{ clientsSummary { accessibleClients } }" }, { query: "{ clientsSummary { archivedClients } }" }]) });
    expect(batched.status).toBe(400);
    const large = await fetch(gateway.url, { method: "POST", headers, body: JSON.stringify({ query: "{ clientsSummary { accessibleClients } }", variables: { pad: "x".repeat(1_100_000) } }) });
    expect(large.status).toBe(413);
    expect(((await large.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("takes its limits from configuration", async () => {
    const strict = await TestGateway.start({ env: { MAX_QUERY_DEPTH: "3", MAX_QUERY_COST: "50", MAX_QUERY_ALIASES: "1" } });
    try {
      await refusedAsTooComplex(nest(2), {}, strict);
      await refusedAsTooComplex(`{ clients(first: 60) { nodes { id parent { id } } } }`, {}, strict);
      await refusedAsTooComplex(`{ a: clientsSummary { accessibleClients } b: clientsSummary { accessibleClients } }`, {}, strict);
      expect(dataOf(await strict.send(nest(1), {}, { tenant }))).toEqual({ client: null });
    } finally {
      await strict.stop();
    }
  });
});

describe("X-Api-Version", () => {
  const ask = async (version?: string) => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      authorization: `Bearer ${await gateway.token([tenant])}`,
      "x-company-id": tenant,
    };
    if (version !== undefined) headers["x-api-version"] = version;
    const response = await fetch(gateway.url, { method: "POST", headers, body: JSON.stringify({ query: "{ clientsSummary { accessibleClients } }" }) });
    return { status: response.status, answered: response.headers.get("x-api-version"), body: (await response.json()) as { data?: unknown; errors?: { extensions: Record<string, unknown> }[] } };
  };

  it("answers the current version when absent, and says so", async () => {
    const response = await ask();
    expect(response.status).toBe(200);
    expect(response.answered).toBe("1");
  });

  it("answers a known version", async () => {
    expect(await ask("1")).toMatchObject({ status: 200, answered: "1", body: { data: { clientsSummary: { accessibleClients: 0 } } } });
  });

  it("refuses an unknown version with UNSUPPORTED_API_VERSION and the supported ones, before anything runs", async () => {
    const before = gateway.requests.length;
    const response = await ask("2099-01-01");
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "UNSUPPORTED_API_VERSION", supportedVersions: ["1"], requestId: expect.any(String) });
    expect(gateway.requests.length).toBe(before + 1);
    expect(gateway.lastRequest().stats.statements).toBe(0);
  });
});

describe("health and readiness", () => {
  it("/healthz says alive and /readyz says ready when the database answers and migrations are applied", async () => {
    const base = gateway.url.replace(/\/graphql$/, "");
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/readyz`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: "ready" } });
  });

  it("is not ready on a database without the migrations, nor on one that can't be reached", async () => {
    const { ensureDatabase } = await import("../src/db/database");
    const { createDataSource } = await import("../src/db/data-source");
    const { readiness } = await import("../src/http/readiness");
    const { dropDatabase } = await import("./helpers/databases");
    const url = await ensureDatabase(process.env.TEST_DATABASE_URL!, `cdg_unmigrated_${process.pid}_${Date.now()}`);
    const unmigrated = createDataSource(url, { pool: { size: 1 } });
    await unmigrated.initialize();
    try {
      expect(await readiness(unmigrated, false)).toEqual({ ready: false, reason: "migrations pending" });
      // Half migrated: the first migration only.
      await unmigrated.query(`CREATE TABLE typeorm_migrations (id serial PRIMARY KEY, timestamp bigint NOT NULL, name varchar NOT NULL)`);
      const first = unmigrated.migrations[0];
      await unmigrated.query(`INSERT INTO typeorm_migrations (timestamp, name) VALUES (1, $1)`, [first.name ?? first.constructor.name]);
      expect(await readiness(unmigrated, false)).toEqual({ ready: false, reason: "migrations pending" });
      expect(await readiness(gateway.dataSource, false)).toEqual({ ready: true });
      expect(await readiness(gateway.dataSource, true)).toEqual({ ready: false, reason: "stopping" });
    } finally {
      await unmigrated.destroy();
      await dropDatabase(process.env.TEST_DATABASE_URL!, new URL(url).pathname.slice(1));
    }
  });
});

describe("variable errors", () => {
  it("never echo the value sent (a personnummer in an input with a missing field)", async () => {
    const response = await gateway.send(
      `mutation($input: CreateClientInput!) { createClient(input: $input, idempotencyKey: "k") { error { code } } }`,
      { input: { orgNumber: "19121212-1212", email: "anna@example.se", countryCode: "SE", creditLimit: { x: 1 } } },
      { tenant, scopes: ["clients:read", "clients:write"] },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0]?.message).toMatch(/^Variable "\$input" got an invalid value/);
    const text = JSON.stringify(response);
    for (const sent of ["19121212-1212", "1212121212", "anna@example.se"]) expect(text).not.toContain(sent);
  });
});

describe("inputs the fuzz test found answered as internal errors", () => {
  const codes = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => [...new Set(response.errors?.map((e) => e.extensions?.code))];

  it("first: null is no first: the default page, counted as such in the query cost", async () => {
    const response = await gateway.send(`query($n: Int) { clients(first: $n) { totalCount } }`, { n: null }, { tenant });
    expect({ status: response.status, codes: codes(response) }).toEqual({ status: 200, codes: [] });
    // A null variable is not its declared default: the cost counts the page the resolver reads (25 each), not 1.
    const deep = `query ($l: Int = 1) { clients(first: 100, last: $l) { nodes { acts(first: 100, last: $l) { nodes { periodEnd } } history(first: 100, last: $l) { nodes { id } } } } }`;
    const refused = await gateway.send(deep, { l: null }, { tenant });
    expect(refused.errors?.[0]?.message).toMatch(/cost \d+ \(at most 10000\)/);
  });

  it("a DateTime in year 0 is BAD_USER_INPUT, before PostgreSQL sees it", async () => {
    const response = await gateway.send(`query($f: ClientFilter) { clients(filter: $f) { totalCount } }`, { f: { createdAt: { gt: "0000-01-01T00:00:00Z" } } }, { tenant });
    expect({ status: response.status, codes: codes(response) }).toEqual({ status: 400, codes: ["BAD_USER_INPUT"] });
  });

  it("more than 50 invalid variable values are BAD_USER_INPUT, all of them", async () => {
    const response = await gateway.send(`query($f: ClientFilter) { clients(filter: $f) { totalCount } }`, { f: { archivedAt: { in: Array(60).fill("2026-02-30T00:00:00Z") } } }, { tenant });
    expect({ status: response.status, codes: codes(response) }).toEqual({ status: 400, codes: ["BAD_USER_INPUT"] });
  });

  it("a NUL byte is BAD_USER_INPUT with status 400", async () => {
    const response = await gateway.send(`query($s: String) { clients(search: $s) { totalCount } }`, { s: "a\u0000b" }, { tenant });
    expect({ status: response.status, codes: codes(response) }).toEqual({ status: 400, codes: ["BAD_USER_INPUT"] });
  });
});

describe("text that jsonb can't hold", () => {
  it("an emoji in an audited or stored field writes, and a lone surrogate is INVALID_DATA, not an internal error", async () => {
    const writer = { tenant, scopes: ["clients:read", "clients:write"] };
    const created = await gateway.send<{ createClient: { client: { id: string }; error: unknown } }>(
      `mutation($k: String!) { createClient(input: { name: "Sole \\ud83d\\ude00", countryCode: "SE", clientType: INDIVIDUAL, street: "\\ud867\\udc8c street" }, idempotencyKey: $k) { client { id } error { code } } }`,
      { k: "emoji-1" },
      writer,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createClient.client.id;
    for (const [key, street, code] of [["emoji-2", "\ud867\udc8c other", null], ["emoji-3", "x\ud800y", "INVALID_DATA"]]) {
      const updated = await gateway.send<{ updateClient: { error: { code: string } | null } }>(
        `mutation($id: ID!, $s: String, $k: String!) { updateClient(id: $id, patch: { street: $s, notes: $s }, idempotencyKey: $k) { error { code } client { street } } }`,
        { id, s: street, k: key },
        writer,
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data?.updateClient.error?.code ?? null).toBe(code);
    }
  });
});

describe("review findings", () => {
  it("refuses variables nested deeper than 32 levels with BAD_USER_INPUT (400), even 5000 deep", async () => {
    for (const levels of [1000, 5000]) {
      // Written by hand: JSON.stringify itself can't nest 5000 deep.
      const filter = `${'{"and":['.repeat(levels)}{"name":{"eq":"x"}}${"]}".repeat(levels)}`;
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await gateway.token([tenant])}`, "x-company-id": tenant },
        body: `{"query":"query($f: ClientFilter) { clients(filter: $f) { totalCount } }","variables":{"f":${filter}}}`,
      });
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect({ status: response.status, code: body.errors[0].extensions.code }).toEqual({ status: 400, code: "BAD_USER_INPUT" });
    }
  });

  it("gives a clients:write-only caller no preview (an update's preview is the stored record)", async () => {
    const response = await gateway.send(
      `mutation { createClient(input: { name: "P AB", countryCode: "SE" }, idempotencyKey: "p", dryRun: true) { preview { name } } }`,
      {},
      { tenant, scopes: ["clients:write"] },
    );
    expect({ status: response.status, code: response.errors?.[0]?.extensions?.code }).toEqual({ status: 403, code: "FORBIDDEN" });
  });

  it("refuses to start with an unknown NODE_ENV, and seeds no demo data in production unless asked", async () => {
    const { loadConfig } = await import("../src/config");
    expect(() => loadConfig({ NODE_ENV: "staging" })).toThrow(/NODE_ENV must be development, production or test/);
    const secret = "a-production-secret-of-at-least-32-chars";
    const key = "00".repeat(32);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: secret, SOURCE_CREDENTIALS_KEY: key }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", JWT_SECRET: secret, SOURCE_CREDENTIALS_KEY: key, SEED_DEMO: "true" }).seedDemo).toBe(true);
    expect(loadConfig({}).seedDemo).toBe(true);
  });
});

describe("a masked personnummer can't be recovered without clients:pii", () => {
  const ALL = ["clients:read", "clients:write", "clients:pii"];
  const createIndividual = (t: string, name: string, orgNumber: string, scopes: string[], dryRun = false) =>
    gateway.send<{ createClient: { client: { id: string } | null; error: { code: string; failures: { field: string }[] } | null } }>(
      `mutation($o: String, $n: String!, $k: String!, $d: Boolean) { createClient(input: { name: $n, countryCode: "SE", clientType: INDIVIDUAL, orgNumber: $o }, idempotencyKey: $k, dryRun: $d) { client { id } error { code failures { field } } } }`,
      { o: orgNumber, n: name, k: `k-${name}-${scopes.length}-${dryRun}`, d: dryRun },
      { tenant: t, scopes },
    );

  it("by sorting: without clients:pii individuals sort as if they had no org number, cursors included", async () => {
    const { swedishPersonalNumber } = await import("./helpers/mutations");
    const t = gateway.newTenant();
    // Created high number first, so id order and number order disagree.
    for (const [name, serial] of [["High", "999"], ["Low", "001"], ["Middle", "500"]]) {
      expect((await createIndividual(t, name, `19${swedishPersonalNumber("800101", serial)}`, ALL)).data?.createClient.error).toBeNull();
    }
    const page = async (scopes: string[], after: string | null) =>
      (
        await gateway.send<{ clients: { nodes: { name: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }>(
          `query($a: String) { clients(first: 1, after: $a, orderBy: [{ field: ORG_NUMBER, direction: ASC }]) { nodes { name } pageInfo { endCursor hasNextPage } } }`,
          { a: after },
          { tenant: t, scopes },
        )
      ).data!.clients;
    const walk = async (scopes: string[]) => {
      const names: string[] = [];
      let after: string | null = null;
      for (;;) {
        const current = await page(scopes, after);
        names.push(...current.nodes.map((n) => n.name));
        if (!current.pageInfo.hasNextPage) return names;
        after = current.pageInfo.endCursor;
      }
    };
    expect(await walk(ALL)).toEqual(["Low", "Middle", "High"]);
    expect(await walk(["clients:read"])).toEqual(["High", "Low", "Middle"]);
  });
});
