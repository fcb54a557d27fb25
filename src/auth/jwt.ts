import { jwtVerify, SignJWT } from "jose";
import { unauthenticated } from "../common/errors";

export const SCOPES = ["clients:read", "clients:write", "clients:pii"] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling, as the verified token says. */
export interface Caller {
  /** The token's subject (a user or a service). */
  subject: string;
  /** The company ids (tenants) the caller may act for. */
  companies: readonly string[];
  scopes: ReadonlySet<string>;
}

const ALGORITHM = "HS256";

/** Verifies an HS256 token: signature, expiry (30 s tolerance) and the claims the gateway needs. */
export async function verifyToken(token: string, secret: string): Promise<Caller> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: [ALGORITHM],
      clockTolerance: 30,
    }));
  } catch {
    throw unauthenticated("The bearer token is invalid or expired");
  }
  const companies = payload.companies;
  if (
    typeof payload.sub !== "string" ||
    // The subject is stored (audit actor, favourites, opens) in varchar(255).
    payload.sub.length === 0 || payload.sub.length > 255 ||
    !Array.isArray(companies) ||
    !companies.every((c) => typeof c === "string" || typeof c === "number")
  ) {
    throw unauthenticated("The bearer token lacks the sub (1..255 characters) or companies claim");
  }
  const scope = typeof payload.scope === "string" ? payload.scope : "";
  return {
    subject: payload.sub,
    companies: companies.map(String),
    scopes: new Set(scope.split(" ").filter(Boolean)),
  };
}

export interface TokenRequest {
  subject: string;
  companies: string[];
  scopes: string[];
  /** Lifetime, e.g. "12h". */
  expiresIn: string;
}

/** Signs a development token (`npm run token`, the tests, the start-up banner). */
export function signToken(request: TokenRequest, secret: string): Promise<string> {
  return new SignJWT({ companies: request.companies, scope: request.scopes.join(" ") })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(request.subject)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn)
    .sign(new TextEncoder().encode(secret));
}
