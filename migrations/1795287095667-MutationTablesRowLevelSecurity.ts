import { MigrationInterface, QueryRunner } from "typeorm";
import { disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";

/**
 * Tenant isolation for the tables of the mutation pipeline. The audit trail is append-only for
 * the app role: it may read and add entries, never change or delete them.
 */
export class MutationTablesRowLevelSecurity1795287095667 implements MigrationInterface {
  name = "MutationTablesRowLevelSecurity1795287095667";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await enableTenantIsolation(queryRunner, "idempotency_key");
    await enableTenantIsolation(queryRunner, "audit_entry", "SELECT, INSERT");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, "audit_entry");
    await disableTenantIsolation(queryRunner, "idempotency_key");
  }
}
