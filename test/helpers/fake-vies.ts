import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * How the fake answers a number. "garbage" (200, not JSON) and "slow-body" (headers at once, the
 * body after `slowMs`) exist for the client's own tests; the rest mimic what VIES really does.
 */
export type FakeViesBehaviour = "valid" | "invalid" | "slow" | "down" | "unavailable" | "garbage" | "slow-body";

export interface FakeVies {
  /** The check-vat-number endpoint, for ViesClientOptions.url. */
  url: string;
  /** Every well-formed request body received, in order. */
  requests: { countryCode: string; vatNumber: string }[];
  /** The `traceparent` header of each of those requests (undefined when none was sent), in the same order. */
  traceparents: (string | undefined)[];
  /** The behaviour for one number, as VIES receives it (without the country prefix). */
  setBehaviour(vatNumber: string, b: FakeViesBehaviour): void;
  setDefault(b: FakeViesBehaviour): void;
  /** Resolves when the next request has arrived (before it is answered). */
  nextRequest(): Promise<{ countryCode: string; vatNumber: string }>;
  /** Stops the server, cutting any request still waiting for its slow answer. */
  close(): Promise<void>;
}

const PATH = "/check-vat-number";
const UNAVAILABLE = { actionSucceed: false, errorWrappers: [{ error: "MS_UNAVAILABLE" }] };

/** A local stand-in for the VIES REST API's check-vat-number, on 127.0.0.1 and a free port. */
export async function startFakeVies(options: { slowMs?: number; defaultBehaviour?: FakeViesBehaviour } = {}): Promise<FakeVies> {
  const slowMs = options.slowMs ?? 10_000;
  let fallback: FakeViesBehaviour = options.defaultBehaviour ?? "valid";
  const behaviours = new Map<string, FakeViesBehaviour>();
  const requests: FakeVies["requests"] = [];
  const traceparents: FakeVies["traceparents"] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let waiters: ((request: { countryCode: string; vatNumber: string }) => void)[] = [];

  const later = (fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, slowMs);
    timers.add(timer);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== PATH) return send(res, 404, { error: "not found" });
      const parsed = parseRequest(Buffer.concat(chunks).toString("utf8"));
      if (!parsed) return send(res, 400, { actionSucceed: false, errorWrappers: [{ error: "INVALID_INPUT" }] });
      requests.push(parsed);
      traceparents.push(req.headers.traceparent as string | undefined);
      const waiting = waiters;
      waiters = [];
      for (const resolve of waiting) resolve(parsed);
      const valid = { countryCode: parsed.countryCode, vatNumber: parsed.vatNumber, requestDate: new Date().toISOString(), valid: true, name: "---", address: "---" };
      switch (behaviours.get(parsed.vatNumber) ?? fallback) {
        case "valid":
          return send(res, 200, valid);
        case "invalid":
          return send(res, 200, { ...valid, valid: false });
        case "slow":
          return later(() => send(res, 200, valid));
        case "slow-body":
          res.writeHead(200, { "content-type": "application/json" });
          res.flushHeaders();
          return later(() => res.end(JSON.stringify(valid)));
        case "down":
          return send(res, 500, { error: "internal server error" });
        case "unavailable":
          return send(res, 200, UNAVAILABLE);
        case "garbage":
          res.writeHead(200, { "content-type": "application/json" });
          return res.end("<html>not json</html>");
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${PATH}`,
    requests,
    traceparents,
    setBehaviour: (vatNumber, b) => void behaviours.set(vatNumber, b),
    setDefault: (b) => void (fallback = b),
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function parseRequest(text: string): { countryCode: string; vatNumber: string } | undefined {
  try {
    const body = JSON.parse(text) as { countryCode?: unknown; vatNumber?: unknown };
    if (typeof body.countryCode !== "string" || typeof body.vatNumber !== "string") return undefined;
    return { countryCode: body.countryCode, vatNumber: body.vatNumber };
  } catch {
    return undefined;
  }
}
