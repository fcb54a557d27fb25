import { SourceHttpClient, SourceHttpError, type SourceHttpOptions } from "../http";
import type { InvoicingCustomerListItemWire, InvoicingCustomerWire, InvoicingErrorWire, InvoicingMetaWire } from "./wire";

export interface InvoicingConnection {
  /** Where the API lives: requests go to `{baseUrl}/api/v1/companies/{companyId}/customers`. */
  baseUrl: string;
  /** Bearer token (write-only in the gateway's API; never logged). */
  token: string;
  /** The company in the invoicing system whose customers are read. */
  companyId: string;
}

export interface InvoicingClientOptions extends InvoicingConnection {
  /** Customers per list page, 1..100. Default 100. */
  pageSize?: number;
  /** How far before the stored watermark a customer still counts as changed. Default 2 minutes. */
  overlapMs?: number;
  http?: Omit<SourceHttpOptions, "source" | "baseUrl" | "headers" | "describeError">;
}

export interface InvoicingListing {
  /** The watermark of the last complete run; null or absent: a full run (every customer's detail). */
  since?: string | Date | null;
  /**
   * Customers whose detail is read whatever their `updated_at` says: those with invoices open in
   * the gateway, since an invoice paid in the source does not change its customer's `updated_at`.
   */
  alwaysRead?: ReadonlySet<string>;
  /** Resume a listing: the cursor of the next page to read (InvoicingPage.nextCursor) and what the pages before it had reached. */
  resume?: InvoicingResume | null;
  signal?: AbortSignal;
}

/** Where a listing stopped: read on from `cursor` with the watermark as far as it had got. */
export interface InvoicingResume {
  cursor: string;
  /** The latest updated_at listed so far (epoch ms), and the earliest of a failed customer's. */
  latest: number | null;
  earliestFailed: number | null;
  /** A failed customer had no time of its own: no watermark can be stored (JSON has no -Infinity). */
  failedUntimed?: boolean;
}

/** A customer whose detail could not be read: that record fails alone (RECORD_FAILED). */
export interface InvoicingFailedCustomer {
  id: string;
  item: InvoicingCustomerListItemWire;
  error: SourceHttpError;
}

export interface InvoicingPage {
  /** The cursor this page was read with (null: the first page). */
  cursor: string | null;
  /** Where to resume after this page (null on the final page). */
  resume: InvoicingResume | null;
  /** New or changed customers: their detail with open invoices (map each with mapInvoicingCustomer). */
  changed: InvoicingCustomerWire[];
  /** Listed, unchanged since the watermark: no detail was read (the list item, for "still there"). */
  unchanged: InvoicingCustomerListItemWire[];
  failed: InvoicingFailedCustomer[];
  final: boolean;
  /**
   * What to store from the final page: the latest `updated_at` listed, held back to the earliest
   * failed customer's, so that the next run reads the failed ones again. Null when none is known.
   */
  watermark: string | null;
  meta: { requestId: string | null; apiVersion: string | null };
}

export const INVOICING_SOURCE = "INVOICING";

const parseTime = (value: unknown): number | null => {
  if (typeof value !== "string") return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
};

/**
 * The invoicing connector's wire API (SOURCES.md "Invoicing (004)"). Reads only.
 *
 * How a run knows what changed: the list has no change filter, so every run walks the whole
 * cursor listing (`include_archived=true`, 100 a page: cheap) and reads the detail
 * (`?expand=invoices`) only of the customers whose list `updated_at` is at or after the watermark
 * minus the overlap, or that carry no readable `updated_at`; a full run (no watermark) reads every
 * detail. A paid or new invoice need not change its customer's `updated_at`: the customers with
 * invoices open in the gateway (`alwaysRead`) are read every run, so an invoice paid in the source
 * closes here with the next incremental run; a new invoice of a customer with none open shows
 * with the customer's next change or the next full run (schedule one, e.g. nightly).
 */
export class InvoicingClient {
  readonly http: SourceHttpClient;
  private readonly pageSize: number;
  private readonly overlapMs: number;
  private readonly base: string;

  constructor(options: InvoicingClientOptions) {
    this.pageSize = options.pageSize ?? 100;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > 100) throw new RangeError("Invoicing pageSize must be 1..100");
    this.overlapMs = options.overlapMs ?? 120_000;
    this.base = `/api/v1/companies/${encodeURIComponent(options.companyId)}/customers`;
    this.http = new SourceHttpClient({
      ...(options.http ?? {}),
      source: INVOICING_SOURCE,
      baseUrl: options.baseUrl,
      headers: { authorization: `Bearer ${options.token}` },
      secrets: [options.token],
      describeError: describeInvoicingError,
    });
  }

  /** The list, page by page as the source sends it (`?include_archived=true&limit&cursor`). */
  async *listPages(signal?: AbortSignal, from: string | null = null): AsyncGenerator<{ cursor: string | null; items: InvoicingCustomerListItemWire[]; nextCursor: string | null; meta: InvoicingMetaWire }> {
    let cursor: string | null = from;
    const seen = new Set<string>();
    // The previous page's ids: a page with none new means the cursor is ignored, whatever
    // next_cursor says (a fresh cursor on the same page forever would never end the listing).
    let previous = new Set<string>();
    for (;;) {
      const response = await this.http.getJson(this.base, { include_archived: true, limit: this.pageSize, cursor }, { signal });
      const body = response.body as { data?: unknown; meta?: InvoicingMetaWire } | null;
      const items = body?.data;
      if (!Array.isArray(items) || items.some((i) => typeof i !== "object" || i === null || typeof (i as { id?: unknown }).id !== "string")) {
        throw this.invalid(this.base, response.status, "the listing is not {data: [customers with an id]}");
      }
      const next = body?.meta?.next_cursor ?? null;
      if (next !== null && (typeof next !== "string" || seen.has(next))) throw this.invalid(this.base, response.status, "next_cursor repeats or is not text");
      if (next !== null) seen.add(next);
      const ids = new Set((items as InvoicingCustomerListItemWire[]).map((i) => i.id));
      if (cursor !== null && ids.size > 0 && [...ids].every((id) => previous.has(id))) {
        throw this.invalid(this.base, response.status, "the page repeats the previous page (the cursor is ignored)");
      }
      previous = ids;
      yield { cursor, items: items as InvoicingCustomerListItemWire[], nextCursor: next, meta: body?.meta ?? {} };
      if (next === null) return;
      cursor = next;
    }
  }

  /**
   * The run's pages: each list page with the details of its changed customers, read concurrently
   * (within the client's concurrency limit). A detail that fails (404, 4xx, 5xx after retries)
   * fails that customer alone; 401/403 and cancellation reject the whole run.
   */
  async *pages(listing: InvoicingListing = {}): AsyncGenerator<InvoicingPage> {
    const since = listing.since == null ? null : typeof listing.since === "string" ? Date.parse(listing.since) : listing.since.getTime();
    if (since !== null && Number.isNaN(since)) throw new RangeError("Invoicing listing: since is not a date");
    const from = since === null ? null : since - this.overlapMs;
    let latest: number | null = listing.resume?.latest ?? since;
    let earliestFailed: number | null = listing.resume?.failedUntimed ? Number.NEGATIVE_INFINITY : (listing.resume?.earliestFailed ?? null);
    for await (const page of this.listPages(listing.signal, listing.resume?.cursor ?? null)) {
      const changed: InvoicingCustomerListItemWire[] = [];
      const unchanged: InvoicingCustomerListItemWire[] = [];
      for (const item of page.items) {
        const at = parseTime(item.updated_at);
        if (at !== null && (latest === null || at > latest)) latest = at;
        (from === null || at === null || at >= from || listing.alwaysRead?.has(item.id) ? changed : unchanged).push(item);
      }
      const settled = await Promise.allSettled(changed.map((item) => this.fetchCustomer(item.id, listing.signal)));
      const details: InvoicingCustomerWire[] = [];
      const failed: InvoicingFailedCustomer[] = [];
      settled.forEach((outcome, i) => {
        if (outcome.status === "fulfilled") return void details.push(outcome.value);
        const error = outcome.reason;
        if (!(error instanceof SourceHttpError) || error.endsRun) throw error;
        failed.push({ id: changed[i].id, item: changed[i], error });
        // Without a time of its own, the failed customer holds the watermark where it was.
        const at = parseTime(changed[i].updated_at) ?? since ?? Number.NEGATIVE_INFINITY;
        earliestFailed = earliestFailed === null ? at : Math.min(earliestFailed, at);
      });
      const final = page.nextCursor === null;
      let watermark = latest;
      if (earliestFailed !== null) watermark = Number.isFinite(earliestFailed) ? Math.min(watermark ?? earliestFailed, earliestFailed) : null;
      yield {
        cursor: page.cursor,
        resume:
          page.nextCursor === null
            ? null
            : { cursor: page.nextCursor, latest, earliestFailed: earliestFailed !== null && Number.isFinite(earliestFailed) ? earliestFailed : null, failedUntimed: earliestFailed === Number.NEGATIVE_INFINITY },
        changed: details,
        unchanged,
        failed,
        final,
        watermark: watermark === null ? null : new Date(watermark).toISOString(),
        meta: { requestId: page.meta.request_id ?? null, apiVersion: page.meta.api_version ?? null },
      };
    }
  }

  /** One customer with its open invoices (`?expand=invoices`); null on 404 NOT_FOUND. */
  async getCustomer(id: string, options: { signal?: AbortSignal } = {}): Promise<InvoicingCustomerWire | null> {
    try {
      return await this.fetchCustomer(id, options.signal);
    } catch (error) {
      if (error instanceof SourceHttpError && error.kind === "HTTP" && error.status === 404) return null;
      throw error;
    }
  }

  private async fetchCustomer(id: string, signal: AbortSignal | undefined): Promise<InvoicingCustomerWire> {
    const path = `${this.base}/${encodeURIComponent(id)}`;
    const response = await this.http.getJson(path, { expand: "invoices" }, { signal });
    const data = (response.body as { data?: unknown } | null)?.data;
    if (typeof data !== "object" || data === null || Array.isArray(data) || typeof (data as { id?: unknown }).id !== "string") {
      throw this.invalid(path, response.status, "not {data: customer}");
    }
    return data as InvoicingCustomerWire;
  }

  private invalid(path: string, status: number, why: string): SourceHttpError {
    return new SourceHttpError({ kind: "INVALID_RESPONSE", source: INVOICING_SOURCE, method: "GET", url: this.http.shownUrl(path), status, attempts: 1, sourceMessage: why });
  }
}

/** The invoicing system's `{error: {code, message}, meta}`. */
export function describeInvoicingError(body: unknown): { code?: string; message?: string } | undefined {
  const error = (body as InvoicingErrorWire | null)?.error;
  if (typeof error !== "object" || error === null) return undefined;
  return {
    code: typeof error.code === "string" ? error.code : undefined,
    message: typeof error.message === "string" ? error.message : undefined,
  };
}
