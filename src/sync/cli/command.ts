import "reflect-metadata";
import os from "node:os";
import { createLogger } from "../../common/log";
import { loadConfig } from "../../config";
import { openDatabase, type Database } from "../../db/database";
import { WriteTransaction } from "../../db/write-transaction";
import { CredentialsCipher } from "../../sources/credentials";
import { runSync, type RunResult } from "../engine/run-sync";
import { SyncStatus } from "../sync-run.entity";
import type { SourceRef } from "./args";
import { claimRun, handBack, resolveSource, runIssues, type SourceRow } from "./foreground";
import { findRun } from "../runs";
import { ProgressReporter } from "./progress";
import { EXIT, exitCodeOf, formatCount, formatDuration, printable, summaryTable } from "./render";

/**
 * `npm run sync` once its arguments are parsed (scripts/sync.ts loads this only then, so `--help`
 * and a usage error answer without loading the database code): opens the database, takes a run
 * of the source, runs it here with its progress on stderr, prints the summary on stdout, and
 * answers the exit code. What it decides is in src/sync/cli/foreground.ts and the help (render.ts).
 */

const describe = (source: SourceRow) => `${source.id} "${printable(source.name, 80)}" (${source.kind}${source.enabled ? "" : ", disabled"})`;

function requestedBy(): string {
  try {
    return `cli:${os.userInfo().username}`.slice(0, 255);
  } catch {
    return "cli"; // no passwd entry for the uid (a container)
  }
}

/** Retries `work` while the database is away for a moment (an embedded PostgreSQL this process started, restarting after Ctrl-C reached it too). */
async function persistently<T>(work: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export async function syncCommand(args: { company: string; source: SourceRef; full: boolean }): Promise<number> {
  const config = loadConfig();
  const tty = Boolean(process.stderr.isTTY);
  const progress = new ProgressReporter(process.stderr, { tty });
  // The project's logger (redacting), its JSON lines on stderr above the bar; quiet unless LOG_LEVEL says otherwise.
  const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : "warn", { write: (line: string) => progress.print(line.trimEnd()) });
  const notice = (line: string) => progress.print(`[sync] ${line}`);

  // Ctrl-C (or SIGTERM) stops the run at once, to be handed back; a second one exits without
  // handing it back (stopping an embedded PostgreSQL this process started, for up to 5 s: else it
  // would outlive the process and hold DATA_DIR); a third exits there and then.
  const stop = new AbortController();
  let runId: string | null = null;
  let database: Database | undefined;
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      notice(`${signal}: stopping${runId ? ` run ${runId} after what it committed` : ""} (again to exit at once)`);
      stop.abort(new Error(`Interrupted by ${signal}`));
      return;
    }
    if (signals > 2) process.exit(EXIT.INTERRUPTED);
    progress.end();
    notice(
      runId
        ? `exiting at once: run ${runId} stays RUNNING; the next npm run sync of the source resumes it once it has been silent for ${formatDuration(config.jobs.staleAfterMs)} (SYNC_STALE_AFTER_MS)`
        : "exiting at once",
    );
    const stopping = database?.embedded === "started" ? database.close() : Promise.resolve();
    void Promise.race([stopping.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000))]).then(() => process.exit(EXIT.INTERRUPTED));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    database = await openDatabase(config, (line, level) => (level === "warn" ? logger.warn(line) : notice(line)), { ownSignalHandling: true, shareRunningEmbedded: true });
  } catch (error) {
    notice(`cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.FAILED;
  }
  if (database.embedded === "started") notice("this process runs the embedded PostgreSQL until the sync ends (npm start can't start on DATA_DIR meanwhile)");
  const opened = database;
  try {
    return await syncOnce(opened, args.company, args.source, args.full);
  } finally {
    progress.end();
    await opened.close().catch((error: unknown) => logger.warn({ error: (error as Error).name }, "closing the database failed"));
  }

  async function syncOnce(db: Database, tenantId: string, ref: SourceRef, full: boolean): Promise<number> {
    const dataSource = db.dataSource;
    const inTenant = <T>(work: (tx: WriteTransaction) => Promise<T>) => WriteTransaction.run(dataSource, tenantId, work);
    const company = printable(tenantId, 64);
    const lookup = await inTenant((tx) => resolveSource(tx, ref));
    if (lookup.kind === "NONE") {
      notice(`company ${company} has no source with the ${ref.by === "id" ? "id or name" : "name"} "${printable(ref.text, 80)}"`);
      notice(lookup.known.length === 0 ? `company ${company} has no source systems at all` : `its sources: ${lookup.known.map(describe).join("; ")}`);
      return EXIT.FAILED;
    }
    if (lookup.kind === "AMBIGUOUS") {
      notice(`${lookup.candidates.length} sources of company ${company} are named "${printable(ref.text, 80)}": ${lookup.candidates.map(describe).join("; ")}; give --source its id`);
      return EXIT.FAILED;
    }
    const source = lookup.source;
    if (stop.signal.aborted) return EXIT.INTERRUPTED;

    const claim = await inTenant((tx) => claimRun(tx, tenantId, source.id, { full, requestedBy: requestedBy(), staleAfterMs: config.jobs.staleAfterMs }));
    switch (claim.kind) {
      case "NO_SOURCE":
        notice(`source ${describe(source)} is gone`);
        return EXIT.FAILED;
      case "DISABLED":
        notice(`source ${describe(source)} is disabled: enable it to sync it`);
        return EXIT.FAILED;
      case "BUSY": {
        const silent = claim.silentForMs === null ? "" : `, last heartbeat ${formatDuration(claim.silentForMs)} ago`;
        notice(
          claim.where === "JOB_QUEUE"
            ? `source ${describe(source)} has run ${claim.run.id} ${claim.run.status} in the gateway's job queue (job ${claim.run.jobId}${silent}): not run twice. ` +
                `A running gateway goes on with it (and resumes it if its worker died); wait for it to end`
            : `source ${describe(source)} has run ${claim.run.id} RUNNING in another process (requested by ${printable(claim.run.requestedBy ?? "?", 80)}${silent}): not run twice. ` +
                `If that process is gone, this resumes the run once it has been silent for ${formatDuration(config.jobs.staleAfterMs)} (SYNC_STALE_AFTER_MS)`,
        );
        return EXIT.BUSY;
      }
      case "NEW":
        notice(`run ${claim.run.id}: ${claim.run.full ? "full" : "incremental"} sync of source ${describe(source)}, company ${company}`);
        break;
      case "QUEUED":
        notice(`run ${claim.run.id}: the source's queued ${claim.run.full ? "full" : "incremental"} run, run here${claim.run.checkpoint ? `, from its checkpoint (${formatCount(claim.run.fetched)} records read before)` : ""}`);
        break;
      case "RESUMED":
        notice(
          `run ${claim.run.id}: resuming the source's interrupted ${claim.run.full ? "full" : "incremental"} run from its last committed page (${formatCount(claim.run.fetched)} records read before` +
            `${claim.silentForMs === null ? "" : `; silent for ${formatDuration(claim.silentForMs)}`})`,
        );
        break;
    }
    if ((claim.kind === "QUEUED" || claim.kind === "RESUMED") && claim.fullIgnored) {
      notice(`--full: this run started incremental and goes on as it started; run npm run sync with --full again after it for a full one`);
    }
    const run = claim.run;
    runId = run.id;
    progress.begin(run.fetched);
    let attemptToken: string | null = null;
    let result: RunResult;
    try {
      result = await runSync(
        { dataSource, cipher: new CredentialsCipher(config.sourceCredentialsKey), logger, heartbeatMs: config.jobs.heartbeatMs },
        { tenantId, sourceId: source.id, runId: run.id, full: run.full },
        {
          signal: stop.signal,
          // No retry follows here: a failure ends the run as FAILED, with its reason.
          lastAttempt: true,
          onStarted: (attempt) => (attemptToken = attempt.attemptToken),
          onProgress: (state) => progress.update(state),
        },
      );
    } catch (error) {
      progress.end();
      if (!stop.signal.aborted) {
        notice(`run ${run.id} stopped on an error it could not record (the database?): it stays RUNNING; the next npm run sync of the source resumes it once it has been silent for ${formatDuration(config.jobs.staleAfterMs)}`);
        throw error;
      }
      const token = attemptToken;
      const handedBack =
        token !== null &&
        (await persistently(() => inTenant((tx) => handBack(tx, run.id, token, "Interrupted on the command line: resumes from its last committed page")))
          .catch(() => false));
      const now = await persistently(() => inTenant((tx) => findRun(tx, run.id))).catch(() => null);
      const read = now ? `${formatCount(now.fetched)} records read so far` : "";
      notice(
        handedBack
          ? `interrupted: run ${run.id} is queued again with its checkpoint (${read}); the next npm run sync of the source resumes it, as does a running gateway's job queue`
          : `interrupted: run ${run.id} could not be handed back (${now ? `it is ${now.status}` : "the database did not answer"}); ` +
              `the next npm run sync of the source resumes it once it has been silent for ${formatDuration(config.jobs.staleAfterMs)}`,
      );
      return EXIT.INTERRUPTED;
    }
    progress.end();
    const issues = await inTenant((tx) => runIssues(tx, result.runId));
    process.stdout.write(
      summaryTable({
        company: tenantId,
        source,
        runId: result.runId,
        full: run.full,
        status: result.status,
        message: result.message,
        counts: result.counts,
        baseline: run.fetched,
        elapsedMs: progress.elapsedMs,
        issues,
      }),
    );
    if (result.status === SyncStatus.RUNNING) {
      notice(`run ${result.runId} was taken over by another process (a worker of the gateway's job queue, or another npm run sync): it goes on there`);
    }
    if (stop.signal.aborted) notice(`the run ended before it could be stopped`);
    return exitCodeOf(result.status);
  }
}
