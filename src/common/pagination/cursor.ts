import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { badUserInput, GatewayError, RequestErrorCode } from "../errors";

/**
 * Cursors name a position by the sort values of a row, the row's id last, so rows inserted before
 * a cursor do not move it. Those values can be personal (an org number that is a personnummer),
 * so a cursor is sealed: AES-256-GCM under a key derived from the server's secret. The caller can
 * neither read nor forge one; a cursor of another server secret or list is BAD_USER_INPUT.
 */
export type CursorValues = (string | number | boolean | null)[];

/**
 * What a cursor was made under: its list (connection), its effective order and its filter/search
 * arguments. A cursor carries a short hash of the order and of the canonicalised filter, so one
 * reused under another is refused (BAD_USER_INPUT, reason CURSOR_MISMATCH) instead of misread.
 */
export interface CursorScope {
  list: string;
  order: string;
  filter?: unknown;
}

/**
 * JSON with keys sorted and empty members (null, undefined, {}) dropped, an empty object being null:
 * filters that select the same rows by the same arguments give the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, canonicalJson(v)] as const)
      .filter(([, v]) => v !== "null")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length === 0 ? "null" : `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** 6 characters (36 bits) of SHA-256: enough to tell an order or filter from another, small in a cursor. */
const shortHash = (text: string): string => createHash("sha256").update(text).digest("base64url").slice(0, 6);

/** `list|order hash|filter hash`: base64url and list names hold no "|". */
const header = (scope: CursorScope): string => `${scope.list}|${shortHash(scope.order)}|${shortHash(canonicalJson(scope.filter ?? null))}`;

export const CURSOR_MISMATCH = "CURSOR_MISMATCH";

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CursorCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash("sha256").update(`client-gateway cursor v1\u0000${secret}`).digest();
  }

  encode(values: CursorValues, scope?: CursorScope): string {
    if (scope) values = [header(scope), ...values];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
  }

  /** Opens a cursor made by `encode` with `length` values; anything else is BAD_USER_INPUT. */
  decode(cursor: string, length: number, argument = "after", scope?: CursorScope): CursorValues {
    const values = this.open(cursor, length + (scope ? 1 : 0), argument);
    if (!scope) return values;
    const [list, order, filter] = String(values[0]).split("|");
    const [wantList, wantOrder, wantFilter] = header(scope).split("|");
    const mismatch = list !== wantList ? "list" : order !== wantOrder ? "order" : filter !== wantFilter ? "filter" : null;
    if (mismatch === null) return values.slice(1);
    const message =
      mismatch === "list"
        ? `"${argument}" is a cursor of another list`
        : mismatch === "order"
          ? `"${argument}" was made under another orderBy: use it with the orderBy it came from, or start again without it`
          : `"${argument}" was made under another filter or search: use it with the arguments it came from, or start again without it`;
    throw new GatewayError(RequestErrorCode.BAD_USER_INPUT, message, { field: argument, reason: CURSOR_MISMATCH, mismatch });
  }

  private open(cursor: string, length: number, argument: string): CursorValues {
    try {
      const raw = Buffer.from(cursor, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
      const values: unknown = JSON.parse(text);
      if (
        Array.isArray(values) &&
        values.length === length &&
        values.every((v) => v === null || ["string", "number", "boolean"].includes(typeof v))
      ) {
        return values as CursorValues;
      }
    } catch {
      // falls through to the error below
    }
    throw badUserInput(`"${argument}" is not a cursor of this list`, argument);
  }
}
