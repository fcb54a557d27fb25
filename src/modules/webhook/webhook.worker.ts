import type { DataSource } from "typeorm";
import { APP_ROLE, TENANT_SETTING } from "../../db/tenant-session";
import type { CredentialsCipher } from "../../sources/credentials";
import { positionOf, readChanges, type ChangeRow } from "../change-feed/feed";
import type { WebhookAddressPolicy } from "./address-guard";
import { retryDelayMs, type RetrySchedule } from "./backoff";
import { sendWebhook } from "./sender";

export interface WebhookWorkerOptions {
  dataSource: DataSource;
  credentials: CredentialsCipher;
  policy: WebhookAddressPolicy;
  schedule: RetrySchedule;
  timeoutMs: number;
  /** Deliveries sent at once by this process. */
  concurrency: number;
  /** Changes read for one subscription in one fan-out transaction. */
  fanOutBatch?: number;
  onError?: (error: unknown) => void;
  /** Told of each delivery attempt this process made (metrics): accepted (a 2xx) or not, and how long it took. */
  onAttempt?: (outcome: "delivered" | "failed", seconds: number) => void;
}

interface Claimed {
  id: string;
  tenant_id: string;
  subscription_id: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Fan-out: a subscription's changes after its feed position become its deliveries, and the position
 * moves past them, in one transaction of its tenant (so a change is queued once, never skipped; a
 * crash rolls both back). The subscription's row is locked SKIP LOCKED: two processes never fan
 * out one subscription at once, and neither waits for the other.
 */
export async function fanOut(dataSource: DataSource, tenantId: string, subscriptionId: string, batch = 500): Promise<number> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('role', $1, true), set_config('${TENANT_SETTING}', $2, true)`, [APP_ROLE, tenantId]);
    const [sub] = (await manager.query(
      `SELECT kinds, feed_seq::text AS seq, feed_id::text AS id FROM webhook_subscription WHERE id = $1 AND status = 'ACTIVE' FOR UPDATE SKIP LOCKED`,
      [subscriptionId],
    )) as { kinds: string[] | null; seq: string | null; id: string | null }[];
    if (!sub) return 0;
    const rows = await readChanges(manager, sub.seq === null ? null : { seq: sub.seq, id: sub.id ?? "0" }, batch);
    if (rows.length === 0) return 0;
    const wanted = rows.filter((row) => sub.kinds === null || sub.kinds.includes(row.kind));
    if (wanted.length > 0) {
      await manager.query(
        `INSERT INTO webhook_delivery (tenant_id, subscription_id, change_id, client_id, kind, body, next_attempt_at)
         SELECT $1, $2, d.change_id, d.client_id, d.kind, d.body, now()
           FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[]) AS d(change_id, client_id, kind, body)
         ON CONFLICT (subscription_id, change_id) DO NOTHING`,
        [tenantId, subscriptionId, wanted.map((r) => r.id), wanted.map((r) => r.clientId), wanted.map((r) => r.kind), wanted.map(bodyOf)],
      );
    }
    const last = positionOf(rows[rows.length - 1]);
    await manager.query(`UPDATE webhook_subscription SET feed_seq = $2, feed_id = $3 WHERE id = $1`, [subscriptionId, last.seq, last.id]);
    return wanted.length;
  });
}

/** The body POSTed (API.md): made once, when queued, so every attempt sends (and signs) the same bytes. */
export const bodyOf = (row: ChangeRow): string =>
  JSON.stringify({ id: row.id, kind: row.kind, clientId: row.clientId, resource: row.resource, resourceId: row.resourceId, changedAt: row.changedAt.toISOString(), fields: row.fields });

/**
 * Sends the company's webhooks: fans out every active subscription, then claims the deliveries due
 * and sends them, at most `concurrency` at once. Per client and subscription only the oldest
 * pending delivery is ever due (a later change waits until it is delivered or given up); other
 * clients don't wait. A claim moves the delivery's next attempt past the attempt's timeout (a
 * lease): another process skips it, and if this one dies the delivery is due again after it.
 * Claims and results are written over the data source's own connection (not a tenant's): the
 * worker serves every tenant, each row's tenant stays as it is.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: WebhookWorkerOptions) {}

  /** Polls every `intervalMs` (a tick never overlaps the previous one). */
  start(intervalMs: number): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .catch((error) => this.options.onError?.(error))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One round: fan out, then send what is due until nothing is. */
  async runOnce(): Promise<void> {
    const { dataSource } = this.options;
    // Only the subscriptions the feed has something after: a caught-up one costs no transaction
    // (down the (tenant_id, seq) index of the commits, from its position).
    const subscriptions = (await dataSource.query(
      `SELECT s.id::text AS id, s.tenant_id FROM webhook_subscription s
        WHERE s.status = 'ACTIVE'
          AND EXISTS (SELECT 1 FROM client_change_commit c JOIN client_change ch ON ch.tenant_id = c.tenant_id AND ch.xact = c.xact
                       WHERE c.tenant_id = s.tenant_id AND c.seq >= coalesce(s.feed_seq, 0)
                         AND (c.seq > coalesce(s.feed_seq, 0) OR ch.id > coalesce(s.feed_id, 0)))
        ORDER BY s.id`,
    )) as { id: string; tenant_id: string }[];
    for (const sub of subscriptions) {
      while ((await fanOut(dataSource, sub.tenant_id, sub.id, this.options.fanOutBatch)) > 0 && !this.stopped);
    }
    // Only what was due when the round began: a delivery that fails again meanwhile waits for a
    // later round, so a round always ends (and the next one fans out what has been written since).
    const [{ began }] = (await dataSource.query(`SELECT now() AS began`)) as { began: Date }[];
    for (;;) {
      const claimed = await this.claim(this.options.concurrency, began);
      if (claimed.length === 0 || this.stopped) return;
      await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    }
  }

  private async claim(limit: number, dueBy: Date): Promise<Claimed[]> {
    const leaseMs = this.options.timeoutMs + 30_000;
    // The second process's UPDATE re-checks next_attempt_at on the row the first one leased: skipped.
    return rowsOf<Claimed>(await this.options.dataSource.query(
      `WITH heads AS (
         SELECT DISTINCT ON (d.subscription_id, d.client_id) d.id, d.next_attempt_at
           FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id AND s.status = 'ACTIVE'
          WHERE d.status = 'PENDING'
          ORDER BY d.subscription_id, d.client_id, d.id
       ), due AS (SELECT id FROM heads WHERE next_attempt_at <= $3 ORDER BY next_attempt_at LIMIT $1)
       UPDATE webhook_delivery d SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
         FROM due, webhook_subscription s
        WHERE d.id = due.id AND s.id = d.subscription_id AND d.status = 'PENDING' AND d.next_attempt_at <= $3
       RETURNING d.id::text AS id, d.tenant_id, d.subscription_id::text AS subscription_id, d.body, d.attempts, s.url, s.secret`,
      [limit, leaseMs, dueBy],
    ));
  }

  private async attempt(delivery: Claimed): Promise<void> {
    const { dataSource, credentials, schedule } = this.options;
    const secret = credentials.decrypt(delivery.secret).apiKey ?? "";
    const started = process.hrtime.bigint();
    const result = await sendWebhook({ deliveryId: delivery.id, url: delivery.url, secret, body: delivery.body }, { policy: this.options.policy, timeoutMs: this.options.timeoutMs });
    this.options.onAttempt?.(result.ok ? "delivered" : "failed", Number(process.hrtime.bigint() - started) / 1e9);
    const attempts = delivery.attempts + 1;
    if (result.ok) {
      await dataSource.query(
        `UPDATE webhook_delivery SET status = 'DELIVERED', attempts = $2, last_status = $3, last_error = NULL, last_attempt_at = now(), delivered_at = now() WHERE id = $1`,
        [delivery.id, attempts, result.status],
      );
      await dataSource.query(`UPDATE webhook_subscription SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`, [delivery.subscription_id]);
      return;
    }
    const delay = retryDelayMs(schedule, attempts);
    await dataSource.query(
      `UPDATE webhook_delivery SET attempts = $2, last_status = $3, last_error = $4, last_attempt_at = now(),
              next_attempt_at = now() + make_interval(secs => $5::double precision / 1000) WHERE id = $1`,
      [delivery.id, attempts, result.status, result.summary.slice(0, 200), delay],
    );
    // Failing since the first failure after the last success; disabled once that is the give-up period ago.
    const [sub] = rowsOf<{ expired: boolean }>(await dataSource.query(
      `UPDATE webhook_subscription SET failing_since = coalesce(failing_since, now()) WHERE id = $1
       RETURNING (now() - failing_since) >= make_interval(secs => $2::double precision / 1000) AS expired`,
      [delivery.subscription_id, schedule.giveUpMs],
    ));
    if (sub?.expired) {
      await dataSource.query(`UPDATE webhook_subscription SET status = 'DISABLED', disabled_at = now() WHERE id = $1 AND status = 'ACTIVE'`, [delivery.subscription_id]);
      await dataSource.query(`UPDATE webhook_delivery SET status = 'FAILED' WHERE subscription_id = $1 AND status = 'PENDING'`, [delivery.subscription_id]);
    }
  }
}

/** Deliveries of every tenant not yet delivered or given up (the metrics' backlog gauge). */
export async function countPendingDeliveries(dataSource: DataSource): Promise<number> {
  const [{ pending }] = (await dataSource.query(`SELECT count(*)::int AS pending FROM webhook_delivery WHERE status = 'PENDING'`)) as { pending: number }[];
  return pending;
}

/** TypeORM answers an UPDATE ... RETURNING as [rows, count] and a SELECT as rows. */
function rowsOf<T>(result: unknown): T[] {
  const list = result as unknown[];
  return (Array.isArray(list[0]) ? list[0] : list) as T[];
}
