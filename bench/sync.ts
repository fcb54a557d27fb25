/**
 * Measures the sync engine (src/sync/engine/run-sync.ts) on simulated sources:
 *
 *   npm run bench:sync [-- --records 10000 --small 2000 --aptic 2000 --aptic-latency 0 --only aptic --pool 4 --profile DIR --statements 12 --keep-seconds 0]
 *
 * Starts a throwaway PostgreSQL (embedded, in a temp dir; or a scratch database on DATABASE_URL's
 * server) and, in a child process (bench/sync-sources.ts), a CRM simulator with --records
 * businesses and an invoicing simulator with --records customers, half of them the CRM's second
 * half by org number, about 40% with open invoices. Then, in this process and on a fresh tenant,
 * it runs the runs one after the other with runSync (no job queue), as the gateway's worker does:
 *
 *   CRM first       first sync of the CRM (creates every client)
 *   INV first       first sync of the invoicing system (reconciles half onto the CRM's clients)
 *   CRM incr        incremental, nothing changed (the CRM lists only what changed: ~nothing)
 *   INV incr        incremental, nothing changed (the whole listing, no details)
 *   CRM full        full run, nothing changed (reads every record; content hashes equal)
 *   INV full        full run, nothing changed (every detail)
 *   CRM incr 1%     incremental after 1% of the CRM's records changed (a phone)
 *   INV incr 1%     incremental after 1% of the customers changed (an email)
 *
 * and after all of those, on a tenant of its own, an Aptic simulator (same child process) with --aptic clients of its
 * dataset, every nested resource (some 12 requests a client; every 10th client has 150 loan
 * transactions, two pages):
 *
 *   APT first       first sync (creates every client with all its nested resources)
 *   APT again       the next run, nothing changed (Aptic has no change filter: every client and
 *                   resource is read again; content hashes equal, nothing written)
 *
 * reported besides the table as clients/s, HTTP requests/s (the simulator's count) and this
 * process's CPU per client: the goal is that the source's
 * concurrency limit (4 in flight), not the gateway, bounds the run. --aptic-latency MS makes the
 * simulator take MS milliseconds over every answer, as a remote API does (the local simulator answers
 * in well under one): the run's bound is then 4 / MS requests a millisecond, and the report shows how
 * near the run comes to it. --only aptic runs only that part (--aptic 0 skips it).
 *
 * and before all of that the first CRM sync of a --small data set on a tenant of its own (which
 * also warms the process up), and after it the same again on another tenant, to compare memory:
 * the gateway's heap during a first sync should not depend on the number of records (the run
 * goes page by page).
 *
 * Per run: records in the source and fetched, wall time, records/s (source records / wall: an
 * incremental CRM run fetches almost nothing but covers the whole source), SQL statements per
 * fetched record (data statements, and framing: BEGIN/SAVEPOINT/RELEASE/COMMIT/set_config),
 * CPU of this process (the gateway's code, pg driver included), of PostgreSQL (its processes'
 * utime+stime from /proc; embedded only) and of the simulators (their own process), peak RSS
 * and peak V8 heap (sampled every 50 ms), and the RSS's growth over the run. --keep-seconds N
 * keeps the database up that long at the end (its URL printed), to look at it. --profile DIR writes a V8 CPU profile of
 * each run (DIR/<run>.cpuprofile); --statements N prints each run's N most frequent statements.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fork, type ChildProcess } from "node:child_process";
import { Session } from "node:inspector/promises";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import type { DataSource } from "typeorm";
import { DEVELOPMENT_SOURCE_CREDENTIALS_KEY } from "../src/config";
import { ensureDatabase } from "../src/db/database";
import { createDataSource } from "../src/db/data-source";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { WriteTransaction } from "../src/db/write-transaction";
import { CredentialsCipher } from "../src/sources/credentials";
import type { ListingPosition } from "../src/sync/engine/connectors";
import { runSync, type RunResult, type SyncEnvironment } from "../src/sync/engine/run-sync";
import { queueRun } from "../src/sync/runs";
import { BENCH_APTIC_CLIENT, BENCH_APTIC_SECRET, BENCH_COMPANY, BENCH_TOKEN, type SourcesReply, type SourcesRequest } from "./sync-protocol";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number, got ${process.argv[index + 1]}`);
  return value;
}
const textOption = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? path.resolve(String(process.argv[index + 1])) : undefined;
};

v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

// --- The simulators' process ---

class Sources {
  private waiting: Array<(reply: SourcesReply) => void> = [];
  private constructor(readonly child: ChildProcess) {
    child.on("message", (reply: SourcesReply) => this.waiting.shift()?.(reply));
  }
  static start(): Sources {
    const compiled = __filename.endsWith(".js");
    const child = fork(path.join(__dirname, compiled ? "sync-sources.js" : "sync-sources.ts"), [], {
      execArgv: compiled ? [] : ["-r", "ts-node/register/transpile-only"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new Sources(child);
  }
  ask<T extends SourcesReply["type"]>(request: SourcesRequest): Promise<Extract<SourcesReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the simulators' process exited (${code})`));
      this.child.once("exit", onExit);
      this.waiting.push((reply) => {
        this.child.off("exit", onExit);
        resolve(reply as Extract<SourcesReply, { type: T }>);
      });
      this.child.send(request);
    });
  }
  async cpuMs(): Promise<number> {
    const cpu = await this.ask<"cpu">({ type: "cpu" });
    return cpu.userMs + cpu.systemMs;
  }
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await Promise.race([this.ask({ type: "stop" }), new Promise((resolve) => setTimeout(resolve, 3_000))]);
    this.child.kill();
  }
}

// --- PostgreSQL's CPU: every descendant of this process but the simulators' (Linux /proc), reaped children included ---

const TICK_MS = 10; // USER_HZ is 100 on Linux
function postgresCpuMs(excluded: number | undefined): number | null {
  if (process.platform !== "linux") return null;
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
      // utime + stime, and cutime + cstime: the postmaster's exited backends (a pool closes idle connections).
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * TICK_MS);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  for (const [pid, ms] of cpu) {
    if (pid === excluded) continue;
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) {
      if (p === excluded) break;
      if (p === process.pid) {
        total += ms;
        break;
      }
    }
  }
  return total;
}

// --- Where a run's time goes: waiting for the source's next page, applying a page, the rest ---

/** Time waiting for the connector's next page (HTTP and mapping) and inside applyPage, ms. */
const timing = { sourceMs: 0, applyMs: 0 };
const now = () => Number(process.hrtime.bigint()) / 1e6;
/**
 * Wraps the engine's connectorFor and applyPageSafely (the compiled modules' exports, which
 * run-sync.js reads at each call) to time them; nothing else changes. The run reads a page ahead
 * while it applies the one before, so the source's time overlaps the apply time.
 */
function timeEngine(): void {
  const connectors = require("../src/sync/engine/connectors") as Record<string, unknown>;
  const apply = require("../src/sync/engine/apply") as Record<string, unknown>;
  const connectorFor = connectors.connectorFor as typeof import("../src/sync/engine/connectors").connectorFor;
  const applyPage = apply.applyPageSafely as typeof import("../src/sync/engine/apply").applyPageSafely;
  connectors.connectorFor = (...args: Parameters<typeof connectorFor>) => {
    const connector = connectorFor(...args);
    return {
      ...connector,
      async *pages(position: ListingPosition, signal: AbortSignal) {
        const pages = connector.pages(position, signal);
        try {
          for (;;) {
            const started = now();
            const next = await pages.next();
            timing.sourceMs += now() - started;
            if (next.done) return;
            yield next.value;
          }
        } finally {
          await pages.return(undefined);
        }
      },
    };
  };
  apply.applyPageSafely = async (...args: Parameters<typeof applyPage>) => {
    const started = now();
    try {
      return await applyPage(...args);
    } finally {
      timing.applyMs += now() - started;
    }
  };
}

// --- Statements, by their text's start ---

const tally = new Map<string, number>();
function countStatements(dataSource: DataSource): void {
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    const key = query.replace(/\s+/g, " ").trim().replace(/^((?:ROLLBACK TO |RELEASE )?SAVEPOINT) \S+$/, "$1 <name>").slice(0, 90);
    tally.set(key, (tally.get(key) ?? 0) + 1);
    original(query, parameters, runner);
  };
}

// --- One run, measured ---

interface Figures {
  label: string;
  records: number;
  result: RunResult;
  wallMs: number;
  cpuMs: number;
  pgMs: number | null;
  simMs: number;
  /** Waiting for the source's pages (HTTP, the details of a page, mapping), and inside applyPage. */
  sourceMs: number;
  applyMs: number;
  peakRssMb: number;
  rssGrowthMb: number;
  /** The largest V8 heap in use seen during the run (sampled every 50 ms). */
  peakHeapMb: number;
  heapAfterMb: number;
  issues: number;
  statements: Array<[string, number]>;
}

const cipher = new CredentialsCipher(DEVELOPMENT_SOURCE_CREDENTIALS_KEY);

async function addSource(dataSource: DataSource, tenantId: string, kind: "CRM" | "INVOICING", baseUrl: string): Promise<string> {
  return WriteTransaction.run(dataSource, tenantId, async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO source_system (tenant_id, kind, name, base_url, company_id, credentials) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [tenantId, kind, kind === "CRM" ? "CRM" : "Invoicing", baseUrl, BENCH_COMPANY, cipher.encrypt({ bearerToken: BENCH_TOKEN })],
    );
    return row.id;
  });
}

async function addApticSource(dataSource: DataSource, tenantId: string, baseUrl: string, tokenUrl: string): Promise<string> {
  return WriteTransaction.run(dataSource, tenantId, async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO source_system (tenant_id, kind, name, base_url, credentials) VALUES ($1, 'APTIC', 'Aptic', $2, $3) RETURNING id`,
      [tenantId, baseUrl, cipher.encrypt({ oauth2: { tokenUrl, clientId: BENCH_APTIC_CLIENT, clientSecret: BENCH_APTIC_SECRET } })],
    );
    return row.id;
  });
}

async function measure(
  environment: SyncEnvironment,
  sources: Sources,
  simulatorPid: number | undefined,
  label: string,
  tenantId: string,
  sourceId: string,
  full: boolean,
  records: number,
  profileDir: string | undefined,
): Promise<Figures> {
  const { dataSource } = environment;
  const outcome = await WriteTransaction.run(dataSource, tenantId, (tx) => queueRun(tx, tenantId, sourceId, { full, requestedBy: "bench" }));
  if (outcome.kind !== "QUEUED") throw new Error(`${label}: not queued (${outcome.kind})`);
  gc();
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  tally.clear();
  const session = profileDir ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  timing.sourceMs = 0;
  timing.applyMs = 0;
  const simBefore = await sources.cpuMs();
  const pgBefore = postgresCpuMs(simulatorPid);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await runSync(environment, { tenantId, sourceId, runId: outcome.run.id, full });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuBefore);
  const pgAfter = postgresCpuMs(simulatorPid);
  const simMs = (await sources.cpuMs()) - simBefore;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  if (session) {
    const { profile } = await session.post("Profiler.stop");
    fs.mkdirSync(profileDir!, { recursive: true });
    fs.writeFileSync(path.join(profileDir!, `${label.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "")}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
  if (result.status !== "SUCCEEDED" && result.status !== "PARTIAL") throw new Error(`${label}: the run ended ${result.status}: ${result.message}`);
  const [{ count }] = await WriteTransaction.run(dataSource, tenantId, (tx) => tx.query<{ count: string }>(`SELECT count(*) FROM sync_issue WHERE run_id = $1`, [result.runId]));
  gc();
  return {
    label,
    records,
    result,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    pgMs: pgBefore === null || pgAfter === null ? null : pgAfter - pgBefore,
    simMs,
    sourceMs: timing.sourceMs,
    applyMs: timing.applyMs,
    peakRssMb: peak / 2 ** 20,
    rssGrowthMb: (peak - baseline) / 2 ** 20,
    peakHeapMb: peakHeap / 2 ** 20,
    heapAfterMb: process.memoryUsage().heapUsed / 2 ** 20,
    issues: Number(count),
    statements: [...tally.entries()].sort((a, b) => b[1] - a[1]),
  };
}

// --- The table ---

function printTable(rows: Figures[]): void {
  const header = ["run", "records", "fetched", "cre/upd/unch/conf/fail", "issues", "wall s", "rec/s", "SQL/rec", "+framing", "gw CPU s", "gw ms/rec", "PG CPU s", "sim CPU s", "source s", "apply s", "peak RSS MB", "RSS growth MB", "peak heap MB"];
  const widths = [22, 8, 8, 24, 7, 7, 8, 8, 9, 9, 10, 9, 10, 9, 8, 12, 14, 13];
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" "));
  line(header);
  for (const f of rows) {
    const c = f.result.counts;
    const perRecord = (n: number) => (c.fetched > 0 ? (n / c.fetched).toFixed(2) : "-");
    line([
      f.label,
      String(f.records),
      String(c.fetched),
      `${c.created}/${c.updated}/${c.unchanged}/${c.conflicts}/${c.failed}`,
      String(f.issues),
      (f.wallMs / 1000).toFixed(2),
      (f.records / (f.wallMs / 1000)).toFixed(0),
      perRecord(f.result.stats.statements),
      perRecord(f.result.stats.framing),
      (f.cpuMs / 1000).toFixed(2),
      c.fetched > 0 ? (f.cpuMs / c.fetched).toFixed(2) : "-",
      f.pgMs === null ? "n/a" : (f.pgMs / 1000).toFixed(2),
      (f.simMs / 1000).toFixed(2),
      (f.sourceMs / 1000).toFixed(2),
      (f.applyMs / 1000).toFixed(2),
      f.peakRssMb.toFixed(0),
      f.rssGrowthMb.toFixed(0),
      f.peakHeapMb.toFixed(0),
    ]);
  }
}

/**
 * The Aptic runs' own figures: clients/s, HTTP requests/s, the most requests in flight, and this
 * process's CPU per client and as a share of the wall time (well below 1: the gateway waits for
 * the source, whose concurrency limit bounds the run).
 */
function printAptic(rows: Figures[], aptic: ReadonlyArray<{ label: string; requests: number; maxInFlight: number }>, latencyMs: number): void {
  if (aptic.length === 0) return;
  console.log(`\nAptic (one process: the gateway; the simulator in the child process${latencyMs > 0 ? `, ${latencyMs} ms over every answer` : ""})`);
  for (const { label, requests, maxInFlight } of aptic) {
    const f = rows.find((r) => r.label === label)!;
    const seconds = f.wallMs / 1000;
    console.log(
      `  ${label.padEnd(10)} ${(f.records / seconds).toFixed(0).padStart(6)} clients/s  ${(requests / seconds).toFixed(0).padStart(6)} HTTP requests/s (${requests} requests, ` +
        `${(requests / f.records).toFixed(1)} a client)  gateway CPU ${(f.cpuMs / f.records).toFixed(2)} ms a client, ` +
        `${(f.cpuMs / f.wallMs).toFixed(2)} of the wall time; waiting for the source ${(f.sourceMs / 1000).toFixed(1)} s of ${seconds.toFixed(1)} s; PG CPU ${f.pgMs === null ? "n/a" : `${(f.pgMs / f.records).toFixed(2)} ms a client`}`,
    );
    if (latencyMs > 0) {
      // With every answer taking latencyMs, `maxInFlight` requests at a time can make at most maxInFlight / latencyMs a millisecond.
      const bound = (maxInFlight * 1000) / latencyMs;
      console.log(`  ${"".padEnd(10)} the source's bound at ${maxInFlight} in flight: ${bound.toFixed(0)} requests/s; this run reached ${((requests / seconds / bound) * 100).toFixed(0)}% of it`);
    }
  }
}

async function main(): Promise<void> {
  const onlyIndex = process.argv.indexOf("--only");
  const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
  if (only !== undefined && only !== "aptic") throw new Error(`--only takes aptic, got ${only}`);
  const records = only === "aptic" ? 0 : option("records", 10_000);
  const small = only === "aptic" ? 0 : option("small", 2_000);
  const apticClients = option("aptic", 2_000);
  const apticLatencyMs = option("aptic-latency", 0);
  const poolSize = option("pool", 4);
  const topStatements = option("statements", 0);
  const profileDir = textOption("profile");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-bench-sync-"));
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 56000 + Math.floor(Math.random() * 1000), persistent: false });
  const sources = Sources.start();
  let dataSource: DataSource | undefined;
  try {
    const url = await ensureDatabase(process.env.DATABASE_URL ?? embedded!.url, `cdg_bench_sync_${process.pid}`);
    dataSource = createDataSource(url, { pool: { size: poolSize } });
    await dataSource.initialize();
    await dataSource.runMigrations();
    countStatements(dataSource);
    timeEngine();
    const environment: SyncEnvironment = { dataSource, cipher };
    const simulatorPid = sources.child.pid;

    const setsStart = Date.now();
    const [smallSet, bigSet, apticSet] = [
      small > 0 ? await sources.ask<"started">({ type: "start", set: "small", records: small, seed: 11 }) : undefined,
      records > 0 ? await sources.ask<"started">({ type: "start", set: "big", records, seed: 7 }) : undefined,
      apticClients > 0 ? await sources.ask<"aptic-started">({ type: "start-aptic", set: "aptic", clients: apticClients, seed: 3, latencyMs: apticLatencyMs }) : undefined,
    ];
    console.log(
      `simulators (own process) ready in ${((Date.now() - setsStart) / 1000).toFixed(1)} s:` +
        (bigSet ? ` CRM ${bigSet.crm} clients, invoicing ${bigSet.invoicing} customers (${bigSet.overlap} of them the CRM's by org number, ${bigSet.openInvoices} open invoices)` : "") +
        (smallSet ? `; and a set of ${smallSet.crm} / ${smallSet.invoicing} for the memory comparison` : "") +
        (apticSet ? `; Aptic ${apticSet.clients} clients with every nested resource (${apticSet.transactions} loan transactions)` : ""),
    );
    console.log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}, pool ${poolSize}, PostgreSQL ${embedded ? "embedded (fsync off)" : "from DATABASE_URL"}\n`);

    const rows: Figures[] = [];
    const run = async (label: string, tenantId: string, sourceId: string, full: boolean, count: number) => {
      const figures = await measure(environment, sources, simulatorPid, label, tenantId, sourceId, full, count, profileDir);
      rows.push(figures);
      const c = figures.result.counts;
      console.log(`  ${label.padEnd(22)} ${figures.result.status.padEnd(9)} ${c.fetched} fetched in ${(figures.wallMs / 1000).toFixed(1)} s`);
      return figures;
    };

    const aptic: Array<{ label: string; requests: number; maxInFlight: number }> = [];
    // Last, on a tenant of its own: run before them, its 2,000 clients and their nested rows made the
    // CRM's first sync measurably slower (417 against 502 records/s in one pair of runs), and the CRM
    // and invoicing runs' figures are compared with earlier benches.
    const runAptic = async () => {
      if (!apticSet) return;
      const tenant = `bench-sync-aptic-${process.pid}`;
      const source = await addApticSource(dataSource!, tenant, apticSet.url, apticSet.tokenUrl);
      await sources.ask<"aptic-requests">({ type: "aptic-requests", set: "aptic" });
      for (const label of ["APT first", "APT again"]) {
        await run(label, tenant, source, false, apticSet.clients);
        const counted = await sources.ask<"aptic-requests">({ type: "aptic-requests", set: "aptic" });
        aptic.push({ label, requests: counted.requests, maxInFlight: counted.maxInFlight });
      }
    };
    if (smallSet) {
      const tenant = `bench-sync-small-${process.pid}`;
      const crm = await addSource(dataSource, tenant, "CRM", smallSet.crmUrl);
      await run(`CRM first @${small}`, tenant, crm, false, smallSet.crm);
    }
    if (!bigSet) {
      await runAptic();
      printTable(rows);
      printAptic(rows, aptic, apticLatencyMs);
      return;
    }
    const tenant = `bench-sync-${process.pid}`;
    const crm = await addSource(dataSource, tenant, "CRM", bigSet.crmUrl);
    const invoicing = await addSource(dataSource, tenant, "INVOICING", bigSet.invoicingUrl);
    await run("CRM first", tenant, crm, false, bigSet.crm);
    await run("INV first", tenant, invoicing, false, bigSet.invoicing);
    await run("CRM incr", tenant, crm, false, bigSet.crm);
    await run("INV incr", tenant, invoicing, false, bigSet.invoicing);
    await run("CRM full", tenant, crm, true, bigSet.crm);
    await run("INV full", tenant, invoicing, true, bigSet.invoicing);
    const changed = await sources.ask<"changed">({ type: "change", set: "big", fraction: 0.01 });
    await run("CRM incr 1%", tenant, crm, false, bigSet.crm);
    await run("INV incr 1%", tenant, invoicing, false, bigSet.invoicing);
    if (smallSet) {
      // Again, warm: the first run of the process also pays for loading and compiling the code.
      const again = `bench-sync-small2-${process.pid}`;
      await run(`CRM first @${small} again`, again, await addSource(dataSource, again, "CRM", smallSet.crmUrl), false, smallSet.crm);
    }
    await runAptic();

    console.log(`\n${records} CRM clients and ${records} invoicing customers; 1% run: ${changed.crm} CRM records and ${changed.invoicing} customers changed\n`);
    printTable(rows);
    console.log(
      "\nrecords = records in the source; rec/s = records / wall time. SQL/rec = data statements per fetched record; +framing = BEGIN, " +
        "SAVEPOINT/RELEASE, set_config, COMMIT per fetched record. gw CPU = this process (runSync, TypeORM, pg driver); PG CPU = the embedded " +
        "PostgreSQL's processes; sim CPU = the simulators' own process. source s = waiting for the connector's next page (its HTTP calls: the list, and a page's details 4 at a time; read ahead while the previous page applies, so it overlaps apply s); apply s = inside applyPageSafely (the page applied); the rest of the wall time is the page transactions' own statements (lock, run counters, commit) and the run's start. RSS growth = peak RSS during the run minus RSS at its start (after a GC). " +
        "Other work on the machine shares its CPUs: figures are noisy.",
    );
    printAptic(rows, aptic, apticLatencyMs);
    const byLabel = new Map(rows.map((r) => [r.label, r]));
    const rate = (label: string) => {
      const f = byLabel.get(label);
      return f ? f.records / (f.wallMs / 1000) : NaN;
    };
    const goal = (what: string, value: number, target: number) => console.log(`  ${value >= target ? "met    " : "NOT MET"}  ${what}: ${value.toFixed(0)} records/s (goal ≥ ${target})`);
    console.log("\ngoals");
    goal("first sync, CRM", rate("CRM first"), 500);
    goal("first sync, invoicing", rate("INV first"), 500);
    goal("incremental, nothing changed, CRM", rate("CRM incr"), 5_000);
    goal("incremental, nothing changed, invoicing", rate("INV incr"), 5_000);
    const smallRow = byLabel.get(`CRM first @${small} again`);
    const bigRow = byLabel.get("CRM first");
    if (smallRow && bigRow) {
      console.log(
        `  memory, first CRM sync (both after a warm-up run): peak heap ${smallRow.peakHeapMb.toFixed(0)} MB at ${small} records, ${bigRow.peakHeapMb.toFixed(0)} MB at ${records}; ` +
          `peak RSS ${smallRow.peakRssMb.toFixed(0)} / ${bigRow.peakRssMb.toFixed(0)} MB; heap after the run ${smallRow.heapAfterMb.toFixed(0)} / ${bigRow.heapAfterMb.toFixed(0)} MB`,
      );
    }
    if (topStatements > 0) {
      for (const row of rows) {
        const fetched = Math.max(1, row.result.counts.fetched);
        console.log(`\n${row.label}: most frequent statements (count, per fetched record)`);
        for (const [text, n] of row.statements.slice(0, topStatements)) console.log(`  ${String(n).padStart(7)} ${(n / fetched).toFixed(2).padStart(6)}  ${text}`);
      }
    }
    if (profileDir) console.log(`\nCPU profiles of this process, one per run: ${profileDir}`);
    const keep = option("keep-seconds", 0);
    if (keep > 0) {
      console.log(`\nthe database stays up for ${keep} s: ${url}`);
      await new Promise((resolve) => setTimeout(resolve, keep * 1000));
    }
  } finally {
    await dataSource?.destroy().catch(() => undefined);
    await sources.stop();
    await embedded?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
