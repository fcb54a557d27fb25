import { ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";


/**
 * PgBouncer for test/pgbouncer.test.ts and bench/processes.ts (here, so the compiled bench has it).
 * Debian's pgbouncer (`.ci/run` installs it); PGBOUNCER_PATH elsewhere.
 */
export const PGBOUNCER = process.env.PGBOUNCER_PATH || "/usr/sbin/pgbouncer";

export interface PgBouncer {
  /** `serverUrl`'s database, through PgBouncer. */
  url: string;
  /** Its log so far (connections, errors). */
  log(): string;
  stop(): Promise<void>;
}

async function listening(port: number, deadline: number): Promise<void> {
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A real PgBouncer in transaction mode in front of the server of `serverUrl`, with few server
 * connections (`serverConnections`), so that consecutive transactions of one client land on
 * different server connections and one server connection serves many clients' transactions.
 * Clients connect without a password (trust, on 127.0.0.1); PgBouncer logs in to PostgreSQL
 * with `serverUrl`'s credentials. As root it runs as `nobody` (it refuses to run as root). Quiet (-q):
 * its log goes to its logfile only (`log()`), not into the test or bench output.
 */
export async function startPgBouncer(serverUrl: string, serverConnections = 2): Promise<PgBouncer> {
  const server = new URL(serverUrl);
  const dir = mkdtempSync(path.join(os.tmpdir(), "cdg-pgbouncer-"));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const user = decodeURIComponent(server.username);
  const ini = [
    "[databases]",
    `* = host=${server.hostname} port=${server.port} user=${user} password=${decodeURIComponent(server.password)}`,
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${port}`,
    "unix_socket_dir =",
    "auth_type = trust",
    `auth_file = ${dir}/userlist.txt`,
    "pool_mode = transaction",
    `default_pool_size = ${serverConnections}`,
    `max_db_connections = ${serverConnections}`,
    "max_client_conn = 500",
    `logfile = ${dir}/pgbouncer.log`,
    `pidfile = ${dir}/pgbouncer.pid`,
  ].join("\n");
  writeFileSync(path.join(dir, "pgbouncer.ini"), `${ini}\n`, { mode: 0o644 });
  writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`, { mode: 0o644 });
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(PGBOUNCER, ["-q", ...(asRoot ? ["-u", "nobody"] : []), path.join(dir, "pgbouncer.ini")], { stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = () => (existsSync(path.join(dir, "pgbouncer.log")) ? readFileSync(path.join(dir, "pgbouncer.log"), "utf8") : "");
  try {
    await Promise.race([listening(port, Date.now() + 10_000), exited.then(() => Promise.reject(new Error(`pgbouncer exited: ${log()}`)))]);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const url = new URL(serverUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  url.password = "";
  return {
    url: url.toString(),
    log,
    async stop() {
      child.kill("SIGINT");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
