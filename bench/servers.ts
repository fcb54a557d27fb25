/**
 * The benchmarked servers as child processes (bench/gateway-server.ts, bench/raw-server.ts), with
 * their own CPU and memory figures over IPC (bench/child-figures.ts), and a plain HTTP POST.
 */
import http from "node:http";
import path from "node:path";
import { ChildProcess, fork } from "node:child_process";
import type { BenchMessage, ChildFigures, ChildMessage } from "./child-figures";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- The two servers, each a child process ---

export interface Server {
  name: string;
  child: ChildProcess;
  url: URL;
  figures(): Promise<ChildFigures>;
  reset(): void;
  stop(): Promise<void>;
}

export async function startServer(name: Server["name"], script: string, env: NodeJS.ProcessEnv, profileDir?: string): Promise<Server> {
  // `npm run bench` runs the compiled build (dist/), as `npm start` does: no TypeScript compiler
  // in the servers' memory or CPU. Under ts-node (`ts-node bench/clients-page.ts`) the children are too.
  const compiled = __filename.endsWith(".js");
  const child = fork(path.join(__dirname, compiled ? script.replace(/\.ts$/, ".js") : script), [], {
    env,
    execArgv: [
      ...(compiled ? [] : ["-r", "ts-node/register/transpile-only"]),
      ...(process.env.BENCH_NODE_FLAGS && name === "gateway" ? process.env.BENCH_NODE_FLAGS.split(" ") : []),
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : []),
    ],
    // stdout is the gateway's request log (LOG_LEVEL=warn: the refused requests under load); the
    // table counts those. stderr stays, for a server that fails to start.
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  let waiting: ((message: ChildMessage) => void)[] = [];
  child.on("message", (message: ChildMessage) => {
    const next = waiting;
    waiting = [];
    for (const listener of next) listener(message);
  });
  const died = new Promise<never>((_, reject) =>
    child.once("exit", (code, signal) => reject(new Error(`the ${name} server exited (code ${code}, signal ${signal})`))),
  );
  died.catch(() => undefined);
  const next = <T extends ChildMessage["type"]>(type: T) =>
    Promise.race([
      died,
      new Promise<Extract<ChildMessage, { type: T }>>((resolve) => {
        const listen = (message: ChildMessage) => (message.type === type ? resolve(message as Extract<ChildMessage, { type: T }>) : waiting.push(listen));
        waiting.push(listen);
      }),
    ]);
  const send = (message: BenchMessage) => child.send(message);
  const ready = await Promise.race([next("ready"), sleep(120_000).then(() => Promise.reject(new Error(`the ${name} server did not start in 2 min`)))]);
  return {
    name,
    child,
    // The gateway says "localhost", which may resolve to ::1 while it listens on 127.0.0.1.
    url: new URL(ready.url.replace("//localhost:", "//127.0.0.1:")),
    reset: () => send({ type: "reset" }),
    async figures() {
      const answer = next("figures");
      send({ type: "figures" });
      return (await answer).figures;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const stopped = next("stopped").catch(() => undefined);
      send({ type: "stop" });
      await Promise.race([stopped, sleep(15_000)]);
      await Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(5_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}


export interface Answer {
  status: number;
  text: string;
  ms: number;
}

export function post(agent: http.Agent, url: URL, requestPath: string, headers: Record<string, string>, body: string): Promise<Answer> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: requestPath,
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), ms: Number(process.hrtime.bigint() - start) / 1e6 }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
