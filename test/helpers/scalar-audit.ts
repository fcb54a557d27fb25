import {
  getNamedType, GraphQLField, GraphQLInputField, GraphQLNamedType, GraphQLSchema, isInputObjectType, isObjectType, isScalarType, isSpecifiedScalarType,
} from "graphql";

/**
 * Input fields and arguments typed with a built-in scalar (String, ID...) where the value is one
 * of the gateway's custom scalars (a date, an amount, an email...): the output field of the same
 * name on the matching output type uses that scalar, or, where no output matches, the name says
 * so (`...Date`, `...At`, `email`, `currencyCode`...). Also any input whose custom scalar differs
 * from its output's. Each line is `Type.field: String (output: Date)`, `Type.field(arg)`: ...
 */
export function inputScalarMismatches(schema: GraphQLSchema): string[] {
  const types = schema.getTypeMap();
  const outputScalar = (typeNames: string[], field: string): string | undefined => {
    for (const name of typeNames) {
      const type = types[name];
      if (!isObjectType(type)) continue;
      const match = type.getFields()[field];
      if (match && isScalarType(getNamedType(match.type))) return getNamedType(match.type).name;
    }
    return undefined;
  };
  const problems: string[] = [];
  const judge = (where: string, input: GraphQLInputField | GraphQLField<unknown, unknown>["args"][number], outputs: string[]) => {
    const named: GraphQLNamedType = getNamedType(input.type);
    if (!isScalarType(named)) return;
    const output = outputScalar(outputs, input.name);
    if (output !== undefined) {
      if (output !== named.name && !(isSpecifiedScalarType(named) && isSpecifiedScalarType(types[output] as GraphQLNamedType))) {
        problems.push(`${where}: ${named.name} (output: ${output})`);
      }
    } else if (named.name === "String" && SCALAR_NAME.test(input.name)) {
      problems.push(`${where}: String (its name says otherwise)`);
    }
  };
  for (const type of Object.values(types)) {
    if (type.name.startsWith("__")) continue;
    if (isInputObjectType(type)) {
      const base = type.name.replace(/^(Create|Update|Set|Add)/, "").replace(/(Input|Patch)$/, "");
      for (const field of Object.values(type.getFields())) judge(`${type.name}.${field.name}`, field, [base, `${base}Preview`]);
    }
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const returned = getNamedType(field.type);
        // An argument matches the returned type's field, or (a payload) that of the record it carries.
        const outputs = [returned.name, ...(isObjectType(returned) ? Object.values(returned.getFields()).map((f) => getNamedType(f.type).name) : [])];
        for (const arg of field.args) judge(`${type.name}.${field.name}(${arg.name})`, arg, outputs);
      }
    }
  }
  return problems.sort();
}

/** Names that are a date, an instant, an email, a currency, a country, an IBAN or a GUID. */
const SCALAR_NAME = /(^date|Date|^[a-z]+At|^email|Email|^currency|Currency|CurrencyCode|^countryCode|CountryCode|^iban|Iban|Guid|Uuid)$/;
