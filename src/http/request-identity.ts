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

/**
 * The X-Request-Id of a request Node's parser refused (headers too large, malformed), from the
 * bytes it had read (`rawPacket`), so that refusal keeps the caller's id too; undefined when it
 * isn't there (or is cut off: then it can't end its line and isn't taken).
 */
export function requestIdInRawHead(raw: Buffer | undefined): string | undefined {
  if (!raw) return undefined;
  const head = raw.subarray(0, 64 * 1024).toString("latin1");
  const match = /\r\nx-request-id:[ \t]*([^\r\n]*?)[ \t]*\r\n/i.exec(head);
  return match?.[1];
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
