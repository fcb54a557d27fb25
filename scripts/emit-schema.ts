/** Writes schema/schema.graphql from the code: npm run schema. A test fails when the file is stale. */
import fs from "node:fs";
import path from "node:path";
import { buildGatewaySchema, printGatewaySchema } from "../src/schema";

export const SCHEMA_FILE = path.join(__dirname, "..", "schema", "schema.graphql");

buildGatewaySchema()
  .then((schema) => {
    fs.writeFileSync(SCHEMA_FILE, printGatewaySchema(schema));
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
