import path from "node:path";
import { MIN_IDEMPOTENCY_TTL_HOURS } from "./common/mutation/idempotency";
import { DEFAULT_VIES_URL } from "./integrations/vies/vies-client";

/** Every setting of the gateway, read once from the environment, with defaults. */
export interface Config {
  /** HTTP port of the GraphQL endpoint. */
  port: number;
  /** An external PostgreSQL; without it an embedded server is started in `dataDir`. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  /** Port of the embedded PostgreSQL. */
  embeddedPgPort: number;
  /** HS256 secret that signs the callers' JWTs. */
  jwtSecret: string;
  nodeEnv: "development" | "production" | "test";
  /** Seed the demo tenant when the database holds no client yet. */
  seedDemo: boolean;
  /** Tenant (company id) that the demo data goes to. */
  demoCompanyId: string;
  /** The VIES check-vat-number endpoint; null (VIES_URL set empty) turns VAT checks off. */
  viesUrl: string | null;
  /** How long a VIES check may take before the VAT number is left unvalidated. */
  viesTimeoutMs: number;
  /** How long idempotency keys are kept, at least 24 hours. */
  idempotencyTtlHours: number;
  /** How often expired idempotency keys are deleted. */
  idempotencyPurgeIntervalMs: number;
  /** How often the clients callers opened are written (clientsSummary.latestOpened). */
  openedClientsFlushMs: number;
}

/** The secret used when JWT_SECRET is unset outside production: fine for a laptop, refused in production. */
export const DEVELOPMENT_JWT_SECRET = "development-secret-change-me-0123456789";

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = 65535): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === "production" || env.NODE_ENV === "test" ? env.NODE_ENV : "development";
  const jwtSecret = env.JWT_SECRET ?? (nodeEnv === "production" ? "" : DEVELOPMENT_JWT_SECRET);
  if (jwtSecret.length < 32) {
    throw new Error("JWT_SECRET must be set to at least 32 characters" + (nodeEnv === "production" ? " in production" : ""));
  }
  return {
    port: intFrom(env, "PORT", 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || "./.data"),
    embeddedPgPort: intFrom(env, "EMBEDDED_PG_PORT", 5439),
    jwtSecret,
    nodeEnv,
    seedDemo: env.SEED_DEMO !== "false",
    demoCompanyId: env.DEMO_COMPANY_ID || "1",
    viesUrl: env.VIES_URL === undefined ? DEFAULT_VIES_URL : env.VIES_URL || null,
    viesTimeoutMs: intFrom(env, "VIES_TIMEOUT_MS", 3000, 1, 60_000),
    idempotencyTtlHours: intFrom(env, "IDEMPOTENCY_TTL_HOURS", MIN_IDEMPOTENCY_TTL_HOURS, MIN_IDEMPOTENCY_TTL_HOURS, 24 * 365),
    idempotencyPurgeIntervalMs: intFrom(env, "IDEMPOTENCY_PURGE_INTERVAL_MINUTES", 60, 1, 24 * 60) * 60_000,
    openedClientsFlushMs: intFrom(env, "OPENED_CLIENTS_FLUSH_MS", 1000, 50, 60_000),
  };
}
