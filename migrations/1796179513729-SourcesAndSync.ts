import { MigrationInterface, QueryRunner } from "typeorm";

export class SourcesAndSync1796179513729 implements MigrationInterface {
    name = 'SourcesAndSync1796179513729'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "source_system" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "kind" character varying(16) NOT NULL,
                "name" character varying(255) NOT NULL,
                "base_url" character varying(2048) NOT NULL,
                "company_id" character varying(64),
                "api_version" character varying(32),
                "enabled" boolean NOT NULL DEFAULT true,
                "schedule" character varying(64),
                "credentials" text NOT NULL,
                "sync_state" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_source_system_kind" CHECK (
                    "kind" IN ('CRM', 'APTIC', 'INVOICING', 'CREDIT_DATA')
                ),
                CONSTRAINT "PK_f6f3aadd5729539015c418c6341" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_source_system_tenant_kind" ON "source_system" ("tenant_id", "kind")
        `);
        await queryRunner.query(`
            CREATE TABLE "sync_run" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "source_system_id" bigint NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'QUEUED',
                "full" boolean NOT NULL DEFAULT false,
                "queued_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP(3) WITH TIME ZONE,
                "finished_at" TIMESTAMP(3) WITH TIME ZONE,
                "fetched" integer NOT NULL DEFAULT '0',
                "created" integer NOT NULL DEFAULT '0',
                "updated" integer NOT NULL DEFAULT '0',
                "unchanged" integer NOT NULL DEFAULT '0',
                "archived" integer NOT NULL DEFAULT '0',
                "conflicts" integer NOT NULL DEFAULT '0',
                "failed" integer NOT NULL DEFAULT '0',
                "job_id" uuid,
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_sync_run_times" CHECK (
                    (
                        "started_at" IS NULL
                        OR "started_at" >= "queued_at"
                    )
                    AND (
                        "finished_at" IS NULL
                        OR "finished_at" >= "queued_at"
                    )
                ),
                CONSTRAINT "CHK_sync_run_counters" CHECK (
                    "fetched" >= 0
                    AND "created" >= 0
                    AND "updated" >= 0
                    AND "unchanged" >= 0
                    AND "archived" >= 0
                    AND "conflicts" >= 0
                    AND "failed" >= 0
                ),
                CONSTRAINT "CHK_sync_run_status" CHECK (
                    "status" IN (
                        'QUEUED',
                        'RUNNING',
                        'SUCCEEDED',
                        'PARTIAL',
                        'FAILED',
                        'CANCELLED'
                    )
                ),
                CONSTRAINT "PK_ab1387853fd86ea904a21058b01" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_sync_run_open_per_source" ON "sync_run" ("tenant_id", "source_system_id")
            WHERE "status" IN ('QUEUED', 'RUNNING')
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_sync_run_source_system" ON "sync_run" ("source_system_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_sync_run_tenant_source_queued" ON "sync_run" (
                "tenant_id",
                "source_system_id",
                "queued_at",
                "id"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "sync_issue" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "run_id" bigint NOT NULL,
                "kind" character varying(16) NOT NULL,
                "source_id" character varying(255),
                "client_id" bigint,
                "field" character varying(255),
                "message" text NOT NULL,
                "detail" jsonb,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_sync_issue_kind" CHECK (
                    "kind" IN (
                        'CONFLICT',
                        'INVALID_VALUE',
                        'SOURCE_ERROR',
                        'RECORD_FAILED'
                    )
                ),
                CONSTRAINT "PK_68e4b58d0a8078e802079221457" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_sync_issue_client" ON "sync_issue" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_sync_issue_run" ON "sync_issue" ("run_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_sync_issue_tenant_run" ON "sync_issue" ("tenant_id", "run_id", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "source_record" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "source_system_id" bigint NOT NULL,
                "source_id" character varying(255) NOT NULL,
                "source_updated_at" TIMESTAMP(3) WITH TIME ZONE,
                "last_synced_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "deleted_in_source" boolean NOT NULL DEFAULT false,
                "content_hash" character(64) NOT NULL,
                "raw" jsonb NOT NULL,
                "last_run_id" bigint,
                CONSTRAINT "PK_23f4fc80099215aaafd658cb88b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_source_record_last_run" ON "source_record" ("last_run_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_source_record_source_system" ON "source_record" ("source_system_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_source_record_client" ON "source_record" ("client_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_source_record_tenant_client_source_system" ON "source_record" ("tenant_id", "client_id", "source_system_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_source_record_tenant_source_system_source_id" ON "source_record" ("tenant_id", "source_system_id", "source_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "field_source" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "field" character varying(64) NOT NULL,
                "source_system_id" bigint,
                "set_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_4956e6d914345713db07da47577" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_field_source_source_system" ON "field_source" ("source_system_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_field_source_client" ON "field_source" ("client_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_field_source_tenant_client_field" ON "field_source" ("tenant_id", "client_id", "field")
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_run"
            ADD CONSTRAINT "FK_28a7965bdcd9c3bcbeefc814417" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_issue"
            ADD CONSTRAINT "FK_7a5be991aec116a5154bcd2f575" FOREIGN KEY ("run_id") REFERENCES "sync_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_issue"
            ADD CONSTRAINT "FK_68eaa6e8b8d6a3d6fedf4cc749f" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "source_record"
            ADD CONSTRAINT "FK_f2be2e8af2eb89c8bbe68bc89a5" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "source_record"
            ADD CONSTRAINT "FK_f2338df78adf3417652f0fabaf4" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "source_record"
            ADD CONSTRAINT "FK_673b9666212402df3b309dba117" FOREIGN KEY ("last_run_id") REFERENCES "sync_run"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "field_source"
            ADD CONSTRAINT "FK_a8aebb63ce39e3a3300653508b9" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "field_source"
            ADD CONSTRAINT "FK_7a714236d618a9a54a8e7eeaba4" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "field_source" DROP CONSTRAINT "FK_7a714236d618a9a54a8e7eeaba4"
        `);
        await queryRunner.query(`
            ALTER TABLE "field_source" DROP CONSTRAINT "FK_a8aebb63ce39e3a3300653508b9"
        `);
        await queryRunner.query(`
            ALTER TABLE "source_record" DROP CONSTRAINT "FK_673b9666212402df3b309dba117"
        `);
        await queryRunner.query(`
            ALTER TABLE "source_record" DROP CONSTRAINT "FK_f2338df78adf3417652f0fabaf4"
        `);
        await queryRunner.query(`
            ALTER TABLE "source_record" DROP CONSTRAINT "FK_f2be2e8af2eb89c8bbe68bc89a5"
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_issue" DROP CONSTRAINT "FK_68eaa6e8b8d6a3d6fedf4cc749f"
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_issue" DROP CONSTRAINT "FK_7a5be991aec116a5154bcd2f575"
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_run" DROP CONSTRAINT "FK_28a7965bdcd9c3bcbeefc814417"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_field_source_tenant_client_field"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_field_source_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_field_source_source_system"
        `);
        await queryRunner.query(`
            DROP TABLE "field_source"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_source_record_tenant_source_system_source_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_source_record_tenant_client_source_system"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_source_record_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_source_record_source_system"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_source_record_last_run"
        `);
        await queryRunner.query(`
            DROP TABLE "source_record"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_sync_issue_tenant_run"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_sync_issue_run"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_sync_issue_client"
        `);
        await queryRunner.query(`
            DROP TABLE "sync_issue"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_sync_run_tenant_source_queued"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_sync_run_source_system"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_sync_run_open_per_source"
        `);
        await queryRunner.query(`
            DROP TABLE "sync_run"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_source_system_tenant_kind"
        `);
        await queryRunner.query(`
            DROP TABLE "source_system"
        `);
    }

}
