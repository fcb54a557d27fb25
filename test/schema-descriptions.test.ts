import { GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, isScalarType, isSpecifiedScalarType } from "graphql";
import { buildGatewaySchema } from "../src/schema";

/** Whether a definition is one the API shows (not introspection, nor the federation metadata printGatewaySchema leaves out). */
const isApiType = (name: string) => !name.startsWith("__") && !/^(link__|federation__)/.test(name);

/**
 * Every type, field, argument, input field and enum value of the schema clients see, as
 * `Type`, `Type.field`, `Type.field(arg)` or `Type.VALUE`, that has no description.
 */
export function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (description: string | null | undefined, name: string) => {
    if (!description?.trim()) missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isApiType(type.name) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    need(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(field.description, `${type.name}.${field.name}`);
        for (const arg of field.args) need(arg.description, `${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) need(field.description, `${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(value.description, `${type.name}.${value.name}`);
    } else if (isUnionType(type)) {
      // A union has no members of its own to describe: its type description is enough.
    }
  }
  return missing.sort();
}

describe("schema documentation", () => {
  it("describes every type, field, argument, input field and enum value (add a description to what this lists)", async () => {
    expect(undocumented(await buildGatewaySchema())).toEqual([]);
  });

  it("notices a field without a description", async () => {
    const schema = await buildGatewaySchema();
    const pageInfo = schema.getType("PageInfo");
    if (!isObjectType(pageInfo)) throw new Error("no PageInfo type");
    pageInfo.getFields().hasNextPage.description = undefined;
    expect(undocumented(schema)).toContain("PageInfo.hasNextPage");
  });
});
