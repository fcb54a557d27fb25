/**
 * The benchmark's yardstick: a hand-written node:http + pg server that answers the benchmark's
 * three read workloads with the same statements the gateway runs (one page query, then one
 * `= ANY($2)` statement per relation, serially on one connection), inside the same per-request
 * transaction (REPEATABLE READ READ ONLY, then the role and tenant `set_config`), on a pg Pool of
 * the same size. No GraphQL, no TypeORM, no JWT check: what is left is the floor the gateway is
 * measured against. Run by bench/clients-page.ts as a child process (fork, IPC for its figures).
 *
 * The SQL is copied from the gateway's loaders (src/common/loaders.ts, src/modules/*\/*.loaders.ts,
 * src/modules/client/client.service.ts); the bench compares both servers' answers before it
 * measures and stops when they differ, so a change there that is not made here is noticed.
 *
 * POST /relations {"first": 100}  the page of src/test/operations/relations.graphql
 * POST /client    {"id": "42"}    one client by id with the same relations
 * POST /page      {"first": 25}   first page, id and name only; with "after" (the gateway's
 *                                  cursor) or "offset", a deeper page
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Pool, PoolClient, types } from "pg";
import { CursorCodec } from "../src/common/pagination/cursor";
import { DEVELOPMENT_JWT_SECRET } from "../src/config";
import { reportFiguresOnRequest } from "./child-figures";

// Like TypeORM: a `date` stays "YYYY-MM-DD" (pg would make it a local-midnight Date).
types.setTypeParser(1082, (value) => value);

const APP_ROLE = "client_gateway_app";
const OPEN = `'SENT', 'PARTIALLY_PAID', 'OVERDUE'`;
const cursors = new CursorCodec(DEVELOPMENT_JWT_SECRET);

type Row = Record<string, any>;

// --- The statements (same text as the gateway's, TypeORM's `IN ($2, $3, ...)` as `= ANY($2)`) ---

const PAGE_SQL = `SELECT c.* FROM "client" c WHERE c."tenant_id" = $1 AND c."archived_at" IS NULL AND TRUE
      ORDER BY c."created_at" ASC, c."id" ASC LIMIT $2`;
/** The same page after a cursor (client.service.ts keysetCondition: one row comparison) and by offset. */
const PAGE_AFTER_SQL = `SELECT c.* FROM "client" c WHERE c."tenant_id" = $1 AND c."archived_at" IS NULL AND TRUE AND (c."created_at", c."id") > ($2::timestamptz, $3::bigint)
      ORDER BY c."created_at" ASC, c."id" ASC LIMIT $4`;
const PAGE_OFFSET_SQL = `SELECT c.* FROM "client" c WHERE c."tenant_id" = $1 AND c."archived_at" IS NULL AND TRUE
      ORDER BY c."created_at" ASC, c."id" ASC LIMIT $2 OFFSET $3`;
const BY_ID_SQL = `SELECT c.* FROM "client" c WHERE c."tenant_id" = $1 AND c."id" = $2::bigint`;

/** hasMany / hasOne of src/common/loaders.ts. The gateway names every column of the entity; `r.*` is the same columns. */
const byParents = (table: string, parentColumn: string, order: string, where = "") =>
  `SELECT r.* FROM "${table}" r WHERE r."tenant_id" = $1 AND r."${parentColumn}" = ANY($2::bigint[])${where} ORDER BY ${order}`;

const CLIENT_BY_ID = byParents("client", "id", `r."id" ASC`);
const CHILDREN = byParents("client", "parent_id", `r."created_at" ASC, r."id" ASC`);
const EXTERNAL_IDS = byParents("external_identifier", "client_id", `r."source" ASC, r."id" ASC`, ` AND r."deleted_at" IS NULL`);
const CONTRACT = byParents("client_contract", "client_id", `r."id" ASC`);
const LOAN_CONTRACT = byParents("factoring_loan_contract", "client_id", `r."id" ASC`);
const PURCHASE_CONTRACT = byParents("factoring_purchase_contract", "client_id", `r."id" ASC`);
const BANK_ACCOUNTS = byParents("bank_account", "client_id", `r."priority" ASC, r."id" ASC`);
const MANDATES = byParents("direct_debit_mandate", "client_id", `r."created_at" ASC, r."id" ASC`);
const PARAMETERS = byParents("client_parameter", "client_id", `r."name" ASC, r."id" ASC`);
const EXTRA_FIELDS = byParents("extra_field", "client_id", `r."name" ASC, r."id" ASC`);
const PRICELISTS = byParents("pricelist", "client_id", `r."is_default_pricelist" DESC, r."pricelist_name" ASC, r."id" ASC`);
const OPEN_INVOICES = byParents("invoice", "client_id", `r."due_date" ASC, r."id" ASC`, ` AND r."status" IN (${OPEN})`);

/** keysetPagePerParent / topPerParent: the first $3 rows per parent. */
const topPerParent = (table: string, parent: string, order: string) => `SELECT * FROM (
    SELECT t.*, row_number() OVER (PARTITION BY t."${parent}" ORDER BY ${order}) AS "__rank"
    FROM "${table}" t
    WHERE t."tenant_id" = $1 AND t."${parent}" = ANY($2::bigint[])
  ) ranked WHERE "__rank" <= $3 ORDER BY "${parent}", "__rank"`;
const ACTS = topPerParent("act", "client_id", `t."period_end" DESC, t."id" DESC`);
const HISTORY = topPerParent("audit_entry", "client_id", `t."occurred_at" DESC, t."id" DESC`);
const LOAN_TRANSACTIONS = topPerParent("factoring_loan_transaction", "contract_id", `"transaction_date" DESC, "id" DESC`);

const count = (table: string, condition = "") =>
  `(SELECT count(*) FROM "${table}" x WHERE x."tenant_id" = $1 AND x."client_id" = c.id${condition})::int`;

/** src/modules/summary/summary.loaders.ts */
const CLIENT_SUMMARY = `SELECT c.id::text AS "clientId",
    inv."invoiceCount", inv."openInvoiceCount", inv."overdueInvoiceCount", inv."purchasedInvoiceCount",
    coalesce(amounts."openInvoiceAmounts", '[]'::json) AS "openInvoiceAmounts",
    ${count("bank_account")} AS "bankAccountCount",
    ${count("direct_debit_mandate", ` AND x."closed_at" IS NULL AND (x."valid_until" IS NULL OR x."valid_until" >= current_date)`)} AS "activeMandateCount",
    ${count("client_parameter")} AS "parameterCount",
    ${count("pricelist")} AS "pricelistCount",
    ${count("extra_field")} AS "extraFieldCount",
    ${count("act")} AS "actCount"
  FROM unnest($2::bigint[]) AS c(id)
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS "invoiceCount",
      (count(*) FILTER (WHERE i."status" IN (${OPEN})))::int AS "openInvoiceCount",
      (count(*) FILTER (WHERE i."status" = 'OVERDUE' OR (i."status" IN (${OPEN}) AND i."due_date" < current_date)))::int AS "overdueInvoiceCount",
      (count(*) FILTER (WHERE i."purchased_at" IS NOT NULL))::int AS "purchasedInvoiceCount"
    FROM "invoice" i
    WHERE i."tenant_id" = $1 AND i."client_id" = c.id
  ) inv
  CROSS JOIN LATERAL (
    SELECT json_agg(json_build_object('currencyCode', o."currency_code", 'amount', o.amount::text, 'count', o.n) ORDER BY o."currency_code") AS "openInvoiceAmounts"
    FROM (
      SELECT i."currency_code", sum(i."total_amount" - i."paid_amount") AS amount, count(*)::int AS n
      FROM "invoice" i
      WHERE i."tenant_id" = $1 AND i."client_id" = c.id AND i."status" IN (${OPEN})
      GROUP BY i."currency_code"
    ) o
  ) amounts`;

/** src/modules/factoring/factoring.loaders.ts, keyed by the loan contract's id. */
const LOAN_SUMMARY = `
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
    SELECT c.id, c.limit_amount,
           coalesce(t.drawn, 0.00) AS drawn, coalesce(t.repaid, 0.00) AS repaid,
           coalesce(t.interest, 0.00) AS interest, coalesce(t.fees, 0.00) AS fees,
           coalesce(t.drawn + t.interest + t.fees - t.repaid, 0.00) AS balance,
           t.last_date, coalesce(t.n, 0) AS n
    FROM factoring_loan_contract c
    LEFT JOIN totals t ON t.contract_id = c.id
    WHERE c.tenant_id = $1 AND c.id = ANY($2::bigint[])
  )
  SELECT id::text AS "id",
         limit_amount::text AS "limit",
         balance::text AS "drawnBalance",
         (CASE WHEN limit_amount IS NULL THEN NULL ELSE greatest(limit_amount - balance, 0.00) END)::text AS "available",
         interest::text AS "accruedInterest",
         fees::text AS "fees",
         drawn::text AS "totalDrawn",
         repaid::text AS "totalRepaid",
         last_date::text AS "lastTransactionDate",
         n::int AS "transactionCount"
  FROM figures`;

/** src/modules/factoring/factoring.loaders.ts, keyed by the purchase contract's client id. */
const PURCHASE_SUMMARY = `
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
           coalesce(sum(outstanding) FILTER (WHERE NOT with_recourse), 0.00) AS without_recourse
    FROM purchased
    GROUP BY client_id
  ), figures AS (
    SELECT c.client_id, c.limit_amount, c.recourse_limit, c.non_recourse_limit, cc.currency_code,
           coalesce(t.purchased_count, 0) AS purchased_count,
           coalesce(t.purchased_amount, 0.00) AS purchased_amount,
           coalesce(t.outstanding_count, 0) AS outstanding_count,
           coalesce(t.with_recourse, 0.00) AS with_recourse,
           coalesce(t.without_recourse, 0.00) AS without_recourse,
           coalesce(t.with_recourse + t.without_recourse, 0.00) AS outstanding
    FROM factoring_purchase_contract c
    JOIN contract_currency cc ON cc.client_id = c.client_id
    LEFT JOIN totals t ON t.client_id = c.client_id
    WHERE c.tenant_id = $1 AND c.client_id = ANY($2::bigint[])
  )
  SELECT client_id::text AS "clientId",
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
  FROM figures`;

// --- Shaping rows into the GraphQL answer ---

function groupBy(rows: Row[], column: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = String(row[column]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  return groups;
}

/** `a - b` on decimal strings, exactly (like src/modules/invoice/decimal.ts). */
function subtractDecimal(a: string, b: string): string {
  const scaleOf = (v: string) => (v.split(".")[1] ?? "").length;
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const units = (v: string) => {
    const [whole, fraction = ""] = v.replace("-", "").split(".");
    const n = BigInt(whole + fraction.padEnd(scale, "0"));
    return v.startsWith("-") ? -n : n;
  };
  const diff = units(a) - units(b);
  const digits = (diff < 0n ? -diff : diff).toString().padStart(scale + 1, "0");
  const sign = diff < 0n ? "-" : "";
  return scale > 0 ? `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}` : `${sign}${digits}`;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Every relation of test/operations/relations.graphql for `clients`, one statement per relation. */
async function withRelations(db: PoolClient, tenant: string, clients: Row[]): Promise<Row[]> {
  const ids = clients.map((c) => String(c.id));
  const q = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows as Row[];
  const summaries = new Map((await q(CLIENT_SUMMARY, [tenant, ids])).map((r) => [r.clientId as string, r]));
  const parentIds = [...new Set(clients.filter((c) => c.parent_id != null).map((c) => String(c.parent_id)))];
  const parents = parentIds.length ? new Map((await q(CLIENT_BY_ID, [tenant, parentIds])).map((r) => [String(r.id), r])) : new Map<string, Row>();
  const children = groupBy(await q(CHILDREN, [tenant, ids]), "parent_id");
  const externalIds = groupBy(await q(EXTERNAL_IDS, [tenant, ids]), "client_id");
  const contracts = groupBy(await q(CONTRACT, [tenant, ids]), "client_id");
  const loans = groupBy(await q(LOAN_CONTRACT, [tenant, ids]), "client_id");
  const purchases = groupBy(await q(PURCHASE_CONTRACT, [tenant, ids]), "client_id");
  const bankAccounts = groupBy(await q(BANK_ACCOUNTS, [tenant, ids]), "client_id");
  const mandates = groupBy(await q(MANDATES, [tenant, ids]), "client_id");
  const parameters = groupBy(await q(PARAMETERS, [tenant, ids]), "client_id");
  const extraFields = groupBy(await q(EXTRA_FIELDS, [tenant, ids]), "client_id");
  const pricelists = groupBy(await q(PRICELISTS, [tenant, ids]), "client_id");
  const invoices = groupBy(await q(OPEN_INVOICES, [tenant, ids]), "client_id");
  // latestAct (first 1) and acts(first: 2) share one statement: max(first) + 1 rows for hasNextPage.
  const acts = groupBy(await q(ACTS, [tenant, ids, 3]), "client_id");
  const history = groupBy(await q(HISTORY, [tenant, ids, 4]), "client_id");
  const loanIds = [...loans.values()].map((rows) => String(rows[0].id));
  const loanSummaries = loanIds.length ? new Map((await q(LOAN_SUMMARY, [tenant, loanIds])).map((r) => [r.id as string, r])) : new Map<string, Row>();
  const transactions = loanIds.length ? groupBy(await q(LOAN_TRANSACTIONS, [tenant, loanIds, 3]), "contract_id") : new Map<string, Row[]>();
  const purchaseIds = [...purchases.values()].map((rows) => String(rows[0].client_id));
  const purchaseSummaries = purchaseIds.length
    ? new Map((await q(PURCHASE_SUMMARY, [tenant, purchaseIds])).map((r) => [r.clientId as string, r]))
    : new Map<string, Row>();

  const today = todayUtc();
  return clients.map((c) => {
    const id = String(c.id);
    const parent = c.parent_id == null ? null : parents.get(String(c.parent_id));
    const loan = loans.get(id)?.[0];
    const purchase = purchases.get(id)?.[0];
    const loanSummary = loan && loanSummaries.get(String(loan.id));
    const purchaseSummary = purchase && purchaseSummaries.get(id);
    const clientActs = acts.get(id) ?? [];
    const actNodes = clientActs.slice(0, 2);
    const summary = summaries.get(id);
    return {
      id,
      name: c.name,
      parent: parent ? { id: String(parent.id) } : null,
      children: (children.get(id) ?? []).map((r) => ({ id: String(r.id) })),
      externalIdentifiers: (externalIds.get(id) ?? []).map((r) => ({
        source: r.source,
        externalId: r.external_id,
        sourceRecordId: r.source_record_id ?? null,
        sourceCreatedAt: r.source_created_at ? (r.source_created_at as Date).toISOString() : null,
        sourceUpdatedAt: r.source_updated_at ? (r.source_updated_at as Date).toISOString() : null,
      })),
      contract: contracts.has(id)
        ? ((r) => ({ contractNumber: r.contract_number, periodFee: r.period_fee, startDate: r.start_date }))(contracts.get(id)![0])
        : null,
      factoringLoanContract: loan
        ? {
            limit: loan.limit_amount,
            interestRate: loan.interest_rate,
            summary: {
              drawnBalance: loanSummary?.drawnBalance ?? "0.00",
              available: loanSummary?.available ?? null,
              accruedInterest: loanSummary?.accruedInterest ?? "0.00",
              fees: loanSummary?.fees ?? "0.00",
              transactionCount: loanSummary?.transactionCount ?? 0,
              lastTransactionDate: loanSummary?.lastTransactionDate ?? null,
            },
            latestTransactions: (transactions.get(String(loan.id)) ?? []).map((t) => ({ transactionDate: t.transaction_date, type: t.type, amount: t.amount })),
          }
        : null,
      factoringPurchaseContract: purchase
        ? {
            limit: purchase.limit_amount,
            recourseDays: purchase.recourse_days,
            financingInterestCalculateFrom: purchase.financing_interest_calculate_from,
            summary: {
              purchasedInvoiceCount: purchaseSummary?.purchasedInvoiceCount ?? 0,
              purchasedAmount: purchaseSummary?.purchasedAmount ?? "0.00",
              outstandingTotal: purchaseSummary?.outstandingTotal ?? "0.00",
            },
          }
        : null,
      bankAccounts: (bankAccounts.get(id) ?? []).map((r) => ({ iban: r.iban, bic: r.bic, bankAccountClass: r.bank_account_class, priority: r.priority })),
      directDebitMandates: (mandates.get(id) ?? []).map((r) => ({
        mandateType: r.mandate_type,
        active: r.closed_at == null && (r.valid_until == null || r.valid_until >= today),
        validFrom: r.valid_from,
        validUntil: r.valid_until,
      })),
      parameters: (parameters.get(id) ?? []).map((r) => ({ name: r.name, value: r.value })),
      extraFields: (extraFields.get(id) ?? []).map((r) => ({ name: r.name, values: r.values })),
      pricelists: (pricelists.get(id) ?? []).map((r) => ({ pricelistName: r.pricelist_name, isDefaultPricelist: r.is_default_pricelist })),
      openInvoices: (invoices.get(id) ?? []).map((r) => ({
        invoiceNumber: r.invoice_number,
        status: r.status,
        totalAmount: r.total_amount,
        outstandingAmount: subtractDecimal(r.total_amount, r.paid_amount),
      })),
      latestAct: clientActs[0] ? { periodEnd: clientActs[0].period_end, revenue: clientActs[0].revenue } : null,
      acts: {
        nodes: actNodes.map((a) => ({ periodEnd: a.period_end, dataPoints: (a.data_points as Row[]).map((p) => ({ code: p.code, value: p.value })) })),
        pageInfo: {
          hasNextPage: clientActs.length > 2,
          endCursor: actNodes.length ? cursors.encode([actNodes.at(-1)!.period_end, String(actNodes.at(-1)!.id)]) : null,
        },
      },
      history: { nodes: (history.get(id) ?? []).slice(0, 3).map((h) => ({ operation: h.operation, occurredAt: (h.occurred_at as Date).toISOString() })) },
      summary: {
        invoiceCount: summary?.invoiceCount ?? 0,
        openInvoiceCount: summary?.openInvoiceCount ?? 0,
        openInvoiceAmounts: summary?.openInvoiceAmounts ?? [],
        overdueInvoiceCount: summary?.overdueInvoiceCount ?? 0,
        purchasedInvoiceCount: summary?.purchasedInvoiceCount ?? 0,
        pricelistCount: summary?.pricelistCount ?? 0,
        bankAccountCount: summary?.bankAccountCount ?? 0,
        activeMandateCount: summary?.activeMandateCount ?? 0,
      },
    };
  });
}

/** One request's transaction, like src/db/tenant-session.ts: opened, role and tenant set, committed (rolled back on error). */
async function inTenantSession<T>(pool: Pool, tenant: string, work: (db: PoolClient) => Promise<T>): Promise<T> {
  const db = await pool.connect();
  let failed = false;
  try {
    await db.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await db.query(`SELECT set_config('role', $1, true), set_config('app.tenant_id', $2, true)`, [APP_ROLE, tenant]);
    const result = await work(db);
    await db.query("COMMIT");
    return result;
  } catch (error) {
    failed = true;
    await db.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    db.release(failed);
  }
}

async function answer(pool: Pool, tenant: string, path: string, input: Row): Promise<unknown> {
  switch (path) {
    case "/relations":
    case "/page": {
      const first = Math.min(100, Math.max(1, Number(input.first ?? 25)));
      return inTenantSession(pool, tenant, async (db) => {
        const after = typeof input.after === "string" ? cursors.decode(input.after, 2) : null;
        const offset = Number(input.offset ?? 0);
        const rows = (
          after
            ? await db.query(PAGE_AFTER_SQL, [tenant, after[0], after[1], first + 1])
            : offset > 0
              ? await db.query(PAGE_OFFSET_SQL, [tenant, first + 1, offset])
              : await db.query(PAGE_SQL, [tenant, first + 1])
        ).rows as Row[];
        const page = rows.slice(0, first);
        if (path === "/page") {
          const last = page.at(-1);
          return {
            data: {
              clients: {
                nodes: page.map((c) => ({ id: String(c.id), name: c.name })),
                pageInfo: { endCursor: last ? cursors.encode([(last.created_at as Date).toISOString(), String(last.id)]) : null },
              },
            },
          };
        }
        return { data: { clients: { nodes: await withRelations(db, tenant, page) } } };
      });
    }
    case "/client":
      return inTenantSession(pool, tenant, async (db) => {
        const rows = (await db.query(BY_ID_SQL, [tenant, String(input.id)])).rows as Row[];
        return { data: { client: rows.length ? (await withRelations(db, tenant, rows))[0] : null } };
      });
    default:
      return undefined;
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  const pool = new Pool({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10), application_name: "cdg-bench-raw" });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const tenant = String(req.headers["x-company-id"] ?? "");
      let input: Row;
      try {
        input = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Row) : {};
      } catch {
        res.writeHead(400).end();
        return;
      }
      answer(pool, tenant, req.url ?? "/", input).then(
        (body) => {
          if (body === undefined) {
            res.writeHead(404).end();
            return;
          }
          const text = JSON.stringify(body);
          res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
        },
        (error: unknown) => {
          const text = JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] });
          res.writeHead(500, { "content-type": "application/json" }).end(text);
        },
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  reportFiguresOnRequest(`http://127.0.0.1:${port}`, async () => {
    server.close();
    await pool.end();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
