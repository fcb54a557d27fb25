import { GraphQLScalarType, Kind, ValueNode } from "graphql";
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
function valueFree(scalar: GraphQLScalarType, expected: string): GraphQLScalarType {
  const refuse = (error: unknown): never => {
    throw error instanceof ScalarInputError ? error : new ScalarInputError(expected);
  };
  return new GraphQLScalarType({
    ...scalar.toConfig(),
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

export const CountryCode = valueFree(CountryCodeResolver, "Must be an ISO 3166-1 alpha-2 country code");
export const Currency = valueFree(CurrencyResolver, "Must be an ISO 4217 currency code");
export const EmailAddress = valueFree(EmailAddressResolver, "Must be an email address");
export const IBAN = valueFree(IBANResolver, "Must be an IBAN");
export const JSONScalar = valueFree(JSONResolver, "Must be JSON");
export const NonNegativeInt = valueFree(NonNegativeIntResolver, "Must be an integer of 0 or more");
export const PositiveInt = valueFree(PositiveIntResolver, "Must be an integer of 1 or more");
export const URLScalar = valueFree(URLResolver, "Must be a URL");
export const UUID = valueFree(UUIDResolver, "Must be a UUID");

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
export const DateTime = valueFree(withinYears(DateTimeResolver, utcYear), 'Must be an ISO 8601 date-time: YYYY-MM-DDThh:mm:ss with Z or an offset');
export const DateScalar = valueFree(
  withinYears(DateResolver, (value) =>
    value instanceof Date ? value.getUTCFullYear() : typeof value === "string" ? Number(value.slice(0, 4)) : Number.NaN,
  ),
  'Must be a date: YYYY-MM-DD',
);

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
