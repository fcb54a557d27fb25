/**
 * The change feed (API.md, "Change feed, webhooks and federation"): one row per record a committed
 * transaction changed, written by `writeAudit` in the transaction of the change (an outbox), and
 * read in commit order.
 *
 * INTERFACE (being implemented on main by the lead): webhooks read the feed only through
 * `readChanges`, from a position they keep, in a transaction of the tenant.
 */
import type { WriteTransaction } from "../../db/write-transaction";

export enum ClientChangeKind {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  ARCHIVED = "ARCHIVED",
  RESTORED = "RESTORED",
  NESTED_CREATED = "NESTED_CREATED",
  NESTED_UPDATED = "NESTED_UPDATED",
  NESTED_DELETED = "NESTED_DELETED",
}

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

/** The changes after `after` (from the start when null), oldest first, at most `first`. */
export async function readChanges(_tx: WriteTransaction, _after: FeedPosition | null, _first: number): Promise<ChangeRow[]> {
  throw new Error("not implemented yet");
}

export const positionOf = (row: ChangeRow): FeedPosition => ({ seq: row.seq, id: row.id });
