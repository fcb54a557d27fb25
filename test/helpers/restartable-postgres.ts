import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { freePort } from "./databases";

/** An embedded PostgreSQL a test may stop and start again (test/helpers/postgres-process.ts). */
export class RestartablePostgres {
  private readonly replies: string[] = [];
  private waiting: (() => void) | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly port: number,
  ) {
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      this.replies.push(line);
      this.waiting?.();
    });
  }

  /** `settings`: more server settings (`{ wal_level: "logical" }` for a publisher). */
  static async start(settings: Record<string, string> = {}): Promise<RestartablePostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-restart-"));
    const port = await freePort();
    const script = path.join(__dirname, "postgres-process.ts");
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", script, path.join(dir, "pg"), String(port), JSON.stringify(settings)], {
      stdio: ["pipe", "pipe", "inherit"],
      cwd: path.join(__dirname, "..", ".."),
    });
    const postgres = new RestartablePostgres(child, dir, port);
    await postgres.command("start");
    return postgres;
  }

  /** Its data directory (where its postmaster.pid is while it runs). */
  get dataDir(): string {
    return path.join(this.dir, "pg");
  }

  /** The server's URL (its default database). */
  get url(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** Sends a command and waits for its answer. */
  async command(command: "start" | "stop" | "exit"): Promise<void> {
    this.child.stdin!.write(`${command}\n`);
    for (;;) {
      const reply = this.replies.shift();
      if (reply === `ok ${command}`) return;
      if (reply?.startsWith(`error ${command}`)) throw new Error(reply);
      if (reply === undefined) await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  async close(): Promise<void> {
    await this.command("exit");
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
