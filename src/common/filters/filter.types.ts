import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar, DateTime, Decimal } from "../scalars";

/*
 * Column filters with the CRM document's operators: eq, neq, gt, gte, lt, lte, in, nin and an
 * inclusive between; strings add case-insensitive contains/startsWith; every filter has isNull.
 * The fields of one filter are ANDed.
 */

@InputType({ description: "Inclusive range: from <= value <= to" })
export class DateTimeRange {
  @Field(() => DateTime) from: Date;
  @Field(() => DateTime) to: Date;
}

@InputType({ description: "Inclusive range: from <= value <= to" })
export class StringRange {
  @Field() from: string;
  @Field() to: string;
}

@InputType()
export class DateTimeFilter {
  @Field(() => DateTime, { nullable: true }) eq?: Date;
  @Field(() => DateTime, { nullable: true }) neq?: Date;
  @Field(() => DateTime, { nullable: true }) gt?: Date;
  @Field(() => DateTime, { nullable: true }) gte?: Date;
  @Field(() => DateTime, { nullable: true }) lt?: Date;
  @Field(() => DateTime, { nullable: true }) lte?: Date;
  @Field(() => [DateTime], { nullable: true }) in?: Date[];
  @Field(() => [DateTime], { nullable: true }) nin?: Date[];
  @Field(() => DateTimeRange, { nullable: true }) between?: DateTimeRange;
  @Field({ nullable: true, description: "true: only rows without a value; false: only rows with one" }) isNull?: boolean;
}

@InputType()
export class StringFilter {
  @Field({ nullable: true }) eq?: string;
  @Field({ nullable: true }) neq?: string;
  @Field({ nullable: true }) gt?: string;
  @Field({ nullable: true }) gte?: string;
  @Field({ nullable: true }) lt?: string;
  @Field({ nullable: true }) lte?: string;
  @Field(() => [String], { nullable: true }) in?: string[];
  @Field(() => [String], { nullable: true }) nin?: string[];
  @Field(() => StringRange, { nullable: true }) between?: StringRange;
  @Field({ nullable: true, description: "Case-insensitive substring match" }) contains?: string;
  @Field({ nullable: true, description: "Case-insensitive prefix match" }) startsWith?: string;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType()
export class BooleanFilter {
  @Field({ nullable: true }) eq?: boolean;
  @Field({ nullable: true }) neq?: boolean;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType()
export class IDFilter {
  @Field(() => ID, { nullable: true }) eq?: string;
  @Field(() => ID, { nullable: true }) neq?: string;
  @Field(() => [ID], { nullable: true }) in?: string[];
  @Field(() => [ID], { nullable: true }) nin?: string[];
  @Field({ nullable: true }) isNull?: boolean;
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
  @Field(() => DateScalar) from: string;
  @Field(() => DateScalar) to: string;
}

@InputType({ description: "Conditions on a date (YYYY-MM-DD)" })
export class DateFilter {
  @Field(() => DateScalar, { nullable: true }) eq?: string;
  @Field(() => DateScalar, { nullable: true }) neq?: string;
  @Field(() => DateScalar, { nullable: true }) gt?: string;
  @Field(() => DateScalar, { nullable: true }) gte?: string;
  @Field(() => DateScalar, { nullable: true }) lt?: string;
  @Field(() => DateScalar, { nullable: true }) lte?: string;
  @Field(() => [DateScalar], { nullable: true }) in?: string[];
  @Field(() => [DateScalar], { nullable: true }) nin?: string[];
  @Field(() => DateRange, { nullable: true }) between?: DateRange;
  @Field({ nullable: true, description: "true: only rows without a value; false: only rows with one" }) isNull?: boolean;
}

@InputType({ description: "Inclusive range of decimals: from <= value <= to" })
export class DecimalRange {
  @Field(() => Decimal) from: string;
  @Field(() => Decimal) to: string;
}

@InputType({ description: "Conditions on an exact decimal (money), compared as numbers" })
export class DecimalFilter {
  @Field(() => Decimal, { nullable: true }) eq?: string;
  @Field(() => Decimal, { nullable: true }) neq?: string;
  @Field(() => Decimal, { nullable: true }) gt?: string;
  @Field(() => Decimal, { nullable: true }) gte?: string;
  @Field(() => Decimal, { nullable: true }) lt?: string;
  @Field(() => Decimal, { nullable: true }) lte?: string;
  @Field(() => [Decimal], { nullable: true }) in?: string[];
  @Field(() => [Decimal], { nullable: true }) nin?: string[];
  @Field(() => DecimalRange, { nullable: true }) between?: DecimalRange;
  @Field({ nullable: true, description: "true: only rows without a value; false: only rows with one" }) isNull?: boolean;
}

@InputType({ description: "Inclusive range of whole numbers: from <= value <= to" })
export class IntRange {
  @Field(() => Int) from: number;
  @Field(() => Int) to: number;
}

@InputType({ description: "Conditions on a whole number" })
export class IntFilter {
  @Field(() => Int, { nullable: true }) eq?: number;
  @Field(() => Int, { nullable: true }) neq?: number;
  @Field(() => Int, { nullable: true }) gt?: number;
  @Field(() => Int, { nullable: true }) gte?: number;
  @Field(() => Int, { nullable: true }) lt?: number;
  @Field(() => Int, { nullable: true }) lte?: number;
  @Field(() => [Int], { nullable: true }) in?: number[];
  @Field(() => [Int], { nullable: true }) nin?: number[];
  @Field(() => IntRange, { nullable: true }) between?: IntRange;
  @Field({ nullable: true, description: "true: only rows without a value; false: only rows with one" }) isNull?: boolean;
}
