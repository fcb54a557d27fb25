import { MigrationInterface, QueryRunner } from "typeorm";
import { disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";

/** Tenant isolation for the company's templates and pricelist services, and the clients' charts of accounts. */
export class ClientTemplatesRowLevelSecurity1796221486368 implements MigrationInterface {
  name = "ClientTemplatesRowLevelSecurity1796221486368";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await enableTenantIsolation(queryRunner, "client_account");
    await enableTenantIsolation(queryRunner, "pricelist_service");
    await enableTenantIsolation(queryRunner, "pricelist_template");
    await enableTenantIsolation(queryRunner, "parameter_template");
    await enableTenantIsolation(queryRunner, "chart_of_account_template");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, "chart_of_account_template");
    await disableTenantIsolation(queryRunner, "parameter_template");
    await disableTenantIsolation(queryRunner, "pricelist_template");
    await disableTenantIsolation(queryRunner, "pricelist_service");
    await disableTenantIsolation(queryRunner, "client_account");
  }
}
