import { SimulatorServer, type SimRequest, type SimResponse } from "../simulator-kit";
import type { CreditDataActWire, CreditDataClientWire } from "./wire";

/** A client as the simulator stores it: the record and its acts (any order; served newest first). */
export interface CreditDataSimClient extends CreditDataClientWire {
  acts?: CreditDataActWire[];
  /** False: a company of the provider's register that the account doesn't monitor: a lookup finds it, the listing doesn't show it. Default true. */
  monitored?: boolean;
}

export interface CreditDataSimulatorOptions {
  /** The only bearer token accepted. */
  token: string;
  /** The clients it starts with (copied). */
  clients?: CreditDataSimClient[];
}

const normalise = (value: string): string => value.replace(/[^0-9A-Za-z]/g, "").toUpperCase();

/** Newest first: by period_end, then id. */
const newestFirst = (a: CreditDataActWire, b: CreditDataActWire): number =>
  String(b.period_end ?? "").localeCompare(String(a.period_end ?? "")) || String(b.id).localeCompare(String(a.id), "en", { numeric: true });

/**
 * The credit-data provider's clients API (000, SOURCES.md "Credit data") over HTTP on a loopback
 * port, from an in-memory list a test or the demo changes (`clients`, `upsert`, `addAct`): the
 * listing of the monitored clients by `limit`/`page` (from 1) in id order with `{data, meta: {page, limit, total}}` and the
 * `updated_since` filter, the lookup by `org_number` and `country` (normalised as a person types
 * them: dashes and spaces don't matter), each client's latest act (a bare object) and its acts
 * (paged), with their data points; 404 for a client or an act that isn't there, 400 on bad
 * parameters, 401 on another token, `{error: {code, message}}` bodies, and the kit's faults
 * (`server`). Publishing an act changes its client's `updated_at` (addAct), as a provider whose
 * clients "link directly to the latest act" does: an incremental run sees the client again.
 */
export class CreditDataSimulator {
  clients: CreditDataSimClient[];

  private constructor(
    readonly server: SimulatorServer,
    private readonly options: CreditDataSimulatorOptions,
  ) {
    this.clients = structuredClone(options.clients ?? []);
  }

  static async start(options: CreditDataSimulatorOptions): Promise<CreditDataSimulator> {
    let self: CreditDataSimulator | undefined;
    const server = await SimulatorServer.start((request) => self!.handle(request));
    self = new CreditDataSimulator(server, options);
    return self;
  }

  get url(): string {
    return this.server.url;
  }

  /** Adds or replaces a client by id (its acts kept unless given); `updated_at` is `at` unless given. */
  upsert(client: Partial<CreditDataSimClient> & { id: string | number }, at: Date = new Date()): CreditDataSimClient {
    const now = at.toISOString();
    const existing = this.find(String(client.id));
    const next: CreditDataSimClient = { ...(existing ?? { created_at: now, acts: [] }), ...structuredClone(client), updated_at: client.updated_at ?? now };
    if (existing) this.clients[this.clients.indexOf(existing)] = next;
    else this.clients.push(next);
    return next;
  }

  /**
   * Publishes an act of a client (replacing one with its id): the client's `updated_at` becomes `at`
   * (null: it stays, as a provider that publishes acts without touching the client does).
   */
  addAct(clientId: string | number, act: CreditDataActWire, at: Date | null = new Date()): void {
    const client = this.find(String(clientId));
    if (!client) throw new Error(`No simulated credit-data client ${clientId}`);
    client.acts = [...(client.acts ?? []).filter((a) => String(a.id) !== String(act.id)), structuredClone(act)];
    if (at !== null) client.updated_at = at.toISOString();
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private find(id: string): CreditDataSimClient | undefined {
    return this.clients.find((c) => String(c.id) === id);
  }

  private handle(request: SimRequest): SimResponse {
    if (request.method !== "GET") return error(405, "METHOD_NOT_ALLOWED", "Only GET is simulated");
    if (request.headers.authorization !== `Bearer ${this.options.token}`) return error(401, "UNAUTHORIZED", "Missing or invalid bearer token");
    if (request.path === "/api/clients") return this.list(request);
    if (request.path === "/api/clients/lookup") return this.lookup(request);
    const route = /^\/api\/clients\/([^/]+)(\/acts(\/latest)?)?$/.exec(request.path);
    if (!route) return error(404, "NOT_FOUND", "No such route");
    const client = this.find(route[1]);
    if (!client) return error(404, "NOT_FOUND", "Client not found");
    const acts = [...(client.acts ?? [])].sort(newestFirst);
    if (route[3]) return acts.length === 0 ? error(404, "NOT_FOUND", "The client has no act") : { status: 200, body: structuredClone(acts[0]) };
    if (route[2]) {
      const paging = this.paging(request);
      if ("status" in paging) return paging;
      return { status: 200, body: { data: structuredClone(acts.slice((paging.page - 1) * paging.limit, paging.page * paging.limit)), meta: { page: paging.page, limit: paging.limit, total: acts.length } } };
    }
    return { status: 200, body: present(client) };
  }

  private paging(request: SimRequest): { page: number; limit: number } | SimResponse {
    const limit = whole(request.query.get("limit") ?? "25");
    const page = whole(request.query.get("page") ?? "1");
    if (limit === null || limit < 1 || limit > 100) return error(400, "INVALID_PARAMETER", "limit must be 1..100");
    if (page === null || page < 1) return error(400, "INVALID_PARAMETER", "page counts from 1");
    return { page, limit };
  }

  private list(request: SimRequest): SimResponse {
    const paging = this.paging(request);
    if ("status" in paging) return paging;
    const since = request.query.get("updated_since");
    const from = since === null ? null : Date.parse(since);
    if (from !== null && Number.isNaN(from)) return error(400, "INVALID_PARAMETER", "updated_since must be an ISO 8601 date-time");
    const rows = [...this.clients]
      .sort((a, b) => String(a.id).localeCompare(String(b.id), "en", { numeric: true }))
      .filter((c) => c.monitored !== false)
      .filter((c) => from === null || (typeof c.updated_at === "string" && Date.parse(c.updated_at) >= from));
    const data = rows.slice((paging.page - 1) * paging.limit, paging.page * paging.limit).map(present);
    return { status: 200, body: { data, meta: { page: paging.page, limit: paging.limit, total: rows.length } } };
  }

  private lookup(request: SimRequest): SimResponse {
    const org = request.query.get("org_number");
    const country = request.query.get("country");
    if (!org || !country) return error(400, "INVALID_PARAMETER", "org_number and country are required");
    const client = this.clients.find((c) => typeof c.org_number === "string" && normalise(c.org_number) === normalise(org) && String(c.country ?? "").toUpperCase() === country.toUpperCase());
    return client ? { status: 200, body: present(client) } : error(404, "NOT_FOUND", "No client with this org number in this country");
  }
}

/** The client as the API shows it: without its acts (they have their own endpoints) and the simulator's own flag. */
function present(client: CreditDataSimClient): CreditDataClientWire {
  const copy = structuredClone(client);
  delete copy.acts;
  delete copy.monitored;
  return copy;
}

const whole = (value: string): number | null => (/^\d+$/.test(value) ? Number(value) : null);

function error(status: number, code: string, message: string): SimResponse {
  return { status, body: { error: { code, message } } };
}
