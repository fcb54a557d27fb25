import http from "node:http";
import type { AddressInfo } from "node:net";
import { print } from "graphql";
import { CreateClientDocument } from "./generated/graphql";
import { newKey, swedishOrgNumber, WRITER } from "./helpers/mutations";
import { FakeVies, startFakeVies } from "./helpers/fake-vies";
import { ServerProcess } from "./helpers/server-process";
import { signToken } from "../src/auth/jwt";
import { DEVELOPMENT_JWT_SECRET } from "../src/config";

/** The parts of an OTLP/JSON trace export this test reads (ids are hex in OTLP/JSON). */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
}
interface OtlpExport {
  resourceSpans: { resource?: { attributes?: OtlpSpan["attributes"] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

/** A small OTLP/HTTP receiver: POST /v1/traces with JSON, every span kept. */
interface Receiver {
  url: string;
  spans: OtlpSpan[];
  /** Resolves with the first span received (or already there) that `match` accepts. */
  span(match: (span: OtlpSpan) => boolean): Promise<OtlpSpan>;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const spans: OtlpSpan[] = [];
  let waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === "/v1/traces" && req.headers["content-type"] === "application/json") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpExport;
        for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
        const waiting = waiters;
        waiters = [];
        waiting.forEach((wake) => wake());
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const span = async (match: (span: OtlpSpan) => boolean): Promise<OtlpSpan> => {
    for (;;) {
      const found = spans.find(match);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { url: `http://127.0.0.1:${port}`, spans, span, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? value?.intValue;
};

/** POSTs over node:http (not fetch: the test's own call must not be an instrumented undici request). */
function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const token = (tenant: string, scopes = ["clients:read"]) => signToken({ subject: "t", companies: [tenant], scopes, expiresIn: "5m" }, DEVELOPMENT_JWT_SECRET);

// The real server process (src/server.ts boots tracing first, as in production): the OTLP exporter
// loads node:http with import(), which jest's module system can't run in-process.
describe("OpenTelemetry tracing", () => {
  let receiver: Receiver;
  let vies: FakeVies;
  let server: ServerProcess;
  let url: string;
  beforeAll(async () => {
    receiver = await startReceiver();
    vies = await startFakeVies();
    server = ServerProcess.start({
      NODE_ENV: "test",
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
      JOBS_ENABLED: "false",
      VIES_URL: vies.url,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: "gateway-under-test",
      // The SDK's batch delay (read by the SDK itself): spans reach the receiver soon after they end.
      OTEL_BSP_SCHEDULE_DELAY: "50",
    });
    const { port } = (await server.line("GraphQL API ready")) as { port: number };
    url = `http://127.0.0.1:${port}/graphql`;
  });
  afterAll(async () => {
    server.child.kill("SIGTERM");
    await server.exited;
    await vies.close();
    await receiver.close();
  });

  it("makes the request a child of the caller's traceparent, with SQL spans and the VIES call under it, traceparent propagated", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const callerSpan = "00f067aa0ba902b7";
    const tenant = `trace-${newKey().slice(0, 8)}`;
    const bearer = await token(tenant, WRITER);
    const vatNumber = `SE${swedishOrgNumber(2901)}01`;
    const body = JSON.stringify({
      query: print(CreateClientDocument),
      variables: { key: newKey(), input: { name: "Traced AB", countryCode: "SE", orgNumber: swedishOrgNumber(2901), vatNumber } },
    });
    const answer = await post(url, { authorization: `Bearer ${bearer}`, "x-company-id": tenant, traceparent: `00-${traceId}-${callerSpan}-01` }, body);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).data.createClient.client.vatNumberValidated).toBe(true);

    // Spans end (and are exported) in the order they end: the request's is the last of its trace.
    const request = await receiver.span((span) => span.traceId === traceId && span.kind === 2);
    expect(request!.parentSpanId).toBe(callerSpan);
    expect(request!.name).toBe("graphql CreateClient");
    expect(attribute(request!, "graphql.operation.name")).toBe("CreateClient");
    expect(attribute(request!, "http.response.status_code")).toBe(200);

    const ours = receiver.spans.filter((span) => span.traceId === traceId);
    const byId = new Map(ours.map((span) => [span.spanId, span]));
    /** Whether `span` descends from the request's span. */
    const under = (span: OtlpSpan): boolean => {
      for (let parent = span.parentSpanId; parent; parent = byId.get(parent)?.parentSpanId) if (parent === request!.spanId) return true;
      return false;
    };
    const sql = ours.filter((span) => attribute(span, "db.system.name") === "postgresql");
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.every(under)).toBe(true);
    expect(sql.map((span) => span.name)).toContainEqual(expect.stringMatching(/^INSERT client$/));
    // No parameter values on a statement's span: the VAT number is a parameter.
    expect(JSON.stringify(sql)).not.toContain(swedishOrgNumber(2901));

    const outgoing = ours.filter((span) => span.kind === 3 && attribute(span, "http.request.method") === "POST" && String(attribute(span, "url.full")).startsWith(vies.url));
    expect(outgoing).toHaveLength(1);
    expect(under(outgoing[0])).toBe(true);
    // VIES got the trace, with the outgoing span as its parent.
    expect(vies.traceparents.at(-1)).toBe(`00-${traceId}-${outgoing[0].spanId}-01`);

    // A read: each DataLoader batch is a span (its loader, its number of keys), its SQL beneath it.
    const readTrace = "5bf92f3577b34da6a3ce929d0e0e4737";
    const read = await post(url, { authorization: `Bearer ${bearer}`, "x-company-id": tenant, traceparent: `00-${readTrace}-${callerSpan}-01` }, JSON.stringify({ query: "query Loaded { clients(first: 5) { nodes { id bankAccounts { iban } } } }" }));
    // (With tracing on, a hydrating read, a pg query config rather than a string, was an internal error.)
    expect(JSON.parse(read.text)).toEqual({ data: { clients: { nodes: [{ id: expect.any(String), bankAccounts: [] }] } }, extensions: { requestId: expect.any(String) } });
    const readRequest = await receiver.span((span) => span.traceId === readTrace && span.kind === 2);
    const batch = receiver.spans.find((span) => span.traceId === readTrace && span.name === "load bankAccountsByClient");
    expect(Number(batch && attribute(batch, "gateway.loader.keys"))).toBe(1);
    expect(batch!.parentSpanId).toBe(readRequest.spanId);
    expect(receiver.spans.filter((span) => span.traceId === readTrace && span.parentSpanId === batch!.spanId).map((span) => span.name)).toEqual(["SELECT bank_account"]);
  });

  it("starts a new trace when the caller sends no traceparent", async () => {
    const tenant = `trace-${newKey().slice(0, 8)}`;
    const answer = await post(url, { authorization: `Bearer ${await token(tenant)}`, "x-company-id": tenant }, JSON.stringify({ query: "query Untraced { clients(first: 1) { totalCount } }" }));
    expect(answer.status).toBe(200);
    const request = await receiver.span((span) => span.kind === 2 && span.name === "graphql Untraced");
    expect(request.parentSpanId ?? "").toBe("");
  });
});
