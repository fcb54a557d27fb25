import type { Counts } from "../engine/apply";

/**
 * What `npm run sync` prints, as pure functions of what it knows: the progress bar (stderr, a
 * terminal), the progress line (stderr, anything else: one per page), the summary table (stdout)
 * and the help. Text from the database or a source (a source's name, an issue's message) goes
 * through `printable` first: a name holding escape sequences can't drive the terminal.
 */

export { SYNC_COUNTERS as COUNTER_NAMES } from "../sync-run.entity";
import { SYNC_COUNTERS as COUNTER_NAMES } from "../sync-run.entity";

/** Where a run stands, as the progress output shows it. */
export interface ProgressSnapshot {
  /** Pages committed by this process. */
  pages: number;
  /** The run's counters (all its attempts: a resumed run starts from what it had). */
  counts: Counts;
  /** Records the source says it has, when it says. */
  total: number | null;
  /** `counts.fetched` when this process took the run: the rate counts only what it read itself. */
  baseline: number;
  /** Since this process took the run. */
  elapsedMs: number;
}

// Control characters: C0, DEL and C1 (ESC starts the terminal's escape sequences).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` with control characters (escape sequences, newlines) shown as `?`, at most `max` characters. */
export function printable(text: string, max = 200): string {
  const clean = text.replace(CONTROL, "?");
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export const formatCount = (n: number): string => Math.round(n).toLocaleString("en-US");

/** 850 ms, 12.3 s, 2 min 05 s, 1 h 02 min. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "?";
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1_000);
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(seconds / 3_600)} h ${String(Math.floor(seconds / 60) % 60).padStart(2, "0")} min`;
}

/** A short clock for the bar: 0:07, 12:34, 1:02:03. */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1_000));
  const s = String(seconds % 60).padStart(2, "0");
  if (seconds < 3_600) return `${Math.floor(seconds / 60)}:${s}`;
  return `${Math.floor(seconds / 3_600)}:${String(Math.floor(seconds / 60) % 60).padStart(2, "0")}:${s}`;
}

/** Records a second this process read, or null before there is anything to tell (under a quarter second, or nothing read yet). */
export function ratePerSecond(done: number, elapsedMs: number): number | null {
  if (elapsedMs < 250 || done <= 0) return null;
  return (done * 1_000) / elapsedMs;
}

/** How long the rest takes at `rate`, or null when the total or the rate is unknown. */
export function etaMs(done: number, total: number | null, rate: number | null): number | null {
  if (total === null || rate === null || rate <= 0) return null;
  return (Math.max(0, total - done) / rate) * 1_000;
}

export const formatRate = (rate: number | null): string => (rate === null ? "–/s" : `${rate >= 100 ? formatCount(rate) : rate.toFixed(1)}/s`);

interface Figures {
  done: number;
  total: number | null;
  rate: number | null;
  eta: number | null;
  /** 0..1 when the total is known. */
  fraction: number | null;
}

function figures(snapshot: ProgressSnapshot): Figures {
  const done = snapshot.counts.fetched;
  // A source's count may lag its listing (records added meanwhile): never past the end.
  const total = snapshot.total === null ? null : Math.max(snapshot.total, done);
  const rate = ratePerSecond(done - snapshot.baseline, snapshot.elapsedMs);
  const fraction = total === null ? null : total === 0 ? 1 : done / total;
  return { done, total, rate, eta: etaMs(done, total, rate), fraction };
}

const BAR_WIDTH = 24;

/**
 * The progress bar, one terminal line of at most `columns` characters (a longer line would wrap,
 * and the next redraw, a carriage return, would no longer cover it):
 *   [██████████░░░░░░░░░░░░░░]  42%  1,040/2,480 records  310/s  ETA 0:05  0:03
 * and without a total (the source doesn't say):
 *   1,040 records  310/s  page 11  0:03
 */
export function progressBar(snapshot: ProgressSnapshot, columns = 80): string {
  const f = figures(snapshot);
  const elapsed = formatClock(snapshot.elapsedMs);
  const problems = snapshot.counts.failed + snapshot.counts.conflicts;
  const tail = problems > 0 ? `  ${formatCount(problems)} not applied` : "";
  let line: string;
  if (f.total !== null && f.fraction !== null) {
    const filled = Math.min(BAR_WIDTH, Math.floor(f.fraction * BAR_WIDTH));
    const bar = `[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}]`;
    const percent = `${String(Math.min(100, Math.floor(f.fraction * 100))).padStart(3)}%`;
    const eta = f.eta === null ? "ETA –" : `ETA ${formatClock(f.eta)}`;
    line = `${bar} ${percent}  ${formatCount(f.done)}/${formatCount(f.total)} records  ${formatRate(f.rate)}  ${eta}  ${elapsed}${tail}`;
  } else {
    line = `${formatCount(f.done)} records  ${formatRate(f.rate)}  page ${snapshot.pages}  ${elapsed}${tail}`;
  }
  return line.length > columns ? line.slice(0, Math.max(0, columns - 1)) : line;
}

/** The line per page when stderr is no terminal (a log file, a pipe, CI). */
export function progressLine(snapshot: ProgressSnapshot): string {
  const f = figures(snapshot);
  const c = snapshot.counts;
  const parts = [`page ${snapshot.pages}`, f.total === null ? `${formatCount(f.done)} records` : `${formatCount(f.done)}/${formatCount(f.total)} records`];
  if (f.rate !== null) parts.push(formatRate(f.rate).replace("/s", " records/s"));
  if (f.eta !== null) parts.push(`ETA ${formatDuration(f.eta)}`);
  const counters = COUNTER_NAMES.filter((name) => name !== "fetched").map((name) => `${name} ${formatCount(c[name])}`);
  return `${parts.join(", ")} (${counters.join(", ")})`;
}

export interface IssueLine {
  kind: string;
  sourceId: string | null;
  field: string | null;
  message: string;
}

export interface SyncSummary {
  company: string;
  source: { id: string; name: string; kind: string };
  runId: string;
  full: boolean;
  status: string;
  message: string | null;
  counts: Counts;
  /** `counts.fetched` when this process took the run (earlier attempts' records). */
  baseline: number;
  /** This process's time on the run. */
  elapsedMs: number;
  issues: { total: number; first: IssueLine[] };
}

/** Two columns, the first padded: `  name   value`. */
function rows(pairs: [string, string][]): string[] {
  const width = Math.max(...pairs.map(([name]) => name.length));
  return pairs.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`);
}

/** A table with a header line, each column as wide as its widest cell (the last one not padded). */
export function table(header: string[], body: string[][]): string[] {
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => `  ${cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ")}`.trimEnd();
  return [line(header), ...body.map(line)];
}

/** The summary on stdout at the end: what the run did, how long this process took, its first issues. */
export function summaryTable(summary: SyncSummary): string {
  const c = summary.counts;
  const own = c.fetched - summary.baseline;
  // Unlike the bar's, the summary's rate is over the whole run here, however short.
  const rate = own > 0 && summary.elapsedMs > 0 ? (own * 1_000) / summary.elapsedMs : null;
  const lines = [
    `Sync run ${summary.runId}: ${summary.full ? "full" : "incremental"} sync of source ${summary.source.id} "${printable(summary.source.name, 80)}" (${summary.source.kind}), company ${printable(summary.company, 64)}`,
    ...rows([
      ["status", summary.status],
      ...(summary.message ? ([["message", printable(summary.message, 300)]] as [string, string][]) : []),
      ...COUNTER_NAMES.map((name): [string, string] => [name, formatCount(c[name])]),
      ["duration", formatDuration(summary.elapsedMs)],
      ["rate", rate === null ? "–" : `${formatRate(rate).replace("/s", "")} records/s`],
      ...(summary.baseline > 0 ? ([["resumed", `${formatCount(summary.baseline)} records were read before this process took the run; ${formatCount(own)} by it`]] as [string, string][]) : []),
      ["issues", formatCount(summary.issues.total)],
    ]),
  ];
  if (summary.issues.first.length > 0) {
    const shown = summary.issues.first.length;
    lines.push("", `Issues${summary.issues.total > shown ? ` (the first ${shown} of ${formatCount(summary.issues.total)}; all are the sync_issue rows of run ${summary.runId})` : ""}:`);
    lines.push(
      ...table(
        ["KIND", "SOURCE ID", "FIELD", "MESSAGE"],
        summary.issues.first.map((issue) => [issue.kind, printable(issue.sourceId ?? "–", 40), printable(issue.field ?? "–", 40), printable(issue.message, 160)]),
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Exit codes (the help lists them). */
export const EXIT = {
  SUCCEEDED: 0,
  /** The run FAILED or was cancelled; a usage or configuration error. */
  FAILED: 1,
  /** The run ended PARTIAL: some records were not applied (see its issues). */
  PARTIAL: 2,
  /** The source's open run runs in another process (the gateway's job queue, another `npm run sync`), or one took it over meanwhile. */
  BUSY: 3,
  /** Interrupted (Ctrl-C, SIGTERM): the run goes back to the queue from its last committed page. */
  INTERRUPTED: 130,
} as const;

export function exitCodeOf(status: string): number {
  if (status === "SUCCEEDED") return EXIT.SUCCEEDED;
  if (status === "PARTIAL") return EXIT.PARTIAL;
  if (status === "QUEUED" || status === "RUNNING") return EXIT.BUSY;
  return EXIT.FAILED;
}

export const HELP = `Runs one sync of a source system in the foreground, with a progress bar and a summary.

Usage:
  npm run sync -- --company <id> --source <id|name> [--full]
  npm run sync -- --help

Options:
  --company <id>      the company (tenant) id the source belongs to
  --source <id|name>  the source system: its id (digits), or its name, exactly but in any case
                      (a name two sources share is refused, listing them)
  --full              read every record; without it the run is incremental, from where the
                      source's last complete run got
  -h, --help          this text

What it does:
  Queues a run of the source and runs it in this process, page by page; each page is committed
  with the run's checkpoint. Progress goes to stderr: a bar on a terminal (records done, of the
  total where the source says it, rate, ETA), else one line per page. The summary goes to stdout:
  status, counters, duration, records/s and the run's first issues.
  If the source has an open run already: a queued one (not started yet) is run here; a run that
  was interrupted (Ctrl-C, or its process died: no heartbeat for SYNC_STALE_AFTER_MS) and that no
  job of the gateway's queue owns is resumed from its last committed page; a run going on in the
  gateway's job queue or in another process is left alone (exit code 3).
  Ctrl-C stops at once: what was committed stays, and the run goes back to the queue with its
  checkpoint, so the next \`npm run sync\` of the source, or a running gateway's job queue,
  resumes it. A second Ctrl-C exits without handing the run back (resumed once it is stale).
  Failures are final here (no retries later): the run ends FAILED with its reason.

Exit codes:
  0    the run SUCCEEDED
  1    the run FAILED or was cancelled; or a usage, configuration or database error
  2    the run ended PARTIAL: some records were not applied (see the issues)
  3    the source's run is going on elsewhere (the gateway's job queue, another npm run sync)
  130  interrupted (Ctrl-C)

Environment:
  DATABASE_URL            the gateway's PostgreSQL; unset: the embedded one in DATA_DIR. When a
                          gateway (npm start) runs on it, this connects to that server; else it
                          starts it for the sync and stops it at the end
  DATA_DIR                the embedded PostgreSQL's data directory (default ./.data)
  EMBEDDED_PG_PORT        the port it listens on when this starts it (default 5439)
  SOURCE_CREDENTIALS_KEY  the key the sources' credentials are sealed with: the gateway's own
                          (outside production a development key stands in when unset)
  SYNC_HEARTBEAT_MS, SYNC_STALE_AFTER_MS  as for the gateway
  LOG_LEVEL               the log's level (JSON lines on stderr); default warn here

Examples:
  npm run sync -- --company 1 --source "Demo CRM (simulated)"
  npm run sync -- --company 1 --source 3 --full
  npm run -s sync -- --company 1 --source 3 > summary.txt    # the summary to a file
`;
