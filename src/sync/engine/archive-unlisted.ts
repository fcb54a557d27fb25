import type { WriteTransaction } from "../../db/write-transaction";
import type { SourceClientRecord } from "../../sources/source-record";
import { applyPageSafely, PageOutcome, SyncTarget, zeroCounts } from "./apply";

/**
 * The end of a complete run of a source that lists every record each time (Aptic: no change
 * timestamp, SOURCES.md): the source's records the run did not see (last_synced_at before the run
 * started) may be gone. A listing read by offset can skip a record when it moves during the run (a
 * delete on a page already read shifts the next one past it), so only the ones the source confirmed
 * gone (`confirmedGone`: its detail answered 404, Connector.confirmGone) are taken as deleted. Each is
 * marked deleted in source and the archive rule of a
 * deletion applied to its client (applyDeletion: archived unless another source still has it
 * active, never with open invoices: that is the run's issue), audited as the run's. A record the
 * run listed but could not read or apply (an issue of the run names it) is not gone.
 *
 * Its content hash is set to one no content hashes to, so that the client seen again in a later
 * listing is applied again (and restored, as a deleted record active again is), even unchanged. One
 * whose archive was refused keeps apply's "applied in part" hash, and the next complete run tries again.
 */
export async function archiveUnlisted(tx: WriteTransaction, target: SyncTarget, runStartedAt: string, confirmedGone: readonly string[]): Promise<PageOutcome> {
  if (confirmedGone.length === 0) return { counts: zeroCounts(), issues: [], heldBack: null };
  // Checked again here: a record seen (or failed) since the source was asked is not archived.
  const rows = await tx.query<{ source_id: string; raw: Record<string, unknown> }>(
    `SELECT source_id, raw FROM source_record s WHERE ${UNLISTED} AND source_id = ANY($5::varchar[]) ORDER BY source_id`,
    [target.sourceSystemId, runStartedAt, target.runId, PARTLY_APPLIED, confirmedGone],
  );
  if (rows.length === 0) return { counts: zeroCounts(), issues: [], heldBack: null };
  // The stored record, deleted: it matches its client by the link, changes none of its fields, and
  // carries no nested resources (an archived client keeps what Aptic last sent).
  const records = rows.map((row): { ok: true; record: SourceClientRecord } => ({
    ok: true,
    record: { kind: target.kind, sourceId: row.source_id, sourceUpdatedAt: null, sourceCreatedAt: null, deletedInSource: true, deletedAt: null, values: {}, externalIdentifiers: [], unmapped: {}, issues: [], raw: row.raw },
  }));
  const outcome = await applyPageSafely(tx, { ...target, reapplyUnchanged: true }, { records, failedFetches: [], unchangedIds: [] });
  await tx.query(`UPDATE source_record SET content_hash = $3 WHERE source_system_id = $1 AND source_id = ANY($2::varchar[]) AND deleted_in_source AND content_hash <> $4`, [
    target.sourceSystemId,
    rows.map((row) => row.source_id),
    GONE_FROM_LISTING,
    PARTLY_APPLIED,
  ]);
  // Not fetched by the run, and not "unchanged": only what the rule did counts (archived, failed).
  return { ...outcome, counts: { ...outcome.counts, fetched: 0, unchanged: 0 } };
}

/**
 * The source's records a complete run did not see (nor names in an issue), apart from `listed` (the
 * last page's, not applied yet), at most `limit` of them: the ones to ask the source about
 * (Connector.confirmGone) before archiveUnlisted. Read outside the page's transaction.
 */
export async function unlistedRecords(tx: WriteTransaction, target: SyncTarget, runStartedAt: string, listed: readonly string[], limit: number): Promise<string[]> {
  const rows = await tx.query<{ source_id: string }>(
    `SELECT source_id FROM source_record s WHERE ${UNLISTED} AND NOT (source_id = ANY($5::varchar[])) ORDER BY source_id LIMIT $6`,
    [target.sourceSystemId, runStartedAt, target.runId, PARTLY_APPLIED, listed, limit],
  );
  return rows.map((row) => row.source_id);
}

/** A record of the source ($1) not seen by the run ($3, started at $2) and not gone already ($4: an archive refused before). */
const UNLISTED = `source_system_id = $1 AND (NOT deleted_in_source OR content_hash = $4) AND last_synced_at < $2
  AND NOT EXISTS (SELECT 1 FROM sync_issue i WHERE i.run_id = $3 AND i.source_id = s.source_id)`;

/** apply.ts's hash of a record applied in part (an archive refused). */
const PARTLY_APPLIED = "0".repeat(64);

/** The content hash of a record gone from its listing: no record's content hashes to it. */
const GONE_FROM_LISTING = "f".repeat(64);
