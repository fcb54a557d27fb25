/**
 * The change feed (API.md, "Change feed, webhooks and federation"): one row per record a committed
 * transaction changed, written by `writeAudit` in the transaction of the change (an outbox: the
 * mutation pipeline, the sync's apply and the action worker all write through it, and a dry run or a
 * refused call writes no audit, so no change either), and read in commit order.
 *
 * Why a reader never misses a change, nor sees one twice:
 * - Every change row belongs to its transaction's one commit row (client_change_commit, keyed by
 *   tenant and transaction id). The commit row's `seq` is set by a deferred constraint trigger,
 *   which runs when the transaction commits, after its last statement, while holding a per-tenant
 *   advisory lock; the lock is released only after the commit is visible to others (PostgreSQL
 *   releases a transaction's locks after it leaves the proc array). So of two transactions of one
 *   tenant, the one that takes the lock second takes the higher `seq` and becomes visible after the
 *   first one already is: `seq` order is visibility order, per tenant.
 * - A reader reads rows with `(seq, id)` after its position, in that order. Any transaction it can't
 *   see yet has not taken its `seq` yet (or is waiting for the lock), so it will get a `seq` higher
 *   than every one visible now, including the reader's position: it lands after the cursor, never
 *   behind it. A transaction that rolls back leaves no row. Rows inside one transaction are ordered
 *   by id, so a page may end within a transaction and the next one goes on from there.
 * - The cost is that one tenant's commits take their `seq` one at a time (the lock is held from the
 *   trigger to the end of the commit, its WAL flush included); other tenants never wait, and the rest
 *   of the transaction runs in parallel as before. The alternative, ordering by transaction id and
 *   handing out only what is older than the oldest transaction in flight, needs no lock but is not
 *   commit order, and one long transaction anywhere in the database holds every tenant's feed back.
 *
 * Retention: `purgeChangeFeed` removes whole transactions committed before the retention period
 * and keeps, per tenant, the position of the last change removed (client_change_horizon): a cursor
 * before it has missed changes and is refused with the oldest cursor still served.
 */
import { TENANT_SETTING } from "../../db/tenant-session";
import { ClientChangeKind } from "./change-kind";

export { ClientChangeKind };

/** A place in the feed: after the change `id` of the transaction committed as `seq`. Opaque to callers (see `encodeFeedCursor`). */
export interface FeedPosition {
  seq: string;
  id: string;
}

/** One change as stored (table client_change, joined with its transaction's commit row). */
export interface ChangeRow {
  /** The change's own id (bigint as text): the webhook payload's `id` and the delivery's identity. */
  id: string;
  /** The commit sequence of its transaction (bigint as text). */
  seq: string;
  clientId: string;
  kind: ClientChangeKind;
  /** The GraphQL type name of a nested record (BankAccount, ClientParameter, ...); null for the client itself. */
  resource: string | null;
  resourceId: string | null;
  /** When its transaction committed. */
  changedAt: Date;
  fields: string[];
  sourceSystemId: string | null;
  requestId: string | null;
}

/** What runs a statement in a transaction of the tenant: a WriteTransaction, or a request's read session's EntityManager. */
export interface FeedReader {
  query(sql: string, parameters?: unknown[]): Promise<unknown[]>;
}

interface Stored {
  id: string;
  seq: string;
  client_id: string;
  kind: ClientChangeKind;
  resource: string | null;
  resource_id: string | null;
  committed_at: Date;
  fields: string[];
  source_system_id: string | null;
  request_id: string | null;
}

/**
 * The changes after `after` (from the start when null), oldest first, at most `first`, and the
 * tenant's horizon (the last change the retention purge removed; null while none was): one
 * statement, down the commit index from the position (never a scan of the feed), then each
 * transaction's changes by the (tenant, xact, id) index. Row-level security limits it to the
 * transaction's tenant.
 */
export async function readFeedPage(reader: FeedReader, after: FeedPosition | null, first: number): Promise<{ rows: ChangeRow[]; horizon: FeedPosition | null }> {
  const found = (await reader.query(
    `WITH page AS (
       SELECT ch.id, c.seq, ch.client_id, ch.kind, ch.resource, ch.resource_id, c.committed_at, ch.fields, ch.source_system_id, ch.request_id
         FROM client_change_commit c
         JOIN client_change ch ON ch.tenant_id = c.tenant_id AND ch.xact = c.xact
        WHERE c.tenant_id = current_setting('${TENANT_SETTING}', true)
          AND c.seq >= $1::bigint AND (c.seq > $1::bigint OR ch.id > $2::bigint)
        ORDER BY c.seq, ch.id
        LIMIT $3
     )
     SELECT page.*, h.seq AS horizon_seq, h.change_id AS horizon_id
       FROM (SELECT 1) AS one
       LEFT JOIN client_change_horizon h ON h.tenant_id = current_setting('${TENANT_SETTING}', true)
       LEFT JOIN page ON true
      ORDER BY page.seq, page.id`,
    [after?.seq ?? "0", after?.id ?? "0", first],
  )) as (Stored & { horizon_seq: string | null; horizon_id: string | null })[];
  const horizon = found[0]?.horizon_seq != null ? { seq: found[0].horizon_seq, id: found[0].horizon_id! } : null;
  const rows = found
    .filter((r) => r.id !== null)
    .map((r) => ({
      id: r.id,
      seq: r.seq,
      clientId: r.client_id,
      kind: r.kind,
      resource: r.resource,
      resourceId: r.resource_id,
      changedAt: r.committed_at,
      fields: r.fields,
      sourceSystemId: r.source_system_id,
      requestId: r.request_id,
    }));
  return { rows, horizon };
}

/** The changes after `after` (from the start when null), oldest first, at most `first` (readFeedPage without the horizon). */
export async function readChanges(reader: FeedReader, after: FeedPosition | null, first: number): Promise<ChangeRow[]> {
  return (await readFeedPage(reader, after, first)).rows;
}

/** Whether `position` is before `horizon` (a reader there has missed changes the purge removed). */
export function isBefore(position: FeedPosition | null, horizon: FeedPosition | null): boolean {
  if (horizon === null) return false;
  if (position === null) return true;
  const [a, b] = [BigInt(position.seq), BigInt(horizon.seq)];
  return a < b || (a === b && BigInt(position.id) < BigInt(horizon.id));
}

/**
 * Removes the changes of transactions committed more than `retentionDays` ago, of every tenant
 * (run by the owner, outside row-level security, as the dispatcher's housekeeping), and moves each
 * tenant's horizon to the last change removed. Whole transactions go at once, in one statement.
 */
export async function purgeChangeFeed(runner: FeedReader, retentionDays: number): Promise<number> {
  const [row] = (await runner.query(
    `WITH gone AS (
       DELETE FROM client_change_commit c WHERE c.committed_at < now() - make_interval(days => $1::int) RETURNING c.tenant_id, c.xact, c.seq
     ), changes AS (
       DELETE FROM client_change ch USING gone WHERE ch.tenant_id = gone.tenant_id AND ch.xact = gone.xact RETURNING ch.tenant_id, ch.id, gone.seq
     ), last AS (
       SELECT DISTINCT ON (tenant_id) tenant_id, seq, id FROM changes ORDER BY tenant_id, seq DESC, id DESC
     ), moved AS (
       INSERT INTO client_change_horizon (tenant_id, seq, change_id) SELECT tenant_id, seq, id FROM last
       ON CONFLICT (tenant_id) DO UPDATE SET seq = excluded.seq, change_id = excluded.change_id
         -- Only forward: two processes' purges at once must not leave the lower of their horizons.
         WHERE (excluded.seq, excluded.change_id) > (client_change_horizon.seq, client_change_horizon.change_id)
     )
     SELECT count(*)::int AS removed FROM changes`,
    [retentionDays],
  )) as { removed: number }[];
  return row?.removed ?? 0;
}

export const positionOf = (row: ChangeRow): FeedPosition => ({ seq: row.seq, id: row.id });
