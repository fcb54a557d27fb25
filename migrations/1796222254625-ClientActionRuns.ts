import { MigrationInterface, QueryRunner } from "typeorm";

export class ClientActionRuns1796222254625 implements MigrationInterface {
    name = 'ClientActionRuns1796222254625'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "client_action_run" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint,
                "source_system_id" bigint,
                "client_guid" character varying(255),
                "service_definition" character varying(200) NOT NULL,
                "input" jsonb,
                "async" boolean NOT NULL,
                "status" character varying(16) NOT NULL,
                "result" jsonb,
                "source_status" integer,
                "source_location" character varying(1000),
                "error_code" character varying(64),
                "error_message" character varying(1000),
                "requested_by" character varying(255) NOT NULL,
                "job_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP(3) WITH TIME ZONE,
                "finished_at" TIMESTAMP(3) WITH TIME ZONE,
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_client_action_run_status" CHECK (
                    "status" IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')
                ),
                CONSTRAINT "PK_95d50ce5c5cbf674392291b2534" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_action_run_queued" ON "client_action_run" ("status", "created_at")
            WHERE "status" = 'QUEUED'
                AND "job_id" IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_action_run_source_system" ON "client_action_run" ("source_system_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_action_run_client" ON "client_action_run" ("client_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "client_action_run"
            ADD CONSTRAINT "FK_f4dcde31a63aaf8d94cd8defe22" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "client_action_run"
            ADD CONSTRAINT "FK_ae22d7526c7e1f4611d96546d5d" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "client_action_run" DROP CONSTRAINT "FK_ae22d7526c7e1f4611d96546d5d"
        `);
        await queryRunner.query(`
            ALTER TABLE "client_action_run" DROP CONSTRAINT "FK_f4dcde31a63aaf8d94cd8defe22"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_action_run_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_action_run_source_system"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_action_run_queued"
        `);
        await queryRunner.query(`
            DROP TABLE "client_action_run"
        `);
    }

}
