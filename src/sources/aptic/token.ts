import { isObject } from "../mapping-kit";
import { SourceHttpClient, SourceHttpError, systemClock, type Clock, type SourceHttpErrorDetails, type SourceHttpOptions, type SourceResponse } from "../http";
import type { ApticProblemWire, ApticTokenWire } from "./wire";

/** An access token, when it is to be fetched anew (epoch ms), and whether a request succeeded with it. */
export interface ApticToken {
  value: string;
  expiresAt: number;
  served: boolean;
}

export interface ApticOAuth2 {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string | null;
}

export const APTIC_SOURCE = "APTIC";


/**
 * Aptic's OAuth2 client-credentials tokens: `POST {tokenUrl}` with the form
 * `grant_type=client_credentials&client_id&client_secret[&scope]` answering `{access_token,
 * expires_in}`. One fetch at a time, shared by every request waiting for it; the token is kept
 * until `marginMs` (or a tenth of its lifetime, when shorter) before `expires_in`, or until a
 * request drops it after a 401. The fetch has a client of its own (one request at a time): it is
 * made on behalf of requests that hold a slot of the source's client, so it adds none to what the
 * source has in flight, and no request waits for a slot while holding one.
 */
export class ApticTokenSource {
  private readonly http: SourceHttpClient;
  private readonly clock: Clock;
  private readonly marginMs: number;
  private current: ApticToken | null = null;
  private pending: Promise<ApticToken> | null = null;

  constructor(
    private readonly credentials: ApticOAuth2,
    options: { http?: Omit<SourceHttpOptions, "source" | "baseUrl" | "headers" | "describeError">; marginMs?: number } = {},
  ) {
    this.marginMs = options.marginMs ?? 30_000;
    this.clock = options.http?.clock ?? systemClock;
    this.http = new SourceHttpClient({ ...(options.http ?? {}), maxConcurrency: 1, source: APTIC_SOURCE, baseUrl: credentials.tokenUrl, secrets: [credentials.clientSecret], describeError: describeApticProblem });
  }

  /**
   * The current token, or one fetched: one fetch for every request waiting on it. The fetch runs
   * under the client's own signal and timeout, not the caller's: a bundle that cancels its own
   * requests must not cancel the token the other bundles wait for; a caller whose signal aborts
   * stops waiting.
   */
  get(signal: AbortSignal | undefined): Promise<ApticToken> {
    if (this.current && this.clock.now() < this.current.expiresAt) return Promise.resolve(this.current);
    if (!this.pending) {
      const pending = this.fetch().finally(() => {
        if (this.pending === pending) this.pending = null;
      });
      pending.catch(() => undefined); // handled by its waiters, if any are left
      this.pending = pending;
    }
    return this.untilAborted(this.pending, signal);
  }

  /** Aptic refused `token`: the next request fetches another, unless one was fetched meanwhile. */
  drop(token: ApticToken): void {
    if (this.current === token) this.current = null;
  }

  private untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (!signal) return promise;
    const cancelled = () => new SourceHttpError({ kind: "CANCELLED", source: APTIC_SOURCE, method: "POST", url: this.http.shownUrl(this.credentials.tokenUrl), attempts: 0 });
    if (signal.aborted) return Promise.reject(cancelled());
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(cancelled());
      signal.addEventListener("abort", onAbort, { once: true });
      promise.then(
        (value) => {
          signal.removeEventListener("abort", onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  }

  private async fetch(): Promise<ApticToken> {
    const { tokenUrl, clientId, clientSecret, scope } = this.credentials;
    const form = new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
    if (scope) form.set("scope", scope);
    let response: SourceResponse;
    try {
      response = await this.http.send("POST", tokenUrl, undefined, { body: form.toString(), contentType: "application/x-www-form-urlencoded", idempotent: true });
    } catch (error) {
      // OAuth2 answers a refused client with 400 (invalid_client, invalid_scope...) or 401: the run can't go on.
      if (error instanceof SourceHttpError && error.kind === "HTTP" && error.status === 400) {
        throw new SourceHttpError({ ...detailsOf(error), kind: "AUTH" }, `${APTIC_SOURCE}'s token endpoint refused the client credentials (400${error.sourceCode ? ` ${error.sourceCode}` : ""}): check auth.oauth2. POST ${error.url}`);
      }
      throw error;
    }
    const body = response.body as ApticTokenWire | null;
    if (!isObject(body) || typeof body.access_token !== "string" || body.access_token === "") {
      throw new SourceHttpError({ kind: "INVALID_RESPONSE", source: APTIC_SOURCE, method: "POST", url: this.http.shownUrl(tokenUrl), status: response.status, attempts: 1, sourceMessage: "the token endpoint answered without access_token" });
    }
    const lifetime = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in * 1000 : null;
    // Without expires_in the token is kept until Aptic refuses it (a 401 fetches another).
    const expiresAt = lifetime === null ? Number.POSITIVE_INFINITY : this.clock.now() + lifetime - Math.min(this.marginMs, lifetime / 10);
    this.current = { value: body.access_token, expiresAt, served: false };
    return this.current;
  }
}

/** A SourceHttpError's details, to make another error of it (another kind or message). */
export function detailsOf(error: SourceHttpError): SourceHttpErrorDetails {
  return {
    kind: error.kind,
    source: error.source,
    method: error.method,
    url: error.url,
    status: error.status ?? undefined,
    body: error.body ?? undefined,
    sourceCode: error.sourceCode ?? undefined,
    sourceMessage: error.sourceMessage ?? undefined,
    attempts: error.attempts,
    retryAfterMs: error.retryAfterMs ?? undefined,
  };
}

/**
 * RFC 7807 problem details: `title` (or `type`) as the source's code, `detail` as its message; the
 * token endpoint's OAuth2 error (`{error, error_description}`) likewise.
 */
export function describeApticProblem(body: unknown): { code?: string; message?: string } | undefined {
  if (!isObject(body)) return undefined;
  const problem = body as ApticProblemWire;
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);
  const type = text(problem.type);
  return {
    code: text(problem.title) ?? (type && type !== "about:blank" ? type : undefined) ?? text(problem.error),
    message: text(problem.detail) ?? text(problem.error_description),
  };
}
