/**
 * Why a request to a source failed, in one enum so the sync can decide without parsing messages:
 * - HTTP: the source answered with a status that is not retried, or still failed after the retries;
 * - AUTH: 401 or 403: the credentials (or the company id) are refused, so the run ends as FAILED;
 * - TIMEOUT: no complete answer within the per-call timeout (after the retries);
 * - NETWORK: no answer at all: refused, reset, DNS (after the retries);
 * - INVALID_RESPONSE: a 2xx whose body is not the JSON the connector expects;
 * - CANCELLED: the run was cancelled (its AbortSignal).
 */
export type SourceErrorKind = "HTTP" | "AUTH" | "TIMEOUT" | "NETWORK" | "INVALID_RESPONSE" | "CANCELLED";

export interface SourceHttpErrorDetails {
  kind: SourceErrorKind;
  /** The source's name as configured ("CRM"), for messages. */
  source: string;
  method: string;
  /** The URL without credentials (see safeUrl). */
  url: string;
  /** The HTTP status, when the source answered. */
  status?: number;
  /** The source's error body, redacted and capped (see redactBody). */
  body?: unknown;
  /** The source's own error code and message, read from its body by the connector. */
  sourceCode?: string;
  sourceMessage?: string;
  /** How many requests were made, retries included. */
  attempts: number;
  /** For a 429/503 given up on: how long the source asked to wait, in ms. */
  retryAfterMs?: number;
}

/** A request to a source that did not succeed. Its message names no credential and no header. */
export class SourceHttpError extends Error {
  override readonly name = "SourceHttpError";
  readonly kind: SourceErrorKind;
  readonly source: string;
  readonly method: string;
  readonly url: string;
  readonly status: number | null;
  readonly body: unknown;
  readonly sourceCode: string | null;
  readonly sourceMessage: string | null;
  readonly attempts: number;
  readonly retryAfterMs: number | null;

  constructor(details: SourceHttpErrorDetails, message: string = describe(details)) {
    super(message);
    this.kind = details.kind;
    this.source = details.source;
    this.method = details.method;
    this.url = details.url;
    this.status = details.status ?? null;
    this.body = details.body ?? null;
    this.sourceCode = details.sourceCode ?? null;
    this.sourceMessage = details.sourceMessage ?? null;
    this.attempts = details.attempts;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }

  /** The run can't go on: credentials refused, or cancelled. Anything else may fail one record only. */
  get endsRun(): boolean {
    return this.kind === "AUTH" || this.kind === "CANCELLED";
  }

  /**
   * The message without the source's own words (its error message may name a person, an email, a
   * personal identity number): what the source said is only its code here, and its body stays in
   * `body`, redacted. For what is stored or logged: a run's message and issues, the log.
   */
  get safeMessage(): string {
    return describe({ kind: this.kind, source: this.source, method: this.method, url: this.url, status: this.status ?? undefined, sourceCode: this.sourceCode ?? undefined, attempts: this.attempts });
  }

  /** A plain object for a run's issues (SOURCE_ERROR): status, the source's code and the redacted body. */
  toIssue(): { kind: SourceErrorKind; status: number | null; sourceCode: string | null; message: string; body: unknown } {
    return { kind: this.kind, status: this.status, sourceCode: this.sourceCode, message: this.safeMessage, body: this.body };
  }
}

function describe(d: SourceHttpErrorDetails): string {
  const what = `${d.source} ${d.method} ${d.url}`;
  const said = [d.sourceCode, d.sourceMessage].filter(Boolean).join(": ");
  const tries = d.attempts > 1 ? ` after ${d.attempts} attempts` : "";
  switch (d.kind) {
    case "AUTH":
      return `${d.source} refused the credentials (${d.status}${said ? ` ${said}` : ""}): check the source's token${d.status === 403 ? ", its permissions and the company id" : ""}. ${what}`;
    case "HTTP":
      return `${what} answered ${d.status}${said ? ` (${said})` : ""}${tries}`;
    case "TIMEOUT":
      return `${what} timed out${tries}`;
    case "NETWORK":
      return `${what} could not be reached${tries}`;
    case "INVALID_RESPONSE":
      return `${what} answered ${d.status} with a body that is not what the connector expects${said ? ` (${said})` : ""}`;
    case "CANCELLED":
      return `${what} was cancelled`;
  }
}
