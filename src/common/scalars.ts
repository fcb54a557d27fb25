import { GraphQLScalarType, Kind } from "graphql";

export {
  CountryCodeResolver as CountryCode,
  CurrencyResolver as Currency,
  DateResolver as DateScalar,
  DateTimeResolver as DateTime,
  EmailAddressResolver as EmailAddress,
  IBANResolver as IBAN,
  JSONResolver as JSONScalar,
  NonNegativeIntResolver as NonNegativeInt,
  PositiveIntResolver as PositiveInt,
  URLResolver as URLScalar,
  UUIDResolver as UUID,
} from "graphql-scalars";

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
