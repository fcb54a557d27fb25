import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { GraphQLError } from "graphql";
import { APOLLO_CALLER_CODES, formatError, RequestErrorCode } from "../src/common/errors";
import { TestGateway } from "./helpers/harness";

/**
 * Request errors under the codes Apollo's ecosystem knows (ApolloServerErrorCode), each with the
 * request id, also when Apollo refuses the request before any plugin of ours runs.
 */
let gateway: TestGateway;
let token: string;
beforeAll(async () => {
  gateway = await TestGateway.start();
  token = await gateway.token(["1"]);
});
afterAll(async () => {
  await gateway.stop();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-company-id": "1", ...headers },
    body: JSON.stringify(body),
  });

type Body = { errors: { message: string; extensions: { code: string; requestId?: string } }[]; extensions?: { requestId?: string } };

async function refused(response: Response): Promise<{ status: number; codes: string[]; body: Body }> {
  const body = (await response.json()) as Body;
  const requestId = response.headers.get("x-request-id");
  expect(requestId).toEqual(expect.any(String));
  expect(body.extensions?.requestId).toBe(requestId);
  for (const error of body.errors) expect(error.extensions.requestId ?? body.extensions?.requestId).toBe(requestId);
  return { status: response.status, codes: body.errors.map((e) => e.extensions.code), body };
}

it("a refusal before the operation (401, 403) has the request id on the error and the response", async () => {
  expect(await refused(await post({ query: "{ clients { totalCount } }" }, { authorization: "" }))).toMatchObject({ status: 401, codes: ["UNAUTHENTICATED"] });
  expect(await refused(await post({ query: "{ clients { totalCount } }" }, { "x-company-id": "2" }))).toMatchObject({ status: 403, codes: ["FORBIDDEN"] });
});

it("a query that doesn't parse is GRAPHQL_PARSE_FAILED", async () => {
  expect(await refused(await post({ query: "{ clients(first: 1) { totalCount " }))).toMatchObject({ status: 400, codes: ["GRAPHQL_PARSE_FAILED"] });
});

it("a query the schema refuses is GRAPHQL_VALIDATION_FAILED", async () => {
  expect(await refused(await post({ query: "{ clients { noSuchField } }" }))).toMatchObject({ status: 400, codes: ["GRAPHQL_VALIDATION_FAILED"] });
});

it("a variable of the wrong type stays BAD_USER_INPUT (API.md)", async () => {
  const { codes } = await refused(await post({ query: "query($n: Int) { clients(first: $n) { totalCount } }", variables: { n: "many" } }));
  expect(codes).toEqual(["BAD_USER_INPUT"]);
});

it("an unknown persisted query hash is PERSISTED_QUERY_NOT_FOUND, which Apollo Client's APQ link answers with the query", async () => {
  const query = "{ clients(first: 1) { totalCount } }";
  const sha256Hash = createHash("sha256").update(query).digest("hex");
  const miss = await refused(await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } }));
  expect(miss.codes).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  const registered = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
  expect(registered.status).toBe(200);
  const hit = await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
  expect(((await hit.json()) as { data: unknown }).data).toEqual({ clients: { totalCount: expect.any(Number) } });
});

it("Apollo's own refusals (CSRF, a batch, 405, 406) carry the request id too", async () => {
  const csrf = await fetch(`${gateway.url}?query=${encodeURIComponent("{ clients { totalCount } }")}`, { headers: { authorization: `Bearer ${token}`, "x-company-id": "1" } });
  expect(await refused(csrf)).toMatchObject({ status: 400, codes: ["BAD_REQUEST"] });
  const batch = await post([{ query: "{ clients { totalCount } }" }, { query: "{ clients { totalCount } }" }]);
  expect(await refused(batch)).toMatchObject({ status: 400, codes: ["BAD_REQUEST"] });
  const put = await fetch(gateway.url, { method: "PUT", headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-company-id": "1" }, body: "{}" });
  expect(await refused(put)).toMatchObject({ status: 405, codes: ["BAD_REQUEST"] });
  const html = await post({ query: "{ clients { totalCount } }" }, { accept: "text/html" });
  expect(await refused(html)).toMatchObject({ status: 406, codes: ["BAD_REQUEST"] });
});

describe("the list of codes", () => {
  const readme = readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("#### Error codes"));
  const table = section.slice(0, section.indexOf("\n\n", section.indexOf("| code |")));
  const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
  const emitted = [...Object.values(RequestErrorCode), ...APOLLO_CALLER_CODES];

  it("the README's table names exactly the codes the server emits", () => {
    expect([...documented].sort()).toEqual([...new Set(emitted)].sort());
  });

  it("formatError answers only codes of the list, whatever an error carried", () => {
    const seen = new Set<string>();
    for (const code of [...emitted, "SOMETHING_ELSE", undefined, "HPE_HEADER_OVERFLOW", "23505"]) {
      const error = new GraphQLError("boom", { extensions: code === undefined ? {} : { code } });
      const formatted = formatError({ message: error.message, extensions: error.extensions }, error, { production: true });
      seen.add(String(formatted.extensions?.code));
    }
    for (const code of seen) expect(documented).toContain(code);
  });
});
