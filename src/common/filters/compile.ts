import { badUserInput } from "../errors";
import { isBigintId } from "../validation/checksums";

/** Collects positional parameters ($1, $2, ...) for one SQL statement. */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(initial: unknown[] = []) {
    this.values.push(...initial);
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export type ColumnKind = "string" | "timestamptz" | "boolean" | "bigint" | "enum" | "int" | "date" | "numeric";

export interface ColumnRef {
  /** Qualified, quoted SQL column, e.g. `c."created_at"`. */
  sql: string;
  kind: ColumnKind;
  /** Applied to every value compared with this column (e.g. org number normalisation). */
  normalise?: (value: string) => string;
}

const CAST: Record<ColumnKind, string> = {
  string: "",
  enum: "",
  timestamptz: "::timestamptz",
  boolean: "::boolean",
  bigint: "::bigint",
  int: "::integer",
  date: "::date",
  numeric: "::numeric",
};

const ARRAY_CAST: Record<ColumnKind, string> = {
  string: "::text[]",
  enum: "::text[]",
  timestamptz: "::timestamptz[]",
  boolean: "::boolean[]",
  bigint: "::bigint[]",
  int: "::integer[]",
  date: "::date[]",
  numeric: "::numeric[]",
};

/** Escapes LIKE wildcards so `contains: "50%"` means the text "50%". */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

type Operators = Record<string, unknown>;

/** Values that a column's SQL cast would reject are the caller's mistake: refuse them before SQL. */
function assertFits(column: ColumnRef, value: unknown, path: string): void {
  if (column.kind === "bigint" && !(typeof value === "string" && isBigintId(value))) {
    throw badUserInput(`${path}: a value is not an id (ids are whole numbers of at most 18 digits)`, path);
  }
}

/**
 * Compiles one column filter ({eq, neq, gt, ..., between, contains, startsWith, isNull}) into SQL
 * conditions ANDed together. Values are always parameters, never spliced into the SQL.
 */
export function compileColumnFilter(column: ColumnRef, filter: Operators, params: SqlParams, path: string): string[] {
  const conditions: string[] = [];
  const value = (v: unknown) => {
    if (v === null) throw badUserInput(`${path}: null is not a value to compare with; use isNull`, path);
    assertFits(column, v, path);
    const prepared = v instanceof Date ? v.toISOString() : v;
    return `${params.add(typeof prepared === "string" && column.normalise ? column.normalise(prepared) : prepared)}${CAST[column.kind]}`;
  };
  const list = (values: unknown, op: string) => {
    if (!Array.isArray(values) || values.length === 0) throw badUserInput(`${path}.${op} needs at least one value`, `${path}.${op}`);
    if (values.length > 500) throw badUserInput(`${path}.${op} takes at most 500 values`, `${path}.${op}`);
    const prepared = values.map((v) => {
      if (v === null) throw badUserInput(`${path}.${op} cannot contain null`, `${path}.${op}`);
      assertFits(column, v, `${path}.${op}`);
      const p = v instanceof Date ? v.toISOString() : v;
      return typeof p === "string" && column.normalise ? column.normalise(p) : p;
    });
    return `${params.add(prepared)}${ARRAY_CAST[column.kind]}`;
  };
  for (const [op, operand] of Object.entries(filter)) {
    if (operand === undefined) continue;
    if (operand === null) throw badUserInput(`${path}.${op} cannot be null; leave it out (or use isNull)`, `${path}.${op}`);
    switch (op) {
      case "eq": conditions.push(`${column.sql} = ${value(operand)}`); break;
      case "neq": conditions.push(`${column.sql} IS DISTINCT FROM ${value(operand)}`); break;
      case "gt": conditions.push(`${column.sql} > ${value(operand)}`); break;
      case "gte": conditions.push(`${column.sql} >= ${value(operand)}`); break;
      case "lt": conditions.push(`${column.sql} < ${value(operand)}`); break;
      case "lte": conditions.push(`${column.sql} <= ${value(operand)}`); break;
      case "in": conditions.push(`${column.sql} = ANY(${list(operand, op)})`); break;
      // Like neq (IS DISTINCT FROM), nin keeps the rows without a value.
      case "nin": conditions.push(`${column.sql} IS NULL OR NOT (${column.sql} = ANY(${list(operand, op)}))`); break;
      case "between": {
        const range = operand as { from: unknown; to: unknown };
        conditions.push(`${column.sql} BETWEEN ${value(range.from)} AND ${value(range.to)}`);
        break;
      }
      case "contains":
      case "startsWith": {
        const text = column.normalise ? column.normalise(String(operand)) : String(operand);
        const pattern = `${op === "contains" ? "%" : ""}${escapeLike(text)}%`;
        conditions.push(`${column.sql} ILIKE ${params.add(pattern)}`);
        break;
      }
      case "isNull": conditions.push(`${column.sql} IS ${operand ? "" : "NOT "}NULL`); break;
      default:
        throw badUserInput(`${path}.${op} is not a filter operator`, `${path}.${op}`);
    }
  }
  return conditions;
}

export interface LogicalFilter {
  and?: LogicalFilter[] | null;
  or?: LogicalFilter[] | null;
  not?: LogicalFilter | null;
  [column: string]: unknown;
}

const MAX_DEPTH = 8;
/** Far below PostgreSQL's 65,535 parameters per statement, and more than any real filter needs. */
const MAX_PARAMETERS = 1000;

/**
 * Compiles a whole filter with and/or/not into one SQL condition (TRUE when empty). `columns`
 * names the filterable fields; anything else is rejected with its path.
 */
export function compileFilter(
  filter: LogicalFilter | null | undefined,
  columns: Record<string, ColumnRef>,
  params: SqlParams,
  path = "filter",
  depth = 0,
): string {
  if (!filter) return "TRUE";
  if (depth > MAX_DEPTH) throw badUserInput(`${path} nests and/or/not more than ${MAX_DEPTH} levels deep`, path);
  const parts: string[] = [];
  for (const [field, operand] of Object.entries(filter)) {
    if (operand === undefined || operand === null) continue;
    if (field === "and" || field === "or") {
      const items = operand as LogicalFilter[];
      if (items.length === 0) continue;
      const compiled = items.map((item, i) => compileFilter(item, columns, params, `${path}.${field}.${i}`, depth + 1));
      parts.push(`(${compiled.join(field === "and" ? " AND " : " OR ")})`);
    } else if (field === "not") {
      parts.push(`NOT (${compileFilter(operand as LogicalFilter, columns, params, `${path}.not`, depth + 1)})`);
    } else {
      const column = columns[field];
      if (!column) throw badUserInput(`${path}.${field} is not filterable`, `${path}.${field}`);
      parts.push(...compileColumnFilter(column, operand as Operators, params, `${path}.${field}`));
    }
  }
  if (params.values.length > MAX_PARAMETERS) throw badUserInput(`${path} has more than ${MAX_PARAMETERS} values in all`, path);
  return parts.length === 0 ? "TRUE" : parts.map((p) => `(${p})`).join(" AND ");
}
