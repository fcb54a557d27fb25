import { MigrationInterface, QueryRunner } from "typeorm";

export class CreditDataActsAndLookups1796221135066 implements MigrationInterface {
    name = 'CreditDataActsAndLookups1796221135066'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "source_lookup" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "source_system_id" bigint NOT NULL,
                "client_id" bigint NOT NULL,
                "outcome" character varying(16) NOT NULL,
                "source_id" character varying(255),
                "looked_up_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "run_id" bigint,
                CONSTRAINT "CHK_source_lookup_outcome" CHECK ("outcome" IN ('FOUND', 'NOT_FOUND', 'FAILED')),
                CONSTRAINT "PK_93128e2d12dd45a2e5506e3447f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_source_lookup_client" ON "source_lookup" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_source_lookup_source_system_looked_up_at" ON "source_lookup" ("source_system_id", "looked_up_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_source_lookup_tenant_source_system_client" ON "source_lookup" ("tenant_id", "source_system_id", "client_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "act"
            ADD "source_system_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "act"
            ADD "source_id" character varying(255)
        `);
        await queryRunner.query(`
            ALTER TABLE "act"
            ALTER COLUMN "currency_code" DROP NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_act_source_system" ON "act" ("source_system_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_act_tenant_source_system_source_id" ON "act" ("tenant_id", "source_system_id", "source_id")
            WHERE "source_system_id" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "act"
            ADD CONSTRAINT "FK_2af6e505ccef2caedc055a244d5" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "source_lookup"
            ADD CONSTRAINT "FK_f5e42b1eec292420f6e29812512" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "source_lookup"
            ADD CONSTRAINT "FK_113a976ee4245369c0d031bb32b" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "source_lookup" DROP CONSTRAINT "FK_113a976ee4245369c0d031bb32b"
        `);
        await queryRunner.query(`
            ALTER TABLE "source_lookup" DROP CONSTRAINT "FK_f5e42b1eec292420f6e29812512"
        `);
        await queryRunner.query(`
            ALTER TABLE "act" DROP CONSTRAINT "FK_2af6e505ccef2caedc055a244d5"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_act_tenant_source_system_source_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_act_source_system"
        `);
        await queryRunner.query(`
            ALTER TABLE "act"
            ALTER COLUMN "currency_code"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "act" DROP COLUMN "source_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "act" DROP COLUMN "source_system_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_source_lookup_tenant_source_system_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_source_lookup_source_system_looked_up_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_source_lookup_client"
        `);
        await queryRunner.query(`
            DROP TABLE "source_lookup"
        `);
    }

}
