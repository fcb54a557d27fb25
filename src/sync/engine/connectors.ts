import { ApticClient, apticAuthOf, type ApticAuth } from "../../sources/aptic/client";
import { mapApticClient } from "../../sources/aptic/mapping";
import type { SourceCredentials } from "../../sources/credentials";
import { CrmClient } from "../../sources/crm/client";
import { mapCrmClient } from "../../sources/crm/mapping";
import { SourceHttpError, type SourceHttpOptions } from "../../sources/http";
import { InvoicingClient, type InvoicingResume } from "../../sources/invoicing/client";
import { mapInvoicingCustomer } from "../../sources/invoicing/mapping";
import { CreditDataClient } from "../../sources/credit-data/client";
import { creditDataConnector } from "./credit-data-connector";
import type { SourceSystem } from "../../sources/source-system.entity";
import type { FailedFetch, PageInput } from "./apply";
import { OPEN_INVOICE_STATUSES } from "../../modules/invoice/invoice.enums";

/**
 * A source system as the run handler reads it: pages of mapped records from a position (a
 * checkpoint) on, each with the position after it, so a run killed between pages resumes where
 * its last committed page ended. The CRM, Aptic, the invoicing system and credit data
 * (src/sync/engine/credit-data-connector.ts).
 */

/** Where a listing is: the run's lower bound (fixed at its start) and the connector's own position. */
export interface ListingPosition {
  /** The watermark the run started from (null: a full run). */
  since: string | null;
  /** The connector's position after the last committed page (null: from the start). */
  at: Record<string, unknown> | null;
}

export interface ConnectorPage extends PageInput {
  /** The position after this page; null once the listing is complete. */
  next: Record<string, unknown> | null;
  /** On the final page: the watermark the next incremental run starts from (before failed records hold it back). */
  watermark: string | null;
  /** How many records the source says it has in all, when it says. */
  total: number | null;
}

export interface Connector {
  /** Reads what it needs of the gateway's own state before listing (in the run's tenant). */
  prepare?(query: (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>, sourceSystemId: string): Promise<void>;
  pages(position: ListingPosition, signal: AbortSignal): AsyncGenerator<ConnectorPage>;
  /**
   * A source whose listing is read in full each run (Aptic) has the records a complete run did not
   * see confirmed one by one before they are archived: a listing read by offset misses a record when
   * it moves during the run. Only `gone` (the source answered 404) is archived; `present` is still
   * there (left alone); `failed` could not be told (left alone, an issue of the run). Called with no
   * database transaction open.
   */
  confirmGone?(sourceIds: readonly string[], signal: AbortSignal): Promise<GoneCheck>;
}

export interface GoneCheck {
  gone: string[];
  present: string[];
  failed: FailedFetch[];
}

export type ConnectorHttp = Omit<SourceHttpOptions, "source" | "baseUrl" | "headers" | "describeError" | "signal">;

export class ConnectorConfigError extends Error {
  override readonly name = "ConnectorConfigError";
}

function bearer(source: SourceSystem, credentials: SourceCredentials): string {
  if (!credentials.bearerToken) throw new ConnectorConfigError(`${source.kind} sources authenticate with a bearer token: set auth.bearerToken`);
  return credentials.bearerToken;
}

function companyId(source: SourceSystem): string {
  if (!source.companyId) throw new ConnectorConfigError(`${source.kind} sources need a companyId`);
  return source.companyId;
}

/** The connector of a source system, with its decrypted credentials. */
export function connectorFor(source: SourceSystem, credentials: SourceCredentials, http: ConnectorHttp = {}): Connector {
  switch (source.kind) {
    case "CRM":
      return crmConnector(new CrmClient({ baseUrl: source.baseUrl, token: bearer(source, credentials), companyId: companyId(source), apiVersion: source.apiVersion, http }));
    case "APTIC":
      return apticConnector(new ApticClient({ baseUrl: source.baseUrl, auth: apticAuth(source, credentials), http }));
    case "INVOICING":
      return invoicingConnector(new InvoicingClient({ baseUrl: source.baseUrl, token: bearer(source, credentials), companyId: companyId(source), http }));
    case "CREDIT_DATA":
      return creditDataConnector(new CreditDataClient({ baseUrl: source.baseUrl, token: bearer(source, credentials), http }));
    default:
      throw new ConnectorConfigError(`No connector for ${source.kind} sources yet`);
  }
}

/** Aptic takes OAuth2 client credentials or an API key (OAuth2 when both are stored). */
function apticAuth(source: SourceSystem, credentials: SourceCredentials): ApticAuth {
  const auth = apticAuthOf(credentials);
  if (auth) return auth;
  throw new ConnectorConfigError(`${source.kind} sources authenticate with OAuth2 client credentials or an API key: set auth.oauth2 or auth.apiKey`);
}

/**
 * Aptic: by $skip, every client read in full each run (Aptic has no change time; applyPage skips
 * the unchanged ones by content hash). Each listing page's bundles are read here, before the page
 * is yielded (so before the run opens the page's transaction), concurrently within the source's
 * limit. A client whose bundle fails (after the HTTP client's retries) is a failed fetch
 * (SOURCE_ERROR) and is not applied; a refused credential or a cancellation ends the run.
 */
function apticConnector(client: ApticClient): Connector {
  return {
    async *pages(position, signal) {
      const at = position.at as { skip?: number } | null;
      for await (const page of client.pages({ skip: at?.skip ?? 0, signal })) {
        const listed = page.clients.map((item) => ({ item, guid: typeof item.uniqueId === "string" && item.uniqueId.trim() !== "" ? item.uniqueId : null }));
        const settled = await Promise.allSettled(listed.map(({ item, guid }) => (guid === null ? Promise.resolve(null) : client.bundle(item, signal))));
        const records: ConnectorPage["records"] = [];
        const failedFetches: ConnectorPage["failedFetches"] = [];
        settled.forEach((outcome, i) => {
          const { item, guid } = listed[i];
          if (outcome.status === "fulfilled") {
            // No uniqueId: the mapping rejects it (RECORD_FAILED) with the item as raw.
            records.push(mapApticClient(outcome.value ?? { client: item }));
            return;
          }
          const error = outcome.reason;
          if (!(error instanceof SourceHttpError) || error.endsRun) throw error;
          failedFetches.push({ sourceId: guid!, message: error.safeMessage, detail: error.toIssue(), sourceUpdatedAt: null });
        });
        yield { records, failedFetches, unchangedIds: [], next: page.next === null ? null : { skip: page.next }, watermark: null, total: page.total };
      }
    },
    async confirmGone(sourceIds, signal) {
      // `GET /clients/{guid}`: 404 is gone. Within the source's concurrency limit (the HTTP client's),
      // a hundred queued at a time.
      const check: GoneCheck = { gone: [], present: [], failed: [] };
      for (let at = 0; at < sourceIds.length; at += CONFIRM_BATCH) {
        const batch = sourceIds.slice(at, at + CONFIRM_BATCH);
        const settled = await Promise.allSettled(batch.map((guid) => client.getClient(guid, signal)));
        settled.forEach((outcome, i) => {
          if (outcome.status === "fulfilled") {
            (outcome.value === null ? check.gone : check.present).push(batch[i]);
            return;
          }
          const error = outcome.reason;
          if (!(error instanceof SourceHttpError) || error.endsRun) throw error;
          check.failed.push({ sourceId: batch[i], message: error.safeMessage, detail: error.toIssue(), sourceUpdatedAt: null });
        });
      }
      return check;
    },
  };
}

/** How many of the records a run did not see are asked about at once (Connector.confirmGone). */
const CONFIRM_BATCH = 100;

/** The CRM: by offset, incremental by updated_at. */
function crmConnector(client: CrmClient): Connector {
  return {
    async *pages(position, signal) {
      const at = position.at as { offset?: number; watermark?: string | null } | null;
      for await (const page of client.pages({ since: position.since, offset: at?.offset ?? 0, watermark: at?.watermark ?? null, signal })) {
        yield {
          records: page.records.map(mapCrmClient),
          failedFetches: [],
          unchangedIds: [],
          next: page.final ? null : { offset: page.offset + page.records.length, watermark: page.watermark },
          watermark: page.watermark,
          total: null,
        };
      }
    },
  };
}

/** The invoicing system: by cursor; the details of changed customers only. */
function invoicingConnector(client: InvoicingClient): Connector {
  let alwaysRead: ReadonlySet<string> = new Set();
  return {
    async prepare(query, sourceSystemId) {
      // The customers with invoices open here: their invoices may have been paid meanwhile.
      // Two plain lookups, each linear at worst: a join of the two, planned over the statistics a
      // big sync just made stale, can nest one over the other (it hit the statement timeout).
      const clients = await query(`SELECT DISTINCT client_id FROM invoice WHERE source_system_id = $1 AND status = ANY($2::varchar[])`, [sourceSystemId, OPEN_INVOICE_STATUSES]);
      const rows = clients.length === 0 ? [] : await query(`SELECT source_id FROM source_record WHERE source_system_id = $1 AND client_id = ANY($2::bigint[])`, [sourceSystemId, clients.map((row) => String(row.client_id))]);
      alwaysRead = new Set(rows.map((row) => String(row.source_id)));
    },
    async *pages(position, signal) {
      const resume = position.at as InvoicingResume | null;
      for await (const page of client.pages({ since: position.since, resume, alwaysRead, signal })) {
        yield {
          records: page.changed.map(mapInvoicingCustomer),
          failedFetches: page.failed.map((failed) => ({
            sourceId: failed.id,
            message: failed.error.safeMessage,
            detail: failed.error.toIssue(),
            sourceUpdatedAt: typeof failed.item.updated_at === "string" ? failed.item.updated_at : null,
          })),
          unchangedIds: page.unchanged.map((item) => item.id),
          next: page.resume ? { ...page.resume } : null,
          watermark: page.watermark,
          total: null,
        };
      }
    },
  };
}
