import { randomUUID } from "node:crypto";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { GraphQLSchema, print } from "graphql";
import type { DataSource } from "typeorm";
import { RequestSummary, startGateway, Gateway, GatewayOptions } from "../../src/app";
import { signToken } from "../../src/auth/jwt";
import { loadConfig, Config } from "../../src/config";
import { createDataSource } from "../../src/db/data-source";
import { buildGatewaySchema } from "../../src/schema";
import { FakeVies, startFakeVies } from "./fake-vies";
import { createLogger } from "../../src/common/log";
import type { SyncControl } from "../../src/sync/runs";

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface CallOptions {
  tenant?: string;
  scopes?: string[];
  companies?: string[];
  /** The token's subject (default "test-user"). */
  subject?: string;
  /** A raw Authorization header value, replacing the generated token ("" sends none). */
  authorization?: string;
}

export interface StartOptions {
  viesTimeoutMs?: number;
  poolSize?: number;
  /** Another database than the shared test database (migrated by the caller). */
  databaseUrl?: string;
  /** Settings as environment variables (JWT_JWKS_URL, MAX_QUERY_DEPTH, NODE_ENV, ...). */
  env?: Record<string, string>;
  /** Another schema than the gateway's (a test's instrumented one). */
  schema?: GraphQLSchema;
  /** The sync machinery startSync nudges (default: the gateway's no-op). */
  sync?: SyncControl;
  /** The job queue async custom actions go to (default: none). */
  actions?: GatewayOptions["actions"];
  /** The headers GraphiQL opens with (as server.ts passes its development token). */
  ideHeaders?: GatewayOptions["ideHeaders"];
}

/** The real server on a free port, against the test database, with a record of its requests. */
export class TestGateway {
  private constructor(
    readonly config: Config,
    readonly dataSource: DataSource,
    private readonly gateway: Gateway,
    /** Every completed request, in order: statement counts, error codes. */
    readonly requests: RequestSummary[],
    /** The local fake of VIES the gateway checks VAT numbers with (every number valid by default). */
    readonly vies: FakeVies,
    /** Every log line the gateway wrote (debug level, so variables are logged too), as written. */
    readonly logLines: string[],
  ) {}

  static async start(options: StartOptions = {}): Promise<TestGateway> {
    const url = options.databaseUrl ?? process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is unset: run the tests with jest (test/global-setup.ts)");
    const vies = await startFakeVies();
    // Defaults, not the shell's environment, plus what the test sets.
    const config = loadConfig({
      NODE_ENV: "test",
      DATABASE_URL: url,
      VIES_URL: vies.url,
      VIES_TIMEOUT_MS: String(options.viesTimeoutMs ?? 2000),
      // Opened clients are written when a test calls flushOpenedClients(), not by the timer mid-test.
      OPENED_CLIENTS_FLUSH_MS: "60000",
      DB_POOL_SIZE: String(options.poolSize ?? 10),
      // Nothing is sent while a test gateway stops: its idle connections needn't wait for a last request.
      SHUTDOWN_IDLE_GRACE_MS: "0",
      ...options.env,
    });
    // Its own application_name, so a test can tell this gateway's connections from other suites'.
    const applicationName = `cdg-test-${randomUUID().slice(0, 8)}`;
    const dataSource = createDataSource(url, { pool: config.pool, applicationName });
    await dataSource.initialize();
    const requests: RequestSummary[] = [];
    const logLines: string[] = [];
    const logger = createLogger("debug", { write: (line: string) => void logLines.push(line) });
    const gateway = await startGateway({
      logger,
      config,
      dataSource,
      schema: options.schema ?? (await buildGatewaySchema()),
      port: 0,
      host: "127.0.0.1",
      onRequestComplete: (summary) => requests.push(summary),
      sync: options.sync,
      actions: options.actions,
      ideHeaders: options.ideHeaders,
    });
    return new TestGateway(config, dataSource, gateway, requests, vies, logLines);
  }

  /** The application_name of this gateway's database connections (pg_stat_activity). */
  get applicationName(): string {
    return (this.dataSource.options.extra as { application_name: string }).application_name;
  }

  /** The GraphQL endpoint's URL. */
  get url(): string {
    return this.gateway.url;
  }

  /** Writes the clients callers opened now, as the server's timer would (clientsSummary.latestOpened). */
  flushOpenedClients(): Promise<void> {
    return this.gateway.flushOpenedClients();
  }

  /** A tenant no other test uses. */
  newTenant(): string {
    return `t-${randomUUID().slice(0, 13)}`;
  }

  token(companies: string[], scopes: string[] = ["clients:read"], subject = "test-user"): Promise<string> {
    return signToken({ subject, companies, scopes, expiresIn: "10m" }, this.config.jwtSecret!);
  }

  /** Sends a typed operation over HTTP as a client would. */
  async call<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options: CallOptions = {},
  ): Promise<GraphQLResponse<TData>> {
    return this.send<TData>(print(document), variables as Record<string, unknown>, options);
  }

  async send<TData>(query: string, variables: Record<string, unknown> = {}, options: CallOptions = {}): Promise<GraphQLResponse<TData>> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.tenant) headers["x-company-id"] = options.tenant;
    const authorization =
      options.authorization ??
      (options.tenant ? `Bearer ${await this.token(options.companies ?? [options.tenant], options.scopes, options.subject)}` : "");
    if (authorization) headers.authorization = authorization;
    const response = await fetch(this.gateway.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as Omit<GraphQLResponse<TData>, "status">;
    return { status: response.status, ...body };
  }

  /** The log lines, parsed. */
  logs(): Record<string, unknown>[] {
    return this.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** The summary of the last request (its SQL statement counts, among others). */
  lastRequest(): RequestSummary {
    const last = this.requests.at(-1);
    if (!last) throw new Error("no request completed yet");
    return last;
  }

  async stop(): Promise<void> {
    await this.gateway.stop();
    await this.dataSource.destroy();
    await this.vies.close();
  }
}

/** Data for the tests' own assertions comes from GraphQL; this unwraps a response that must succeed. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`expected data, got ${JSON.stringify(response.errors ?? response)}`);
  }
  return response.data;
}
