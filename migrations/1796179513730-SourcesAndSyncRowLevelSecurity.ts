import { MigrationInterface, QueryRunner } from "typeorm";
import { disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";

/**
 * Tenant isolation for the source systems and what their syncs write. A run's issues are
 * append-only for the app role (they are the run's record); they go with their run or source.
 */
export class SourcesAndSyncRowLevelSecurity1796179513730 implements MigrationInterface {
  name = "SourcesAndSyncRowLevelSecurity1796179513730";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await enableTenantIsolation(queryRunner, "source_system");
    await enableTenantIsolation(queryRunner, "sync_run");
    await enableTenantIsolation(queryRunner, "sync_issue", "SELECT, INSERT");
    await enableTenantIsolation(queryRunner, "source_record");
    await enableTenantIsolation(queryRunner, "field_source");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, "field_source");
    await disableTenantIsolation(queryRunner, "source_record");
    await disableTenantIsolation(queryRunner, "sync_issue");
    await disableTenantIsolation(queryRunner, "sync_run");
    await disableTenantIsolation(queryRunner, "source_system");
  }
}
