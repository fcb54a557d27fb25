import { MigrationInterface, QueryRunner } from "typeorm";
import { disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";

/** Tenant isolation for the clients callers opened (clientsSummary.latestOpened). */
export class OpenedClientRowLevelSecurity1795288330624 implements MigrationInterface {
  name = "OpenedClientRowLevelSecurity1795288330624";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await enableTenantIsolation(queryRunner, "opened_client");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, "opened_client");
  }
}
