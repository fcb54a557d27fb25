import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, exportSPKI, generateKeyPair, JWK, SignJWT } from "jose";
import { TestGateway } from "./helpers/harness";
import { JWKS_REFETCH_COOLDOWN_MS } from "../src/auth/jwt";

/** An identity provider's JWKS endpoint: the keys it publishes can change, and it counts fetches. */
class FakeJwks {
  keys: JWK[] = [];
  fetches = 0;
  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeJwks> {
    let self: FakeJwks | undefined;
    const server = http.createServer((_req, res) => {
      self!.fetches += 1;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: self!.keys }));
    });
    self = new FakeJwks(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
const ISSUER = "https://id.example.test/";
const AUDIENCE = "client-data-gateway";

let jwks: FakeJwks;
let gateway: TestGateway;
let rsa: KeyPair;
let ec: KeyPair;
let tenant: string;

async function publish(kid: string, pair: KeyPair, alg: string): Promise<void> {
  jwks.keys.push({ ...(await exportJWK(pair.publicKey)), kid, alg, use: "sig" });
}

interface SignOptions {
  alg?: string;
  kid?: string;
  key?: KeyPair["privateKey"] | Uint8Array;
  issuer?: string | null;
  audience?: string | null;
  expiresAt?: number;
  notBefore?: number;
}

function sign(options: SignOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ companies: [tenant], scope: "clients:read" })
    .setProtectedHeader({ alg: options.alg ?? "RS256", kid: options.kid ?? "rsa-1", typ: "JWT" })
    .setSubject("idp-user")
    .setIssuedAt(now)
    .setExpirationTime(options.expiresAt ?? now + 300);
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  if (options.issuer !== null) jwt.setIssuer(options.issuer ?? ISSUER);
  if (options.audience !== null) jwt.setAudience(options.audience ?? AUDIENCE);
  return jwt.sign(options.key ?? rsa.privateKey);
}

async function outcome(token: string, target: TestGateway = gateway): Promise<{ status: number; code: unknown }> {
  const response = await target.send<{ clientsSummary: { accessibleClients: number } }>(`{ clientsSummary { accessibleClients } }`, {}, {
    tenant,
    authorization: `Bearer ${token}`,
  });
  return { status: response.status, code: response.errors?.[0]?.extensions?.code ?? (response.data ? "OK" : "NO DATA") };
}

const ACCEPTED = { status: 200, code: "OK" };
const REFUSED = { status: 401, code: "UNAUTHENTICATED" };

beforeAll(async () => {
  jwks = await FakeJwks.start();
  rsa = await generateKeyPair("RS256", { extractable: true });
  ec = await generateKeyPair("ES256", { extractable: true });
  await publish("rsa-1", rsa, "RS256");
  await publish("ec-1", ec, "ES256");
  gateway = await TestGateway.start({ env: { JWT_JWKS_URL: jwks.url, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE } });
  tenant = gateway.newTenant();
});
afterAll(async () => {
  await gateway.stop();
  await jwks.close();
});
afterEach(() => {
  jest.useRealTimers();
});

describe("tokens from a JWKS (RS256/ES256)", () => {
  it("accepts RS256 and ES256 tokens of published keys, fetching the key set once", async () => {
    const before = jwks.fetches;
    expect(await outcome(await sign())).toEqual(ACCEPTED);
    expect(await outcome(await sign({ alg: "ES256", kid: "ec-1", key: ec.privateKey }))).toEqual(ACCEPTED);
    expect(await outcome(await sign())).toEqual(ACCEPTED);
    expect(jwks.fetches - before).toBeLessThanOrEqual(1);
  });

  it("refetches on an unknown key id at most every 30 s, then accepts a rotated key", async () => {
    await outcome(await sign()); // the set is cached
    const rotated = await generateKeyPair("RS256", { extractable: true });
    await publish("rsa-2", rotated, "RS256");
    // Only Date is faked: the HTTP server, fetch and the database keep real timers.
    jest.useFakeTimers({ doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "requestAnimationFrame", "cancelAnimationFrame", "requestIdleCallback", "cancelIdleCallback", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"] });
    jest.setSystemTime(Date.now() + JWKS_REFETCH_COOLDOWN_MS + 1_000);
    const fetchesBefore = jwks.fetches;
    // The first unknown kid refetches (the cooldown of the last fetch is over) and finds rsa-2.
    expect(await outcome(await sign({ kid: "rsa-2", key: rotated.privateKey }))).toEqual(ACCEPTED);
    expect(jwks.fetches).toBe(fetchesBefore + 1);
    // Unknown kids right after: refused without another fetch, however many come.
    for (let i = 0; i < 5; i += 1) {
      expect(await outcome(await sign({ kid: `nope-${i}` }))).toEqual(REFUSED);
    }
    expect(jwks.fetches).toBe(fetchesBefore + 1);
    // 30 s later one more unknown kid may fetch again.
    jest.setSystemTime(Date.now() + JWKS_REFETCH_COOLDOWN_MS + 1_000);
    expect(await outcome(await sign({ kid: "nope-late" }))).toEqual(REFUSED);
    expect(jwks.fetches).toBe(fetchesBefore + 2);
  });

  it("refuses a token signed by an unpublished key under a published key id", async () => {
    const forger = await generateKeyPair("RS256");
    expect(await outcome(await sign({ key: forger.privateKey }))).toEqual(REFUSED);
  });
});

describe("the JWT attack set: all UNAUTHENTICATED", () => {
  it("refuses alg none", async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: "none", typ: "JWT" })}.${encode({ sub: "x", companies: [tenant], scope: "clients:read", iss: ISSUER, aud: AUDIENCE, exp: now + 300 })}.`;
    expect(await outcome(unsigned)).toEqual(REFUSED);
  });

  it("refuses HS256 signed with the RSA public key (algorithm confusion)", async () => {
    const publicPem = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
    expect(await outcome(await sign({ alg: "HS256", key: publicPem }))).toEqual(REFUSED);
    // ... and with the JWK's modulus as the secret, another form of the same attack.
    const modulus = new TextEncoder().encode(String(jwks.keys[0].n));
    expect(await outcome(await sign({ alg: "HS256", key: modulus }))).toEqual(REFUSED);
  });

  it("refuses a published key of an algorithm that is not pinned (RS384)", async () => {
    const rs384 = await generateKeyPair("RS384", { extractable: true });
    await publish("rsa-384", rs384, "RS384");
    jwks.fetches = 0;
    expect(await outcome(await sign({ alg: "RS384", kid: "rsa-384", key: rs384.privateKey }))).toEqual(REFUSED);
    // Refused by its header alone: no key lookup was needed.
    expect(jwks.fetches).toBe(0);
  });

  it("refuses an HS256 token when no secret is configured, even with the development secret", async () => {
    const { DEVELOPMENT_JWT_SECRET } = await import("../src/config");
    const token = await sign({ alg: "HS256", key: new TextEncoder().encode(DEVELOPMENT_JWT_SECRET) });
    expect(gateway.config.jwtSecret).toBeNull();
    expect(await outcome(token)).toEqual(REFUSED);
  });

  it("refuses tokens expired beyond the 30 s tolerance, and takes one within it", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await outcome(await sign({ expiresAt: now - 45 }))).toEqual(REFUSED);
    expect(await outcome(await sign({ expiresAt: now - 10 }))).toEqual(ACCEPTED);
  });

  it("refuses tokens not yet valid beyond the tolerance, and takes one within it", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await outcome(await sign({ notBefore: now + 120 }))).toEqual(REFUSED);
    expect(await outcome(await sign({ notBefore: now + 10 }))).toEqual(ACCEPTED);
  });

  it("refuses a wrong or missing issuer", async () => {
    expect(await outcome(await sign({ issuer: "https://evil.example.test/" }))).toEqual(REFUSED);
    expect(await outcome(await sign({ issuer: null }))).toEqual(REFUSED);
  });

  it("refuses a wrong or missing audience", async () => {
    expect(await outcome(await sign({ audience: "another-api" }))).toEqual(REFUSED);
    expect(await outcome(await sign({ audience: null }))).toEqual(REFUSED);
  });

  it("refuses a token living longer than JWT_MAX_LIFETIME_HOURS (24 h), such as one expiring in 9999", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await outcome(await sign({ expiresAt: Date.UTC(9999, 11, 31) / 1000 }))).toEqual(REFUSED);
    expect(await outcome(await sign({ expiresAt: now + 24 * 3600 + 120 }))).toEqual(REFUSED);
    expect(await outcome(await sign({ expiresAt: now + 24 * 3600 }))).toEqual(ACCEPTED);
  });

  it("refuses a token without an expiry", async () => {
    const eternal = await new SignJWT({ companies: [tenant], scope: "clients:read" })
      .setProtectedHeader({ alg: "RS256", kid: "rsa-1" })
      .setSubject("idp-user")
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(rsa.privateKey);
    expect(await outcome(eternal)).toEqual(REFUSED);
  });

  it("says nothing of why a token was refused", async () => {
    const response = await gateway.send(`{ clientsSummary { accessibleClients } }`, {}, { tenant, authorization: `Bearer ${await sign({ audience: "another-api" })}` });
    expect(response.errors?.[0]?.message).toBe("The bearer token is missing, invalid or expired");
  });
});

describe("an identity provider that can't be reached", () => {
  it("answers SERVICE_UNAVAILABLE (503), not UNAUTHENTICATED: the token may well be good", async () => {
    const down = await FakeJwks.start();
    const url = down.url;
    await down.close();
    const orphan = await TestGateway.start({ env: { JWT_JWKS_URL: url } });
    try {
      const response = await orphan.send(`{ clientsSummary { accessibleClients } }`, {}, { tenant, authorization: `Bearer ${await sign({ issuer: null, audience: null })}` });
      expect({ status: response.status, code: response.errors?.[0]?.extensions?.code }).toEqual({ status: 503, code: "SERVICE_UNAVAILABLE" });
      expect(response.errors?.[0]?.message).toBe("The identity provider's keys could not be fetched; retry shortly");
    } finally {
      await orphan.stop();
    }
  });
});

describe("HS256 and JWKS together", () => {
  let both: TestGateway;
  beforeAll(async () => {
    both = await TestGateway.start({ env: { JWT_SECRET: "a-shared-secret-of-at-least-32-characters!", JWT_JWKS_URL: jwks.url } });
  });
  afterAll(() => both.stop());

  it("accepts HS256 with the secret and RS256 from the key set, and refuses HS256 with another secret", async () => {
    expect(await outcome(await sign({ alg: "HS256", key: new TextEncoder().encode("a-shared-secret-of-at-least-32-characters!"), issuer: null, audience: null }), both)).toEqual(ACCEPTED);
    expect(await outcome(await sign({ issuer: null, audience: null }), both)).toEqual(ACCEPTED);
    expect(await outcome(await sign({ alg: "HS256", key: new TextEncoder().encode("another-secret-of-at-least-32-characters!!") }), both)).toEqual(REFUSED);
    const publicPem = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
    expect(await outcome(await sign({ alg: "HS256", key: publicPem }), both)).toEqual(REFUSED);
  });
});
