import { MigrationInterface, QueryRunner } from "typeorm";

export class SyncRunsProvenanceAndInvoiceSources1796189740131 implements MigrationInterface {
    name = 'SyncRunsProvenanceAndInvoiceSources1796189740131'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "sync_run"
            ADD "checkpoint" jsonb
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_run"
            ADD "message" text
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_run"
            ADD "requested_by" character varying(255)
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_run"
            ADD "attempt_token" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_run"
            ADD "heartbeat_at" TIMESTAMP(3) WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ADD "source_system_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ADD "sync_run_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice"
            ADD "source_system_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice"
            ADD "source_id" character varying(255)
        `);
        await queryRunner.query(`
            ALTER TABLE "source_record"
            ADD "source_created_at" TIMESTAMP(3) WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "source_record"
            ADD "issues" jsonb NOT NULL DEFAULT '[]'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_entry_sync_run" ON "audit_entry" ("sync_run_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_entry_source_system" ON "audit_entry" ("source_system_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_invoice_source_system" ON "invoice" ("source_system_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_invoice_tenant_source_system_source_id" ON "invoice" ("tenant_id", "source_system_id", "source_id")
            WHERE "source_system_id" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ADD CONSTRAINT "FK_7d39815f65e891eff6089dde063" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ADD CONSTRAINT "FK_8db557eb62265b02c7139ff9397" FOREIGN KEY ("sync_run_id") REFERENCES "sync_run"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice"
            ADD CONSTRAINT "FK_bed9a3c6450876c7c30375a938d" FOREIGN KEY ("source_system_id") REFERENCES "source_system"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "invoice" DROP CONSTRAINT "FK_bed9a3c6450876c7c30375a938d"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry" DROP CONSTRAINT "FK_8db557eb62265b02c7139ff9397"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry" DROP CONSTRAINT "FK_7d39815f65e891eff6089dde063"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_invoice_tenant_source_system_source_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_invoice_source_system"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_entry_source_system"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_entry_sync_run"
        `);
        await queryRunner.query(`
            ALTER TABLE "source_record" DROP COLUMN "issues"
        `);
        await queryRunner.query(`
            ALTER TABLE "source_record" DROP COLUMN "source_created_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice" DROP COLUMN "source_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice" DROP COLUMN "source_system_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry" DROP COLUMN "sync_run_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry" DROP COLUMN "source_system_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_run" DROP COLUMN "heartbeat_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_run" DROP COLUMN "attempt_token"
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_run" DROP COLUMN "requested_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_run" DROP COLUMN "message"
        `);
        await queryRunner.query(`
            ALTER TABLE "sync_run" DROP COLUMN "checkpoint"
        `);
    }

}
