/**
 * What of a source's answer may be kept in a run's issues: its error body with every credential
 * taken out and its size capped. A body is the source's text, so it may echo what it was sent (a
 * token in a message, an Authorization header in a debug dump, as the CRM's `headers` field does).
 */

export const REDACTED = "[REDACTED]";

/** Keys whose values are credentials wherever they appear in a body. */
const SECRET_KEY = /authori[sz]ation|token|secret|password|passwd|api[-_]?key|credential|cookie|session|signature|private[-_]?key/i;
/** Credentials in free text: `Bearer x`, `Basic x`, `token=x`, `api_key: x` (the known secrets are removed exactly as well). */
const SECRET_TEXT = [
  // a credential has 8 or more characters and a digit or symbol: "Bearer x9f3..." but not "bearer token"
  /\b(Bearer|Basic)\s+(?=[A-Za-z]*[0-9\-._~+/=])[A-Za-z0-9\-._~+/=]{8,}/gi,
  /\b((?:access_|refresh_|id_)?token|api[-_]?key|client_secret|password|secret)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
];

export interface RedactOptions {
  /** Exact values to remove wherever they appear (the source's token, API key, client secret). */
  secrets?: readonly string[];
  /** Longest serialised result (characters); default 2000. */
  maxChars?: number;
}

const MAX_DEPTH = 6;
const MAX_ITEMS = 20;
const MAX_STRING = 500;

/** `text` without any known secret or credential-looking token. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of SECRET_TEXT) {
    out = out.replace(pattern, (_match, first: string, second?: string) =>
      typeof second === "string" && !/^(bearer|basic)$/i.test(first) ? `${first}${second}${REDACTED}` : `${first} ${REDACTED}`,
    );
  }
  return out;
}

function redactValue(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === "string") {
    const text = redactText(value, secrets);
    return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
  }
  // A numeric credential (an account-number API key) parses as a number: compare its text.
  if ((typeof value === "number" || typeof value === "bigint") && secrets.includes(String(value))) return REDACTED;
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[…]";
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => redactValue(item, secrets, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`[… ${value.length - MAX_ITEMS} more]`);
    return items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // A source may echo a credential as a key too ({"<token>": "unknown token"}).
    let safeKey = redactText(key, secrets);
    for (let n = 2; safeKey !== key && safeKey in out; n++) safeKey = `${redactText(key, secrets)} (${n})`;
    out[safeKey] = SECRET_KEY.test(key) ? REDACTED : redactValue(item, secrets, depth + 1);
  }
  return out;
}

/**
 * The body (text as received) made safe to keep: JSON is parsed, credentials removed key by key
 * and in every string, then capped; anything else is redacted text, capped. Never throws.
 */
export function redactBody(text: string, options: RedactOptions = {}): unknown {
  const secrets = options.secrets ?? [];
  const maxChars = options.maxChars ?? 2000;
  if (text === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Cut after redacting (the body is bounded by maxResponseBytes): a secret straddling a cut
    // made first would leave its first part behind.
    const safe = redactText(text, secrets);
    return safe.length > maxChars ? `${safe.slice(0, maxChars)}…` : safe;
  }
  const safe = redactValue(parsed, secrets, 0);
  const serialised = JSON.stringify(safe);
  if (serialised.length <= maxChars) return safe;
  // Too large as a structure: keep its beginning as text, which still reads.
  return `${serialised.slice(0, maxChars)}…`;
}

/** A URL as it may appear in a message: no user info, credential-looking query values redacted. */
export function safeUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.username = "";
  copy.password = "";
  for (const key of [...copy.searchParams.keys()]) {
    if (SECRET_KEY.test(key)) copy.searchParams.set(key, REDACTED);
  }
  return `${copy.origin}${copy.pathname}${copy.search}`;
}
