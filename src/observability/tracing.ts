import type { NextFunction, Request, Response } from "express";
import { context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { DataSource, QueryRunner } from "typeorm";

/** Where spans go (config.tracing). */
export interface TracingSettings {
  /** Off unless an OTLP endpoint is configured (or TRACING_ENABLED=true). */
  enabled: boolean;
  /** The OTLP/HTTP traces URL (…/v1/traces). */
  tracesUrl: string;
  serviceName: string;
}

export interface Tracing {
  /** Sends the spans ended so far (tests, shutdown). */
  flush(): Promise<void>;
  /** Flushes, stops the SDK and the undici instrumentation, and unregisters the global tracer. */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { flush: async () => {}, shutdown: async () => {} };

/** The tracer of the gateway's own spans: the API's no-op tracer until startTracing registers the SDK. */
const tracer = () => trace.getTracer("client-data-gateway");

/**
 * Starts the OpenTelemetry SDK when tracing is on: a Node tracer provider (AsyncLocalStorage
 * context, W3C traceparent propagation) exporting OTLP/HTTP in batches, and the undici
 * instrumentation, which makes a span of every outgoing request (Node's fetch and the undici
 * package: sources, VIES, webhooks) and injects `traceparent`. Off, nothing is loaded: the SDK
 * packages are required here only, and the API's tracer stays the no-op one.
 */
/** Whether startTracing registered the SDK in this process (loader batches are only wrapped then). */
let tracing = false;

export async function startTracing(settings: TracingSettings): Promise<Tracing> {
  if (!settings.enabled) return OFF;
  tracing = true;
  const { NodeTracerProvider, BatchSpanProcessor } = require("@opentelemetry/sdk-trace-node") as typeof import("@opentelemetry/sdk-trace-node");
  const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-http") as typeof import("@opentelemetry/exporter-trace-otlp-http");
  const { resourceFromAttributes } = require("@opentelemetry/resources") as typeof import("@opentelemetry/resources");
  const { UndiciInstrumentation } = require("@opentelemetry/instrumentation-undici") as typeof import("@opentelemetry/instrumentation-undici");
  const { registerInstrumentations } = require("@opentelemetry/instrumentation") as typeof import("@opentelemetry/instrumentation");
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": settings.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.tracesUrl }))],
  });
  provider.register();
  const undici = new UndiciInstrumentation();
  const unregister = registerInstrumentations({ instrumentations: [undici], tracerProvider: provider });
  return {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      unregister();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      tracing = false;
    },
  };
}

/** Where a request's span is kept (its `res.locals`). */
interface SpanHolder {
  span?: Span;
}

/**
 * The request's span (SERVER), a child of the caller's `traceparent` when it sends one, active for
 * everything the request runs: resolvers, loaders, SQL, outgoing HTTP. Ends when the response does.
 */
export function requestSpan(req: Request, res: Response, next: NextFunction): void {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer().startSpan(`${req.method} /graphql`, { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method, "url.path": "/graphql" } }, parent);
  (res.locals as SpanHolder).span = span;
  const active = trace.setSpan(parent, span);
  // The body parser's and Apollo's callbacks come from the socket's events: bound, they run in the request's context.
  context.bind(active, req);
  context.bind(active, res);
  res.on("close", () => {
    span.setAttribute("http.response.status_code", res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(active, next);
}

/** Names the request's span after its operation, with its outcome (called where the request is reported). */
export function describeRequestSpan(holder: object, summary: { requestId: string; operationName: string | null; tenantId: string | null; errorCodes: string[]; stats: { statements: number } }): void {
  const span = (holder as SpanHolder).span;
  if (!span) return;
  if (summary.operationName) {
    span.updateName(`graphql ${summary.operationName}`);
    span.setAttribute("graphql.operation.name", summary.operationName);
  }
  span.setAttributes({ "gateway.request_id": summary.requestId, "gateway.sql_statements": summary.stats.statements });
  if (summary.tenantId) span.setAttribute("gateway.tenant_id", summary.tenantId);
  if (summary.errorCodes.length > 0) span.setAttribute("gateway.error_codes", summary.errorCodes);
  if (summary.errorCodes.some((code) => code === "INTERNAL_SERVER_ERROR" || code === "SERVICE_UNAVAILABLE")) span.setStatus({ code: SpanStatusCode.ERROR });
}

/** The longest statement text put on a span. */
const MAX_STATEMENT_TEXT = 1_000;

/**
 * A span around one DataLoader batch (`load <loader>`): a resolver's read of a whole page's rows,
 * whose SQL spans nest under it. Tracing off, the batch runs as it is: no span, no context switch
 * on the loaders' path.
 */
export function traceBatch<T>(loader: string, keys: number, run: () => Promise<T>): Promise<T> {
  if (!tracing) return run();
  return tracer().startActiveSpan(`load ${loader}`, { kind: SpanKind.INTERNAL, attributes: { "gateway.loader.name": loader, "gateway.loader.keys": keys } }, async (span) => {
    try {
      return await run();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string }).code ?? "error" });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** "SELECT client" from a statement: its first keyword and the first table it names. */
export function statementSummary(sql: string): { operation: string; table?: string } {
  const operation = (/^\s*([A-Za-z]+)/.exec(sql)?.[1] ?? "SQL").toUpperCase();
  const table = /\b(?:FROM|INTO|UPDATE|JOIN)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i.exec(sql)?.[1];
  return table ? { operation, table } : { operation };
}

/**
 * A CLIENT span for every SQL statement of the data source's query runners (TypeORM's), a child of
 * whatever span is active: the request's, or a loader's. The statement's text is kept (the
 * gateway's statements carry every value as a $n parameter, and parameters are never recorded).
 * Only called when tracing is on: off, no runner is wrapped.
 */
export function traceStatements(dataSource: DataSource): void {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = ((...args: Parameters<DataSource["createQueryRunner"]>) => {
    const runner: QueryRunner = create(...args);
    const query = runner.query.bind(runner) as (...a: unknown[]) => Promise<unknown>;
    runner.query = ((sql: string | { text: string }, ...rest: unknown[]) => {
      // A string, or a pg query config ({ text, rowMode: "array" }: the hydrating reads of src/db/hydrate.ts).
      const text = typeof sql === "string" ? sql : String(sql?.text ?? "");
      const { operation, table } = statementSummary(text);
      return tracer().startActiveSpan(
        table ? `${operation} ${table}` : operation,
        {
          kind: SpanKind.CLIENT,
          attributes: { "db.system.name": "postgresql", "db.operation.name": operation, ...(table ? { "db.collection.name": table } : {}), "db.query.text": text.slice(0, MAX_STATEMENT_TEXT) },
        },
        async (span) => {
          try {
            return await query(sql, ...rest);
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: (error as { code?: string }).code ?? "error" });
            throw error;
          } finally {
            span.end();
          }
        },
      );
    }) as QueryRunner["query"];
    return runner;
  }) as DataSource["createQueryRunner"];
}
