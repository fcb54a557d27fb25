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

interface Mapper {
  prototype: object;
  properties: string[];
  names: string[];
  /** Per column: its conversion, or undefined when the value is taken as pg delivered it. */
  conversions: (((value: unknown) => unknown) | undefined)[];
}

const mappers = new WeakMap<EntityMetadata, Mapper>();

function conversionOf(column: ColumnMetadata, driver: Driver): ((value: unknown) => unknown) | undefined {
  if (!column.transformer && AS_DELIVERED.has(column.type)) return undefined;
  return (value) => driver.prepareHydratedValue(value, column);
}

function mapperOf(metadata: EntityMetadata, driver: Driver): Mapper {
  let mapper = mappers.get(metadata);
  if (!mapper) {
    const columns = metadata.columns;
    mapper = {
      prototype: (metadata.target as { prototype: object }).prototype,
      properties: columns.map((c) => c.propertyName),
      names: columns.map((c) => c.databaseName),
      conversions: columns.map((c) => conversionOf(c, driver)),
    };
    mappers.set(metadata, mapper);
  }
  return mapper;
}

/**
 * Turns rows of a raw SQL query (`SELECT t.* ...`) into entities, with TypeORM's value conversion
 * where a column's type needs one. The read path's hot loop: each row becomes an object of the
 * entity's class (its prototype, so `instanceof` holds) with the columns set in one fixed order
 * (one hidden class per entity), without running the constructor or TypeORM's per-column
 * `prepareHydratedValue` for values pg already delivers as the entity holds them. The mapping is
 * built once per entity.
 */
export function hydrateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  raw: Record<string, unknown>[],
): T[] {
  const { prototype, properties, names, conversions } = mapperOf(manager.dataSource.getMetadata(entity), manager.dataSource.driver);
  const count = properties.length;
  const rows = new Array<T>(raw.length);
  for (let r = 0; r < raw.length; r++) {
    const source = raw[r];
    const row = Object.create(prototype) as Record<string, unknown>;
    for (let c = 0; c < count; c++) {
      const value = source[names[c]];
      const convert = conversions[c];
      row[properties[c]] = convert === undefined ? value : convert(value);
    }
    rows[r] = row as T;
  }
  return rows;
}
