/**
 * `npm run bench:compression` (also the last part of `npm run bench`): what compressing answers
 * costs the gateway and saves on the wire, for a page of 100 clients with every relation
 * (test/operations/relations.graphql). Two real gateways (bench/gateway-server.ts) on one seeded
 * database, one with COMPRESSION=false, one with it on; the second is asked for identity, gzip and
 * br in turn (Accept-Encoding). Per encoding: answers/s, the gateway's CPU per answer (its own
 * process.cpuUsage) and bytes per answer as sent.
 *   --clients N (default 2000)  --seconds N per round (5)  --rounds N (3)  --concurrency N (4)
 */
import http from "node:http";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { signToken } from "../src/auth/jwt";
import { DEVELOPMENT_JWT_SECRET } from "../src/config";
import { ensureDatabase } from "../src/db/database";
import { createDataSource } from "../src/db/data-source";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { seedTenant } from "../src/db/seed/seed";
import { Server, startServer } from "./servers";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number, got ${process.argv[index + 1]}`);
  return value;
}

const TENANT = "bench";
const ROOT = path.join(__dirname, __filename.endsWith(".js") ? "../.." : "..");

/** One POST; answers the bytes as they came over the wire (still compressed) and their encoding. */
function postRaw(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes, encoding: String(response.headers["content-encoding"] ?? "identity") }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

interface Round {
  answers: number;
  seconds: number;
  cpuMs: number;
  bytes: number;
}

async function round(server: Server, encoding: string, headers: Record<string, string>, body: string, concurrency: number, seconds: number): Promise<Round> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  server.reset();
  const start = process.hrtime.bigint();
  const until = Date.now() + seconds * 1000;
  let answers = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const answer = await postRaw(agent, server.url, { ...headers, "accept-encoding": encoding }, body);
        if (answer.status !== 200 || answer.encoding !== encoding) throw new Error(`asked for ${encoding}, got ${answer.status} ${answer.encoding}`);
        answers++;
        bytes += answer.bytes;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const figures = await server.figures();
  agent.destroy();
  return { answers, seconds: elapsed, cpuMs: figures.userMs + figures.systemMs, bytes };
}

async function main(): Promise<void> {
  const clients = option("clients", 2000);
  const seconds = option("seconds", 5);
  const rounds = option("rounds", 3);
  const concurrency = option("concurrency", 4);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-bench-compression-"));
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 57000 + Math.floor(Math.random() * 1000), persistent: false });
  const servers: Server[] = [];
  try {
    const url = await ensureDatabase(process.env.DATABASE_URL ?? embedded!.url, `cdg_bench_compression_${process.pid}`);
    const dataSource = createDataSource(url, { pool: { size: 4 } });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await seedTenant(dataSource, TENANT, clients, 11);
    await dataSource.destroy();
    const token = await signToken({ subject: "bench", companies: [TENANT], scopes: ["clients:read"], expiresIn: "2h" }, DEVELOPMENT_JWT_SECRET);
    const headers = { authorization: `Bearer ${token}`, "x-company-id": TENANT };
    const body = JSON.stringify({ query: fs.readFileSync(path.join(ROOT, "test", "operations", "relations.graphql"), "utf8"), variables: { first: 100 } });
    console.log(`compression bench: a page of 100 clients with every relation, ${clients} clients, ${concurrency} callers, ${rounds} rounds x ${seconds} s per encoding, ${os.cpus().length} cores`);

    const env = { ...process.env, DATABASE_URL: url, NODE_ENV: "production", DB_POOL_SIZE: "10" };
    const off = await startServer("compression-off", "gateway-server.ts", { ...env, COMPRESSION: "false" });
    servers.push(off);
    const on = await startServer("compression-on", "gateway-server.ts", { ...env, COMPRESSION: "true" });
    servers.push(on);
    const cells: [string, Server, string][] = [
      ["off (identity)", off, "identity"],
      ["on, identity asked", on, "identity"],
      ["on, gzip", on, "gzip"],
      ["on, br", on, "br"],
    ];
    for (const [, server, encoding] of cells) await round(server, encoding, headers, body, concurrency, 1); // warm-up: JIT, pools, plans
    const totals = new Map(cells.map(([label]) => [label, { answers: 0, seconds: 0, cpuMs: 0, bytes: 0 } as Round]));
    for (let r = 0; r < rounds; r++) {
      for (const [label, server, encoding] of r % 2 === 0 ? cells : [...cells].reverse()) {
        const result = await round(server, encoding, headers, body, concurrency, seconds);
        const total = totals.get(label)!;
        total.answers += result.answers;
        total.seconds += result.seconds;
        total.cpuMs += result.cpuMs;
        total.bytes += result.bytes;
      }
    }
    const base = totals.get("off (identity)")!;
    const cpuPer = (t: Round) => t.cpuMs / Math.max(1, t.answers);
    console.log("\n| answers | req/s | gateway CPU per answer (ms) | vs off | bytes per answer |");
    console.log("| --- | --- | --- | --- | --- |");
    for (const [label] of cells) {
      const t = totals.get(label)!;
      console.log(`| ${label} | ${(t.answers / t.seconds).toFixed(1)} | ${cpuPer(t).toFixed(2)} | ${(cpuPer(t) / cpuPer(base)).toFixed(2)}x | ${Math.round(t.bytes / Math.max(1, t.answers)).toLocaleString("en")} |`);
    }
  } finally {
    for (const server of servers) await server.stop();
    await embedded?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
