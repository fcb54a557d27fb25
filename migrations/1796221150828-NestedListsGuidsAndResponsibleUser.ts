import { MigrationInterface, QueryRunner } from "typeorm";

export class NestedListsGuidsAndResponsibleUser1796221150828 implements MigrationInterface {
    name = 'NestedListsGuidsAndResponsibleUser1796221150828'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "client"
            ADD "responsible_user" character varying(255)
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction"
            ADD "unique_id" uuid NOT NULL DEFAULT gen_random_uuid()
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_responsible_user" ON "client" ("tenant_id", "responsible_user")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_bank_account_tenant_unique_id" ON "bank_account" ("tenant_id", "unique_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_factoring_loan_transaction_tenant_unique_id" ON "factoring_loan_transaction" ("tenant_id", "unique_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_direct_debit_mandate_tenant_unique_id" ON "direct_debit_mandate" ("tenant_id", "unique_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."UQ_direct_debit_mandate_tenant_unique_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_factoring_loan_transaction_tenant_unique_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_bank_account_tenant_unique_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_responsible_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction" DROP COLUMN "unique_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "client" DROP COLUMN "responsible_user"
        `);
    }

}
