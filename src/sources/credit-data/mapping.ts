import type { ClientFieldName } from "../../modules/client/client.fields";
import { decimalProblem, isCalendarDate, isCurrencyCode } from "../../common/validation/formats";
import { asText, camelCase, checkClientValues, countryCandidate, isInstant, issue, jsonNumberText, type Candidate } from "../mapping-kit";
import type { DataQualityIssue, MappingResult, SourceClientRecord } from "../source-record";
import type { CreditDataActs } from "./client";

/** The credit-data fields that land on a field of the gateway's Client, and where (SOURCES.md "Credit data"). */
export const CREDIT_DATA_FIELDS: Readonly<Record<string, ClientFieldName>> = {
  company_name: "name",
  org_number: "orgNumber",
  country: "countryCode",
  credit_limit: "creditLimit",
  credit_limit_currency: "creditLimitCurrency",
  rating: "rating",
  contact_name: "contactPerson",
  email: "email",
  phone: "phone",
};

/** Fields that describe the record rather than the client. */
const RECORD_FIELDS = new Set(["id", "created_at", "updated_at"]);

/** One line of an act as the gateway stores it (Act.dataPoints): the value a decimal string, never a float. */
export interface SourceActDataPoint {
  code: string;
  label: string;
  value: string | null;
  unit: string | null;
}

/** An act (financial statement) in the gateway's Act fields. */
export interface SourceActRecord {
  sourceId: string;
  periodStart: string;
  periodEnd: string;
  publishedAt: string | null;
  /** The one currency the act's money data points are in; null when they name none (or several: an issue). */
  currencyCode: string | null;
  revenue: string | null;
  result: string | null;
  equity: string | null;
  totalAssets: string | null;
  employees: number | null;
  dataPoints: SourceActDataPoint[];
}

export interface CreditDataClientRecord extends SourceClientRecord {
  /**
   * The client's acts (the latest and the whole list, merged by id), when they were read this run;
   * null: not read (the client is unchanged), so the gateway's acts of it are left as they are. An
   * act of this source that is in neither this list nor `refusedActIds` is gone from the source.
   */
  acts: SourceActRecord[] | null;
  /** Acts the source lists whose values the gateway refuses (an issue each): kept as they are. */
  refusedActIds: string[];
}

/** The data point codes that fill Act's own columns (the rest stay data points only). */
export const ACT_COLUMNS: Readonly<Record<string, "revenue" | "result" | "equity" | "totalAssets" | "employees">> = {
  REVENUE: "revenue",
  NET_SALES: "revenue",
  TURNOVER: "revenue",
  NET_RESULT: "result",
  RESULT: "result",
  NET_INCOME: "result",
  EQUITY: "equity",
  TOTAL_ASSETS: "totalAssets",
  EMPLOYEES: "employees",
  NUMBER_OF_EMPLOYEES: "employees",
};

const MONEY = { precision: 18, scale: 2 };
/** A data point's value: any decimal numeric(30, 6) holds (jsonb keeps it as text). */
const DATA_POINT = { precision: 30, scale: 6 };

/** A decimal as text: a string as sent, a JSON number by jsonNumberText (no exponent, no arithmetic); null when it is neither. */
function decimalText(value: unknown): string | null {
  if (typeof value === "string") return value.trim();
  return typeof value === "number" ? jsonNumberText(value) : null;
}

/**
 * A credit-data client (000: the listing's or the lookup's item) as a source client record: the
 * fields of CREDIT_DATA_FIELDS through the gateway's checks (a refused value is an issue, kept raw,
 * the rest maps), the credit limit as a decimal string (a JSON number by its exact text), the
 * currency upper-cased; `id` is the source id; every other field goes to `unmapped`. The acts are
 * read apart (CreditDataClient.actsOf) and mapped with mapCreditDataActs. Pure.
 */
export function mapCreditDataClient(raw: unknown, acts: CreditDataActs | null = null): MappingResult<CreditDataClientRecord> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return reject("Not a JSON object", raw);
  const record = raw as Record<string, unknown>;
  const id = record.id;
  const sourceId =
    typeof id === "number" && Number.isInteger(id) && id >= 0 ? String(id) : typeof id === "string" && id.trim() !== "" && id.length <= 255 ? id : null;
  if (sourceId === null) return reject("The client has no id (text of 1..255 characters or a whole number)", raw);

  const issues: DataQualityIssue[] = [];
  const candidates: Candidate[] = [];
  const unmapped: Record<string, unknown> = {};
  for (const [sourceField, value] of Object.entries(record)) {
    if (RECORD_FIELDS.has(sourceField)) continue;
    const field = CREDIT_DATA_FIELDS[sourceField];
    if (!field) {
      unmapped[camelCase(sourceField)] = value;
      continue;
    }
    if (field === "countryCode" && typeof value === "string" && value.trim() !== "") {
      const country = countryCandidate(field, sourceField, value);
      if ("issue" in country) issues.push(country.issue);
      else candidates.push(country.candidate);
      continue;
    }
    if (field === "creditLimit" && value !== null && value !== undefined) {
      const text = decimalText(value);
      if (text === null) issues.push(issue({ field, sourceField, value }, "Not a decimal such as \"250000.00\""));
      else candidates.push({ field, sourceField, value: text, sent: value });
      continue;
    }
    if (field === "creditLimitCurrency" && typeof value === "string") {
      candidates.push({ field, sourceField, value: value.trim().toUpperCase(), sent: value });
      continue;
    }
    candidates.push({ field, sourceField, value });
  }
  const checked = checkClientValues(candidates);
  issues.push(...checked.issues);

  const time = (sourceField: string): string | null => {
    const value = record[sourceField];
    if (value === null || value === undefined) return null;
    if (isInstant(value)) return value;
    issues.push({ field: camelCase(sourceField), sourceField, value: asText(value), message: "Not an ISO 8601 instant with offset" });
    return null;
  };
  const sourceCreatedAt = time("created_at");
  const sourceUpdatedAt = time("updated_at");
  const mappedActs = acts === null ? null : mapCreditDataActs(acts, issues);

  return {
    ok: true,
    record: {
      kind: "CREDIT_DATA",
      sourceId,
      sourceUpdatedAt,
      sourceCreatedAt,
      deletedInSource: false,
      deletedAt: null,
      values: checked.values,
      externalIdentifiers: [],
      unmapped,
      issues,
      raw: record,
      acts: mappedActs?.acts ?? null,
      refusedActIds: mappedActs?.refused ?? [],
    },
  };
}

function reject(message: string, raw: unknown): MappingResult<CreditDataClientRecord> {
  return { ok: false, rejected: { kind: "CREDIT_DATA", message, raw } };
}

/** A date as the gateway stores it: YYYY-MM-DD as sent, or the UTC date of an instant. */
function dateOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (isCalendarDate(value)) return value;
  return isInstant(value) ? new Date(value).toISOString().slice(0, 10) : null;
}

const text = (value: unknown, max: number): string | null => (typeof value === "string" && value.trim() !== "" && value.length <= max ? value.trim() : null);

/**
 * The latest act and the list as the gateway's acts: merged by id (the list's copy first, the
 * latest added when the list lacks it), each with its data points; an act whose id or period the
 * gateway can't store is refused (an issue at `acts.<n>`), a data point's unreadable value is kept
 * as null (an issue at `acts.<n>.dataPoints.<m>.value`). Pure.
 */
export function mapCreditDataActs(acts: CreditDataActs, issues: DataQualityIssue[]): { acts: SourceActRecord[]; refused: string[] } {
  const all = [...acts.list];
  if (acts.latest && !all.some((act) => String(act.id) === String(acts.latest!.id))) all.unshift(acts.latest);
  const out: SourceActRecord[] = [];
  const refused: string[] = [];
  const seen = new Set<string>();
  all.forEach((act, n) => {
    const at = `acts.${n}`;
    const sourceId = typeof act.id === "number" ? String(act.id) : text(act.id, 255);
    if (sourceId === null) return void issues.push({ field: at, sourceField: at, value: asText(act.id), message: "The act has no id" });
    if (seen.has(sourceId)) return;
    seen.add(sourceId);
    const periodStart = dateOf(act.period_start);
    const periodEnd = dateOf(act.period_end);
    const problem =
      periodStart === null ? ["period_start", "Not a date (YYYY-MM-DD)"]
      : periodEnd === null ? ["period_end", "Not a date (YYYY-MM-DD)"]
      : periodStart > periodEnd ? ["period_end", "Is before period_start"]
      : null;
    if (problem) {
      refused.push(sourceId);
      return void issues.push({ field: `${at}.${camelCase(problem[0])}`, sourceField: `${at}.${problem[0]}`, value: asText(act[problem[0]]), message: `${problem[1]}: act ${sourceId} not synced` });
    }
    let publishedAt: string | null = null;
    if (act.published_at !== null && act.published_at !== undefined) {
      if (isInstant(act.published_at)) publishedAt = act.published_at;
      else issues.push({ field: `${at}.publishedAt`, sourceField: `${at}.published_at`, value: asText(act.published_at), message: "Not an ISO 8601 instant with offset" });
    }
    const columns: Pick<SourceActRecord, "revenue" | "result" | "equity" | "totalAssets" | "employees"> = { revenue: null, result: null, equity: null, totalAssets: null, employees: null };
    const currencies = new Set<string>();
    const dataPoints: SourceActDataPoint[] = [];
    (Array.isArray(act.data_points) ? act.data_points : []).forEach((point, m) => {
      const pointAt = `${at}.dataPoints.${m}`;
      const sourceAt = `${at}.data_points.${m}`;
      const code = text(point?.code, 64);
      if (code === null) return void issues.push({ field: `${pointAt}.code`, sourceField: `${sourceAt}.code`, value: asText(point?.code), message: "A data point needs a code (text of 1..64 characters)" });
      const unitText = typeof point.unit === "string" && point.unit.trim() !== "" ? point.unit.trim().slice(0, 32) : null;
      let value: string | null = null;
      if (point.value !== null && point.value !== undefined) {
        const sent = decimalText(point.value);
        const wrong = sent === null ? "Not a decimal" : decimalProblem(sent, DATA_POINT);
        if (wrong) issues.push({ field: `${pointAt}.value`, sourceField: `${sourceAt}.value`, value: asText(point.value), message: wrong });
        else value = sent;
      }
      dataPoints.push({ code, label: text(point.label, 255) ?? code, value, unit: unitText });
      const column = ACT_COLUMNS[code.toUpperCase()];
      if (!column || value === null) return;
      if (column === "employees") {
        if (/^\d{1,9}$/.test(value)) columns.employees = Number(value);
        return;
      }
      if (decimalProblem(value, MONEY) === null) columns[column] = value;
      if (unitText && isCurrencyCode(unitText.toUpperCase())) currencies.add(unitText.toUpperCase());
    });
    if (currencies.size > 1) issues.push({ field: `${at}.currencyCode`, sourceField: `${at}.data_points`, value: [...currencies].join(","), message: "The act's amounts are in several currencies: none is stored as the act's" });
    out.push({ sourceId, periodStart: periodStart!, periodEnd: periodEnd!, publishedAt, currencyCode: currencies.size === 1 ? [...currencies][0] : null, ...columns, dataPoints });
  });
  return { acts: out, refused };
}
