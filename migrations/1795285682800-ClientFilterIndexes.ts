import { MigrationInterface, QueryRunner } from "typeorm";

export class ClientFilterIndexes1795285682800 implements MigrationInterface {
    name = 'ClientFilterIndexes1795285682800'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_currency" ON "client" ("tenant_id", "currency_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_rating" ON "client" ("tenant_id", "rating")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_city" ON "client" ("tenant_id", "city")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_email" ON "client" ("tenant_id", "email")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_vat_validated" ON "client" ("tenant_id", "vat_number_validated")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_vat_number" ON "client" ("tenant_id", "vat_number")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_org_number" ON "client" ("tenant_id", "org_number")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_legal_name" ON "client" ("tenant_id", "legal_name")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_legal_name"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_org_number"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_vat_number"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_vat_validated"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_email"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_city"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_rating"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_currency"
        `);
    }

}
