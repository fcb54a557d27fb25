import pino, { DestinationStream, Logger } from "pino";
import { redactDeep } from "./redact";

export type { Logger };

/**
 * Keys whose values the gateway itself produces (ids it generated, counts, codes): logged as they
 * are. Every other value (variables, operation names, messages) is redacted by shape.
 */
const OWN_KEYS = new Set([
  "level", "time", "msg", "requestId", "tenant", "durationMs", "statements", "framing", "status",
  "outcome", "errorCodes", "error", "code", "frames", "pid", "hostname", "apiVersion", "event", "worker",
]);

/** In a cluster worker (WEB_CONCURRENCY > 1), every line names the worker and its pid; else neither. */
function baseFields(): Record<string, unknown> | undefined {
  const index = process.env.CLUSTER_WORKER_INDEX;
  return index === undefined ? undefined : { worker: Number(index), pid: process.pid };
}

function redactUnknown(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, OWN_KEYS.has(key) ? value : redactDeep(value)]));
}

/**
 * The gateway's pino logger: JSON lines on stdout (or `destination`), ISO timestamps, the
 * authorization header censored wherever it is logged, and everything not the gateway's own
 * passed through the redaction of personal data.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: baseFields(),
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ["authorization", "headers.authorization", "*.headers.authorization"], censor: "[redacted]" },
      formatters: {
        level: (label) => ({ level: label }),
        log: redactUnknown,
      },
    },
    destination,
  );
}

/**
 * An unexpected error: the caller sees only INTERNAL_SERVER_ERROR and the request id; the log
 * gets the request id, the error's class, its code and its stack frames, never its message (which
 * can hold SQL values or personal data).
 */
export function logInternalError(logger: Logger, requestId: string | undefined, error: unknown): void {
  const name = error instanceof Error ? error.constructor.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  const frames = error instanceof Error ? (error.stack ?? "").split("\n").filter((l) => l.trim().startsWith("at ")).slice(0, 8) : [];
  logger.error({ requestId, error: name, code: typeof code === "string" ? code : undefined, frames }, "internal error");
}
