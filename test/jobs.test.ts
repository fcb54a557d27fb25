import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "pg";
import { HANDED_OVER, JobContext, JobHandler, JobQueue, JobQueueOptions, startJobQueue, SYNC_RUN_QUEUE, SyncRunJob, syncKey } from "../src/sync/jobs";
import { waitFor } from "./helpers/wait";
import { GatewayMetrics } from "../src/observability/metrics";

/**
 * The job queue on the test database with the real pg-boss: each test in a pg-boss schema of its
 * own, dropped afterwards. Two JobQueues on one schema stand for two gateway processes.
 */
const url = () => process.env.TEST_DATABASE_URL!;
let schema: string;
const started: JobQueue[] = [];

async function queue(options: Partial<JobQueueOptions> = {}): Promise<JobQueue> {
  const jobs = await startJobQueue({ url: url(), schema, pollingIntervalMs: 500, maintenanceIntervalSeconds: false, ...options });
  started.push(jobs);
  return jobs;
}


const job = (sourceId = randomUUID(), overrides: Partial<SyncRunJob> = {}): SyncRunJob => ({ tenantId: "t-jobs", sourceId, runId: randomUUID(), full: false, ...overrides });

beforeEach(() => {
  schema = `pgboss_test_${randomUUID().slice(0, 8)}`;
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((jobs) => jobs.stop()));
  const client = new Client({ connectionString: url() });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

describe("the job queue (pg-boss 10)", () => {
  it("neither completes nor fails a job whose handler answers HANDED_OVER (another attempt has it)", async () => {
    let ran = false;
    const jobs = await queue({ handlers: { [SYNC_RUN_QUEUE]: async () => ((ran = true), HANDED_OVER) } });
    const { jobId } = await jobs.enqueueSync(job());
    await waitFor("the handler", () => ran);
    // Stopped with nothing running: had the worker completed or failed it, it would show here.
    await jobs.stop();
    const found = await startJobQueue({ url: url(), schema, maintenanceIntervalSeconds: false });
    started.push(found);
    expect((await found.job(SYNC_RUN_QUEUE, jobId))?.state).toBe("active");
  });

  it("tells the metrics of each job that ends and of the jobs waiting per queue", async () => {
    const metrics = new GatewayMetrics();
    const jobs = await queue({ onJobEnd: (name, outcome, seconds) => metrics.jobEnded(name, outcome, seconds) });
    metrics.watchBacklog(() => jobs.depths(), async () => 0);
    const text = () => metrics.registry.metrics();
    // Two sources' runs queued, no handler yet: both wait.
    await jobs.enqueueSync(job());
    await jobs.enqueueSync(job());
    expect(await jobs.depths()).toMatchObject({ [SYNC_RUN_QUEUE]: 2 });
    expect(await text()).toMatch(new RegExp(`^gateway_job_queue_depth\\{queue="${SYNC_RUN_QUEUE}"\\} 2$`, "m"));
    let ran = 0;
    jobs.handle(SYNC_RUN_QUEUE, async () => void ran++);
    await waitFor("both runs", async () => ran === 2 && (await text()).includes(`gateway_jobs_total{queue="${SYNC_RUN_QUEUE}",outcome="completed"} 2`));
    expect(await jobs.depths()).toMatchObject({ [SYNC_RUN_QUEUE]: 0 });
    expect(await text()).toMatch(new RegExp(`^gateway_job_duration_seconds_count\\{queue="${SYNC_RUN_QUEUE}"\\} 2$`, "m"));
  });

  it("runs a job with its data and completes it", async () => {
    const seen: { data: SyncRunJob; context: JobContext }[] = [];
    const jobs = await queue({ handlers: { [SYNC_RUN_QUEUE]: async (data, context) => void seen.push({ data, context }) } });
    const sent = job();
    const { jobId, queued } = await jobs.enqueueSync(sent);
    expect(queued).toBe(true);
    const stored = await waitFor("completion", async () => {
      const found = await jobs.job(SYNC_RUN_QUEUE, jobId);
      return found?.state === "completed" && found;
    });
    expect(seen).toHaveLength(1);
    expect(seen[0].data).toEqual(sent);
    expect(seen[0].context).toMatchObject({ id: jobId, attempt: 1, lastAttempt: false });
    expect(stored).toMatchObject({ policy: "singleton", singletonKey: syncKey(sent), retryBackoff: true });
  });

  it("retries a failing job with backoff, then fails it", async () => {
    const attempts: { at: number; attempt: number; lastAttempt: boolean }[] = [];
    const jobs = await queue({
      policies: { [SYNC_RUN_QUEUE]: { retryLimit: 2, retryDelaySeconds: 1 } },
      handlers: {
        [SYNC_RUN_QUEUE]: async (_data, context) => {
          attempts.push({ at: Date.now(), attempt: context.attempt, lastAttempt: context.lastAttempt });
          throw new Error(`source refused (attempt ${context.attempt})`);
        },
      },
    });
    const { jobId } = await jobs.enqueueSync(job());
    const failed = await waitFor("the final failure", async () => {
      const found = await jobs.job(SYNC_RUN_QUEUE, jobId);
      return found?.state === "failed" && found;
    });
    expect(attempts.map(({ attempt, lastAttempt }) => ({ attempt, lastAttempt }))).toEqual([
      { attempt: 1, lastAttempt: false },
      { attempt: 2, lastAttempt: false },
      { attempt: 3, lastAttempt: true },
    ]);
    // Backoff: delay * 2^n / 2 * (1 + random()) s, so the first retry after 1..2 s, the second after 2..4 s.
    const first = attempts[1].at - attempts[0].at;
    const second = attempts[2].at - attempts[1].at;
    expect(first).toBeGreaterThanOrEqual(950);
    expect(second).toBeGreaterThanOrEqual(1950);
    expect(failed).toMatchObject({ retryCount: 2, retryLimit: 2, output: { name: "Error", message: "source refused (attempt 3)" } });
    await sleep(1_500);
    expect(attempts).toHaveLength(3);
  }, 30_000);

  it("never runs one source twice at once across two processes, even with its jobs sent around enqueueSync", async () => {
    const active = new Map<string, number>();
    let overlap = 0;
    const ran: string[] = [];
    const handler: JobHandler<SyncRunJob> = async (data, context) => {
      const now = (active.get(data.sourceId) ?? 0) + 1;
      active.set(data.sourceId, now);
      overlap = Math.max(overlap, now);
      await sleep(300);
      active.set(data.sourceId, (active.get(data.sourceId) ?? 1) - 1);
      ran.push(context.id);
    };
    const one = await queue({ concurrency: 2, handlers: { [SYNC_RUN_QUEUE]: handler } });
    const two = await queue({ concurrency: 2, handlers: { [SYNC_RUN_QUEUE]: handler } });
    const source = job();
    // pg-boss's own send, same singleton key: four jobs queued for one source at once.
    const ids = await Promise.all(
      [one, two, one, two].map((jobs) => jobs.boss.send(SYNC_RUN_QUEUE, { ...source, runId: randomUUID() }, { singletonKey: syncKey(source) })),
    );
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    await waitFor("all four runs", () => ran.length === 4);
    expect(overlap).toBe(1);
    expect([...ran].sort()).toEqual([...(ids as string[])].sort());
  }, 30_000);

  it("queues one job per source: a second request answers the open job, and a busy source holds up no other", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const busy = job();
    const other = job();
    const begun = new Set<string>();
    const finished = new Set<string>();
    const handler: JobHandler<SyncRunJob> = async (data) => {
      begun.add(data.sourceId);
      if (data.sourceId === busy.sourceId) await released;
      finished.add(data.sourceId);
    };
    const one = await queue({ concurrency: 2, handlers: { [SYNC_RUN_QUEUE]: handler } });
    const two = await queue({ concurrency: 2, handlers: { [SYNC_RUN_QUEUE]: handler } });
    // Five requests at once from two processes: one job.
    const answers = await Promise.all([one, two, one, two, one].map((jobs) => jobs.enqueueSync({ ...busy, runId: randomUUID() })));
    expect(answers.filter((answer) => answer.queued)).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.jobId)).size).toBe(1);
    await waitFor("the busy source's run", () => begun.has(busy.sourceId));
    // While it runs: another request for it answers the running job; another source runs meanwhile.
    expect(await two.enqueueSync({ ...busy, runId: randomUUID() })).toEqual({ jobId: answers[0].jobId, queued: false });
    const { queued } = await one.enqueueSync(other);
    expect(queued).toBe(true);
    await waitFor("the other source's run", () => finished.has(other.sourceId));
    expect(finished.has(busy.sourceId)).toBe(false);
    release();
    await waitFor("the busy source's end", () => finished.has(busy.sourceId));
    // Finished: the next request queues a new job.
    await waitFor("completion", async () => (await one.job(SYNC_RUN_QUEUE, answers[0].jobId))?.state === "completed");
    expect(await one.enqueueSync({ ...busy, runId: randomUUID() })).toMatchObject({ queued: true });
  }, 30_000);

  it("(pg-boss itself) stalls the queue behind a due job of a busy source: why enqueueSync queues one job per source", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const busy = job();
    const other = job();
    const ran: string[] = [];
    const jobs = await queue({
      concurrency: 2,
      handlers: {
        [SYNC_RUN_QUEUE]: async (data) => {
          if (data.sourceId === busy.sourceId && ran.length === 0) await released;
          ran.push(data.sourceId);
        },
      },
    });
    const send = (data: SyncRunJob) => jobs.boss.send(SYNC_RUN_QUEUE, data, { singletonKey: syncKey(data) });
    const first = await send(busy);
    await waitFor("the busy source's run", async () => (await jobs.job(SYNC_RUN_QUEUE, first!))?.state === "active");
    await send({ ...busy, runId: randomUUID() });
    await sleep(50);
    await send(other);
    // Four polls with a slot free: the other source's job waits behind the busy source's second one.
    await sleep(2_000);
    expect(ran).toEqual([]);
    release();
    await waitFor("all three runs", () => ran.length === 3);
    expect(ran[0]).toBe(busy.sourceId);
    expect([...ran].sort()).toEqual([busy.sourceId, busy.sourceId, other.sourceId].sort());
  }, 30_000);

  it("stop() waits for the running job to finish and records it", async () => {
    const events: string[] = [];
    const jobs = await queue({
      handlers: {
        [SYNC_RUN_QUEUE]: async () => {
          events.push("started");
          await sleep(1_500);
          events.push("finished");
        },
      },
    });
    const { jobId } = await jobs.enqueueSync(job());
    await waitFor("the job's start", () => events.includes("started"));
    await jobs.stop();
    events.push("stopped");
    expect(events).toEqual(["started", "finished", "stopped"]);
    // Read with a queue of its own: the stopped one has closed its connections.
    const reader = await queue({ handlers: {} });
    expect((await reader.job(SYNC_RUN_QUEUE, jobId))?.state).toBe("completed");
  }, 30_000);

  it("stop() fails a job still running at its timeout (so it is retried) and aborts its signal", async () => {
    let signal: AbortSignal | undefined;
    const jobs = await queue({
      stopTimeoutMs: 1_000,
      policies: { [SYNC_RUN_QUEUE]: { retryLimit: 1, retryDelaySeconds: 60 } },
      handlers: {
        [SYNC_RUN_QUEUE]: async (_data, context) => {
          signal = context.signal;
          await sleep(30_000, undefined, { signal: context.signal });
        },
      },
    });
    const { jobId } = await jobs.enqueueSync(job());
    await waitFor("the job's start", () => signal);
    const stopping = Date.now();
    await jobs.stop();
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(signal!.aborted).toBe(true);
    const reader = await queue({ handlers: {} });
    expect(await reader.job(SYNC_RUN_QUEUE, jobId)).toMatchObject({ state: "retry", output: { message: "The gateway stopped before the job ended" } });
  }, 30_000);

  it("holds a job past its expiry until its handler has ended: the retry never runs beside it", async () => {
    let active = 0;
    let most = 0;
    const attempts: number[] = [];
    const jobs = await queue({
      concurrency: 2,
      policies: { [SYNC_RUN_QUEUE]: { retryLimit: 2, retryDelaySeconds: 0, expireInSeconds: 1 } },
      handlers: {
        [SYNC_RUN_QUEUE]: async (_data, context) => {
          attempts.push(context.attempt);
          most = Math.max(most, ++active);
          try {
            // The first try ignores its signal for a while (a sync still writing its page).
            if (context.attempt === 1) await sleep(5_000);
          } finally {
            active--;
          }
        },
      },
    });
    const { jobId } = await jobs.enqueueSync(job());
    await waitFor("the retry's completion", async () => (await jobs.job(SYNC_RUN_QUEUE, jobId))?.state === "completed", 20_000);
    expect(attempts).toEqual([1, 2]);
    expect(most).toBe(1);
  }, 30_000);
});
