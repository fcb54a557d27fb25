import { AllowPayments, BankAccountClass, bankAccountClassCode, BankAccountOwnerType, bankAccountOwnerTypeCode } from "../../modules/bank-account/bank-account.enums";
import { FactoringLoanTransactionType, FinancingInterestCalculateFrom, FinancingInterestCalculateTo, FinancingInterestFeeInsertTrigger } from "../../modules/factoring/factoring.enums";
import { DirectDebitMandateType, directDebitMandateTypeCode } from "../../modules/mandate/mandate.enums";
import type { DataQualityIssue } from "../source-record";
import { zonedDate } from "../../common/validation/zoned-date";
import { jsonNumberText } from "../mapping-kit";

/**
 * Aptic's nested resources (seed 003, SOURCES.md's loan transaction) in the gateway's field names,
 * pure: what apply-aptic.ts checks and writes. Numbers become decimal strings (JSON numbers are
 * read as Aptic wrote them, by jsonNumberText: 1234.5 stays "1234.5", 1e-7 is "0.0000001"), enum
 * codes the gateway's enums, date-times the date in the tenant's time zone
 * where the gateway stores a date. A code the gateway doesn't know is an issue here (the value is
 * kept raw in the record); every other value is judged by the resource's own checks in apply.
 */

/** The tenant's time zone, for Aptic date-times where the gateway stores a calendar date. */
export { DEFAULT_TENANT_TIME_ZONE } from "../../common/validation/zoned-date";

export interface MappedResource {
  /** Gateway field -> value (undefined: Aptic sent nothing). */
  values: Record<string, unknown>;
  /** Gateway field -> Aptic field, for issues. */
  sourceFields: Record<string, string>;
  issues: DataQualityIssue[];
}

type Wire = Record<string, unknown>;

const asText = (value: unknown): string | null | undefined =>
  value === undefined ? undefined : value === null ? null : typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);

/** A JSON number (jsonNumberText: no exponent) or a decimal string as a decimal string; anything else as text for the checks to refuse. */
export const toDecimal = (value: unknown): string | null | undefined =>
  value === undefined ? undefined : value === null ? null : typeof value === "number" ? (jsonNumberText(value) ?? String(value)) : asText(value);

/**
 * A calendar date from Aptic's date-time (`2019-08-24T14:15:22Z`): the date it is in `timeZone`
 * (zonedDate). A bare YYYY-MM-DD is kept; anything else is returned as sent, for the checks to refuse.
 */
export function toZonedDate(value: unknown, timeZone: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  return zonedDate(String(value), timeZone);
}

const inverse = <E extends string>(codes: Record<E, number>): Map<number, E> => new Map(Object.entries(codes).map(([name, code]) => [code as number, name as E]));
const byPosition = <E extends string>(values: readonly E[], first = 1): Map<number, E> => new Map(values.map((value, i) => [i + first, value]));

const BANK_ACCOUNT_CLASSES = inverse<BankAccountClass>(bankAccountClassCode);
const OWNER_TYPES = inverse<BankAccountOwnerType>(bankAccountOwnerTypeCode);
const ALLOW_PAYMENTS = byPosition([AllowPayments.NO, AllowPayments.PAYMENTS, AllowPayments.NETTINGS], 0);
const MANDATE_TYPES = inverse<DirectDebitMandateType>(directDebitMandateTypeCode);
const INTEREST_FROM = byPosition(Object.values(FinancingInterestCalculateFrom));
const INTEREST_TO = byPosition(Object.values(FinancingInterestCalculateTo));
const FEE_TRIGGER = byPosition(Object.values(FinancingInterestFeeInsertTrigger));
const TRANSACTION_TYPES = new Map(Object.values(FactoringLoanTransactionType).map((type) => [type as string, type]));

type Kind = "same" | "decimal" | "date" | "instant" | { codes: Map<number | string, string> };

/** How one Aptic field becomes one gateway field. */
interface FieldMap {
  field: string;
  from: string[];
  kind: Kind;
}

const f = (field: string, kind: Kind = "same", ...from: string[]): FieldMap => ({ field, kind, from: from.length > 0 ? from : [field] });

function mapFields(wire: Wire, fields: readonly FieldMap[], timeZone: string): MappedResource {
  const out: MappedResource = { values: {}, sourceFields: {}, issues: [] };
  for (const { field, from, kind } of fields) {
    const sourceField = from.find((name) => wire[name] !== undefined);
    if (sourceField === undefined) continue;
    const value = wire[sourceField];
    out.sourceFields[field] = sourceField;
    if (kind === "same") out.values[field] = value;
    else if (kind === "decimal") out.values[field] = toDecimal(value);
    else if (kind === "date") out.values[field] = toZonedDate(value, timeZone);
    else if (kind === "instant") out.values[field] = value === null ? null : asText(value);
    else if (value === null) out.values[field] = null;
    else {
      const mapped = kind.codes.get(typeof value === "number" ? value : String(value)) ?? (typeof value === "string" && [...kind.codes.values()].includes(value) ? value : undefined);
      if (mapped === undefined) out.issues.push({ field, sourceField, value: asText(value) ?? null, message: "Not a code the gateway knows" });
      else out.values[field] = mapped;
    }
  }
  return out;
}

const CONTRACT: FieldMap[] = [
  f("contractType"), f("contractNumber"), f("startDate", "date"), f("endDate", "date"), f("invoiceDate", "date"), f("cancelDate", "date"), f("idNumber"),
  f("contractCancelReason"), f("periodFee", "decimal"), f("contractLength"), f("periodLength"), f("note"), f("customerCategory"), f("instructions"), f("invoiceItem"),
];

const LOAN: FieldMap[] = [
  f("decisionDate", "date"), f("limit", "decimal"), f("autoPercent", "decimal", "autopercent", "autoPercent"), f("maxPercent", "decimal", "maxpercent", "maxPercent"),
  f("yourReference"), f("ourReference"), f("interestRate", "decimal"), f("interestCode"), f("limitFeeAmount", "decimal"), f("limitFeePercentage", "decimal"),
  f("limitFeeInterval"), f("limitFeeDate", "date"), f("limitFeeInvoiceItem"), f("limitFeePartOfPeriod"), f("limitFeePartOfPeriodAmount", "decimal"), f("note"), f("currencyCode"),
];

const PURCHASE: FieldMap[] = [
  f("active"), f("decisionDate", "date"), f("deposit", "same"), f("limit", "decimal"), f("customerLimit", "decimal"), f("recourseLimit", "decimal"),
  f("nonRecourseLimit", "decimal"), f("defaultGroupLimit", "decimal"), f("recourse"), f("recourseDays"), f("blockedAccount"), f("blockedAccountTotal", "decimal"),
  f("blockedAccountInterestRate", "decimal"), f("blockedAccountInterestCode"), f("note"), f("overInterestAfterDays"), f("overInterestRate", "decimal"), f("overInterestCode"),
  f("financingInterestCalculateFrom", { codes: INTEREST_FROM }), f("financingInterestCalculateTo", { codes: INTEREST_TO }),
  f("financingInterestFeeInsertTrigger", { codes: FEE_TRIGGER }), f("financingInterestRate", "decimal"), f("financingInterestCode"), f("currencyCode"),
];

const BANK_ACCOUNT: FieldMap[] = [
  f("bankAccountNo", "same", "bankaccountNo", "bankAccountNo"), f("description"), f("bankAccountClass", { codes: BANK_ACCOUNT_CLASSES }, "bankaccountClass", "bankAccountClass"),
  f("ownerType", { codes: OWNER_TYPES }), f("internalCode"), f("priority"), f("agreementNo"), f("bankCode"), f("bankDescription"), f("countryCode"), f("zipCode"), f("city"),
  f("allowPayments", { codes: ALLOW_PAYMENTS }), f("allowDisbursementsFrom"), f("allowDisbursementsTo"), f("businessAccount"), f("thirdPartyRemittance"), f("powerOfAttorney"),
  f("currencyCode"), f("accountBalance", "decimal"), f("iban"), f("bic"), f("blz"), f("swift"),
];

/** The mandate's one account (`bankAccountNo` in Aptic's answer) is the receiving one, which the gateway requires. */
const MANDATE: FieldMap[] = [
  f("mandateType", { codes: MANDATE_TYPES }, "directDebitMandateType", "mandateType"), f("receivingBankAccountNo", "same", "receivingBankAccountNo", "bankAccountNo"),
  f("sendingBankAccountClass", { codes: BANK_ACCOUNT_CLASSES }), f("sendingBankAccountNo"), f("referenceNo"), f("requestedAt", "instant"), f("approvedAt", "instant"),
  f("signedAt", "instant", "signedDate", "signedAt"), f("validFrom", "date", "validfrom", "validFrom"), f("validUntil", "date", "validuntil", "validUntil"), f("closedAt", "instant"),
];

const TRANSACTION: FieldMap[] = [
  f("transactionDate", "date"), f("type", { codes: TRANSACTION_TYPES }, "transactionType", "type"), f("amount", "decimal"), f("currencyCode"), f("description"),
];

export const mapContract = (wire: Wire, timeZone: string) => mapFields(wire, CONTRACT, timeZone);
export const mapLoanContract = (wire: Wire, timeZone: string) => mapFields(wire, LOAN, timeZone);
export const mapPurchaseContract = (wire: Wire, timeZone: string) => mapFields(wire, PURCHASE, timeZone);
export const mapBankAccount = (wire: Wire, timeZone: string) => mapFields(wire, BANK_ACCOUNT, timeZone);
export const mapMandate = (wire: Wire, timeZone: string) => mapFields(wire, MANDATE, timeZone);
export const mapTransaction = (wire: Wire, timeZone: string) => mapFields(wire, TRANSACTION, timeZone);

export function mapParameter(wire: Wire): MappedResource {
  return { values: { type: asText(wire.type) ?? null, value: asText(wire.value) ?? null, href: asText(wire.href) ?? null }, sourceFields: { type: "type", value: "value", href: "href" }, issues: [] };
}

/** An extra field's `value` (a list of strings; a single value is a list of one). */
export function mapExtraField(wire: Wire): MappedResource {
  const raw = wire.value ?? wire.values;
  const values = raw === undefined || raw === null ? [] : (Array.isArray(raw) ? raw : [raw]).map((item) => asText(item) ?? "");
  return { values: { values }, sourceFields: { values: wire.value !== undefined ? "value" : "values" }, issues: [] };
}

/** The GUID a list item is matched by, lower case; null when it has none (the item can't be synced). */
export function guidOf(wire: Wire, field: string): string | null {
  const value = wire[field];
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value.toLowerCase() : null;
}

/**
 * A summary's figures as stored (source_summary.figures): every number a decimal string, the rest
 * as sent (nested objects and lists alike).
 */
export function summaryFigures(value: unknown): unknown {
  if (typeof value === "number") return jsonNumberText(value) ?? String(value);
  if (Array.isArray(value)) return value.map(summaryFigures);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, summaryFigures(item)]));
  return value;
}
