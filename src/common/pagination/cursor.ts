import { badUserInput } from "../errors";

/**
 * Opaque cursors: base64url of a JSON array of the sort values of a row, the row's id last.
 * A cursor names a position in the order, not an offset, so rows inserted before it do not move it.
 */
export type CursorValues = (string | number | boolean | null)[];

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/** Decodes a cursor made by `encodeCursor` with `length` values; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, length: number, argument = "after"): CursorValues {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
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
