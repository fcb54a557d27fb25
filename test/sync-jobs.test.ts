import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { CrmSimulator } from "../src/sources/crm/simulator";
import { SyncDispatcher } from "../src/sync/dispatcher";
import { syncRunHandler } from "../src/sync/engine/run-sync";
import { JobQueue, startJobQueue, SYNC_RUN_QUEUE } from "../src/sync/jobs";
import { queueRun } from "../src/sync/runs";
import { scratchDatabase } from "./helpers/databases";
import { ServerProcess } from "./helpers/server-process";
import { addSource, crmRecord, fastHttp, freshTenant, inTenant, rows, testCipher } from "./helpers/sync";
import { waitFor } from "./helpers/wait";

/**
 * Sync runs on the real job queue: several workers (processes) sharing one database, and a worker
 * killed half-way. Each test has a database of its own: the dispatcher hands over every tenant's
 * queued runs, and must not take other test files' runs.
 */


const records = Array.from({ length: 300 }, (_, i) => crmRecord(i + 1));

interface RunRow {
  status: string;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

async function finished(dataSource: DataSource, tenant: string, runId: string): Promise<RunRow | false> {
  const [run] = await rows<RunRow>(dataSource, tenant, `SELECT status, fetched, created, updated, unchanged, failed FROM sync_run WHERE id = $1`, [runId]);
  return run && !["QUEUED", "RUNNING"].includes(run.status) ? run : false;
}

describe("sync runs on the job queue", () => {
  let scratch: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let crm: CrmSimulator;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    scratch = await scratchDatabase("sync_jobs");
    dataSource = createDataSource(scratch.url, { pool: { size: 6 } });
    await dataSource.initialize();
    crm = await CrmSimulator.start({ token: "crm-token", companyId: "7", records: records as never });
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await crm.close();
    await dataSource.destroy();
    await scratch.drop();
  });

  async function queued(tenant: string): Promise<{ sourceId: string; runId: string }> {
    const sourceId = await addSource(dataSource, tenant, { kind: "CRM", baseUrl: crm.url, companyId: "7", credentials: { bearerToken: "crm-token" } });
    const outcome = await inTenant(dataSource, tenant, (tx) => queueRun(tx, tenant, sourceId, { full: false, requestedBy: "test" }));
    if (outcome.kind !== "QUEUED") throw new Error(outcome.kind);
    return { sourceId, runId: outcome.run.id };
  }

  it("runs a source once when two processes share the database", async () => {
    const runsSeen: string[] = [];
    const workers: { jobs: JobQueue; dispatcher: SyncDispatcher }[] = [];
    for (let i = 0; i < 2; i++) {
      const handler = syncRunHandler({ dataSource, cipher: testCipher, http: fastHttp });
      const jobs = await startJobQueue({
        url: scratch.url,
        pollingIntervalMs: 500,
        maintenanceIntervalSeconds: false,
        handlers: { [SYNC_RUN_QUEUE]: async (data, context) => (runsSeen.push(data.runId), handler(data, context)) },
      });
      const dispatcher = new SyncDispatcher({ dataSource, jobs, intervalMs: 200 });
      workers.push({ jobs, dispatcher });
      cleanups.push(async () => {
        await dispatcher.stop();
        await jobs.stop();
      });
    }
    const tenant = freshTenant("two");
    const { sourceId, runId } = await queued(tenant);
    // Both processes hand over at once; then a second start while it runs gets the same run.
    await Promise.all(workers.map((w) => w.dispatcher.dispatch()));
    const again = await inTenant(dataSource, tenant, (tx) => queueRun(tx, tenant, sourceId, { full: false, requestedBy: "test" }));
    expect(again).toMatchObject({ run: { id: runId } });
    await Promise.all(workers.map((w) => w.dispatcher.dispatch()));
    const run = await waitFor("the run to end", () => finished(dataSource, tenant, runId));
    expect(run).toMatchObject({ status: "SUCCEEDED", fetched: 300, created: 300, failed: 0 });
    expect(runsSeen).toEqual([runId]);
    // Three full pages, then the empty one that ends the listing: each asked for once.
    expect(crm.server.requests.map((r) => r.query.get("offset"))).toEqual(["0", "100", "200", "300"]);
    const [{ n }] = await rows<{ n: string }>(dataSource, tenant, "SELECT count(*) AS n FROM client");
    expect(Number(n)).toBe(300);
  });

  it("queues a run for a source whose schedule is due, hands it to the queue, and leaves one that is not due", async () => {
    const jobs = await startJobQueue({ url: scratch.url, pollingIntervalMs: 500, maintenanceIntervalSeconds: false });
    const dispatcher = new SyncDispatcher({ dataSource, jobs, intervalMs: 60_000 });
    cleanups.push(async () => {
      await dispatcher.stop();
      await jobs.stop();
    });
    const tenant = freshTenant("schedule");
    const source = (name: string) => addSource(dataSource, tenant, { kind: "CRM", name, baseUrl: crm.url, companyId: "7", credentials: { bearerToken: "crm-token" } });
    const due = await source("due");
    const recent = await source("recent");
    const unscheduled = await source("unscheduled");
    await inTenant(dataSource, tenant, async (tx) => {
      await tx.query(`UPDATE source_system SET schedule = 'PT15M' WHERE id = ANY($1::bigint[])`, [[due, recent]]);
      await tx.query(`INSERT INTO sync_run (tenant_id, source_system_id, status, queued_at, finished_at) VALUES ($1, $2, 'SUCCEEDED', now() - interval '16 minutes', now() - interval '15 minutes')`, [tenant, due]);
      await tx.query(`INSERT INTO sync_run (tenant_id, source_system_id, status, queued_at, finished_at) VALUES ($1, $2, 'SUCCEEDED', now() - interval '5 minutes', now() - interval '4 minutes')`, [tenant, recent]);
    });
    await dispatcher.dispatch();
    const open = await rows<{ source_system_id: string; status: string; requested_by: string; job_id: string | null }>(
      dataSource,
      tenant,
      `SELECT source_system_id, status, requested_by, job_id FROM sync_run WHERE status = 'QUEUED'`,
    );
    expect(open).toEqual([{ source_system_id: due, status: "QUEUED", requested_by: "schedule", job_id: expect.any(String) }]);
    expect((await jobs.job(SYNC_RUN_QUEUE, open[0].job_id!))?.data).toMatchObject({ sourceId: due, tenantId: tenant });
    // A second tick queues nothing more: the source has its open run.
    await dispatcher.dispatch();
    const [{ n }] = await rows<{ n: string }>(dataSource, tenant, `SELECT count(*) AS n FROM sync_run WHERE source_system_id = ANY($1::bigint[])`, [[due, recent, unscheduled]]);
    expect(Number(n)).toBe(3);
  });

  it("queues again a foreground run whose process died (no job, heartbeat stale), and the queue finishes it from its checkpoint", async () => {
    const handler = syncRunHandler({ dataSource, cipher: testCipher, http: fastHttp });
    const jobs = await startJobQueue({ url: scratch.url, pollingIntervalMs: 500, maintenanceIntervalSeconds: false, handlers: { [SYNC_RUN_QUEUE]: handler } });
    const dispatcher = new SyncDispatcher({ dataSource, jobs, intervalMs: 60_000, staleAfterMs: 1_000 });
    cleanups.push(async () => {
      await dispatcher.stop();
      await jobs.stop();
    });
    const tenant = freshTenant("orphan");
    const { runId } = await queued(tenant);
    // As `npm run sync` leaves it when killed after its second page: RUNNING, no job, silent.
    await inTenant(dataSource, tenant, (tx) =>
      tx.query(
        `UPDATE sync_run SET status = 'RUNNING', queued_at = now() - interval '2 minutes', started_at = now() - interval '1 minute', heartbeat_at = now() - interval '1 minute', attempt_token = gen_random_uuid(),
                checkpoint = '{"since": null, "at": {"offset": 200, "watermark": null}, "heldBack": null}', fetched = 200, created = 200 WHERE id = $1`,
        [runId],
      ),
    );
    await dispatcher.dispatch();
    const run = await waitFor("the orphan to end", () => finished(dataSource, tenant, runId));
    expect(run).toMatchObject({ status: "SUCCEEDED", fetched: 300, created: 300 });
    expect(crm.server.requests.map((r) => r.query.get("offset"))).toEqual(["200", "300"]);
  });

  it("resumes a run whose process was killed half-way from its last committed page, in another process", async () => {
    const tenant = freshTenant("crash");
    const { runId } = await queued(tenant);
    // The third page stalls: the first process dies waiting for it.
    crm.server.fault({ match: (r) => r.query.get("offset") === "200", delayMs: 60_000, times: 1 });
    const env = {
      DATABASE_URL: scratch.url,
      SYNC_DISPATCH_INTERVAL_MS: "200",
      SYNC_HEARTBEAT_MS: "200",
      SYNC_STALE_AFTER_MS: "1000",
      SYNC_RETRY_DELAY_SECONDS: "1",
    };
    const first = ServerProcess.start(env);
    cleanups.push(async () => void first.child.kill("SIGKILL"));
    await first.line("GraphQL API ready");
    await waitFor("the third page to be asked for", async () => crm.server.requests.some((r) => r.query.get("offset") === "200"));
    // The third page is read ahead while the second applies: wait for the second's commit.
    const midway = await waitFor("the second page's commit", async () => {
      const [run] = await rows<RunRow>(dataSource, tenant, `SELECT status, fetched, created FROM sync_run WHERE id = $1`, [runId]);
      return run.fetched === 200 && run;
    });
    expect(midway).toMatchObject({ status: "RUNNING", fetched: 200, created: 200 });
    first.child.kill("SIGKILL");
    await first.exited;
    const before = crm.server.requests.length;

    const second = ServerProcess.start(env);
    cleanups.push(async () => {
      second.child.kill("SIGTERM");
      await second.exited;
    });
    await second.line("GraphQL API ready");
    const run = await waitFor("the resumed run to end", () => finished(dataSource, tenant, runId), 60_000);
    // As an uninterrupted run ends: every record once, nothing counted twice.
    expect(run).toMatchObject({ status: "SUCCEEDED", fetched: 300, created: 300, updated: 0, unchanged: 0, failed: 0 });
    expect(crm.server.requests.slice(before).map((r) => r.query.get("offset"))).toEqual(["200", "300"]);
    const [{ n, distinct }] = await rows<{ n: string; distinct: string }>(dataSource, tenant, "SELECT count(*) AS n, count(DISTINCT org_number) AS distinct FROM client");
    expect([Number(n), Number(distinct)]).toEqual([300, 300]);
    await second.line("sync run lost its worker; its job is retried");
  }, 120_000);
});
