import {
  DirectiveNode,
  DocumentNode,
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SchemaMetaFieldDef,
  SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  ValueNode,
  isEnumType,
  isInputObjectType,
  isIntrospectionType,
  isAbstractType,
} from "graphql";
import { fragmentsByName } from "./operation";
import type { ApolloServerPlugin } from "@apollo/server";
import type { QueryLimits } from "../config";
import { GatewayError, RequestErrorCode, withHttpStatus } from "../common/errors";

/** The size assumed for a list field without a `first` argument (a client's bank accounts, say). */
export const UNPAGED_LIST_ESTIMATE = 5;

/** What an operation asks for, its fragments expanded. */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  directives: number;
  /** A composite field costs 1 plus its selection's cost times its page size (`first`); a leaf costs 0. */
  cost: number;
}

const NOTHING: OperationMeasure = { depth: 0, aliases: 0, directives: 0, cost: 0 };

/**
 * The real sizes of the introspection lists of a schema (`__Schema.types` is every type, say), so
 * an introspection query is priced by what it returns like any other: `types { fields { type {
 * fields ... } } }` multiplies by the schema's own numbers, not by a guess of 5.
 */
function introspectionSizes(schema: GraphQLSchema): Map<string, number> {
  const types = Object.values(schema.getTypeMap());
  const average = (counts: number[]) => Math.max(1, Math.ceil(counts.reduce((sum, n) => sum + n, 0) / Math.max(1, counts.length)));
  const fielded = types.filter((t) => isObjectType(t) || isInterfaceType(t)) as { getFields(): Record<string, GraphQLField<unknown, unknown>> }[];
  const fields = fielded.flatMap((t) => Object.values(t.getFields()));
  const directives = schema.getDirectives();
  return new Map([
    ["__Schema.types", types.length],
    ["__Schema.directives", directives.length],
    ["__Type.fields", average(fielded.map((t) => Object.keys(t.getFields()).length))],
    ["__Type.inputFields", average(types.filter(isInputObjectType).map((t) => Object.keys(t.getFields()).length))],
    ["__Type.enumValues", average(types.filter(isEnumType).map((t) => t.getValues().length))],
    ["__Type.interfaces", average(types.filter(isObjectType).map((t) => t.getInterfaces().length))],
    ["__Type.possibleTypes", average(types.filter(isAbstractType).map((t) => schema.getPossibleTypes(t).length))],
    ["__Field.args", average(fields.map((f) => f.args.length))],
    ["__Directive.args", average(directives.map((d) => d.args.length))],
  ]);
}
const sizesBySchema = new WeakMap<GraphQLSchema, Map<string, number>>();

/**
 * Measures an operation statically: no resolver runs and no SQL. Fragments are measured once
 * each (validation has already refused cycles), so a document of nested spreads can't make this
 * exponential. Introspection fields and `__typename` count like any other field: in depth, aliases
 * and directives, and in cost with the schema's real list sizes. `__Type.ofType` alone adds no
 * depth: it unwraps a list or non-null (a few levels in any schema, then null), so the standard
 * introspection queries of GraphiQL, Apollo Sandbox and codegen, 15 deep with it, still pass.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): OperationMeasure {
  const fragments = fragmentsByName(document);
  const measuredFragments = new Map<string, OperationMeasure>();
  let introspection = sizesBySchema.get(schema);
  if (!introspection) sizesBySchema.set(schema, (introspection = introspectionSizes(schema)));
  const variableDefaults = new Map(
    (operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, d.defaultValue] as const),
  );

  const intValue = (node: ValueNode | undefined): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const name = node.name.value;
      // A variable sent, null included, is what the resolver gets: its default only when it isn't sent.
      if (name in variables) {
        const value = variables[name];
        return typeof value === "number" && Number.isInteger(value) ? value : undefined;
      }
      return intValue(variableDefaults.get(name) ?? undefined);
    }
    return undefined;
  };

  /**
   * How many times a field's selection is resolved: its `first` (or `last`), or an estimate for a
   * list. A connection's page size already counts its page, so its `nodes` and `edges` don't
   * multiply again.
   */
  const multiplier = (field: GraphQLField<unknown, unknown>, node: FieldNode, parent: GraphQLNamedType): number => {
    if (isIntrospectionType(parent)) return introspection.get(`${parent.name}.${field.name}`) ?? 1;
    const first = field.args.find((arg) => arg.name === "first");
    if (first) {
      const argument = (name: string) => intValue(node.arguments?.find((arg) => arg.name.value === name)?.value);
      // As the connections size a page (src/common/pagination/window.ts): `last` when given (a `first`
      // beside it is its default or refused), else `first`, else (not given, or null) its default.
      const given = argument("last") ?? argument("first");
      const fallback = typeof first.defaultValue === "number" ? first.defaultValue : UNPAGED_LIST_ESTIMATE;
      return Math.max(0, given ?? fallback);
    }
    if (parent.name.endsWith("Connection")) return 1;
    return isListType(getNullableType(field.type)) ? UNPAGED_LIST_ESTIMATE : 1;
  };

  const countDirectives = (directives: readonly DirectiveNode[] | undefined) => directives?.length ?? 0;

  const measureSelections = (selectionSet: SelectionSetNode, parent: GraphQLNamedType): OperationMeasure => {
    const total = { ...NOTHING };
    const add = (part: OperationMeasure) => {
      total.depth = Math.max(total.depth, part.depth);
      total.aliases += part.aliases;
      total.directives += part.directives;
      total.cost += part.cost;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(measureField(selection, parent));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        const inner = type ? measureSelections(selection.selectionSet, type) : NOTHING;
        add({ ...inner, directives: inner.directives + countDirectives(selection.directives) });
      } else {
        const name = selection.name.value;
        let measured = measuredFragments.get(name);
        if (!measured) {
          const fragment = fragments.get(name);
          const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
          measured = fragment && type ? measureSelections(fragment.selectionSet, type) : NOTHING;
          measured = { ...measured, directives: measured.directives + countDirectives(fragment?.directives) };
          measuredFragments.set(name, measured);
        }
        add({ ...measured, directives: measured.directives + countDirectives(selection.directives) });
      }
    }
    return total;
  };

  const measureField = (node: FieldNode, parent: GraphQLNamedType): OperationMeasure => {
    const name = node.name.value;
    const field =
      name === "__typename"
        ? TypeNameMetaFieldDef
        : name === "__schema" && parent === schema.getQueryType()
          ? SchemaMetaFieldDef
          : name === "__type" && parent === schema.getQueryType()
            ? TypeMetaFieldDef
            : isObjectType(parent) || isInterfaceType(parent)
              ? parent.getFields()[name]
              : undefined;
    const unwrap = name === "ofType" && parent.name === "__Type";
    const own = { depth: unwrap ? 0 : 1, aliases: node.alias ? 1 : 0, directives: countDirectives(node.directives), cost: 0 };
    if (!field) return own;
    const type = getNamedType(field.type);
    if (!isCompositeType(type) || !node.selectionSet) return own;
    const inner = measureSelections(node.selectionSet, type);
    return {
      depth: own.depth + inner.depth,
      aliases: own.aliases + inner.aliases,
      directives: own.directives + inner.directives,
      cost: (unwrap ? 0 : 1) + multiplier(field, node, parent) * inner.cost,
    };
  };

  const root = schema.getRootType(operation.operation);
  if (!root) return NOTHING;
  const measured = measureSelections(operation.selectionSet, root);
  return { ...measured, directives: measured.directives + countDirectives(operation.directives) };
}

/** The one refusal of every limit: in production it names no limit, so they can't be probed. */
export function queryTooComplex(production: boolean, detail?: string): GatewayError {
  const message = production || !detail ? "The query is too complex" : `The query is too complex: ${detail}`;
  return withHttpStatus(new GatewayError(RequestErrorCode.QUERY_TOO_COMPLEX, message), 400);
}

/**
 * Refuses an operation deeper, more aliased, more directed or costlier than `limits` after it
 * is parsed and validated and before it executes: no resolver runs, so no SQL.
 */
export function queryLimitsPlugin<T extends object>(limits: QueryLimits, production: boolean): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          // graphql-js validates `subscription { x }` against no type at all and fails only when
          // executing, without a code: the caller's mistake, said as one.
          const root = schema.getRootType(operation.operation);
          if (!root) {
            throw withHttpStatus(new GatewayError(RequestErrorCode.BAD_USER_INPUT, `This API has no ${operation.operation} operations`), 400);
          }
          const measured = measureOperation(schema, document, operation, request.variables ?? {});
          const exceeded = (
            [
              ["depth", measured.depth, limits.maxDepth],
              ["aliases", measured.aliases, limits.maxAliases],
              ["directives", measured.directives, limits.maxDirectives],
              ["cost", measured.cost, limits.maxCost],
            ] as const
          ).filter(([, value, max]) => value > max);
          if (exceeded.length > 0) {
            throw queryTooComplex(production, exceeded.map(([name, value, max]) => `${name} ${value} (at most ${max})`).join(", "));
          }
        },
      };
    },
  };
}
