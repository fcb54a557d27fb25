import fs from "node:fs";
import path from "node:path";
import { assertEnumType, assertObjectType, buildSchema, graphql, GraphQLSchema } from "graphql";
import { DateScalar } from "../src/common/scalars";
import { inputScalarMismatches } from "./helpers/scalar-audit";

/**
 * Consumers' generated types are only as strong as the schema: an input must take a value with
 * the scalar its output gives it (a date as Date both ways, never String one way), and
 * MutationError.code is an enum to switch on.
 */
const sdl = fs.readFileSync(path.join(__dirname, "..", "schema", "schema.graphql"), "utf8");
const schema: GraphQLSchema = buildSchema(sdl);

describe("input scalars", () => {
  it("every input field and argument uses the scalar its output uses (no String where a Date, DateTime, Currency... is meant)", () => {
    expect(inputScalarMismatches(schema)).toEqual([]);
  });

  it("the audit finds what it is for: a String date input against a Date output, and a String named like an instant", () => {
    const bad = buildSchema(`
      scalar Date
      type Contract { startDate: Date }
      input CreateContractInput { startDate: String }
      type Query { contract(closedAt: String): Contract }
      type Mutation { createContract(input: CreateContractInput): Contract }
    `);
    expect(inputScalarMismatches(bad)).toEqual([
      "CreateContractInput.startDate: String (output: Date)",
      "Query.contract(closedAt): String (its name says otherwise)",
    ]);
  });

  it("MutationError.code is the MutationErrorCode enum, each value described", () => {
    expect(String(assertObjectType(schema.getType("MutationError")).getFields().code.type)).toBe("MutationErrorCode!");
    const values = assertEnumType(schema.getType("MutationErrorCode")).getValues();
    expect(values.map((v) => v.name)).toEqual(expect.arrayContaining([
      "INVALID_DATA", "NOT_FOUND", "PRECONDITION_FAILED", "CLIENT_DUPLICATE_ORG_NUMBER", "CLIENT_HAS_OPEN_INVOICES",
      "IDEMPOTENCY_KEY_REUSED", "IDEMPOTENCY_KEY_IN_USE", "BULK_LIMIT_EXCEEDED",
    ]));
    expect(values.filter((v) => !v.description?.trim()).map((v) => v.name)).toEqual([]);
  });
});

describe("the Date scalar", () => {
  // What the resolvers get: the calendar date as text, so a Postgres `date` is written as sent.
  const parse = (value: unknown) => {
    try {
      return DateScalar.parseValue(value);
    } catch (error) {
      return `refused: ${(error as Error).message}`;
    }
  };

  it("parses a date to the same YYYY-MM-DD text, never a JS Date (no time zone shift)", () => {
    expect(parse("2026-01-31")).toBe("2026-01-31");
    expect(parse("1999-12-31")).toBe("1999-12-31");
  });

  it("takes a date-time as its date in Europe/Stockholm, as the sync takes Aptic's", () => {
    expect(parse("2019-08-24T14:15:22Z")).toBe("2019-08-24");
    expect(parse("2019-08-24T22:30:00Z")).toBe("2019-08-25");
    expect(parse("2019-08-24T23:30:00-05:00")).toBe("2019-08-25");
    expect(parse("2019-08-24T23:30:00")).toBe("2019-08-24");
  });

  it("refuses days that don't exist, date-times on them included (FUZZ_SEED=495344589's intentDate), with a message that holds no value", () => {
    for (const value of ["2026-02-30", "2026-02-30T00:00:00Z", "2026-13-01", "0000-01-01", "31/01/2026", "", 20260131]) {
      expect(String(parse(value))).toMatch(/^refused: (Must be a date: YYYY-MM-DD|Date must be in the years 1 to 9999)$/);
    }
  });

  it("in an operation: a bad literal or variable is a validation error, a good one reaches the resolver as text", async () => {
    const probe = buildSchema(`scalar Date type Query { echo(date: Date!): String }`);
    Object.assign(probe.getType("Date")!, { parseValue: DateScalar.parseValue, parseLiteral: DateScalar.parseLiteral });
    const rootValue = { echo: ({ date }: { date: unknown }) => `${typeof date}:${String(date)}` };
    const ok = await graphql({ schema: probe, source: `query($d: Date!) { echo(date: $d) }`, variableValues: { d: "2026-01-31T23:30:00Z" }, rootValue });
    expect(ok).toEqual({ data: { echo: "string:2026-02-01" } });
    const bad = await graphql({ schema: probe, source: `{ echo(date: "2026-02-30T00:00:00Z") }`, rootValue });
    expect(bad.errors?.map((e) => e.message)).toEqual(['Expected value of type "Date!", found "2026-02-30T00:00:00Z"; Must be a date: YYYY-MM-DD']);
  });
});
