import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/** How a source system is authenticated (SOURCES.md: SourceAuthInput). Write-only in the API. */
export interface SourceCredentials {
  bearerToken?: string;
  apiKey?: string;
  oauth2?: OAuth2ClientCredentials;
}

export interface OAuth2ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

/** The stored form's version prefix: a later key or algorithm gets another. */
const FORMAT = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Binds the ciphertext to its use, so a value sealed elsewhere with the same key does not open here. */
const AAD = Buffer.from("client-data-gateway:source-credentials:v1");

/** A stored value that does not open: tampered with, truncated, or sealed with another key. Says nothing of the value. */
export class CredentialsError extends Error {
  constructor(message = "The stored source credentials cannot be decrypted (wrong SOURCE_CREDENTIALS_KEY, or the value was altered)") {
    super(message);
    this.name = "CredentialsError";
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new Error("The credentials key must be 32 bytes (AES-256)");
}

/**
 * Seals and opens source credentials with AES-256-GCM: a random 96-bit IV per value, the 128-bit
 * tag checked on the way back. Stored as `v1.<iv>.<ciphertext>.<tag>` (base64url parts). The
 * plaintext never leaves this class except through `decrypt`, and no error carries it.
 */
export class CredentialsCipher {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    checkKey(key);
    this.#key = Buffer.from(key);
  }

  encrypt(credentials: SourceCredentials): string {
    const plaintext = Buffer.from(JSON.stringify(normalise(credentials)), "utf8");
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(AAD);
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT, iv, ciphertext, tag].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
  }

  decrypt(stored: string): SourceCredentials {
    const parts = stored.split(".");
    if (parts.length !== 4 || parts[0] !== FORMAT) throw new CredentialsError();
    const [iv, ciphertext, tag] = parts.slice(1).map((part) => Buffer.from(part, "base64url"));
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new CredentialsError();
    let plaintext: Buffer;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(AAD);
      decipher.setAuthTag(tag);
      plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      throw new CredentialsError();
    }
    try {
      return normalise(JSON.parse(plaintext.toString("utf8")) as SourceCredentials);
    } catch {
      throw new CredentialsError();
    }
  }

  /**
   * A keyed digest of credentials (HMAC-SHA256 under a key derived from this one): tells two calls
   * with one idempotency key apart without keeping the secret, nor a plain hash of it that could
   * be tried against guesses by whoever reads the idempotency table.
   */
  digest(credentials: SourceCredentials): string {
    const key = createHmac("sha256", this.#key).update("client-data-gateway:source-credentials:digest:v1").digest();
    return createHmac("sha256", key).update(JSON.stringify(normalise(credentials))).digest("hex");
  }

  /** Never the key, whatever logs or inspects this object. */
  toJSON(): string {
    return "[CredentialsCipher]";
  }
}

/** Keeps only the known fields, each a string (an unknown key or a non-string is refused). */
function normalise(credentials: SourceCredentials): SourceCredentials {
  if (credentials === null || typeof credentials !== "object") throw new TypeError("Source credentials must be an object");
  const out: SourceCredentials = {};
  for (const key of Object.keys(credentials)) {
    if (key !== "bearerToken" && key !== "apiKey" && key !== "oauth2") throw new TypeError(`Unknown source credential "${key}"`);
  }
  if (credentials.bearerToken !== undefined) out.bearerToken = text(credentials.bearerToken, "bearerToken");
  if (credentials.apiKey !== undefined) out.apiKey = text(credentials.apiKey, "apiKey");
  if (credentials.oauth2 !== undefined) {
    const oauth2 = credentials.oauth2;
    if (oauth2 === null || typeof oauth2 !== "object") throw new TypeError("oauth2 must be an object");
    out.oauth2 = {
      tokenUrl: text(oauth2.tokenUrl, "oauth2.tokenUrl"),
      clientId: text(oauth2.clientId, "oauth2.clientId"),
      clientSecret: text(oauth2.clientSecret, "oauth2.clientSecret"),
      ...(oauth2.scope !== undefined ? { scope: text(oauth2.scope, "oauth2.scope") } : {}),
    };
  }
  return out;
}

function text(value: unknown, name: string): string {
  // The name only: the value may be a secret.
  if (typeof value !== "string") throw new TypeError(`${name} must be a string`);
  return value;
}
