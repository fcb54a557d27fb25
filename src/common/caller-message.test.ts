import { graphql, GraphQLEnumType, GraphQLError, GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { valueFreeMessage } from "./caller-message";
import { CountryCode, Currency, DateScalar, DateTime, Decimal, EmailAddress, IBAN, JSONScalar, UUID } from "./scalars";

const SENT = "Anna Svensson secret note";
const Sort = new GraphQLEnumType({ name: "Sort", values: { NAME: {}, CITY: {} } });
const Order = new GraphQLInputObjectType({ name: "Order", fields: { field: { type: new GraphQLNonNull(Sort) }, take: { type: GraphQLInt } } });
const scalars = { CountryCode, Currency, DateScalar, DateTime, Decimal, EmailAddress, IBAN, JSONScalar, UUID };
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      echo: {
        type: GraphQLString,
        args: {
          order: { type: new GraphQLList(new GraphQLNonNull(Order)) },
          n: { type: GraphQLInt },
          ...Object.fromEntries(Object.entries(scalars).map(([name, type]) => [name, { type }])),
        },
        resolve: () => "ok",
      },
    },
  }),
});

/** The caller's messages of one request, made value-free. */
async function messages(source: string, variableValues?: Record<string, unknown>): Promise<string[]> {
  const result = await graphql({ schema, source, variableValues });
  return (result.errors ?? []).map((error) => valueFreeMessage(error.message, error));
}

describe("valueFreeMessage", () => {
  it.each(Object.entries(scalars).filter(([name]) => name !== "JSONScalar"))("drops the value from %s's errors, in a variable and inline", async (name, type) => {
    const variable = await messages(`query($v: ${type.name}) { echo(${name}: $v) }`, { v: SENT });
    expect(variable).toEqual([expect.stringMatching(new RegExp(`^Variable "\\$v" got an invalid value; Expected type "${type.name}"\\. \\w`))]);
    const inline = await messages(`{ echo(${name}: "${SENT}") }`);
    expect(inline).toEqual([expect.stringMatching(new RegExp(`^Expected value of type "${type.name}", found a string; \\w`))]);
    expect(JSON.stringify([variable, inline])).not.toContain("Svensson");
  });

  it("keeps the path, and the value can't pose as one", async () => {
    const [message] = await messages(`query($o: [Order!]) { echo(order: $o) }`, { o: [{ field: "NAME", take: { ' at "o[0].x"; ': SENT } }] });
    expect(message).toBe('Variable "$o" got an invalid value at "o[0].take"; Int cannot represent non-integer value.');
  });

  it("drops a key that is no GraphQL name, and keeps one that is", async () => {
    expect(await messages(`query($o: [Order!]) { echo(order: $o) }`, { o: [{ field: "NAME", [SENT]: 1, extra: 2 }] })).toEqual([
      'Variable "$o" got an invalid value at "o[0]"; A field is not defined by type "Order".',
      'Variable "$o" got an invalid value at "o[0]"; Field "extra" is not defined by type "Order".',
    ]);
  });

  it("drops the value from enum errors, and the value can't pose as the enum", async () => {
    const posing = `${SENT}" does not exist in "Fake" enum. Did you mean "X"?`;
    expect(await messages(`query($o: [Order!]) { echo(order: $o) }`, { o: [{ field: posing }, { field: 7 }] })).toEqual([
      'Variable "$o" got an invalid value at "o[0].field"; Value does not exist in "Sort" enum.',
      'Variable "$o" got an invalid value at "o[1].field"; Enum "Sort" cannot represent a non-string value.',
    ]);
    expect(await messages(`{ echo(order: [{ field: NAMEX }]) }`)).toEqual(['Value does not exist in "Sort" enum. Did you mean the enum value "NAME"?']);
  });

  it("keeps graphql-js's messages that hold no value", async () => {
    expect(await messages(`query($o: [Order!]) { echo(order: $o) }`, { o: [{ take: 1 }, null, SENT] })).toEqual([
      'Variable "$o" got an invalid value at "o[0]"; Field "field" of required type "Sort!" was not provided.',
      'Variable "$o" got an invalid value at "o[1]"; Expected non-nullable type "Order!" not to be null.',
      'Variable "$o" got an invalid value at "o[2]"; Expected type "Order" to be an object.',
    ]);
    expect(await messages(`{ echo(order: [{ field: null }]) }`)).toEqual(['Expected value of type "Sort!", found null.']);
  });

  it("drops a string or number token from a syntax error, and an argument's printed value", () => {
    expect(valueFreeMessage(`Syntax Error: Unexpected String "${SENT}".`, undefined)).toBe("Syntax Error: Unexpected String.");
    expect(valueFreeMessage(`Syntax Error: Expected Name, found String "${SENT}".`, undefined)).toBe("Syntax Error: Expected Name, found String.");
    expect(valueFreeMessage('Syntax Error: Expected Name, found "}".', undefined)).toBe('Syntax Error: Expected Name, found "}".');
    expect(valueFreeMessage(`Argument "n" has invalid value "${SENT}".`, undefined)).toBe('Argument "n" has an invalid value.');
  });

  it("drops a reason it doesn't know to hold no value", () => {
    const inner = new GraphQLError(`Something about ${SENT}`);
    const message = `Variable "$v" got invalid value "${SENT}"; ${inner.message}`;
    expect(valueFreeMessage(message, new GraphQLError(message, { originalError: inner }))).toBe('Variable "$v" got an invalid value.');
    const wrapped = new GraphQLError(`Expected type "Odd". It is even: ${SENT}`, { originalError: new TypeError(`It is even: ${SENT}`) });
    const outer = `Variable "$v" got invalid value "${SENT}"; ${wrapped.message}`;
    expect(valueFreeMessage(outer, new GraphQLError(outer, { originalError: wrapped }))).toBe('Variable "$v" got an invalid value; Expected type "Odd".');
  });
});
