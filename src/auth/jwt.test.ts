import { SignJWT } from "jose";
import { TokenVerifier, VERIFIED_TOKEN_MAX_LENGTH, VERIFIED_TOKEN_TTL_MS } from "./jwt";

const SECRET = "a-secret-for-the-token-cache-tests-0123456789";
const verifier = () => new TokenVerifier({ secret: SECRET, jwksUrl: null, issuer: null, audience: null, maxLifetimeHours: 24 });
const sign = (exp: number, scope = "clients:read", extra: Record<string, unknown> = {}) =>
  new SignJWT({ companies: ["1"], scope, exp, ...extra }).setProtectedHeader({ alg: "HS256" }).setSubject("someone").setIssuedAt().sign(new TextEncoder().encode(SECRET));

describe("TokenVerifier's cache of verified tokens", () => {
  afterEach(() => jest.useRealTimers());

  it("answers a token again without losing a check: past its exp it is refused, cached or not", async () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 0, 1, 12), doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    const tokens = verifier();
    const exp = Math.floor(Date.now() / 1000) + 20;
    const token = await sign(exp);
    expect((await tokens.verify(token)).scopes).toEqual(new Set(["clients:read"]));
    expect((await tokens.verify(token)).subject).toBe("someone");
    // Past exp and the 30 s tolerance (within the cache's TTL): refused although it was verified 51 s ago.
    jest.setSystemTime((exp + 31) * 1000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("takes a cached token at most VERIFIED_TOKEN_TTL_MS, then checks it again", async () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 0, 1, 12), doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    const token = await sign(Math.floor(Date.now() / 1000) + 3600);
    const tokens = verifier();
    await tokens.verify(token);
    // A verifier that no longer holds the secret: only its cache can answer.
    (tokens as unknown as { secret: null }).secret = null;
    await expect(tokens.verify(token)).resolves.toMatchObject({ subject: "someone" });
    jest.setSystemTime(Date.now() + VERIFIED_TOKEN_TTL_MS);
    await expect(tokens.verify(token)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("keys the cache by the whole token: another token with other scopes is verified on its own", async () => {
    const tokens = verifier();
    const exp = Math.floor(Date.now() / 1000) + 3600;
    await tokens.verify(await sign(exp));
    expect((await tokens.verify(await sign(exp, "clients:read clients:pii"))).scopes).toEqual(new Set(["clients:read", "clients:pii"]));
    const good = await sign(exp);
    const at = good.length - 10; // inside the signature, clear of its last character's unused bits
    const forged = good.slice(0, at) + (good[at] === "A" ? "B" : "A") + good.slice(at + 1);
    await expect(tokens.verify(forged)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("keeps no token longer than VERIFIED_TOKEN_MAX_LENGTH: such a token is checked every time", async () => {
    const token = await sign(Math.floor(Date.now() / 1000) + 3600, "clients:read", { padding: "x".repeat(VERIFIED_TOKEN_MAX_LENGTH) });
    expect(token.length).toBeGreaterThan(VERIFIED_TOKEN_MAX_LENGTH);
    const tokens = verifier();
    await tokens.verify(token);
    (tokens as unknown as { secret: null }).secret = null;
    await expect(tokens.verify(token)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });
});
