import type { ClientFieldName } from "../../modules/client/client.fields";
import { CustomerType, customerTypeClientType } from "../../modules/client/client.enums";
import { InvoiceStatus } from "../../modules/invoice/invoice.enums";
import { subtractDecimal } from "../../modules/invoice/decimal";
import { compareDecimals, decimalProblem, isCalendarDate, isCurrencyCode } from "../../common/validation/formats";
import { asText, camelCase, checkClientValues, countryCandidate, isInstant, issue, type Candidate } from "../mapping-kit";
import type { DataQualityIssue, MappingResult, SourceClientRecord } from "../source-record";

/** The invoicing fields that land on a field of the gateway's Client, and where. */
export const INVOICING_FIELDS: Readonly<Record<string, ClientFieldName>> = {
  name: "name",
  email: "email",
  org_number: "orgNumber",
  vat_number: "vatNumber",
  country: "countryCode",
  default_payment_terms: "paymentTerms",
  notes: "notes",
};

/**
 * `customer_type` -> the gateway's customerType, as sent; clientType (BUSINESS | INDIVIDUAL, fixed
 * by API.md) is the kind it implies.
 */
export const CUSTOMER_TYPES: Readonly<Record<string, CustomerType>> = {
  business: CustomerType.BUSINESS,
  individual: CustomerType.INDIVIDUAL,
  swedish_business: CustomerType.SWEDISH_BUSINESS,
  eu_business: CustomerType.EU_BUSINESS,
};

const OPEN_STATUSES: Readonly<Record<string, InvoiceStatus>> = {
  sent: InvoiceStatus.SENT,
  partially_paid: InvoiceStatus.PARTIALLY_PAID,
  overdue: InvoiceStatus.OVERDUE,
};

const RECORD_FIELDS = new Set(["id", "created_at", "updated_at", "archived_at", "invoices", "customer_type"]);

/** An open invoice of the customer in the gateway's Invoice fields. */
export interface SourceInvoiceRecord {
  sourceId: string;
  invoiceNumber: string;
  status: InvoiceStatus;
  currencyCode: string;
  totalAmount: string;
  /** As the source says; the gateway stores `paidAmount` (= total - open) and derives the rest. */
  openAmount: string;
  paidAmount: string;
  issueDate: string;
  dueDate: string;
  raw: Readonly<Record<string, unknown>>;
}

/** An invoice the source lists as open but whose values the gateway refuses (its issues say why). */
export interface RejectedInvoice {
  sourceId: string | null;
  invoiceNumber: string | null;
  raw: unknown;
}

export interface InvoicingClientRecord extends SourceClientRecord {
  /**
   * The customer's open invoices, when the detail carried `invoices` (null: not read, so the
   * gateway's invoices are left as they are). An invoice of the gateway that is in neither this
   * list nor `rejectedInvoices` is no longer open in the source.
   */
  openInvoices: SourceInvoiceRecord[] | null;
  /** Still open in the source, but not storable as sent: not to be closed in the gateway. */
  rejectedInvoices: RejectedInvoice[];
}

/** Masked personal numbers as list responses show them ("811218-****"). */
const MASKED = /[*•]/;

/**
 * A customer of the invoicing system (004's detail, `?expand=invoices`) as a source client
 * record: name, email, org and VAT number, country, payment terms and notes onto the Client's
 * fields through the gateway's checks; `customer_type` onto customerType, as sent, and the
 * clientType it implies; `archived_at` marks it archived in the source; open invoices onto
 * Invoice fields. Pure.
 */
export function mapInvoicingCustomer(raw: unknown): MappingResult<InvoicingClientRecord> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return reject("Not a JSON object", raw);
  const record = raw as Record<string, unknown>;
  if (typeof record.id !== "string" || record.id.trim() === "" || record.id.length > 100) return reject("The customer has no id (text of 1..100 characters)", raw);

  const issues: DataQualityIssue[] = [];
  const candidates: Candidate[] = [];
  const unmapped: Record<string, unknown> = {};
  const type = record.customer_type;
  if (typeof type === "string" && Object.hasOwn(CUSTOMER_TYPES, type)) {
    const customerType = CUSTOMER_TYPES[type];
    candidates.push({ field: "customerType", sourceField: "customer_type", value: customerType, sent: type });
    candidates.push({ field: "clientType", sourceField: "customer_type", value: customerTypeClientType(customerType), sent: type });
  } else if (type === null) {
    candidates.push({ field: "customerType", sourceField: "customer_type", value: null }); // cleared, as any field sent as null
  } else if (type !== undefined) {
    // Neither field is set: the client's kind is unknown, not guessed.
    issues.push(issue({ field: "customerType", sourceField: "customer_type", value: type }, `Not a customer type the gateway knows (${Object.keys(CUSTOMER_TYPES).join(", ")})`));
  }

  for (const [sourceField, value] of Object.entries(record)) {
    if (RECORD_FIELDS.has(sourceField)) continue;
    const field = INVOICING_FIELDS[sourceField];
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
    if (field === "orgNumber" && typeof value === "string" && MASKED.test(value)) {
      issues.push(issue({ field, sourceField, value }, "Masked by the source (a list view, or a token without the right to see personal numbers)"));
      continue;
    }
    candidates.push({ field, sourceField, value });
  }
  // A swedish_business is in Sweden: with no country of its own (004's create example has none),
  // that is the record's country, so its org number can be checked (and kept) as Swedish.
  if (type === "swedish_business" && (record.country === undefined || record.country === null)) {
    const at = candidates.findIndex((c) => c.field === "countryCode");
    if (at >= 0) candidates.splice(at, 1);
    candidates.push({ field: "countryCode", sourceField: "customer_type", value: "SE", sent: type });
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
  const deletedAt = time("archived_at");
  const invoices = mapInvoices(record.invoices, issues);

  return {
    ok: true,
    record: {
      kind: "INVOICING",
      sourceId: record.id,
      sourceUpdatedAt,
      sourceCreatedAt,
      deletedInSource: record.archived_at !== null && record.archived_at !== undefined,
      deletedAt,
      values: checked.values,
      externalIdentifiers: [],
      unmapped,
      issues,
      raw: record,
      openInvoices: invoices.open,
      rejectedInvoices: invoices.rejected,
    },
  };
}

function reject(message: string, raw: unknown): MappingResult<InvoicingClientRecord> {
  return { ok: false, rejected: { kind: "INVOICING", message, raw } };
}

const MONEY = { precision: 18, scale: 2, min: "0" };

/** The invoice's problems, keyed by its source field. */
function invoiceProblems(invoice: Record<string, unknown>): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const text = (key: string, max: number) => {
    const v = invoice[key];
    if (typeof v !== "string" || v.trim() === "" || v.length > max) problems.push([key, `Must be text of 1..${max} characters`]);
  };
  text("id", 100);
  text("invoice_number", 50);
  if (typeof invoice.status !== "string" || !OPEN_STATUSES[invoice.status]) problems.push(["status", "Not an open invoice status (sent, partially_paid, overdue)"]);
  if (typeof invoice.currency !== "string" || !isCurrencyCode(invoice.currency.toUpperCase())) problems.push(["currency", "Not an ISO 4217 currency code"]);
  for (const key of ["total_amount", "open_amount"]) {
    const v = invoice[key];
    const problem = typeof v === "string" ? decimalProblem(v, MONEY) : "Must be a decimal string such as \"1234.50\"";
    if (problem) problems.push([key, problem]);
  }
  if (!problems.some(([k]) => k === "total_amount" || k === "open_amount") && compareDecimals(invoice.open_amount as string, invoice.total_amount as string) > 0) {
    problems.push(["open_amount", "Is more than total_amount"]);
  }
  for (const key of ["issue_date", "due_date"]) {
    const v = invoice[key];
    if (typeof v !== "string" || !isCalendarDate(v)) problems.push([key, "Not a date (YYYY-MM-DD)"]);
  }
  return problems;
}

function mapInvoices(value: unknown, issues: DataQualityIssue[]): { open: SourceInvoiceRecord[] | null; rejected: RejectedInvoice[] } {
  if (value === undefined || value === null) return { open: null, rejected: [] };
  if (!Array.isArray(value)) {
    issues.push({ field: "openInvoices", sourceField: "invoices", value: asText(value), message: "Not a list" });
    return { open: null, rejected: [] };
  }
  const open: SourceInvoiceRecord[] = [];
  const rejected: RejectedInvoice[] = [];
  value.forEach((item: unknown, i) => {
    const invoice = (typeof item === "object" && item !== null && !Array.isArray(item) ? item : {}) as Record<string, unknown>;
    const problems = invoiceProblems(invoice);
    if (problems.length > 0) {
      for (const [key, message] of problems) {
        issues.push({ field: `openInvoices.${i}.${camelCase(key)}`, sourceField: `invoices.${i}.${key}`, value: asText(invoice[key]), message });
      }
      rejected.push({ sourceId: typeof invoice.id === "string" ? invoice.id : null, invoiceNumber: typeof invoice.invoice_number === "string" ? invoice.invoice_number : null, raw: item });
      return;
    }
    const total = invoice.total_amount as string;
    const openAmount = invoice.open_amount as string;
    open.push({
      sourceId: invoice.id as string,
      invoiceNumber: invoice.invoice_number as string,
      status: OPEN_STATUSES[invoice.status as string],
      currencyCode: (invoice.currency as string).toUpperCase(),
      totalAmount: total,
      openAmount,
      paidAmount: subtractDecimal(total, openAmount),
      issueDate: invoice.issue_date as string,
      dueDate: invoice.due_date as string,
      raw: invoice,
    });
  });
  return { open, rejected };
}
