import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type { Driver } from "typeorm/driver/Driver";

/**
 * Column types whose value pg already delivers as the entity holds it, so TypeORM's
 * `prepareHydratedValue` would return it unchanged: strings, numeric as a string, bigint as a
 * string, integers, booleans, uuid, json(b) parsed by pg, timestamptz as a Date. Every other type
 * (`date`, enums, simple-json, a column with a transformer, a type given as a JS constructor) goes
 * through TypeORM's own conversion, as before.
 */
const AS_DELIVERED = new Set<unknown>([
  "varchar",
  "character varying",
  "text",
  "char",
  "character",
  "citext",
  "uuid",
  "numeric",
  "decimal",
  "int",
  "int2",
  "int4",
  "int8",
  "integer",
  "smallint",
  "bigint",
  "boolean",
  "bool",
  "json",
  "jsonb",
  "timestamptz",
  "timestamp with time zone",
]);

type Conversion = (value: unknown) => unknown;

/** Makes one entity from one pg row: a constructor generated per entity (see `rowConstructorOf`). */
type RowConstructor = new (source: Record<string, unknown>) => ObjectLiteral;

const constructors = new WeakMap<EntityMetadata, RowConstructor>();
const arrayConstructors = new WeakMap<EntityMetadata, RowConstructor>();

function conversionOf(column: ColumnMetadata, driver: Driver): Conversion | undefined {
  if (!column.transformer && AS_DELIVERED.has(column.type)) return undefined;
  return (value) => driver.prepareHydratedValue(value, column);
}

/**
 * A constructor that copies one row's columns into the entity's properties, generated once per
 * entity from its metadata (property and column names, both from the entity classes, quoted with
 * JSON.stringify): constant property names keep V8's inline caches monomorphic and the properties
 * in-object, which a loop over the column list did not (it cost more than the constructor and
 * TypeORM's conversion it replaced). Its prototype is the entity's, so `instanceof` holds.
 */
function rowConstructorOf(metadata: EntityMetadata, driver: Driver, from: "names" | "positions" = "names"): RowConstructor {
  const cache = from === "names" ? constructors : arrayConstructors;
  let Row = cache.get(metadata);
  if (!Row) {
    const conversions = metadata.columns.map((c) => conversionOf(c, driver));
    const body = metadata.columns
      .map((c, i) => {
        const value = from === "names" ? `source[${JSON.stringify(c.databaseName)}]` : `source[${i}]`;
        return `this[${JSON.stringify(c.propertyName)}] = ${conversions[i] ? `conversions[${i}](${value})` : value};`;
      })
      .join("\n");
    // Built from the entity metadata only, never from input.
    Row = new Function("conversions", `"use strict"; return function Row(source) {\n${body}\n};`)(conversions) as RowConstructor;
    Row.prototype = (metadata.target as { prototype: object }).prototype;
    cache.set(metadata, Row);
  }
  return Row;
}

/**
 * Turns rows of a raw SQL query (`SELECT t.* ...`) into entities, with TypeORM's value conversion
 * where a column's type needs one. The read path's hot loop: each row becomes an object of the
 * entity's class (its prototype, so `instanceof` holds) made by a constructor generated per
 * entity, without running the entity's own constructor or TypeORM's per-column
 * `prepareHydratedValue` for values pg already delivers as the entity holds them.
 */
export function hydrateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  raw: Record<string, unknown>[],
): T[] {
  const Row = rowConstructorOf(manager.dataSource.getMetadata(entity), manager.dataSource.driver);
  const rows = new Array<T>(raw.length);
  for (let r = 0; r < raw.length; r++) rows[r] = new Row(raw[r]) as T;
  return rows;
}

const columnLists = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * Every column of the entity, qualified by `alias`, in the order of its metadata: what a
 * statement read by `queryEntities` selects first (`SELECT ${entityColumns(...)} FROM ...`).
 */
export function entityColumns(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const metadata = manager.dataSource.getMetadata(entity);
  let lists = columnLists.get(metadata);
  if (!lists) columnLists.set(metadata, (lists = new Map()));
  let list = lists.get(alias);
  if (!list) {
    list = metadata.columns.map((c) => `${alias}."${c.databaseName}"`).join(", ");
    lists.set(alias, list);
  }
  return list;
}

/**
 * Runs a read whose select list begins with `entityColumns(manager, entity, alias)` and makes
 * entities of its rows. pg delivers the rows as arrays (rowMode "array"): no object per raw row
 * with a property per column, only the entity, made by a constructor that reads positions. Extra
 * columns after the entity's (a window's rank) are ignored.
 */
export async function queryEntities<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  // TypeORM hands a query config to pg as it is; the statement is counted like any other.
  const raw = (await manager.query({ text: sql, rowMode: "array" } as unknown as string, parameters)) as unknown[][];
  const Row = rowConstructorOf(manager.dataSource.getMetadata(entity), manager.dataSource.driver, "positions");
  const rows = new Array<T>(raw.length);
  for (let r = 0; r < raw.length; r++) rows[r] = new Row(raw[r] as unknown as Record<string, unknown>) as T;
  return rows;
}

/**
 * As `queryEntities`, for a statement that selects `extras` more columns after the entity's and
 * whose entity columns can all be NULL (an outer join): each row's entity (null when its first
 * column, the id, is NULL) and its extra values.
 */
export async function queryEntitiesWithExtras<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  sql: string,
  parameters: unknown[],
): Promise<{ entity: T | null; extras: unknown[] }[]> {
  const raw = (await manager.query({ text: sql, rowMode: "array" } as unknown as string, parameters)) as unknown[][];
  const metadata = manager.dataSource.getMetadata(entity);
  const Row = rowConstructorOf(metadata, manager.dataSource.driver, "positions");
  const width = metadata.columns.length;
  const idAt = metadata.columns.findIndex((c) => c.isPrimary);
  return raw.map((values) => ({
    entity: values[idAt] === null ? null : (new Row(values as unknown as Record<string, unknown>) as T),
    extras: values.slice(width),
  }));
}
