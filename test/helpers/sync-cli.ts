import { spawn } from "node:child_process";
import path from "node:path";

/** `npm run sync` as a child process (scripts/sync.ts as package.json runs it, without npm), with `env` over a minimal environment. */

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  /** Resolves once stderr holds `text`; fails if the process exits first. */
  stderrHas(text: string): Promise<void>;
  kill(signal: NodeJS.Signals): void;
  done: Promise<CliOutcome>;
}

export function startCli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "scripts/sync.ts", ...args], {
    cwd: path.join(__dirname, "..", ".."),
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let exited = false;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    wake();
  });
  const done = new Promise<CliOutcome>((resolve) =>
    child.once("close", (code) => {
      exited = true;
      wake();
      resolve({ code, stdout, stderr });
    }),
  );
  return {
    async stderrHas(text) {
      while (!stderr.includes(text)) {
        if (exited) throw new Error(`the CLI exited without writing ${JSON.stringify(text)}:\n${stderr}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    kill: (signal) => child.kill(signal),
    done,
  };
}
