import { MigrationInterface, QueryRunner } from "typeorm";
import { disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";

/** Tenant isolation for webhooks: a company's subscriptions and their deliveries are its own (the app role creates, reads, updates and deletes both). */
export class WebhooksRowLevelSecurity1796246208458 implements MigrationInterface {
  name = "WebhooksRowLevelSecurity1796246208458";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await enableTenantIsolation(queryRunner, "webhook_subscription");
    await enableTenantIsolation(queryRunner, "webhook_delivery");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, "webhook_delivery");
    await disableTenantIsolation(queryRunner, "webhook_subscription");
  }
}
