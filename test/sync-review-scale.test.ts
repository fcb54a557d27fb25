/** Review: what the page's client lookup costs with 100k clients in the tenant (EXPLAIN ANALYZE). Informational. */
import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { freshTenant, inTenant, swedishOrg } from "./helpers/sync";

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { pool: { size: 2 } });
  await dataSource.initialize();
});
afterAll(async () => dataSource.destroy());

const NORMALISED_ORG = `upper(regexp_replace(coalesce(org_number, ''), '[^0-9A-Za-z]', '', 'g'))`;
const NORMALISED_VAT = `upper(regexp_replace(coalesce(vat_number, ''), '[\\s.\\-]', '', 'g'))`;

it("looks up a page's 100 org numbers among 100k clients", async () => {
  const tenant = freshTenant("rv-scale");
  await inTenant(dataSource, tenant, (tx) =>
    tx.query(`INSERT INTO client (tenant_id, name, country_code, org_number, vat_number)
              SELECT $1, 'C' || g, 'SE', '556' || lpad(g::text, 7, '0'), 'SE556' || lpad(g::text, 7, '0') || '01' FROM generate_series(1, 100000) g`, [tenant]),
  );
  await inTenant(dataSource, tenant, (tx) => tx.query(`ANALYZE client`));
  const orgs = Array.from({ length: 100 }, (_, i) => swedishOrg(i + 1).replace("-", ""));
  const plan = await inTenant(dataSource, tenant, (tx) =>
    tx.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT id, country_code, ${NORMALISED_ORG} AS org, ${NORMALISED_VAT} AS vat FROM client
        WHERE (country_code, ${NORMALISED_ORG}) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[]))
           OR ${NORMALISED_VAT} = ANY($3::varchar[])`,
      [orgs.map(() => "SE"), orgs, orgs.map((o) => `SE${o}01`)],
    ),
  );
  const direct = await inTenant(dataSource, tenant, (tx) =>
    tx.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM client
        WHERE (country_code, org_number) IN (SELECT * FROM unnest($1::varchar[], $2::varchar[])) OR vat_number = ANY($3::varchar[])`,
      [orgs.map(() => "SE"), orgs, orgs.map((o) => `SE${o}01`)],
    ),
  );
  console.log(plan.map((r) => r["QUERY PLAN"]).join("\n") + "\n---- canonical columns ----\n" + direct.map((r) => r["QUERY PLAN"]).join("\n"));
}, 300_000);
