import { MigrationInterface, QueryRunner } from "typeorm";

export class ClientTemplates1796221486367 implements MigrationInterface {
    name = 'ClientTemplates1796221486367'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "client_account" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "account_number" character varying(20) NOT NULL,
                "name" character varying(255) NOT NULL,
                "account_type" character varying(20),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_client_account_type" CHECK (
                    "account_type" IS NULL
                    OR "account_type" IN (
                        'ASSET',
                        'LIABILITY',
                        'EQUITY',
                        'REVENUE',
                        'EXPENSE'
                    )
                ),
                CONSTRAINT "PK_b3627c981b3d782cb5a2845e3d8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_client_account_client_number" ON "client_account" ("client_id", "account_number")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_account_client" ON "client_account" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_account_tenant_client" ON "client_account" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "chart_of_account_template" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "name" character varying(80) NOT NULL,
                "description" character varying(255),
                "accounts" jsonb NOT NULL DEFAULT '[]',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_38cfe1e2e39c605a5c0d7220e7c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_chart_of_account_template_tenant_name" ON "chart_of_account_template" ("tenant_id", "name")
        `);
        await queryRunner.query(`
            CREATE TABLE "parameter_template" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "name" character varying(80) NOT NULL,
                "description" character varying(255),
                "parameters" jsonb NOT NULL DEFAULT '[]',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_30dd3eaad2216c8a6d8d675162c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_parameter_template_tenant_name" ON "parameter_template" ("tenant_id", "name")
        `);
        await queryRunner.query(`
            CREATE TABLE "pricelist_template" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "name" character varying(80) NOT NULL,
                "description" character varying(255),
                "template_pricelist_id" integer,
                "lines" jsonb NOT NULL DEFAULT '[]',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1336658d6055f69c62429719ad0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_pricelist_template_tenant_name" ON "pricelist_template" ("tenant_id", "name")
        `);
        await queryRunner.query(`
            CREATE TABLE "pricelist_service" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "service_id" integer NOT NULL,
                "name" character varying(100) NOT NULL,
                "description" character varying(255),
                "is_active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_602bf9330684112fd87a05b3b86" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_pricelist_service_tenant_service" ON "pricelist_service" ("tenant_id", "service_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry" DROP CONSTRAINT "FK_988b094028178eacb49ff5a9f26"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_entry_tenant_client_occurred"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ALTER COLUMN "client_id" DROP NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_entry_tenant_client_occurred" ON "audit_entry" ("tenant_id", "client_id", "occurred_at", "id")
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ADD CONSTRAINT "FK_988b094028178eacb49ff5a9f26" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "client_account"
            ADD CONSTRAINT "FK_594cc549a6b91ea5d8ef9191604" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "client_account" DROP CONSTRAINT "FK_594cc549a6b91ea5d8ef9191604"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry" DROP CONSTRAINT "FK_988b094028178eacb49ff5a9f26"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_entry_tenant_client_occurred"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ALTER COLUMN "client_id"
            SET NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_entry_tenant_client_occurred" ON "audit_entry" ("tenant_id", "client_id", "occurred_at", "id")
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ADD CONSTRAINT "FK_988b094028178eacb49ff5a9f26" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_pricelist_service_tenant_service"
        `);
        await queryRunner.query(`
            DROP TABLE "pricelist_service"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_pricelist_template_tenant_name"
        `);
        await queryRunner.query(`
            DROP TABLE "pricelist_template"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_parameter_template_tenant_name"
        `);
        await queryRunner.query(`
            DROP TABLE "parameter_template"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_chart_of_account_template_tenant_name"
        `);
        await queryRunner.query(`
            DROP TABLE "chart_of_account_template"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_account_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_account_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_client_account_client_number"
        `);
        await queryRunner.query(`
            DROP TABLE "client_account"
        `);
    }

}
