import "reflect-metadata";
import http from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import express from "express";
import { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { DataSource } from "typeorm";
import type { GraphQLSchema } from "graphql";
import type { Config } from "./config";
import { createContext, RequestContext } from "./context";
import { formatError, GatewayError, RequestErrorCode } from "./common/errors";
import { nulByteGuard } from "./common/text-guard";
import { CursorCodec } from "./common/pagination/cursor";
import { logInternalError } from "./common/log";
import { purgeExpiredIdempotencyKeys } from "./common/mutation/idempotency";
import { OpenedClientsRecorder } from "./modules/favourite/opened-clients.recorder";
import type { MutationEnvironment } from "./common/mutation/pipeline";
import { MAX_BULK_INPUTS } from "./modules/client/client.mutations";
import { CONCURRENT_VAT_CHECKS } from "./modules/client/client.vat-check";
import { ViesClient, VatChecker } from "./integrations/vies/vies-client";
import type { StatementStats } from "./db/statement-counter";

/** What is known of a request once its response is sent (for logs, tests and the benchmark). */
export interface RequestSummary {
  requestId: string;
  operationName: string | null;
  tenantId: string;
  stats: StatementStats;
  errorCodes: string[];
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
}

export interface Gateway {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Writes the pending "opened client" notes now (tests; otherwise a timer does). */
  flushOpenedClients(): Promise<void>;
}

/**
 * Ends each request's database session after its response is built (commit, or rollback when
 * the request failed), puts the request id on every response, and reports the request.
 */
function sessionPlugin(onRequestComplete?: (summary: RequestSummary) => void): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === undefined || code === RequestErrorCode.INTERNAL_SERVER_ERROR) {
              logInternalError(contextValue.requestId, error.originalError ?? error);
            }
          }
        },
        async willSendResponse({ contextValue, response, errors, operationName }) {
          const failed = (errors?.length ?? 0) > 0 && response.body.kind === "single" && !response.body.singleResult.data;
          await contextValue.session.close(failed);
          if (response.body.kind === "single") {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, requestId: contextValue.requestId };
            result.errors = result.errors?.map((error) =>
              error.extensions?.code === RequestErrorCode.INTERNAL_SERVER_ERROR
                ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
                : error,
            );
          }
          onRequestComplete?.({
            requestId: contextValue.requestId,
            operationName: operationName ?? null,
            tenantId: contextValue.tenantId,
            stats: contextValue.session.stats,
            errorCodes: (errors ?? []).map((e) => String(e.extensions?.code ?? RequestErrorCode.INTERNAL_SERVER_ERROR)),
          });
        },
      };
    },
  };
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

/** Starts the HTTP server with the GraphQL endpoint at /graphql. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const cursors = new CursorCodec(options.config.jwtSecret);
  const mutations: MutationEnvironment = {
    dataSource: options.dataSource,
    vatChecker: options.vatChecker ?? vatCheckerFor(options.config),
    idempotencyTtlHours: options.config.idempotencyTtlHours,
    // The longest a follow-up can take: a bulk create's VIES checks, five at a time, plus a margin.
    followUpWindowMs: options.config.viesTimeoutMs * Math.ceil(MAX_BULK_INPUTS / CONCURRENT_VAT_CHECKS) + 5_000,
  };
  const openedClients = new OpenedClientsRecorder(options.dataSource, options.config.openedClientsFlushMs);
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: (formatted) => formatError(formatted),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // server.ts owns SIGINT/SIGTERM: drain, then close the database, then exit.
    stopOnTerminationSignals: false,
    introspection: options.config.nodeEnv !== "production",
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), nulByteGuard(), sessionPlugin(options.onRequestComplete)],
  });
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.use(
    "/graphql",
    (_req, res, next) => {
      const requestId = randomUUID();
      res.locals.requestId = requestId;
      res.setHeader("X-Request-Id", requestId);
      next();
    },
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = res.locals.requestId as string;
        try {
          return await createContext({ config: options.config, dataSource: options.dataSource, cursors, mutations, openedClients }, req.headers, requestId);
        } catch (error) {
          if (error instanceof GatewayError) error.extensions.requestId = requestId;
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
    if (!caller) logInternalError(res.locals.requestId as string | undefined, error);
    res.status(status).json({
      errors: [
        {
          message: caller ? requestBodyMessage(status) : "Internal server error",
          extensions: { code: caller ? RequestErrorCode.BAD_USER_INPUT : RequestErrorCode.INTERNAL_SERVER_ERROR, requestId: res.locals.requestId },
        },
      ],
    });
  });

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? "0.0.0.0", resolve));
  const { port } = httpServer.address() as AddressInfo;
  const purge = setInterval(() => {
    purgeExpiredIdempotencyKeys(options.dataSource).catch((error: unknown) => logInternalError(undefined, error));
  }, options.config.idempotencyPurgeIntervalMs);
  purge.unref();
  openedClients.start();
  return {
    port,
    url: `http://localhost:${port}/graphql`,
    flushOpenedClients: () => openedClients.flush(),
    stop: async () => {
      clearInterval(purge);
      await apollo.stop();
      await openedClients.stop();
    },
  };
}
