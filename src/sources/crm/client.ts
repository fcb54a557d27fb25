import { SourceHttpClient, SourceHttpError, type SourceHttpOptions } from "../http";
import type { CrmClientWire, CrmDeletionStatus, CrmErrorWire } from "./wire";

export interface CrmConnection {
  /** Where the CRM's API lives: requests go to `{baseUrl}/api/clients`. */
  baseUrl: string;
  /** Bearer token (write-only in the gateway's API; never logged). */
  token: string;
  /** The source's company id: the X-Company-Id header. */
  companyId: string;
  /** X-Api-Version, sent when configured. */
  apiVersion?: string | null;
}

export interface CrmClientOptions extends CrmConnection {
  /** Clients per page, 1..100 (the CRM's bounds). Default 100. */
  pageSize?: number;
  /** How far before the stored watermark an incremental run starts. Default 2 minutes. */
  overlapMs?: number;
  /** Timeouts, retries, concurrency, rate cap, cancellation, clock: see SourceHttpOptions. */
  http?: Omit<SourceHttpOptions, "source" | "baseUrl" | "headers" | "describeError">;
}

export interface CrmListing {
  /**
   * The watermark of the last complete run: only clients with `updated_at >= since - overlap` are
   * listed. Null or absent: a full run (every client).
   */
  since?: string | Date | null;
  /** Resume a listing: the offset of the first page to read (a multiple of the page size). Default 0. */
  offset?: number;
  /** Resume a listing: the watermark its pages had reached (CrmPage.watermark). */
  watermark?: string | null;
  /** Default "include": a deleted client is news (the gateway archives it). */
  deleted?: CrmDeletionStatus;
  signal?: AbortSignal;
}

/** One page of the listing: the records as the CRM sent them (map each with mapCrmClient). */
export interface CrmPage {
  offset: number;
  records: CrmClientWire[];
  /** The last page: the listing is complete. */
  final: boolean;
  /**
   * The latest `updated_at` seen so far (ISO 8601), or the listing's `since` when none is later.
   * Store it only from the final page: the CRM lists by id, not by change time, so a watermark of
   * an unfinished listing would skip the changes on the pages not read. A record the sync fails
   * should hold it back: store min(watermark, that record's updated_at) so the next run reads it again.
   */
  watermark: string | null;
}

export const CRM_SOURCE = "CRM";

/** The CRM connector's wire API (SOURCES.md "CRM (001, 002)"). Reads only. */
export class CrmClient {
  readonly http: SourceHttpClient;
  private readonly pageSize: number;
  private readonly overlapMs: number;

  constructor(options: CrmClientOptions) {
    this.pageSize = options.pageSize ?? 100;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1 || this.pageSize > 100) throw new RangeError("CRM pageSize must be 1..100");
    this.overlapMs = options.overlapMs ?? 120_000;
    const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, "x-company-id": options.companyId };
    if (options.apiVersion) headers["x-api-version"] = options.apiVersion;
    this.http = new SourceHttpClient({ ...(options.http ?? {}), source: CRM_SOURCE, baseUrl: options.baseUrl, headers, secrets: [options.token], describeError: describeCrmError });
  }

  /** The `updated_at` lower bound a listing from `since` uses (ISO 8601), or null for a full run. */
  lowerBound(since: string | Date | null | undefined): string | null {
    if (since === null || since === undefined) return null;
    const at = typeof since === "string" ? Date.parse(since) : since.getTime();
    if (Number.isNaN(at)) throw new RangeError("CRM listing: since is not a date");
    return new Date(at - this.overlapMs).toISOString();
  }

  /**
   * The clients page by page (`GET /api/clients?limit&offset&include=externalIdentifiers&deleted&updated_at=gte:`),
   * one page in memory at a time; a page shorter than the limit ends the listing. Rejects with
   * SourceHttpError (AUTH on 401/403: the run fails; INVALID_RESPONSE on a body that is no array).
   */
  async *pages(listing: CrmListing = {}): AsyncGenerator<CrmPage> {
    const from = this.lowerBound(listing.since);
    let watermark: number | null = listing.since == null ? null : typeof listing.since === "string" ? Date.parse(listing.since) : listing.since.getTime();
    const resumed = listing.watermark ? Date.parse(listing.watermark) : NaN;
    if (!Number.isNaN(resumed) && (watermark === null || resumed > watermark)) watermark = resumed;
    const start = listing.offset ?? 0;
    if (!Number.isInteger(start) || start < 0) throw new RangeError("CRM listing: offset must be a whole number");
    // The ids of the previous page: a full page with none new means the CRM ignores the offset, and
    // "fewer than limit ends the listing" would never come (a loop without end).
    let previous = new Set<string>();
    for (let offset = start; ; offset += this.pageSize) {
      const query = {
        limit: this.pageSize,
        offset,
        include: "externalIdentifiers",
        deleted: listing.deleted ?? "include",
        updated_at: from === null ? undefined : `gte:${from}`,
      };
      const response = await this.http.getJson("/api/clients", query, { signal: listing.signal });
      const records = response.body;
      if (!Array.isArray(records) || records.some((r) => typeof r !== "object" || r === null || Array.isArray(r))) {
        throw this.invalid("/api/clients", response.status, "the listing is not an array of clients");
      }
      for (const record of records as CrmClientWire[]) {
        const at = typeof record.updated_at === "string" ? Date.parse(record.updated_at) : NaN;
        if (!Number.isNaN(at) && (watermark === null || at > watermark)) watermark = at;
      }
      const final = records.length < this.pageSize;
      const ids = new Set((records as CrmClientWire[]).map((r) => String(r.id)));
      if (!final && offset > start && [...ids].every((id) => previous.has(id))) {
        throw this.invalid("/api/clients", response.status, `the page at offset ${offset} repeats the previous page (the offset is ignored)`);
      }
      previous = ids;
      yield { offset, records: records as CrmClientWire[], final, watermark: watermark === null ? null : new Date(watermark).toISOString() };
      if (final) return;
    }
  }

  /**
   * One client (`GET /api/clients/{id}?include=externalIdentifiers&deleted=include`), deleted ones
   * included; null when the CRM answers 404. Rejects with SourceHttpError otherwise.
   */
  async getClient(id: string | number, options: { signal?: AbortSignal } = {}): Promise<CrmClientWire | null> {
    const key = String(id);
    if (!/^[0-9]+$/.test(key)) throw new RangeError("A CRM client id is digits only");
    const path = `/api/clients/${key}`;
    try {
      const response = await this.http.getJson(path, { include: "externalIdentifiers", deleted: "include" }, options);
      const body = response.body;
      if (typeof body !== "object" || body === null || Array.isArray(body)) throw this.invalid(path, response.status, "not a client");
      return body as CrmClientWire;
    } catch (error) {
      if (error instanceof SourceHttpError && error.kind === "HTTP" && error.status === 404) return null;
      throw error;
    }
  }

  private invalid(path: string, status: number, why: string): SourceHttpError {
    return new SourceHttpError({ kind: "INVALID_RESPONSE", source: CRM_SOURCE, method: "GET", url: this.http.shownUrl(path), status, attempts: 1, sourceMessage: why });
  }
}

/** The CRM's `{key, message, failures}`, failures folded into the message. */
export function describeCrmError(body: unknown): { code?: string; message?: string } | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const error = body as CrmErrorWire;
  const failures = Array.isArray(error.failures)
    ? error.failures.map((f) => `${f?.field ?? "?"}: ${f?.message ?? "?"}`).join("; ")
    : "";
  const message = [typeof error.message === "string" ? error.message : undefined, failures || undefined].filter(Boolean).join(" ");
  return { code: typeof error.key === "string" ? error.key : undefined, message: message || undefined };
}
