import { GraphQLScalarType, Kind, ValueNode } from "graphql";
import { zonedDate } from "./validation/zoned-date";
import {
  CountryCodeResolver,
  CurrencyResolver,
  DateResolver,
  DateTimeResolver,
  EmailAddressResolver,
  IBANResolver,
  JSONResolver,
  NonNegativeIntResolver,
  PositiveIntResolver,
  URLResolver,
  UUIDResolver,
} from "graphql-scalars";

/**
 * A scalar's refusal of an input value, whose message says what is expected and never holds the
 * value: errors.ts passes these messages to the caller as they are, and no other scalar's.
 */
export class ScalarInputError extends TypeError {
  override name = "ScalarInputError";
}

/**
 * `scalar` with its input errors replaced by `expected`: graphql-scalars puts the value in its
 * messages ("Value is not a valid UUID: <value>"), which would send a caller's text back (and a
 * 900 KB one whole). A ScalarInputError of a wrapped scalar (the year range below) is kept.
 */
function valueFree(scalar: GraphQLScalarType, expected: string, specifiedByURL?: string): GraphQLScalarType {
  const refuse = (error: unknown): never => {
    throw error instanceof ScalarInputError ? error : new ScalarInputError(expected);
  };
  return new GraphQLScalarType({
    ...scalar.toConfig(),
    specifiedByURL: specifiedByURL ?? scalar.specifiedByURL,
    parseValue: (value) => {
      try {
        return scalar.parseValue(value);
      } catch (error) {
        return refuse(error);
      }
    },
    parseLiteral: (ast: ValueNode, variables) => {
      try {
        return scalar.parseLiteral(ast, variables);
      } catch (error) {
        return refuse(error);
      }
    },
  });
}

/** Where the scalars graphql-scalars leaves without `@specifiedBy` are defined, for codegen and IDEs. */
const RFC_3339 = "https://www.rfc-editor.org/rfc/rfc3339#section-5.6";

export const CountryCode = valueFree(CountryCodeResolver, "Must be an ISO 3166-1 alpha-2 country code", "https://www.iso.org/iso-3166-country-codes.html");
export const Currency = valueFree(CurrencyResolver, "Must be an ISO 4217 currency code");
export const EmailAddress = valueFree(EmailAddressResolver, "Must be an email address");
export const IBAN = valueFree(IBANResolver, "Must be an IBAN", "https://www.iso.org/standard/81090.html");
export const JSONScalar = valueFree(JSONResolver, "Must be JSON");
export const NonNegativeInt = valueFree(NonNegativeIntResolver, "Must be an integer of 0 or more");
export const PositiveInt = valueFree(PositiveIntResolver, "Must be an integer of 1 or more");
export const URLScalar = valueFree(URLResolver, "Must be a URL", "https://url.spec.whatwg.org/");
export const UUID = valueFree(UUIDResolver, "Must be a UUID", "https://www.rfc-editor.org/rfc/rfc9562");

/**
 * graphql-scalars' scalar, limited to the years PostgreSQL and people use (1..9999): it accepts
 * year 0, which PostgreSQL refuses, so a filter on it failed inside the database.
 */
function withinYears<T extends GraphQLScalarType>(scalar: T, yearOf: (value: unknown) => number): GraphQLScalarType {
  const checked = (value: unknown) => {
    const year = yearOf(value);
    if (!(year >= 1 && year <= 9999)) throw new ScalarInputError(`${scalar.name} must be in the years 1 to 9999`);
    return value;
  };
  return new GraphQLScalarType({
    ...scalar.toConfig(),
    parseValue: (value) => checked(scalar.parseValue(value)),
    parseLiteral: (ast: ValueNode, variables) => checked(scalar.parseLiteral(ast, variables)),
  });
}

const utcYear = (value: unknown) => (value instanceof Date ? value.getUTCFullYear() : Number.NaN);
export const DateTime = valueFree(withinYears(DateTimeResolver, utcYear), 'Must be an ISO 8601 date-time: YYYY-MM-DDThh:mm:ss with Z or an offset', RFC_3339);

const DATE_EXPECTED = "Must be a date: YYYY-MM-DD";
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A Date input as the calendar date it stands for, "YYYY-MM-DD": a full-date as it is (checked by
 * graphql-scalars' Date), or a date-time (checked by its DateTime) as the date it falls on in the
 * tenant's time zone (zoned-date.ts; one without an offset is local time, so its own date).
 */
function parseCalendarDate(value: unknown): string {
  if (typeof value !== "string") throw new ScalarInputError(DATE_EXPECTED);
  let date: string;
  try {
    if (FULL_DATE.test(value)) {
      DateResolver.parseValue(value);
      date = value;
    } else {
      DateTimeResolver.parseValue(HAS_OFFSET.test(value) ? value : `${value}Z`);
      date = zonedDate(value);
    }
  } catch {
    throw new ScalarInputError(DATE_EXPECTED);
  }
  const year = Number(date.split("-")[0]);
  if (!(year >= 1 && year <= 9999)) throw new ScalarInputError("Date must be in the years 1 to 9999");
  return date;
}

/**
 * Calendar dates (Postgres `date`): "YYYY-MM-DD" out and, parsed, in: the resolvers get that
 * string, never a JS Date, whose midnight UTC a local reading would shift by a day. Input also
 * takes an ISO 8601 date-time, as Aptic sends one where the gateway stores a date, taken as its
 * date in the tenant's time zone (Europe/Stockholm), the rule the sync applies too.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  description:
    'A calendar date, "YYYY-MM-DD" (RFC 3339 full-date). As input, an ISO 8601 date-time is also taken, as the date it falls on in the tenant\'s time zone (Europe/Stockholm).',
  specifiedByURL: RFC_3339,
  serialize: (value) => DateResolver.serialize(value) as string,
  parseValue: parseCalendarDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new ScalarInputError(DATE_EXPECTED);
    return parseCalendarDate(ast.value);
  },
});

const DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/;
/** What Decimal answers: a plain decimal (no exponent) of any scale, as numeric columns and synced figures hold them. */
const STORED_DECIMAL = /^-?\d+(\.\d+)?$/;
/** (An example of fewer than 6 digits: the caller's messages are redacted, and "12500.00" came out as "[number]".) */
const DECIMAL_EXPECTED = 'Decimal must be a string such as "125.50"';

function parseDecimal(value: unknown): string {
  if (typeof value !== "string" || !DECIMAL.test(value)) {
    throw new ScalarInputError(DECIMAL_EXPECTED);
  }
  return value;
}

/**
 * Money, rates and percentages: exact decimals, stored as Postgres `numeric` and sent as strings
 * (`"12500.00"`), never as floats. Input must be a string, so a float never sneaks in.
 */
export const Decimal = new GraphQLScalarType<string, string>({
  name: "Decimal",
  description: 'An exact decimal number as a string, e.g. "12500.00". Money, rates and percentages.',
  // Output is any plain decimal the gateway holds, of any length: a source's figures are kept as
  // sent (Aptic's doubles carry up to 17 significant digits). Input stays within DECIMAL.
  serialize(value) {
    if (typeof value === "string" && value.length <= 100 && STORED_DECIMAL.test(value)) return value;
    throw new TypeError("Decimal cannot represent a non-decimal value");
  },
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new ScalarInputError(DECIMAL_EXPECTED);
    return parseDecimal(ast.value);
  },
});
