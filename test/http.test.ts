import { TestGateway } from "./helpers/harness";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

describe("requests GraphQL never sees", () => {
  it.each([
    ["a body that is not JSON", "{bad", {}, 400],
    ["a body over 1 MB", JSON.stringify({ query: `{ clients { totalCount } }`, pad: "x".repeat(1_100_000) }), {}, 413],
    ["an unknown content encoding", "{}", { "content-encoding": "bogus" }, 415],
  ])("answer %s with a JSON error and no stack trace", async (_name, body, headers, status) => {
    const response = await post(body, headers);
    expect(response.status).toBe(status);
    expect(response.type).toContain("application/json");
    const parsed = JSON.parse(response.text) as { errors: { extensions: { code: string; requestId: string } }[] };
    expect(parsed.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", requestId: expect.any(String) });
    expect(response.text).not.toMatch(/node_modules|\bat \w|SyntaxError/);
  });
});
