import { HeaderMap } from "@apollo/server";
import { GraphQLError, GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { redactText } from "./redact";
import { valueFreeMessage } from "./caller-message";

/** Request-level error codes (GraphQL `errors[].extensions.code`), fixed by API.md. */
export enum RequestErrorCode {
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  UNSUPPORTED_API_VERSION = "UNSUPPORTED_API_VERSION",
  QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX",
  BAD_USER_INPUT = "BAD_USER_INPUT",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
  /** The database is unreachable, restarting, or every connection is busy: retry (HTTP 503). */
  SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE",
}

/** An error the caller caused or may see: its message is safe to show. */
export class GatewayError extends GraphQLError {
  constructor(
    readonly code: RequestErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** The HTTP status of a response whose only error is `error` (Apollo reads `extensions.http`). */
export function withHttpStatus<E extends GraphQLError>(error: E, status: number, headers?: Record<string, string>): E {
  // Apollo merges `extensions.http` (status, and headers as a HeaderMap) into the response.
  error.extensions.http = headers ? ({ status, headers: new HeaderMap(Object.entries(headers)) } as unknown as typeof error.extensions.http) : { status };
  return error;
}

/**
 * The 401 challenge of RFC 6750 (section 3): `realm` alone when no token was sent, with
 * `error="invalid_token"` when one was and it was refused (one description for every refusal, as
 * the message: it tells a forger nothing).
 */
export function bearerChallenge(tokenSent: boolean): Record<string, string> {
  const realm = 'Bearer realm="client-data-gateway"';
  return { "www-authenticate": tokenSent ? `${realm}, error="invalid_token", error_description="The access token is missing, invalid or expired"` : realm };
}

/**
 * Every refused token, and none at all, gets this one message: a different one for a well-signed
 * token lacking a claim would tell a forger that the signature passed.
 */
export const UNAUTHENTICATED_MESSAGE = "The bearer token is missing, invalid or expired";
export const unauthenticated = () => new GatewayError(RequestErrorCode.UNAUTHENTICATED, UNAUTHENTICATED_MESSAGE);
export const forbidden = (message = "You may not access this resource") =>
  new GatewayError(RequestErrorCode.FORBIDDEN, message);
export const badUserInput = (message: string, field?: string) =>
  new GatewayError(RequestErrorCode.BAD_USER_INPUT, message, field ? { field } : {});

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}

/** Codes that graphql-js and Apollo themselves put on errors the caller caused. */
const CALLER_CODES = new Set<string>([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/**
 * The codes of Apollo Server (ApolloServerErrorCode) a caller gets as Apollo names them: clients
 * and tools (Apollo Client's APQ link retries on PERSISTED_QUERY_NOT_FOUND) know them. Any other
 * caller mistake is BAD_USER_INPUT.
 */
export const APOLLO_CALLER_CODES = new Set<string>([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

function isRequestErrorCode(code: unknown): code is RequestErrorCode {
  return typeof code === "string" && (Object.values(RequestErrorCode) as string[]).includes(code);
}

/** Error codes of node and PostgreSQL that mean "the database can't answer now", not "this request is wrong". */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up)
  "57014", // query_canceled: statement_timeout
  "53300", // too_many_connections
  // serialization_failure: a hot standby cancelling a read that conflicts with its recovery (a
  // read replica). No transaction of ours fails serialization otherwise: reads are READ ONLY,
  // writes READ COMMITTED.
  "40001",
  "08000", "08001", "08003", "08004", "08006", // connection_exception
]);
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connection error|Client was closed|Cannot use a pool after calling end/i;

/**
 * TypeORM's errors for a statement on a query runner that was released. Our code releases a
 * runner only after its last statement; TypeORM releases it itself when its connection fails
 * (PostgreSQL killed, a network cut), and then `runner.query` throws the first and
 * `manager.query` (through DataSource.query) the second. Either means the connection was lost.
 */
const RELEASED_RUNNER_ERRORS = new Set(["QueryRunnerAlreadyReleasedError", "QueryRunnerProviderAlreadyReleasedError"]);

/** Whether `error` (a driver, pool or TypeORM error, maybe wrapped) means the database can't answer now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, driverError, cause, errors, thrownValue } = error as Record<string, unknown>;
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  if (error instanceof Error && RELEASED_RUNNER_ERRORS.has(error.name)) return true;
  if (error instanceof Error && !(error instanceof GraphQLError) && UNAVAILABLE_MESSAGES.test(String(message))) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  // graphql-js wraps what isn't an Error of its realm (a socket error, say) as NonErrorThrown.
  if (isDatabaseUnavailable(thrownValue, depth + 1)) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable((error as GraphQLError).originalError, depth + 1);
}

const DATABASE_UNAVAILABLE = "The database is unavailable or busy; retry shortly";

/** Something the gateway depends on can't answer now: retry (HTTP 503). */
export const serviceUnavailable = (message = DATABASE_UNAVAILABLE) =>
  withHttpStatus(new GatewayError(RequestErrorCode.SERVICE_UNAVAILABLE, message), 503);

export interface FormatOptions {
  /** No field suggestions ("Did you mean ...?") in production: they map the schema for a prober. */
  production: boolean;
}

/**
 * graphql-js's own errors about the caller's arguments and variables that carry no code: a null
 * for a non-null argument found while executing, or more than 50 invalid variable values.
 */
const CALLER_MISTAKE = /^(Argument "[^"]+" (of non-null type|of required type|has invalid value)|Too many errors processing variables)/;
/** One of graphql-js's code-less errors about the caller's arguments or variables (not a server fault). */
export function isGraphqlCallerMistake(error: unknown): boolean {
  return (
    error instanceof GraphQLError &&
    (!error.originalError || error.originalError instanceof GraphQLError) &&
    CALLER_MISTAKE.test(error.message)
  );
}

const TOKEN_LIMIT = /^Syntax Error: Document contains more than \d+ tokens/;
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
/** A caller's mistake as the caller sees it: no value it sent (caller-message.ts), no suggestions in production, redacted. */
function callerMessage(message: string, error: unknown, options: FormatOptions): string {
  let text = valueFreeMessage(message, error);
  if (options.production) text = text.replace(SUGGESTION, "");
  return redactText(text);
}

/**
 * The one place where errors become what the caller sees. Known codes pass with their message;
 * a database that can't answer is SERVICE_UNAVAILABLE; anything else (a thrown TypeError, a
 * driver error with SQL in it) becomes INTERNAL_SERVER_ERROR with a fixed message and nothing
 * else, so no stack trace, SQL text or data ever leaves the server. (The request id is added to
 * it when the response is sent.)
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, options: FormatOptions): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (code === RequestErrorCode.SERVICE_UNAVAILABLE) {
    return { message: formatted.message, path: formatted.path, extensions: { code } };
  }
  if (isDatabaseUnavailable(unwrapResolverError(error))) {
    return { message: DATABASE_UNAVAILABLE, path: formatted.path, extensions: { code: RequestErrorCode.SERVICE_UNAVAILABLE } };
  }
  if (isRequestErrorCode(code) && code !== RequestErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _drop, http: _http, ...extensions } = formatted.extensions ?? {};
    const message = code === RequestErrorCode.BAD_USER_INPUT ? callerMessage(formatted.message, error, options) : formatted.message;
    return { ...base, message, extensions: { ...extensions, code } };
  }
  if (code === "GRAPHQL_PARSE_FAILED" && TOKEN_LIMIT.test(formatted.message)) {
    return { message: "The query is too complex", locations: formatted.locations, extensions: { code: RequestErrorCode.QUERY_TOO_COMPLEX } };
  }
  if ((typeof code === "string" && CALLER_CODES.has(code)) || ((code === undefined || code === RequestErrorCode.INTERNAL_SERVER_ERROR) && isGraphqlCallerMistake(error))) {
    return {
      ...base,
      message: callerMessage(formatted.message, error, options),
      extensions: { code: typeof code === "string" && APOLLO_CALLER_CODES.has(code) ? code : RequestErrorCode.BAD_USER_INPUT },
    };
  }
  return options.production
    ? { message: "Internal server error", extensions: { code: RequestErrorCode.INTERNAL_SERVER_ERROR } }
    : { message: "Internal server error", path: formatted.path, extensions: { code: RequestErrorCode.INTERNAL_SERVER_ERROR } };
}
