import { MigrationInterface, QueryRunner } from "typeorm";

export class ClientMutations1795287095666 implements MigrationInterface {
    name = 'ClientMutations1795287095666'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_entry" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "entity_type" character varying(64) NOT NULL,
                "entity_id" bigint NOT NULL,
                "operation" character varying(64) NOT NULL,
                "actor" character varying(255) NOT NULL,
                "request_id" character varying(64) NOT NULL,
                "idempotency_key" character varying(255),
                "changes" jsonb NOT NULL DEFAULT '[]',
                "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_entry_client" ON "audit_entry" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_entry_tenant_client_occurred" ON "audit_entry" ("tenant_id", "client_id", "occurred_at", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "idempotency_key" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "mutation" character varying(64) NOT NULL,
                "key" character varying(255) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_213f125e14469be304f9ff1d452" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_idempotency_key_expires" ON "idempotency_key" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_idempotency_key_tenant_mutation_key" ON "idempotency_key" ("tenant_id", "mutation", "key")
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_entry"
            ADD CONSTRAINT "FK_988b094028178eacb49ff5a9f26" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "audit_entry" DROP CONSTRAINT "FK_988b094028178eacb49ff5a9f26"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_idempotency_key_tenant_mutation_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_idempotency_key_expires"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_entry_tenant_client_occurred"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_entry_client"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_entry"
        `);
    }

}
