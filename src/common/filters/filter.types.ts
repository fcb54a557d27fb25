import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar, DateTime, Decimal } from "../scalars";

/*
 * Column filters with the CRM document's operators: eq, neq, gt, gte, lt, lte, in, nin and an
 * inclusive between; strings add case-insensitive contains/startsWith; every filter has isNull.
 * The fields of one filter are ANDed.
 */

@InputType({ description: "Inclusive range: from <= value <= to" })
export class DateTimeRange {
  @Field(() => DateTime, { description: "Lower bound, included" }) from: Date;
  @Field(() => DateTime, { description: "Upper bound, included" }) to: Date;
}

@InputType({ description: "Inclusive range: from <= value <= to" })
export class StringRange {
  @Field({ description: "Lower bound, included" }) from: string;
  @Field({ description: "Upper bound, included" }) to: string;
}

@InputType({ description: "Conditions on a date-time (ISO 8601) column; all given conditions must hold" })
export class DateTimeFilter {
  @Field(() => DateTime, { nullable: true, description: "Equal to" }) eq?: Date;
  @Field(() => DateTime, { nullable: true, description: "Not equal to (rows without a value do not match)" }) neq?: Date;
  @Field(() => DateTime, { nullable: true, description: "Greater (later) than" }) gt?: Date;
  @Field(() => DateTime, { nullable: true, description: "Greater (later) than or equal to" }) gte?: Date;
  @Field(() => DateTime, { nullable: true, description: "Less (earlier) than" }) lt?: Date;
  @Field(() => DateTime, { nullable: true, description: "Less (earlier) than or equal to" }) lte?: Date;
  @Field(() => [DateTime], { nullable: true, description: "One of these" }) in?: Date[];
  @Field(() => [DateTime], { nullable: true, description: "None of these (rows without a value do not match)" }) nin?: Date[];
  @Field(() => DateTimeRange, { nullable: true, description: "Within this inclusive range" }) between?: DateTimeRange;
  @Field({ nullable: true, description: "true: only rows without a value; false: only rows with one" }) isNull?: boolean;
}

@InputType({ description: "Conditions on a string (comparisons are case-sensitive except contains and startsWith) column; all given conditions must hold" })
export class StringFilter {
  @Field({ nullable: true, description: "Equal to" }) eq?: string;
  @Field({ nullable: true, description: "Not equal to (rows without a value do not match)" }) neq?: string;
  @Field({ nullable: true, description: "Greater (later) than" }) gt?: string;
  @Field({ nullable: true, description: "Greater (later) than or equal to" }) gte?: string;
  @Field({ nullable: true, description: "Less (earlier) than" }) lt?: string;
  @Field({ nullable: true, description: "Less (earlier) than or equal to" }) lte?: string;
  @Field(() => [String], { nullable: true, description: "One of these" }) in?: string[];
  @Field(() => [String], { nullable: true, description: "None of these (rows without a value do not match)" }) nin?: string[];
  @Field(() => StringRange, { nullable: true, description: "Within this inclusive range" }) between?: StringRange;
  @Field({ nullable: true, description: "Case-insensitive substring match" }) contains?: string;
  @Field({ nullable: true, description: "Case-insensitive prefix match" }) startsWith?: string;
  @Field({ nullable: true, description: "true: only rows without a value; false: only rows with one" }) isNull?: boolean;
}

@InputType({ description: "Conditions on a boolean column; all given conditions must hold" })
export class BooleanFilter {
  @Field({ nullable: true, description: "Equal to" }) eq?: boolean;
  @Field({ nullable: true, description: "Not equal to (rows without a value do not match)" }) neq?: boolean;
  @Field({ nullable: true, description: "true: only rows without a value; false: only rows with one" }) isNull?: boolean;
}

@InputType({ description: "Conditions on a id column; all given conditions must hold" })
export class IDFilter {
  @Field(() => ID, { nullable: true, description: "Equal to" }) eq?: string;
  @Field(() => ID, { nullable: true, description: "Not equal to (rows without a value do not match)" }) neq?: string;
  @Field(() => [ID], { nullable: true, description: "One of these" }) in?: string[];
  @Field(() => [ID], { nullable: true, description: "None of these (rows without a value do not match)" }) nin?: string[];
  @Field({ nullable: true, description: "true: only rows without a value; false: only rows with one" }) isNull?: boolean;
}

/** An enum column's filter: the shape is the same for every enum, only the value type differs. */
export interface EnumFilterShape<E> {
  eq?: E;
  neq?: E;
  in?: E[];
  nin?: E[];
  isNull?: boolean;
}

@InputType({ description: "Inclusive range of dates: from <= value <= to" })
export class DateRange {
  @Field(() => DateScalar, { description: "Lower bound, included" }) from: string;
  @Field(() => DateScalar, { description: "Upper bound, included" }) to: string;
}

@InputType({ description: "Conditions on a date (YYYY-MM-DD)" })
export class DateFilter {
  @Field(() => DateScalar, { nullable: true, description: "Equal to" }) eq?: string;
  @Field(() => DateScalar, { nullable: true, description: "Not equal to (rows without a value included)" }) neq?: string;
  @Field(() => DateScalar, { nullable: true, description: "Greater than" }) gt?: string;
  @Field(() => DateScalar, { nullable: true, description: "Greater than or equal to" }) gte?: string;
  @Field(() => DateScalar, { nullable: true, description: "Less than" }) lt?: string;
  @Field(() => DateScalar, { nullable: true, description: "Less than or equal to" }) lte?: string;
  @Field(() => [DateScalar], { nullable: true, description: "One of these" }) in?: string[];
  @Field(() => [DateScalar], { nullable: true, description: "None of these (rows without a value included)" }) nin?: string[];
  @Field(() => DateRange, { nullable: true, description: "Within this inclusive range" }) between?: DateRange;
  @Field({ nullable: true, description: "true: only rows without a value; false: only rows with one" }) isNull?: boolean;
}

@InputType({ description: "Inclusive range of decimals: from <= value <= to" })
export class DecimalRange {
  @Field(() => Decimal, { description: "Lower bound, included" }) from: string;
  @Field(() => Decimal, { description: "Upper bound, included" }) to: string;
}

@InputType({ description: "Conditions on an exact decimal (money), compared as numbers" })
export class DecimalFilter {
  @Field(() => Decimal, { nullable: true, description: "Equal to" }) eq?: string;
  @Field(() => Decimal, { nullable: true, description: "Not equal to (rows without a value included)" }) neq?: string;
  @Field(() => Decimal, { nullable: true, description: "Greater than" }) gt?: string;
  @Field(() => Decimal, { nullable: true, description: "Greater than or equal to" }) gte?: string;
  @Field(() => Decimal, { nullable: true, description: "Less than" }) lt?: string;
  @Field(() => Decimal, { nullable: true, description: "Less than or equal to" }) lte?: string;
  @Field(() => [Decimal], { nullable: true, description: "One of these" }) in?: string[];
  @Field(() => [Decimal], { nullable: true, description: "None of these (rows without a value included)" }) nin?: string[];
  @Field(() => DecimalRange, { nullable: true, description: "Within this inclusive range" }) between?: DecimalRange;
  @Field({ nullable: true, description: "true: only rows without a value; false: only rows with one" }) isNull?: boolean;
}

@InputType({ description: "Inclusive range of whole numbers: from <= value <= to" })
export class IntRange {
  @Field(() => Int, { description: "Lower bound, included" }) from: number;
  @Field(() => Int, { description: "Upper bound, included" }) to: number;
}

@InputType({ description: "Conditions on a whole number" })
export class IntFilter {
  @Field(() => Int, { nullable: true, description: "Equal to" }) eq?: number;
  @Field(() => Int, { nullable: true, description: "Not equal to (rows without a value included)" }) neq?: number;
  @Field(() => Int, { nullable: true, description: "Greater than" }) gt?: number;
  @Field(() => Int, { nullable: true, description: "Greater than or equal to" }) gte?: number;
  @Field(() => Int, { nullable: true, description: "Less than" }) lt?: number;
  @Field(() => Int, { nullable: true, description: "Less than or equal to" }) lte?: number;
  @Field(() => [Int], { nullable: true, description: "One of these" }) in?: number[];
  @Field(() => [Int], { nullable: true, description: "None of these (rows without a value included)" }) nin?: number[];
  @Field(() => IntRange, { nullable: true, description: "Within this inclusive range" }) between?: IntRange;
  @Field({ nullable: true, description: "true: only rows without a value; false: only rows with one" }) isNull?: boolean;
}
