import { MigrationInterface, QueryRunner } from "typeorm";

export class ClientCustomerType1796189448046 implements MigrationInterface {
    name = 'ClientCustomerType1796189448046'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "client"
            ADD "customer_type" character varying(32)
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_customer_type" ON "client" ("tenant_id", "customer_type")
        `);
        await queryRunner.query(`
            ALTER TABLE "client"
            ADD CONSTRAINT "CHK_client_customer_type" CHECK (
                    "customer_type" IN (
                        'BUSINESS',
                        'INDIVIDUAL',
                        'SWEDISH_BUSINESS',
                        'EU_BUSINESS'
                    )
                )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "client" DROP CONSTRAINT "CHK_client_customer_type"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_customer_type"
        `);
        await queryRunner.query(`
            ALTER TABLE "client" DROP COLUMN "customer_type"
        `);
    }

}
