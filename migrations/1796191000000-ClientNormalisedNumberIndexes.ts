import { MigrationInterface, QueryRunner } from "typeorm";
import { syncClientCandidatesBody } from "../src/sync/engine/candidates-sql";

/**
 * The sync's reconciliation looks clients up by country and org number, and by VAT number, as a
 * source may write them (with or without dashes, spaces or dots, in any case): these expression
 * indexes make each lookup an index scan instead of normalising every client of the tenant per page.
 * TypeORM knows them by name only (`synchronize: false` on Client).
 *
 * Under row-level security the planner may not use them: upper() and regexp_replace() are not
 * LEAKPROOF, so a condition on them is evaluated only after the policy's, on every row the policy
 * lets through. Hence `sync_client_candidates`, SECURITY DEFINER (the tables' owner, whom the
 * policies don't confine), which confines itself to the same tenant as the policy does: the
 * transaction's `app.tenant_id`, no row without it. The app role may only execute it. It probes
 * the indexes once per key, and never scans: during a first sync the table grows faster than its
 * statistics, and a planner that believes the tenant small would read all of it once per key
 * through any index that leads with tenant_id (quadratic; it did). So the indexes don't lead with
 * tenant_id, the probes have no tenant condition, and the tenant is filtered on what they find.
 */
export class ClientNormalisedNumberIndexes1796191000000 implements MigrationInterface {
  name = "ClientNormalisedNumberIndexes1796191000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_client_tenant_country_normalised_org" ON "client" ("country_code", (upper(regexp_replace(coalesce("org_number", ''), '[^0-9A-Za-z]', '', 'g'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_client_tenant_normalised_vat" ON "client" ((upper(regexp_replace(coalesce("vat_number", ''), '[\\s.\\-]', '', 'g'))))`);
    await queryRunner.query(`
      CREATE FUNCTION sync_client_candidates(countries varchar[], orgs varchar[], vats varchar[])
      RETURNS TABLE (id bigint, country_code text, org text, vat text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET enable_seqscan = off AS $$ ${syncClientCandidatesBody("countries", "orgs", "vats")} $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION sync_client_candidates(varchar[], varchar[], varchar[]) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION sync_client_candidates(varchar[], varchar[], varchar[]) TO "client_gateway_app"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION sync_client_candidates(varchar[], varchar[], varchar[])`);
    await queryRunner.query(`DROP INDEX "public"."IDX_client_tenant_normalised_vat"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_client_tenant_country_normalised_org"`);
  }
}
