/**
 * Personal data and secrets out of text that reaches a log or an error message: whatever a caller
 * sent can hold org numbers, personnummer, emails, phone numbers, IBANs or tokens, so they are
 * recognised by shape, not by field name. Over-redaction (a date, an amount) is the price of
 * never missing a number.
 */
const RULES: [RegExp, string | ((match: string) => string)][] = [
  // JWTs and their parts: base64url JSON (`{"` is `eyJ`) of 10 or more characters, wherever it
  // starts (`tok_eyJ...` too), with the following dot-separated parts. Linear: the character
  // runs and the dots are disjoint, so nothing backtracks.
  [/eyJ[\w-]{7,}(?:\.[\w-]*){0,2}/g, "[token]"],
  [/\b(Bearer|Basic)\s+\S+/gi, "$1 [token]"],
  // A query parameter that names a secret (`?token=`, `&api_key=`): a base URL sent with its
  // credentials in it. (A URL's user and password go with the `@` rule for emails.)
  [/([?&](?:access_token|token|api_?key|key|secret|client_secret|password|signature|sig)=)[^&#\s"']*/gi, "$1[secret]"],
  // IBANs, with or without the groups' spaces.
  [/\b[A-Za-z]{2}\d{2}(?:\s?[A-Za-z0-9]){10,30}\b/g, "[iban]"],
  // Org numbers, personnummer, phone and account numbers: runs of digits (any script's) joined by
  // anything but letters (`_ - . / : ,` spaces, a zero-width space...), 6 or more digits in all, are
  // one number: `op_830821_4751` is `op_[number]`, not `op_[number]_4751`. Linear for the same
  // reason as above: digit runs and separator runs are disjoint.
  [
    /\+?\p{Nd}+(?:[^\p{L}\p{Nd}]+\p{Nd}+)*/gu,
    (match) => ((match.match(/\p{Nd}/gu)?.length ?? 0) >= 6 ? "[number]" : match),
  ],
];

/** Longer text is cut after redaction: a log line needs no 700 KB logotype. */
export const MAX_LOGGED_TEXT = 500;

/**
 * Every whitespace-separated word with an `@` in it: an email whatever its form (a local domain,
 * a one-letter TLD, quotes). Done by splitting, not a regex that scans back from each `@`, so a
 * long text costs linear time.
 */
function redactEmails(text: string): string {
  if (!text.includes("@")) return text;
  return text
    .split(/(\s+)/)
    .map((word) => (word.includes("@") && !isDirective(word) ? "[email]" : word))
    .join("");
}

/**
 * A GraphQL directive as a message quotes it (`"@defer"`, `@include(if:`): one `@`, first after
 * any opening quote or bracket, so nothing precedes it as an email's local part would.
 */
function isDirective(word: string): boolean {
  const rest = word.replace(/^["'`([{]+/, "");
  // A GraphQL name after the `@`, then the word ends, closes, or opens the arguments: never a `.`
  // (`{@x.4g1.id` is an address to redact, found by the fuzzer).
  return rest.indexOf("@", 1) === -1 && /^@[_A-Za-z][_0-9A-Za-z]*(?:$|["'`)\]},:;!?]|\()/.test(rest);
}

export function redactText(text: string): string {
  let result = redactEmails(text);
  for (const [pattern, replacement] of RULES) {
    result = typeof replacement === "string" ? result.replace(pattern, replacement) : result.replace(pattern, replacement);
  }
  return result;
}

/** 6 or more digits in a JSON number are as telling as in a string (an org number sent as 5560360793). */
const TELLING_NUMBER = /\d{6}/;

/**
 * Keys whose values are secrets whatever their shape (a source system's credentials in
 * SourceAuthInput, and the usual names): an API key has no shape to recognise it by.
 */
const SECRET_KEY = /^(bearerToken|apiKey|clientSecret|password|secret|accessToken|refreshToken|token|signingSecret)$/i;

/**
 * A copy of `value` with every string redacted and cut to MAX_LOGGED_TEXT (keys too: a JSON
 * object's keys are caller data), numbers of 6 or more digits replaced, and the value of a key
 * that names a secret (SECRET_KEY) replaced whole.
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") {
    const redacted = redactText(value);
    return redacted.length > MAX_LOGGED_TEXT ? `${redacted.slice(0, MAX_LOGGED_TEXT)}[…${redacted.length - MAX_LOGGED_TEXT} more]` : redacted;
  }
  if (typeof value === "number" || typeof value === "bigint") return TELLING_NUMBER.test(String(value).replace(/\D/g, "")) ? "[number]" : value;
  if (value === null || typeof value !== "object") return value;
  if (depth > 20) return "[deep]";
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redactText(key), SECRET_KEY.test(key) && item != null ? "[secret]" : redactDeep(item, depth + 1)]),
  );
}
