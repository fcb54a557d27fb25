import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * An entity's column values as plain JSON, to keep a record as it was (an idempotent call's
 * payload) and to hydrate it again later with the same types (instants back to Date).
 */
export function snapshotOf<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, row: T): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {};
  for (const column of dataSource.getMetadata(entity).columns) {
    const value = (row as Record<string, unknown>)[column.propertyName];
    snapshot[column.propertyName] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return snapshot;
}

export function fromSnapshot<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, snapshot: Record<string, unknown>): T {
  const metadata = dataSource.getMetadata(entity);
  const row = metadata.create() as Record<string, unknown>;
  for (const column of metadata.columns) {
    const value = snapshot[column.propertyName] ?? null;
    const instant = column.type === "timestamptz" || column.type === "timestamp" || column.type === Date;
    row[column.propertyName] = instant && typeof value === "string" ? new Date(value) : value;
  }
  return row as T;
}
