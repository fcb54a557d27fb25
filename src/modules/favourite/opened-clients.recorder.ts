import type { DataSource } from "typeorm";
import { Logger, logInternalError } from "../../common/log";
import { WriteTransaction } from "../../db/write-transaction";

/** How many recently opened clients are kept per caller. */
export const KEEP_OPENED_PER_CALLER = 50;

/** Pending opens above this many are written at once rather than at the next tick. */
const FLUSH_AT = 500;

interface Opened {
  tenantId: string;
  subject: string;
  clientId: string;
  openedAt: Date;
}

/**
 * Records which clients each caller opened, for `clientsSummary.latestOpened`, without a write in
 * the `client` query: the query only notes the open in memory; a timer writes the notes in
 * batches, one short transaction per tenant (row-level security as everywhere). Best effort: an
 * open noted by a process that dies before its next flush is lost, and a failed flush is logged.
 */
export class OpenedClientsRecorder {
  private pending = new Map<string, Opened>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** Notes an open: no I/O. */
  record(tenantId: string, subject: string, clientId: string): void {
    if (subject.length > 255) return; // can't be stored; authentication refuses such tokens anyway
    this.pending.set(JSON.stringify([tenantId, subject, clientId]), { tenantId, subject, clientId, openedAt: new Date() });
    if (this.pending.size >= FLUSH_AT) void this.flush();
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  /** Writes what is pending (and waits for a flush under way): tests and shutdown call it. */
  flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.flushing = this.flushing.then(() => this.write(batch)).catch((error: unknown) => logInternalError(this.logger, undefined, error));
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(batch: Opened[]): Promise<void> {
    const byTenant = new Map<string, Opened[]>();
    for (const open of batch) byTenant.set(open.tenantId, [...(byTenant.get(open.tenantId) ?? []), open]);
    for (const [tenantId, opens] of byTenant) {
      let tx: WriteTransaction | undefined;
      try {
        tx = await WriteTransaction.open(this.dataSource, tenantId, { statements: 0, framing: 0 });
        // Only clients the tenant still has (the FK would fail the batch for one removed since).
        await tx.query(
          `INSERT INTO opened_client (tenant_id, subject, client_id, opened_at)
           SELECT $1, o.subject, o.client_id, o.opened_at
             FROM unnest($2::varchar[], $3::bigint[], $4::timestamptz[]) AS o(subject, client_id, opened_at)
             JOIN client c ON c.id = o.client_id
            ORDER BY o.subject, o.client_id
           ON CONFLICT (tenant_id, subject, client_id) DO UPDATE SET opened_at = greatest(opened_client.opened_at, excluded.opened_at)`,
          [tenantId, opens.map((o) => o.subject), opens.map((o) => o.clientId), opens.map((o) => o.openedAt.toISOString())],
        );
        await tx.query(
          `DELETE FROM opened_client WHERE id IN (
             SELECT id FROM (
               SELECT id, row_number() OVER (PARTITION BY subject ORDER BY opened_at DESC, id DESC) AS rank
                 FROM opened_client WHERE tenant_id = $1 AND subject = ANY($2::varchar[])
             ) ranked WHERE rank > $3)`,
          [tenantId, [...new Set(opens.map((o) => o.subject))], KEEP_OPENED_PER_CALLER],
        );
        await tx.end(true);
      } catch (error) {
        await tx?.end(false).catch(() => undefined);
        logInternalError(this.logger, undefined, error); // this tenant's opens are lost; the others' are written
      }
    }
  }
}
