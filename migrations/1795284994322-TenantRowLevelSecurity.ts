import { MigrationInterface, QueryRunner } from "typeorm";
import { createAppRole, disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";

/** Every tenant table of the initial schema, in the order they were created. */
const TENANT_TABLES = [
  "client",
  "external_identifier",
  "client_contract",
  "factoring_loan_contract",
  "factoring_loan_transaction",
  "factoring_purchase_contract",
  "bank_account",
  "direct_debit_mandate",
  "client_parameter",
  "extra_field",
  "pricelist",
  "invoice",
  "act",
  "favourite_client",
];

/**
 * Tenant isolation in the database itself: the app role (neither owner, superuser nor BYPASSRLS)
 * sees and writes only the rows of the transaction's `app.tenant_id`. Hand-written because TypeORM
 * does not model roles or policies; the entity schema itself comes from the generated migration.
 */
export class TenantRowLevelSecurity1795284994322 implements MigrationInterface {
  name = "TenantRowLevelSecurity1795284994322";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await createAppRole(queryRunner);
    for (const table of TENANT_TABLES) await enableTenantIsolation(queryRunner, table);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES].reverse()) await disableTenantIsolation(queryRunner, table);
  }
}
