import "reflect-metadata";
import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { scopeAuthChecker } from "./auth/auth-checker";
import { resolvers } from "./modules";

/** Builds the executable schema from the resolvers (code first: the code is the source of truth). */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker: scopeAuthChecker,
    validate: false,
  });
}

/** The SDL written to schema/schema.graphql, sorted so that it only changes when the schema does. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
