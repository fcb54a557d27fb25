import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { fenceBump } from "../../db/replicas/write-fence";
import type { WriteTransaction } from "../../db/write-transaction";
import { hasVisibleCharacter } from "../validation/text";

/** Keys are kept at least this long (API.md); IDEMPOTENCY_TTL_HOURS may only lengthen it. */
export const MIN_IDEMPOTENCY_TTL_HOURS = 24;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * Control and format characters (zero-width spaces, bidi controls, line breaks), line and
 * paragraph separators, and lone surrogates: two keys that differ only by them look alike in a log
 * or a support ticket, and a lone surrogate is stored as U+FFFD, so "k\ud800" and "k\udfff" would
 * share one record.
 */
const UNSEEN_IN_KEY = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/** What is wrong with an idempotency key; null when it is fine. */
export function idempotencyKeyProblem(key: string): string | null {
  if (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) return `Must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`;
  if (!hasVisibleCharacter(key)) return "Must contain a visible character";
  if (UNSEEN_IN_KEY.test(key)) return "Must not contain control or format characters (such as U+200B or a line break)";
  return null;
}

/** JSON with object keys sorted and undefined dropped: equal arguments give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/** What tells two calls with one key apart: a SHA-256 of the canonical arguments. */
export function requestHash(args: unknown): string {
  return createHash("sha256").update(canonicalJson(args)).digest("hex");
}

export interface StoredCall {
  requestHash: string;
  payload: unknown;
}

/**
 * The key's transaction-scoped advisory lock, taken without waiting: false means another call
 * with this key is running right now (IDEMPOTENCY_KEY_IN_USE). The lock names tenant, mutation
 * and key, and is released when the transaction ends.
 */
export async function tryLockKey(tx: WriteTransaction, tenantId: string, mutation: string, key: string): Promise<boolean> {
  const [row] = await tx.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked", [
    JSON.stringify(["idempotency", tenantId, mutation, key]),
  ]);
  return row.locked;
}

/** The stored call of this key, unless it has expired (the tenant comes from the session: RLS). */
export async function findStoredCall(tx: WriteTransaction, mutation: string, key: string): Promise<StoredCall | null> {
  const [row] = await tx.query<{ request_hash: string; payload: unknown }>(
    `SELECT request_hash, payload FROM idempotency_key
      WHERE tenant_id = current_setting('app.tenant_id', true) AND mutation = $1 AND key = $2 AND expires_at > now()`,
    [mutation, key],
  );
  return row ? { requestHash: row.request_hash, payload: row.payload } : null;
}

/**
 * Stores the call in the transaction of its change. An expired record of the same key is
 * replaced; a live one cannot exist here, because the caller holds the key's lock and looked.
 */
export async function storeCall(
  tx: WriteTransaction,
  tenantId: string,
  mutation: string,
  key: string,
  call: StoredCall,
  ttlHours: number,
  /** The caller's token subject, whose write fence the same statement bumps (src/db/replicas/write-fence.ts). */
  subject: string,
): Promise<void> {
  await tx.query(
    `WITH ${fenceBump("$1", "$7")}
     INSERT INTO idempotency_key (tenant_id, mutation, key, request_hash, payload, expires_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, now() + make_interval(hours => $6))
     ON CONFLICT (tenant_id, mutation, key) DO UPDATE
       SET request_hash = EXCLUDED.request_hash, payload = EXCLUDED.payload,
           created_at = now(), expires_at = EXCLUDED.expires_at
       WHERE idempotency_key.expires_at <= now()`,
    [tenantId, mutation, key, call.requestHash, JSON.stringify(call.payload), ttlHours, subject],
  );
}

/** Replaces the stored payload (after a post-commit follow-up such as the VIES check changed it). */
export async function updateStoredPayload(tx: WriteTransaction, mutation: string, key: string, payload: unknown, subject: string): Promise<void> {
  await tx.query(
    `WITH ${fenceBump("current_setting('app.tenant_id', true)", "$4")}
     UPDATE idempotency_key SET payload = $3::jsonb
      WHERE tenant_id = current_setting('app.tenant_id', true) AND mutation = $1 AND key = $2`,
    [mutation, key, JSON.stringify(payload), subject],
  );
}

/**
 * Deletes expired keys of every tenant (run as the tables' owner, outside row-level security):
 * by the server's periodic job and by `npm run purge-idempotency`. Returns how many went.
 */
export async function purgeExpiredIdempotencyKeys(dataSource: DataSource): Promise<number> {
  const [, affected] = (await dataSource.query("DELETE FROM idempotency_key WHERE expires_at <= now()")) as [unknown, number];
  return affected ?? 0;
}
