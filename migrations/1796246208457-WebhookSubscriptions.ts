import { MigrationInterface, QueryRunner } from "typeorm";

export class WebhookSubscriptions1796246208457 implements MigrationInterface {
    name = 'WebhookSubscriptions1796246208457'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "webhook_subscription" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "url" character varying(2048) NOT NULL,
                "kinds" character varying(32) array,
                "secret" text NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'ACTIVE',
                "disabled_at" TIMESTAMP(3) WITH TIME ZONE,
                "failing_since" TIMESTAMP(3) WITH TIME ZONE,
                "feed_seq" bigint,
                "feed_id" bigint,
                "created_by" character varying(255) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_webhook_subscription_status" CHECK ("status" IN ('ACTIVE', 'DISABLED')),
                CONSTRAINT "PK_b52cb4811c5ada4f42896c37ba8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "webhook_delivery" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "subscription_id" bigint NOT NULL,
                "change_id" bigint NOT NULL,
                "client_id" bigint NOT NULL,
                "kind" character varying(32) NOT NULL,
                "body" text NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'PENDING',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" character varying(200),
                "last_status" integer,
                "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "last_attempt_at" TIMESTAMP(3) WITH TIME ZONE,
                "delivered_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_webhook_delivery_status" CHECK ("status" IN ('PENDING', 'DELIVERED', 'FAILED')),
                CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_webhook_delivery_change" ON "webhook_delivery" ("subscription_id", "change_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_webhook_delivery_due" ON "webhook_delivery" ("next_attempt_at")
            WHERE "status" = 'PENDING'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_webhook_delivery_subscription" ON "webhook_delivery" ("subscription_id", "id")
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery"
            ADD CONSTRAINT "FK_236a6a1218756223393d1fb5acc" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_236a6a1218756223393d1fb5acc"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_webhook_delivery_subscription"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_webhook_delivery_due"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_webhook_delivery_change"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_delivery"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_subscription"
        `);
    }

}
