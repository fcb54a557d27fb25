import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { badUserInput } from "../errors";

/**
 * Cursors name a position by the sort values of a row, the row's id last, so rows inserted before
 * a cursor do not move it. Those values can be personal (an org number that is a personnummer),
 * so a cursor is sealed: AES-256-GCM under a key derived from the server's secret. The caller can
 * neither read nor forge one; a cursor of another server secret or list is BAD_USER_INPUT.
 */
export type CursorValues = (string | number | boolean | null)[];

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CursorCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash("sha256").update(`client-gateway cursor v1\u0000${secret}`).digest();
  }

  encode(values: CursorValues): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
  }

  /** Opens a cursor made by `encode` with `length` values; anything else is BAD_USER_INPUT. */
  decode(cursor: string, length: number, argument = "after"): CursorValues {
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
