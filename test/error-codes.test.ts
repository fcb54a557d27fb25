import { createHash } from "node:crypto";
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

it("Apollo's own refusals (CSRF, a batch) carry the request id too", async () => {
  const csrf = await fetch(`${gateway.url}?query=${encodeURIComponent("{ clients { totalCount } }")}`, { headers: { authorization: `Bearer ${token}`, "x-company-id": "1" } });
  expect(await refused(csrf)).toMatchObject({ status: 400, codes: ["BAD_REQUEST"] });
  const batch = await post([{ query: "{ clients { totalCount } }" }, { query: "{ clients { totalCount } }" }]);
  expect(await refused(batch)).toMatchObject({ status: 400, codes: ["BAD_REQUEST"] });
});
