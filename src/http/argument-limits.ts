import {
  ArgumentNode,
  DirectiveNode,
  DocumentNode,
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from "graphql";
import { fragmentsByName } from "./operation";
import type { ApolloServerPlugin } from "@apollo/server";
import { GatewayError, RequestErrorCode, withHttpStatus } from "../common/errors";

/** How long a string argument may be, by what it is for. */
export interface ArgumentLimits {
  /** A search term or any string in a filter (`search:`, `filter:`): what reaches ILIKE and comparisons. */
  maxFilterLength: number;
  /** Items of a list in a filter (`in`, `nin`, `or`), and ten times that in all the filters of an operation. */
  maxFilterItems: number;
  /** Any other string argument given directly (ids, org numbers, names, idempotency keys, cursors). */
  maxArgumentLength: number;
}

export const DEFAULT_ARGUMENT_LIMITS: ArgumentLimits = { maxFilterLength: 200, maxFilterItems: 100, maxArgumentLength: 4_096 };

/** Where the values of one argument sit, and which limit applies there. */
interface Place {
  field: string;
  /** `filter.name.contains`, `inputs.3.name`. */
  path: string;
  inFilter: boolean;
  /** Inside a mutation's input object: each field has its own maximum there (the field tables). */
  inInput: boolean;
}

const isFilterType = (type: GraphQLNamedType) => /(Filter|Range)$/.test(type.name);

function refuse(place: Place, problem: string): never {
  throw withHttpStatus(
    new GatewayError(RequestErrorCode.BAD_USER_INPUT, `Argument "${place.path}" of "${place.field}" ${problem}`, {
      field: place.field,
      argument: place.path,
    }),
    400,
  );
}

/**
 * Checks every string an operation passes to a field or directive, inline or as a variable,
 * before anything executes: a search term or filter string longer than `maxFilterLength`, a
 * filter list longer than `maxFilterItems`, or any other direct string argument longer than
 * `maxArgumentLength` is BAD_USER_INPUT naming the argument. No SQL runs for it, so no request
 * can tie up the database with a megabyte ILIKE pattern. Strings inside a mutation's input
 * objects are bounded by each field's own maximum (INVALID_DATA with the field's path) and the
 * 1 MB body: a logo is 700,000 characters by design.
 */
export function checkArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: ArgumentLimits,
): void {
  const fragments = fragmentsByName(document);
  const checkedFragments = new Set<string>();
  const defaults = new Map((operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, d.defaultValue] as const));
  // Lists nest (`or: [{ or: [{ id: { in: [...] } }] }]`): their items are also counted together.
  const maxFilterValues = limits.maxFilterItems * 10;
  let filterValues = 0;

  const checkString = (value: string, place: Place) => {
    if (place.inFilter) {
      if (value.length > limits.maxFilterLength) refuse(place, `is ${value.length} characters long (at most ${limits.maxFilterLength} in a search or filter)`);
    } else if (!place.inInput && value.length > limits.maxArgumentLength) {
      refuse(place, `is ${value.length} characters long (at most ${limits.maxArgumentLength})`);
    }
  };

  const checkList = (length: number, place: Place) => {
    if (!place.inFilter) return;
    if (length > limits.maxFilterItems) refuse(place, `has ${length} items (at most ${limits.maxFilterItems} in a filter)`);
    filterValues += length;
    if (filterValues > maxFilterValues) refuse(place, `takes the operation's filters past ${maxFilterValues} list items in all`);
  };

  /** A value already in JavaScript (from the variables). */
  const checkValue = (value: unknown, type: GraphQLInputType, place: Place): void => {
    if (value === null || value === undefined) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (!Array.isArray(value)) return checkValue(value, nullable.ofType, place); // coerced to a list of one
      checkList(value.length, place);
      value.forEach((item, index) => checkValue(item, nullable.ofType, { ...place, path: `${place.path}.${index}` }));
      return;
    }
    if (isInputObjectType(nullable)) {
      if (typeof value !== "object" || Array.isArray(value)) return; // graphql-js refuses it when coercing
      const inFilter = place.inFilter || isFilterType(nullable);
      const fields = nullable.getFields();
      for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
        const field = fields[name];
        if (field) checkValue(item, field.type, { ...place, path: `${place.path}.${name}`, inFilter, inInput: !inFilter });
      }
      return;
    }
    if (typeof value === "string") checkString(value, place);
  };

  /** A value written in the query (maybe with variables inside). */
  const checkNode = (node: ValueNode, type: GraphQLInputType, place: Place): void => {
    if (node.kind === Kind.VARIABLE) {
      const value = variables[node.name.value];
      if (value !== undefined) return checkValue(value, type, place);
      // Not sent: its default, written in the query, counts like an inline value.
      const fallback = defaults.get(node.name.value);
      return fallback ? checkNode(fallback, type, place) : undefined;
    }
    const nullable = getNullableType(type);
    if (node.kind === Kind.LIST) {
      const itemType = isListType(nullable) ? nullable.ofType : nullable;
      checkList(node.values.length, place);
      node.values.forEach((item, index) => checkNode(item, itemType, { ...place, path: `${place.path}.${index}` }));
      return;
    }
    if (isListType(nullable)) return checkNode(node, nullable.ofType, place);
    if (node.kind === Kind.OBJECT && isInputObjectType(nullable)) {
      const inFilter = place.inFilter || isFilterType(nullable);
      const fields = nullable.getFields();
      for (const item of node.fields) {
        const field = fields[item.name.value];
        if (field) checkNode(item.value, field.type, { ...place, path: `${place.path}.${item.name.value}`, inFilter, inInput: !inFilter });
      }
      return;
    }
    if (node.kind === Kind.STRING) checkString(node.value, place);
  };

  const checkArgs = (owner: string, nodes: readonly ArgumentNode[] | undefined, definitions: readonly GraphQLArgument[]) => {
    for (const node of nodes ?? []) {
      const definition = definitions.find((arg) => arg.name === node.name.value);
      if (!definition) continue; // validation has refused it already
      const name = node.name.value;
      checkNode(node.value, definition.type, { field: owner, path: name, inFilter: name === "search", inInput: false });
    }
  };

  const checkDirectives = (directives: readonly DirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) {
      const definition = schema.getDirective(directive.name.value);
      if (definition) checkArgs(`@${definition.name}`, directive.arguments, definition.args);
    }
  };

  const checkSelections = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined): void => {
    for (const selection of selectionSet.selections) {
      checkDirectives(selection.directives);
      if (selection.kind === Kind.FIELD) {
        checkField(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        checkSelections(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent);
      } else if (!checkedFragments.has(selection.name.value)) {
        // A fragment's arguments are the same wherever it is spread: checked once.
        checkedFragments.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) {
          checkDirectives(fragment.directives);
          checkSelections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
        }
      }
    }
  };

  const checkField = (node: FieldNode, parent: GraphQLNamedType | undefined) => {
    const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[node.name.value] : undefined;
    if (!field) return; // introspection: __type(name:) is a lookup in a map, whatever the name's length
    checkArgs(node.name.value, node.arguments, field.args);
    const type = getNamedType(field.type);
    if (node.selectionSet && isCompositeType(type)) checkSelections(node.selectionSet, type);
  };

  const root = schema.getRootType(operation.operation);
  checkDirectives(operation.directives);
  if (root) checkSelections(operation.selectionSet, root);
}

/** Runs `checkArguments` on every operation after validation and before execution. */
export function argumentLimitsPlugin<T extends object>(limits: ArgumentLimits): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkArguments(schema, document, operation, request.variables ?? {}, limits);
        },
      };
    },
  };
}
