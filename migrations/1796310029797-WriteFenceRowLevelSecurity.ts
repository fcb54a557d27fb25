import { MigrationInterface, QueryRunner } from "typeorm";
import { disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";

/** Tenant isolation for the write fences: a mutation bumps its caller's row as the app role, and a replica read checks it as the app role. */
export class WriteFenceRowLevelSecurity1796310029797 implements MigrationInterface {
  name = "WriteFenceRowLevelSecurity1796310029797";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await enableTenantIsolation(queryRunner, "write_fence", "SELECT, INSERT, UPDATE");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, "write_fence");
  }
}
