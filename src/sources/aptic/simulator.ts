import { randomBytes } from "node:crypto";
import { SimulatorServer, type SimRequest, type SimResponse } from "../simulator-kit";
import type { ApticSimClient } from "./dataset";

export { apticDataset, apticBundleOf, type ApticSimClient, type ApticDatasetOptions } from "./dataset";

export interface ApticSimulatorOptions {
  /** OAuth2 client credentials accepted at `POST {url}/oauth2/token`. */
  oauth2?: {
    clientId: string;
    clientSecret: string;
    /** When set, a token request must ask for this scope. */
    scope?: string;
    /** The tokens' `expires_in` (seconds), enforced in real time. Default 3600. */
    tokenLifetimeSeconds?: number;
    /** A token stops working after this many requests (a test expires one mid-run). Default unlimited. */
    tokenMaxRequests?: number;
  };
  /** The API key accepted in `X-Api-Key`. */
  apiKey?: string;
  /** The clients it starts with (copied). */
  clients?: ApticSimClient[];
  /** The most clients a listing page answers, whatever `$top` asks (a test pages a small listing). Default 100. */
  listingPageLimit?: number;
  /** The service definitions custom actions accept; any when absent. */
  serviceDefinitions?: string[];
}

/** A custom action as the simulator received it. */
export interface ApticSimInvocation {
  clientGuid: string | null;
  serviceDefinition: string;
  async: boolean | null;
  body: unknown;
}

/** The per-client paths of SOURCES.md and where the simulator keeps each. */
const RESOURCES: ReadonlyArray<[string, keyof ApticSimClient, "single" | "list"]> = [
  ["contract", "contract", "single"],
  ["factoringloancontract", "factoringLoanContract", "single"],
  ["factoringloancontract/summary", "factoringLoanSummary", "single"],
  ["factoringloancontract/transactions", "factoringLoanTransactions", "list"],
  ["factoringpurchasecontract", "factoringPurchaseContract", "single"],
  ["factoringpurchasecontract/summary", "factoringPurchaseSummary", "single"],
  ["bankaccounts", "bankAccounts", "list"],
  ["parameters", "parameters", "list"],
  ["extrafields", "extraFields", "list"],
  ["directdebitmandates", "directDebitMandates", "list"],
  ["summary", "clientSummary", "single"],
  ["accounts/summary", "accountsSummary", "list"],
];

export const APTIC_TOKEN_PATH = "/oauth2/token";

/**
 * Aptic's client API (003, with SOURCES.md's paths) over HTTP on a loopback port, from an
 * in-memory list of clients a test or the demo changes (`clients`, `upsert`, `remove`): the
 * OAuth2 token endpoint (`POST /oauth2/token`, client credentials, tokens that expire after
 * `tokenLifetimeSeconds` or `tokenMaxRequests`, or at once with `expireTokens()`), the API key
 * (`X-Api-Key`), `GET /clients` with `$top/$skip/$orderby=uniqueId asc` as `{count, skip, total,
 * value}`, the client's detail, the 12 per-client resources (404 for a resource the client has
 * none of; the lists paged by `$top/$skip`), custom actions (`POST /clients/{guid}/actions/{sd}`
 * and `POST /actions/{sd}`, with `?async=`, logged in `invocations`), `GET /ping`, RFC 7807
 * problem details for every error, and the kit's faults and in-flight count (`server`).
 */
export class ApticSimulator {
  clients: ApticSimClient[];
  readonly invocations: ApticSimInvocation[] = [];
  /** Tokens issued: requests left (Infinity: no limit) and when each expires (epoch ms). */
  private readonly tokens = new Map<string, { left: number; expiresAt: number }>();
  tokensIssued = 0;
  private positions = new Map<string, number>();

  private constructor(
    readonly server: SimulatorServer,
    private readonly options: ApticSimulatorOptions,
  ) {
    this.clients = structuredClone(options.clients ?? []);
  }

  static async start(options: ApticSimulatorOptions): Promise<ApticSimulator> {
    let self: ApticSimulator | undefined;
    const server = await SimulatorServer.start((request) => self!.handle(request));
    self = new ApticSimulator(server, options);
    return self;
  }

  get url(): string {
    return this.server.url;
  }

  /** The token endpoint's URL. */
  get tokenUrl(): string {
    return `${this.server.url}${APTIC_TOKEN_PATH}`;
  }

  /** One client by its uniqueId (to change it in place). */
  client(uniqueId: string): ApticSimClient | undefined {
    // Positions by uniqueId (a benchmark's thousands of clients are looked up some 12 times each),
    // checked on every use and made again when `clients` was changed by hand.
    const at = this.positions.get(uniqueId);
    if (at !== undefined && this.clients[at]?.client.uniqueId === uniqueId) return this.clients[at];
    this.positions = new Map(this.clients.map((c, i) => [c.client.uniqueId, i]));
    const again = this.positions.get(uniqueId);
    return again === undefined ? undefined : this.clients[again];
  }

  /** Adds or replaces a client (by uniqueId). */
  upsert(client: ApticSimClient): void {
    const copy = structuredClone(client);
    const at = this.clients.findIndex((c) => c.client.uniqueId === client.client.uniqueId);
    if (at >= 0) this.clients[at] = copy;
    else this.clients.push(copy);
  }

  /** Removes a client: it leaves the listing and its paths answer 404. */
  remove(uniqueId: string): void {
    this.clients = this.clients.filter((c) => c.client.uniqueId !== uniqueId);
  }

  /** Every token issued so far stops working (the next request with one answers 401). */
  expireTokens(): void {
    for (const token of this.tokens.values()) token.left = 0;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private handle(request: SimRequest): SimResponse {
    if (request.method === "POST" && request.path === APTIC_TOKEN_PATH) return this.token(request);
    const refused = this.authenticate(request);
    if (refused) return refused;

    if (request.path === "/ping") {
      if (request.method !== "GET") return problem(405, "Method Not Allowed", "Only GET", request.path);
      return { status: 200, body: {} };
    }
    const globalAction = /^\/actions\/([^/]+)$/.exec(request.path);
    if (globalAction) return this.invoke(request, null, globalAction[1]);
    const clientAction = /^\/clients\/([^/]+)\/actions\/([^/]+)$/.exec(request.path);
    if (clientAction) return this.invoke(request, clientAction[1], clientAction[2]);

    if (request.method !== "GET") return problem(405, "Method Not Allowed", "The simulator reads clients only (and invokes actions)", request.path);
    if (request.path === "/clients") {
      const orderBy = request.query.get("$orderby");
      if (orderBy !== null && orderBy.trim().toLowerCase() !== "uniqueid asc") return problem(400, "Bad Request", "$orderby: only 'uniqueId asc' is simulated", request.path);
      const sorted = [...this.clients].sort((a, b) => (a.client.uniqueId < b.client.uniqueId ? -1 : a.client.uniqueId > b.client.uniqueId ? 1 : 0));
      return page(request, sorted.map((c) => c.client), this.options.listingPageLimit);
    }
    const detail = /^\/clients\/([^/]+)(?:\/(.+))?$/.exec(request.path);
    if (detail) {
      const client = this.client(detail[1]);
      if (!client) return problem(404, "Not Found", `No client ${detail[1]}`, request.path);
      if (detail[2] === undefined) return { status: 200, body: client.client };
      const resource = RESOURCES.find(([path]) => path === detail[2]);
      if (!resource) return problem(404, "Not Found", "No such resource", request.path);
      const value = client[resource[1]];
      if (value === null || value === undefined) return problem(404, "Not Found", `The client has no ${resource[0]}`, request.path);
      return resource[2] === "list" ? page(request, value as unknown[]) : { status: 200, body: value };
    }
    return problem(404, "Not Found", "No such route", request.path);
  }

  private token(request: SimRequest): SimResponse {
    const oauth2 = this.options.oauth2;
    const form = new URLSearchParams(request.body);
    const type = String(request.headers["content-type"] ?? "");
    if (!oauth2) return { status: 404, body: { error: "not_found" } };
    if (!type.startsWith("application/x-www-form-urlencoded")) return { status: 400, body: { error: "invalid_request", error_description: "Form-encoded body expected" } };
    if (form.get("grant_type") !== "client_credentials") return { status: 400, body: { error: "unsupported_grant_type" } };
    if (form.get("client_id") !== oauth2.clientId || form.get("client_secret") !== oauth2.clientSecret) {
      return { status: 401, body: { error: "invalid_client", error_description: "Unknown client or wrong secret" } };
    }
    if (oauth2.scope !== undefined && form.get("scope") !== oauth2.scope) return { status: 400, body: { error: "invalid_scope" } };
    const lifetime = oauth2.tokenLifetimeSeconds ?? 3600;
    const token = `apt_${randomBytes(12).toString("hex")}`;
    this.tokens.set(token, { left: oauth2.tokenMaxRequests ?? Number.POSITIVE_INFINITY, expiresAt: Date.now() + lifetime * 1000 });
    this.tokensIssued++;
    return { status: 200, body: { access_token: token, token_type: "Bearer", expires_in: lifetime } };
  }

  /** A problem when the request is not authenticated, else null (and a token's use counted). */
  private authenticate(request: SimRequest): SimResponse | null {
    const key = request.headers["x-api-key"];
    if (this.options.apiKey !== undefined && key === this.options.apiKey) return null;
    const header = request.headers.authorization;
    const bearer = typeof header === "string" ? /^Bearer (\S+)$/.exec(header)?.[1] : undefined;
    const token = bearer === undefined ? undefined : this.tokens.get(bearer);
    if (this.options.oauth2 && token) {
      if (token.left > 0 && Date.now() < token.expiresAt) {
        token.left--;
        return null;
      }
      return problem(401, "Unauthorized", "The access token has expired", request.path);
    }
    return problem(401, "Unauthorized", key !== undefined ? "Unknown API key" : "Missing or invalid credentials", request.path);
  }

  private invoke(request: SimRequest, clientGuid: string | null, serviceDefinition: string): SimResponse {
    if (request.method !== "POST") return problem(405, "Method Not Allowed", "Actions are invoked with POST", request.path);
    if (clientGuid !== null && !this.client(clientGuid)) return problem(404, "Not Found", `No client ${clientGuid}`, request.path);
    if (this.options.serviceDefinitions && !this.options.serviceDefinitions.includes(serviceDefinition)) {
      return problem(404, "Not Found", `No service definition ${serviceDefinition}`, request.path);
    }
    const asyncParam = request.query.get("async");
    if (asyncParam !== null && asyncParam !== "true" && asyncParam !== "false") return problem(400, "Bad Request", "async must be true or false", request.path);
    let body: unknown = null;
    if (request.body !== "") {
      try {
        body = JSON.parse(request.body);
      } catch {
        return problem(400, "Bad Request", "The body is not JSON", request.path);
      }
    }
    const async = asyncParam === null ? null : asyncParam === "true";
    this.invocations.push({ clientGuid, serviceDefinition, async, body });
    if (async) return { status: 202, body: {}, headers: { location: `/actions/${encodeURIComponent(serviceDefinition)}/jobs/${this.invocations.length}` } };
    return { status: 200, body: {} };
  }
}

/** `{count, skip, total, value}` of `items` by `$top` (default 25, at most 100) and `$skip`. */
function page(request: SimRequest, items: unknown[], limit = 100): SimResponse {
  const top = integer(request.query.get("$top") ?? "25");
  const skip = integer(request.query.get("$skip") ?? "0");
  if (top === null || top < 1 || top > 100) return problem(400, "Bad Request", "$top must be 1..100", request.path);
  if (skip === null || skip < 0) return problem(400, "Bad Request", "$skip must be 0 or more", request.path);
  const value = items.slice(skip, skip + Math.min(top, limit));
  return { status: 200, body: { count: value.length, skip, total: items.length, value } };
}

const integer = (value: string): number | null => (/^-?\d+$/.test(value) ? Number(value) : null);

/** An RFC 7807 problem. */
export function problem(status: number, title: string, detail: string, instance: string): SimResponse {
  return {
    status,
    headers: { "content-type": "application/problem+json" },
    body: { type: `https://aptic.example/problems/${title.toLowerCase().replace(/\s+/g, "-")}`, title, status, detail, instance },
  };
}
