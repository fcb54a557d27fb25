import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The sync's reconciliation looks clients up by country and org number, and by VAT number, as a
 * source may write them (with or without dashes, spaces or dots, in any case): these expression
 * indexes make each lookup an index scan instead of normalising every client of the tenant per page
 * (src/sync/engine/apply.ts: NORMALISED_ORG, NORMALISED_VAT, which must stay the same expressions).
 * TypeORM knows them by name only (`synchronize: false` on Client).
 */
export class ClientNormalisedNumberIndexes1796191000000 implements MigrationInterface {
  name = "ClientNormalisedNumberIndexes1796191000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_client_tenant_country_normalised_org" ON "client" ("tenant_id", "country_code", (upper(regexp_replace(coalesce("org_number", ''), '[^0-9A-Za-z]', '', 'g'))))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_client_tenant_normalised_vat" ON "client" ("tenant_id", (upper(regexp_replace(coalesce("vat_number", ''), '[\\s.\\-]', '', 'g'))))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_client_tenant_normalised_vat"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_client_tenant_country_normalised_org"`);
  }
}
