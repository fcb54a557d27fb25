import type { EntityManager } from "typeorm";
import { LoaderSpec, TenantKey } from "../../common/loaders";
import { hydrateRows } from "../../db/hydrate";
import { Act } from "./act.entity";
import type { ActCursor } from "./act-cursor";

/** A page request: up to `first` acts of client `id` after `after` (newest first). */
export interface ActPageKey extends TenantKey {
  first: number;
  after: ActCursor | null;
}

/** Up to `first + 1` acts per client of `keys` (all with the same `after`), newest first: one statement. */
async function fetchPages(manager: EntityManager, tenantId: string, keys: ActPageKey[]): Promise<Act[]> {
  const after = keys[0].after;
  const parameters: unknown[] = [tenantId, [...new Set(keys.map((k) => k.id))], Math.max(...keys.map((k) => k.first)) + 1];
  if (after) parameters.push(after.periodEnd, after.id);
  const sql = `SELECT * FROM (
      SELECT t.*, row_number() OVER (PARTITION BY t."client_id" ORDER BY t."period_end" DESC, t."id" DESC) AS "__rank"
      FROM "act" t
      WHERE t."tenant_id" = $1 AND t."client_id" = ANY($2::bigint[])${after ? ` AND (t."period_end", t."id") < ($4::date, $5::bigint)` : ""}
    ) ranked WHERE "__rank" <= $3 ORDER BY "client_id", "__rank"`;
  return hydrateRows(manager, Act, (await manager.query(sql, parameters)) as Record<string, unknown>[]);
}

/**
 * Pages of acts for many clients: one statement per distinct `after` among the keys (keys without
 * `after` share one). Each key gets up to `first + 1` acts, so the resolver can tell hasNextPage.
 */
export const actPageLoader: LoaderSpec<ActPageKey, Act[]> = {
  name: "Client.acts",
  empty: () => [],
  async batch(session, keys) {
    const groups = new Map<string, ActPageKey[]>();
    for (const key of keys) {
      const group = JSON.stringify(key.after);
      groups.set(group, [...(groups.get(group) ?? []), key]);
    }
    const manager = await session.manager();
    const results = new Map<ActPageKey, Act[]>();
    for (const group of groups.values()) {
      const byClient = new Map<string, Act[]>();
      for (const act of await fetchPages(manager, session.tenantId, group)) {
        byClient.set(act.clientId, [...(byClient.get(act.clientId) ?? []), act]);
      }
      for (const key of group) results.set(key, (byClient.get(key.id) ?? []).slice(0, key.first + 1));
    }
    return keys.map((key) => results.get(key) ?? []);
  },
};
