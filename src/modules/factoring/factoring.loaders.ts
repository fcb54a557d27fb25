import { hasOne, keyedRowsLoader, topPerParent } from "../../common/loaders";
import { FactoringLoanContract } from "./factoring-loan-contract.entity";
import { FactoringLoanTransaction } from "./factoring-loan-transaction.entity";
import { FactoringPurchaseContract } from "./factoring-purchase-contract.entity";
import { FactoringLoanSummary, FactoringPurchaseSummary } from "./factoring-summary.types";

/** A client's loan contract, keyed by the client's id. */
export const loanContractByClient = hasOne("loanContractByClient", FactoringLoanContract, { parentColumn: "clientId" });

/** A client's purchase contract, keyed by the client's id. */
export const purchaseContractByClient = hasOne("purchaseContractByClient", FactoringPurchaseContract, {
  parentColumn: "clientId",
});

/** A loan's newest transactions, keyed by the contract's id. */
export const latestTransactionsByContract = topPerParent("latestTransactionsByContract", FactoringLoanTransaction, {
  parentColumn: "contractId",
  orderBy: [
    ["transactionDate", "DESC"],
    ["id", "DESC"],
  ],
});

/** A decimal figure of a synced summary (`s.figures`), null when it isn't one (Aptic stores decimal strings: apply-aptic.ts). */
const synced = (field: string) => `(CASE WHEN s.figures->>'${field}' ~ '^-?[0-9]+([.][0-9]+)?$' THEN s.figures->>'${field}' END)`;
const syncedInt = (field: string) => `(CASE WHEN s.figures->>'${field}' ~ '^-?[0-9]{1,9}$' THEN (s.figures->>'${field}')::int END)`;
/** A figure of the platform's summary: its name, the gateway's SQL for it, and its type. */
type Figure = readonly [field: string, computed: string, kind?: "decimal" | "int"];
const syncedOf = ([field, , kind]: Figure) => (kind === "int" ? syncedInt(field) : synced(field));
/**
 * Each figure as synced when the source's summary has it, else as the gateway computes it (a
 * summary Aptic sent without a figure mixes the two), and `computedFigures`: the names of the
 * figures the gateway computed.
 */
const figures = (list: readonly Figure[]) =>
  [
    ...list.map((figure) => `coalesce(${syncedOf(figure)}, ${figure[1]}) AS "${figure[0]}"`),
    `array_remove(ARRAY[${list.map((figure) => `CASE WHEN ${syncedOf(figure)} IS NULL THEN '${figure[0]}' END`).join(", ")}]::text[], NULL) AS "computedFigures"`,
  ].join(",\n         ");
/** The client's newest summary of `kind` from a source, with the time its record was last read (asOf). */
const syncedSummary = (kind: string, clientColumn: string) => `
  LEFT JOIN LATERAL (
    SELECT ss.figures, ss.source_system_id, coalesce(sr.last_synced_at, ss.as_of) AS as_of
    FROM source_summary ss
    LEFT JOIN source_record sr ON sr.tenant_id = ss.tenant_id AND sr.client_id = ss.client_id AND sr.source_system_id = ss.source_system_id
    WHERE ss.tenant_id = $1 AND ss.client_id = ${clientColumn} AND ss.kind = '${kind}'
    ORDER BY ss.as_of DESC, ss.id DESC LIMIT 1
  ) s ON true`;

/** The loan summary's figures (003) and how the gateway computes each (FactoringLoanSummary's descriptions). */
const LOAN_FIGURES: readonly Figure[] = [
  ["untransactedInterest", "NULL"],
  ["totalCreditorFeeAmount", "fees::text"],
  ["currentBalance", "balance::text"],
  ["currentPercent", "(CASE WHEN limit_amount > 0 THEN round(balance / limit_amount * 100, 4) END)::text"],
  ["totalInvoiceAmount", "invoice_amount::text"],
  ["totalPledgeAmount", "round(invoice_amount * max_percent / 100, 2)::text"],
  ["totLoanAvailable", "(CASE WHEN limit_amount IS NULL THEN NULL ELSE greatest(limit_amount - balance, 0.00) END)::text"],
  // Unknown (null) without the percentage; least() would ignore its NULL and answer limit - balance.
  ["maxAvailable", "(CASE WHEN max_percent IS NOT NULL THEN round(greatest(least(limit_amount, invoice_amount * max_percent / 100) - balance, 0.00), 2) END)::text"],
  ["autoAvailable", "(CASE WHEN auto_percent IS NOT NULL THEN round(greatest(least(limit_amount, invoice_amount * auto_percent / 100) - balance, 0.00), 2) END)::text"],
];

/** Money sums stay `numeric` from the table to the wire: `0.00` keeps zeros at scale 2, `::text` keeps them strings. */
const LOAN_SUMMARY_SQL = `
  WITH totals AS (
    SELECT contract_id,
           coalesce(sum(amount) FILTER (WHERE type = 'DRAWDOWN'), 0.00) AS drawn,
           coalesce(sum(amount) FILTER (WHERE type = 'REPAYMENT'), 0.00) AS repaid,
           coalesce(sum(amount) FILTER (WHERE type = 'INTEREST'), 0.00) AS interest,
           coalesce(sum(amount) FILTER (WHERE type = 'FEE'), 0.00) AS fees,
           max(transaction_date) AS last_date,
           count(*) AS n
    FROM factoring_loan_transaction
    WHERE tenant_id = $1 AND contract_id = ANY($2::bigint[])
    GROUP BY contract_id
  ), figures AS (
    SELECT c.id, c.client_id, c.limit_amount, c.max_percent, c.auto_percent,
           coalesce(t.drawn, 0.00) AS drawn, coalesce(t.repaid, 0.00) AS repaid,
           coalesce(t.interest, 0.00) AS interest, coalesce(t.fees, 0.00) AS fees,
           coalesce(t.drawn + t.interest + t.fees - t.repaid, 0.00) AS balance,
           t.last_date, coalesce(t.n, 0) AS n,
           -- In the contract's currency, the client's when it has none (as the purchase summary): never two currencies added.
           (SELECT coalesce(sum(i.total_amount - i.paid_amount), 0.00) FROM invoice i
             WHERE i.tenant_id = $1 AND i.client_id = c.client_id AND i.status IN ('SENT', 'PARTIALLY_PAID', 'OVERDUE')
               AND (coalesce(c.currency_code, cl.currency_code) IS NULL OR i.currency_code = coalesce(c.currency_code, cl.currency_code))) AS invoice_amount
    FROM factoring_loan_contract c
    JOIN client cl ON cl.id = c.client_id
    LEFT JOIN totals t ON t.contract_id = c.id
    WHERE c.tenant_id = $1 AND c.id = ANY($2::bigint[])
  )
  SELECT id::text AS "id",
         $1::text AS "tenantId",
         s.source_system_id::text AS "sourceSystemId",
         coalesce(s.as_of, clock_timestamp()) AS "asOf",
         ${figures(LOAN_FIGURES)},
         limit_amount::text AS "limit",
         balance::text AS "drawnBalance",
         (CASE WHEN limit_amount IS NULL THEN NULL ELSE greatest(limit_amount - balance, 0.00) END)::text AS "available",
         interest::text AS "accruedInterest",
         fees::text AS "fees",
         drawn::text AS "totalDrawn",
         repaid::text AS "totalRepaid",
         last_date::text AS "lastTransactionDate",
         n::int AS "transactionCount"
  FROM figures
  ${syncedSummary("FACTORING_LOAN", "figures.client_id")}`;

const emptyLoanSummary = (): FactoringLoanSummary => ({
  tenantId: "",
  sourceSystemId: null,
  asOf: new Date(),
  untransactedInterest: null,
  totalCreditorFeeAmount: null,
  currentBalance: null,
  currentPercent: null,
  totalInvoiceAmount: null,
  totalPledgeAmount: null,
  totLoanAvailable: null,
  maxAvailable: null,
  autoAvailable: null,
  computedFigures: LOAN_FIGURES.map(([field]) => field),
  limit: null,
  drawnBalance: "0.00",
  available: null,
  accruedInterest: "0.00",
  fees: "0.00",
  totalDrawn: "0.00",
  totalRepaid: "0.00",
  lastTransactionDate: null,
  transactionCount: 0,
});

/** A loan's balance, keyed by the contract's id: one GROUP BY statement for the whole batch. */
export const loanSummaryByContract = keyedRowsLoader("loanSummaryByContract", LOAN_SUMMARY_SQL, "id", emptyLoanSummary);

/**
 * Purchased invoices against the contract's limits, in the contract's currency (the client's when
 * the contract has none; every currency only when neither has one). Outstanding counts only
 * purchased invoices that are not PAID, CREDITED or CANCELLED; an unknown purchase_recourse
 * counts as without recourse.
 */
/** The purchase summary's figures (003) and how the gateway computes each (FactoringPurchaseSummary's descriptions). */
const PURCHASE_FIGURES: readonly Figure[] = [
  ["numberOfInvoices", "outstanding_count::int", "int"],
  ["currentPurchaseNonRecourse", "without_recourse::text"],
  ["currentPurchaseRecourse", "with_recourse::text"],
  ["currentPurchase", "outstanding::text"],
  ["remainingDeposit", "NULL"],
  ["totalNumberOfInvoices", "purchased_count::int", "int"],
  ["totalPurchaseNonRecourse", "purchased_without_recourse::text"],
  ["totalPurchaseRecourse", "purchased_with_recourse::text"],
  ["totalPurchase", "purchased_amount::text"],
  ["totalDeposit", "NULL"],
];

const PURCHASE_SUMMARY_SQL = `
  WITH contract_currency AS (
    SELECT pc.client_id, coalesce(pc.currency_code, cl.currency_code) AS currency_code
    FROM factoring_purchase_contract pc JOIN client cl ON cl.id = pc.client_id
    WHERE pc.tenant_id = $1 AND pc.client_id = ANY($2::bigint[])
  ), purchased AS (
    SELECT i.client_id, i.total_amount, i.purchase_recourse IS TRUE AS with_recourse,
           CASE WHEN i.status NOT IN ('PAID', 'CREDITED', 'CANCELLED') THEN i.total_amount - i.paid_amount END AS outstanding
    FROM invoice i
    JOIN contract_currency cc ON cc.client_id = i.client_id
    WHERE i.tenant_id = $1 AND i.client_id = ANY($2::bigint[]) AND i.purchased_at IS NOT NULL
      AND (cc.currency_code IS NULL OR i.currency_code = cc.currency_code)
  ), totals AS (
    SELECT client_id,
           count(*) AS purchased_count,
           sum(total_amount) AS purchased_amount,
           count(outstanding) AS outstanding_count,
           coalesce(sum(outstanding) FILTER (WHERE with_recourse), 0.00) AS with_recourse,
           coalesce(sum(outstanding) FILTER (WHERE NOT with_recourse), 0.00) AS without_recourse,
           coalesce(sum(total_amount) FILTER (WHERE with_recourse), 0.00) AS purchased_with_recourse,
           coalesce(sum(total_amount) FILTER (WHERE NOT with_recourse), 0.00) AS purchased_without_recourse
    FROM purchased
    GROUP BY client_id
  ), figures AS (
    SELECT c.client_id, c.limit_amount, c.recourse_limit, c.non_recourse_limit, cc.currency_code,
           coalesce(t.purchased_count, 0) AS purchased_count,
           coalesce(t.purchased_amount, 0.00) AS purchased_amount,
           coalesce(t.outstanding_count, 0) AS outstanding_count,
           coalesce(t.with_recourse, 0.00) AS with_recourse,
           coalesce(t.without_recourse, 0.00) AS without_recourse,
           coalesce(t.with_recourse + t.without_recourse, 0.00) AS outstanding,
           coalesce(t.purchased_with_recourse, 0.00) AS purchased_with_recourse,
           coalesce(t.purchased_without_recourse, 0.00) AS purchased_without_recourse
    FROM factoring_purchase_contract c
    JOIN contract_currency cc ON cc.client_id = c.client_id
    LEFT JOIN totals t ON t.client_id = c.client_id
    WHERE c.tenant_id = $1 AND c.client_id = ANY($2::bigint[])
  )
  SELECT client_id::text AS "clientId",
         $1::text AS "tenantId",
         s.source_system_id::text AS "sourceSystemId",
         coalesce(s.as_of, clock_timestamp()) AS "asOf",
         ${figures(PURCHASE_FIGURES)},
         currency_code AS "currencyCode",
         purchased_count::int AS "purchasedInvoiceCount",
         purchased_amount::text AS "purchasedAmount",
         outstanding_count::int AS "outstandingCount",
         with_recourse::text AS "outstandingWithRecourse",
         without_recourse::text AS "outstandingWithoutRecourse",
         outstanding::text AS "outstandingTotal",
         limit_amount::text AS "limit",
         recourse_limit::text AS "recourseLimit",
         non_recourse_limit::text AS "nonRecourseLimit",
         (CASE WHEN recourse_limit IS NULL THEN NULL
               ELSE greatest(recourse_limit - with_recourse, 0.00) END)::text AS "availableWithRecourse",
         (CASE WHEN non_recourse_limit IS NULL THEN NULL
               ELSE greatest(non_recourse_limit - without_recourse, 0.00) END)::text AS "availableWithoutRecourse",
         (CASE WHEN limit_amount IS NULL THEN NULL ELSE greatest(limit_amount - outstanding, 0.00) END)::text AS "available"
  FROM figures
  ${syncedSummary("FACTORING_PURCHASE", "figures.client_id")}`;

const emptyPurchaseSummary = (): FactoringPurchaseSummary => ({
  tenantId: "",
  sourceSystemId: null,
  asOf: new Date(),
  numberOfInvoices: null,
  currentPurchaseNonRecourse: null,
  currentPurchaseRecourse: null,
  currentPurchase: null,
  remainingDeposit: null,
  totalNumberOfInvoices: null,
  totalPurchaseNonRecourse: null,
  totalPurchaseRecourse: null,
  totalPurchase: null,
  totalDeposit: null,
  computedFigures: PURCHASE_FIGURES.map(([field]) => field),
  currencyCode: null,
  purchasedInvoiceCount: 0,
  purchasedAmount: "0.00",
  outstandingCount: 0,
  outstandingWithRecourse: "0.00",
  outstandingWithoutRecourse: "0.00",
  outstandingTotal: "0.00",
  limit: null,
  recourseLimit: null,
  nonRecourseLimit: null,
  availableWithRecourse: null,
  availableWithoutRecourse: null,
  available: null,
});

/** A purchase contract's use of its limits, keyed by the contract's clientId: one statement for the whole batch. */
export const purchaseSummaryByClient = keyedRowsLoader("purchaseSummaryByClient", PURCHASE_SUMMARY_SQL, "clientId", emptyPurchaseSummary);
