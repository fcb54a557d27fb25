import "reflect-metadata";
import { loadConfig } from "./config";
import { openDatabase } from "./db/database";
import { buildGatewaySchema } from "./schema";
import { startGateway } from "./app";
import { signToken } from "./auth/jwt";
import { seedDemoIfEmpty } from "./db/seed/seed";

const log = (line: string) => console.log(`[gateway] ${line}`);

/** Boot: config -> database (+ migrations) -> demo data -> Apollo -> listen; stop on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, log, { ownSignalHandling: true });
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(database.dataSource, config.demoCompanyId);
    if (seeded > 0) log(`seeded demo tenant ${config.demoCompanyId} with ${seeded} clients`);
  }
  const schema = await buildGatewaySchema();
  const gateway = await startGateway({ config, dataSource: database.dataSource, schema, port: config.port });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining requests and stopping`);
    await gateway.stop();
    log("HTTP server stopped");
    await database.close();
    log("database closed");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  if (config.nodeEnv !== "production") {
    const token = await signToken(
      { subject: "developer", companies: [config.demoCompanyId], scopes: ["clients:read", "clients:write", "clients:pii"], expiresIn: "12h" },
      config.jwtSecret,
    );
    log(`GraphQL API ready at http://localhost:${gateway.port}/graphql (Apollo Sandbox there in a browser)`);
    log(`development token for company ${config.demoCompanyId} (12 h):\n${token}\n`);
    log(
      `try:\ncurl -s http://localhost:${gateway.port}/graphql -H 'content-type: application/json' \\\n` +
        `  -H "authorization: Bearer ${token}" -H 'x-company-id: ${config.demoCompanyId}' \\\n` +
        `  -d '{"query":"{ clients(first: 3) { totalCount nodes { id name orgNumber countryCode bankAccounts { iban } } } }"}'`,
    );
  } else {
    log(`GraphQL API ready on port ${gateway.port}`);
  }
}

main().catch((error: unknown) => {
  console.error("[gateway] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
