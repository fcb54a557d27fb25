import { luhnCheckDigit } from "../src/common/validation/checksums";
import { WriteTransaction } from "../src/db/write-transaction";
import { writeAudit } from "../src/modules/audit/audit.service";
import { purgeChangeFeed } from "../src/modules/change-feed/feed";
import { CrmSimulator } from "../src/sources/crm/simulator";
import { dataOf, TestGateway } from "./helpers/harness";
import { newKey, swedishOrgNumber, WRITER } from "./helpers/mutations";
import { addSource, crmRecord, freshTenant, syncNow } from "./helpers/sync";

/**
 * The change feed (issue 15): every committed change of the company, client and nested records
 * alike, in commit order, exactly once, written in the change's transaction; none for a dry run
 * or a refused call; a transaction that commits late lands after every cursor already handed out.
 */
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

interface Change {
  clientId: string;
  kind: string;
  resource: string | null;
  resourceId: string | null;
  changedAt: string;
  fields: string[];
  requestId: string | null;
  source: { id: string; kind: string } | null;
}
interface Feed {
  clientChanges: { edges: { cursor: string; node: Change }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };
}

const FEED = `query ($after: String, $first: Int) { clientChanges(after: $after, first: $first) {
  edges { cursor node { clientId kind resource resourceId changedAt fields requestId source { id kind } } }
  pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

const poll = async (tenant: string, after: string | null = null, first = 100) => dataOf(await gateway.send<Feed>(FEED, { after, first }, { tenant })).clientChanges;

/** Every change after `after`, walking pages of `first`. */
async function drain(tenant: string, after: string | null = null, first = 100): Promise<{ changes: Change[]; cursor: string | null }> {
  const changes: Change[] = [];
  let cursor = after;
  for (;;) {
    const page = await poll(tenant, cursor, first);
    changes.push(...page.edges.map((e) => e.node));
    cursor = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return { changes, cursor };
  }
}

async function mutate(tenant: string, query: string, variables: Record<string, unknown>): Promise<{ data: Record<string, any>; requestId: string }> {
  const response = await gateway.send<Record<string, any>>(query, { key: newKey(), ...variables }, { tenant, scopes: WRITER });
  const data = dataOf(response);
  const payload = Object.values(data)[0] as { error: unknown };
  expect(payload.error).toBeNull();
  return { data, requestId: (response.extensions as { requestId: string }).requestId };
}

const bankgiro = (n: number) => {
  const payload = String(5050100 + n);
  const value = `${payload}${luhnCheckDigit(payload)}`;
  return `${value.slice(0, 4)}-${value.slice(4)}`;
};

const CREATE = `mutation ($input: CreateClientInput!, $key: String!, $dryRun: Boolean) { createClient(input: $input, idempotencyKey: $key, dryRun: $dryRun) { client { id } error { code } } }`;
const UPDATE = `mutation ($id: ID!, $patch: UpdateClientInput!, $key: String!) { updateClient(id: $id, patch: $patch, idempotencyKey: $key) { client { id } error { code } } }`;
const ARCHIVE = `mutation ($id: ID!, $key: String!) { archiveClient(id: $id, idempotencyKey: $key) { client { id } error { code } } }`;
const RESTORE = `mutation ($id: ID!, $key: String!) { restoreClient(id: $id, idempotencyKey: $key) { client { id } error { code } } }`;
const SET_EXTRA = `mutation ($clientId: ID!, $key: String!) { setExtraField(clientId: $clientId, name: "segments", values: ["retail"], idempotencyKey: $key) { extraField { id } error { code } } }`;
const ADD_ACCOUNT = `mutation ($clientId: ID!, $no: String!, $key: String!) { createBankAccount(clientId: $clientId, input: { bankAccountClass: SE_BANKGIRO, bankAccountNo: $no }, idempotencyKey: $key) { bankAccount { id } error { code } } }`;
const DELETE_ACCOUNT = `mutation ($id: ID!, $key: String!) { deleteBankAccount(id: $id, idempotencyKey: $key) { bankAccount { id } error { code } } }`;

async function newClient(tenant: string, n: number): Promise<string> {
  const { data } = await mutate(tenant, CREATE, { input: { name: `Feed ${n}`, clientType: "BUSINESS", orgNumber: swedishOrgNumber(n), countryCode: "SE" } });
  return data.createClient.client.id;
}

it("has every change of a client and its nested records, in order, with the request that made it", async () => {
  const tenant = gateway.newTenant();
  const id = await newClient(tenant, 7101);
  const extra = await mutate(tenant, SET_EXTRA, { clientId: id });
  const added = await mutate(tenant, ADD_ACCOUNT, { clientId: id, no: bankgiro(1) });
  const accountId = added.data.createBankAccount.bankAccount.id;
  await mutate(tenant, DELETE_ACCOUNT, { id: accountId });
  const updated = await mutate(tenant, UPDATE, { id, patch: { email: "feed@example.com", phone: "+46 8 123 45 67" } });
  await mutate(tenant, ARCHIVE, { id });
  await mutate(tenant, RESTORE, { id });

  const { changes } = await drain(tenant);
  expect(changes.map((c) => [c.kind, c.resource])).toEqual([
    ["CREATED", null],
    ["NESTED_CREATED", "ExtraField"],
    ["NESTED_CREATED", "BankAccount"],
    ["NESTED_DELETED", "BankAccount"],
    ["UPDATED", null],
    ["ARCHIVED", null],
    ["RESTORED", null],
  ]);
  expect(changes.every((c) => c.clientId === id && c.source === null)).toBe(true);
  expect(changes[0].resourceId).toBeNull();
  expect(changes[2].resourceId).toBe(accountId);
  expect(changes[3].resourceId).toBe(accountId);
  expect(changes[1].requestId).toBe(extra.requestId);
  expect(changes[4].requestId).toBe(updated.requestId);
  expect(changes[4].fields.sort()).toEqual(["email", "phone"]);
  expect(changes[5].fields).toEqual(["archivedAt"]);
  // Commit order is time order.
  const times = changes.map((c) => Date.parse(c.changedAt));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
});

it("hands every change out exactly once to a poller that pages with endCursor, and keeps its place on an empty page", async () => {
  const tenant = gateway.newTenant();
  const ids = [await newClient(tenant, 7201), await newClient(tenant, 7202), await newClient(tenant, 7203)];
  for (const id of ids) await mutate(tenant, SET_EXTRA, { clientId: id });
  const all = await drain(tenant);
  const paged = await drain(tenant, null, 2);
  expect(paged.changes).toEqual(all.changes);
  expect(all.changes).toHaveLength(6);

  const empty = await poll(tenant, all.cursor);
  expect(empty.edges).toEqual([]);
  expect(empty.pageInfo.endCursor).toBe(all.cursor);
  expect(empty.pageInfo.hasNextPage).toBe(false);

  await mutate(tenant, UPDATE, { id: ids[1], patch: { notes: "later" } });
  const next = await drain(tenant, all.cursor);
  expect(next.changes.map((c) => [c.kind, c.clientId, c.fields])).toEqual([["UPDATED", ids[1], ["notes"]]]);
});

it("writes nothing for a dry run, a refused call or a call that changed nothing", async () => {
  const tenant = gateway.newTenant();
  const id = await newClient(tenant, 7301);
  const before = (await drain(tenant)).changes.length;
  const dry = await gateway.send<Record<string, any>>(CREATE, { key: newKey(), dryRun: true, input: { name: "Dry", clientType: "BUSINESS", orgNumber: swedishOrgNumber(7302), countryCode: "SE" } }, { tenant, scopes: WRITER });
  expect(dataOf(dry).createClient.error).toBeNull();
  const refused = await gateway.send<Record<string, any>>(UPDATE, { key: newKey(), id, patch: { email: "not an email" } }, { tenant, scopes: WRITER });
  expect(refused.errors ?? dataOf(refused).updateClient.error).toBeTruthy();
  const same = await gateway.send<Record<string, any>>(UPDATE, { key: newKey(), id, patch: { name: "Feed 7301" } }, { tenant, scopes: WRITER });
  expect(dataOf(same).updateClient.error).toBeNull();
  expect((await drain(tenant)).changes.length).toBe(before);
});

it("puts a transaction that commits late after the cursors handed out meanwhile, never behind them", async () => {
  const tenant = gateway.newTenant();
  const early = await newClient(tenant, 7401);
  const late = await newClient(tenant, 7402);
  const start = (await drain(tenant)).cursor;

  // A transaction writes its change first (the lower change id) and commits last.
  const slow = await WriteTransaction.open(gateway.dataSource, tenant, { statements: 0, framing: 0 });
  try {
    await slow.query(`UPDATE client SET notes = 'slow' WHERE id = $1`, [late]);
    await writeAudit(slow, tenant, { operation: "test", actor: "test", requestId: "slow-request", idempotencyKey: null }, [
      { clientId: late, entityType: "Client", entityId: late, change: "updated", changes: [{ field: "notes", before: null, after: "slow" }] },
    ]);
    await mutate(tenant, UPDATE, { id: early, patch: { notes: "fast" } });
    const seen = await drain(tenant, start);
    expect(seen.changes.map((c) => c.clientId)).toEqual([early]);
    await slow.end(true);

    const after = await drain(tenant, seen.cursor);
    expect(after.changes.map((c) => [c.clientId, c.requestId])).toEqual([[late, "slow-request"]]);
    // From the start, the order is the commit order: the fast one first, though its change id is higher.
    expect((await drain(tenant, start)).changes.map((c) => c.clientId)).toEqual([early, late]);
  } finally {
    await slow.end(false).catch(() => undefined);
  }
});

it("keeps a transaction that rolls back out of the feed", async () => {
  const tenant = gateway.newTenant();
  const id = await newClient(tenant, 7501);
  const before = await drain(tenant);
  await expect(
    WriteTransaction.run(gateway.dataSource, tenant, async (tx) => {
      await writeAudit(tx, tenant, { operation: "test", actor: "test", requestId: "rolled-back", idempotencyKey: null }, [
        { clientId: id, entityType: "Client", entityId: id, change: "updated", changes: [{ field: "notes", before: null, after: "x" }] },
      ]);
      throw new Error("undo");
    }),
  ).rejects.toThrow("undo");
  expect((await drain(tenant, before.cursor)).changes).toEqual([]);
});

it("shows no other company's changes", async () => {
  const mine = gateway.newTenant();
  const theirs = gateway.newTenant();
  await newClient(theirs, 7601);
  expect((await drain(mine)).changes).toEqual([]);
  const id = await newClient(mine, 7602);
  expect((await drain(mine)).changes.map((c) => c.clientId)).toEqual([id]);
});

it("names the source system of a change a sync made", async () => {
  const tenant = freshTenant("feed-sync");
  const crm = await CrmSimulator.start({ token: "t", companyId: "7", records: [crmRecord(1), crmRecord(2)] as never });
  try {
    const sourceId = await addSource(gateway.dataSource, tenant, { kind: "CRM", baseUrl: crm.url, companyId: "7", credentials: { bearerToken: "t" } });
    await syncNow(gateway.dataSource, tenant, sourceId);
    const { changes } = await drain(tenant);
    const created = changes.filter((c) => c.kind === "CREATED");
    expect(created).toHaveLength(2);
    expect(changes.every((c) => c.source?.id === sourceId && c.source.kind === "CRM")).toBe(true);
  } finally {
    await crm.close();
  }
});

it("reads a page in one statement, and refuses a cursor that isn't the feed's", async () => {
  const tenant = gateway.newTenant();
  for (let i = 0; i < 3; i++) await newClient(tenant, 7701 + i);
  const first = await poll(tenant, null, 2);
  expect(gateway.lastRequest().stats.statements).toBe(1);
  await poll(tenant, first.pageInfo.endCursor, 100);
  expect(gateway.lastRequest().stats.statements).toBe(1);

  const bad = await gateway.send(FEED, { after: "not-a-cursor" }, { tenant });
  expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  const tooMany = await gateway.send(FEED, { first: 1001 }, { tenant });
  expect(tooMany.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
});

it("refuses a cursor older than the retention period, naming the oldest cursor still served", async () => {
  const tenant = gateway.newTenant();
  const old = await newClient(tenant, 7801);
  const start = (await poll(tenant, null, 1)).pageInfo.endCursor; // after the first change
  await mutate(tenant, SET_EXTRA, { clientId: old });
  const kept = await newClient(tenant, 7802);
  // The first two transactions committed 40 days ago (as the owner: outside row-level security).
  await gateway.dataSource.query(
    `UPDATE client_change_commit SET committed_at = now() - interval '40 days'
      WHERE tenant_id = $1 AND seq IN (SELECT seq FROM client_change_commit WHERE tenant_id = $1 ORDER BY seq LIMIT 2)`,
    [tenant],
  );
  expect(await purgeChangeFeed(gateway.dataSource, 30)).toBeGreaterThanOrEqual(2);

  const expired = await gateway.send(FEED, { after: start }, { tenant });
  expect(expired.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "CURSOR_EXPIRED" });
  expect(expired.errors?.[0].message).not.toMatch(/select|client_change/i);
  const oldest = expired.errors![0].extensions!.oldestCursor as string;
  const rest = await drain(tenant, oldest);
  expect(rest.changes.map((c) => [c.kind, c.clientId])).toEqual([["CREATED", kept]]);
  // From the start: what is kept.
  expect((await drain(tenant)).changes.map((c) => c.clientId)).toEqual([kept]);

  // A purge that removes an older change than the horizon's (another process's purge, overlapping
  // this one) leaves the horizon where it is: it only moves forward.
  const horizon = async () => ((await gateway.dataSource.query(`SELECT seq::text, change_id::text FROM client_change_horizon WHERE tenant_id = $1`, [tenant])) as { seq: string; change_id: string }[])[0];
  const before = await horizon();
  await gateway.dataSource.query(`UPDATE client_change_horizon SET seq = seq + 1000 WHERE tenant_id = $1`, [tenant]);
  const later = await newClient(tenant, 7803);
  await gateway.dataSource.query(`UPDATE client_change_commit SET committed_at = now() - interval '40 days' WHERE tenant_id = $1 AND xact IN (SELECT xact FROM client_change WHERE tenant_id = $1 AND client_id = $2)`, [tenant, later]);
  expect(await purgeChangeFeed(gateway.dataSource, 30)).toBeGreaterThanOrEqual(1);
  expect(await horizon()).toEqual({ seq: String(Number(before.seq) + 1000), change_id: before.change_id });
});

it("is written by the one pipeline for every mutation that changes a client: each audited record is one change", async () => {
  const tenant = gateway.newTenant();
  const id = await newClient(tenant, 7901);
  await mutate(tenant, ADD_ACCOUNT, { clientId: id, no: bankgiro(3) });
  const [{ audits }] = await gateway.dataSource.query(`SELECT count(*)::int AS audits FROM audit_entry WHERE tenant_id = $1 AND client_id IS NOT NULL`, [tenant]);
  expect((await drain(tenant)).changes).toHaveLength(audits);
});

it("gives a poller running beside concurrent writers every change exactly once", async () => {
  const tenant = gateway.newTenant();
  const ids = await Promise.all([0, 1, 2, 3].map((i) => newClient(tenant, 8001 + i)));
  const start = (await drain(tenant)).cursor;
  let writing = true;
  const writers = Promise.all(
    ids.map(async (id, w) => {
      for (let i = 0; i < 6; i++) await mutate(tenant, UPDATE, { id, patch: { notes: `w${w}-${i}` } });
    }),
  ).finally(() => (writing = false));
  const seen: Change[] = [];
  let cursor = start;
  while (writing) {
    const page = await drain(tenant, cursor, 3);
    seen.push(...page.changes);
    cursor = page.cursor;
  }
  await writers;
  seen.push(...(await drain(tenant, cursor)).changes);
  const all = (await drain(tenant, start)).changes;
  expect(all).toHaveLength(24);
  expect(seen).toEqual(all);
});
