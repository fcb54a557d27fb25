/**
 * An unexpected error: the caller sees only INTERNAL_SERVER_ERROR and the request id; the log
 * gets the request id, the error's class and its stack frames, never its message (which can hold
 * SQL values or personal data).
 */
export function logInternalError(requestId: string | undefined, error: unknown): void {
  const name = error instanceof Error ? error.constructor.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  const frames = error instanceof Error ? (error.stack ?? "").split("\n").filter((l) => l.trim().startsWith("at ")).slice(0, 8) : [];
  console.error(JSON.stringify({ level: "error", msg: "internal error", requestId, error: name, code: typeof code === "string" ? code : undefined, frames }));
}
