import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Turns rows of a raw SQL query (`SELECT t.* ...`) into entities with TypeORM's own value
 * conversion, for the queries the query builder cannot express (window functions, keysets).
 */
export function hydrateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  raw: Record<string, unknown>[],
): T[] {
  const metadata = manager.dataSource.getMetadata(entity);
  const driver = manager.dataSource.driver;
  return raw.map((r) => {
    const row = manager.create(entity) as Record<string, unknown>;
    for (const c of metadata.columns) row[c.propertyName] = driver.prepareHydratedValue(r[c.databaseName], c);
    return row as T;
  });
}
