import { request } from "undici";
import { systemClock, type Clock } from "./clock";
import { Semaphore, StartGate } from "./limiter";
import { redactBody, redactText, safeUrl } from "./redact";
import { backoffMs, DEFAULT_RETRY, retryAfterMs, type RetryPolicy } from "./retry";
import { SourceHttpError, type SourceErrorKind } from "./source-http-error";

export interface SourceHttpOptions {
  /** The source's name in messages ("CRM"). */
  source: string;
  /** Where the source's API lives; a path prefix is kept ("https://crm.example/tenant-1"). */
  baseUrl: string;
  /**
   * Sent with every request (Authorization, X-Company-Id...). Never logged, never in an error: their
   * values (and a Bearer/Basic header's credential) are redacted from every error body and message.
   */
  headers?: Readonly<Record<string, string>>;
  /** More values to redact wherever they appear (a client secret used elsewhere). */
  secrets?: readonly string[];
  /** Budget of one request, from sending it to the end of its body. Default 30 s. */
  timeoutMs?: number;
  /** Requests in flight at once. Default 4. */
  maxConcurrency?: number;
  /** Optional cap on request starts per second. */
  requestsPerSecond?: number;
  /** Largest response body read (bytes); a larger one is INVALID_RESPONSE, not retried. Default 16 MiB. */
  maxResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** Cancels every request of this client, waiting or in flight (a cancelled run). */
  signal?: AbortSignal;
  /** Time and waiting; tests pass virtualClock(). */
  clock?: Clock;
  /** [0, 1) for the backoff's jitter. Default Math.random. */
  random?: () => number;
  /** Reads the source's own error code and message from its (redacted) error body. */
  describeError?: (body: unknown) => { code?: string; message?: string } | undefined;
}

export type QueryValue = string | number | boolean | null | undefined;

/** What one call adds to the client's settings. */
export interface SourceCall {
  signal?: AbortSignal;
  /**
   * Headers of this call only, over the client's (a token fetched at run time). Their credentials
   * are redacted from this call's error as the client's own headers are.
   */
  headers?: Readonly<Record<string, string>>;
  /**
   * More headers, resolved each time the request holds its slot, just before it is sent (a bearer
   * token, which may have been refreshed while the request waited for its slot). Their credentials
   * are redacted as `headers`' are. A rejection fails the request with that error. It must not
   * wait for a slot of this client itself (it holds one).
   */
  authorize?: (signal: AbortSignal | undefined) => Promise<Readonly<Record<string, string>>>;
}

/** A call that may carry a body (`send`). */
export interface SourceSendCall extends SourceCall {
  /** The body: a string is sent as is (with `contentType`), anything else as JSON. None when undefined. */
  body?: unknown;
  /** The body's content type. Default application/json. */
  contentType?: string;
  /**
   * The request may be repeated safely (a GET, a token fetch): retried as a GET is. Otherwise only
   * 429 and 503 are retried (the source refused it before doing anything); a 5xx, a timeout or a
   * network error fails at once, since the source may have acted on it. Default: true for GET.
   */
  idempotent?: boolean;
}

/** A response's headers, read by name in any case (as Headers.get: repeated ones joined by ", "). */
export interface ResponseHeaders {
  get(name: string): string | null;
}

export interface SourceResponse<T = unknown> {
  status: number;
  body: T;
  headers: ResponseHeaders;
}

type Attempt =
  | { kind: "response"; status: number; headers: ResponseHeaders; text: string; tooLarge?: boolean }
  | { kind: "failed"; reason: Extract<SourceErrorKind, "TIMEOUT" | "NETWORK" | "CANCELLED"> };

/**
 * The one HTTP client of the connectors, on undici (Node's HTTP client): JSON GETs (and `send` for
 * a POST: a token fetch, an action) with a timeout per
 * call, retries (429/503 after Retry-After or backoff; other 5xx, timeouts and network errors a
 * bounded number of times; other statuses never), a limit of requests in flight and an optional
 * requests/second cap shared by every call of this instance (one instance per source and run),
 * and cancellation. It logs nothing. Failures are SourceHttpError, with the error body redacted.
 */
export class SourceHttpClient {
  private readonly base: string;
  private readonly headers: Readonly<Record<string, string>>;
  private readonly secrets: string[];
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly slots: Semaphore;
  private readonly gate: StartGate;

  constructor(private readonly options: SourceHttpOptions) {
    this.base = options.baseUrl.replace(/\/+$/, "");
    new URL(this.base); // throws on a base URL that is no URL
    this.headers = { accept: "application/json", ...(options.headers ?? {}) };
    this.secrets = secretsOf(options.headers ?? {}, options.secrets ?? []);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 16 * 1024 * 1024;
    this.retry = { ...DEFAULT_RETRY, ...(options.retry ?? {}) };
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.slots = new Semaphore(options.maxConcurrency ?? 4);
    this.gate = new StartGate(this.clock, options.requestsPerSecond);
  }

  /** The absolute URL of `path` (which starts with /, or is an absolute http(s) URL) with the query's defined values. */
  url(path: string, query: Readonly<Record<string, QueryValue>> = {}): URL {
    const url = new URL(/^https?:\/\//i.test(path) ? path : this.base + path);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    }
    return url;
  }

  /** The URL of `path` as an error may show it: no user info, no credential (see safeUrl). */
  shownUrl(path: string, query: Readonly<Record<string, QueryValue>> = {}): string {
    return redactText(safeUrl(this.url(path, query)), this.secrets);
  }

  /** GET a JSON document. Resolves with a 2xx and its parsed body; rejects with SourceHttpError. */
  async getJson<T = unknown>(path: string, query?: Readonly<Record<string, QueryValue>>, call: SourceCall = {}): Promise<SourceResponse<T>> {
    return this.send<T>("GET", path, query, call);
  }

  /**
   * A request with any method (a POST of a form or of JSON), under the same limit, gate, timeout
   * and redaction as getJson; retried as `call.idempotent` says. Resolves with a 2xx and its parsed
   * JSON body (null when empty); rejects with SourceHttpError.
   */
  async send<T = unknown>(method: string, path: string, query?: Readonly<Record<string, QueryValue>>, call: SourceSendCall = {}): Promise<SourceResponse<T>> {
    const url = this.url(path, query);
    const idempotent = call.idempotent ?? method === "GET";
    const callSecrets = call.headers ? secretsOf({ ...call.headers }, this.secrets) : this.secrets;
    let secrets = callSecrets;
    const body = call.body === undefined ? undefined : typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    const sent: Readonly<Record<string, string>> =
      body === undefined && !call.headers ? this.headers : { ...this.headers, ...(call.headers ?? {}), ...(body === undefined ? {} : { "content-type": call.contentType ?? "application/json" }) };
    const signals = [this.options.signal, call.signal].filter((s): s is AbortSignal => s !== undefined);
    const cancel = signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);
    let attempts = 0;
    let retries = 0;
    let throttles = 0;
    for (;;) {
      let attempt: Attempt = { kind: "failed", reason: "CANCELLED" };
      let refusal: { error: unknown } | null = null;
      try {
        const release = await this.slots.acquire(cancel);
        try {
          await this.gate.pass(cancel);
          let headers = sent;
          if (call.authorize) {
            try {
              const more = await call.authorize(cancel);
              headers = { ...sent, ...more };
              secrets = secretsOf({ ...more }, callSecrets);
            } catch (error) {
              refusal = { error };
            }
          }
          if (!refusal) {
            attempts++;
            attempt = await this.once(method, url, headers, body, cancel);
          }
        } finally {
          release();
        }
      } catch {
        // Only a cancellation rejects the waits above; `once` never rejects.
        attempt = { kind: "failed", reason: "CANCELLED" };
      }
      if (refusal) throw refusal.error;
      const fail = (kind: SourceErrorKind, extra: { status?: number; text?: string; retryAfterMs?: number } = {}) =>
        this.error(kind, method, url, Math.max(attempts, 1), extra, secrets);

      if (attempt.kind === "failed") {
        if (attempt.reason === "CANCELLED") throw fail("CANCELLED");
        if (!idempotent) throw fail(attempt.reason);
        if (++retries > this.retry.maxRetries) throw fail(attempt.reason);
        if (!(await this.wait(backoffMs(retries, this.retry, this.random), cancel))) throw fail("CANCELLED");
        continue;
      }
      const { status, text, headers } = attempt;
      if (attempt.tooLarge) throw fail("INVALID_RESPONSE", { status, text: `(body larger than ${this.maxResponseBytes} bytes, not read)` });
      if (status >= 200 && status < 300) {
        try {
          return { status, headers, body: (text === "" ? null : JSON.parse(text)) as T };
        } catch {
          throw fail("INVALID_RESPONSE", { status, text });
        }
      }
      if (status === 401 || status === 403) throw fail("AUTH", { status, text });
      if (status === 429 || status === 503) {
        const asked = retryAfterMs(headers.get("retry-after"), this.clock.now());
        const delay = asked ?? backoffMs(throttles + 1, this.retry, this.random);
        if (++throttles > this.retry.maxThrottleRetries || delay > this.retry.maxRetryAfterMs) {
          throw fail("HTTP", { status, text, retryAfterMs: asked ?? undefined });
        }
        // The source as a whole asked for a pause: every request of this client waits for it.
        this.gate.pauseUntil(this.clock.now() + delay);
        continue;
      }
      if (status >= 500 && idempotent && ++retries <= this.retry.maxRetries) {
        if (!(await this.wait(backoffMs(retries, this.retry, this.random), cancel))) throw fail("CANCELLED");
        continue;
      }
      throw fail("HTTP", { status, text });
    }
  }

  /** One request, its body read under the same timeout. Never rejects. */
  private async once(method: string, url: URL, sent: Readonly<Record<string, string>>, body: string | undefined, cancel: AbortSignal | undefined): Promise<Attempt> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = cancel ? AbortSignal.any([cancel, timeout]) : timeout;
    try {
      // undici's request, not fetch: the same HTTP stack at a quarter of fetch's CPU per request
      // (its WHATWG streams and Headers), which an incremental run's thousands of details feel.
      // It follows no redirect (fetch's redirect: "manual"). The signal is the call's one time budget:
      // undici's own headers and body timeouts are off (0), so none races it as a NETWORK failure.
      const response = await request(url, { method: method as "GET", headers: sent, body, signal, headersTimeout: 0, bodyTimeout: 0 });
      const headers = headersOf(response.headers);
      const text = await readText(response.body, headers, this.maxResponseBytes);
      return { kind: "response", status: response.statusCode, headers, text: text ?? "", tooLarge: text === null };
    } catch {
      if (cancel?.aborted) return { kind: "failed", reason: "CANCELLED" };
      return { kind: "failed", reason: timeout.aborted ? "TIMEOUT" : "NETWORK" };
    }
  }

  /** Waits `ms`; false when cancelled meanwhile. */
  private async wait(ms: number, cancel: AbortSignal | undefined): Promise<boolean> {
    try {
      await this.clock.sleep(ms, cancel);
      return true;
    } catch {
      return false;
    }
  }

  private error(kind: SourceErrorKind, method: string, url: URL, attempts: number, extra: { status?: number; text?: string; retryAfterMs?: number }, secrets: string[] = this.secrets): SourceHttpError {
    const body = extra.text === undefined ? undefined : redactBody(extra.text, { secrets });
    let said: { code?: string; message?: string } | undefined;
    try {
      said = body === undefined ? undefined : this.options.describeError?.(body);
    } catch {
      said = undefined;
    }
    const clean = (value: unknown) => (typeof value === "string" && value !== "" ? redactText(value, secrets).slice(0, 300) : undefined);
    return new SourceHttpError({
      kind,
      source: this.options.source,
      method,
      url: redactText(safeUrl(url), secrets),
      status: extra.status,
      body,
      sourceCode: clean(said?.code),
      sourceMessage: clean(said?.message),
      attempts,
      retryAfterMs: extra.retryAfterMs,
    });
  }
}

type ResponseBody = Awaited<ReturnType<typeof request>>["body"];

/** The body as text, or null (and the rest discarded) once it passes `max` bytes. */
async function readText(body: ResponseBody, headers: ResponseHeaders, max: number): Promise<string | null> {
  const declared = Number(headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) {
    body.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > max) {
      body.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8");
}

/** undici's headers (lower-case names; a repeated one as an array), read as Headers.get reads. */
function headersOf(raw: Record<string, string | string[] | undefined>): ResponseHeaders {
  return {
    get(name) {
      const value = raw[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/** Headers that carry a credential. */
const CREDENTIAL_HEADER = /authorization|api[-_]?key|token|secret|cookie/i;

/** The values of the credential headers, and the credential part of an `Authorization: Scheme credential`. */
function secretsOf(headers: Readonly<Record<string, string>>, extra: readonly string[]): string[] {
  const out = new Set<string>(extra.filter((s) => s.length > 0));
  for (const [name, value] of Object.entries(headers)) {
    if (!CREDENTIAL_HEADER.test(name)) continue;
    out.add(value);
    const credential = /^\S+\s+(.+)$/.exec(value)?.[1];
    if (credential) out.add(credential);
  }
  // Longest first, so that a token inside a longer header value is not left half redacted.
  return [...out].sort((a, b) => b.length - a.length);
}
