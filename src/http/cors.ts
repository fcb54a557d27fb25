import cors from "cors";
import type { RequestHandler } from "express";

/** The request headers a browser client of the API may send (a preflight asks for them). */
export const CORS_ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "x-company-id",
  "x-api-version",
  "x-request-id",
  "apollo-require-preflight",
  "apollographql-client-name",
  "apollographql-client-version",
  "traceparent",
];

/** A preflight's answer is cached by the browser this long (Chrome caps it at 2 hours). */
export const CORS_MAX_AGE_SECONDS = 600;

/**
 * CORS_ORIGINS: comma-separated exact origins ("https://app.example.com"), each normalised by URL.
 * `*` is refused: the API allows credentials, and a wildcard with credentials would let any site
 * send a signed-in browser's requests.
 */
export function parseCorsOrigins(raw: string | undefined): string[] {
  const origins: string[] = [];
  for (const item of (raw ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    if (item === "*") throw new Error("CORS_ORIGINS must list exact origins: `*` is not allowed, since credentials are");
    if (!URL.canParse(item)) throw new Error(`CORS_ORIGINS: "${item}" is not an origin (e.g. https://app.example.com)`);
    const url = new URL(item);
    if (!/^https?:$/.test(url.protocol) || url.origin !== item.replace(/\/$/, "")) {
      throw new Error(`CORS_ORIGINS: "${item}" is not an origin (scheme://host[:port], no path)`);
    }
    origins.push(url.origin);
  }
  return origins;
}

/**
 * Answers preflights from allowed origins (204, before Apollo's CSRF check sees them) and adds
 * Access-Control-Allow-Origin to their requests. A disallowed origin gets no CORS header, and Apollo's
 * CSRF prevention still refuses a simple cross-site request without a preflight-forcing header.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ["X-Request-Id", "Retry-After"],
    methods: ["GET", "POST"],
    maxAge: CORS_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
  });
}
