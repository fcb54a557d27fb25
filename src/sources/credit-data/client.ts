import { isObject } from "../mapping-kit";
import { SourceHttpClient, SourceHttpError, type SourceHttpOptions } from "../http";
import type { CreditDataActWire, CreditDataClientWire, CreditDataErrorWire, CreditDataMetaWire } from "./wire";

export interface CreditDataConnection {
  /** Where the provider's API lives: requests go to `{baseUrl}/api/clients`. */
  baseUrl: string;
  /** Bearer token (write-only in the gateway's API; never logged). */
  token: string;
}

export interface CreditDataClientOptions extends CreditDataConnection {
  /** Clients (and acts) per page, 1..100. Default 100. */
  pageSize?: number;
  /** How far before the stored watermark an incremental run starts (`updated_since`). Default 2 minutes. */
  overlapMs?: number;
  /** Timeouts, retries, concurrency, rate cap, cancellation, clock: see SourceHttpOptions. */
  http?: Omit<SourceHttpOptions, "source" | "baseUrl" | "headers" | "describeError">;
}

export interface CreditDataListing {
  /** The watermark of the last complete run: only clients with `updated_at >= since - overlap` are listed. Null: every client. */
  since?: string | Date | null;
  /** Resume a listing: the page to read first (from 1). Default 1. */
  page?: number;
  signal?: AbortSignal;
}

/** One page of the listing, as sent. */
export interface CreditDataListPage {
  page: number;
  records: CreditDataClientWire[];
  /** `meta.total`: every client of the listing. */
  total: number;
  /** The last page: the listing is complete. */
  final: boolean;
}

/** A client's acts: the latest (null on 404) and the whole list, every page (empty on 404). */
export interface CreditDataActs {
  latest: CreditDataActWire | null;
  list: CreditDataActWire[];
}

export const CREDIT_DATA_SOURCE = "CREDIT_DATA";

/** The most pages of one client's acts read (10,000 acts): a provider whose `total` never ends the list is refused, not followed forever. */
const MAX_ACT_PAGES = 100;

const hasId = (value: unknown): boolean => isObject(value) && (typeof value.id === "string" || typeof value.id === "number");

/** The credit-data connector's wire API (SOURCES.md "Credit data (000)"). Reads only. */
export class CreditDataClient {
  readonly http: SourceHttpClient;
  readonly pageSize: number;
  private readonly overlapMs: number;

  constructor(options: CreditDataClientOptions) {
    this.pageSize = options.pageSize ?? 100;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > 100) throw new RangeError("Credit data pageSize must be 1..100");
    this.overlapMs = options.overlapMs ?? 120_000;
    this.http = new SourceHttpClient({
      ...(options.http ?? {}),
      source: CREDIT_DATA_SOURCE,
      baseUrl: options.baseUrl,
      headers: { authorization: `Bearer ${options.token}` },
      secrets: [options.token],
      describeError: describeCreditDataError,
    });
  }

  /** The `updated_since` a listing from `since` uses (ISO 8601), or null for a full run. */
  lowerBound(since: string | Date | null | undefined): string | null {
    if (since === null || since === undefined) return null;
    const at = typeof since === "string" ? Date.parse(since) : since.getTime();
    if (Number.isNaN(at)) throw new RangeError("Credit data listing: since is not a date");
    return new Date(at - this.overlapMs).toISOString();
  }

  /**
   * The clients page by page (`GET /api/clients?limit&page&updated_since`), one page in memory at
   * a time, pages counted from 1; the listing ends with the page that reaches `meta.total` (or a
   * short or empty one). Rejects with SourceHttpError (AUTH on 401/403; INVALID_RESPONSE on a body
   * that is no `{data: [clients], meta: {total}}`, or a page that repeats the one before).
   */
  async *listPages(listing: CreditDataListing = {}): AsyncGenerator<CreditDataListPage> {
    const since = this.lowerBound(listing.since);
    const first = listing.page ?? 1;
    if (!Number.isInteger(first) || first < 1) throw new RangeError("Credit data listing: page counts from 1");
    let previous = new Set<string>();
    for (let page = first; ; page++) {
      const path = "/api/clients";
      const response = await this.http.getJson(path, { limit: this.pageSize, page, updated_since: since ?? undefined }, { signal: listing.signal });
      const { items, meta } = this.list(path, response.status, response.body);
      if (typeof meta.total !== "number" || !Number.isInteger(meta.total) || meta.total < 0) throw this.invalid(path, response.status, "meta.total is not a whole number");
      const records = items as CreditDataClientWire[];
      const ids = new Set(records.map((r) => String(r.id)));
      if (page > first && ids.size > 0 && [...ids].every((id) => previous.has(id))) throw this.invalid(path, response.status, `page ${page} repeats the page before (the page parameter is ignored)`);
      previous = ids;
      const final = records.length < this.pageSize || page * this.pageSize >= meta.total;
      yield { page, records, total: meta.total, final };
      if (final) return;
    }
  }

  /**
   * One client by business key (`GET /api/clients/lookup?org_number&country`); null on 404. Its
   * errors show the path without the query: an org number (a personnummer, for a sole trader) is
   * never in a run's message, issue or log.
   */
  async lookup(orgNumber: string, country: string, options: { signal?: AbortSignal } = {}): Promise<CreditDataClientWire | null> {
    const path = "/api/clients/lookup";
    const body = await this.orNull(() => this.http.getJson(path, { org_number: orgNumber, country }, options)).catch((error: unknown) => {
      if (!(error instanceof SourceHttpError)) throw error;
      throw new SourceHttpError({
        kind: error.kind, source: error.source, method: error.method, url: this.http.shownUrl(path), status: error.status ?? undefined, body: error.body ?? undefined,
        sourceCode: error.sourceCode ?? undefined, sourceMessage: error.sourceMessage ?? undefined, attempts: error.attempts, retryAfterMs: error.retryAfterMs ?? undefined,
      });
    });
    if (body === null) return null;
    if (!hasId(body.body)) throw this.invalid(path, body.status, "not a client with an id");
    return body.body as CreditDataClientWire;
  }

  /** The client's newest act (`GET /api/clients/{id}/acts/latest`, a bare object); null on 404 (none). */
  async latestAct(id: string, options: { signal?: AbortSignal } = {}): Promise<CreditDataActWire | null> {
    const path = `/api/clients/${encodeURIComponent(id)}/acts/latest`;
    const response = await this.orNull(() => this.http.getJson(path, {}, options));
    if (response === null) return null;
    if (!hasId(response.body)) throw this.invalid(path, response.status, "not an act with an id");
    return response.body as CreditDataActWire;
  }

  /** Every act of the client (`GET /api/clients/{id}/acts?limit&page`, all pages); empty on 404. */
  async acts(id: string, options: { signal?: AbortSignal } = {}): Promise<CreditDataActWire[]> {
    const path = `/api/clients/${encodeURIComponent(id)}/acts`;
    const out: CreditDataActWire[] = [];
    for (let page = 1; page <= MAX_ACT_PAGES; page++) {
      const response = await this.orNull(() => this.http.getJson(path, { limit: this.pageSize, page }, options));
      if (response === null) return out;
      const { items, meta } = this.list(path, response.status, response.body);
      out.push(...(items as CreditDataActWire[]));
      const total = typeof meta.total === "number" && Number.isInteger(meta.total) ? meta.total : null;
      if (items.length < this.pageSize || (total !== null && page * this.pageSize >= total)) return out;
    }
    throw this.invalid(path, 200, `more than ${MAX_ACT_PAGES} pages of acts`);
  }

  /** The latest act and the whole list, read concurrently (within the client's concurrency limit). */
  async actsOf(id: string, options: { signal?: AbortSignal } = {}): Promise<CreditDataActs> {
    const [latest, list] = await Promise.all([this.latestAct(id, options), this.acts(id, options)]);
    return { latest, list };
  }

  private list(path: string, status: number, body: unknown): { items: unknown[]; meta: CreditDataMetaWire } {
    if (!isObject(body) || !Array.isArray(body.data) || !body.data.every(hasId) || !isObject(body.meta)) throw this.invalid(path, status, "not {data: [items with an id], meta}");
    return { items: body.data, meta: body.meta as CreditDataMetaWire };
  }

  private async orNull<T>(call: () => Promise<T>): Promise<T | null> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof SourceHttpError && error.kind === "HTTP" && error.status === 404) return null;
      throw error;
    }
  }

  private invalid(path: string, status: number, why: string): SourceHttpError {
    return new SourceHttpError({ kind: "INVALID_RESPONSE", source: CREDIT_DATA_SOURCE, method: "GET", url: this.http.shownUrl(path), status, attempts: 1, sourceMessage: why });
  }
}

/** The provider's error body, `{error: {code, message}}`, `{error: "..."}` or `{code, message}`. */
export function describeCreditDataError(body: unknown): { code?: string; message?: string } | undefined {
  if (!isObject(body)) return undefined;
  const error = body as CreditDataErrorWire;
  const inner = isObject(error.error) ? (error.error as { code?: unknown; message?: unknown }) : undefined;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return {
    code: text(inner?.code) ?? text(error.code),
    message: text(inner?.message) ?? text(error.error) ?? text(error.message),
  };
}
