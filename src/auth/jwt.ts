import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, JWTPayload, jwtVerify, SignJWT } from "jose";
import { serviceUnavailable, unauthenticated } from "../common/errors";

export const SCOPES = ["clients:read", "clients:write", "clients:pii"] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling, as the verified token says. */
export interface Caller {
  /** The token's subject (a user or a service). */
  subject: string;
  /** The company ids (tenants) the caller may act for. */
  companies: readonly string[];
  scopes: ReadonlySet<string>;
  /** The token's `exp` (seconds since the epoch). */
  expiresAtSeconds: number;
}

/** How tokens are checked: an HS256 secret, a JWKS URL (RS256/ES256), or both. */
export interface TokenSettings {
  /** Shared secret of HS256 tokens; null accepts no HS256 token. */
  secret: string | null;
  /** Where the issuer publishes its public keys; null accepts no RS256/ES256 token. */
  jwksUrl: string | null;
  /** The `iss` every token must carry, when set. */
  issuer: string | null;
  /** The `aud` every token must carry, when set. */
  audience: string | null;
  /** The longest lifetime accepted: exp - iat, or exp - now for a token without iat (or issued in the future). */
  maxLifetimeHours: number;
}

const SHARED_SECRET_ALGORITHMS = ["HS256"];
const PUBLIC_KEY_ALGORITHMS = ["RS256", "ES256"];
/** How long a verified token is taken without checking it again (and never past its `exp`). */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
/** Verified tokens kept at most (the oldest goes first). */
const VERIFIED_TOKENS_KEPT = 5_000;
/** The longest token kept (characters): a signed token with huge claims is verified every time. */
export const VERIFIED_TOKEN_MAX_LENGTH = 4_096;
/** Clock skew allowed on exp/nbf/iat. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** An unknown key id refetches the JWKS at most this often (jose's cooldown). */
export const JWKS_REFETCH_COOLDOWN_MS = 30_000;

/**
 * Verifies bearer tokens. The algorithm is pinned by key kind: the secret only ever verifies
 * HS256, the JWKS only RS256/ES256, so neither `alg: none` nor an HS256 token "signed" with a
 * public key can pass. Everything that fails is UNAUTHENTICATED, with no detail of why.
 */
export class TokenVerifier {
  private readonly secret: Uint8Array | null;
  /**
   * Tokens verified lately, by their text, with when the entry stops counting: a caller sends the
   * same token with every request, and checking its signature again each time was a few per cent
   * of a small request's CPU. An entry counts until the token's `exp` (no clock tolerance) and at
   * most VERIFIED_TOKEN_TTL_MS past the JWKS's own cache (jose's cacheMaxAge): a key withdrawn from
   * the JWKS stops its tokens once this process has fetched the JWKS again and that time has passed.
   */
  private readonly verified = new Map<string, { caller: Caller; until: number }>();
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | null;

  constructor(private readonly settings: TokenSettings) {
    this.secret = settings.secret ? new TextEncoder().encode(settings.secret) : null;
    this.jwks = settings.jwksUrl
      ? createRemoteJWKSet(new URL(settings.jwksUrl), {
          cooldownDuration: JWKS_REFETCH_COOLDOWN_MS,
          cacheMaxAge: 10 * 60_000,
          timeoutDuration: 5_000,
        })
      : null;
  }

  async verify(token: string): Promise<Caller> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && now < known.until) return known.caller;
    if (known) this.verified.delete(token);
    const caller = await this.verifyUncached(token);
    this.remember(token, caller, now);
    return caller;
  }

  private remember(token: string, caller: Caller, now: number): void {
    const expiresAt = caller.expiresAtSeconds * 1000;
    // Long tokens are checked every time: the cache holds at most 5,000 × 4 KB of them.
    if (expiresAt <= now || token.length > VERIFIED_TOKEN_MAX_LENGTH) return;
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
      // The oldest entry goes (a Map iterates in insertion order).
      this.verified.delete(this.verified.keys().next().value as string);
    }
    this.verified.set(token, { caller, until: Math.min(expiresAt, now + VERIFIED_TOKEN_TTL_MS) });
  }

  private async verifyUncached(token: string): Promise<Caller> {
    let payload: JWTPayload;
    try {
      payload = await this.verifySignatureAndClaims(token);
    } catch (error) {
      // The identity provider's keys could not be fetched: not the caller's fault, retry later.
      const fetchFailed = (error as Error | undefined)?.name === "TypeError" && /fetch failed/.test((error as Error).message);
      if (error instanceof joseErrors.JWKSTimeout || fetchFailed) {
        throw serviceUnavailable("The identity provider's keys could not be fetched; retry shortly");
      }
      if (error instanceof joseErrors.JOSEError || error instanceof TypeError || error instanceof SyntaxError) {
        throw unauthenticated();
      }
      throw error;
    }
    return callerOf(payload);
  }

  private async verifySignatureAndClaims(token: string): Promise<JWTPayload> {
    const { alg } = decodeProtectedHeader(token);
    const options = {
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      // A token without an expiry would be good for ever.
      requiredClaims: ["exp"],
      ...(this.settings.issuer ? { issuer: this.settings.issuer } : {}),
      ...(this.settings.audience ? { audience: this.settings.audience } : {}),
    };
    let payload: JWTPayload;
    if (this.secret && alg !== undefined && SHARED_SECRET_ALGORITHMS.includes(alg)) {
      payload = (await jwtVerify(token, this.secret, { ...options, algorithms: SHARED_SECRET_ALGORITHMS })).payload;
    } else if (this.jwks && alg !== undefined && PUBLIC_KEY_ALGORITHMS.includes(alg)) {
      payload = (await jwtVerify(token, this.jwks, { ...options, algorithms: PUBLIC_KEY_ALGORITHMS })).payload;
    } else {
      throw new joseErrors.JOSEAlgNotAllowed("algorithm not accepted");
    }
    // An `exp` in the year 9999 would make a leaked token good for ever, as no `exp` would.
    if (lifetimeSeconds(payload) > this.settings.maxLifetimeHours * 3600 + CLOCK_TOLERANCE_SECONDS) {
      throw new joseErrors.JWTClaimValidationFailed("token lives too long", payload, "exp", "check_failed");
    }
    return payload;
  }
}

/**
 * How long a verified token is good for: from its `iat` to its `exp`, or from now when it has no
 * `iat` or claims to be issued in the future (it is usable from now on either way).
 */
export function lifetimeSeconds(payload: JWTPayload, nowSeconds = Math.floor(Date.now() / 1000)): number {
  const issuedAt = typeof payload.iat === "number" ? Math.min(payload.iat, nowSeconds) : nowSeconds;
  return (payload.exp ?? Infinity) - issuedAt;
}

/** The gateway's claims: `sub`, `companies`, and the scopes as `scope` (space separated) or `scp` (a list). */
function callerOf(payload: JWTPayload): Caller {
  const companies = payload.companies;
  if (
    typeof payload.sub !== "string" ||
    // The subject is stored (audit actor, favourites, opens) in varchar(255).
    payload.sub.length === 0 || payload.sub.length > 255 ||
    !Array.isArray(companies) ||
    !companies.every((c) => typeof c === "string" || typeof c === "number")
  ) {
    throw unauthenticated();
  }
  const scopes =
    typeof payload.scope === "string"
      ? payload.scope.split(" ")
      : Array.isArray(payload.scp)
        ? payload.scp.filter((s): s is string => typeof s === "string")
        : [];
  return { subject: payload.sub, companies: companies.map(String), scopes: new Set(scopes.filter(Boolean)), expiresAtSeconds: payload.exp! };
}

export interface TokenRequest {
  subject: string;
  companies: string[];
  scopes: string[];
  /** Lifetime, e.g. "12h". */
  expiresIn: string;
  issuer?: string | null;
  audience?: string | null;
}

/** The development tokens' lifetime (the start-up banner, `npm run token`): 12 h, or the maximum when it is lower. */
export const developmentTokenHours = (maxLifetimeHours: number): number => Math.min(12, maxLifetimeHours);

/** Signs an HS256 token (`npm run token`, the tests, the development start-up banner). */
export function signToken(request: TokenRequest, secret: string): Promise<string> {
  const jwt = new SignJWT({ companies: request.companies, scope: request.scopes.join(" ") })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(request.subject)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn);
  if (request.issuer) jwt.setIssuer(request.issuer);
  if (request.audience) jwt.setAudience(request.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
