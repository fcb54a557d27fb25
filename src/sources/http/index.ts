export { SourceHttpClient, type SourceHttpOptions, type SourceResponse, type QueryValue, type SourceCall, type SourceSendCall } from "./source-http-client";
export { SourceHttpError, type SourceErrorKind, type SourceHttpErrorDetails } from "./source-http-error";
export { DEFAULT_RETRY, retryAfterMs, backoffMs, type RetryPolicy } from "./retry";
export { systemClock, virtualClock, type Clock, type VirtualClock } from "./clock";
export { Semaphore, StartGate } from "./limiter";
export { redactBody, redactText, safeUrl, REDACTED } from "./redact";
