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
}

export interface Gateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Ends each request's database session after its response is built (commit, or rollback when
 * the request failed), puts the request id on every response, and reports the request.
 */
function sessionPlugin(onRequestComplete?: (summary: RequestSummary) => void): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
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

/** Starts the HTTP server with the GraphQL endpoint at /graphql. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: (formatted) => formatError(formatted),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
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
          return await createContext({ config: options.config, dataSource: options.dataSource }, req.headers, requestId);
        } catch (error) {
          if (error instanceof GatewayError) error.extensions.requestId = requestId;
          throw error;
        }
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? "0.0.0.0", resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    port,
    url: `http://localhost:${port}/graphql`,
    stop: () => apollo.stop(),
  };
}
