import { Column, ColumnOptions, CreateDateColumn, UpdateDateColumn } from "typeorm";

/** `"column" IN ('A', 'B')`: enums are varchar + CHECK, never Postgres enum types (STYLE.md). */
export function inList(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((v) => `'${v}'`).join(", ")})`;
}

/** Money: numeric(18,2), read back as a string. */
export const MoneyColumn = (options: ColumnOptions = {}) =>
  Column({ type: "numeric", precision: 18, scale: 2, nullable: true, ...options });

/** A percentage or an interest rate: numeric(9,4), read back as a string. */
export const RateColumn = (options: ColumnOptions = {}) =>
  Column({ type: "numeric", precision: 9, scale: 4, nullable: true, ...options });

export const StringColumn = (length: number, options: ColumnOptions = {}) =>
  Column({ type: "varchar", length, nullable: true, ...options });

/**
 * Instants are kept to the millisecond (timestamptz(3)), the precision of a JS Date, so a value
 * read, put into a cursor and compared again is exactly the stored one.
 */
export const TimestampColumn = (options: ColumnOptions = {}) =>
  Column({ type: "timestamptz", precision: 3, nullable: true, ...options });
export const CreatedAt = () => CreateDateColumn({ type: "timestamptz", precision: 3 });
export const UpdatedAt = () => UpdateDateColumn({ type: "timestamptz", precision: 3 });
