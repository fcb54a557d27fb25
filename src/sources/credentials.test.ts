import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { CredentialsCipher, CredentialsError, SourceCredentials } from "./credentials";
import { DEVELOPMENT_SOURCE_CREDENTIALS_KEY, loadConfig, parseCredentialsKey } from "../config";

const key = randomBytes(32);
const cipher = new CredentialsCipher(key);
const all: SourceCredentials = {
  bearerToken: "crm-token-123",
  apiKey: "aptic-key-456",
  oauth2: { tokenUrl: "https://id.example.test/token", clientId: "gateway", clientSecret: "s3cr3t", scope: "clients.read" },
};

describe("CredentialsCipher", () => {
  it("opens what it sealed, each shape", () => {
    for (const value of [all, { bearerToken: "t" }, { apiKey: "k" }, { oauth2: { tokenUrl: "https://x.test/t", clientId: "c", clientSecret: "s" } }, {}]) {
      expect(cipher.decrypt(cipher.encrypt(value))).toEqual(value);
    }
  });

  it("uses a fresh IV per value: the same credentials seal differently", () => {
    const a = cipher.encrypt(all);
    const b = cipher.encrypt(all);
    expect(a).not.toBe(b);
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
  });

  it("shows nothing of the secret in the stored value", () => {
    const stored = cipher.encrypt(all);
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    for (const secret of ["crm-token-123", "aptic-key-456", "s3cr3t", Buffer.from("s3cr3t").toString("base64url")]) expect(stored).not.toContain(secret);
  });

  it("refuses a tampered value: any flipped byte of IV, ciphertext or tag, truncation, another key", () => {
    const stored = cipher.encrypt(all);
    const parts = stored.split(".");
    for (const index of [1, 2, 3]) {
      const bytes = Buffer.from(parts[index], "base64url");
      bytes[bytes.length >> 1] ^= 0x01;
      const tampered = [...parts];
      tampered[index] = bytes.toString("base64url");
      expect(() => cipher.decrypt(tampered.join("."))).toThrow(CredentialsError);
    }
    expect(() => cipher.decrypt(stored.slice(0, -4))).toThrow(CredentialsError);
    expect(() => cipher.decrypt(parts.slice(0, 3).join("."))).toThrow(CredentialsError);
    expect(() => cipher.decrypt(`v2.${parts.slice(1).join(".")}`)).toThrow(CredentialsError);
    expect(() => cipher.decrypt("")).toThrow(CredentialsError);
    expect(() => new CredentialsCipher(randomBytes(32)).decrypt(stored)).toThrow(CredentialsError);
  });

  it("says nothing of the value or the key in its errors and when inspected or serialised", () => {
    let message = "";
    try {
      cipher.decrypt(`${cipher.encrypt(all)}x`);
    } catch (error) {
      message = `${String(error)} ${JSON.stringify(error)} ${inspect(error)}`;
    }
    expect(message).toMatch(/cannot be decrypted/);
    expect(() => cipher.encrypt({ bearerToken: 42 } as unknown as SourceCredentials)).toThrow("bearerToken must be a string");
    expect(() => cipher.encrypt({ password: "hunter2" } as unknown as SourceCredentials)).toThrow(/Unknown source credential "password"/);
    const hex = key.toString("hex");
    const b64 = key.toString("base64");
    for (const shown of [JSON.stringify({ cipher }), inspect(cipher, { showHidden: true, depth: 5 }), String(cipher)]) {
      expect(shown).not.toContain(hex);
      expect(shown).not.toContain(b64);
      expect(shown).not.toMatch(/[0-9a-f]{64}/);
    }
  });

  it("needs a 32-byte key", () => {
    expect(() => new CredentialsCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe("SOURCE_CREDENTIALS_KEY", () => {
  it("takes 32 bytes as hex or base64, and nothing else", () => {
    const bytes = randomBytes(32);
    expect(parseCredentialsKey(bytes.toString("hex"))).toEqual(bytes);
    expect(parseCredentialsKey(bytes.toString("base64"))).toEqual(bytes);
    expect(parseCredentialsKey(bytes.toString("base64url"))).toEqual(bytes);
    for (const bad of ["", "short", "00".repeat(31), "00".repeat(33), randomBytes(24).toString("base64"), randomBytes(33).toString("base64"), "a-passphrase-that-is-long-enough-but-is-no-key!!"]) {
      expect(() => parseCredentialsKey(bad)).toThrow(/SOURCE_CREDENTIALS_KEY must be 32 bytes/);
    }
  });

  it("is required in production; outside it a fixed development key stands in", () => {
    const jwt = { JWT_SECRET: "a-production-secret-of-at-least-32-chars" };
    expect(() => loadConfig({ NODE_ENV: "production", ...jwt })).toThrow(/SOURCE_CREDENTIALS_KEY/);
    expect(() => loadConfig({ NODE_ENV: "production", ...jwt, SOURCE_CREDENTIALS_KEY: "nope" })).toThrow(/32 bytes/);
    const key = randomBytes(32);
    expect(loadConfig({ NODE_ENV: "production", ...jwt, SOURCE_CREDENTIALS_KEY: key.toString("base64") }).sourceCredentialsKey).toEqual(key);
    expect(loadConfig({}).sourceCredentialsKey).toEqual(DEVELOPMENT_SOURCE_CREDENTIALS_KEY);
    // The development key is public: set explicitly in production, it would seal nothing.
    for (const encoded of [DEVELOPMENT_SOURCE_CREDENTIALS_KEY.toString("hex"), DEVELOPMENT_SOURCE_CREDENTIALS_KEY.toString("base64")]) {
      expect(() => loadConfig({ NODE_ENV: "production", ...jwt, SOURCE_CREDENTIALS_KEY: encoded })).toThrow(/development key/);
    }
    expect(DEVELOPMENT_SOURCE_CREDENTIALS_KEY).toHaveLength(32);
  });
});
