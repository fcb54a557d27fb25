import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { createDataSource } from "../src/db/data-source";
import { WriteTransaction } from "../src/db/write-transaction";
import { CrmSimulator } from "../src/sources/crm/simulator";
import { claimRun, handBack, resolveSource } from "../src/sync/cli/foreground";
import { sourceRef } from "../src/sync/cli/args";
import { scratchDatabase } from "./helpers/databases";
import { startCli, type CliOutcome } from "./helpers/sync-cli";
import { addSource, crmRecord, freshTenant, inTenant, rows, swedishOrg } from "./helpers/sync";

/**
 * `npm run sync` as a child process (node -r ts-node/register/transpile-only scripts/sync.ts)
 * against a scratch database with DATABASE_URL set, and a CRM simulator of the test; and what it
 * decides in the database (foreground.ts), in-process.
 */

jest.setTimeout(180_000);

const TOKEN = `crm-secret-${randomUUID()}`;

let database: { url: string; drop(): Promise<void> };
let dataSource: DataSource;
let crm: CrmSimulator | undefined;

beforeAll(async () => {
  database = await scratchDatabase("cli");
  dataSource = createDataSource(database.url, { pool: { size: 4 } });
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

afterEach(async () => {
  await crm?.close();
  crm = undefined;
});

type Outcome = CliOutcome;

const cli = (args: string[], env: Record<string, string> = {}) =>
  startCli(args, { DATABASE_URL: database.url, SYNC_HEARTBEAT_MS: "200", SYNC_STALE_AFTER_MS: "1000", ...env });
const runCli = (args: string[], env?: Record<string, string>) => cli(args, env).done;

async function crmSource(tenant: string, records: ReturnType<typeof crmRecord>[], name = "Test CRM", token = TOKEN) {
  crm = await CrmSimulator.start({ token: TOKEN, companyId: "7", records: records as never });
  return addSource(dataSource, tenant, { kind: "CRM", name, baseUrl: crm.url, companyId: "7", credentials: { bearerToken: token } });
}

const many = (n: number) => Array.from({ length: n }, (_, i) => crmRecord(i + 1));

function expectNoSecret(outcome: Outcome, secret = TOKEN) {
  expect(outcome.stdout).not.toContain(secret);
  expect(outcome.stderr).not.toContain(secret);
}

describe("npm run sync", () => {
  it("syncs a source found by its name in any case, one progress line per page on a non-terminal, and a summary; exit 0", async () => {
    const tenant = freshTenant("cli-ok");
    const sourceId = await crmSource(tenant, many(250));
    const outcome = await runCli(["--company", tenant, "--source", "test crm"], { LOG_LEVEL: "debug" });
    expect(outcome.code).toBe(0);
    expectNoSecret(outcome);
    const [run] = await rows<{ id: string; status: string; requested_by: string; full: boolean }>(dataSource, tenant, "SELECT id, status, requested_by, \"full\" FROM sync_run");
    expect(run).toMatchObject({ status: "SUCCEEDED", full: false });
    expect(run.requested_by).toMatch(/^cli(:|$)/);
    expect(outcome.stderr).toContain(`[sync] run ${run.id}: incremental sync of source ${sourceId} "Test CRM" (CRM), company ${tenant}`);
    expect(outcome.stderr).toMatch(/^page 1, 100 records.*\(created 100, /m);
    expect(outcome.stderr).toMatch(/^page 3, 250 records.*\(created 250, /m);
    expect(outcome.stderr).not.toContain("\r");
    expect(outcome.stdout).toContain(`Sync run ${run.id}: incremental sync of source ${sourceId} "Test CRM" (CRM), company ${tenant}\n`);
    expect(outcome.stdout).toMatch(/^ {2}status {5}SUCCEEDED$/m);
    expect(outcome.stdout).toMatch(/^ {2}created {4}250$/m);
    expect(outcome.stdout).toMatch(/^ {2}rate {7}[\d.,]+ records\/s$/m);
    expect(outcome.stdout).toMatch(/^ {2}issues {5}0$/m);
    const [{ n }] = await rows<{ n: string }>(dataSource, tenant, "SELECT count(*) AS n FROM client");
    expect(Number(n)).toBe(250);

    // --full by id: everything read again, nothing changed.
    const again = await runCli(["--company", tenant, "--source", sourceId, "--full"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("full sync of source");
    expect(again.stdout).toMatch(/^ {2}unchanged {2}250$/m);
  });

  it("exits 2 on a PARTIAL run and lists its issues; exits 1 on a FAILED one, with the source's refusal and never its token", async () => {
    const tenant = freshTenant("cli-partial");
    const records = [crmRecord(1), crmRecord(2, { company_registration_number: swedishOrg(1), corporate_name: "Duplicate AB" })];
    const sourceId = await crmSource(tenant, records);
    const partial = await runCli(["--company", tenant, "--source", sourceId]);
    expect(partial.code).toBe(2);
    expect(partial.stdout).toMatch(/^ {2}status {5}PARTIAL$/m);
    expect(partial.stdout).toMatch(/^ {2}conflicts {2}1$/m);
    expect(partial.stdout).toMatch(/^ {2}issues {5}1$/m);
    expect(partial.stdout).toMatch(/^ {2}KIND +SOURCE ID +FIELD +MESSAGE$/m);
    expect(partial.stdout).toMatch(/^ {2}CONFLICT +2 +/m);

    const wrong = `wrong-token-${randomUUID()}`;
    const failing = await addSource(dataSource, tenant, { kind: "CRM", name: "Locked CRM", baseUrl: crm!.url, companyId: "7", credentials: { bearerToken: wrong } });
    const failed = await runCli(["--company", tenant, "--source", failing], { LOG_LEVEL: "info" });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^ {2}status {5}FAILED$/m);
    expect(failed.stdout).toMatch(/^ {2}message {4}\S/m);
    expect(failed.stderr).toContain('"msg":"sync run failed"');
    expectNoSecret(failed, wrong);
    expectNoSecret(failed);
  });

  it("stops on Ctrl-C with exit 130 and hands the run back with its checkpoint; the next run resumes it", async () => {
    const tenant = freshTenant("cli-int");
    const sourceId = await crmSource(tenant, many(250));
    // The second page takes long: the interrupt comes while the CLI waits for it.
    crm!.server.fault({ match: (r) => r.query.get("offset") === "100", delayMs: 30_000 });
    const running = cli(["--company", tenant, "--source", sourceId]);
    await running.stderrHas("page 1, 100 records");
    running.kill("SIGINT");
    const interrupted = await running.done;
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/interrupted: run \d+ is queued again with its checkpoint \(100 records read so far\)/);
    expect(interrupted.stdout).toBe("");
    const [open] = await rows<{ status: string; fetched: number; checkpoint: unknown; attempt_token: string | null }>(dataSource, tenant, "SELECT status, fetched, checkpoint, attempt_token FROM sync_run");
    expect(open).toMatchObject({ status: "QUEUED", fetched: 100, attempt_token: null });
    expect(open.checkpoint).toMatchObject({ at: { offset: 100 } });

    crm!.server.reset();
    const resumed = await runCli(["--company", tenant, "--source", "Test CRM"]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain("the source's queued incremental run, run here, from its checkpoint (100 records read before)");
    expect(resumed.stdout).toMatch(/^ {2}created {4}250$/m);
    expect(resumed.stdout).toContain("  resumed    100 records were read before this process took the run; 150 by it");
    expect(crm!.server.requests.map((r) => r.query.get("offset"))).toEqual(["100", "200"]);
    const runs = await rows<{ status: string }>(dataSource, tenant, "SELECT status FROM sync_run");
    expect(runs).toEqual([{ status: "SUCCEEDED" }]);
  });

  it("leaves a run going on elsewhere alone (exit 3), and says why it can't find a source (exit 1)", async () => {
    const tenant = freshTenant("cli-busy");
    const sourceId = await addSource(dataSource, tenant, { kind: "CRM", name: "Twin", baseUrl: "http://127.0.0.1:9", companyId: "7", credentials: { bearerToken: TOKEN } });
    await addSource(dataSource, tenant, { kind: "CRM", name: "twin", baseUrl: "http://127.0.0.1:9", companyId: "7", credentials: { bearerToken: TOKEN } });
    const jobId = randomUUID();
    await inTenant(dataSource, tenant, (tx) =>
      tx.query(`INSERT INTO sync_run (tenant_id, source_system_id, status, started_at, heartbeat_at, attempt_token, job_id) VALUES ($1, $2, 'RUNNING', now(), now(), gen_random_uuid(), $3)`, [tenant, sourceId, jobId]),
    );
    const [busy, ambiguous, missing] = await Promise.all([
      runCli(["--company", tenant, "--source", sourceId]),
      runCli(["--company", tenant, "--source", "TWIN"]),
      runCli(["--company", tenant, "--source", "nope"]),
    ]);
    expect(busy.code).toBe(3);
    expect(busy.stderr).toContain(`in the gateway's job queue (job ${jobId}`);
    expect(busy.stderr).toContain("not run twice");
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain(`2 sources of company ${tenant} are named "TWIN"`);
    expect(ambiguous.stderr).toContain("give --source its id");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`company ${tenant} has no source with the name "nope"`);
    expect(missing.stderr).toMatch(/its sources: \d+ "Twin" \(CRM\); \d+ "twin" \(CRM\)/);
    for (const outcome of [busy, ambiguous, missing]) expectNoSecret(outcome);
    const runs = await rows<{ status: string }>(dataSource, tenant, "SELECT status FROM sync_run");
    expect(runs).toEqual([{ status: "RUNNING" }]);
  });

  it("answers --help at once and a usage error with exit 1", async () => {
    const [help, usage] = await Promise.all([runCli(["--help"]), runCli(["--company", "1"])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage:\n  npm run sync -- --company <id> --source <id|name> [--full]");
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("error: --source is required");
  });
});

describe("what the CLI decides in the database", () => {
  const options = { full: false, requestedBy: "cli:test", staleAfterMs: 60_000 };
  const claim = (tenant: string, sourceId: string, over: Partial<typeof options> = {}) => inTenant(dataSource, tenant, (tx) => claimRun(tx, tenant, sourceId, { ...options, ...over }));

  async function source(tenant: string, name = "CRM") {
    return addSource(dataSource, tenant, { kind: "CRM", name, baseUrl: "http://127.0.0.1:9", companyId: "7", credentials: { bearerToken: TOKEN } });
  }

  it("finds a source by id, by a name that is digits, by name in any case; lists the tenant's own sources only", async () => {
    const tenant = freshTenant("resolve");
    const other = freshTenant("resolve-other");
    const id = await source(tenant, "Main CRM");
    const digits = await source(tenant, "2024");
    await source(other, "Elsewhere");
    const find = (text: string) => WriteTransaction.run(dataSource, tenant, (tx) => resolveSource(tx, sourceRef(text)));
    expect(await find(id)).toMatchObject({ kind: "FOUND", source: { id, name: "Main CRM", kind: "CRM", enabled: true } });
    expect(await find("MAIN crm")).toMatchObject({ kind: "FOUND", source: { id } });
    expect(await find("2024")).toMatchObject({ kind: "FOUND", source: { id: digits } });
    const none = await find("Elsewhere");
    expect(none.kind).toBe("NONE");
    expect(none.kind === "NONE" && none.known.map((s) => s.name)).toEqual(["Main CRM", "2024"]);
  });

  it("takes a new run or the source's queued one (made full while it has no checkpoint), so no worker starts it", async () => {
    const tenant = freshTenant("claim");
    const sourceId = await source(tenant);
    await inTenant(dataSource, tenant, (tx) => tx.query(`INSERT INTO sync_run (tenant_id, source_system_id, status, "full", requested_by) VALUES ($1, $2, 'QUEUED', false, 'schedule')`, [tenant, sourceId]));
    const queued = await claim(tenant, sourceId, { full: true });
    expect(queued).toMatchObject({ kind: "QUEUED", fullIgnored: false, run: { status: "RUNNING", full: true, requestedBy: "schedule" } });
    await inTenant(dataSource, tenant, (tx) => tx.query(`UPDATE sync_run SET status = 'SUCCEEDED', finished_at = now()`));
    const fresh = await claim(tenant, sourceId);
    expect(fresh).toMatchObject({ kind: "NEW", run: { status: "RUNNING", full: false, requestedBy: "cli:test" } });
  });

  it("resumes a foreground run only once it is silent, never one of the job queue; hands back only its own attempt", async () => {
    const tenant = freshTenant("claim-busy");
    const sourceId = await source(tenant);
    const first = await claim(tenant, sourceId);
    expect(first.kind).toBe("NEW");
    // Just taken (a fresh heartbeat): another process leaves it alone.
    expect(await claim(tenant, sourceId)).toMatchObject({ kind: "BUSY", where: "ANOTHER_PROCESS" });
    await inTenant(dataSource, tenant, (tx) => tx.query(`UPDATE sync_run SET heartbeat_at = now() - interval '2 minutes', attempt_token = gen_random_uuid()`));
    const resumed = await claim(tenant, sourceId, { full: true });
    expect(resumed).toMatchObject({ kind: "RESUMED", fullIgnored: true });
    expect(resumed.kind === "RESUMED" && resumed.silentForMs).toBeGreaterThan(100_000);

    const [{ attempt_token: token, id }] = await rows<{ attempt_token: string; id: string }>(dataSource, tenant, "SELECT id, attempt_token FROM sync_run");
    expect(await inTenant(dataSource, tenant, (tx) => handBack(tx, id, randomUUID(), "x"))).toBe(false);
    expect(await inTenant(dataSource, tenant, (tx) => handBack(tx, id, token, "Interrupted"))).toBe(true);
    expect(await rows(dataSource, tenant, "SELECT status, attempt_token, heartbeat_at, message FROM sync_run")).toEqual([{ status: "QUEUED", attempt_token: null, heartbeat_at: null, message: "Interrupted" }]);

    await inTenant(dataSource, tenant, (tx) => tx.query(`UPDATE sync_run SET status = 'RUNNING', job_id = gen_random_uuid(), heartbeat_at = now() - interval '1 hour'`));
    expect(await claim(tenant, sourceId)).toMatchObject({ kind: "BUSY", where: "JOB_QUEUE" });
  });

  it("refuses a disabled source", async () => {
    const tenant = freshTenant("claim-off");
    const sourceId = await source(tenant);
    await inTenant(dataSource, tenant, (tx) => tx.query(`UPDATE source_system SET enabled = false`));
    expect(await claim(tenant, sourceId)).toEqual({ kind: "DISABLED" });
  });
});
