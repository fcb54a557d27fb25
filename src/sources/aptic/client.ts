import { isObject } from "../mapping-kit";
import { setMaxListeners } from "node:events";
import { SourceHttpClient, SourceHttpError, type QueryValue, type SourceHttpOptions, type SourceResponse, type SourceSendCall } from "../http";
import type { SourceCredentials } from "../credentials";
import type { ApticBundle } from "./bundle";
import { APTIC_SOURCE, ApticTokenSource, describeApticProblem, detailsOf, type ApticOAuth2, type ApticToken } from "./token";
import type { ApticClientWire, ApticListWire } from "./wire";

export { APTIC_SOURCE, describeApticProblem };

/** How the connector authenticates to Aptic (SOURCES.md "Aptic (003)"). */
export type ApticAuth =
  | ({ kind: "oauth2" } & ApticOAuth2)
  | { kind: "apiKey"; apiKey: string };

/**
 * How a stored Aptic source authenticates: its OAuth2 client credentials when it has them (also
 * when an API key is stored beside them), else its API key; null when it has neither. The sync
 * and the custom actions both read it here, so that one source never calls Aptic as two clients.
 */
export function apticAuthOf(credentials: SourceCredentials): ApticAuth | null {
  if (credentials.oauth2) return { kind: "oauth2", ...credentials.oauth2 };
  if (credentials.apiKey) return { kind: "apiKey", apiKey: credentials.apiKey };
  return null;
}

export interface ApticConnection {
  /** Where Aptic's client API lives: requests go to `{baseUrl}/clients...`. */
  baseUrl: string;
  auth: ApticAuth;
}

export interface ApticClientOptions extends ApticConnection {
  /** Items per page of every listing (`$top`), 1..100. Default 100 (Aptic's maximum). */
  pageSize?: number;
  /**
   * How long before its `expires_in` a token is fetched anew: this, or a tenth of the token's
   * lifetime when that is shorter. Default 30 s.
   */
  tokenMarginMs?: number;
  /** Timeouts, retries, concurrency, rate cap, cancellation, clock: see SourceHttpOptions. */
  http?: Omit<SourceHttpOptions, "source" | "baseUrl" | "headers" | "describeError">;
}

/** One page of `GET /clients`. */
export interface ApticListingPage {
  /** The `$skip` this page was read with. */
  skip: number;
  clients: ApticClientWire[];
  /** The listing's `total`, when Aptic says. */
  total: number | null;
  /** The `$skip` of the next page; null on the last. */
  next: number | null;
}

/** What a custom action answered. */
export interface ApticInvokeResult {
  status: number;
  /** The JSON body as sent (003 shows `{}`); null when empty. */
  body: unknown;
  /** A `Location` header, when Aptic gives one (an asynchronous action's status). */
  location: string | null;
}


/** The per-client resources of SOURCES.md that are single objects (404: none). */
const SINGLE = {
  contract: "contract",
  factoringLoanContract: "factoringloancontract",
  factoringLoanSummary: "factoringloancontract/summary",
  factoringPurchaseContract: "factoringpurchasecontract",
  factoringPurchaseSummary: "factoringpurchasecontract/summary",
  clientSummary: "summary",
} as const satisfies Partial<Record<keyof ApticBundle, string>>;

/**
 * The per-client listings (`{count, skip, total, value}`; 404: none). `paged`: read with
 * `$top/$skip` from the first page (003 documents them there); otherwise the first request goes
 * without them (003 documents none for the accounts summary) and more pages are asked for only
 * when `total` says there are more.
 */
const LISTS = {
  factoringLoanTransactions: { path: "factoringloancontract/transactions", paged: true },
  bankAccounts: { path: "bankaccounts", paged: true },
  parameters: { path: "parameters", paged: true },
  extraFields: { path: "extrafields", paged: true },
  directDebitMandates: { path: "directdebitmandates", paged: true },
  accountsSummary: { path: "accounts/summary", paged: false },
} as const satisfies Partial<Record<keyof ApticBundle, { path: string; paged: boolean }>>;

/** Most retries of one request after a 401 (see ApticClient.request). */
const MAX_AUTH_RETRIES = 3;


/**
 * Aptic's client API (003) as the connector reads it, and its custom actions. Every request goes
 * through one SourceHttpClient (one concurrency limit for the whole source; a token is fetched on
 * behalf of requests holding a slot, so it never adds one). Auth is an OAuth2 client-credentials
 * token (see ApticTokenSource; on a 401 fetched anew once and the request tried once more) or a
 * static `X-Api-Key`. Errors are SourceHttpError with Aptic's RFC 7807 problem details (redacted)
 * as the body, their `title` as the source's code and `detail` as its message.
 */
export class ApticClient {
  readonly http: SourceHttpClient;
  /** The OAuth2 tokens; null with an API key. */
  private readonly tokens: ApticTokenSource | null;
  private readonly pageSize: number;

  constructor(options: ApticClientOptions) {
    this.pageSize = options.pageSize ?? 100;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > 100) throw new RangeError("Aptic pageSize must be 1..100");
    const auth = options.auth;
    const headers: Record<string, string> = auth.kind === "apiKey" ? { "x-api-key": auth.apiKey } : {};
    const secrets = auth.kind === "apiKey" ? [auth.apiKey] : [auth.clientSecret];
    this.http = new SourceHttpClient({ ...(options.http ?? {}), source: APTIC_SOURCE, baseUrl: options.baseUrl, headers, secrets, describeError: describeApticProblem });
    this.tokens = auth.kind === "oauth2" ? new ApticTokenSource(auth, { http: options.http, marginMs: options.tokenMarginMs }) : null;
  }

  /**
   * The clients page by page (`GET /clients?$top&$skip&$orderby=uniqueId asc`), from `skip` on.
   * The listing ends at `total`, or at a short page when Aptic sends no total. Rejects with
   * SourceHttpError (a 404 here is an error: the listing must exist).
   */
  async *pages(listing: { skip?: number; signal?: AbortSignal } = {}): AsyncGenerator<ApticListingPage> {
    let skip = listing.skip ?? 0;
    if (!Number.isInteger(skip) || skip < 0) throw new RangeError("Aptic listing: skip must be a whole number");
    // The previous page's GUIDs: a full page with none new means $skip is ignored (no end otherwise).
    let previous = new Set<string>();
    for (;;) {
      const page = await this.list<ApticClientWire>("/clients", { $top: this.pageSize, $skip: skip, $orderby: "uniqueId asc" }, listing.signal);
      const ids = new Set(page.value.map((c) => (isObject(c) ? String(c.uniqueId) : "")));
      if (skip > (listing.skip ?? 0) && page.value.length > 0 && [...ids].every((id) => previous.has(id))) {
        throw this.invalid("/clients", page.status, `the page at $skip=${skip} repeats the previous page ($skip is ignored)`);
      }
      previous = ids;
      const after = skip + page.value.length;
      const more = page.value.length > 0 && (page.total !== null ? after < page.total : page.value.length >= this.pageSize);
      yield { skip, clients: page.value, total: page.total, next: more ? after : null };
      if (!more) return;
      skip = after;
    }
  }

  /** One client's detail (`GET /clients/{clientGuid}`); null on 404. */
  async getClient(clientGuid: string, signal?: AbortSignal): Promise<ApticClientWire | null> {
    const path = `/clients/${guidPath(clientGuid)}`;
    const body = await this.orNone(this.request("GET", path, undefined, { signal }));
    if (body === null) return null;
    if (!isObject(body.body)) throw this.invalid(path, body.status, "not a client object");
    return body.body as ApticClientWire;
  }

  /**
   * Everything SOURCES.md lists of one client: its listing item and the 12 per-client resources
   * (every page of the paged ones), read concurrently within the source's concurrency limit. A 404
   * on a resource is "none" (null, or an empty list). Any other failure (after the HTTP client's
   * retries) rejects with that SourceHttpError, and the client's requests still waiting are
   * cancelled.
   */
  async bundle(client: ApticClientWire | Record<string, unknown>, signal?: AbortSignal): Promise<ApticBundle> {
    const guid = client.uniqueId;
    if (typeof guid !== "string" || guid.trim() === "") throw new RangeError("An Aptic client item without uniqueId has no bundle");
    const base = `/clients/${guidPath(guid)}`;
    const own = new AbortController();
    const stop = signal ? AbortSignal.any([signal, own.signal]) : own.signal;
    // Each of the client's requests waiting for a slot listens to it (and lets go once it runs).
    setMaxListeners(0, stop);
    let first: unknown = null;
    const guard = <T>(promise: Promise<T>): Promise<T> =>
      promise.catch((error: unknown) => {
        // The first failure is the bundle's; the others are the cancellation it caused.
        if (first === null) {
          first = error;
          own.abort(error);
        }
        throw first;
      });
    const single = (key: keyof typeof SINGLE) => guard(this.single(`${base}/${SINGLE[key]}`, stop));
    const list = (key: keyof typeof LISTS) => guard(this.listAll(`${base}/${LISTS[key].path}`, LISTS[key].paged, stop));
    const settled = await Promise.allSettled([
      single("contract"),
      single("factoringLoanContract"),
      single("factoringLoanSummary"),
      list("factoringLoanTransactions"),
      single("factoringPurchaseContract"),
      single("factoringPurchaseSummary"),
      list("bankAccounts"),
      list("parameters"),
      list("extraFields"),
      list("directDebitMandates"),
      single("clientSummary"),
      list("accountsSummary"),
    ]);
    if (first !== null) throw first;
    const [contract, factoringLoanContract, factoringLoanSummary, factoringLoanTransactions, factoringPurchaseContract, factoringPurchaseSummary, bankAccounts, parameters, extraFields, directDebitMandates, clientSummary, accountsSummary] =
      settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value);
    return {
      client: client as Record<string, unknown>,
      contract: contract as ApticBundle["contract"],
      factoringLoanContract: factoringLoanContract as ApticBundle["factoringLoanContract"],
      factoringLoanSummary: factoringLoanSummary as ApticBundle["factoringLoanSummary"],
      factoringLoanTransactions: factoringLoanTransactions as ApticBundle["factoringLoanTransactions"],
      factoringPurchaseContract: factoringPurchaseContract as ApticBundle["factoringPurchaseContract"],
      factoringPurchaseSummary: factoringPurchaseSummary as ApticBundle["factoringPurchaseSummary"],
      bankAccounts: bankAccounts as ApticBundle["bankAccounts"],
      parameters: parameters as ApticBundle["parameters"],
      extraFields: extraFields as ApticBundle["extraFields"],
      directDebitMandates: directDebitMandates as ApticBundle["directDebitMandates"],
      clientSummary: clientSummary as ApticBundle["clientSummary"],
      accountsSummary: accountsSummary as ApticBundle["accountsSummary"],
    };
  }

  /**
   * A custom action ("Invokes a custom action based on a service definition", 003): of one client
   * when `clientGuid` is given, else the global one, with `body` as its JSON and `?async=`. 003
   * names no paths for them; these are the connector's choice, in the style of its other paths:
   * `POST {base}/clients/{clientGuid}/actions/{serviceDefinition}?async=true|false` and
   * `POST {base}/actions/{serviceDefinition}?async=true|false`. Not retried after a 5xx or a
   * timeout (Aptic may have acted): only 429/503. A 404 is an error (no such client or action).
   */
  async invoke(clientGuid: string | null, serviceDefinition: string, body: unknown, options: { async: boolean; signal?: AbortSignal }): Promise<ApticInvokeResult> {
    if (typeof serviceDefinition !== "string" || serviceDefinition.trim() === "") throw new RangeError("An Aptic custom action needs a service definition");
    const action = `/actions/${encodeURIComponent(serviceDefinition)}`;
    const path = clientGuid === null ? action : `/clients/${guidPath(clientGuid)}${action}`;
    const response = await this.request("POST", path, { async: options.async }, { signal: options.signal, body: body === undefined ? {} : body, idempotent: false });
    return { status: response.status, body: response.body, location: response.headers.get("location") };
  }

  /**
   * Whether Aptic is up (003's ping: 200 and `{}`), authenticated as every call. 003 names no
   * path; the connector uses `GET {base}/ping`. Rejects with SourceHttpError otherwise.
   */
  async ping(signal?: AbortSignal): Promise<void> {
    await this.request("GET", "/ping", undefined, { signal });
  }

  // -------------------------------------------------------------------------------------------------

  /** A single resource; null on 404 (the client has none). */
  private async single(path: string, signal: AbortSignal): Promise<Record<string, unknown> | null> {
    const response = await this.orNone(this.request("GET", path, undefined, { signal }));
    if (response === null) return null;
    if (!isObject(response.body)) throw this.invalid(path, response.status, "not a JSON object");
    return response.body;
  }

  /** Every item of a per-client listing, page after page; [] on 404 (the client has none). */
  private async listAll(path: string, paged: boolean, signal: AbortSignal): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let skip = 0;
    for (;;) {
      const query = paged || skip > 0 ? { $top: this.pageSize, $skip: skip } : undefined;
      let page: { value: Record<string, unknown>[]; total: number | null; status: number };
      try {
        page = await this.list<Record<string, unknown>>(path, query, signal);
      } catch (error) {
        if (skip === 0 && isNotFound(error)) return [];
        throw error;
      }
      items.push(...page.value);
      skip += page.value.length;
      const more = page.value.length > 0 && (page.total !== null ? skip < page.total : paged && page.value.length >= this.pageSize);
      if (!more) return items;
    }
  }

  /** One page of a listing: `{count, skip, total, value}` (a bare array is taken as the whole list). */
  private async list<T>(path: string, query: Record<string, QueryValue> | undefined, signal: AbortSignal | undefined): Promise<{ value: T[]; total: number | null; status: number }> {
    const response = await this.request("GET", path, query, { signal });
    const body = response.body;
    if (Array.isArray(body)) {
      if (body.some((item) => !isObject(item))) throw this.invalid(path, response.status, "a list whose items are not all objects");
      return { value: body as T[], total: body.length + (Number(query?.$skip) || 0), status: response.status };
    }
    const listing = body as ApticListWire<unknown> | null;
    if (!isObject(listing) || !Array.isArray(listing.value) || listing.value.some((item) => !isObject(item))) {
      throw this.invalid(path, response.status, "not {count, skip, total, value: [objects]}");
    }
    const total = typeof listing.total === "number" && Number.isInteger(listing.total) && listing.total >= 0 ? listing.total : null;
    return { value: listing.value as T[], total, status: response.status };
  }

  /** The response, or null when it is a 404 (a resource the client has none of). */
  private async orNone<T>(call: Promise<SourceResponse<T>>): Promise<SourceResponse<T> | null> {
    try {
      return await call;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * One authenticated request. With OAuth2 the token is taken when the request holds its slot
   * (not before it queues: a token that expires while thousands of a page's requests wait would
   * fail them all). A 401 drops that token and tries once more with the current one (fetched anew
   * when none is). A second 401 fails with a clear error, unless the token refused that time had
   * served other requests (it ran out meanwhile, it was no refusal of this request): then it is
   * tried again, at most MAX_AUTH_RETRIES times in all.
   */
  private async request<T = unknown>(method: string, path: string, query: Record<string, QueryValue> | undefined, call: SourceSendCall): Promise<SourceResponse<T>> {
    const tokens = this.tokens;
    if (tokens === null) return this.http.send<T>(method, path, query, call);
    let used: ApticToken | null = null;
    let tokenFailed = false;
    const authorize = async (signal: AbortSignal | undefined) => {
      try {
        used = await tokens.get(signal);
      } catch (error) {
        tokenFailed = true;
        throw error;
      }
      return bearer(used.value);
    };
    for (let retry = 0; ; retry++) {
      used = null;
      try {
        const response = await this.http.send<T>(method, path, query, { ...call, authorize });
        if (used) (used as ApticToken).served = true;
        return response;
      } catch (error) {
        const refusedToken = used as ApticToken | null;
        if (tokenFailed || !(error instanceof SourceHttpError) || error.kind !== "AUTH" || error.status !== 401 || refusedToken === null) throw error;
        // Another request may have fetched a new token meanwhile: only the one refused is dropped.
        tokens.drop(refusedToken);
        if (retry === 0 || (refusedToken.served && retry < MAX_AUTH_RETRIES)) continue;
        throw new SourceHttpError(
          detailsOf(error),
          `${APTIC_SOURCE} refused a token just fetched from its token endpoint (401 twice): check the OAuth2 client's permissions for ${error.method} ${error.url}`,
        );
      }
    }
  }

  private invalid(path: string, status: number, why: string): SourceHttpError {
    return new SourceHttpError({ kind: "INVALID_RESPONSE", source: APTIC_SOURCE, method: "GET", url: this.http.shownUrl(path), status, attempts: 1, sourceMessage: why });
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A GUID as a path segment (any text Aptic gave, encoded). */
function guidPath(guid: string): string {
  if (typeof guid !== "string" || guid.trim() === "") throw new RangeError("An Aptic clientGuid is needed");
  return encodeURIComponent(guid);
}

const isNotFound = (error: unknown): boolean => error instanceof SourceHttpError && error.kind === "HTTP" && error.status === 404;
