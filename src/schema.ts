import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { GraphQLSchema, graphqlSync, isObjectType, lexicographicSortSchema, parse, printSchema } from "graphql";
import { buildSchema, createResolversMap } from "type-graphql";
import { scopeAuthChecker } from "./auth/auth-checker";
import { planReads } from "./common/prefetch";
import { guardFederationRoots, referenceResolvers } from "./federation";
import { resolvers } from "./modules";

/** The Federation v2 spec the subgraph links, and what it imports of it (only @key is used). */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])`;

/**
 * Builds the executable schema from the resolvers (code first: the code is the source of truth),
 * as an Apollo Federation v2 subgraph (src/federation.ts), with the reads of query operations
 * planned ahead (src/common/prefetch.ts).
 *
 * How (type-graphql's apollo-federation-2 example): type-graphql builds the schema, its SDL with
 * the @key directives becomes buildSubgraphSchema's type definitions, and type-graphql's resolvers
 * (auth checker and middleware included: they are inside its field resolvers), scalars, enum values
 * and type resolvers its resolver map. The planner then wraps the root fields of that schema, the
 * one that executes; `_entities` and `_service` are roots it cannot plan (an abstract type, no
 * registration), so an operation selecting them runs as unplanned operations do.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const typeGraphql = await buildSchema({
    resolvers,
    authChecker: scopeAuthChecker,
    validate: false,
  });
  const schema = buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphql)}`),
    resolvers: mergeReferences(createResolversMap(typeGraphql) as Record<string, object>) as never,
  });
  guardFederationRoots(schema);
  describeRootsAndFederation(schema);
  planReads(schema, resolvers);
  return schema;
}

/**
 * Descriptions type-graphql has no decorator for (the root types) and buildSubgraphSchema adds
 * without any (the federation types and fields): set on the built schema, so the schema a client
 * introspects documents them too. The subgraph SDL (`_service { sdl }`) is the type definitions,
 * so it is unchanged.
 */
function describeRootsAndFederation(schema: GraphQLSchema): void {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = "What can be read. Every field needs the clients:read scope unless it says otherwise";
  if (mutation) {
    mutation.description =
      "What can be changed. Most mutations take an idempotencyKey and may be a dryRun (see their arguments); a payload's error carries their expected failures";
  }
  const federation: Record<string, string> = {
    _Any: "Apollo Federation: an entity representation, an object with __typename and the fields of one of the type's @key",
    _Entity: "Apollo Federation: every type a router can look up by key with _entities",
    _Service: "Apollo Federation: the subgraph's own description",
  };
  for (const [name, description] of Object.entries(federation)) {
    const type = schema.getType(name);
    if (type) type.description = description;
  }
  const service = schema.getType("_Service");
  if (isObjectType(service)) service.getFields().sdl.description = "The subgraph SDL, with @link and every @key, as schema/subgraph.graphql (for composition)";
  const fields = query?.getFields() ?? {};
  if (fields._entities) {
    fields._entities.description = "Apollo Federation: the entities the representations name, in their order; null for one not found (or of another company)";
    const representations = fields._entities.args.find((arg) => arg.name === "representations");
    if (representations) representations.description = "Each a __typename and one @key's fields, e.g. { __typename: \"Client\", id: \"42\" }";
  }
  if (fields._service) fields._service.description = "Apollo Federation: the subgraph's SDL, for a router or rover";
}

/** type-graphql's resolvers of each entity type, with its `__resolveReference` added. */
function mergeReferences(map: Record<string, object>): Record<string, object> {
  const merged = { ...map };
  for (const [typeName, reference] of Object.entries(referenceResolvers())) merged[typeName] = { ...map[typeName], ...reference };
  return merged;
}

/** The definitions that are the subgraph's metadata for composition, not API: @link, @key and the other federation directives, and their types. */
const isFederationMetadata = (name: string) => /^(link__|federation__)/.test(name) || name === "link" || name === "key";

/**
 * The SDL written to schema/schema.graphql, the API as clients query it, sorted so that it only
 * changes when the schema does. `_entities` and `_service` are in it: they are executable fields
 * (a caller with clients:read may ask them as a router does). The federation directives and the
 * scalars and enums they take are not: they are metadata for composition, in schema/subgraph.graphql.
 */
export function printGatewaySchema(schema: GraphQLSchema): string {
  const config = schema.toConfig();
  const api = new GraphQLSchema({
    ...config,
    directives: config.directives.filter((directive) => !isFederationMetadata(directive.name)),
    types: config.types.filter((type) => !isFederationMetadata(type.name)),
  });
  return `${printSchema(lexicographicSortSchema(api))}\n`;
}

/**
 * The subgraph SDL written to schema/subgraph.graphql, to publish with Rover: what `_service { sdl }`
 * answers (@link, the federation directives' definitions, the @key of every entity), asked of the
 * schema itself so the file can't differ from it. No database: `_service` reads none (its
 * clients:read is the only thing it checks, and the operation is not planned: the plan is null).
 */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  const result = graphqlSync({ schema, source: "{ _service { sdl } }", contextValue: { plan: null, caller: { scopes: new Set(["clients:read"]) } } });
  const sdl = (result.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (typeof sdl !== "string") throw new Error(`_service { sdl } failed: ${JSON.stringify(result.errors)}`);
  return `${sdl.trimEnd()}\n`;
}
