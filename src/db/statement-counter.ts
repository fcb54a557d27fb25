import type { Logger, QueryRunner } from "typeorm";

/** Per-request SQL statistics, carried on the request's query runner (`queryRunner.data`). */
export interface StatementStats {
  /** Statements that read or write data, the figure the batching guarantees are stated in. */
  statements: number;
  /** Transaction framing: BEGIN, the tenant/role set-up, COMMIT/ROLLBACK. */
  framing: number;
}

const FRAMING = /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|SET TRANSACTION|SELECT set_config\('role')/i;

export function statsOf(queryRunner: QueryRunner | undefined): StatementStats | undefined {
  return (queryRunner?.data as { stats?: StatementStats } | undefined)?.stats;
}

/**
 * A TypeORM logger that counts statements instead of printing them: the request log and the
 * batching tests read the counts. It never writes SQL or parameters anywhere.
 */
export class StatementCountingLogger implements Logger {
  logQuery(query: string, _parameters?: unknown[], queryRunner?: QueryRunner): void {
    const stats = statsOf(queryRunner);
    if (!stats) return;
    if (FRAMING.test(query)) stats.framing += 1;
    else stats.statements += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
