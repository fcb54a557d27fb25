/**
 * GraphQL Code Generator for a consumer of the gateway (client preset): copy this file and point
 * `schema` at the gateway's /graphql (or at schema/schema.graphql). The `scalars` map is what makes
 * the generated types strong: without it every custom scalar is `unknown`. Run here with
 * `npx graphql-codegen --config examples/codegen.ts`; test/examples.test.ts fails when
 * examples/generated/ is stale.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

/** Each scalar as it travels in JSON (the wire value, not a parsed Date). */
export const GATEWAY_SCALARS = {
  Date: "string", // "2026-01-31"
  DateTime: "string", // "2026-01-31T12:00:00.000Z"
  Decimal: "string", // "12500.00": exact, never a float
  UUID: "string",
  EmailAddress: "string",
  URL: "string",
  CountryCode: "string", // ISO 3166-1 alpha-2, "SE"
  Currency: "string", // ISO 4217, "SEK"
  IBAN: "string",
  JSON: "unknown",
  PositiveInt: "number",
  NonNegativeInt: "number",
  _Any: "unknown", // Apollo Federation's _entities(representations:), for routers
} as const;

const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["examples/**/*.ts", "!examples/generated/**"],
  generates: {
    "examples/generated/": {
      preset: "client",
      config: {
        scalars: GATEWAY_SCALARS,
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
