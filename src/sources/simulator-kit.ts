import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The common floor of the source simulators: a node:http server on a loopback port that answers
 * with a source's handler, counts requests in flight, logs them, and plays injected faults (a
 * status N times, a Retry-After, a slow answer, a stalled body, a dropped connection) before the
 * handler answers. Used by the connectors' tests and by the demo; nothing here is for production.
 */
export interface SimRequest {
  method: string;
  /** The path without the query, decoded as sent ("/api/clients/7"). */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** The request's body as text ("" without one). */
  body: string;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  /** Sent as is instead of `body` as JSON. */
  text?: string;
  headers?: Record<string, string>;
}

export interface Fault {
  /** Which requests it hits; every request when absent. */
  match?: (request: SimRequest) => boolean;
  /** How many matching requests it hits; default 1, Infinity for all. */
  times?: number;
  /** Answer with this status and body (and headers, e.g. Retry-After) instead of the handler's. */
  status?: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (slow response). */
  delayMs?: number;
  /** Send the handler's headers, then stall the body (never finish it). */
  stallBody?: boolean;
  /** Drop the connection without an answer (a network error). */
  destroy?: boolean;
}

export type SimHandler = (request: SimRequest) => SimResponse;

export class SimulatorServer {
  /** Every request received, in order. */
  readonly requests: SimRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly faults: Array<Fault & { left: number }> = [];

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(handler: SimHandler): Promise<SimulatorServer> {
    let self: SimulatorServer | undefined;
    const server = http.createServer((req, res) => void self!.serve(handler, req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    self = new SimulatorServer(server, `http://127.0.0.1:${port}`);
    return self;
  }

  /** Adds a fault; faults are tried in the order added, the first matching one with hits left plays. */
  fault(fault: Fault): this {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
    return this;
  }

  /** Forgets faults, the request log and the in-flight high-water mark. */
  reset(): void {
    this.faults.length = 0;
    this.requests.length = 0;
    this.maxInFlight = this.inFlight;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(handler: SimHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://simulator");
    const request: SimRequest = { method: req.method ?? "GET", path: decodeURIComponent(url.pathname), query: url.searchParams, headers: req.headers, body: "" };
    this.requests.push(request);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        this.inFlight--;
      }
    };
    res.on("close", finish);
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        const chunks: Buffer[] = [];
        for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
        request.body = Buffer.concat(chunks).toString("utf8");
      }
      const fault = this.faults.find((f) => f.left > 0 && (f.match?.(request) ?? true));
      if (fault) fault.left--;
      if (fault?.delayMs) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, fault.delayMs);
          res.on("close", () => {
            clearTimeout(timer);
            resolve();
          });
        });
        if (res.destroyed) return;
      }
      if (fault?.destroy) {
        req.socket.destroy();
        return;
      }
      const answer: SimResponse = fault?.status !== undefined ? { status: fault.status, body: fault.body, text: fault.text, headers: fault.headers } : handler(request);
      const text = answer.text ?? (answer.body === undefined ? "" : JSON.stringify(answer.body));
      res.writeHead(answer.status, { "content-type": "application/json", ...(fault?.headers ?? {}), ...(answer.headers ?? {}) });
      if (fault?.stallBody) {
        res.write(text.slice(0, Math.floor(text.length / 2)));
        return;
      }
      res.end(text);
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `simulator error: ${(error as Error).message}` }));
    } finally {
      if (res.writableEnded) finish();
    }
  }
}

/** A matcher on the path: exact string, or a regular expression. */
export const onPath = (path: string | RegExp) => (request: SimRequest): boolean =>
  typeof path === "string" ? request.path === path : path.test(request.path);
