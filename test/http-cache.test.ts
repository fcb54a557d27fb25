import { TestGateway } from "./helpers/harness";
import { parseHttpCacheMaxAge } from "../src/http/http-cache";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start({ env: { HTTP_CACHE_MAX_AGE: "ClientList=30,Touch=10" } });
});
afterAll(() => gateway.stop());

async function post(query: string, headers: Record<string, string> = {}) {
  const tenant = "t-http-cache";
  const token = await gateway.token([tenant]);
  return fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-company-id": tenant, ...headers },
    body: JSON.stringify({ query }),
  });
}

describe("HTTP caching", () => {
  it("marks a configured, successful query private with its max-age and Vary on the caller", async () => {
    const response = await post("query ClientList { __typename }");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, max-age=30");
    expect(response.headers.get("vary")).toMatch(/Authorization.*X-Company-Id.*X-Api-Version/);
    expect(response.headers.get("etag")).toMatch(/^W\/"/);
  });

  it("answers no-store for an unconfigured query, a failing one and a mutation of a configured name", async () => {
    expect((await post("query Other { __typename }")).headers.get("cache-control")).toBe("no-store");
    expect((await post("query ClientList { nope }")).headers.get("cache-control")).toBe("no-store");
    expect((await post("mutation Touch { __typename }")).headers.get("cache-control")).toBe("no-store");
  });

  it("gives identical results the same ETag though requestId differs, and 304 without a body on If-None-Match", async () => {
    const first = await post("query ClientList { __typename }");
    const second = await post("query ClientList { __typename }");
    const [a, b] = [await first.json(), await second.json()] as { extensions: { requestId: string } }[];
    expect(a.extensions.requestId).not.toBe(b.extensions.requestId);
    const etag = first.headers.get("etag")!;
    expect(second.headers.get("etag")).toBe(etag);
    const again = await post("query ClientList { __typename }", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await post("query ClientList { __typename }", { "if-none-match": 'W/"other"' });
    expect(other.status).toBe(200);
  });

  it("refuses a malformed HTTP_CACHE_MAX_AGE", () => {
    expect(() => parseHttpCacheMaxAge("ClientList")).toThrow(/OperationName=seconds/);
    expect(parseHttpCacheMaxAge("A=1, B=20")).toEqual(new Map([["A", 1], ["B", 20]]));
  });
});
