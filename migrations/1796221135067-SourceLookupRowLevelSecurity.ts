import { MigrationInterface, QueryRunner } from "typeorm";
import { disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";

/** Tenant isolation for the lookups a credit-data run remembers (source_lookup). */
export class SourceLookupRowLevelSecurity1796221135067 implements MigrationInterface {
  name = "SourceLookupRowLevelSecurity1796221135067";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await enableTenantIsolation(queryRunner, "source_lookup");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, "source_lookup");
  }
}
