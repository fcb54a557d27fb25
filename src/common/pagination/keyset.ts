import { badUserInput } from "../errors";
import type { SqlParams } from "../filters/compile";
import type { CursorValues } from "./cursor";
import { isBigintId } from "../validation/checksums";

/**
 * One key of a keyset order. Empty values sort last whatever the direction; only the reversed
 * order a backward page reads in (`reverseKeyset`) puts them first.
 */
export interface KeysetColumn {
  sql: string;
  kind: KeysetKind;
  nullable: boolean;
  direction: "ASC" | "DESC";
  nullsFirst?: boolean;
}

/** How a sort column's cursor value is kept and cast back: int is a JSON number, the others strings. */
export type KeysetKind = "timestamptz" | "string" | "bigint" | "int" | "date" | "numeric";

const CAST: Record<KeysetKind, string> = { timestamptz: "::timestamptz", string: "::text", bigint: "::bigint", int: "::integer", date: "::date", numeric: "::numeric" };

/**
 * ORDER BY for the keyset. NULLS LAST only where a column can be empty: on a NOT NULL column the
 * plain direction lets a b-tree index serve DESC orders too (scanned backwards).
 */
export function orderByClause(columns: KeysetColumn[]): string {
  return columns.map((c) => `${c.sql} ${c.direction}${c.nullable ? (c.nullsFirst ? " NULLS FIRST" : " NULLS LAST") : ""}`).join(", ");
}

/**
 * The exact reverse of an order: each direction flipped, empty values first instead of last. A
 * backward page (`last`, `before`) reads the rows before its cursor in this order, nearest first,
 * and turns them round; "after a cursor in the reversed order" is "before it in the order".
 */
export function reverseKeyset<C extends KeysetColumn>(columns: C[]): C[] {
  return columns.map((c) => ({ ...c, direction: c.direction === "ASC" ? "DESC" : "ASC", nullsFirst: !c.nullsFirst }));
}

/**
 * The rows strictly after the row whose sort values are `values`, in the order of `columns`
 * (the last column must be unique, e.g. the id). When every column is non-null and sorted the
 * same way this is one row comparison, `(a, b) > ($1, $2)`, which a composite index answers
 * directly however deep the page; otherwise the usual OR-expansion, with empty values last.
 */
export function keysetCondition(columns: KeysetColumn[], values: CursorValues, params: SqlParams, argument = "after"): string {
  assertCursorFits(columns, values, argument);
  const sameDirection = columns.every((c) => c.direction === columns[0].direction);
  if (sameDirection && columns.every((c, i) => !c.nullable && values[i] !== null)) {
    const op = columns[0].direction === "ASC" ? ">" : "<";
    const left = columns.map((c) => c.sql).join(", ");
    const right = columns.map((c, i) => `${params.add(values[i])}${CAST[c.kind]}`).join(", ");
    return `(${left}) ${op} (${right})`;
  }
  const disjuncts: string[] = [];
  const equal: string[] = [];
  columns.forEach((column, i) => {
    const value = values[i];
    if (value === null) {
      // Empty values last: nothing sorts after an empty value, only ties go on to the next column.
      // Empty values first: every value sorts after it.
      if (column.nullsFirst) disjuncts.push([...equal, `${column.sql} IS NOT NULL`].join(" AND "));
      equal.push(`${column.sql} IS NULL`);
      return;
    }
    const placeholder = `${params.add(value)}${CAST[column.kind]}`;
    const after = `${column.sql} ${column.direction === "ASC" ? ">" : "<"} ${placeholder}`;
    const strictly = column.nullable && !column.nullsFirst ? `(${after} OR ${column.sql} IS NULL)` : after;
    disjuncts.push([...equal, strictly].join(" AND "));
    equal.push(`${column.sql} = ${placeholder}`);
  });
  return disjuncts.length === 0 ? "FALSE" : disjuncts.map((d) => `(${d})`).join(" OR ");
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/;

function fits(column: KeysetColumn, value: CursorValues[number]): boolean {
  if (value === null) return column.nullable;
  if (column.kind === "int") return typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= 2147483647;
  if (typeof value !== "string") return false;
  switch (column.kind) {
    case "timestamptz": return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
    case "bigint": return isBigintId(value);
    case "string": return value.length <= 1000;
    case "date": return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
    case "numeric": return DECIMAL.test(value);
  }
}

/**
 * A cursor is opaque but comes from the caller: each value must be of its column's kind before it
 * reaches SQL, so a forged cursor is BAD_USER_INPUT, not a failed cast inside the database.
 */
function assertCursorFits(columns: KeysetColumn[], values: CursorValues, argument: string): void {
  if (values.length !== columns.length || !columns.every((column, i) => fits(column, values[i]))) {
    throw badUserInput(`"${argument}" is not a cursor of this list and order`, argument);
  }
}

/** A row's values for a cursor: instants as ISO strings, everything else as read. */
export function cursorValuesOf(row: Record<string, unknown>, properties: string[]): CursorValues {
  return properties.map((p) => {
    const value = row[p];
    if (value instanceof Date) return value.toISOString();
    return value === undefined ? null : (value as string | number | boolean | null);
  });
}
