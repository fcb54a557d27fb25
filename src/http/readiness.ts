import type { DataSource } from "typeorm";

export interface Readiness {
  ready: boolean;
  /** Why not. */
  reason?: "stopping" | "database unreachable" | "migrations pending";
}

/**
 * Ready to serve: not stopping, the database answers, and every migration this build knows is
 * applied (one statement: the migrations table's names).
 */
export async function readiness(dataSource: DataSource, stopping: boolean): Promise<Readiness> {
  if (stopping) return { ready: false, reason: "stopping" };
  let applied: Set<string>;
  try {
    const rows = (await dataSource.query(`SELECT name FROM typeorm_migrations`)) as { name: string }[];
    applied = new Set(rows.map((row) => row.name));
  } catch (error) {
    // A database that answers without the migrations table has had none applied.
    if ((error as { code?: string }).code === "42P01") return { ready: false, reason: "migrations pending" };
    return { ready: false, reason: "database unreachable" };
  }
  const pending = dataSource.migrations.some((migration) => !applied.has(migration.name ?? migration.constructor.name));
  return pending ? { ready: false, reason: "migrations pending" } : { ready: true };
}
