import { countryCodeOf } from "../../sources/mapping-kit";
import type { CreditDataActs, CreditDataClient } from "../../sources/credit-data/client";
import { mapCreditDataClient } from "../../sources/credit-data/mapping";
import type { CreditDataClientWire } from "../../sources/credit-data/wire";
import { SourceHttpError } from "../../sources/http";
import { contentHash } from "../content-hash";
import type { FailedFetch } from "./apply";
import type { SourceLookupResult } from "./apply-credit-data";
import type { Connector, ConnectorPage } from "./connectors";

/**
 * The lookup policy (SOURCES.md "Credit data"; README "Credit data"). After the listing, a run looks
 * up by org number (`GET /api/clients/lookup?org_number&country`) the clients that another source
 * knows (a source record of another source) with an org number and a country, businesses only (a
 * sole trader's number is a personal identity number: not sent to a third party unasked), not
 * archived, and that this credit-data source has not listed: at most `perRun` a run (default 50),
 * those never looked up first (no record of this source and no lookup), then those whose last
 * lookup is oldest, once it is older than `againAfterDays` (default 30: a 404 is asked again a
 * month later, a company may have been registered since; a client only a lookup brings is refreshed
 * that often); a lookup that failed (5xx after retries, a timeout) is tried again the next run.
 * Every lookup is remembered in source_lookup (FOUND, NOT_FOUND, FAILED) with its time, 404s
 * included, so a run doesn't ask again what the last ones asked. A client found is applied as a
 * listed record is (it reconciles by org number onto that client), with its acts.
 */
export interface LookupPolicy {
  perRun: number;
  againAfterDays: number;
}

export const DEFAULT_LOOKUP_POLICY: LookupPolicy = { perRun: 50, againAfterDays: 30 };

/** Candidates read per lookup a run may make (see prepare). */
const CANDIDATES_READ_PER_LOOKUP = 20;

/** Lookups applied per page (each up to 1 + 2 requests, within the source's concurrency limit). */
const LOOKUPS_PER_PAGE = 25;

/** Where a run is: listing page `page` (from 1), or looking up after the listing. */
interface CreditDataPosition {
  phase: "list" | "lookup";
  page?: number;
  /** Lookups made by the run's committed pages (the per-run bound holds across a resume). */
  lookedUp?: number;
  /** The latest updated_at listed so far, and the earliest of a record that failed (epoch ms). */
  latest: number | null;
  earliestFailed: number | null;
  failedUntimed?: boolean;
}

interface LookupCandidate {
  clientId: string;
  countryCode: string;
  orgNumber: string;
}

const normalised = (value: string): string => value.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
const keyOf = (countryCode: string, orgNumber: string): string => `${countryCode}\u0000${normalised(orgNumber)}`;

/** A listed (or found) client's business key, as the source wrote it: country name or code, org number with or without dashes. */
function businessKey(client: CreditDataClientWire): string | null {
  if (typeof client.org_number !== "string" || typeof client.country !== "string") return null;
  const country = countryCodeOf(client.country);
  return country === null ? null : keyOf(country, client.org_number);
}

const parseTime = (value: unknown): number | null => {
  if (typeof value !== "string") return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
};

/** The lookup's failure as the run shows it: no URL (it carries the org number), no body. */
const lookupIssue = (clientId: string, error: SourceHttpError): FailedFetch => ({
  sourceId: `lookup:client:${clientId}`,
  message: `The lookup by org number of client ${clientId} failed: ${error.kind}${error.status ? ` ${error.status}` : ""}${error.sourceCode ? ` (${error.sourceCode})` : ""}`,
  detail: { kind: error.kind, status: error.status, sourceCode: error.sourceCode, clientId },
  sourceUpdatedAt: null,
});

/**
 * Credit data: pages by `page` (from 1) with `meta.total`, incremental by `updated_since` (the run's
 * watermark minus the client's overlap); for each listed client whose content changed (its content
 * hash is not the stored one; in a full run every listed client), its latest act and its acts (all pages), read concurrently within
 * the source's concurrency limit and outside any transaction (a page's transaction opens only once
 * its page is here); then the lookups of the policy above. A client whose acts can't be read fails
 * alone (SOURCE_ERROR, the watermark held back to it); 401/403 and cancellation end the run.
 */
export function creditDataConnector(client: CreditDataClient, policy: LookupPolicy = DEFAULT_LOOKUP_POLICY): Connector {
  let stored = new Map<string, string>();
  let candidates: LookupCandidate[] = [];

  /**
   * Whether a client's acts are read: in a full run every client's (a provider may publish an act
   * without changing the client's `updated_at`, so its content hash can't tell), otherwise only
   * those whose content changed.
   */
  const readsActs = (record: CreditDataClientWire, full: boolean) => full || stored.get(String(record.id)) !== contentHash(record);

  /** The acts of the clients whose acts are read (readsActs): `null` for the others; failures apart. */
  async function withActs(records: CreditDataClientWire[], full: boolean, signal: AbortSignal): Promise<{ acts: Map<CreditDataClientWire, CreditDataActs | null>; failed: Map<CreditDataClientWire, SourceHttpError> }> {
    const changed = records.filter((record) => readsActs(record, full));
    const settled = await Promise.allSettled(changed.map((record) => client.actsOf(String(record.id), { signal })));
    const acts = new Map<CreditDataClientWire, CreditDataActs | null>(records.map((record) => [record, null]));
    const failed = new Map<CreditDataClientWire, SourceHttpError>();
    settled.forEach((outcome, i) => {
      if (outcome.status === "fulfilled") return void acts.set(changed[i], outcome.value);
      const error = outcome.reason;
      if (!(error instanceof SourceHttpError) || error.endsRun) throw error;
      failed.set(changed[i], error);
    });
    return { acts, failed };
  }

  return {
    async prepare(query, sourceSystemId) {
      const hashes = await query(`SELECT source_id, content_hash FROM source_record WHERE source_system_id = $1`, [sourceSystemId]);
      stored = new Map(hashes.map((row) => [String(row.source_id), String(row.content_hash)]));
      const rows = await query(
        `SELECT c.id, c.country_code, c.org_number FROM client c
           LEFT JOIN source_lookup l ON l.source_system_id = $1 AND l.client_id = c.id
          WHERE c.archived_at IS NULL AND c.client_type = 'BUSINESS' AND c.org_number IS NOT NULL AND c.country_code IS NOT NULL
            AND EXISTS (SELECT 1 FROM source_record o WHERE o.client_id = c.id AND o.source_system_id <> $1)
            AND ((l.id IS NULL AND NOT EXISTS (SELECT 1 FROM source_record s WHERE s.client_id = c.id AND s.source_system_id = $1))
                 OR l.outcome = 'FAILED' OR l.looked_up_at < clock_timestamp() - make_interval(days => $2))
          ORDER BY l.looked_up_at ASC NULLS FIRST, c.id
          LIMIT $3`,
        // Read before the listing, which will list some of them (those are skipped then): more than
        // the run looks up, so that a first run still makes its `perRun` lookups; bounded all the same.
        [sourceSystemId, policy.againAfterDays, policy.perRun * CANDIDATES_READ_PER_LOOKUP],
      );
      candidates = rows.map((row) => ({ clientId: String(row.id), countryCode: String(row.country_code), orgNumber: String(row.org_number) }));
    },

    async *pages(position, signal) {
      const at = position.at as CreditDataPosition | null;
      // A full run (no lower bound) reads every listed client's acts.
      const full = position.since === null;
      const since = parseTime(position.since);
      let latest = at?.latest ?? since;
      let earliestFailed: number | null = at?.failedUntimed ? Number.NEGATIVE_INFINITY : (at?.earliestFailed ?? null);
      let lookedUp = at?.lookedUp ?? 0;
      const failedAt = (updatedAt: unknown) => {
        // Without a time of its own, a failed client holds the watermark where it was.
        const time = parseTime(updatedAt) ?? since ?? Number.NEGATIVE_INFINITY;
        earliestFailed = earliestFailed === null ? time : Math.min(earliestFailed, time);
      };
      const watermark = (): string | null => {
        let mark = latest;
        if (earliestFailed !== null) mark = Number.isFinite(earliestFailed) ? Math.min(mark ?? earliestFailed, earliestFailed) : null;
        return mark === null ? null : new Date(mark).toISOString();
      };
      const state = (): Omit<CreditDataPosition, "phase"> => ({
        latest,
        earliestFailed: earliestFailed !== null && Number.isFinite(earliestFailed) ? earliestFailed : null,
        failedUntimed: earliestFailed === Number.NEGATIVE_INFINITY,
        lookedUp,
      });
      const listed = new Set<string>();
      let pending: LookupCandidate[] = [];

      if (at?.phase !== "lookup") {
        for await (const page of client.listPages({ since: position.since, page: at?.page ?? 1, signal })) {
          for (const record of page.records) {
            const time = parseTime(record.updated_at);
            if (time !== null && (latest === null || time > latest)) latest = time;
            const key = businessKey(record);
            if (key) listed.add(key);
          }
          const { acts, failed } = await withActs(page.records, full, signal);
          for (const record of failed.keys()) failedAt(record.updated_at);
          if (page.final) pending = candidates.filter((c) => !listed.has(keyOf(c.countryCode, c.orgNumber))).slice(0, Math.max(0, policy.perRun - lookedUp));
          const final = page.final && pending.length === 0;
          yield {
            records: page.records.filter((record) => !failed.has(record)).map((record) => mapCreditDataClient(record, acts.get(record) ?? null)),
            failedFetches: [...failed].map(([record, error]) => ({ sourceId: String(record.id), message: error.safeMessage, detail: error.toIssue(), sourceUpdatedAt: typeof record.updated_at === "string" ? record.updated_at : null })),
            unchangedIds: [],
            next: final ? null : page.final ? { phase: "lookup", ...state() } : { phase: "list", page: page.page + 1, ...state() },
            watermark: watermark(),
            total: page.total,
          } satisfies ConnectorPage;
          if (page.final) break;
        }
      } else {
        pending = candidates.slice(0, Math.max(0, policy.perRun - lookedUp));
      }
      if (pending.length === 0) {
        // Resumed after the last lookup page was read but before it committed: nothing is left.
        if (at?.phase === "lookup") yield { records: [], failedFetches: [], unchangedIds: [], next: null, watermark: watermark(), total: null };
        return;
      }

      for (let start = 0; start < pending.length; start += LOOKUPS_PER_PAGE) {
        const chunk = pending.slice(start, start + LOOKUPS_PER_PAGE);
        const settled = await Promise.allSettled(
          chunk.map(async (candidate) => {
            const found = await client.lookup(candidate.orgNumber, candidate.countryCode, { signal });
            // Another company than the one asked for (a provider's fuzzy match) is not this client's.
            if (found === null || businessKey(found) !== keyOf(candidate.countryCode, candidate.orgNumber)) return { found: null, acts: null };
            const acts = readsActs(found, full) ? await client.actsOf(String(found.id), { signal }) : null;
            return { found, acts };
          }),
        );
        const lookups: SourceLookupResult[] = [];
        const records: ConnectorPage["records"] = [];
        const failedFetches: FailedFetch[] = [];
        settled.forEach((outcome, i) => {
          const clientId = chunk[i].clientId;
          if (outcome.status === "rejected") {
            const error = outcome.reason;
            if (!(error instanceof SourceHttpError) || error.endsRun) throw error;
            failedFetches.push(lookupIssue(clientId, error));
            return void lookups.push({ clientId, outcome: "FAILED", sourceId: null });
          }
          const { found, acts } = outcome.value;
          if (found === null) return void lookups.push({ clientId, outcome: "NOT_FOUND", sourceId: null });
          lookups.push({ clientId, outcome: "FOUND", sourceId: String(found.id) });
          records.push(mapCreditDataClient(found, acts));
        });
        lookedUp += chunk.length;
        const final = start + LOOKUPS_PER_PAGE >= pending.length;
        yield { records, failedFetches, unchangedIds: [], lookups, next: final ? null : { phase: "lookup", ...state() }, watermark: watermark(), total: null };
      }
    },
  };
}
