/**
 * The page's client lookup (sync_client_candidates) at scale and under tenant isolation: with 50k
 * clients in the tenant, both halves (by country and org number, by VAT number) are probes of
 * their expression indexes, reading about the rows they answer, not every client of the tenant (a
 * sync would slow with the square of its size); and it answers only the transaction's tenant's
 * clients, none without a tenant, as row-level security would.
 */
import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { CLIENT_LOOKUP_SQL } from "../src/sync/engine/apply";
import { syncClientCandidatesBody } from "../src/sync/engine/candidates-sql";
import { TENANT_SETTING } from "../src/db/tenant-session";
import { freshTenant, inTenant, swedishOrg } from "./helpers/sync";

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { pool: { size: 2 } });
  await dataSource.initialize();
});
afterAll(async () => dataSource.destroy());

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
}
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

const orgs = Array.from({ length: 100 }, (_, i) => swedishOrg(i + 1).replace("-", ""));
const keys = () => [orgs.map(() => "SE"), orgs, orgs.map((o) => `SE${o}01`)];

it("finds a page's 100 org and VAT numbers among 50k clients by index, reading no other client", async () => {
  const tenant = freshTenant("rv-scale");
  await inTenant(dataSource, tenant, (tx) =>
    tx.query(
      `INSERT INTO client (tenant_id, name, country_code, org_number, vat_number)
       SELECT $1, 'C' || g, 'SE', '556' || lpad(g::text, 7, '0'), 'SE556' || lpad(g::text, 7, '0') || '01' FROM generate_series(1, 50000) g`,
      [tenant],
    ),
  );
  // As the owner (the app role may not ANALYZE, and the function runs as the owner): fresh
  // statistics, as autovacuum keeps them, and the function's own query, explained.
  await dataSource.query(`ANALYZE client`);
  const runner = dataSource.createQueryRunner();
  let plan: PlanNode;
  try {
    await runner.query(`SELECT set_config('${TENANT_SETTING}', $1, false)`, [tenant]);
    const [{ "QUERY PLAN": [explained] }] = (await runner.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${syncClientCandidatesBody("$1::varchar[]", "$2::varchar[]", "$3::varchar[]")}`, keys())) as {
      "QUERY PLAN": { Plan: PlanNode }[];
    }[];
    plan = explained.Plan;
  } finally {
    await runner.query(`SELECT set_config('${TENANT_SETTING}', '', false)`);
    await runner.release();
  }
  const all = nodes(plan);
  expect(all.flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : []))).toEqual(expect.arrayContaining(["IDX_client_tenant_country_normalised_org", "IDX_client_tenant_normalised_vat"]));
  expect(all.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
  // And no index leading with tenant_id, which a planner with stale statistics would read the
  // tenant's clients through once per key.
  expect(all.filter((n) => n["Index Name"] && !/normalised/.test(n["Index Name"]))).toEqual([]);
  expect(all.reduce((sum, n) => sum + (n["Rows Removed by Filter"] ?? 0), 0)).toBeLessThan(1_000);

  // Called as the sync calls it: the 100 clients (each matched by both keys), once each.
  const found = await inTenant(dataSource, tenant, (tx) => tx.query<{ id: string }>(CLIENT_LOOKUP_SQL, keys()));
  expect(new Set(found.map((row) => row.id)).size).toBe(100);
}, 120_000);

it("answers only the transaction's tenant's clients, and none without a tenant", async () => {
  const mine = freshTenant("rv-mine");
  const other = freshTenant("rv-other");
  for (const tenant of [mine, other]) {
    await inTenant(dataSource, tenant, (tx) => tx.query(`INSERT INTO client (tenant_id, name, country_code, org_number, vat_number) VALUES ($1, 'X', 'SE', $2, $3)`, [tenant, orgs[0], `SE${orgs[0]}01`]));
  }
  const found = await inTenant(dataSource, mine, (tx) => tx.query<{ id: string }>(`SELECT c.tenant_id FROM (${CLIENT_LOOKUP_SQL}) f JOIN client c ON c.id = f.id`, keys()));
  expect(found).toEqual([{ tenant_id: mine }]);
  // The app role without a tenant: the function sees no client (and the app role no row).
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query("BEGIN");
    await runner.query(`SELECT set_config('role', 'client_gateway_app', true)`);
    const none = (await runner.query(CLIENT_LOOKUP_SQL, keys())) as unknown[];
    expect(none).toEqual([]);
  } finally {
    await runner.query("ROLLBACK");
    await runner.release();
  }
});
