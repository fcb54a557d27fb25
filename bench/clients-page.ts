/**
 * Measures the read API on a large tenant against a hand-written floor:
 *
 *   npm run bench [-- --clients 10000 --rounds 30 --seconds 3 --passes 2 --concurrency 10,50,200
 *                    --requests 0 --pool 10 --skip-sequential --profile DIR --only LABEL-TEXT]
 *
 * BENCH_NODE_FLAGS="--max-old-space-size=160" passes V8 flags to the gateway's process only.
 *
 * Seeds a throwaway database (embedded PostgreSQL in a temp dir, or a scratch database on
 * DATABASE_URL's server), then starts two servers as child processes on it: the real gateway
 * (bench/gateway-server.ts) and a node:http + pg server that runs the same SQL in the same
 * per-request transaction (bench/raw-server.ts). It checks that both answer the same, prints
 * one-at-a-time latencies and SQL statement counts, then loads both with each workload at each
 * concurrency, gateway and raw rounds alternating, and prints requests/s, the ratio, each server's
 * own CPU per request and peak RSS. With --profile DIR each server writes a V8 CPU profile there
 * (gateway.cpuprofile, raw.cpuprofile; open in Chrome DevTools) when the bench stops it.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { FieldNode, OperationDefinitionNode, parse, print } from "graphql";
import { signToken } from "../src/auth/jwt";
import { DEVELOPMENT_JWT_SECRET } from "../src/config";
import { ensureDatabase } from "../src/db/database";
import { createDataSource } from "../src/db/data-source";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { seedTenant } from "../src/db/seed/seed";
import { Answer, post, Server, startServer } from "./servers";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number, got ${process.argv[index + 1]}`);
  return value;
}
function listOption(name: string, fallback: number[]): number[] {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const values = String(process.argv[index + 1]).split(",").map(Number);
  if (values.some((v) => !Number.isInteger(v) || v < 1)) throw new Error(`--${name} takes a list like 10,50,200`);
  return values;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const textOption = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? path.resolve(String(process.argv[index + 1])) : undefined;
};

/** The repository: this file runs from bench/ (ts-node) or dist/bench/ (compiled). */
const ROOT = path.resolve(__dirname, __filename.endsWith(".js") ? "../.." : "..");

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- Requests ---

interface Workload {
  label: string;
  /** The request to send, per server; `i` counts requests (the by-id workload walks a list of ids). */
  gateway(i: number): { query: string; variables: Record<string, unknown> };
  raw(i: number): { path: string; body: Record<string, unknown> };
}



type Send = (agent: http.Agent, i: number) => Promise<Answer>;

function sender(server: Server, workload: Workload, token: string): Send {
  const headers = { authorization: `Bearer ${token}`, "x-company-id": "bench" };
  if (server.name === "gateway") {
    return (agent, i) => post(agent, server.url, server.url.pathname, headers, JSON.stringify(workload.gateway(i)));
  }
  return (agent, i) => {
    const { path: requestPath, body } = workload.raw(i);
    return post(agent, server.url, requestPath, headers, JSON.stringify(body));
  };
}

const failed = (answer: Answer) => answer.status !== 200 || answer.text.includes('"errors":');

async function once(send: Send, i = 0): Promise<{ ms: number; bytes: number; body: any }> {
  const agent = new http.Agent({ keepAlive: false });
  const answer = await send(agent, i);
  agent.destroy();
  if (failed(answer)) throw new Error(`HTTP ${answer.status}: ${answer.text.slice(0, 500)}`);
  return { ms: answer.ms, bytes: Buffer.byteLength(answer.text), body: JSON.parse(answer.text) };
}

// --- The sanity check: same rows and fields from both ---

/** The first place two answers differ (cursors are compared only for being there), or null. */
function difference(a: unknown, b: unknown, at = "$"): string | null {
  if (at.endsWith(".endCursor")) return (a === null) === (b === null) ? null : `${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${at}: array vs not`;
    if (a.length !== b.length) return `${at}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const found = difference(a[i], b[i], `${at}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!(key in a) || !(key in b)) return `${at}.${key}: missing on one side`;
      const found = difference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return a === b ? null : `${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

/** Nodes and relation items (every array element and non-null object below the nodes) in an answer. */
function countItems(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + 1 + countItems(item), 0);
  if (value && typeof value === "object") return Object.values(value).reduce((sum: number, item) => sum + (item && typeof item === "object" && !Array.isArray(item) ? 1 : 0) + countItems(item), 0);
  return 0;
}

// --- Load ---

interface Cell {
  ok: number;
  errors: number;
  seconds: number;
  cpuMs: number;
  peakRssMb: number;
  latencies: number[];
  firstError?: string;
}

async function load(server: Server, send: Send, concurrency: number, seconds: number, cap: number): Promise<Cell> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  // Warm the connections and the server's code paths, outside the figures.
  await Promise.all(Array.from({ length: Math.min(concurrency, 20) }, (_, i) => send(agent, i).catch(() => undefined)));
  server.reset();
  await sleep(20);
  const cell: Cell = { ok: 0, errors: 0, seconds: 0, cpuMs: 0, peakRssMb: 0, latencies: [] };
  const start = Date.now();
  const deadline = start + seconds * 1000;
  let issued = 0;
  const worker = async () => {
    while (Date.now() < deadline && (cap === 0 || issued < cap)) {
      const i = issued++;
      try {
        const answer = await send(agent, i);
        cell.latencies.push(answer.ms);
        if (failed(answer)) {
          cell.errors += 1;
          cell.firstError ??= `HTTP ${answer.status}: ${answer.text.slice(0, 200)}`;
        } else cell.ok += 1;
      } catch (error) {
        cell.errors += 1;
        cell.firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  cell.seconds = (Date.now() - start) / 1000;
  const figures = await server.figures();
  cell.cpuMs = figures.userMs + figures.systemMs;
  cell.peakRssMb = figures.peakRssMb;
  agent.destroy();
  return cell;
}

function merge(cells: Cell[]): Cell {
  return cells.reduce(
    (sum, c) => ({
      ok: sum.ok + c.ok,
      errors: sum.errors + c.errors,
      seconds: sum.seconds + c.seconds,
      cpuMs: sum.cpuMs + c.cpuMs,
      peakRssMb: Math.max(sum.peakRssMb, c.peakRssMb),
      latencies: sum.latencies.concat(c.latencies),
      firstError: sum.firstError ?? c.firstError,
    }),
    { ok: 0, errors: 0, seconds: 0, cpuMs: 0, peakRssMb: 0, latencies: [] } as Cell,
  );
}

async function main(): Promise<void> {
  const clients = option("clients", 10_000);
  const rounds = option("rounds", 30);
  const seconds = option("seconds", 3);
  const passes = option("passes", 2);
  const cap = option("requests", 0);
  const poolSize = option("pool", 10);
  const concurrencies = listOption("concurrency", [10, 50, 200]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cdg-bench-"));
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 55000 + Math.floor(Math.random() * 1000), persistent: false });
  const servers: Server[] = [];
  try {
    const url = await ensureDatabase(process.env.DATABASE_URL ?? embedded!.url, `cdg_bench_${process.pid}`);
    const dataSource = createDataSource(url, { pool: { size: 2 } });
    await dataSource.initialize();
    await dataSource.runMigrations();
    const seedStart = Date.now();
    await seedTenant(dataSource, "bench", clients, 7);
    await dataSource.query("ANALYZE");
    await dataSource.destroy();
    console.log(`seeded ${clients} clients with all relations in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

    // NODE_ENV=production in the servers' environment: graphql-js and Apollo skip their development checks.
    const env = { ...process.env, DATABASE_URL: url, DB_POOL_SIZE: String(poolSize), NODE_ENV: "production", LOG_LEVEL: "warn" };
    const profileDir = textOption("profile");
    if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
    const gateway = await startServer("gateway", "gateway-server.ts", env, profileDir);
    servers.push(gateway);
    const raw = await startServer("raw", "raw-server.ts", env, profileDir);
    servers.push(raw);
    const token = await signToken({ subject: "bench", companies: ["bench"], scopes: ["clients:read"], expiresIn: "1h" }, DEVELOPMENT_JWT_SECRET);

    const relations = fs.readFileSync(path.join(ROOT, "test", "operations", "relations.graphql"), "utf8");
    // The same selection for one client: the `nodes { ... }` of relations.graphql under `client(id:)`.
    const operation = parse(relations).definitions[0] as OperationDefinitionNode;
    const clientsField = operation.selectionSet.selections[0] as FieldNode;
    const nodes = clientsField.selectionSet!.selections.find((s) => s.kind === "Field" && s.name.value === "nodes") as FieldNode;
    const byId = `query ClientWithRelations($id: ID!) { client(id: $id) ${print(nodes.selectionSet!)} }`;
    const page = `query($first: Int, $after: String, $offset: Int, $search: String) {
      clients(first: $first, after: $after, offset: $offset, search: $search) { nodes { id name } pageInfo { endCursor } } }`;

    const gatewayOnce = (query: string, variables: Record<string, unknown>) =>
      once(sender(gateway, { label: "", gateway: () => ({ query, variables }), raw: () => ({ path: "/", body: {} }) }, token));
    const firstIds = ((await gatewayOnce(page, { first: 100 })).body.data.clients.nodes as { id: string }[]).map((n) => n.id);

    // A cursor near the end of the list, found by walking with the largest pages: each server's
    // own (the gateway's cursors carry their list, order and filter; the raw server's only the row).
    const rawOnce = (after: string | undefined) => once(sender(raw, { label: "", gateway: () => ({ query: "", variables: {} }), raw: () => ({ path: "/page", body: { first: 100, after } }) }, token));
    let after: string | undefined;
    let rawAfter: string | undefined;
    for (let seen = 0; seen < clients - 100; seen += 100) {
      after = (await gatewayOnce(page, { first: 100, after })).body.data.clients.pageInfo.endCursor;
      rawAfter = (await rawOnce(rawAfter)).body.data.clients.pageInfo.endCursor;
    }
    const deep = clients - 100;

    const workloads: Workload[] = [
      {
        label: "page of 100, every relation",
        gateway: () => ({ query: relations, variables: { first: 100 } }),
        raw: () => ({ path: "/relations", body: { first: 100 } }),
      },
      {
        label: "one client by id, every relation",
        gateway: (i) => ({ query: byId, variables: { id: firstIds[i % firstIds.length] } }),
        raw: (i) => ({ path: "/client", body: { id: firstIds[i % firstIds.length] } }),
      },
      {
        label: "first page of 25, id and name",
        gateway: () => ({ query: page, variables: { first: 25 } }),
        raw: () => ({ path: "/page", body: { first: 25 } }),
      },
      {
        label: `deep page by cursor (after row ${deep})`,
        gateway: () => ({ query: page, variables: { first: 100, after } }),
        raw: () => ({ path: "/page", body: { first: 100, after: rawAfter } }),
      },
      {
        label: `deep page by offset (offset ${deep})`,
        gateway: () => ({ query: page, variables: { first: 100, offset: deep } }),
        raw: () => ({ path: "/page", body: { first: 100, offset: deep } }),
      },
    ];

    // --only <text>: just the workloads whose label contains it (for profiling one of them).
    const only = process.argv.includes("--only") ? String(process.argv[process.argv.indexOf("--only") + 1]) : undefined;
    if (only) workloads.splice(0, workloads.length, ...workloads.filter((w) => w.label.includes(only)));

    console.log("\nsanity check: both servers answer the same rows and fields");
    for (const workload of workloads) {
      for (const i of [0, 1, 2]) {
        const gatewayAnswer = await once(sender(gateway, workload, token), i);
        const rawAnswer = await once(sender(raw, workload, token), i);
        const [a, b] = [gatewayAnswer.body, rawAnswer.body];
        const found = difference(a.data, b.data, "data");
        if (found) throw new Error(`The raw server does not answer "${workload.label}" like the gateway: ${found}`);
        const items = countItems(a.data);
        if (items < 2) throw new Error(`"${workload.label}" found nothing: is the data seeded?`);
        const kb = (answer: { bytes: number }) => (answer.bytes / 1024).toFixed(1);
        if (i === 0) console.log(`  ${workload.label.padEnd(38)} identical: ${items} objects and list items; body ${kb(gatewayAnswer)} / ${kb(rawAnswer)} KB`);
      }
    }

    if (!flag("skip-sequential")) {
      console.log(`\n${clients} clients, ${rounds} rounds each, one request at a time (p50 / p95 ms)\n`);
      console.log(`${"".padEnd(48)} ${"gateway".padStart(17)}   ${"raw".padStart(17)}   gateway SQL statements`);
      const sequential = async (label: string, workload: Workload, withRaw: boolean) => {
        const figures: string[] = [];
        let statements = 0;
        for (const server of withRaw ? [gateway, raw] : [gateway]) {
          const send = sender(server, workload, token);
          await once(send); // warm-up
          server.reset();
          const times: number[] = [];
          for (let i = 0; i < rounds; i++) times.push((await once(send, i)).ms);
          if (server === gateway) statements = (await server.figures()).statements ?? 0;
          times.sort((x, y) => x - y);
          figures.push(`${percentile(times, 50).toFixed(1).padStart(7)} / ${percentile(times, 95).toFixed(1).padStart(7)}`);
        }
        console.log(`${label.padEnd(48)} ${figures[0]}   ${(figures[1] ?? "").padStart(17)}   ${(statements / rounds).toFixed(0)}`);
      };
      const gatewayOnly = (query: string, variables: Record<string, unknown>): Workload => ({
        label: "",
        gateway: () => ({ query, variables }),
        raw: () => ({ path: "/", body: {} }),
      });
      for (const workload of workloads) await sequential(workload.label, workload, true);
      await sequential("page of 10, every relation", gatewayOnly(relations, { first: 10 }), false);
      await sequential("search 'ab' (name or org number)", gatewayOnly(page, { first: 25, search: "ab" }), false);
      await sequential("search by org number with dash", gatewayOnly(page, { first: 25, search: "556" }), false);
    }

    const perCell = cap > 0 ? `${seconds} s or ${cap} requests` : `${seconds} s`;
    console.log(
      `\nunder load: ${passes} alternating rounds of ${perCell} per server and cell, pool ${poolSize}, ` +
        `load generator in this process (node:http, keep-alive), ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}\n`,
    );
    const header = ["workload", "conc", "gw req/s", "raw req/s", "gw/raw", "gw CPU ms/req", "raw CPU ms/req", "gw p95 ms", "raw p95 ms", "errors gw/raw", "peak RSS MB gw/raw"];
    const widths = [38, 5, 9, 10, 7, 14, 15, 10, 11, 14, 19];
    const row = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" "));
    row(header);
    const notes: string[] = [];
    for (const workload of workloads) {
      for (const concurrency of concurrencies) {
        const results = new Map<Server, Cell[]>([[gateway, []], [raw, []]]);
        for (let pass = 0; pass < passes; pass++) {
          for (const server of pass % 2 === 0 ? [gateway, raw] : [raw, gateway]) {
            results.get(server)!.push(await load(server, sender(server, workload, token), concurrency, seconds, cap));
          }
        }
        const g = merge(results.get(gateway)!);
        const r = merge(results.get(raw)!);
        const rate = (c: Cell) => c.ok / c.seconds;
        const cpu = (c: Cell) => c.cpuMs / Math.max(1, c.ok + c.errors);
        const p95 = (c: Cell) => percentile([...c.latencies].sort((x, y) => x - y), 95) ?? NaN;
        row([
          workload.label,
          String(concurrency),
          rate(g).toFixed(1),
          rate(r).toFixed(1),
          (rate(g) / rate(r)).toFixed(2),
          cpu(g).toFixed(2),
          cpu(r).toFixed(2),
          p95(g).toFixed(0),
          p95(r).toFixed(0),
          `${g.errors}/${r.errors}`,
          `${g.peakRssMb.toFixed(0)}/${r.peakRssMb.toFixed(0)}`,
        ]);
        for (const [name, c] of [["gateway", g], ["raw", r]] as const) {
          if (c.firstError) notes.push(`${workload.label} at ${concurrency}, ${name}: first error ${c.firstError}`);
        }
      }
    }
    console.log(
      "\nreq/s counts answers without errors; CPU is the server process's own (user + system, from process.cpuUsage), " +
        "not PostgreSQL's nor the load generator's; p95 is under load, queueing included; peak RSS is the largest sampled during the cell.",
    );
    for (const note of notes) console.log(note);
  } finally {
    for (const server of servers) await server.stop().catch(() => undefined);
    await embedded?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
