import { GraphQLError, GraphQLFormattedError } from "graphql";

/** Request-level error codes (GraphQL `errors[].extensions.code`), fixed by API.md. */
export enum RequestErrorCode {
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  UNSUPPORTED_API_VERSION = "UNSUPPORTED_API_VERSION",
  QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX",
  BAD_USER_INPUT = "BAD_USER_INPUT",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
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

export const unauthenticated = (message = "A valid bearer token is required") =>
  new GatewayError(RequestErrorCode.UNAUTHENTICATED, message);
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

function isRequestErrorCode(code: unknown): code is RequestErrorCode {
  return typeof code === "string" && (Object.values(RequestErrorCode) as string[]).includes(code);
}

/**
 * The one place where errors become what the caller sees. Known codes pass with their message;
 * anything else (a thrown TypeError, a driver error with SQL in it) becomes INTERNAL_SERVER_ERROR
 * with a fixed message, so no stack trace, SQL text or data ever leaves the server.
 */
export function formatError(formatted: GraphQLFormattedError, requestId?: string): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (isRequestErrorCode(code) && code !== RequestErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...base, extensions: { ...extensions, code } };
  }
  if (typeof code === "string" && CALLER_CODES.has(code)) {
    return { ...base, extensions: { code: code === "BAD_REQUEST" ? code : RequestErrorCode.BAD_USER_INPUT } };
  }
  return {
    message: "Internal server error",
    path: formatted.path,
    extensions: { code: RequestErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  };
}
