import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { nonPublicRange, resolveTarget, WebhookAddressRefused } from "./address-guard";
import { retryDelayMs } from "./backoff";
import { sendWebhook } from "./sender";
import { verifySignature } from "./signature";

const production = { allowPrivate: false, allowedHosts: new Set<string>() };
const development = { allowPrivate: true, allowedHosts: new Set<string>() };

interface Received {
  headers: IncomingMessage["headers"];
  body: string;
}

/** A local receiver: answers with what `answer` says, and records what it got. */
async function receiver(answer: (req: Received) => number | "hang"): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const got = { headers: req.headers, body };
      received.push(got);
      const status = answer(got);
      if (status === "hang") return; // never answers: the sender's timeout ends it
      res.writeHead(status, { "content-type": "text/plain" }).end("secret-looking response body");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

describe("the webhook sender", () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("posts the body signed, with the delivery id, and the receiver's check passes", async () => {
    const r = await receiver((got) => (verifySignature("s3cret", got.body, String(got.headers["gateway-signature"])) ? 204 : 401));
    servers.push(r.server);
    const body = JSON.stringify({ id: "1", kind: "CREATED" });
    const result = await sendWebhook({ deliveryId: "d-1", url: r.url, secret: "s3cret", body }, { policy: development, timeoutMs: 5000 });
    expect(result).toEqual({ ok: true, status: 204 });
    expect(r.received[0].body).toBe(body);
    expect(r.received[0].headers["gateway-delivery-id"]).toBe("d-1");
    expect(String(r.received[0].headers["gateway-signature"])).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature("other", body, String(r.received[0].headers["gateway-signature"]))).toBe(false);
    expect(verifySignature("s3cret", body + " ", String(r.received[0].headers["gateway-signature"]))).toBe(false);
  });

  it("reports a 500 as a failure with only the status, never the response body", async () => {
    const r = await receiver(() => 500);
    servers.push(r.server);
    const result = await sendWebhook({ deliveryId: "d-2", url: r.url, secret: "s", body: "{}" }, { policy: development, timeoutMs: 5000 });
    expect(result).toEqual({ ok: false, status: 500, summary: "HTTP 500", permanent: false });
    expect(JSON.stringify(result)).not.toContain("secret-looking");
  });

  it("ends an attempt the receiver does not answer at the timeout", async () => {
    const r = await receiver(() => "hang");
    servers.push(r.server);
    const result = await sendWebhook({ deliveryId: "d-3", url: r.url, secret: "s", body: "{}" }, { policy: development, timeoutMs: 200 });
    expect(result).toEqual({ ok: false, status: null, summary: "Timed out", permanent: false });
  });

  it("in production refuses a loopback receiver before connecting", async () => {
    const r = await receiver(() => 204);
    servers.push(r.server);
    const result = await sendWebhook({ deliveryId: "d-4", url: r.url, secret: "s", body: "{}" }, { policy: production, timeoutMs: 5000 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.summary).toMatch(/^Refused: .*loopback/);
    expect(r.received).toHaveLength(0);
  });

  it("connects to the address it checked, not to what the name resolves to later", async () => {
    const r = await receiver(() => 204);
    servers.push(r.server);
    const port = new URL(r.url).port;
    // The name exists only in the check's resolver: the connection reaching the receiver shows it
    // went to the checked address, not through another lookup of its own.
    const result = await sendWebhook(
      { deliveryId: "d-5", url: `http://hooks.invalid:${port}/hook`, secret: "s", body: "{}" },
      { policy: development, timeoutMs: 5000, resolve: async () => [{ address: "127.0.0.1", family: 4 }] },
    );
    expect(result).toEqual({ ok: true, status: 204 });
  });
});

describe("the address guard in production", () => {
  const refused = async (url: string, resolve?: (h: string) => Promise<{ address: string; family: number }[]>) => {
    await expect(resolveTarget(url, production, resolve)).rejects.toBeInstanceOf(WebhookAddressRefused);
  };

  it.each([
    ["loopback", "http://127.0.0.1/x"],
    ["link-local (cloud metadata)", "http://169.254.169.254/latest"],
    ["private 10/8", "http://10.1.2.3/x"],
    ["private 192.168/16", "https://192.168.0.10/x"],
    ["IPv6 loopback", "http://[::1]/x"],
    ["IPv4-mapped IPv6 loopback", "http://[::ffff:127.0.0.1]/x"],
    ["IPv4-mapped IPv6 private", "http://[::ffff:10.0.0.1]/x"],
    ["unspecified", "http://0.0.0.0/x"],
    ["not http", "ftp://example.com/x"],
    ["credentials in the URL", "https://user:pw@example.com/x"],
  ])("refuses %s", async (_name, url) => refused(url));

  it("refuses a host name that resolves to loopback (localhost)", async () => refused("http://localhost/x"));

  it("refuses a name when any of its addresses is private", async () =>
    refused("https://hooks.example.com/x", async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.5", family: 4 },
    ]));

  it("accepts a public address and pins it", async () => {
    const target = await resolveTarget("https://hooks.example.com/x", production, async () => [{ address: "93.184.216.34", family: 4 }]);
    expect(target).toMatchObject({ address: "93.184.216.34", family: 4 });
  });

  it("allows private addresses when configured", async () => {
    await expect(resolveTarget("http://10.1.2.3/x", { allowPrivate: true, allowedHosts: new Set() })).resolves.toMatchObject({ address: "10.1.2.3" });
    await expect(resolveTarget("http://10.1.2.3/x", { allowPrivate: false, allowedHosts: new Set(["10.1.2.3"]) })).resolves.toMatchObject({ address: "10.1.2.3" });
  });

  it("names the range of an address, judging IPv4-mapped IPv6 as IPv4", () => {
    expect(nonPublicRange("::ffff:169.254.1.1")).toBe("linkLocal");
    expect(nonPublicRange("fe80::1")).toBe("linkLocal");
    expect(nonPublicRange("fc00::1")).toBe("uniqueLocal");
    expect(nonPublicRange("8.8.8.8")).toBeNull();
  });
});

describe("the retry schedule", () => {
  const schedule = { firstMs: 30_000, maxMs: 3_600_000, giveUpMs: 86_400_000 };
  it("retries first within a minute, then doubles up to the cap", () => {
    expect(retryDelayMs(schedule, 1, () => 0)).toBe(30_000);
    expect(retryDelayMs(schedule, 1, () => 1)).toBe(24_000);
    expect(retryDelayMs(schedule, 2, () => 0)).toBe(60_000);
    expect(retryDelayMs(schedule, 5, () => 0)).toBe(480_000);
    expect(retryDelayMs(schedule, 30, () => 0)).toBe(3_600_000);
  });
});
