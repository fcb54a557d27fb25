import { MigrationInterface, QueryRunner } from "typeorm";

export class ChangeFeed1796244180983 implements MigrationInterface {
    name = 'ChangeFeed1796244180983'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "client_change" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "xact" bigint NOT NULL,
                "client_id" bigint NOT NULL,
                "kind" character varying(16) NOT NULL,
                "resource" character varying(64),
                "resource_id" bigint,
                "fields" text array NOT NULL,
                "source_system_id" bigint,
                "sync_run_id" bigint,
                "request_id" character varying(64),
                CONSTRAINT "PK_371c8231fc9d834854d94275748" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_change_tenant_xact" ON "client_change" ("tenant_id", "xact", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "client_change_commit" (
                "tenant_id" character varying(64) NOT NULL,
                "xact" bigint NOT NULL,
                "seq" bigint,
                "committed_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "PK_866d210680d6987a079b96d0d08" PRIMARY KEY ("tenant_id", "xact")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_client_change_commit_tenant_seq" ON "client_change_commit" ("tenant_id", "seq")
        `);
        await queryRunner.query(`
            CREATE TABLE "client_change_horizon" (
                "tenant_id" character varying(64) NOT NULL,
                "seq" bigint NOT NULL,
                "change_id" bigint NOT NULL,
                CONSTRAINT "PK_67280f179aabadb9e68d608cfe7" PRIMARY KEY ("tenant_id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "client_change_horizon"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_client_change_commit_tenant_seq"
        `);
        await queryRunner.query(`
            DROP TABLE "client_change_commit"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_change_tenant_xact"
        `);
        await queryRunner.query(`
            DROP TABLE "client_change"
        `);
    }

}
