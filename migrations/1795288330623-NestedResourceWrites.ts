import { MigrationInterface, QueryRunner } from "typeorm";

export class NestedResourceWrites1795288330623 implements MigrationInterface {
    name = 'NestedResourceWrites1795288330623'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "opened_client" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "subject" character varying(255) NOT NULL,
                "client_id" bigint NOT NULL,
                "opened_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_b32cbfd367ef93f956ba57eb45a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_opened_client_client" ON "opened_client" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_opened_client_tenant_subject_opened" ON "opened_client" ("tenant_id", "subject", "opened_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_opened_client_tenant_subject_client" ON "opened_client" ("tenant_id", "subject", "client_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "opened_client"
            ADD CONSTRAINT "FK_1d90df39921cb24632f20df18cd" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "opened_client" DROP CONSTRAINT "FK_1d90df39921cb24632f20df18cd"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_opened_client_tenant_subject_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_opened_client_tenant_subject_opened"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_opened_client_client"
        `);
        await queryRunner.query(`
            DROP TABLE "opened_client"
        `);
    }

}
