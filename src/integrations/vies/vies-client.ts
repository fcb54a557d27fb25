/**
 * The outcome of one VAT-number check. UNAVAILABLE means VIES could not say, not that the number is
 * wrong: the caller decides whether to retry, wait or accept the number provisionally.
 */
export type VatCheckOutcome =
  | { status: "VALID"; checkedAt: Date }
  | { status: "INVALID" }
  | { status: "UNAVAILABLE"; reason: "TIMEOUT" | "HTTP_ERROR" | "NETWORK" | "SERVICE_ERROR" | "BAD_RESPONSE" };

/** Checks an EU VAT number. Never rejects: every failure is an UNAVAILABLE outcome. */
export interface VatChecker {
  check(countryCode: string, vatNumber: string): Promise<VatCheckOutcome>;
}

/** The VIES REST API's check-vat-number endpoint (POST, JSON). */
export const DEFAULT_VIES_URL = "https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number";

export interface ViesClientOptions {
  url: string;
  /** The budget for the whole exchange: connecting, sending, the response headers and the body. */
  timeoutMs: number;
}

type Unavailable = Extract<VatCheckOutcome, { status: "UNAVAILABLE" }>;

/** The user errors with which VIES answers a check that did happen; any other one means it did not. */
const CHECKED = new Set(["VALID", "INVALID"]);

/**
 * A VatChecker over the VIES REST API, on Node's global fetch. It logs nothing, not even on
 * failure: the VAT number of a sole trader is personal data. Every response body is read or
 * cancelled, so no socket is left waiting for a reader.
 */
export class ViesClient implements VatChecker {
  constructor(private readonly options: ViesClientOptions) {}

  async check(countryCode: string, vatNumber: string): Promise<VatCheckOutcome> {
    let signal: AbortSignal | undefined;
    try {
      signal = AbortSignal.timeout(this.options.timeoutMs);
      const country = viesCountryCode(countryCode);
      const response = await fetch(this.options.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ countryCode: country, vatNumber: nationalNumber(country, vatNumber) }),
        signal,
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return unavailable("HTTP_ERROR");
      }
      // Read under the same signal: a server that sends its headers and then stalls times out too.
      return interpret(await response.text());
    } catch (error) {
      return unavailable(signal?.aborted || isAbort(error) ? "TIMEOUT" : "NETWORK");
    }
  }
}

/** VIES's code for a country: ISO 3166 except Greece, which is EL. Northern Ireland stays XI. */
function viesCountryCode(countryCode: string): string {
  const code = countryCode.trim().toUpperCase();
  return code === "GR" ? "EL" : code;
}

/**
 * The number as VIES wants it: without separators and without the country's own prefix. Only that
 * country's prefix is stripped (GR or EL for Greece), since some numbers (French ones) may start
 * with letters.
 */
function nationalNumber(viesCountry: string, vatNumber: string): string {
  const compact = vatNumber.replace(/[\s.\-]/g, "").toUpperCase();
  const prefixes = viesCountry === "EL" ? ["EL", "GR"] : [viesCountry];
  const prefix = prefixes.find((p) => p.length > 0 && compact.startsWith(p));
  return prefix ? compact.slice(prefix.length) : compact;
}

function interpret(text: string): VatCheckOutcome {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return unavailable("BAD_RESPONSE");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return unavailable("BAD_RESPONSE");
  const answer = body as { actionSucceed?: unknown; errorWrappers?: unknown; userError?: unknown; valid?: unknown };
  if (answer.actionSucceed === false) return unavailable("SERVICE_ERROR");
  const errors = Array.isArray(answer.errorWrappers)
    ? answer.errorWrappers.map((wrapper: unknown) => (wrapper as { error?: unknown } | null)?.error)
    : [];
  if (answer.userError != null) errors.push(answer.userError);
  if (errors.some((error) => typeof error !== "string" || !CHECKED.has(error))) return unavailable("SERVICE_ERROR");
  if (answer.valid === true) return { status: "VALID", checkedAt: new Date() };
  if (answer.valid === false) return { status: "INVALID" };
  return unavailable("BAD_RESPONSE");
}

function unavailable(reason: Unavailable["reason"]): Unavailable {
  return { status: "UNAVAILABLE", reason };
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}
