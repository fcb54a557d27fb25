/**
 * Writes schema/schema.graphql (the API schema) and schema/subgraph.graphql (the Federation v2
 * subgraph SDL, for `rover subgraph publish`) from the code: npm run schema. A test fails when
 * either is stale.
 */
import fs from "node:fs";
import path from "node:path";
import { parseOptions } from "./cli";
import { buildGatewaySchema, printGatewaySchema, printSubgraphSdl } from "../src/schema";

export const SCHEMA_FILE = path.join(__dirname, "..", "schema", "schema.graphql");
export const SUBGRAPH_FILE = path.join(__dirname, "..", "schema", "subgraph.graphql");

const USAGE = `
Usage: npm run schema
Writes schema/schema.graphql and schema/subgraph.graphql from the code (a test fails when either is stale).
`;
if (require.main === module) parseOptions(process.argv.slice(2), USAGE, []);

buildGatewaySchema()
  .then((schema) => {
    fs.writeFileSync(SCHEMA_FILE, printGatewaySchema(schema));
    fs.writeFileSync(SUBGRAPH_FILE, printSubgraphSdl(schema));
    for (const file of [SCHEMA_FILE, SUBGRAPH_FILE]) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
