import { MigrationInterface, QueryRunner } from "typeorm";
import { disableTenantIsolation, enableTenantIsolation } from "../src/db/rls";
import { APP_ROLE } from "../src/db/tenant-session";

/**
 * The change feed's commit order (src/modules/change-feed/feed.ts explains why it is correct): a
 * transaction's commit row gets its `seq` from a deferred constraint trigger, which runs as the
 * commit begins, under a per-tenant advisory lock that is held until the commit is visible. The
 * tenant's transactions so take their `seq` one after the other, in the order they become
 * visible; other tenants' commits never wait for it.
 */
export class ChangeFeedCommitOrder1796244180984 implements MigrationInterface {
  name = "ChangeFeedCommitOrder1796244180984";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "client_change_seq" AS bigint`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE "client_change_seq" TO "${APP_ROLE}"`);
    await queryRunner.query(`
      CREATE FUNCTION "client_change_commit_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('client_change_commit:' || NEW.tenant_id, 0));
        UPDATE client_change_commit SET seq = nextval('client_change_seq'), committed_at = clock_timestamp()
         WHERE tenant_id = NEW.tenant_id AND xact = NEW.xact;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER "client_change_commit_seq" AFTER INSERT ON "client_change_commit"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "client_change_commit_seq"()`);
    // Written by every write path, read by the feed; only the retention purge (the owner) deletes.
    await enableTenantIsolation(queryRunner, "client_change", "SELECT, INSERT");
    await enableTenantIsolation(queryRunner, "client_change_commit", "SELECT, INSERT, UPDATE");
    await enableTenantIsolation(queryRunner, "client_change_horizon", "SELECT");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, "client_change_horizon");
    await disableTenantIsolation(queryRunner, "client_change_commit");
    await disableTenantIsolation(queryRunner, "client_change");
    await queryRunner.query(`DROP TRIGGER "client_change_commit_seq" ON "client_change_commit"`);
    await queryRunner.query(`DROP FUNCTION "client_change_commit_seq"()`);
    await queryRunner.query(`DROP SEQUENCE "client_change_seq"`);
  }
}
