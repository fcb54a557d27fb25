import type { QueryRunner } from "typeorm";

/** The error of a statement sent on a connection that died: a connection_failure (08006). */
export function connectionLost(): Error {
  return Object.assign(new Error("The database connection was lost"), { code: "08006" });
}

/**
 * TypeORM releases a query runner whose connection fails (PostgreSQL restarting, a network cut),
 * and a later statement on it would throw QueryRunnerAlreadyReleasedError, an internal error.
 * Our code releases a runner only after its last statement, so a released runner met here means
 * the connection was lost: say so (SERVICE_UNAVAILABLE to the caller).
 */
export function failFastWhenLost(runner: QueryRunner): void {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = ((...args: unknown[]) => (runner.isReleased ? Promise.reject(connectionLost()) : query(...args))) as QueryRunner["query"];
}
