import { MigrationInterface, QueryRunner } from "typeorm";
import { disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";

export class SourcePrecedence1796190428805 implements MigrationInterface {
    name = 'SourcePrecedence1796190428805'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "source_precedence" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "field_group" character varying(16) NOT NULL,
                "sources" jsonb NOT NULL,
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_source_precedence_group" CHECK (
                    "field_group" IN (
                        'IDENTITY',
                        'CONTACT',
                        'FINANCE',
                        'BILLING',
                        'CREDIT'
                    )
                ),
                CONSTRAINT "PK_c770afac1301ac66032ceadad15" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_source_precedence_tenant_group" ON "source_precedence" ("tenant_id", "field_group")
        `);
        await enableTenantIsolation(queryRunner, "source_precedence");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await disableTenantIsolation(queryRunner, "source_precedence");
        await queryRunner.query(`
            DROP INDEX "public"."UQ_source_precedence_tenant_group"
        `);
        await queryRunner.query(`
            DROP TABLE "source_precedence"
        `);
    }

}
