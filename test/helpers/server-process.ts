import { ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

/** The real server process (src/server.ts), as `npm start` runs it, with the settings a test gives. */
export class ServerProcess {
  /** Its JSON log lines, parsed, in order. */
  readonly lines: Record<string, unknown>[] = [];
  /** What it wrote on stderr (a failed start's message, say); also passed on to the test's stderr. */
  stderr = "";
  private readonly waiters: (() => void)[] = [];
  private exitCode: number | null | undefined;
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("{")) this.lines.push(JSON.parse(line) as Record<string, unknown>);
      this.wake();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
      process.stderr.write(chunk);
    });
    this.exited = new Promise((resolve) =>
      child.once("exit", (code) => {
        this.exitCode = code;
        this.wake();
        resolve(code);
      }),
    );
  }

  /** Starts it with `env` over a minimal environment (no DATABASE_URL unless given: the embedded default). */
  static start(env: Record<string, string>): ServerProcess {
    return new ServerProcess(
      spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "src/server.ts"], {
        cwd: path.join(__dirname, "..", ".."),
        env: { PATH: process.env.PATH, PORT: "0", SEED_DEMO: "false", LOG_LEVEL: "info", VIES_URL: "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
  }

  private wake(): void {
    this.waiters.splice(0).forEach((wake) => wake());
  }

  /** The first log line with this `msg`, once it is written; fails if the process exits without it. */
  async line(msg: string): Promise<Record<string, unknown>> {
    for (;;) {
      const found = this.lines.find((line) => line.msg === msg);
      if (found) return found;
      if (this.exitCode !== undefined) throw new Error(`the server exited (${this.exitCode}) without logging "${msg}"`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

/** Whether a process with this pid is running (signal 0 only asks). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
