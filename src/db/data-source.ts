import "reflect-metadata";
import path from "node:path";
import { DataSource } from "typeorm";
import { entities } from "../modules";
import { SnakeNamingStrategy } from "./naming-strategy";
import { StatementCountingLogger } from "./statement-counter";

export const MIGRATIONS_GLOB = path.join(__dirname, "..", "..", "migrations", "*.{ts,js}");

/** The gateway's TypeORM data source. `synchronize` is never on: migrations own the schema. */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    entities,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: "typeorm_migrations",
    migrationsTransactionMode: "each",
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: "pgcrypto",
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new StatementCountingLogger(),
    logging: true,
    extra: {
      max: options.poolSize ?? 20,
      application_name: options.applicationName ?? "client-data-gateway",
      connectionTimeoutMillis: 10_000,
    },
  });
}
