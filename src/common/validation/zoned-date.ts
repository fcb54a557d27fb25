/**
 * Calendar dates from date-times: a source (Aptic, seed 003) and Aptic-shaped callers send
 * `2019-08-24T14:15:22Z` where the gateway stores a date (contract, decision and validity dates).
 * The date is the one the instant falls on in the tenant's time zone.
 */

/** The tenant's time zone: no tenant table holds one yet, so every tenant's is Stockholm's. */
export const DEFAULT_TENANT_TIME_ZONE = "Europe/Stockholm";

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const formats = new Map<string, Intl.DateTimeFormat>();

/** Whether YYYY-MM-DD is a day of the calendar (Date.parse rolls 2026-02-30 over to March 2nd). */
const isRealDay = (date: string): boolean => new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);

/** Whether the text is an ISO 8601 date-time (with or without an offset) on a day that exists. */
export const isDateTimeText = (text: string): boolean =>
  INSTANT.test(text) && !Number.isNaN(Date.parse(text)) && isRealDay(text.slice(0, 10));

/**
 * The date of a date-time in `timeZone` (22:30Z on the 23rd is the 24th in Stockholm); a date-time
 * without an offset is local time already, so its own date. Anything else (a bare date included)
 * is returned as it is.
 */
export function zonedDate(text: string, timeZone = DEFAULT_TENANT_TIME_ZONE): string {
  if (!isDateTimeText(text)) return text;
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return text.slice(0, 10);
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
  return format.format(new Date(text));
}

/** How a stored date's GraphQL field says where a date-time's date comes from. */
export const ZONED_DATE_NOTE = "A date-time synced from Aptic or given to a mutation is stored as its date in the tenant's time zone (Europe/Stockholm)";
