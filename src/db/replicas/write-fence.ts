/**
 * The write fences' statements and the read route's shape, apart from the replicas' pools
 * (read-replicas.ts), so that the request session and the mutation pipeline import no data source.
 */

/**
 * Where a query operation's reads went, and why: in the request's log line (`readFrom`,
 * `readReason`) and the metrics.
 * - `replica`: a replica that had applied the caller's every write.
 * - `caller-wrote`: the replica picked had not yet applied the caller's last write.
 * - `replica-unavailable`: no replica answered (all down, or left out since they failed).
 */
export interface ReadRoute {
  target: "primary" | "replica";
  reason: "replica" | "caller-wrote" | "replica-unavailable";
  /** Which replica ("replica-1", in DATABASE_READ_URL's order), when one served the reads. */
  replica?: string;
}

/** The caller's fence in the tenant: its count of committed mutations (a bigint as text), or none. */
export const FENCE_SQL = `SELECT version FROM write_fence WHERE tenant_id = $1 AND subject = $2`;

/**
 * The CTE that bumps the caller's fence (`tenant`, `subject`: SQL expressions, parameters), put
 * into the statement that stores a mutation's call (src/common/mutation/idempotency.ts), so every
 * committed mutation bumps it in its own transaction at no extra statement, whether or not this
 * process reads on replicas (a process that does may serve the caller next). The row commits
 * with the change: a replica that has the new version has the change too, as a replica applies
 * the primary's transactions whole and in commit order. The row's lock is taken in the last
 * statement before COMMIT, when the tenant's commit-order lock (the change feed) is next anyway.
 */
export const fenceBump = (tenant: string, subject: string): string => `fence AS (
       INSERT INTO write_fence (tenant_id, subject) VALUES (${tenant}, ${subject})
       ON CONFLICT (tenant_id, subject) DO UPDATE SET version = write_fence.version + 1, written_at = now()
     )`;

/** Whether a replica's copy of the fence (`seen`) covers the primary's (`fence`). */
export const fencePassed = (fence: string | null, seen: string | null): boolean => fence === null || (seen !== null && BigInt(seen) >= BigInt(fence));
