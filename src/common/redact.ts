/**
 * Personal data and secrets out of text that reaches a log or an error message: whatever a caller
 * sent can hold org numbers, personnummer, emails, phone numbers, IBANs or tokens, so they are
 * recognised by shape, not by field name. Over-redaction (a date, an amount) is the price of
 * never missing a number.
 */
const RULES: [RegExp, string | ((match: string) => string)][] = [
  // JWTs and bearer credentials.
  [/\beyJ[\w-]*\.[\w-]*\.[\w-]*/g, "[token]"],
  [/\b(Bearer|Basic)\s+\S+/gi, "$1 [token]"],
  // Emails (PEC addresses too).
  [/[^\s@"'<>(),;:[\]\\]+@[^\s@"'<>(),;:[\]\\]+\.[A-Za-z]{2,}/g, "[email]"],
  // IBANs, with or without the groups' spaces.
  [/\b[A-Za-z]{2}\d{2}(?:\s?[A-Za-z0-9]){10,30}\b/g, "[iban]"],
  // Org numbers, personnummer, phone and account numbers: 6 or more digits, separators allowed.
  [
    /\+?\d[\d\s\-./()+]*\d/g,
    (match) => ((match.match(/\d/g)?.length ?? 0) >= 6 ? "[number]" : match),
  ],
];

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) {
    result = typeof replacement === "string" ? result.replace(pattern, replacement) : result.replace(pattern, replacement);
  }
  return result;
}

/** A copy of `value` with every string redacted (keys too: a JSON object's keys are caller data). */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 20) return "[deep]";
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactText(key), redactDeep(item, depth + 1)]));
}
