import { TestGateway } from "./helpers/harness";
import { parseCorsOrigins } from "../src/http/cors";

const ALLOWED = "http://localhost:5173";
const OTHER = "https://evil.example";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start({ env: { CORS_ORIGINS: `${ALLOWED}, https://app.example.com` } });
});
afterAll(() => gateway.stop());

function preflight(origin: string) {
  return fetch(gateway.url, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type,x-company-id,apollographql-client-name",
    },
  });
}

describe("CORS", () => {
  it("answers a preflight from an allowed origin with 204 and the headers the API needs", async () => {
    const response = await preflight(ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    const headers = response.headers.get("access-control-allow-headers")!.split(",");
    expect(headers).toEqual(expect.arrayContaining(["authorization", "content-type", "x-company-id", "x-api-version", "apollo-require-preflight", "apollographql-client-name", "apollographql-client-version", "traceparent"]));
    expect(response.headers.get("access-control-max-age")).toBe("600");
    expect(response.headers.get("vary")).toMatch(/Origin/);
  });

  it("gives a disallowed origin no Access-Control-Allow-Origin", async () => {
    const response = await preflight(OTHER);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("lets an allowed origin read the answer and its X-Request-Id", async () => {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { origin: ALLOWED, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.headers.get("x-request-id")).toEqual(expect.any(String));
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(response.headers.get("access-control-expose-headers")).toMatch(/X-Request-Id/);
    expect(response.headers.get("vary")).toMatch(/Origin/);
  });

  it("still refuses a simple cross-site request (Apollo's CSRF prevention), even from an allowed origin", async () => {
    for (const origin of [ALLOWED, OTHER]) {
      const response = await fetch(`${gateway.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { origin } });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF|preflight/i);
    }
  });

  it("refuses a wildcard or a non-origin in CORS_ORIGINS, and is closed when unset", () => {
    expect(() => parseCorsOrigins("*")).toThrow(/not allowed/);
    expect(() => parseCorsOrigins("https://app.example.com/path")).toThrow(/not an origin/);
    expect(parseCorsOrigins(undefined)).toEqual([]);
    expect(parseCorsOrigins(" https://a.example , http://localhost:5173")).toEqual(["https://a.example", "http://localhost:5173"]);
  });
});
