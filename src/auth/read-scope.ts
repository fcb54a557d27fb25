import type { ApolloServerPlugin } from "@apollo/server";
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { forbidden, withHttpStatus } from "../common/errors";
import type { RequestContext } from "../context";
import { fragmentsByName } from "../http/operation";

/**
 * What a mutation answers about the write itself: readable with clients:write alone (a bulk
 * create's `summary` counts the caller's own inputs by outcome). Not a preview: an update's
 * preview is the stored record with the patch applied.
 */
const OUTCOME_TYPE = /(Payload|Result)$|^(Mutation|MutationError|FieldFailure|BulkSummary)$/;
export const isOutcomeType = (typeName: string): boolean => OUTCOME_TYPE.test(typeName);
/** Of a record, a caller without clients:read may see what identifies it, and no more. */
const IDENTIFYING_FIELDS = new Set(["id", "uniqueId", "updatedAt", "__typename"]);

/** The fragments an operation uses, directly or through other fragments. */
function usedFragments(document: DocumentNode, operation: OperationDefinitionNode): FragmentDefinitionNode[] {
  const byName = fragmentsByName(document);
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = byName.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(operation);
  return [...used.values()];
}

/** The first field of `operation` that reads a record's data rather than the write's outcome. */
export function firstDataField(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string | undefined {
  let found: string | undefined;
  for (const node of [operation, ...usedFragments(document, operation)]) {
    const typeInfo = new TypeInfo(schema);
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const parent = typeInfo.getParentType();
          if (found || !parent || isOutcomeType(parent.name) || IDENTIFYING_FIELDS.has(field.name.value)) return;
          found = `${parent.name}.${field.name.value}`;
        },
      }),
    );
    if (found) return found;
  }
  return undefined;
}

/**
 * clients:write lets a caller change clients, not read them: a mutation's payload answers such a
 * caller its outcome (error, preview, ids), but a record's data (the client a payload returns, its
 * relations) needs clients:read as a query would. Checked before the mutation runs.
 */
export function readScopePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (!operation || operation.operation !== "mutation" || contextValue.caller.scopes.has("clients:read")) return;
          const field = firstDataField(schema, document, operation);
          if (field) {
            throw withHttpStatus(forbidden(`Reading ${field} needs the scope clients:read`), 403);
          }
        },
      };
    },
  };
}
