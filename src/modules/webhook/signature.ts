import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A new signing secret: 32 random bytes, shown to the subscriber once. */
export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString("base64url")}`;

/** `Gateway-Signature: t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}.{body}")}` (API.md). */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

/** What a receiver does (the README shows it): true when the header signs this body with this secret. */
export function verifySignature(secret: string, body: string, header: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
