import type { QueryRunner } from "typeorm";
import { APP_ROLE, TENANT_SETTING } from "./tenant-session";

const POLICY = "tenant_isolation";

/**
 * Puts a table under tenant isolation: the app role may read and write it, and only the rows
 * whose tenant_id equals the transaction's `app.tenant_id`. Without that setting no row is
 * visible and none can be written. Every migration that adds a tenant table calls this; a test
 * fails when a table with tenant_id lacks the policy.
 */
export async function enableTenantIsolation(runner: QueryRunner, table: string, privileges = "SELECT, INSERT, UPDATE, DELETE"): Promise<void> {
  const condition = `"tenant_id" = current_setting('${TENANT_SETTING}', true)`;
  await runner.query(`GRANT ${privileges} ON "${table}" TO "${APP_ROLE}"`);
  await runner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await runner.query(`CREATE POLICY "${POLICY}" ON "${table}" USING (${condition}) WITH CHECK (${condition})`);
}

export async function disableTenantIsolation(runner: QueryRunner, table: string): Promise<void> {
  await runner.query(`DROP POLICY IF EXISTS "${POLICY}" ON "${table}"`);
  await runner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
  await runner.query(`REVOKE ALL ON "${table}" FROM "${APP_ROLE}"`);
}

/**
 * The role tenant queries run as (`set_config('role', ...)` per transaction): no login, not a
 * superuser, no BYPASSRLS, not the tables' owner. Roles are cluster-wide, so it may exist already.
 */
export async function createAppRole(runner: QueryRunner): Promise<void> {
  await runner.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
      CREATE ROLE "${APP_ROLE}" NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
  END $$`);
  // The connecting user must be a member to switch to the role.
  await runner.query(`DO $$ BEGIN
    IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
      EXECUTE format('GRANT %I TO %I', '${APP_ROLE}', current_user);
    END IF;
  END $$`);
  await runner.query(`GRANT USAGE ON SCHEMA public TO "${APP_ROLE}"`);
  await runner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${APP_ROLE}"`);
}
