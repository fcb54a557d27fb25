import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { buildGatewaySchema, printGatewaySchema, printSubgraphSdl } from "../src/schema";
import { APP_ROLE } from "../src/db/tenant-session";

const root = path.join(__dirname, "..");

describe("schema/schema.graphql", () => {
  it("is what the code emits (run `npm run schema` after a schema change)", async () => {
    const emitted = printGatewaySchema(await buildGatewaySchema());
    const committed = fs.readFileSync(path.join(root, "schema", "schema.graphql"), "utf8");
    expect(committed).toBe(emitted);
  });
});

describe("schema/subgraph.graphql", () => {
  it("is the subgraph SDL the code emits, with @link and the @key of every entity (run `npm run schema`)", async () => {
    const emitted = printSubgraphSdl(await buildGatewaySchema());
    const committed = fs.readFileSync(path.join(root, "schema", "subgraph.graphql"), "utf8");
    expect(committed).toBe(emitted);
    expect(committed).toContain(`@link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])`);
    expect(committed).toMatch(/type Client\s+@key\(fields: "id"\)\s+@key\(fields: "uniqueId"\)\s+@key\(fields: "countryCode orgNumber"\)/);
  });
});

describe("test/generated/graphql.ts", () => {
  it("is what GraphQL Code Generator makes of the schema and test/operations (run `npm run codegen`)", () => {
    const cli = path.join(root, "node_modules", "@graphql-codegen", "cli", "cjs", "bin.js");
    const result = spawnSync(process.execPath, [cli, "--config", "codegen.yml", "--check"], { cwd: root, encoding: "utf8" });
    expect({ status: result.status, output: result.status === 0 ? "" : `${result.stdout}${result.stderr}` }).toEqual({
      status: 0,
      output: "",
    });
  });
});

describe("migrations", () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createDataSource(process.env.TEST_DATABASE_URL!, { pool: { size: 2 } });
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it("leave no drift between the entities and the database (what migration:generate would write)", async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("are all applied", async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it("put every table with a tenant_id under row-level security with a policy, granted to the app role", async () => {
    const tables = (await dataSource.query(
      `SELECT c.relname AS table, c.relrowsecurity AS rls,
              (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::int AS policies,
              has_table_privilege($1, c.oid, 'SELECT') AS granted
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
         AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
       ORDER BY 1`,
      [APP_ROLE],
    )) as { table: string; rls: boolean; policies: number; granted: boolean }[];
    expect(tables.length).toBeGreaterThanOrEqual(17);
    expect(tables.filter((t) => !t.rls || t.policies !== 1 || !t.granted)).toEqual([]);
  });

  it("make the app role neither superuser, BYPASSRLS nor owner of any table", async () => {
    const [role] = (await dataSource.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`, [APP_ROLE])) as {
      rolsuper: boolean;
      rolbypassrls: boolean;
    }[];
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = (await dataSource.query(`SELECT tablename FROM pg_tables WHERE tableowner = $1`, [APP_ROLE])) as unknown[];
    expect(owned).toEqual([]);
  });
});
