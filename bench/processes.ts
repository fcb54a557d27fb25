/**
 * `npm run bench:processes` (also the last part of `npm run bench`): throughput of the real
 * server (src/server.ts, as `npm start` runs it) with 1, 2 and (where the machine has the cores)
 * more worker processes (WEB_CONCURRENCY) on one seeded database, directly and through PgBouncer
 * in transaction mode, for a page of 25 clients and for one client. The connections of all
 * workers together stay DB_POOL_TOTAL (20), as an operator sizing a database would keep them.
 *   --clients N (2000)  --seconds N per cell (5)  --rounds N (2)  --concurrency N callers (16)
 *   --workers 1,2,4 (1 up to the cores, at most 4)
 * The load generator runs on the same machine: on 2 cores it takes CPU the workers would use, so
 * the second worker adds less than it would with a client machine of its own.
 */
import { ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";
import readline from "node:readline";
import { signToken } from "../src/auth/jwt";
import { DEVELOPMENT_JWT_SECRET } from "../src/config";
import { ensureDatabase } from "../src/db/database";
import { createDataSource } from "../src/db/data-source";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { seedTenant } from "../src/db/seed/seed";
import { PGBOUNCER, PgBouncer, startPgBouncer } from "./pgbouncer";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}
const number = (name: string, fallback: number) => {
  const value = Number(option(name, String(fallback)));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
};

const TENANT = "bench";
const POOL_TOTAL = 20;
const compiled = __filename.endsWith(".js");
const ROOT = path.join(__dirname, compiled ? "../.." : "..");


/** The real server with `workers` processes, ready when every worker serves. */
async function startServer(databaseUrl: string, workers: number, pgbouncer: boolean): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const script = compiled ? [path.join(ROOT, "dist", "src", "server.js")] : ["-r", "ts-node/register/transpile-only", path.join(ROOT, "src", "server.ts")];
  const child: ChildProcess = spawn(process.execPath, script, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      WEB_CONCURRENCY: String(workers),
      DB_POOL_TOTAL: String(POOL_TOTAL),
      DB_PGBOUNCER: pgbouncer ? "true" : "false",
      JOBS_ENABLED: "false",
      SEED_DEMO: "false",
      DEMO_SOURCES: "false",
      METRICS_ENABLED: "false",
      VIES_URL: "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let ready = 0;
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.startsWith("{")) return;
      const msg = (JSON.parse(line) as { msg?: string }).msg;
      if (msg === "GraphQL API ready" && ++ready === workers) resolve();
    });
    void exited.then(() => reject(new Error("the server exited before it served")));
  });
  return {
    port,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** `concurrency` callers on keep-alive connections for `seconds`: answers per second. */
async function load(port: number, headers: Record<string, string>, body: string, concurrency: number, seconds: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const post = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.request({ agent, host: "127.0.0.1", port, path: "/graphql", method: "POST", headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`${response.statusCode}: ${text.slice(0, 300)}`));
          else resolve();
        });
      });
      request.on("error", reject);
      request.end(body);
    });
  const until = Date.now() + seconds * 1000;
  const start = process.hrtime.bigint();
  let answers = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        await post();
        answers++;
      }
    }),
  );
  agent.destroy();
  return answers / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    console.log("Usage: npm run bench:processes -- [--clients 2000] [--seconds 5] [--rounds 2] [--concurrency 16] [--workers 1,2]");
    return;
  }
  const clients = number("clients", 2000);
  const seconds = number("seconds", 5);
  const rounds = number("rounds", 2);
  const concurrency = number("concurrency", 16);
  const cores = os.availableParallelism();
  const workerCounts = option("workers", Array.from({ length: Math.min(4, cores) }, (_, i) => i + 1).join(","))
    .split(",")
    .map(Number);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-bench-processes-"));
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 58000 + Math.floor(Math.random() * 1000), persistent: false });
  let bouncer: PgBouncer | undefined;
  try {
    const url = await ensureDatabase(process.env.DATABASE_URL ?? embedded!.url, `cdg_bench_processes_${process.pid}`);
    const dataSource = createDataSource(url, { pool: { size: 4 } });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await seedTenant(dataSource, TENANT, clients, 13);
    const [{ id }] = (await dataSource.query(`SELECT id::text AS id FROM client WHERE tenant_id = $1 ORDER BY id LIMIT 1`, [TENANT])) as { id: string }[];
    await dataSource.destroy();
    bouncer = existsSync(PGBOUNCER) ? await startPgBouncer(url, POOL_TOTAL) : undefined;
    const token = await signToken({ subject: "bench", companies: [TENANT], scopes: ["clients:read"], expiresIn: "2h" }, DEVELOPMENT_JWT_SECRET);
    const headers = { authorization: `Bearer ${token}`, "x-company-id": TENANT };
    const workloads = [
      ["page of 25", JSON.stringify({ query: "query Page { clients(first: 25) { nodes { id name orgNumber countryCode bankAccounts { iban } } } }" })],
      ["one client", JSON.stringify({ query: "query One($id: ID!) { client(id: $id) { id name orgNumber bankAccounts { iban } contract { contractNumber } } }", variables: { id } })],
    ] as const;
    const modes = [["direct", url, false], ...(bouncer ? [["PgBouncer", bouncer.url, true] as const] : [])] as const;
    console.log(
      `processes bench: ${clients} clients, ${concurrency} callers, ${rounds} rounds x ${seconds} s per cell, workers ${workerCounts.join("/")}, ${POOL_TOTAL} connections in all, ${cores} cores` +
        (bouncer ? "" : ` (no pgbouncer at ${PGBOUNCER}: direct only)`),
    );
    const results = new Map<string, number[]>();
    for (const [mode, databaseUrl, pooled] of modes) {
      for (const workers of workerCounts) {
        const server = await startServer(databaseUrl, workers, pooled);
        try {
          // Warm-up: JIT, pools, plans, and (for the first server) the database's cache.
          for (const [, body] of workloads) await load(server.port, headers, body, concurrency, 3);
          for (let r = 0; r < rounds; r++) {
            for (const [name, body] of r % 2 === 0 ? workloads : [...workloads].reverse()) {
              const key = `${mode}|${workers}|${name}`;
              results.set(key, [...(results.get(key) ?? []), await load(server.port, headers, body, concurrency, seconds)]);
            }
          }
        } finally {
          await server.stop();
        }
      }
    }
    const mean = (key: string) => {
      const values = results.get(key) ?? [];
      return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    };
    console.log("\n| workload | connection | workers | req/s | vs 1 worker | per worker added | PgBouncer vs direct |");
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    for (const [name] of workloads) {
      for (const [mode] of modes) {
        const one = mean(`${mode}|1|${name}`);
        for (const workers of workerCounts) {
          const rate = mean(`${mode}|${workers}|${name}`);
          const added = workers > 1 ? ((rate / one - 1) / (workers - 1)).toFixed(2) : "–";
          const vsDirect = mode === "direct" ? "–" : `${(rate / mean(`direct|${workers}|${name}`)).toFixed(2)}x`;
          console.log(`| ${name} | ${mode} | ${workers} | ${rate.toFixed(1)} | ${(rate / one).toFixed(2)}x | ${added} | ${vsDirect} |`);
        }
      }
    }
    console.log("\n'per worker added': the throughput each worker beyond the first adds, as a share of one worker's.");
  } finally {
    await bouncer?.stop();
    await embedded?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
