import "reflect-metadata";
import { loadConfig } from "./config";
import { openDatabase } from "./db/database";
import { buildGatewaySchema } from "./schema";
import { startGateway } from "./app";
import { developmentTokenHours, signToken } from "./auth/jwt";
import { demoSeedOnStart } from "./db/seed/seed";
import { createLogger } from "./common/log";
import { CLIENT_ACTION_QUEUE, startJobQueue, SYNC_RUN_QUEUE, WEBHOOK_ROUND_QUEUE } from "./sync/jobs";
import { clientActionHandler } from "./modules/client-action";
import { syncRunHandler } from "./sync/engine/run-sync";
import { SyncDispatcher } from "./sync/dispatcher";
import { countPendingDeliveries, WebhookWorker } from "./modules/webhook/webhook.worker";
import { queueRun } from "./sync/runs";
import { CredentialsCipher } from "./sources/credentials";
import { startDemoSourcesFor } from "./sources/demo/demo-sources";
import { WriteTransaction } from "./db/write-transaction";
import { GatewayMetrics, joinClusterMetrics } from "./observability/metrics";
import cluster from "node:cluster";
import { reportReady, runPrimary, WORKER_INDEX } from "./cluster";
import { startTracing } from "./observability/tracing";

/** Boot: config -> database (+ migrations) -> demo data -> job queue -> Apollo -> listen; stop on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  // WEB_CONCURRENCY > 1: this process is the cluster's primary and serves nothing (src/cluster.ts).
  if (config.webConcurrency > 1 && cluster.isPrimary) return runPrimary(config, createLogger(config.logLevel));
  // First, so the database's and the sources' first calls are traced too (when OTEL_EXPORTER_OTLP_ENDPOINT is set).
  const tracing = await startTracing(config.tracing);
  const logger = createLogger(config.logLevel);
  const log = (line: string, level: "info" | "warn" = "info") => logger[level](line);
  // One registry for the requests (startGateway) and the job queue's jobs.
  const metrics = config.metrics.enabled ? new GatewayMetrics() : undefined;
  // A cluster worker's registry is collected by the primary, which sums the workers' for /metrics.
  if (metrics && cluster.isWorker) joinClusterMetrics(metrics);
  // The demo seed runs under the startup lock with the migrations: of processes starting at once, one seeds.
  const database = await openDatabase(config, log, {
    ownSignalHandling: true,
    ...demoSeedOnStart(config, log),
  });
  // Development: a simulated CRM and invoicing system, registered as the demo tenant's sources.
  const demoSources = await startDemoSourcesFor(config, database.dataSource, logger);
  const cipher = new CredentialsCipher(config.sourceCredentialsKey);
  // Webhooks: with the other background work (JOBS_ENABLED); several processes share it (leased claims, SKIP LOCKED).
  const webhooks = config.jobs.enabled
    ? new WebhookWorker({
        dataSource: database.dataSource,
        credentials: new CredentialsCipher(config.sourceCredentialsKey),
        policy: { allowPrivate: config.webhooks.allowPrivate, allowedHosts: config.webhooks.allowedHosts },
        schedule: { firstMs: config.webhooks.retryFirstMs, maxMs: config.webhooks.retryMaxMs, giveUpMs: config.webhooks.giveUpMs },
        timeoutMs: config.webhooks.timeoutMs,
        concurrency: config.webhooks.concurrency,
        onError: (error) => logger.error({ error: error instanceof Error ? error.name : "Error" }, "webhook worker round failed"),
        ...(metrics ? { onAttempt: (outcome: "delivered" | "failed", seconds: number) => metrics.webhookAttempt(outcome, seconds) } : {}),
      })
    : null;
  // Before the gateway listens: a queue that can't start (its schema, its connections) stops the boot.
  const jobs = config.jobs.enabled
    ? await startJobQueue({
        url: database.url,
        handlers: {
          [SYNC_RUN_QUEUE]: syncRunHandler({ dataSource: database.dataSource, cipher, logger, heartbeatMs: config.jobs.heartbeatMs }),
          [CLIENT_ACTION_QUEUE]: clientActionHandler({ dataSource: database.dataSource, cipher, logger }),
          ...(webhooks ? { [WEBHOOK_ROUND_QUEUE]: () => webhooks.runOnce() } : {}),
        },
        policies: { [SYNC_RUN_QUEUE]: { retryDelaySeconds: config.jobs.retryDelaySeconds, retryLimit: config.jobs.retryLimit } },
        concurrency: config.jobs.concurrency,
        stopTimeoutMs: config.jobs.stopTimeoutMs,
        logger,
        ...(metrics ? { onJobEnd: (queue, outcome, seconds) => metrics.jobEnded(queue, outcome, seconds) } : {}),
      }).catch(async (error: unknown) => {
        await database.close();
        throw error;
      })
    : null;
  if (jobs) log(`job queue started (${config.jobs.concurrency} at a time)`);
  if (jobs && metrics) metrics.watchBacklog(() => jobs.depths(), () => countPendingDeliveries(database.dataSource));
  // Hands queued runs to the queue, queues scheduled ones, resumes runs whose worker died.
  const dispatcher = jobs ? new SyncDispatcher({ dataSource: database.dataSource, jobs, logger, intervalMs: config.jobs.dispatchIntervalMs, staleAfterMs: config.jobs.staleAfterMs }).start() : null;
  if (dispatcher && demoSources.sourceIds.length > 0) {
    // The demo's first sync, queued once per start (a source with an open run keeps that one).
    for (const sourceId of demoSources.sourceIds) {
      await WriteTransaction.run(database.dataSource, config.demoCompanyId, (tx) => queueRun(tx, config.demoCompanyId, sourceId, { full: false, requestedBy: "demo" }));
    }
    void dispatcher.dispatch();
  }
  // Webhook rounds run as jobs of the queue (WEBHOOK_ROUND_QUEUE): each process offers one every
  // WEBHOOK_POLL_MS, at most one waits and one runs across processes, in whichever is free.
  const webhookTicker = jobs
    ? setInterval(() => void jobs.offerWebhookRound().catch((error: unknown) => logger.warn({ error: error instanceof Error ? error.name : "Error" }, "webhook round not offered")), config.webhooks.pollMs)
    : null;
  webhookTicker?.unref();
  const schema = await buildGatewaySchema();
  // A convenience for a laptop, outside production only: printed (not logged), and opened in GraphiQL's headers.
  const development = config.nodeEnv !== "production" && config.jwtSecret ? await developmentToken(config.jwtSecret, config.jwtMaxLifetimeHours, config.demoCompanyId) : null;
  const gateway = await startGateway({
    config, dataSource: database.dataSource, schema, port: config.port, logger,
    ...(dispatcher ? { sync: dispatcher } : {}), ...(jobs ? { actions: jobs } : {}), ...(metrics ? { metrics } : {}),
    ...(development ? { ideHeaders: { authorization: `Bearer ${development.token}`, companyId: config.demoCompanyId } } : {}),
  });

  logger.info({ port: gateway.port, url: gateway.url }, "GraphQL API ready");
  reportReady();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining requests and stopping`);
    // HTTP and the jobs wind down side by side; both are done before the database closes.
    await Promise.all([
      gateway.stop().then(() => log("HTTP server stopped")),
      (async () => {
        await dispatcher?.stop();
        if (webhookTicker) clearInterval(webhookTicker);
        await webhooks?.stop();
        await jobs?.stop();
        if (jobs) log("job queue stopped");
      })(),
    ]);
    await demoSources.close();
    await database.close();
    log("database closed");
    await tracing.shutdown().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  // In a cluster, the first worker says it (the workers share the port).
  if (development && (process.env[WORKER_INDEX] ?? "0") === "0") {
    const { token, hours } = development;
    const print = (line: string) => process.stdout.write(`[gateway] ${line}\n`);
    const ide = { graphiql: " (GraphiQL there in a browser, with these headers)", sandbox: " (Apollo Sandbox there in a browser)", off: "" }[config.graphqlIde];
    print(`GraphQL API ready at http://localhost:${gateway.port}/graphql${ide}`);
    print(`development token for company ${config.demoCompanyId} (${hours} h):\n${token}\n`);
    print(
      `try:\ncurl -s http://localhost:${gateway.port}/graphql -H 'content-type: application/json' \\\n` +
        `  -H "authorization: Bearer ${token}" -H 'x-company-id: ${config.demoCompanyId}' \\\n` +
        `  -d '{"query":"{ clients(first: 3) { totalCount nodes { id name orgNumber countryCode bankAccounts { iban } } } }"}'`,
    );
  }
}

/** The development token for the demo company, within JWT_MAX_LIFETIME_HOURS (or the gateway would refuse its own token). */
async function developmentToken(secret: string, maxLifetimeHours: number, companyId: string): Promise<{ token: string; hours: number }> {
  const hours = developmentTokenHours(maxLifetimeHours);
  const token = await signToken(
    { subject: "developer", companies: [companyId], scopes: ["clients:read", "clients:write", "clients:pii", "sources:admin", "webhooks:admin"], expiresIn: `${hours}h` },
    secret,
  );
  return { token, hours };
}

main().catch((error: unknown) => {
  // Configuration and start-up errors are ours (no caller data): their message helps the operator.
  console.error(JSON.stringify({ level: "fatal", msg: "failed to start", error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
