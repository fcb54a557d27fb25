import { GraphQLScalarType, Kind, ValueNode } from "graphql";
import { DateResolver, DateTimeResolver } from "graphql-scalars";

export {
  CountryCodeResolver as CountryCode,
  CurrencyResolver as Currency,
  EmailAddressResolver as EmailAddress,
  IBANResolver as IBAN,
  JSONResolver as JSONScalar,
  NonNegativeIntResolver as NonNegativeInt,
  PositiveIntResolver as PositiveInt,
  URLResolver as URLScalar,
  UUIDResolver as UUID,
} from "graphql-scalars";

/**
 * graphql-scalars' scalar, limited to the years PostgreSQL and people use (1..9999): it accepts
 * year 0, which PostgreSQL refuses, so a filter on it failed inside the database.
 */
function withinYears<T extends GraphQLScalarType>(scalar: T, yearOf: (value: unknown) => number): GraphQLScalarType {
  const checked = (value: unknown) => {
    const year = yearOf(value);
    if (!(year >= 1 && year <= 9999)) throw new TypeError(`${scalar.name} must be in the years 1 to 9999`);
    return value;
  };
  return new GraphQLScalarType({
    ...scalar.toConfig(),
    parseValue: (value) => checked(scalar.parseValue(value)),
    parseLiteral: (ast: ValueNode, variables) => checked(scalar.parseLiteral(ast, variables)),
  });
}

const utcYear = (value: unknown) => (value instanceof Date ? value.getUTCFullYear() : Number.NaN);
export const DateTime = withinYears(DateTimeResolver, utcYear);
export const DateScalar = withinYears(DateResolver, (value) =>
  value instanceof Date ? value.getUTCFullYear() : typeof value === "string" ? Number(value.slice(0, 4)) : Number.NaN,
);

const DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value !== "string" || !DECIMAL.test(value)) {
    throw new TypeError('Decimal must be a string such as "12500.00"');
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
  serialize(value) {
    if (typeof value === "string" && DECIMAL.test(value)) return value;
    throw new TypeError("Decimal cannot represent a non-decimal value");
  },
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('Decimal must be a string such as "12500.00"');
    return parseDecimal(ast.value);
  },
});
