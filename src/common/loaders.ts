import DataLoader from "dataloader";
import type { EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import { entityColumns, queryEntities } from "../db/hydrate";
import type { TenantSession } from "../db/tenant-session";
import { traceBatch } from "../observability/tracing";

/** A loader key always names its tenant: a batch never assumes one tenant (unlike Twenty's). */
export interface TenantKey {
  tenantId: string;
  id: string;
}

/**
 * How to load one kind of thing for many parents in one statement. `batch` gets the keys of one
 * tenant (the request's) and returns one result per key, in the keys' order.
 */
export interface LoaderSpec<K extends TenantKey, V> {
  name: string;
  empty: () => V;
  batch(session: TenantSession, keys: readonly K[]): Promise<V[]>;
}

/**
 * The loaders of one request, created on first use. A key of another tenant than the request's
 * gets the spec's empty value without touching the database.
 */
export class RequestLoaders {
  private readonly loaders = new Map<LoaderSpec<TenantKey, unknown>, DataLoader<TenantKey, unknown, string>>();

  constructor(private readonly session: TenantSession) {}

  /** Forgets every cached value (after a mutation changed what they were loaded from). */
  clear(): void {
    this.loaders.clear();
  }

  get<K extends TenantKey, V>(spec: LoaderSpec<K, V>): DataLoader<K, V, string> {
    let loader = this.loaders.get(spec as LoaderSpec<TenantKey, unknown>);
    if (!loader) {
      const session = this.session;
      const typed = new DataLoader<K, V, string>(
        async (keys) => {
          const own = keys.filter((key) => key.tenantId === session.tenantId);
          const loaded = own.length > 0 ? await traceBatch(spec.name, own.length, () => spec.batch(session, own)) : [];
          const byKey = new Map(own.map((key, index) => [key, loaded[index]] as const));
          return keys.map((key) => (byKey.has(key) ? (byKey.get(key) as V) : spec.empty()));
        },
        { cacheKeyFn: cacheKeyOf, maxBatchSize: 1000 },
      );
      loader = typed as unknown as DataLoader<TenantKey, unknown, string>;
      this.loaders.set(spec as LoaderSpec<TenantKey, unknown>, loader);
    }
    return loader as unknown as DataLoader<K, V, string>;
  }
}

/**
 * A loader key as a string: tenant, id, and a page's `first`, `after`, `before` and direction when the key has them
 * (TenantKey, TopKey, PageKey, and a nested list's `args`: a canonical text of its arguments). Called for every load(), so not JSON.stringify.
 */
function cacheKeyOf(key: TenantKey & { first?: number; after?: readonly string[] | null; before?: readonly string[] | null; backward?: boolean; args?: string }): string {
  let text = `${key.tenantId}\u0000${key.id}`;
  if (key.args !== undefined) text += `\u0000${key.args}`;
  if (key.first !== undefined) text += `\u0000${key.first}`;
  if (key.after !== undefined) text += key.after === null ? "\u0000-" : `\u0000${JSON.stringify(key.after)}`;
  // A backward page, or one bounded by before, is another page than the forward one of its size.
  if (key.before != null) text += `\u0000<${JSON.stringify(key.before)}`;
  if (key.backward) text += "\u0000last";
  return text;
}

export const keyOf = (row: { tenantId: string; id: string }): TenantKey => ({ tenantId: row.tenantId, id: row.id });

interface RelationOptions<T> {
  /** The column (property) that holds the parent's id. */
  parentColumn: keyof T & string;
  /** ORDER BY, as [property, direction] pairs; the primary key is always appended. */
  orderBy?: [keyof T & string, "ASC" | "DESC"][];
  /** An extra SQL condition on alias `r`, e.g. `r.status IN ('SENT')`. */
  where?: string;
}

/**
 * The statement of a relation, built once per relation from the entity's metadata: property names
 * (in `where`, `orderBy`, the parent column) become column names here, not on every statement as
 * TypeORM's query builder does (its SQL rewriting and hydration were a quarter of a page's CPU).
 */
const relationStatements = new WeakMap<EntityMetadata, WeakMap<object, string>>();

function relationStatement(metadata: EntityMetadata, columns: string, options: RelationOptions<ObjectLiteral>): string {
  let statements = relationStatements.get(metadata);
  if (!statements) relationStatements.set(metadata, (statements = new WeakMap()));
  let sql = statements.get(options);
  if (sql) return sql;
  const column = (property: string) => {
    const found = metadata.findColumnWithPropertyPath(property);
    if (!found) throw new Error(`${metadata.name} has no column ${property}`);
    return `r."${found.databaseName}"`;
  };
  const where = options.where?.replace(/\br\.([A-Za-z_][A-Za-z0-9_]*)/g, (_match, property: string) => column(property));
  const order = [...(options.orderBy ?? []).map(([property, direction]) => `${column(property)} ${direction}`), `${column("id")} ASC`];
  sql = `SELECT ${columns} FROM "${metadata.tableName}" r WHERE ${column("tenantId")} = $1 AND ${column(options.parentColumn)} = ANY($2)${where ? ` AND (${where})` : ""} ORDER BY ${order.join(", ")}`;
  statements.set(options, sql);
  return sql;
}

async function fetchByParents<T extends ObjectLiteral>(
  session: TenantSession,
  entity: EntityTarget<T>,
  ids: readonly string[],
  options: RelationOptions<T>,
): Promise<T[]> {
  const manager = await session.manager();
  const sql = relationStatement(manager.dataSource.getMetadata(entity), entityColumns(manager, entity, "r"), options as RelationOptions<ObjectLiteral>);
  return queryEntities(manager, entity, sql, [session.tenantId, [...new Set(ids)]]);
}

/** One-to-many: all rows of `entity` whose `parentColumn` is the key's id, in one statement. */
export function hasMany<T extends ObjectLiteral>(
  name: string,
  entity: EntityTarget<T>,
  options: RelationOptions<T>,
): LoaderSpec<TenantKey, T[]> {
  return {
    name,
    empty: () => [],
    async batch(session, keys) {
      const rows = await fetchByParents(session, entity, keys.map((k) => k.id), options);
      const groups = new Map<string, T[]>();
      for (const row of rows) {
        const parent = String(row[options.parentColumn]);
        const group = groups.get(parent);
        if (group) group.push(row);
        else groups.set(parent, [row]);
      }
      return keys.map((key) => groups.get(key.id) ?? []);
    },
  };
}

/** One-to-one (or many-to-one): the row of `entity` whose `parentColumn` is the key's id. */
export function hasOne<T extends ObjectLiteral>(
  name: string,
  entity: EntityTarget<T>,
  options: RelationOptions<T>,
): LoaderSpec<TenantKey, T | null> {
  return {
    name,
    empty: () => null,
    async batch(session, keys) {
      const rows = await fetchByParents(session, entity, keys.map((k) => k.id), options);
      const byParent = new Map<string, T>();
      for (const row of rows) {
        const parent = String(row[options.parentColumn]);
        if (!byParent.has(parent)) byParent.set(parent, row);
      }
      return keys.map((key) => byParent.get(key.id) ?? null);
    },
  };
}

/** A key that also carries a page size: the first `first` rows per parent. */
export interface TopKey extends TenantKey {
  first: number;
}

/**
 * The first N rows per parent in one statement (a window function), for `acts(first)` and
 * `latestTransactions(first)`. Keys with different N share the statement (the largest N is read).
 */
export function topPerParent<T extends ObjectLiteral>(
  name: string,
  entity: EntityTarget<T>,
  options: Required<Pick<RelationOptions<T>, "parentColumn" | "orderBy">>,
): LoaderSpec<TopKey, T[]> {
  return {
    name,
    empty: () => [],
    async batch(session, keys) {
      const manager = await session.manager();
      const metadata = manager.dataSource.getMetadata(entity);
      const column = (property: string) => {
        const found = metadata.findColumnWithPropertyName(property);
        if (!found) throw new Error(`${metadata.name} has no column ${property}`);
        return `"${found.databaseName}"`;
      };
      // The id makes the order total; callers may already have put it (in their direction).
      const sortKeys = options.orderBy.some(([p]) => p === "id") ? options.orderBy : [...options.orderBy, ["id", "ASC"] as const];
      const order = sortKeys.map(([p, d]) => `${column(p)} ${d}`).join(", ");
      const limit = Math.max(...keys.map((k) => k.first));
      const parent = column(options.parentColumn);
      const sql = `SELECT ${entityColumns(manager, entity, "ranked")} FROM (
          SELECT t.*, row_number() OVER (PARTITION BY ${parent} ORDER BY ${order}) AS "__rank"
          FROM "${metadata.tableName}" t
          WHERE t."tenant_id" = $1 AND ${parent} = ANY($2::bigint[])
        ) ranked WHERE "__rank" <= $3 ORDER BY ${parent}, "__rank"`;
      const rows = await queryEntities(manager, entity, sql, [session.tenantId, [...new Set(keys.map((k) => k.id))], limit]);
      const groups = new Map<string, T[]>();
      for (const row of rows) {
        const id = String(row[options.parentColumn]);
        const group = groups.get(id);
        if (group) group.push(row);
        else groups.set(id, [row]);
      }
      return keys.map((key) => (groups.get(key.id) ?? []).slice(0, key.first));
    },
  };
}

/**
 * One raw SQL statement per batch for computed figures (summaries): `$1` is the tenant, `$2` the
 * keys' ids as bigint[]; each row names its key in the column `keyColumn`, the rest is the value.
 * Keys without a row get `empty()`.
 */
export function keyedRowsLoader<V extends object>(name: string, sql: string, keyColumn: string, empty: () => V): LoaderSpec<TenantKey, V> {
  return {
    name,
    empty,
    async batch(session, keys) {
      const ids = [...new Set(keys.map((k) => k.id))];
      const rows = await session.query<Record<string, unknown>>(sql, [session.tenantId, ids]);
      const byKey = new Map(
        rows.map((row) => {
          const { [keyColumn]: key, ...value } = row;
          return [String(key), value as V] as const;
        }),
      );
      return keys.map((key) => byKey.get(key.id) ?? empty());
    },
  };
}

/**
 * A page request for one parent: up to `first` rows after the row whose sort values are `after`
 * and before the one of `before`; `backward` reads the rows nearest `before` (the list's end) first.
 */
export interface PageKey extends TenantKey {
  first: number;
  /** The sort values of the last row seen (from a decoded cursor), or null for the first page. */
  after: readonly string[] | null;
  before?: readonly string[] | null;
  backward?: boolean;
}

/**
 * Keyset pages per parent, newest first: `orderBy` lists the sort columns (descending, ending with
 * `id`) with the SQL type their cursor values are cast to. One statement per distinct position
 * (`after`, `before`, direction) among the keys (first pages share one); each key gets up to
 * `first + 1` rows in reading order (a backward page's nearest first), so the resolver can tell
 * whether there are more.
 */
export function keysetPagePerParent<T extends ObjectLiteral>(
  name: string,
  entity: EntityTarget<T>,
  options: { parentColumn: keyof T & string; orderBy: [keyof T & string, string][] },
): LoaderSpec<PageKey, T[]> {
  return {
    name,
    empty: () => [],
    async batch(session, keys) {
      const manager = await session.manager();
      const metadata = manager.dataSource.getMetadata(entity);
      const column = (property: string) => `t."${metadata.findColumnWithPropertyName(property)!.databaseName}"`;
      const parent = column(options.parentColumn);
      const sortColumns = options.orderBy.map(([property]) => column(property));
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) {
        const group = JSON.stringify([key.after, key.before ?? null, key.backward ?? false]);
        const sameGroup = groups.get(group);
        if (sameGroup) sameGroup.push(key);
        else groups.set(group, [key]);
      }
      const results = new Map<PageKey, T[]>();
      for (const group of groups.values()) {
        const { after, before, backward } = group[0];
        const order = sortColumns.map((c) => `${c} ${backward ? "ASC" : "DESC"}`).join(", ");
        const parameters: unknown[] = [session.tenantId, [...new Set(group.map((k) => k.id))], Math.max(...group.map((k) => k.first)) + 1];
        let keyset = "";
        const bound = (values: readonly string[], operator: "<" | ">") => {
          const placeholders = options.orderBy.map(([, type], i) => `$${parameters.length + 1 + i}::${type}`);
          parameters.push(...values);
          keyset += ` AND (${sortColumns.join(", ")}) ${operator} (${placeholders.join(", ")})`;
        };
        if (after) bound(after, "<");
        if (before) bound(before, ">");
        const sql = `SELECT ${entityColumns(manager, entity, "ranked")} FROM (
            SELECT t.*, row_number() OVER (PARTITION BY ${parent} ORDER BY ${order}) AS "__rank"
            FROM "${metadata.tableName}" t
            WHERE t."tenant_id" = $1 AND ${parent} = ANY($2::bigint[])${keyset}
          ) ranked WHERE "__rank" <= $3 ORDER BY ${parent.replace("t.", "")}, "__rank"`;
        const rows = await queryEntities(manager, entity, sql, parameters);
        const byParent = new Map<string, T[]>();
        for (const row of rows) {
          const id = String(row[options.parentColumn]);
          const rowsOfParent = byParent.get(id);
          if (rowsOfParent) rowsOfParent.push(row);
          else byParent.set(id, [row]);
        }
        for (const key of group) results.set(key, (byParent.get(key.id) ?? []).slice(0, key.first + 1));
      }
      return keys.map((key) => results.get(key) ?? []);
    },
  };
}
