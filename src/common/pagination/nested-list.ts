import { Arg, Ctx, Field, FieldResolver, InputType, Int, ObjectType, registerEnumType, Resolver, Root } from "type-graphql";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import type { RequestContext } from "../../context";
import type { TenantSession } from "../../db/tenant-session";
import { entityColumns, queryEntities, queryEntitiesWithExtras } from "../../db/hydrate";
import { badUserInput } from "../errors";
import { ColumnKind, ColumnRef, compileFilter, LogicalFilter, SqlParams } from "../filters/compile";
import { BooleanFilter, DateFilter, DateTimeFilter, DecimalFilter, IDFilter, IntFilter, StringFilter } from "../filters/filter.types";
import type { LoaderSpec, TenantKey, TopKey } from "../loaders";
import { databaseField } from "../prefetch";
import { PageInfo } from "./page-info";
import { lazyPage, Page } from "./page";
import { assertPageSize } from "./page-size";
import type { CursorScope } from "./cursor";
import { cursorValuesOf, KeysetColumn, KeysetKind, orderByClause } from "./keyset";
import { keysetWindow, PageWindow, windowPage, windowSql } from "./window";
import { SortDirection } from "../../modules/client/client.order";
import { canonicalJson } from "../mutation/idempotency";

/**
 * Nested lists with filter, order, paging and a total, like `clients`, for a relation of a parent
 * (a client's bank accounts, a loan's transactions): the list field keeps its list type and gains
 * optional `filter`, `orderBy`, `first`, `offset`; its connection twin (`<list>Connection`, as
 * PostGraphile names them) adds cursor paging (`after`) and `totalCount`.
 *
 * Batched: every parent's page of one argument set is ONE statement (a window function ranks
 * each parent's rows, a GROUP BY counts them), so a page of 100 clients costs as many statements
 * as distinct argument sets, not as clients. A list selected without arguments reads as it did
 * before (its plain loader), so existing queries cost what they cost.
 */

/** How a filter field compares: the filter input type it takes and the column's kind. */
export type NestedFilterKind = "id" | "string" | "uuid" | "datetime" | "date" | "decimal" | "int" | "boolean";

export interface NestedFilterField {
  /** The database column. */
  column: string;
  kind: NestedFilterKind | { enum: object; name: string };
  description?: string;
}

export interface NestedSortField {
  /** The entity property (for the cursor) and the database column. */
  property: string;
  column: string;
  kind: KeysetKind;
  nullable: boolean;
  /** The sort key's description in the schema; by default it names the field it sorts by. */
  description?: string;
}

const FILTER_TYPES: Record<NestedFilterKind, [() => unknown, ColumnKind]> = {
  id: [() => IDFilter, "bigint"],
  string: [() => StringFilter, "string"],
  uuid: [() => StringFilter, "string"],
  datetime: [() => DateTimeFilter, "timestamptz"],
  date: [() => DateFilter, "date"],
  decimal: [() => DecimalFilter, "numeric"],
  int: [() => IntFilter, "int"],
  boolean: [() => BooleanFilter, "boolean"],
};

const enumFilters = new Map<object, Function>();

/** `<Enum>Filter`: eq, neq, in, nin, isNull over one enum's values (made once per enum). */
function enumFilterType(enumType: object, name: string): Function {
  let made = enumFilters.get(enumType);
  if (made) return made;
  @InputType(`${name}Filter`, { description: `Conditions on a ${name} value` })
  class EnumFilter {}
  Field(() => enumType, { nullable: true, description: "Equal to" })(EnumFilter.prototype, "eq");
  Field(() => enumType, { nullable: true, description: "Not equal to (rows without a value included)" })(EnumFilter.prototype, "neq");
  Field(() => [enumType], { nullable: true, description: "One of these" })(EnumFilter.prototype, "in");
  Field(() => [enumType], { nullable: true, description: "None of these (rows without a value included)" })(EnumFilter.prototype, "nin");
  Field(() => Boolean, { nullable: true, description: "true: only rows without a value; false: only rows with one" })(EnumFilter.prototype, "isNull");
  enumFilters.set(enumType, (made = EnumFilter));
  return made;
}

/** The arguments of a nested list (`first` and `after` only on the connection). */
export interface NestedListArgs {
  filter?: LogicalFilter | null;
  orderBy?: { field: string; direction?: SortDirection | null }[] | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  offset?: number | null;
}

/** One argument set, compiled: its SQL conditions and parameters from $3 on ($1 tenant, $2 parent ids). */
interface CompiledRequest {
  sql: string;
  params: unknown[];
  /** Rows asked for per parent (a connection's page size + 1, to tell hasNextPage), or null for all. */
  limit: number | null;
  properties: string[];
  /** What this list's cursors are bound to: the connection, its effective order and its filter. */
  scope: CursorScope;
  /** The connection's page (size, direction, cursors); null for a plain list. */
  window: PageWindow | null;
}

interface NestedKey extends TenantKey {
  /** The canonical text of the arguments: the loader's cache key and how a batch groups keys. */
  args: string;
  request: CompiledRequest;
}

interface NestedResult<T> {
  rows: T[];
  total: number;
}

export const MAX_NESTED_PAGE = 100;
export const DEFAULT_NESTED_CONNECTION_PAGE = 25;

export interface NestedListOptions<P, T extends ObjectLiteral> {
  parentType: new () => P;
  parentTypeName: string;
  /** The parent's loader key: its tenant and the id the rows' parent column holds. */
  parentKey(parent: P): TenantKey;
  node: new () => T;
  entity: EntityTarget<T>;
  /** GraphQL type name of the node: names the generated types (`<node>Filter`, `<node>Connection`, ...). */
  nodeName: string;
  /** How the descriptions name a row ("bank account"). */
  label: string;
  /** The rows' column holding the parent's id. */
  parentColumn: string;
  listField: string;
  connectionField: string;
  /** The default order, said in words (for the descriptions). */
  orderDescription: string;
  filters: Record<string, NestedFilterField>;
  /** Sort fields by enum value; ID is added. */
  sorts: Record<string, NestedSortField>;
  defaultOrder: [string, "ASC" | "DESC"][];
  /**
   * How the list reads without arguments (as before these arguments): a plain one-statement
   * loader, or a top-N loader with the list's default `first` (latestTransactions).
   */
  plain: { spec: LoaderSpec<TenantKey, T[]> } | { top: LoaderSpec<TopKey, T[]>; defaultFirst: number };
}

/** The GraphQL side and loaders of one nested list and its connection. */
export function nestedList<P, T extends ObjectLiteral>(options: NestedListOptions<P, T>) {
  const { nodeName, label } = options;
  const sorts: Record<string, NestedSortField> = { ...options.sorts, ID: { property: "id", column: "id", kind: "bigint", nullable: false } };

  // ---- the GraphQL types ----
  @InputType(`${nodeName}Filter`, { description: `Conditions on a ${label}'s columns; all given conditions must hold` })
  class Filter {}
  const columns: Record<string, ColumnRef> = {};
  for (const [name, field] of Object.entries(options.filters)) {
    // An enum's filter type is made here, while the schema's metadata is still being declared.
    const enumFilter = typeof field.kind === "string" ? undefined : enumFilterType(field.kind.enum, field.kind.name);
    const [type, kind] = typeof field.kind === "string" ? FILTER_TYPES[field.kind] : [() => enumFilter, "enum" as ColumnKind];
    Field(type as () => Function, { nullable: true, description: field.description ?? `Conditions on ${name}` })(Filter.prototype, name);
    columns[name] = { sql: field.kind === "uuid" ? `r."${field.column}"::text` : `r."${field.column}"`, kind, normalise: field.kind === "uuid" ? (v) => v.toLowerCase() : undefined };
  }
  Field(() => [Filter], { nullable: true, description: "Every one of these holds" })(Filter.prototype, "and");
  Field(() => [Filter], { nullable: true, description: "At least one of these holds" })(Filter.prototype, "or");
  Field(() => Filter, { nullable: true, description: "This does not hold" })(Filter.prototype, "not");

  const OrderField = Object.fromEntries(Object.keys(sorts).map((name) => [name, name]));
  const sortDescription = (name: string, sort: NestedSortField) =>
    sort.description ?? (name === "ID" ? "By id: creation order" : `By ${sort.property}${sort.nullable ? " (rows without one sort last)" : ""}`);
  registerEnumType(OrderField, {
    name: `${nodeName}OrderField`,
    description: `What a list of ${label}s can be sorted by`,
    valuesConfig: Object.fromEntries(Object.entries(sorts).map(([name, sort]) => [name, { description: sortDescription(name, sort) }])),
  });

  @InputType(`${nodeName}Order`, { description: "One sort key; empty values sort last in both directions; ID, in the last key's direction, breaks ties" })
  class Order {
    @Field(() => OrderField, { description: "The column" }) field: string;
    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "ASC (the default) or DESC" }) direction: SortDirection;
  }

  @ObjectType(`${nodeName}Edge`, { description: `A ${label} and its cursor` })
  class Edge {
    @Field({ description: "Pass as `after` for the rows after this one, as `before` for the rows before it" }) cursor: string;
    @Field(() => options.node, { description: `The ${label}` }) node: T;
  }

  @ObjectType(`${nodeName}Connection`, { description: `A page of ${label}s, with the total the filter matches` })
  class Connection {
    @Field(() => [Edge], { description: "The page's rows with their cursors" }) edges: Edge[];
    @Field(() => [options.node], { description: "The page's rows (as edges' nodes, without cursors)" }) nodes: T[];
    @Field(() => PageInfo, { description: "Whether there are rows before and after this page, and the cursors at its ends" }) pageInfo: PageInfo;
    @Field(() => Int, { description: `${label}s the filter matches (all pages)` }) totalCount: number;
  }

  // ---- compiling one argument set ----
  const keysetOf = (orderBy: NestedListArgs["orderBy"]): (KeysetColumn & { property: string })[] => {
    const order = orderBy && orderBy.length > 0 ? orderBy.map((o) => [o.field, o.direction ?? SortDirection.ASC] as const) : options.defaultOrder;
    if (order.length > 4) throw badUserInput("orderBy takes at most 4 keys", "orderBy");
    const seen = new Set<string>();
    const keyset = order.map(([field, direction], i) => {
      if (seen.has(field)) throw badUserInput(`orderBy.${i}: ${field} is given twice`, `orderBy.${i}.field`);
      seen.add(field);
      const sort = sorts[field];
      return { sql: `f."${sort.column}"`, kind: sort.kind, nullable: sort.nullable, direction, property: sort.property };
    });
    if (!seen.has("ID")) keyset.push({ sql: `f."id"`, kind: "bigint", nullable: false, direction: keyset[keyset.length - 1].direction, property: "id" });
    return keyset;
  };

  /** A plain list (`first` rows or all of them, offset) or a connection's page (`window`). */
  const compile = (args: NestedListArgs, ctx: RequestContext, page: { first: number | null } | { window: (keyset: KeysetColumn[], scope: CursorScope) => PageWindow }): CompiledRequest => {
    const keyset = keysetOf(args.orderBy);
    const scope: CursorScope = {
      list: `${options.parentTypeName}.${options.connectionField}`,
      order: keyset.map((c) => `${c.sql} ${c.direction}`).join(","),
      filter: args.filter ?? null,
    };
    let window: PageWindow | null = null;
    let first: number | null;
    if ("window" in page) {
      window = page.window(keyset, scope);
      first = window.size;
    } else {
      if (args.offset != null && (!Number.isInteger(args.offset) || args.offset < 0)) throw badUserInput("offset must be 0 or more", "offset");
      first = page.first;
    }
    const params = new SqlParams([null, null]);
    const where = compileFilter(args.filter, columns, params);
    const { conditions, orderBy } = window ? windowSql(keyset, window, params) : { conditions: [], orderBy: orderByClause(keyset) };
    const limit = first === null ? null : first + (window ? 1 : 0);
    const from = params.add(args.offset ?? 0);
    const to = limit === null ? "" : ` AND p."__rank" <= ${from}::int + ${params.add(limit)}::int`;
    const parent = options.parentColumn;
    const sql = `WITH f AS (
        SELECT r.* FROM "${tableName(ctx)}" r WHERE r."tenant_id" = $1 AND r."${parent}" = ANY($2::bigint[]) AND ${where}
      ), ranked AS (
        SELECT f.*, row_number() OVER (PARTITION BY f."${parent}" ORDER BY ${orderBy}) AS "__rank" FROM f WHERE ${conditions.length > 0 ? conditions.join(" AND ") : "TRUE"}
      ), totals AS (
        SELECT f."${parent}" AS "__parent", count(*)::int AS "__total" FROM f GROUP BY 1
      )
      SELECT ${entityColumns(ctx.mutations.dataSource.manager, options.entity, "p")}, t."__parent"::text, t."__total"
      FROM totals t LEFT JOIN ranked p ON p."${parent}" = t."__parent" AND p."__rank" > ${from}::int${to}
      ORDER BY t."__parent", p."__rank"`;
    return { sql, params: params.values.slice(2), limit, properties: keyset.map((k) => k.property), scope, window };
  };

  let table: string | undefined;
  const tableName = (ctx: RequestContext) => (table ??= ctx.mutations.dataSource.getMetadata(options.entity).tableName);

  const pageSpec: LoaderSpec<NestedKey, NestedResult<T>> = {
    name: `${options.parentTypeName}.${options.listField}(args)`,
    empty: () => ({ rows: [], total: 0 }),
    async batch(session, keys) {
      const manager = await session.manager();
      const byArgs = new Map<string, NestedKey[]>();
      for (const key of keys) {
        const group = byArgs.get(key.args);
        if (group) group.push(key);
        else byArgs.set(key.args, [key]);
      }
      const results = new Map<string, NestedResult<T>>();
      for (const [args, group] of byArgs) {
        const { sql, params } = group[0].request;
        const rows = await queryEntitiesWithExtras(manager, options.entity, sql, [session.tenantId, [...new Set(group.map((k) => k.id))], ...params]);
        for (const { entity, extras } of rows) {
          const parent = `${args}\u0000${String(extras[0])}`;
          let result = results.get(parent);
          if (!result) results.set(parent, (result = { rows: [], total: Number(extras[1]) }));
          if (entity) result.rows.push(entity);
        }
      }
      return keys.map((key) => results.get(`${key.args}\u0000${key.id}`) ?? { rows: [], total: 0 });
    },
  };

  const plainFirst = "top" in options.plain ? options.plain.defaultFirst : null;
  const hasArgs = (args: NestedListArgs) => args.filter != null || (args.orderBy != null && args.orderBy.length > 0) || args.offset != null;
  const keyFor = (parent: P, args: NestedListArgs, request: CompiledRequest, connection: boolean): NestedKey => ({
    ...options.parentKey(parent),
    args: `${connection ? "c" : "l"}${canonicalJson({ filter: args.filter ?? null, orderBy: args.orderBy ?? null, first: args.first ?? null, after: args.after ?? null, last: args.last ?? null, before: args.before ?? null, offset: args.offset ?? null })}`,
    request,
  });

  const loadList = databaseField(options.parentTypeName, options.listField, (parent: P, args: NestedListArgs, ctx): Promise<T[]> => {
    const first = args.first == null ? plainFirst : assertPageSize(args.first, MAX_NESTED_PAGE);
    if (!hasArgs(args)) {
      const plain = options.plain;
      if ("spec" in plain && first === null) return ctx.loaders.get(plain.spec).load(options.parentKey(parent));
      if ("top" in plain) return ctx.loaders.get(plain.top).load({ ...options.parentKey(parent), first: first ?? plain.defaultFirst });
    }
    const request = compile(args, ctx, { first });
    return ctx.loaders.get(pageSpec).load(keyFor(parent, args, request, false)).then((result) => result.rows);
  });

  const loadConnection = databaseField(options.parentTypeName, options.connectionField, (parent: P, args: NestedListArgs, ctx): Promise<Connection> => {
    const request = compile(args, ctx, {
      window: (keyset, scope) => keysetWindow(args, { defaultSize: DEFAULT_NESTED_CONNECTION_PAGE, max: MAX_NESTED_PAGE }, ctx.cursors, keyset.length, scope),
    });
    return ctx.loaders
      .get(pageSpec)
      .load(keyFor(parent, args, request, true))
      .then((result) => {
        const { nodes, ...more } = windowPage(result.rows, request.window!);
        const page: Page<T> = lazyPage(nodes, (node) => ctx.cursors.encode(cursorValuesOf(node as Record<string, unknown>, request.properties), request.scope), more);
        return Object.assign(new Connection(), page, { totalCount: result.total });
      });
  });

  const listDescription = `${options.orderDescription}. ${plainFirst !== null ? `The first ${plainFirst}` : "Every row"} without arguments; filter, orderBy, first (1..${MAX_NESTED_PAGE}${plainFirst !== null ? `, default ${plainFirst}` : ""}) and offset as on ${options.connectionField}`;

  // type-graphql tells field resolvers apart by their method's name: each list's methods are named after its fields.
  const listMethod = options.listField;
  const connectionMethod = options.connectionField;

  @Resolver(() => options.parentType)
  class NestedListResolver {
    @FieldResolver(() => [options.node], { name: options.listField, description: listDescription })
    [listMethod](
      @Root() parent: P,
      @Ctx() ctx: RequestContext,
      @Arg("filter", () => Filter, { nullable: true, description: "Only the rows that match" }) filter: LogicalFilter | null,
      @Arg("orderBy", () => [Order], { nullable: true, description: `Default: ${options.orderDescription}` }) orderBy: NestedListArgs["orderBy"],
      @Arg("first", () => Int, { nullable: true, defaultValue: plainFirst ?? undefined, description: `At most this many rows (1..${MAX_NESTED_PAGE})${plainFirst !== null ? `; default ${plainFirst}` : "; all when left out"}` }) first: number | null,
      @Arg("offset", () => Int, { nullable: true, description: "Skip this many rows first" }) offset: number | null,
    ): Promise<T[]> {
      return loadList(parent, { filter, orderBy, first, offset }, ctx);
    }

    @FieldResolver(() => Connection, { name: options.connectionField, description: `The ${label}s as a connection: pages, cursors and totalCount. Default order: ${options.orderDescription}` })
    [connectionMethod](
      @Root() parent: P,
      @Ctx() ctx: RequestContext,
      @Arg("filter", () => Filter, { nullable: true, description: "Only the rows that match (totalCount counts them)" }) filter: LogicalFilter | null,
      @Arg("orderBy", () => [Order], { nullable: true, description: `Default: ${options.orderDescription}` }) orderBy: NestedListArgs["orderBy"],
      @Arg("first", () => Int, { nullable: true, defaultValue: DEFAULT_NESTED_CONNECTION_PAGE, description: `Page size from the start (or from after), 1..${MAX_NESTED_PAGE}; not used with last` }) first: number | null,
      @Arg("after", () => String, { nullable: true, description: "Cursor paging: the rows after this cursor (the endCursor of the previous page; not with offset)" }) after: string | null,
      @Arg("last", () => Int, { nullable: true, description: `Page size from the end (or from before), 1..${MAX_NESTED_PAGE}: paging backward; not with first` }) last: number | null,
      @Arg("before", () => String, { nullable: true, description: "Cursor paging: the rows before this cursor (the startCursor of the next page); with last, the page just before it" }) before: string | null,
      @Arg("offset", () => Int, { nullable: true, description: "Offset paging forward (not with after, last or before)" }) offset: number | null,
    ): Promise<Connection> {
      return loadConnection(parent, { filter, orderBy, first, after, last, before, offset }, ctx);
    }
  }

  Object.defineProperty(NestedListResolver, "name", { value: `${options.parentTypeName}${nodeName}ListsResolver` });

  return { resolvers: [NestedListResolver] as const, Filter, Order, Connection, pageSpec };
}

/** A key for one named row of a parent: `args` is the name. */
export interface NamedKey extends TenantKey {
  args: string;
}

/**
 * The row of `entity` named `key.args` for the parent `key.id` (names unique per parent), for
 * `parameter(name:)` and `extraField(name:)`: ONE statement per batch, whatever the names.
 */
export function namedPerParent<T extends ObjectLiteral>(name: string, entity: EntityTarget<T>, columns: { parent: string; name: string }): LoaderSpec<NamedKey, T | null> {
  return {
    name,
    empty: () => null,
    async batch(session, keys) {
      const manager = await session.manager();
      const metadata = manager.dataSource.getMetadata(entity);
      const table = metadata.tableName;
      const parentProperty = metadata.findColumnWithDatabaseName(columns.parent)!.propertyName;
      const nameProperty = metadata.findColumnWithDatabaseName(columns.name)!.propertyName;
      const sql = `SELECT ${entityColumns(manager, entity, "r")} FROM "${table}" r
        JOIN unnest($2::bigint[], $3::text[]) AS k(parent, name) ON r."${columns.parent}" = k.parent AND r."${columns.name}" = k.name
        WHERE r."tenant_id" = $1`;
      const rows = await queryEntities(manager, entity, sql, [session.tenantId, keys.map((k) => k.id), keys.map((k) => k.args)]);
      const byKey = new Map(rows.map((row) => [`${String(row[parentProperty])}\u0000${String(row[nameProperty])}`, row] as const));
      return keys.map((key) => byKey.get(`${key.id}\u0000${key.args}`) ?? null);
    },
  };
}

/** The row of `entity` with this GUID in the session's tenant (row-level security too), or null. */
export async function findByUniqueId<T extends ObjectLiteral>(session: TenantSession, entity: EntityTarget<T>, uniqueId: string): Promise<T | null> {
  const manager = await session.manager();
  const table = manager.dataSource.getMetadata(entity).tableName;
  const sql = `SELECT ${entityColumns(manager, entity, "r")} FROM "${table}" r WHERE r."tenant_id" = $1 AND r."unique_id" = $2::uuid`;
  return (await queryEntities(manager, entity, sql, [session.tenantId, uniqueId]))[0] ?? null;
}
