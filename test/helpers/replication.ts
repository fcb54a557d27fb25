import { sql } from "./databases";
import { waitFor } from "./wait";

/** A logical replica's lag, made real: `pause` stops applying (the replica falls behind), `resume` catches up. */
export interface Lag {
  pause(): Promise<void>;
  resume(): Promise<void>;
}

const PUBLICATION = "gateway_reads";

/**
 * Makes the databases of `replicaUrls` logical replicas of `primaryUrl`'s, as README "Running in
 * production" describes it: all migrated, every table of the gateway but the migrations' own
 * published, and each replica subscribed (its own subscription and slot; the primary's server
 * needs `wal_level=logical`). Waits until every replica has copied every table.
 */
export async function replicateLogically(primaryUrl: string, replicaUrls: string[]): Promise<Lag[]> {
  const tables = await sql<{ name: string }>(primaryUrl, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations' ORDER BY 1`);
  await sql(primaryUrl, `CREATE PUBLICATION ${PUBLICATION} FOR TABLE ${tables.map((t) => `"${t.name}"`).join(", ")}`);
  return Promise.all(
    replicaUrls.map(async (replicaUrl, index) => {
      const subscription = `gateway_reads_${index + 1}`;
      await sql(replicaUrl, `CREATE SUBSCRIPTION ${subscription} CONNECTION '${primaryUrl.replace(/'/g, "''")}' PUBLICATION ${PUBLICATION}`);
      await waitFor("the replica's initial copy", async () => {
        const [{ copying }] = await sql<{ copying: number }>(replicaUrl, `SELECT count(*)::int AS copying FROM pg_subscription_rel WHERE srsubstate <> 'r'`);
        return copying === 0;
      }, 60_000);
      return {
        pause: async () => {
          await sql(replicaUrl, `ALTER SUBSCRIPTION ${subscription} DISABLE`);
          // The apply worker stops at its next transaction: wait until it has, so nothing more is applied.
          await waitFor("the replica's apply worker to stop", async () => {
            const [{ running }] = await sql<{ running: number }>(replicaUrl, `SELECT count(pid)::int AS running FROM pg_stat_subscription WHERE subname = $1`, [subscription]);
            return running === 0;
          });
        },
        resume: async () => void (await sql(replicaUrl, `ALTER SUBSCRIPTION ${subscription} ENABLE`)),
      };
    }),
  );
}
