import { MigrationInterface, QueryRunner } from "typeorm";
import { disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";

export class ApticSourcesAndSummaries1796221120596 implements MigrationInterface {
    name = 'ApticSourcesAndSummaries1796221120596'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "source_summary" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "source_system_id" bigint NOT NULL,
                "kind" character varying(32) NOT NULL,
                "figures" jsonb NOT NULL,
                "as_of" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                CONSTRAINT "CHK_source_summary_kind" CHECK (
                    "kind" IN (
                        'FACTORING_LOAN',
                        'FACTORING_PURCHASE',
                        'CLIENT',
                        'ACCOUNTS'
                    )
                ),
                CONSTRAINT "PK_3a17c2e46f4e7ddbce9dbeb4361" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_source_summary_source_system" ON "source_summary" ("source_system_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_source_summary_tenant_client" ON "source_summary" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_source_summary_client_source_kind" ON "source_summary" ("client_id", "source_system_id", "kind")
        `);
        await queryRunner.query(`
            ALTER TABLE "bank_account"
            ADD "source_system_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "client_contract"
            ADD "source_system_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "extra_field"
            ADD "source_system_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_contract"
            ADD "source_system_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction"
            ADD "source_system_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction"
            ADD "currency_code" character(3)
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_purchase_contract"
            ADD "source_system_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "direct_debit_mandate"
            ADD "source_system_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "client_parameter"
            ADD "source_system_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "bank_account"
            ADD CONSTRAINT "FK_0380c862ef135f2350670b61bcc" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "client_contract"
            ADD CONSTRAINT "FK_8cb0c811e342edfee3b8ee902ce" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "extra_field"
            ADD CONSTRAINT "FK_66e1692df4411e2289005911027" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_contract"
            ADD CONSTRAINT "FK_8b5f45c1545430f7c86e8745eed" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction"
            ADD CONSTRAINT "FK_4a3c0d36c1b5a940603e6a8b4bc" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_purchase_contract"
            ADD CONSTRAINT "FK_024f7ba421acd37cfc4d02b04d3" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "direct_debit_mandate"
            ADD CONSTRAINT "FK_e7a30efc17db3ebc153b9683e16" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "client_parameter"
            ADD CONSTRAINT "FK_7f10301f0abd550f9d8b8b6dd5d" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "source_summary"
            ADD CONSTRAINT "FK_60673651c93fbd4fc228ce4c75d" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "source_summary"
            ADD CONSTRAINT "FK_51c90006671f7a2c901cd8d8685" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // A tenant table: under the tenant's row-level security like every other.
        await enableTenantIsolation(queryRunner, "source_summary");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await disableTenantIsolation(queryRunner, "source_summary");
        await queryRunner.query(`
            ALTER TABLE "source_summary" DROP CONSTRAINT "FK_51c90006671f7a2c901cd8d8685"
        `);
        await queryRunner.query(`
            ALTER TABLE "source_summary" DROP CONSTRAINT "FK_60673651c93fbd4fc228ce4c75d"
        `);
        await queryRunner.query(`
            ALTER TABLE "client_parameter" DROP CONSTRAINT "FK_7f10301f0abd550f9d8b8b6dd5d"
        `);
        await queryRunner.query(`
            ALTER TABLE "direct_debit_mandate" DROP CONSTRAINT "FK_e7a30efc17db3ebc153b9683e16"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_purchase_contract" DROP CONSTRAINT "FK_024f7ba421acd37cfc4d02b04d3"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction" DROP CONSTRAINT "FK_4a3c0d36c1b5a940603e6a8b4bc"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_contract" DROP CONSTRAINT "FK_8b5f45c1545430f7c86e8745eed"
        `);
        await queryRunner.query(`
            ALTER TABLE "extra_field" DROP CONSTRAINT "FK_66e1692df4411e2289005911027"
        `);
        await queryRunner.query(`
            ALTER TABLE "client_contract" DROP CONSTRAINT "FK_8cb0c811e342edfee3b8ee902ce"
        `);
        await queryRunner.query(`
            ALTER TABLE "bank_account" DROP CONSTRAINT "FK_0380c862ef135f2350670b61bcc"
        `);
        await queryRunner.query(`
            ALTER TABLE "client_parameter" DROP COLUMN "source_system_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "direct_debit_mandate" DROP COLUMN "source_system_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_purchase_contract" DROP COLUMN "source_system_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction" DROP COLUMN "currency_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction" DROP COLUMN "source_system_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_contract" DROP COLUMN "source_system_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "extra_field" DROP COLUMN "source_system_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "client_contract" DROP COLUMN "source_system_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "bank_account" DROP COLUMN "source_system_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_source_summary_client_source_kind"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_source_summary_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_source_summary_source_system"
        `);
        await queryRunner.query(`
            DROP TABLE "source_summary"
        `);
    }

}
