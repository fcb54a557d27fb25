import { keyedRowsLoader } from "../../common/loaders";
import { InvoiceStatus, OPEN_INVOICE_STATUSES } from "../invoice/invoice.enums";
import { ClientSummary } from "./client-summary.type";

const OPEN = `i."status" IN (${OPEN_INVOICE_STATUSES.map((status) => `'${status}'`).join(", ")})`;

const count = (table: string, condition = "") =>
  `(SELECT count(*) FROM "${table}" x WHERE x."tenant_id" = $1 AND x."client_id" = c.id${condition})::int`;

/** One row per client id of $2; every subquery is filtered by the tenant ($1) as well as by client. */
const SQL = `SELECT c.id::text AS "clientId",
    inv."invoiceCount", inv."openInvoiceCount", inv."overdueInvoiceCount", inv."purchasedInvoiceCount",
    coalesce(amounts."openInvoiceAmounts", '[]'::json) AS "openInvoiceAmounts",
    ${count("bank_account")} AS "bankAccountCount",
    ${count(
      "direct_debit_mandate",
      ` AND x."closed_at" IS NULL AND (x."valid_until" IS NULL OR x."valid_until" >= current_date)`,
    )} AS "activeMandateCount",
    ${count("client_parameter")} AS "parameterCount",
    ${count("pricelist")} AS "pricelistCount",
    ${count("extra_field")} AS "extraFieldCount",
    ${count("act")} AS "actCount",
    (SELECT CASE WHEN s."figures"->>'cases' ~ '^[0-9]{1,9}$' THEN (s."figures"->>'cases')::int END FROM "source_summary" s
      WHERE s."tenant_id" = $1 AND s."client_id" = c.id AND s."kind" = 'CLIENT' ORDER BY s."as_of" DESC, s."id" DESC LIMIT 1) AS "cases"
  FROM unnest($2::bigint[]) AS c(id)
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS "invoiceCount",
      (count(*) FILTER (WHERE ${OPEN}))::int AS "openInvoiceCount",
      (count(*) FILTER (WHERE i."status" = '${InvoiceStatus.OVERDUE}' OR (${OPEN} AND i."due_date" < current_date)))::int AS "overdueInvoiceCount",
      (count(*) FILTER (WHERE i."purchased_at" IS NOT NULL))::int AS "purchasedInvoiceCount"
    FROM "invoice" i
    WHERE i."tenant_id" = $1 AND i."client_id" = c.id
  ) inv
  CROSS JOIN LATERAL (
    SELECT json_agg(json_build_object('currencyCode', o."currency_code", 'amount', o.amount::text, 'count', o.n) ORDER BY o."currency_code") AS "openInvoiceAmounts"
    FROM (
      SELECT i."currency_code", sum(i."total_amount" - i."paid_amount") AS amount, count(*)::int AS n
      FROM "invoice" i
      WHERE i."tenant_id" = $1 AND i."client_id" = c.id AND ${OPEN}
      GROUP BY i."currency_code"
    ) o
  ) amounts`;


const emptySummary = (): ClientSummary => ({
  invoiceCount: 0,
  openInvoiceCount: 0,
  openInvoiceAmounts: [],
  overdueInvoiceCount: 0,
  purchasedInvoiceCount: 0,
  bankAccountCount: 0,
  activeMandateCount: 0,
  parameterCount: 0,
  pricelistCount: 0,
  extraFieldCount: 0,
  actCount: 0,
  cases: null,
});

/**
 * A client's accounts summary as a source last sent it (the listing's items), or null: keyed by
 * the client's id, one statement per batch.
 */
const ACCOUNTS_SQL = `SELECT c.id::text AS "clientId", s."figures" AS "items"
  FROM unnest($2::bigint[]) AS c(id)
  LEFT JOIN LATERAL (
    SELECT x."figures" FROM "source_summary" x
     WHERE x."tenant_id" = $1 AND x."client_id" = c.id AND x."kind" = 'ACCOUNTS' ORDER BY x."as_of" DESC, x."id" DESC LIMIT 1
  ) s ON true`;

export const accountsSummaryLoader = keyedRowsLoader<{ items: Record<string, unknown>[] | null }>("Client.accountsSummary", ACCOUNTS_SQL, "clientId", () => ({ items: null }));

/** The summaries of all clients of a batch in ONE statement. */
export const clientSummaryLoader = keyedRowsLoader("Client.summary", SQL, "clientId", emptySummary);
