import { randomUUID } from "node:crypto";

/**
 * A caller's X-Request-Id is kept when it is 1–128 characters of [A-Za-z0-9._:-] (a UUID is one),
 * so a request can be followed across systems; anything else (empty, too long, spaces, control
 * characters, several values) is replaced by a fresh UUID.
 */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === "string" && WELL_FORMED_REQUEST_ID.test(header) ? header : randomUUID();
}

/** The longest apollographql-client-name/-version kept in the request log. */
export const CLIENT_FIELD_MAX = 64;

/**
 * Apollo's client name or version header as logged: printable ASCII only (anything else dropped),
 * at most CLIENT_FIELD_MAX characters; null when absent or empty once cleaned.
 */
export function clientFieldOf(header: string | string[] | undefined): string | null {
  if (typeof header !== "string") return null;
  const cleaned = header.replace(/[^\x20-\x7e]/g, "").trim().slice(0, CLIENT_FIELD_MAX);
  return cleaned === "" ? null : cleaned;
}
