import "reflect-metadata";
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { corsMiddleware } from "./http/cors";
import { etagMiddleware, httpCachePlugin } from "./http/http-cache";
import { compressionMiddleware } from "./http/compression";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { DataSource } from "typeorm";
import type { GraphQLSchema } from "graphql";
import type { Config } from "./config";
import { createContext, RequestContext } from "./context";
import { formatError, GatewayError, isDatabaseUnavailable, isGraphqlCallerMistake, RequestErrorCode } from "./common/errors";
import { nulByteGuard } from "./common/text-guard";
import { CursorCodec } from "./common/pagination/cursor";
import { createLogger, Logger, logInternalError } from "./common/log";
import { purgeExpiredIdempotencyKeys } from "./common/mutation/idempotency";
import { purgeChangeFeed } from "./modules/change-feed/feed";
import { changeFeedSettings } from "./modules/audit/audit.service";
import { OpenedClientsRecorder } from "./modules/favourite/opened-clients.recorder";
import type { MutationEnvironment } from "./common/mutation/pipeline";
import { MAX_BULK_INPUTS } from "./modules/client/client.mutations";
import { CONCURRENT_VAT_CHECKS } from "./modules/client/client.vat-check";
import { ViesClient, VatChecker } from "./integrations/vies/vies-client";
import type { StatementStats } from "./db/statement-counter";
import { TokenVerifier } from "./auth/jwt";
import { readScopePlugin } from "./auth/read-scope";
import { apiVersion } from "./http/api-version";
import { queryLimitsPlugin, queryTooComplex } from "./http/query-limits";
import { argumentLimitsPlugin } from "./http/argument-limits";
import { readiness } from "./http/readiness";
import { clientFieldOf, requestIdInRawHead, requestIdOf } from "./http/request-identity";
import { graphiqlHandler, IdeHeaders, sandboxWithFallback } from "./http/ide";
import { ConnectionGate } from "./db/connection-gate";
import { ReadReplicas, ReadRoute } from "./db/replicas/read-replicas";
import { HttpDrain } from "./http/drain";
import { CredentialsCipher } from "./sources/credentials";
import type { SyncControl } from "./sync/runs";
import { GatewayMetrics, metricsEndpoint } from "./observability/metrics";
import { describeRequestSpan, requestSpan, traceStatements } from "./observability/tracing";

/** What is known of a request once its response is sent (for logs, tests and the benchmark). */
export interface RequestSummary {
  requestId: string;
  operationName: string | null;
  /** The company the request was for; null when it was refused before the token was verified. */
  tenantId: string | null;
  stats: StatementStats;
  errorCodes: string[];
  durationMs: number;
  /** Where a query operation's reads went, when read replicas are configured. */
  readRoute?: ReadRoute;
}

export interface GatewayOptions {
  config: Config;
  dataSource: DataSource;
  schema: GraphQLSchema;
  /** Port to listen on; 0 picks a free one (tests). */
  port: number;
  host?: string;
  onRequestComplete?: (summary: RequestSummary) => void;
  /** Checks EU VAT numbers after commit; by default the VIES REST API at config.viesUrl. */
  vatChecker?: VatChecker;
  /** Where logs go; by default JSON lines on stdout at config.logLevel. */
  logger?: Logger;
  /**
   * The sync machinery startSync nudges after its commit; by default one that does nothing (the
   * queued run then waits for the dispatcher's next tick, or for an engine to be wired in).
   */
  sync?: SyncControl;
  /** The job queue async custom actions go to (invokeClientAction with async); by default none: the dispatcher hands them over. */
  actions?: MutationEnvironment["actions"];
  /**
   * The headers GraphiQL opens with (GRAPHQL_IDE=graphiql): server.ts's development token for the
   * demo company. Ignored in production, where the IDE opens with none.
   */
  ideHeaders?: IdeHeaders;
  /** Where the request metrics go when config.metrics is on (server.ts shares one with the job queue); by default a registry of its own. */
  metrics?: GatewayMetrics;
}

/** No sync engine in this process: a queued run stays QUEUED until one picks it up. */
const NO_SYNC: SyncControl = { dispatch: async () => {} };

export interface Gateway {
  url: string;
  port: number;
  /**
   * Stops taking connections, answers the requests that reached it (each connection's last answer
   * says `Connection: close`; src/http/drain.ts), then stops Apollo and writes pending opens.
   */
  stop(): Promise<void>;
  /** Writes the pending "opened client" notes now (tests; otherwise a timer does). */
  flushOpenedClients(): Promise<void>;
}

const NO_STATEMENTS: StatementStats = { statements: 0, framing: 0 };

/** Deeper variables are refused before graphql-js coerces them (its recursion would overflow the stack). */
const MAX_VARIABLE_DEPTH = 32;

/** How deep a JSON value nests, measured without recursion. */
function nesting(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_VARIABLE_DEPTH) return deepest;
    for (const item of Object.values(current)) stack.push([item, depth + 1]);
  }
  return deepest;
}

/** Logs one JSON line per request and hands the summary to whoever listens. */
type Reporter = (summary: RequestSummary, marker: ReportMarker, variables?: unknown) => void;

/** Marks a request as logged (its `res.locals`, also reachable from its GraphQL context). */
export interface ReportMarker {
  reported?: boolean;
  /** Apollo's client name and version headers, cleaned (src/http/request-identity.ts). */
  clientName?: string | null;
  clientVersion?: string | null;
}

/** The one line of every request, once: a request already marked is not logged again. */
function reporter(logger: Logger, onRequestComplete?: (summary: RequestSummary) => void, metrics?: GatewayMetrics, tracing = false): Reporter {
  return (summary, marker, variables) => {
    if (marker.reported) return;
    marker.reported = true;
    const failed = summary.errorCodes.some((code) => code === RequestErrorCode.INTERNAL_SERVER_ERROR || code === RequestErrorCode.SERVICE_UNAVAILABLE);
    logger[failed ? "warn" : "info"](
      {
        requestId: summary.requestId,
        operationName: summary.operationName,
        tenant: summary.tenantId,
        clientName: marker.clientName ?? null,
        clientVersion: marker.clientVersion ?? null,
        durationMs: summary.durationMs,
        statements: summary.stats.statements,
        ...(summary.readRoute ? { readFrom: summary.readRoute.replica ?? summary.readRoute.target, readReason: summary.readRoute.reason } : {}),
        outcome: summary.errorCodes.length === 0 ? "ok" : "error",
        errorCodes: summary.errorCodes,
        // Variables only at debug level, and redacted like everything the caller sent.
        ...(variables !== undefined && logger.isLevelEnabled("debug") ? { variables } : {}),
      },
      "request",
    );
    metrics?.observeRequest(summary);
    if (tracing) describeRequestSpan(marker, summary);
    onRequestComplete?.(summary);
  };
}

const elapsedMs = (startedAt: bigint) => Number((process.hrtime.bigint() - startedAt) / 1000n) / 1000;

/** The summary of a request refused before GraphQL knew its operation or tenant. */
const refusedSummary = (requestId: string, errorCodes: string[], startedAt?: bigint): RequestSummary => ({
  requestId,
  operationName: null,
  tenantId: null,
  stats: NO_STATEMENTS,
  errorCodes,
  durationMs: startedAt === undefined ? 0 : elapsedMs(startedAt),
});

/**
 * Ends each request's database session after its response is built (commit, or rollback when
 * the request failed), puts the request id on every response, answers 503 when the database
 * could not, and reports the request.
 */
function sessionPlugin(logger: Logger, report: Reporter): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      // From here Apollo runs the operation to its end and this plugin writes its line, even when
      // the client has gone away: the close handler leaves it to us.
      (contextValue.reportMarker as { executing?: boolean }).executing = true;
      return {
        async didResolveOperation({ operation, contextValue }) {
          // A query may read from a replica (one that has the caller's writes); a mutation reads on the primary.
          if (operation?.operation === "query") contextValue.session.readFromReplicas();
        },
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (isDatabaseUnavailable(error)) {
              logger.warn({ requestId: contextValue.requestId, code: (error.originalError as { code?: string } | undefined)?.code }, "database unavailable");
            } else if ((code === undefined || code === RequestErrorCode.INTERNAL_SERVER_ERROR) && !isGraphqlCallerMistake(error)) {
              logInternalError(logger, contextValue.requestId, error.originalError ?? error);
            }
          }
        },
        async willSendResponse({ contextValue, response, errors, operationName, request }) {
          const failed = (errors?.length ?? 0) > 0 && response.body.kind === "single" && !response.body.singleResult.data;
          await contextValue.session.close(failed).catch((error: unknown) => {
            logger.warn({ requestId: contextValue.requestId, code: (error as { code?: string }).code }, "request session could not end cleanly");
          });
          const codes: string[] = [];
          if (response.body.kind === "single") {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, requestId: contextValue.requestId };
            result.errors = result.errors?.map((error) => {
              codes.push(String(error.extensions?.code ?? RequestErrorCode.INTERNAL_SERVER_ERROR));
              const code = error.extensions?.code;
              return code === RequestErrorCode.INTERNAL_SERVER_ERROR || code === RequestErrorCode.SERVICE_UNAVAILABLE
                ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
                : error;
            });
          }
          if (codes.includes(RequestErrorCode.SERVICE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set("retry-after", "1");
          }
          report(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              tenantId: contextValue.tenantId,
              stats: contextValue.session.stats,
              errorCodes: codes,
              durationMs: elapsedMs(contextValue.startedAt),
              readRoute: contextValue.session.route,
            },
            contextValue.reportMarker,
            request.variables,
          );
        },
      };
    },
  };
}

/** An error body Apollo wrote before our plugins ran (CSRF, a batch, a wrong method), with the request id on it and on each error. */
function withRequestId(body: string, requestId: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: Record<string, unknown> }[]; extensions?: Record<string, unknown> };
    if (!Array.isArray(parsed.errors)) return body;
    for (const error of parsed.errors) error.extensions = { ...error.extensions, requestId };
    parsed.extensions = { ...parsed.extensions, requestId };
    return JSON.stringify(parsed);
  } catch {
    return body;
  }
}

/** The codes of a response no plugin saw: from its error body, else from its status. */
function errorCodesOf(res: express.Response): string[] {
  if (res.statusCode < 400 && res.writableFinished) return [];
  try {
    const body = JSON.parse(String(res.locals.errorBody)) as { errors?: { extensions?: { code?: unknown } }[] };
    const codes = (body.errors ?? []).map((error) => String(error.extensions?.code ?? "BAD_REQUEST"));
    if (codes.length > 0) return codes;
  } catch {
    // not JSON (or nothing was sent): say what the status says
  }
  if (!res.writableFinished) return ["CONNECTION_CLOSED"];
  return [res.statusCode >= 500 ? RequestErrorCode.INTERNAL_SERVER_ERROR : "BAD_REQUEST"];
}

function requestBodyMessage(status: number): string {
  if (status === 413) return "The request body is larger than 1 MB";
  if (status === 415) return "The request body's encoding is not supported";
  return "The request body is not valid JSON";
}

/** VIES at the configured URL, or (VIES_URL set empty) a checker that never calls out. */
function vatCheckerFor(config: Config): VatChecker {
  if (!config.viesUrl) return { check: async () => ({ status: "UNAVAILABLE", reason: "NETWORK" }) };
  return new ViesClient({ url: config.viesUrl, timeoutMs: config.viesTimeoutMs });
}

/** Starts the HTTP server with the GraphQL endpoint at /graphql, /healthz and /readyz. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const production = config.nodeEnv === "production";
  const logger = options.logger ?? createLogger(config.logLevel);
  // Process-wide: every write path of this process (API, sync, action worker) writes through writeAudit.
  changeFeedSettings.enabled = config.changeFeedEnabled;
  const metrics = config.metrics.enabled ? (options.metrics ?? new GatewayMetrics()) : undefined;
  const report = reporter(logger, options.onRequestComplete, metrics, config.tracing.enabled);
  // A span per SQL statement, under the request's (or a job's) span; off, the data source is left as it is.
  if (config.tracing.enabled) traceStatements(options.dataSource);
  const tokens = new TokenVerifier({
    secret: config.jwtSecret,
    jwksUrl: config.jwksUrl,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    maxLifetimeHours: config.jwtMaxLifetimeHours,
  });
  const cursors = new CursorCodec(config.cursorSecret);
  const gate = new ConnectionGate({ size: config.pool.size, reserved: config.pool.reservedForOthers, timeoutMs: config.pool.queueTimeoutMs,
    maxQueuedPerTenant: config.pool.queueLimit,
  });
  if (metrics) {
    metrics.watchGate(gate);
    metrics.watchPool(options.dataSource);
  }
  const replicas = await ReadReplicas.open(options.dataSource, config.readReplicas, config.pool, logger, config.tracing.enabled ? traceStatements : undefined);
  if (metrics && replicas) metrics.watchReplicas(() => replicas.states());
  const mutations: MutationEnvironment = {
    dataSource: options.dataSource,
    vatChecker: options.vatChecker ?? vatCheckerFor(config),
    idempotencyTtlHours: config.idempotencyTtlHours,
    // The longest a follow-up can take: a bulk create's VIES checks, five at a time, plus a margin.
    followUpWindowMs: config.viesTimeoutMs * Math.ceil(MAX_BULK_INPUTS / CONCURRENT_VAT_CHECKS) + 5_000,
    credentials: new CredentialsCipher(config.sourceCredentialsKey),
    webhookPolicy: { allowPrivate: config.webhooks.allowPrivate, allowedHosts: config.webhooks.allowedHosts },
    ...(options.actions ? { actions: options.actions } : {}),
  };
  const sync = options.sync ?? NO_SYNC;
  const openedClients = new OpenedClientsRecorder(options.dataSource, config.openedClientsFlushMs, logger);
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  // What Node itself refuses (headers too large, a malformed request) never reaches Express: it
  // gets its line too, and the answer Node would give.
  httpServer.on("clientError", (error: NodeJS.ErrnoException, socket: import("node:stream").Duplex) => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const requestId = requestIdOf(requestIdInRawHead((error as { rawPacket?: Buffer }).rawPacket));
    report(refusedSummary(requestId, [error.code ?? "BAD_REQUEST"]), {});
    const body = JSON.stringify({ errors: [{ message: http.STATUS_CODES[status], extensions: { code: "BAD_REQUEST", requestId } }] });
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nX-Request-Id: ${requestId}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
  const drain = new HttpDrain(httpServer, config.shutdown);
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: (formatted, error) => formatError(formatted, error, { production }),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // server.ts owns SIGINT/SIGTERM: drain, then close the database, then exit.
    stopOnTerminationSignals: false,
    introspection: config.introspection,
    // No ApolloServerPluginDrainHttpServer: it closes idle connections under their next request; `drain` does it.
    plugins: [
      // No field of ours sets a cache hint: without the plugin Apollo wraps no resolver (its
      // willResolveField hook on every field was 4% of a page's CPU).
      ApolloServerPluginCacheControlDisabled(),
      // The schema is a Federation subgraph, on which Apollo would answer a router's
      // `apollo-federation-include-trace` with a trace of every field (resolver timings, error
      // messages before formatError) and announce so on the console: no GraphOS tracing here.
      ApolloServerPluginInlineTraceDisabled(),
      // GraphiQL (GRAPHQL_IDE=graphiql, and Sandbox's offline fallback) is served before Apollo, by graphiqlHandler.
      config.graphqlIde === "sandbox" ? sandboxWithFallback("/graphql") : ApolloServerPluginLandingPageDisabled(),
      nulByteGuard(),
      queryLimitsPlugin(config.limits, production),
      argumentLimitsPlugin(config.limits.arguments),
      readScopePlugin(),
      sessionPlugin(logger, report),
      httpCachePlugin(config.httpCacheMaxAge),
    ],
  });
  try {
    await apollo.start();
  } catch (error) {
    await replicas?.close();
    throw error;
  }

  /** A refusal before GraphQL runs, GraphQL-shaped, logged like every request. */
  const refuse = (res: express.Response, status: number, code: RequestErrorCode, message: string, extra: Record<string, unknown> = {}) => {
    const requestId = res.locals.requestId as string;
    res.status(status).json({ errors: [{ message, extensions: { code, ...extra, requestId } }], extensions: { requestId } });
    report(refusedSummary(requestId, [code], res.locals.startedAt as bigint | undefined), res.locals);
  };

  let stopping = false;
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const state = await readiness(options.dataSource, stopping);
    res.status(state.ready ? 200 : 503).json(state.ready ? { status: "ready" } : { status: "unavailable", reason: state.reason });
  });
  if (metrics) app.get("/metrics", metricsEndpoint(metrics, config.metrics.token));
  if (config.tracing.enabled) app.use("/graphql", requestSpan);
  app.use(
    "/graphql",
    // First: a preflight from an allowed origin is answered here, before Apollo's CSRF check.
    corsMiddleware(config.corsOrigins),
    compressionMiddleware(config.compression),
    etagMiddleware(),
    (req, res, next) => {
      const startedAt = process.hrtime.bigint();
      const requestId = requestIdOf(req.headers["x-request-id"]);
      res.locals.startedAt = startedAt;
      res.locals.requestId = requestId;
      res.locals.clientName = clientFieldOf(req.headers["apollographql-client-name"]);
      res.locals.clientVersion = clientFieldOf(req.headers["apollographql-client-version"]);
      res.setHeader("X-Request-Id", requestId);
      // What Apollo refuses before our plugins run (CSRF, a batch, a query that isn't a string)
      // never reaches them: keep an error body, so the request's line can say why it failed.
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (res.statusCode >= 400 && typeof body === "string") {
          body = withRequestId(body, requestId);
          if (!res.locals.reported) res.locals.errorBody = body;
        }
        return send(body);
      };
      res.on("close", () => {
        if (res.locals.executing) return;
        report(refusedSummary(requestId, errorCodesOf(res), startedAt), res.locals);
      });
      next();
    },
    graphiqlHandler("/graphql", config.graphqlIde, production ? undefined : options.ideHeaders),
    apiVersion((res, message, extra) => refuse(res, 400, RequestErrorCode.UNSUPPORTED_API_VERSION, message, extra)),
    express.json({ limit: "1mb" }),
    (req, res, next) => {
      const query: unknown = req.method === "GET" ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
      if (typeof query === "string" && query.length > config.limits.maxQueryLength) {
        const error = queryTooComplex(production, `${query.length} characters (at most ${config.limits.maxQueryLength})`);
        refuse(res, 400, RequestErrorCode.QUERY_TOO_COMPLEX, error.message);
        return;
      }
      let variables: unknown = req.method === "GET" ? req.query.variables : (req.body as { variables?: unknown } | undefined)?.variables;
      if (typeof variables === "string") {
        // A GET's variables are JSON in the query string (Apollo parses them after this check).
        try {
          variables = JSON.parse(variables);
        } catch {
          variables = undefined; // Apollo refuses it with its own message
        }
      }
      if (typeof variables === "object" && nesting(variables) > MAX_VARIABLE_DEPTH) {
        refuse(res, 400, RequestErrorCode.BAD_USER_INPUT, `The variables nest deeper than ${MAX_VARIABLE_DEPTH} levels`);
        return;
      }
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = res.locals.requestId as string;
        const startedAt = res.locals.startedAt as bigint;
        try {
          const context = await createContext(
            { config, tokens, dataSource: options.dataSource, cursors, mutations, openedClients, sync, logger, gate, replicas },
            req.headers,
            { requestId, startedAt, reportMarker: res.locals },
          );
          return context;
        } catch (error) {
          if (error instanceof GatewayError) {
            error.extensions.requestId = requestId;
            report(refusedSummary(requestId, [error.code], startedAt), res.locals);
          }
          throw error;
        }
      },
    }),
  );

  // Errors before GraphQL runs (a body that is not JSON, too large, or in an unknown encoding)
  // get a GraphQL-shaped JSON answer, never Express's HTML page with a stack trace.
  app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 500;
    const caller = status >= 400 && status < 500;
    if (!caller) logInternalError(logger, res.locals.requestId as string | undefined, error);
    refuse(
      res,
      status,
      caller ? RequestErrorCode.BAD_USER_INPUT : RequestErrorCode.INTERNAL_SERVER_ERROR,
      caller ? requestBodyMessage(status) : "Internal server error",
    );
  });

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? "0.0.0.0", resolve));
  const { port } = httpServer.address() as AddressInfo;
  const purge = setInterval(() => {
    purgeExpiredIdempotencyKeys(options.dataSource).catch((error: unknown) => logInternalError(logger, undefined, error));
    purgeChangeFeed(options.dataSource, config.changeFeedRetentionDays).catch((error: unknown) => logInternalError(logger, undefined, error));
  }, config.idempotencyPurgeIntervalMs);
  purge.unref();
  openedClients.start();
  return {
    port,
    url: `http://localhost:${port}/graphql`,
    flushOpenedClients: () => openedClients.flush(),
    stop: async () => {
      stopping = true;
      clearInterval(purge);
      // HTTP first: once it resolves no request is executing (unless cut at the deadline).
      await drain.drain();
      await apollo.stop();
      await openedClients.stop();
      await replicas?.close();
    },
  };
}
