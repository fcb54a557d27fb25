import { MigrationInterface, QueryRunner } from "typeorm";
import { disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";

/** Tenant isolation for custom actions' runs: the app role records, settles and reads them; nobody deletes one. */
export class ClientActionRunsRowLevelSecurity1796222254626 implements MigrationInterface {
  name = "ClientActionRunsRowLevelSecurity1796222254626";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await enableTenantIsolation(queryRunner, "client_action_run", "SELECT, INSERT, UPDATE");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, "client_action_run");
  }
}
