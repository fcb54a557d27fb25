import "reflect-metadata";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { scopeAuthChecker } from "./auth/auth-checker";
import { planReads } from "./common/prefetch";
import { resolvers } from "./modules";

/**
 * Builds the executable schema from the resolvers (code first: the code is the source of truth),
 * with the reads of query operations planned ahead (src/common/prefetch.ts).
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    authChecker: scopeAuthChecker,
    validate: false,
  });
  planReads(schema, resolvers);
  return schema;
}

/** The SDL written to schema/schema.graphql, sorted so that it only changes when the schema does. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
