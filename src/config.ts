import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { DEFAULT_QUEUE_LIMIT } from "./db/connection-gate";
import { MIN_IDEMPOTENCY_TTL_HOURS } from "./common/mutation/idempotency";
import { DEFAULT_VIES_URL } from "./integrations/vies/vies-client";
import { ArgumentLimits, DEFAULT_ARGUMENT_LIMITS } from "./http/argument-limits";
import type { DrainSettings } from "./http/drain";
import { parseCorsOrigins } from "./http/cors";
import { parseHttpCacheMaxAge } from "./http/http-cache";
import type { CompressionSettings } from "./http/compression";

/** Which IDE a browser gets at /graphql (GRAPHQL_IDE; src/http/ide.ts). */
export type GraphqlIde = "graphiql" | "sandbox" | "off";
const GRAPHQL_IDES: readonly GraphqlIde[] = ["graphiql", "sandbox", "off"];
import type { TracingSettings } from "./observability/tracing";

/** Every setting of the gateway, read once from the environment, with defaults. */
export interface Config {
  /** CORS_ORIGINS: exact origins a browser may call the API from with credentials; empty = none. */
  corsOrigins: string[];
  /** HTTP_CACHE_MAX_AGE: operation name -> seconds of `Cache-Control: private, max-age`. */
  httpCacheMaxAge: Map<string, number>;
  /** COMPRESSION (on/off) and COMPRESSION_THRESHOLD_BYTES: brotli/gzip of answers. */
  compression: CompressionSettings;
  /** HTTP port of the GraphQL endpoint. */
  port: number;
  /** An external PostgreSQL; without it an embedded server is started in `dataDir`. */
  databaseUrl: string | undefined;
  /** Read replicas of DATABASE_URL for query operations (src/db/replicas/read-replicas.ts). */
  readReplicas: ReadReplicaSettings;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  /** Port of the embedded PostgreSQL. */
  embeddedPgPort: number;
  /** HS256 secret of the callers' JWTs; null when only JWKS (RS256/ES256) tokens are accepted. */
  jwtSecret: string | null;
  /** The identity provider's JWKS URL for RS256/ES256 tokens; null accepts none. */
  jwksUrl: string | null;
  /** The `iss` and `aud` every token must carry, when set. */
  jwtIssuer: string | null;
  jwtAudience: string | null;
  /** The longest a token may live (exp - iat, or exp - now without iat); longer ones are refused. */
  jwtMaxLifetimeHours: number;
  /** Seals paging cursors: CURSOR_SECRET, else JWT_SECRET. */
  cursorSecret: string;
  nodeEnv: "development" | "production" | "test";
  /** Schema introspection (on outside production unless INTROSPECTION=false). */
  introspection: boolean;
  /**
   * What a browser gets at /graphql (GRAPHQL_IDE): GraphiQL served from the npm package, offline
   * (outside production), Apollo Sandbox from Apollo's CDN, or nothing (production).
   */
  graphqlIde: GraphqlIde;
  /** pino level of the logs. */
  logLevel: string;
  /** What a single operation may ask for; more is QUERY_TOO_COMPLEX before any SQL runs. */
  limits: QueryLimits;
  /** Connections to PostgreSQL. */
  pool: PoolSettings;
  /**
   * Apply pending migrations when the process starts (MIGRATE_ON_START, default on), under the
   * database's startup lock; off, a start with migrations pending fails, naming `npm run migrate`.
   */
  migrateOnStart: boolean;
  /**
   * Worker processes of one `npm start` (WEB_CONCURRENCY: a number, or `auto` for one per core;
   * default 1, no cluster): Node's cluster, the workers sharing the port, the primary owning the
   * migrations, the seed and an embedded PostgreSQL.
   */
  webConcurrency: number;
  /**
   * Connections of all workers together (DB_POOL_TOTAL): each worker's pool is this divided by
   * the workers (at least 2). Unset: each worker has DB_POOL_SIZE.
   */
  poolTotal: number | null;
  /** Seed the demo tenant when the database holds no client yet. */
  seedDemo: boolean;
  /** Tenant (company id) that the demo data goes to. */
  demoCompanyId: string;
  /**
   * Start the simulated CRM and invoicing system on loopback ports and register them as the demo
   * tenant's source systems (src/sources/demo/): on by default when seedDemo is, outside production.
   */
  demoSources: boolean;
  /** The VIES check-vat-number endpoint; null (VIES_URL set empty) turns VAT checks off. */
  viesUrl: string | null;
  /** How long a VIES check may take before the VAT number is left unvalidated. */
  viesTimeoutMs: number;
  /** How long idempotency keys are kept, at least 24 hours. */
  idempotencyTtlHours: number;
  /** How often expired idempotency keys are deleted (and the change feed's expired changes). */
  idempotencyPurgeIntervalMs: number;
  /** How many days the change feed keeps a change (CHANGE_FEED_RETENTION_DAYS); an older cursor is refused. */
  changeFeedRetentionDays: number;
  /** CHANGE_FEED=off: writes fill no change feed. Only to measure what the feed costs: consumers and webhooks then miss those changes. */
  changeFeedEnabled: boolean;
  /** How often the clients callers opened are written (clientsSummary.latestOpened). */
  openedClientsFlushMs: number;
  /** How SIGTERM drains the HTTP connections (src/http/drain.ts). */
  shutdown: DrainSettings;
  /** The job queue (src/sync/jobs.ts): source syncs run as jobs on the gateway's PostgreSQL. */
  jobs: JobSettings;
  /** AES-256-GCM key of the source systems' credentials (src/sources/credentials.ts): 32 bytes. */
  sourceCredentialsKey: Buffer;
  /** Webhooks (src/modules/webhook): where they may go, how long an attempt waits, the retries. */
  webhooks: WebhookSettings;
  /** Prometheus metrics at GET /metrics (src/observability/metrics.ts). */
  metrics: MetricsSettings;
  /** OpenTelemetry tracing (src/observability/tracing.ts): off unless an OTLP endpoint is set. */
  tracing: TracingSettings;
}

export interface MetricsSettings {
  /** METRICS_ENABLED: on by default outside production, and in production when METRICS_TOKEN is set. */
  enabled: boolean;
  /** METRICS_TOKEN: when set, /metrics answers only `Authorization: Bearer <token>`; required in production. */
  token: string | null;
}

export interface WebhookSettings {
  /** Loopback, link-local and private addresses allowed (WEBHOOK_ALLOW_PRIVATE; on outside production). */
  allowPrivate: boolean;
  /** Host names allowed whatever they resolve to (WEBHOOK_ALLOWED_HOSTS, comma-separated). */
  allowedHosts: ReadonlySet<string>;
  /** One attempt's timeout (WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
  /** The first retry's delay (WEBHOOK_RETRY_FIRST_MS), doubling up to WEBHOOK_RETRY_MAX_MS. */
  retryFirstMs: number;
  retryMaxMs: number;
  /** How long a subscription may fail without a success before it is disabled (WEBHOOK_GIVE_UP_MS). */
  giveUpMs: number;
  /** How often the worker fans out new changes and sends what is due (WEBHOOK_POLL_MS). */
  pollMs: number;
  /** Deliveries one process sends at once (WEBHOOK_CONCURRENCY). */
  concurrency: number;
}

export interface JobSettings {
  /** Start the queue's workers and maintenance with the gateway (JOBS_ENABLED). */
  enabled: boolean;
  /** Jobs one process runs at once (JOBS_CONCURRENCY). */
  concurrency: number;
  /** On SIGTERM, how long running jobs may take to finish before they are failed (and retried). */
  stopTimeoutMs: number;
  /** How often the dispatcher hands queued runs over and queues scheduled ones (SYNC_DISPATCH_INTERVAL_MS). */
  dispatchIntervalMs: number;
  /** How often a running sync writes its heartbeat (SYNC_HEARTBEAT_MS). */
  heartbeatMs: number;
  /** A running sync whose heartbeat is older than this is resumed by a retry (SYNC_STALE_AFTER_MS); above the heartbeat. */
  staleAfterMs: number;
  /** Seconds before a failed sync's first retry, doubled for each later one (SYNC_RETRY_DELAY_SECONDS). */
  retryDelaySeconds: number;
  /** Retries of a failed sync (SYNC_RETRY_LIMIT). */
  retryLimit: number;
}

export interface QueryLimits {
  /** Characters of the query text. */
  maxQueryLength: number;
  /** Lexical tokens of the query (graphql-js stops parsing beyond). */
  maxTokens: number;
  /** Nesting of fields, fragments expanded. */
  maxDepth: number;
  /** Aliased fields in the operation. */
  maxAliases: number;
  /** Directives in the operation. */
  maxDirectives: number;
  /** Estimated cost: a field costs 1, a list field multiplies its selection by its `first`. */
  maxCost: number;
  /** Lengths of string arguments (search, filters, ids, cursors) and filter lists. */
  arguments: ArgumentLimits;
}

export interface PoolSettings {
  /** Connections per server process. */
  size: number;
  /**
   * Connections go through PgBouncer in transaction mode (DB_PGBOUNCER=true): no startup
   * parameters but those it tracks; statement_timeout and idle_in_transaction_session_timeout
   * are then only the transactions' own (every tenant and write transaction sets them).
   */
  pgbouncer?: boolean;
  /**
   * How long opening a connection may take (and waiting for one outside the gate) before it fails
   * with SERVICE_UNAVAILABLE: an unreachable database is reported this fast.
   */
  connectionTimeoutMs: number;
  /** How long a request may wait in the gate's queue for its turn on the pool (DB_QUEUE_TIMEOUT_MS). */
  queueTimeoutMs: number;
  /** Requests one tenant may have waiting for the pool; more are refused at once (DB_QUEUE_LIMIT). */
  queueLimit: number;
  /** PostgreSQL cancels a statement running longer (statement_timeout). */
  statementTimeoutMs: number;
  /**
   * Connections no single tenant may take, kept for the others (default a quarter of the pool, at
   * least 1): one tenant flooding the server can't starve the rest (src/db/connection-gate.ts).
   */
  reservedForOthers?: number;
}

export interface ReadReplicaSettings {
  /** DATABASE_READ_URL: PostgreSQL URLs, comma-separated; empty: every read goes to the primary. */
  urls: string[];
  /** DATABASE_READ_RETRY_MS: how long a replica that failed is left out before it is tried again. */
  retryMs: number;
}

/** DATABASE_READ_URL: one or more postgres:// URLs, comma-separated (a message names an entry by its place, never its text: it may hold a password). */
export function parseReadUrls(raw: string | undefined): string[] {
  const urls = (raw ?? "").split(",").map((url) => url.trim()).filter((url) => url !== "");
  urls.forEach((url, index) => {
    if (!URL.canParse(url) || !/^postgres(ql)?:$/.test(new URL(url).protocol)) {
      throw new Error(`DATABASE_READ_URL: entry ${index + 1} is not a postgres:// URL (the list is comma-separated)`);
    }
  });
  return urls;
}

/** The pool when nothing is configured (the server, scripts and tests alike). */
export const DEFAULT_POOL: PoolSettings = {
  size: 20,
  connectionTimeoutMs: 3_000,
  queueTimeoutMs: 60_000,
  queueLimit: DEFAULT_QUEUE_LIMIT,
  statementTimeoutMs: 15_000,
};

/**
 * DEVELOPMENT ONLY, public: the credentials key used when SOURCE_CREDENTIALS_KEY is unset outside
 * production (32 bytes derived from a fixed text). Credentials encrypted with it are not secret;
 * production refuses to start without its own key.
 */
export const DEVELOPMENT_SOURCE_CREDENTIALS_KEY = createHash("sha256").update("client-data-gateway development credentials key").digest();

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

function flagFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "true" || raw === "false") return raw === "true";
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

function urlFrom(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (!raw) return null;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) throw new Error(`${name} must be an http(s) URL`);
  return raw;
}

/** SOURCE_CREDENTIALS_KEY: 32 bytes as 64 hex digits or as base64 (44 characters with padding). */
export function parseCredentialsKey(raw: string): Buffer {
  const text = raw.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, "hex");
  else if (/^[A-Za-z0-9+/]{43}=?$/.test(text) || /^[A-Za-z0-9_-]{43}$/.test(text)) key = Buffer.from(text, text.includes("-") || text.includes("_") ? "base64url" : "base64");
  if (!key || key.length !== 32) throw new Error("SOURCE_CREDENTIALS_KEY must be 32 bytes, as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)");
  return key;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function levelFrom(env: NodeJS.ProcessEnv): string {
  const raw = env.LOG_LEVEL || "info";
  if (!LOG_LEVELS.includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  return raw;
}

function ideFrom(env: NodeJS.ProcessEnv, production: boolean): GraphqlIde {
  if (env.LANDING_PAGE) throw new Error("LANDING_PAGE is replaced by GRAPHQL_IDE: graphiql, sandbox or off");
  const raw = env.GRAPHQL_IDE || (production ? "off" : "graphiql");
  if (!(GRAPHQL_IDES as readonly string[]).includes(raw)) throw new Error(`GRAPHQL_IDE must be one of ${GRAPHQL_IDES.join(", ")}, got "${raw}"`);
  return raw as GraphqlIde;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // A misspelt NODE_ENV must not quietly run as development, with its public secret.
  const nodeEnv = env.NODE_ENV || "development";
  if (nodeEnv !== "development" && nodeEnv !== "production" && nodeEnv !== "test") {
    throw new Error(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const production = nodeEnv === "production";
  const jwksUrl = urlFrom(env, "JWT_JWKS_URL");
  // Outside production a development secret stands in, unless only JWKS tokens are configured.
  const jwtSecret = env.JWT_SECRET || (production || jwksUrl ? null : DEVELOPMENT_JWT_SECRET);
  if (jwtSecret !== null && jwtSecret.length < 32) throw new Error("JWT_SECRET must be at least 32 characters");
  if (jwtSecret === null && jwksUrl === null) {
    throw new Error("Set JWT_SECRET (HS256, at least 32 characters) or JWT_JWKS_URL (RS256/ES256) in production");
  }
  const cursorSecret = env.CURSOR_SECRET || jwtSecret || (production ? "" : DEVELOPMENT_JWT_SECRET);
  if (cursorSecret.length < 32) throw new Error("CURSOR_SECRET must be set to at least 32 characters when JWT_SECRET is not");
  const credentialsKey = env.SOURCE_CREDENTIALS_KEY ? parseCredentialsKey(env.SOURCE_CREDENTIALS_KEY) : production ? null : DEVELOPMENT_SOURCE_CREDENTIALS_KEY;
  if (credentialsKey === null) throw new Error("Set SOURCE_CREDENTIALS_KEY (32 bytes, hex or base64) in production: it encrypts the source systems' credentials");
  if (production && credentialsKey.equals(DEVELOPMENT_SOURCE_CREDENTIALS_KEY)) {
    throw new Error("SOURCE_CREDENTIALS_KEY is the public development key: set a key of your own in production (`openssl rand -base64 32`)");
  }
  const seedDemo = flagFrom(env, "SEED_DEMO", !production);
  const readUrls = parseReadUrls(env.DATABASE_READ_URL);
  // A replica of the embedded server would be a second embedded server: nothing runs one.
  if (readUrls.length > 0 && !env.DATABASE_URL) throw new Error("DATABASE_READ_URL needs DATABASE_URL: replicas are of an external primary");
  const webConcurrency = env.WEB_CONCURRENCY?.trim() === "auto" ? os.availableParallelism() : intFrom(env, "WEB_CONCURRENCY", 1, 1, 256);
  const poolTotal = env.DB_POOL_TOTAL ? intFrom(env, "DB_POOL_TOTAL", 0, 2, 100_000) : null;
  const heartbeatMs = intFrom(env, "SYNC_HEARTBEAT_MS", 15_000, 100, 600_000);
  const staleAfterMs = intFrom(env, "SYNC_STALE_AFTER_MS", 60_000, 1_000, 3_600_000);
  // A live worker misses a beat or two under load; only a silence of several beats means it is gone.
  if (staleAfterMs < 3 * heartbeatMs) throw new Error("SYNC_STALE_AFTER_MS must be at least three times SYNC_HEARTBEAT_MS");
  const metricsToken = env.METRICS_TOKEN || null;
  if (metricsToken !== null && metricsToken.length < 16) throw new Error("METRICS_TOKEN must be at least 16 characters");
  const metricsEnabled = flagFrom(env, "METRICS_ENABLED", !production || metricsToken !== null);
  // Operation names and volumes are not for the public: production serves them to a token holder only.
  if (production && metricsEnabled && metricsToken === null) throw new Error("Set METRICS_TOKEN to serve /metrics in production (or METRICS_ENABLED=false)");
  // The standard OTLP variables: a traces URL as it is, or a base endpoint with /v1/traces appended.
  const otlpEndpoint = urlFrom(env, "OTEL_EXPORTER_OTLP_ENDPOINT");
  const tracesUrl = urlFrom(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") ?? (otlpEndpoint ? `${otlpEndpoint.replace(/\/+$/, "")}/v1/traces` : "http://localhost:4318/v1/traces");
  const tracingEnabled = flagFrom(env, "TRACING_ENABLED", otlpEndpoint !== null || !!env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  return {
    tracing: { enabled: tracingEnabled, tracesUrl, serviceName: env.OTEL_SERVICE_NAME || "client-data-gateway" },
    metrics: { enabled: metricsEnabled, token: metricsToken },
    port: intFrom(env, "PORT", 4000),
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS),
    httpCacheMaxAge: parseHttpCacheMaxAge(env.HTTP_CACHE_MAX_AGE),
    compression: {
      enabled: flagFrom(env, "COMPRESSION", true),
      thresholdBytes: intFrom(env, "COMPRESSION_THRESHOLD_BYTES", 1024, 0, 10_000_000),
    },
    webhooks: {
      allowPrivate: flagFrom(env, "WEBHOOK_ALLOW_PRIVATE", !production),
      allowedHosts: new Set((env.WEBHOOK_ALLOWED_HOSTS ?? "").split(",").map((host) => host.trim().toLowerCase()).filter(Boolean)),
      timeoutMs: intFrom(env, "WEBHOOK_TIMEOUT_MS", 10_000, 100, 120_000),
      retryFirstMs: intFrom(env, "WEBHOOK_RETRY_FIRST_MS", 30_000, 10, 60_000),
      retryMaxMs: intFrom(env, "WEBHOOK_RETRY_MAX_MS", 3_600_000, 10, 86_400_000),
      giveUpMs: intFrom(env, "WEBHOOK_GIVE_UP_MS", 86_400_000, 100, 7 * 86_400_000),
      pollMs: intFrom(env, "WEBHOOK_POLL_MS", 1_000, 10, 60_000),
      concurrency: intFrom(env, "WEBHOOK_CONCURRENCY", 8, 1, 100),
    },
    databaseUrl: env.DATABASE_URL || undefined,
    readReplicas: { urls: readUrls, retryMs: intFrom(env, "DATABASE_READ_RETRY_MS", 5_000, 100, 3_600_000) },
    dataDir: path.resolve(env.DATA_DIR || "./.data"),
    embeddedPgPort: intFrom(env, "EMBEDDED_PG_PORT", 5439),
    jwtSecret,
    jwksUrl,
    jwtIssuer: env.JWT_ISSUER || null,
    jwtAudience: env.JWT_AUDIENCE || null,
    jwtMaxLifetimeHours: intFrom(env, "JWT_MAX_LIFETIME_HOURS", 24, 1, 24 * 365),
    cursorSecret,
    nodeEnv,
    introspection: flagFrom(env, "INTROSPECTION", !production),
    graphqlIde: ideFrom(env, production),
    logLevel: levelFrom(env),
    limits: {
      maxQueryLength: intFrom(env, "MAX_QUERY_LENGTH", 20_000, 100, 1_000_000),
      maxTokens: intFrom(env, "MAX_QUERY_TOKENS", 2_000, 50, 100_000),
      maxDepth: intFrom(env, "MAX_QUERY_DEPTH", 10, 2, 100),
      maxAliases: intFrom(env, "MAX_QUERY_ALIASES", 15, 0, 1_000),
      maxDirectives: intFrom(env, "MAX_QUERY_DIRECTIVES", 20, 0, 1_000),
      maxCost: intFrom(env, "MAX_QUERY_COST", 10_000, 10, 1_000_000),
      arguments: {
        maxFilterLength: intFrom(env, "MAX_FILTER_LENGTH", DEFAULT_ARGUMENT_LIMITS.maxFilterLength, 10, 10_000),
        maxFilterItems: intFrom(env, "MAX_FILTER_ITEMS", DEFAULT_ARGUMENT_LIMITS.maxFilterItems, 1, 10_000),
        maxArgumentLength: intFrom(env, "MAX_ARGUMENT_LENGTH", DEFAULT_ARGUMENT_LIMITS.maxArgumentLength, 100, 100_000),
      },
    },
    pool: {
      // One process (WEB_CONCURRENCY 1) with DB_POOL_TOTAL has all of it; a cluster's workers get their share as DB_POOL_SIZE.
      size: poolTotal !== null && webConcurrency === 1 ? intFrom(env, "DB_POOL_TOTAL", DEFAULT_POOL.size, 1, 1_000) : intFrom(env, "DB_POOL_SIZE", DEFAULT_POOL.size, 1, 1_000),
      pgbouncer: flagFrom(env, "DB_PGBOUNCER", false),
      connectionTimeoutMs: intFrom(env, "DB_CONNECTION_TIMEOUT_MS", DEFAULT_POOL.connectionTimeoutMs, 100, 120_000),
      queueTimeoutMs: intFrom(env, "DB_QUEUE_TIMEOUT_MS", DEFAULT_POOL.queueTimeoutMs, 100, 600_000),
      queueLimit: intFrom(env, "DB_QUEUE_LIMIT", DEFAULT_POOL.queueLimit, 1, 1_000_000),
      statementTimeoutMs: intFrom(env, "DB_STATEMENT_TIMEOUT_MS", DEFAULT_POOL.statementTimeoutMs, 100, 3_600_000),
      reservedForOthers: env.DB_POOL_RESERVED ? intFrom(env, "DB_POOL_RESERVED", 0, 0, 1_000) : undefined,
    },
    migrateOnStart: flagFrom(env, "MIGRATE_ON_START", true),
    webConcurrency,
    poolTotal,
    // Never demo data into a production database unless asked for.
    seedDemo,
    demoSources: flagFrom(env, "DEMO_SOURCES", seedDemo && !production),
    demoCompanyId: env.DEMO_COMPANY_ID || "1",
    viesUrl: env.VIES_URL === undefined ? DEFAULT_VIES_URL : env.VIES_URL || null,
    viesTimeoutMs: intFrom(env, "VIES_TIMEOUT_MS", 3000, 1, 60_000),
    idempotencyTtlHours: intFrom(env, "IDEMPOTENCY_TTL_HOURS", MIN_IDEMPOTENCY_TTL_HOURS, MIN_IDEMPOTENCY_TTL_HOURS, 24 * 365),
    idempotencyPurgeIntervalMs: intFrom(env, "IDEMPOTENCY_PURGE_INTERVAL_MINUTES", 60, 1, 24 * 60) * 60_000,
    changeFeedRetentionDays: intFrom(env, "CHANGE_FEED_RETENTION_DAYS", 30, 1, 3650),
    changeFeedEnabled: env.CHANGE_FEED !== "off",
    openedClientsFlushMs: intFrom(env, "OPENED_CLIENTS_FLUSH_MS", 1000, 50, 60_000),
    shutdown: {
      idleGraceMs: intFrom(env, "SHUTDOWN_IDLE_GRACE_MS", 1000, 0, 60_000),
      timeoutMs: intFrom(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 100, 600_000),
    },
    jobs: {
      enabled: flagFrom(env, "JOBS_ENABLED", true),
      concurrency: intFrom(env, "JOBS_CONCURRENCY", 2, 1, 100),
      stopTimeoutMs: intFrom(env, "JOBS_STOP_TIMEOUT_MS", 20_000, 1_000, 600_000),
      dispatchIntervalMs: intFrom(env, "SYNC_DISPATCH_INTERVAL_MS", 5_000, 100, 3_600_000),
      heartbeatMs,
      staleAfterMs,
      retryDelaySeconds: intFrom(env, "SYNC_RETRY_DELAY_SECONDS", 30, 1, 3_600),
      retryLimit: intFrom(env, "SYNC_RETRY_LIMIT", 5, 0, 100),
    },
    sourceCredentialsKey: credentialsKey,
  };
}
