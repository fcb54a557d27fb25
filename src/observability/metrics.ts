import { timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import cluster from "node:cluster";
import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { DataSource } from "typeorm";
import { poolCounts } from "../db/data-source";
import type { RequestSummary } from "../app";
import type { ConnectionGate } from "../db/connection-gate";

/** Distinct operation names given their own label value; later ones are counted as "other". */
export const MAX_OPERATION_LABELS = 100;
/** Longer operation names are counted as "other". */
export const MAX_OPERATION_NAME_LENGTH = 64;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A request's outcome as a label: ok, a caller's error, or the server's (INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE). */
export type RequestOutcome = "ok" | "error" | "server_error";

export function outcomeOf(errorCodes: readonly string[]): RequestOutcome {
  if (errorCodes.length === 0) return "ok";
  return errorCodes.some((code) => code === "INTERNAL_SERVER_ERROR" || code === "SERVICE_UNAVAILABLE") ? "server_error" : "error";
}

/** How a job ended, as the queue records it. */
export type JobOutcome = "completed" | "failed" | "handed_over";

/**
 * The gateway's Prometheus metrics (prom-client), in a registry of their own, scraped at /metrics.
 * Labels are bounded: an operation's name (at most MAX_OPERATION_LABELS of them, else "other"), an
 * outcome, a queue's name. Never a tenant, a caller or an error message.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests: Counter<"operation" | "outcome">;
  private readonly duration: Histogram<"operation">;
  private readonly statements: Histogram<"operation">;
  private readonly jobs: Counter<"queue" | "outcome">;
  private readonly jobDuration: Histogram<"queue">;
  private readonly webhookAttempts: Counter<"outcome">;
  private readonly reads: Counter<"target" | "reason">;
  private readonly webhookAttemptDuration: Histogram;

  constructor() {
    const registers = [this.registry];
    // Process CPU, memory, GC, handles and nodejs_eventloop_lag_* (monitorEventLoopDelay).
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: "gateway_graphql_requests_total",
      help: "GraphQL requests answered, by operation name and outcome (ok, error: the caller's, server_error)",
      labelNames: ["operation", "outcome"],
      registers,
    });
    this.duration = new Histogram({
      name: "gateway_graphql_request_duration_seconds",
      help: "Time from a request's arrival to its answer, by operation name",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.statements = new Histogram({
      name: "gateway_graphql_request_sql_statements",
      help: "SQL statements one request ran (transaction framing not counted), by operation name",
      labelNames: ["operation"],
      buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89],
      registers,
    });
    this.reads = new Counter({
      name: "gateway_graphql_reads_total",
      help: "Query operations answered with read replicas configured, by where their reads went (replica, primary) and why (replica, caller-wrote, replica-unavailable)",
      labelNames: ["target", "reason"],
      registers,
    });
    this.jobs = new Counter({
      name: "gateway_jobs_total",
      help: "Jobs of the queue (sync-run, client-action, webhook-round) that ended in this process, by queue and outcome",
      labelNames: ["queue", "outcome"],
      registers,
    });
    this.jobDuration = new Histogram({
      name: "gateway_job_duration_seconds",
      help: "How long a job's handler ran, by queue",
      labelNames: ["queue"],
      buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 1800],
      registers,
    });
    this.webhookAttempts = new Counter({
      name: "gateway_webhook_delivery_attempts_total",
      help: "Webhook delivery attempts this process made, by outcome (delivered: a 2xx; failed: anything else, a timeout included)",
      labelNames: ["outcome"],
      registers,
    });
    this.webhookAttemptDuration = new Histogram({
      name: "gateway_webhook_delivery_attempt_duration_seconds",
      help: "How long a webhook receiver took to answer an attempt (or to time out)",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
  }

  /** The label of an operation's name, bounded in length and in number of distinct values. */
  operationLabel(name: string | null): string {
    if (!name) return "anonymous";
    if (name.length > MAX_OPERATION_NAME_LENGTH || !GRAPHQL_NAME.test(name)) return "other";
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return "other";
    this.operations.add(name);
    return name;
  }

  /** One answered request (called once per request, where its log line is written). */
  observeRequest(summary: RequestSummary): void {
    const operation = this.operationLabel(summary.operationName);
    this.requests.inc({ operation, outcome: outcomeOf(summary.errorCodes) });
    this.duration.observe({ operation }, summary.durationMs / 1000);
    this.statements.observe({ operation }, summary.stats.statements);
    if (summary.readRoute) this.reads.inc({ target: summary.readRoute.target, reason: summary.readRoute.reason });
  }

  /** One job that ended in this process. */
  jobEnded(queue: string, outcome: JobOutcome, seconds: number): void {
    this.jobs.inc({ queue, outcome });
    this.jobDuration.observe({ queue }, seconds);
  }

  /** One webhook delivery attempt this process made. */
  webhookAttempt(outcome: "delivered" | "failed", seconds: number): void {
    this.webhookAttempts.inc({ outcome });
    this.webhookAttemptDuration.observe(seconds);
  }

  /**
   * What waits, read at scrape time: jobs per queue of the job queue (shared by every process, so
   * each reports the same figure) and webhook deliveries still pending (due or backing off).
   */
  watchBacklog(depths: () => Promise<Record<string, number>>, pendingDeliveries: () => Promise<number>): void {
    new Gauge({
      name: "gateway_job_queue_depth",
      help: "Jobs waiting in the job queue (created or waiting for a retry), by queue; the same in every process",
      labelNames: ["queue"],
      // Read from the database: every cluster worker reads the same figure.
      aggregator: "max",
      registers: [this.registry],
      async collect() {
        for (const [queue, waiting] of Object.entries(await depths())) this.set({ queue }, waiting);
      },
    });
    new Gauge({
      name: "gateway_webhook_deliveries_pending",
      help: "Webhook deliveries not yet delivered or given up (due now or waiting for a retry), all tenants; the same in every process",
      aggregator: "max",
      registers: [this.registry],
      async collect() {
        this.set(await pendingDeliveries());
      },
    });
  }

  /** The tenants' gate in front of the pool: permits in use and requests waiting, read at scrape time. */
  watchGate(gate: ConnectionGate): void {
    new Gauge({ name: "gateway_db_gate_in_use", help: "Connection permits held by requests (the fair-share gate)", registers: [this.registry], collect() { this.set(gate.permitsInUse); } });
    new Gauge({ name: "gateway_db_gate_waiting", help: "Requests waiting for a connection permit", registers: [this.registry], collect() { this.set(gate.queued); } });
  }

  /** The data source's pg pool: connections open, idle, and callers waiting for one, read at scrape time. */
  watchPool(dataSource: DataSource): void {
    const pool = () => poolCounts(dataSource);
    new Gauge({
      name: "gateway_db_pool_connections",
      help: "Connections of the database pool, by state (in_use, idle)",
      labelNames: ["state"],
      registers: [this.registry],
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: "in_use" }, p.total - p.idle);
        this.set({ state: "idle" }, p.idle);
      },
    });
    new Gauge({ name: "gateway_db_pool_waiting", help: "Callers waiting for a connection of the database pool", registers: [this.registry], collect() { this.set(pool()?.waiting ?? 0); } });
  }

  /** DATABASE_READ_URL's replicas as this process sees them, read at scrape time. */
  watchReplicas(states: () => { label: string; up: boolean; inUse: number; idle: number }[]): void {
    new Gauge({
      name: "gateway_db_replica_up",
      help: "1 while a read replica is used, 0 while it is left out (failed, or failing its probe), by replica (replica-1, ... in DATABASE_READ_URL's order)",
      labelNames: ["replica"],
      // Up in a cluster only if every worker uses it.
      aggregator: "min",
      registers: [this.registry],
      collect() {
        for (const state of states()) this.set({ replica: state.label }, state.up ? 1 : 0);
      },
    });
    new Gauge({
      name: "gateway_db_replica_pool_connections",
      help: "Connections of a read replica's pool, by replica and state (in_use, idle)",
      labelNames: ["replica", "state"],
      registers: [this.registry],
      collect() {
        for (const state of states()) {
          this.set({ replica: state.label, state: "in_use" }, state.inUse);
          this.set({ replica: state.label, state: "idle" }, state.idle);
        }
      },
    });
  }
}

const CLUSTER_METRICS_REQUEST = "gateway:metrics-request";
const CLUSTER_METRICS_ANSWER = "gateway:metrics-answer";

/**
 * The primary of a cluster (WEB_CONCURRENCY > 1): collects every worker's registry when a worker
 * asks (its /metrics was scraped) and answers the sum (prom-client's AggregatorRegistry: counters
 * and histograms added up, the backlog gauges' maximum), so a scrape through the shared port sees
 * the whole cluster, whichever worker took it.
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== CLUSTER_METRICS_REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: CLUSTER_METRICS_ANSWER, id: message.id, text }),
      (error: Error) => worker.send({ type: CLUSTER_METRICS_ANSWER, id: message.id, error: error.message }),
    );
  });
}

/** A cluster worker: its registry is the one the primary collects. */
export function joinClusterMetrics(metrics: GatewayMetrics): void {
  new AggregatorRegistry(); // installs the worker's answer to the primary's collection
  AggregatorRegistry.setRegistries([metrics.registry]);
}

let clusterRequests = 0;

/** The whole cluster's metrics, from the primary (a worker asks it over IPC). */
function clusterMetricsText(): Promise<string> {
  const id = clusterRequests++;
  return new Promise((resolve, reject) => {
    const answer = (message: { type?: string; id?: number; text?: string; error?: string }) => {
      if (message?.type !== CLUSTER_METRICS_ANSWER || message.id !== id) return;
      clearTimeout(timer);
      process.off("message", answer);
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.text ?? "");
    };
    const timer = setTimeout(() => {
      process.off("message", answer);
      reject(new Error("the cluster's primary did not answer"));
    }, 6_000);
    process.on("message", answer);
    process.send?.({ type: CLUSTER_METRICS_REQUEST, id });
  });
}

/**
 * GET /metrics: the registry in Prometheus's text format (in a cluster worker, the whole
 * cluster's, summed by the primary); with a token, only for `Authorization: Bearer <token>`.
 */
export function metricsEndpoint(metrics: GatewayMetrics, token: string | null): RequestHandler {
  const expected = token === null ? null : Buffer.from(`Bearer ${token}`);
  return async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).set("www-authenticate", 'Bearer realm="metrics"').json({ error: "unauthorized" });
        return;
      }
    }
    if (cluster.isWorker && process.send) {
      try {
        res.set("content-type", metrics.registry.contentType).send(await clusterMetricsText());
      } catch {
        res.status(503).json({ error: "the cluster's metrics could not be collected" });
      }
      return;
    }
    res.set("content-type", metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
