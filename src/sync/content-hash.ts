import { requestHash } from "../common/mutation/idempotency";

/**
 * The hash of a record's content as the gateway stores it (`source_record.content_hash`, 64 hex
 * characters): SHA-256 of its canonical JSON (object keys sorted at every depth, array order kept,
 * undefined left out), the same canonical form the idempotency keys' request hash uses. A run skips
 * a record whose hash is unchanged (SOURCES.md: Aptic has no change timestamp), and applying a
 * record twice changes nothing, so a second run is all "unchanged".
 */
export const contentHash = (content: unknown): string => requestHash(content);
