import { Field, Int, ObjectType } from "type-graphql";
import { keyedRowsLoader } from "../../common/loaders";
import { Currency, DateScalar, Decimal } from "../../common/scalars";
import { OPEN_INVOICE_STATUSES } from "../invoice/invoice.enums";

/**
 * What `charts` means, in one place for ClientsSummary and ClientSummary: for each of the last 12
 * calendar months (UTC; the current month and the 11 before it), the invoices ISSUED in that month
 * (issueDate) that are still open now (SENT, PARTIALLY_PAID or OVERDUE), and what they still owe
 * (totalAmount - paidAmount), per currency. Invoices paid, credited or cancelled since count in no
 * month; amounts of different currencies are never added.
 */
export const CHARTS_DESCRIPTION =
  "Open invoice amount per month for the last 12 calendar months (UTC: the current month and the 11 before it), per currency: for month M, the invoices issued in M (by issueDate) that are still open now (SENT, PARTIALLY_PAID or OVERDUE), with what they still owe (totalAmount - paidAmount). Every currency with such an invoice in the 12 months has all 12 months (zero where none), ordered by currency, then month";

@ObjectType({ description: "The invoices issued in one month, in one currency, that are still open" })
export class MonthlyOpenAmount {
  @Field(() => DateScalar, { description: "The month: its first day" })
  month: string;

  @Field(() => Currency, { description: "The invoices' currency (ISO 4217): amounts of different currencies are never added" })
  currencyCode: string;

  @Field(() => Decimal, { description: "What those invoices still owe: the sum of totalAmount - paidAmount" })
  openAmount: string;

  @Field(() => Int, { description: "How many invoices issued in the month are still open" })
  invoiceCount: number;
}

const OPEN = `i."status" IN (${OPEN_INVOICE_STATUSES.map((status) => `'${status}'`).join(", ")})`;
const THIS_MONTH = `date_trunc('month', (now() AT TIME ZONE 'UTC'))::date`;

/** The 12 months and the open invoices issued in them; `scope` narrows the invoices (alias i). */
const chartSql = (scope: string, key: string) => `
  WITH months AS (
    SELECT (${THIS_MONTH} - make_interval(months => g))::date AS month FROM generate_series(0, 11) AS g
  ), open AS (
    SELECT ${key} AS key, date_trunc('month', i."issue_date")::date AS month, i."currency_code", i."total_amount" - i."paid_amount" AS amount
    FROM "invoice" i
    WHERE i."tenant_id" = $1 AND ${scope} AND ${OPEN}
      AND i."issue_date" >= ${THIS_MONTH} - interval '11 months' AND i."issue_date" < ${THIS_MONTH} + interval '1 month'
  ), currencies AS (
    SELECT DISTINCT key, "currency_code" FROM open
  ), points AS (
    SELECT c.key, m.month, c."currency_code", coalesce(sum(o.amount), 0.00) AS amount, count(o.amount)::int AS n
    FROM currencies c CROSS JOIN months m
    LEFT JOIN open o ON o.key = c.key AND o.month = m.month AND o."currency_code" = c."currency_code"
    GROUP BY c.key, m.month, c."currency_code"
  )`;

/** The company's chart: rows of MonthlyOpenAmount. */
export const COMPANY_CHARTS_SQL = `${chartSql("TRUE", "1")}
  SELECT month::text AS "month", "currency_code" AS "currencyCode", amount::text AS "openAmount", n AS "invoiceCount"
  FROM points ORDER BY "currency_code", month`;

/** Per client of $2, one statement for the whole batch: each client's chart as a JSON array. */
const CLIENT_CHARTS_SQL = `${chartSql(`i."client_id" = ANY($2::bigint[])`, `i."client_id"`)}
  SELECT key::text AS "clientId",
         json_agg(json_build_object('month', month::text, 'currencyCode', "currency_code", 'openAmount', amount::text, 'invoiceCount', n) ORDER BY "currency_code", month) AS "charts"
  FROM points GROUP BY key`;

/** ClientSummary.charts, keyed by the client's id. */
export const clientChartsLoader = keyedRowsLoader<{ charts: MonthlyOpenAmount[] }>("ClientSummary.charts", CLIENT_CHARTS_SQL, "clientId", () => ({ charts: [] }));
