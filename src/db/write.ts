import type { EntityTarget, ObjectLiteral } from "typeorm";
import { QueryFailedError } from "typeorm";
import { isBigintId } from "../common/validation/checksums";
import { hydrateRows } from "./hydrate";
import type { WriteTransaction } from "./write-transaction";

/** Inserts one row and returns it as stored (defaults, generated keys and all). */
export async function insertReturning<T extends ObjectLiteral>(tx: WriteTransaction, entity: EntityTarget<T>, values: object): Promise<T> {
  const result = await tx.manager.createQueryBuilder().insert().into(entity).values(values as never).returning("*").execute();
  return hydrateRows(tx.manager, entity, result.raw as Record<string, unknown>[])[0];
}

/**
 * Updates one row by id and returns it as stored. `updatedAt` moves forward by at least a
 * millisecond on every write, so `expectedUpdatedAt` always tells two versions apart.
 */
export async function updateReturning<T extends ObjectLiteral>(tx: WriteTransaction, entity: EntityTarget<T>, id: string, values: object): Promise<T> {
  const result = await tx.manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...values, updatedAt: () => `greatest(clock_timestamp(), "updated_at" + interval '1 millisecond')` } as never)
    .where("id = :id", { id })
    .returning("*")
    .execute();
  return hydrateRows(tx.manager, entity, result.raw as Record<string, unknown>[])[0];
}

/** Locks one row of the tenant for the rest of the transaction; null when there is none. */
export async function findForUpdate<T extends ObjectLiteral>(tx: WriteTransaction, entity: EntityTarget<T>, id: string): Promise<T | null> {
  if (!isBigintId(id)) return null;
  const table = tx.manager.connection.getMetadata(entity).tableName;
  const rows = await tx.query<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE id = $1 FOR UPDATE`, [id]);
  return hydrateRows(tx.manager, entity, rows)[0] ?? null;
}

/** The unique index a failed statement violated, if that is why it failed. */
export function violatedUniqueIndex(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = (error as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  return driver?.code === "23505" ? (driver.constraint ?? "") : null;
}
