import { randomUUID } from "node:crypto";
import { clientActionHandler, sweepActionRuns } from "../src/modules/client-action";
import { ApticSimulator, apticDataset } from "../src/sources/aptic";
import { CredentialsCipher } from "../src/sources/credentials";
import { CLIENT_ACTION_QUEUE, JobQueue, startJobQueue } from "../src/sync/jobs";
import { createClients } from "./helpers/fixtures";
import { dataOf, TestGateway } from "./helpers/harness";
import { countRows, newKey, WRITER } from "./helpers/mutations";
import { waitFor } from "./helpers/wait";

/**
 * Issue 14, "Custom actions": invokeClientAction and invokeAction forwarded to the Aptic source
 * (the simulator of 003, over HTTP) with the controls of every mutation, and async calls run on
 * the job queue and polled with clientActionRun.
 */

const API_KEY = "aptic-test-key-3f9d2c";
const SCOPES = [...WRITER, "sources:admin"];
const ERROR = "error { code message failures { field message } }";
const RUN = "run { id status async serviceDefinition result sourceStatus error { code message } client { id } startedAt finishedAt }";
const INVOKE_CLIENT = `mutation($clientId: ID, $uniqueId: UUID, $sd: String!, $input: JSON, $async: Boolean, $key: String!, $dry: Boolean) {
  invokeClientAction(clientId: $clientId, clientUniqueId: $uniqueId, serviceDefinition: $sd, input: $input, async: $async, idempotencyKey: $key, dryRun: $dry) {
    ${ERROR} dryRun replayed ${RUN} preview { serviceDefinition async clientId sourceId } } }`;
const INVOKE_GLOBAL = `mutation($sd: String!, $input: JSON, $async: Boolean, $key: String!, $dry: Boolean) {
  invokeAction(serviceDefinition: $sd, input: $input, async: $async, idempotencyKey: $key, dryRun: $dry) { ${ERROR} dryRun replayed ${RUN} } }`;
const POLL = `query($id: ID!) { clientActionRun(id: $id) { id status async result sourceStatus error { code message } client { id } } }`;

let gateway: TestGateway;
let aptic: ApticSimulator;
let jobs: JobQueue;
const dataset = apticDataset({ count: 3, seed: 14 });

beforeAll(async () => {
  aptic = await ApticSimulator.start({ apiKey: API_KEY, clients: dataset, serviceDefinitions: ["sendReminder", "recalculate", "remind-19800101-1234-x"] });
  // A queue of its own (its own pg-boss schema), so no other suite's workers see these jobs.
  jobs = await startJobQueue({ url: process.env.TEST_DATABASE_URL!, schema: `pgboss_actions_${process.pid}`, pollingIntervalMs: 500, maintenanceIntervalSeconds: false });
  gateway = await TestGateway.start({ actions: jobs });
  jobs.handle(CLIENT_ACTION_QUEUE, clientActionHandler({ dataSource: gateway.dataSource, cipher: new CredentialsCipher(gateway.config.sourceCredentialsKey) }));
});
afterAll(async () => {
  await jobs.stop();
  await gateway.stop();
  await aptic.close();
});

async function call(tenant: string, query: string, variables: Record<string, unknown>, scopes = SCOPES): Promise<any> {
  const data = dataOf(await gateway.send<Record<string, any>>(query, { key: newKey(), ...variables }, { tenant, scopes }));
  return Object.values(data)[0];
}

/** A company with an Aptic source (the simulator) and a client synced from it (its source record names the GUID). */
async function companyWithAptic(guid = dataset[0].client.uniqueId): Promise<{ tenant: string; clientId: string; sourceId: string; guid: string }> {
  const tenant = gateway.newTenant();
  const created = await call(tenant, `mutation($input: CreateSourceSystemInput!, $key: String!) { createSourceSystem(input: $input, idempotencyKey: $key) { ${ERROR} sourceSystem { id } } }`, {
    input: { kind: "APTIC", name: "Aptic", baseUrl: aptic.url, auth: { apiKey: API_KEY } },
  });
  expect(created.error).toBeNull();
  const sourceId = created.sourceSystem.id;
  const [clientId] = await createClients(gateway, tenant, [{ name: "Synced from Aptic AB" } as never]);
  await gateway.dataSource.query(
    `INSERT INTO source_record (tenant_id, client_id, source_system_id, source_id, last_synced_at, content_hash, raw) VALUES ($1, $2, $3, $4, now(), repeat('0', 64), '{}')`,
    [tenant, clientId, sourceId, guid],
  );
  return { tenant, clientId, sourceId, guid };
}

const invocationsFor = (guid: string | null, sd: string) => aptic.invocations.filter((i) => i.clientGuid === guid && i.serviceDefinition === sd);

describe("invokeClientAction", () => {
  it("forwards the JSON body to the client's Aptic source, records the run, and audits it", async () => {
    const { tenant, clientId, guid } = await companyWithAptic(dataset[0].client.uniqueId);
    const input = { days: 14, channel: "email", nested: { flag: true } };
    const before = aptic.invocations.length;
    const payload = await call(tenant, INVOKE_CLIENT, { clientId, sd: "sendReminder", input });
    expect(payload).toMatchObject({ error: null, dryRun: false, replayed: false, preview: null });
    expect(payload.run).toMatchObject({ status: "SUCCEEDED", async: false, serviceDefinition: "sendReminder", result: {}, sourceStatus: 200, error: null, client: { id: clientId } });
    expect(aptic.invocations.slice(before)).toEqual([{ clientGuid: guid, serviceDefinition: "sendReminder", async: false, body: input }]);
    const polled = dataOf(await gateway.send<any>(POLL, { id: payload.run.id }, { tenant })).clientActionRun;
    expect(polled).toMatchObject({ id: payload.run.id, status: "SUCCEEDED", sourceStatus: 200 });
    const audit = (await gateway.dataSource.query(`SELECT client_id, operation, changes FROM audit_entry WHERE tenant_id = $1 AND entity_type = 'ClientActionRun' ORDER BY id`, [tenant])) as {
      client_id: string;
      operation: string;
      changes: { field: string; after: unknown }[];
    }[];
    expect(audit.map((a) => [String(a.client_id), a.operation])).toEqual([
      [clientId, "invokeClientAction"],
      [clientId, "invokeClientAction"],
    ]);
    expect(audit[1].changes).toEqual([{ field: "status", before: "RUNNING", after: "SUCCEEDED" }]);
  });

  it("finds the client by its uniqueId too, and wants one of clientId and clientUniqueId", async () => {
    const { tenant, clientId } = await companyWithAptic(dataset[1].client.uniqueId);
    const [{ unique_id: uniqueId }] = (await gateway.dataSource.query(`SELECT unique_id FROM client WHERE id = $1`, [clientId])) as { unique_id: string }[];
    const byGuid = await call(tenant, INVOKE_CLIENT, { uniqueId, sd: "recalculate" });
    expect(byGuid.run).toMatchObject({ status: "SUCCEEDED", client: { id: clientId } });
    expect(invocationsFor(dataset[1].client.uniqueId, "recalculate").at(-1)?.body).toEqual({});
    const both = await call(tenant, INVOKE_CLIENT, { clientId, uniqueId, sd: "recalculate" });
    expect(both.error).toMatchObject({ code: "INVALID_DATA", failures: [{ field: "clientId", message: "Give one of clientId and clientUniqueId" }] });
    const blank = await call(tenant, INVOKE_CLIENT, { clientId, sd: " " });
    expect(blank.error.failures).toEqual([{ field: "serviceDefinition", message: "Must not be blank" }]);
  });

  it("a dry run checks where the call would go and forwards nothing, stores nothing", async () => {
    const { tenant, clientId, sourceId } = await companyWithAptic();
    const before = aptic.invocations.length;
    const runs = await countRows(gateway, "client_action_run", tenant);
    const key = newKey();
    const dry = await call(tenant, INVOKE_CLIENT, { clientId, sd: "sendReminder", input: { days: 1 }, dry: true, key });
    expect(dry).toMatchObject({ error: null, dryRun: true, run: null, preview: { serviceDefinition: "sendReminder", async: false, clientId, sourceId } });
    expect(aptic.invocations.length).toBe(before);
    expect(await countRows(gateway, "client_action_run", tenant)).toBe(runs);
    // The key was not used up: the real call with it forwards.
    const real = await call(tenant, INVOKE_CLIENT, { clientId, sd: "sendReminder", input: { days: 1 }, key });
    expect(real).toMatchObject({ replayed: false, run: { status: "SUCCEEDED" } });
    expect(aptic.invocations.length).toBe(before + 1);
  });

  it("a retry with the key answers the stored outcome and does not call Aptic again; other arguments are IDEMPOTENCY_KEY_REUSED", async () => {
    const { tenant, clientId } = await companyWithAptic();
    const key = newKey();
    const before = aptic.invocations.length;
    const first = await call(tenant, INVOKE_CLIENT, { clientId, sd: "sendReminder", input: { n: 1 }, key });
    const again = await call(tenant, INVOKE_CLIENT, { clientId, sd: "sendReminder", input: { n: 1 }, key });
    expect(again).toMatchObject({ replayed: true, error: null, run: { id: first.run.id, status: "SUCCEEDED" } });
    expect(aptic.invocations.length).toBe(before + 1);
    const reused = await call(tenant, INVOKE_CLIENT, { clientId, sd: "sendReminder", input: { n: 2 }, key });
    expect(reused.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(aptic.invocations.length).toBe(before + 1);
    expect(await countRows(gateway, "client_action_run", tenant)).toBe(1);
  });

  it("concurrent calls with one key forward once: the others are IDEMPOTENCY_KEY_IN_USE while it runs, and a retry after replays it", async () => {
    const { tenant, clientId } = await companyWithAptic();
    const marker = randomUUID();
    // Aptic takes its time with this call, so the other calls arrive while it is in flight.
    aptic.server.fault({ match: (request) => request.body.includes(marker), delayMs: 1500 });
    const key = newKey();
    const variables = { clientId, sd: "sendReminder", input: { marker }, key };
    const answers = await Promise.all([0, 1, 2].map(() => call(tenant, INVOKE_CLIENT, variables)));
    const done = answers.filter((a) => a.error === null);
    expect(done).toHaveLength(1);
    expect(done[0].run.status).toBe("SUCCEEDED");
    expect(answers.filter((a) => a.error?.code === "IDEMPOTENCY_KEY_IN_USE")).toHaveLength(2);
    const later = await call(tenant, INVOKE_CLIENT, variables);
    expect(later).toMatchObject({ replayed: true, run: { id: done[0].run.id, status: "SUCCEEDED" } });
    expect(aptic.invocations.filter((i) => (i.body as { marker?: string } | null)?.marker === marker)).toHaveLength(1);
  });

  it("a source error is a MutationError (SOURCE_ERROR) with a redacted message, the run FAILED, and a replay answers the same", async () => {
    const { tenant, clientId } = await companyWithAptic();
    const key = newKey();
    const sd = "remind-19800101-1234-unknown";
    const failed = await call(tenant, INVOKE_CLIENT, { clientId, sd, key });
    expect(failed.error.code).toBe("SOURCE_ERROR");
    expect(failed.error.message).toContain("Aptic refused the action (404)");
    expect(failed.error.message).toContain("[number]");
    expect(failed.error.message).not.toContain("19800101");
    expect(failed.error.message).not.toContain(API_KEY);
    expect(failed.run).toMatchObject({ status: "FAILED", sourceStatus: 404, result: null, error: { code: "SOURCE_ERROR", message: failed.error.message } });
    const replay = await call(tenant, INVOKE_CLIENT, { clientId, sd, key });
    expect(replay).toMatchObject({ replayed: true, error: failed.error, run: { id: failed.run.id, status: "FAILED" } });
    expect(gateway.logLines.join("\n")).not.toContain("19800101");
  });

  it("another company's client is NOT_FOUND, and a client no Aptic source has is NO_APTIC_SOURCE; neither calls Aptic", async () => {
    const theirs = await companyWithAptic();
    const ours = await companyWithAptic();
    const theirRun = (await call(theirs.tenant, INVOKE_CLIENT, { clientId: theirs.clientId, sd: "sendReminder" })).run;
    const before = aptic.invocations.length;
    const foreign = await call(ours.tenant, INVOKE_CLIENT, { clientId: theirs.clientId, sd: "sendReminder" });
    expect(foreign).toMatchObject({ run: null, error: { code: "NOT_FOUND", failures: [{ field: "clientId" }] } });
    const missing = await call(ours.tenant, INVOKE_CLIENT, { clientId: "999999999999", sd: "sendReminder" });
    expect(missing.error).toEqual(foreign.error);
    const [local] = await createClients(gateway, ours.tenant, [{ name: "Only here AB" } as never]);
    const unsynced = await call(ours.tenant, INVOKE_CLIENT, { clientId: local, sd: "sendReminder" });
    expect(unsynced.error.code).toBe("NO_APTIC_SOURCE");
    expect(aptic.invocations.length).toBe(before);
    // Their run is not ours to read either.
    expect(dataOf(await gateway.send<any>(POLL, { id: theirRun.id }, { tenant: ours.tenant })).clientActionRun).toBeNull();
    expect(dataOf(await gateway.send<any>(POLL, { id: theirRun.id }, { tenant: theirs.tenant })).clientActionRun).toMatchObject({ id: theirRun.id });
  });

  it("an async call answers a QUEUED run at once, runs on the job queue, and is polled to SUCCEEDED", async () => {
    const { tenant, clientId, guid } = await companyWithAptic(dataset[2].client.uniqueId);
    const queued = await call(tenant, INVOKE_CLIENT, { clientId, sd: "recalculate", input: { year: 2026 }, async: true });
    expect(queued).toMatchObject({ error: null, run: { status: "QUEUED", async: true, startedAt: null, finishedAt: null } });
    const done = await waitFor("the async run to finish", async () => {
      const run = dataOf(await gateway.send<any>(POLL, { id: queued.run.id }, { tenant })).clientActionRun;
      return run.status === "SUCCEEDED" || run.status === "FAILED" ? run : null;
    });
    expect(done).toMatchObject({ status: "SUCCEEDED", async: true, sourceStatus: 202, result: {}, error: null, client: { id: clientId } });
    expect(invocationsFor(guid, "recalculate").filter((i) => i.async === true)).toEqual([{ clientGuid: guid, serviceDefinition: "recalculate", async: true, body: { year: 2026 } }]);
    const [row] = (await gateway.dataSource.query(`SELECT job_id FROM client_action_run WHERE id = $1`, [queued.run.id])) as { job_id: string }[];
    expect(row.job_id).toEqual(expect.any(String));
    expect((await jobs.job(CLIENT_ACTION_QUEUE, row.job_id))?.state).toBe("completed");
  });

  it("needs clients:write to invoke and clients:read to poll", async () => {
    const { tenant, clientId } = await companyWithAptic();
    const refused = await gateway.send(INVOKE_CLIENT, { clientId, sd: "sendReminder", key: newKey() }, { tenant, scopes: ["clients:read"] });
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const unread = await gateway.send(POLL, { id: "1" }, { tenant, scopes: ["clients:write"] });
    expect(unread.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});

describe("the run's source", () => {
  it("may be deleted: its runs stay readable, their source null", async () => {
    const { tenant, clientId, sourceId } = await companyWithAptic();
    const done = await call(tenant, INVOKE_CLIENT, { clientId, sd: "sendReminder" });
    const deleted = await call(tenant, `mutation($id: ID!, $key: String!) { deleteSourceSystem(id: $id, idempotencyKey: $key) { ${ERROR} } }`, { id: sourceId });
    expect(deleted.error).toBeNull();
    expect(dataOf(await gateway.send<any>(POLL, { id: done.run.id }, { tenant })).clientActionRun).toMatchObject({ status: "SUCCEEDED", client: { id: clientId } });
    const [{ n }] = (await gateway.dataSource.query(`SELECT count(*)::int AS n FROM client_action_run WHERE id = $1 AND source_system_id IS NULL`, [done.run.id])) as { n: number }[];
    expect(n).toBe(1);
  });
});

describe("the dispatcher's sweep", () => {
  it("hands an async run committed where no job queue ran to the queue, and ends one left RUNNING by a stopped process as INTERRUPTED", async () => {
    const { tenant, clientId, guid } = await companyWithAptic(dataset[1].client.uniqueId);
    // A gateway process without a job queue: the run stays QUEUED, with no job.
    const bare = await TestGateway.start();
    let queued: any;
    try {
      const data = dataOf(await bare.send<Record<string, any>>(INVOKE_CLIENT, { key: newKey(), clientId, sd: "sendReminder", input: { sweep: true }, async: true }, { tenant, scopes: SCOPES }));
      queued = data.invokeClientAction.run;
    } finally {
      await bare.stop();
    }
    expect(queued.status).toBe("QUEUED");
    const [{ job_id: none }] = (await gateway.dataSource.query(`SELECT job_id FROM client_action_run WHERE id = $1`, [queued.id])) as { job_id: string | null }[];
    expect(none).toBeNull();
    // Past the sweep's grace (it leaves a run its own process is about to queue), as the owner.
    await gateway.dataSource.query(`UPDATE client_action_run SET created_at = created_at - interval '1 minute' WHERE id = $1`, [queued.id]);
    const [{ id: stuck }] = (await gateway.dataSource.query(
      `INSERT INTO client_action_run (tenant_id, client_id, service_definition, async, status, requested_by, started_at) VALUES ($1, $2, 'recalculate', true, 'RUNNING', 'test-user', now() - interval '1 hour') RETURNING id::text AS id`,
      [tenant, clientId],
    )) as { id: string }[];
    await sweepActionRuns(gateway.dataSource, jobs, (sql, params) => gateway.dataSource.query(sql, params), tenant);
    const done = await waitFor("the swept run to finish", async () => {
      const run = dataOf(await gateway.send<any>(POLL, { id: queued.id }, { tenant })).clientActionRun;
      return run.status === "SUCCEEDED" || run.status === "FAILED" ? run : null;
    });
    expect(done).toMatchObject({ status: "SUCCEEDED", sourceStatus: 202 });
    expect(invocationsFor(guid, "sendReminder").filter((i) => (i.body as { sweep?: boolean } | null)?.sweep === true)).toHaveLength(1);
    const interrupted = dataOf(await gateway.send<any>(POLL, { id: stuck }, { tenant })).clientActionRun;
    expect(interrupted).toMatchObject({ status: "FAILED", error: { code: "INTERRUPTED" } });
  });
});

describe("invokeAction (global)", () => {
  it("goes to the company's Aptic source with no client", async () => {
    const { tenant } = await companyWithAptic();
    const marker = randomUUID();
    const payload = await call(tenant, INVOKE_GLOBAL, { sd: "recalculate", input: { marker } });
    expect(payload.run).toMatchObject({ status: "SUCCEEDED", client: null, sourceStatus: 200 });
    expect(aptic.invocations.filter((i) => (i.body as { marker?: string } | null)?.marker === marker)).toEqual([{ clientGuid: null, serviceDefinition: "recalculate", async: false, body: { marker } }]);
  });

  it("is NO_APTIC_SOURCE in a company without one", async () => {
    const tenant = gateway.newTenant();
    const payload = await call(tenant, INVOKE_GLOBAL, { sd: "recalculate" });
    expect(payload).toMatchObject({ run: null, error: { code: "NO_APTIC_SOURCE" } });
  });
});
