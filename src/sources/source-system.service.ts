import { isBigintId } from "../common/validation/checksums";
import { entityColumns, queryEntities } from "../db/hydrate";
import type { TenantSession } from "../db/tenant-session";
import { SyncRun } from "../sync/sync-run.entity";
import { SourceSystem } from "./source-system.entity";

/**
 * Reads source systems and runs for one tenant, in the request's session: row-level security
 * and the explicit tenant condition, as every read of the gateway.
 */
export const sourceSystemService = {
  async list(session: TenantSession): Promise<SourceSystem[]> {
    const manager = await session.manager();
    return queryEntities(manager, SourceSystem, `SELECT ${entityColumns(manager, SourceSystem, "s")} FROM "source_system" s WHERE s."tenant_id" = $1 ORDER BY s."name", s."id"`, [
      session.tenantId,
    ]);
  },

  async findById(session: TenantSession, id: string): Promise<SourceSystem | null> {
    if (!isBigintId(id)) return null;
    const manager = await session.manager();
    const [row] = await queryEntities(manager, SourceSystem, `SELECT ${entityColumns(manager, SourceSystem, "s")} FROM "source_system" s WHERE s."tenant_id" = $1 AND s."id" = $2::bigint`, [
      session.tenantId,
      id,
    ]);
    return row ?? null;
  },

  async findRun(session: TenantSession, id: string): Promise<SyncRun | null> {
    if (!isBigintId(id)) return null;
    const manager = await session.manager();
    const [row] = await queryEntities(manager, SyncRun, `SELECT ${entityColumns(manager, SyncRun, "r")} FROM "sync_run" r WHERE r."tenant_id" = $1 AND r."id" = $2::bigint`, [session.tenantId, id]);
    return row ?? null;
  },
};
