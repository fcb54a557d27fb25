import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { TestGateway } from "./helpers/harness";

let gateway: TestGateway;
let off: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
  off = await TestGateway.start({ env: { COMPRESSION: "false" } });
});
afterAll(async () => {
  await gateway.stop();
  await off.stop();
});

const LARGE = "{ __schema { types { name description } } }";
const SMALL = "{ __typename }";

/** A raw POST (fetch would decode the body itself), giving the bytes as sent. */
async function raw(target: TestGateway, query: string, acceptEncoding: string) {
  const tenant = target.newTenant();
  const token = await target.token([tenant]);
  const body = JSON.stringify({ query });
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
    const request = http.request(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-encoding": acceptEncoding, authorization: `Bearer ${token}`, "x-company-id": tenant },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, bytes: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

function withoutRequestId(text: string): unknown {
  const parsed = JSON.parse(text) as { extensions?: Record<string, unknown> };
  delete parsed.extensions;
  return parsed;
}

describe("compression", () => {
  it.each([
    ["br", "gzip, deflate, br", (bytes: Buffer) => brotliDecompressSync(bytes)],
    ["gzip", "gzip", (bytes: Buffer) => gunzipSync(bytes)],
  ])("sends %s when asked, and it decodes to the same JSON", async (encoding, accept, decode) => {
    const plain = await raw(gateway, LARGE, "identity");
    const packed = await raw(gateway, LARGE, accept);
    expect(packed.status).toBe(200);
    expect(packed.headers["content-encoding"]).toBe(encoding);
    expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
    expect(packed.bytes.length).toBeLessThan(plain.bytes.length / 3);
    expect(withoutRequestId(decode(packed.bytes).toString("utf8"))).toEqual(withoutRequestId(plain.bytes.toString("utf8")));
  });

  it("sends identity when no encoding is accepted", async () => {
    const response = await raw(gateway, LARGE, "identity");
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.bytes.length).toBeGreaterThan(1024);
    expect(JSON.parse(response.bytes.toString("utf8"))).toHaveProperty("data.__schema.types");
  });

  it("leaves an answer under the threshold uncompressed", async () => {
    const response = await raw(gateway, SMALL, "br, gzip");
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(response.bytes.toString("utf8"))).toHaveProperty("data.__typename", "Query");
  });

  it("compresses nothing with COMPRESSION=false (a proxy does it)", async () => {
    const response = await raw(off, LARGE, "br, gzip");
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(response.bytes.toString("utf8"))).toHaveProperty("data.__schema.types");
  });
});
