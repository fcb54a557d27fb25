import { Client } from "pg";
import { GraphQLError } from "graphql";
import { TestGateway } from "./helpers/harness";
import { TenantSession } from "../src/db/tenant-session";
import { WriteTransaction } from "../src/db/write-transaction";
import { formatError, isDatabaseUnavailable } from "../src/common/errors";

/**
 * Every way a lost connection can surface is SERVICE_UNAVAILABLE (a client retries that), never
 * an internal error: here the connection of a request's session is killed between two of its
 * statements, as when PostgreSQL is killed mid-request.
 */
let gateway: TestGateway;
let admin: Client;
beforeAll(async () => {
  gateway = await TestGateway.start();
  admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  await gateway.stop();
});

/** Kills the backend that runs `pid`'s statements and waits until the pooled client has noticed. */
async function kill(pid: number, released: () => boolean): Promise<void> {
  await admin.query("SELECT pg_terminate_backend($1)", [pid]);
  const deadline = Date.now() + 5_000;
  while (!released()) {
    if (Date.now() > deadline) throw new Error("the query runner was not released after its connection died");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What the caller would be answered for `error`, thrown by a resolver. */
function answered(error: unknown) {
  const wrapped = new GraphQLError((error as Error).message, { originalError: error as Error });
  return formatError({ message: wrapped.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, wrapped, { production: true });
}

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the statement to fail");
}

describe("a connection lost mid-request", () => {
  it("is SERVICE_UNAVAILABLE through the entity manager (QueryRunnerProviderAlreadyReleasedError)", async () => {
    const session = new TenantSession(gateway.dataSource, gateway.newTenant());
    const [{ pid }] = await session.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const manager = await session.manager();
    await kill(pid, () => manager.queryRunner!.isReleased);
    const error = await failure(() => manager.query("SELECT 1"));
    expect((error as Error).name).toBe("QueryRunnerProviderAlreadyReleasedError");
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(answered(error)).toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    await session.close(true).catch(() => undefined);
  });

  it("is SERVICE_UNAVAILABLE through the query runner and a query builder", async () => {
    const session = new TenantSession(gateway.dataSource, gateway.newTenant());
    const [{ pid }] = await session.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const manager = await session.manager();
    await kill(pid, () => manager.queryRunner!.isReleased);
    for (const work of [() => session.query("SELECT 1"), () => manager.createQueryBuilder().select("1").from("client", "c").getRawMany()]) {
      const error = await failure(work);
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(answered(error)).toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    }
    await session.close(true).catch(() => undefined);
  });

  it("is SERVICE_UNAVAILABLE in a write transaction, and its end gives the connection back", async () => {
    const stats = { statements: 0, framing: 0 };
    const tx = await WriteTransaction.open(gateway.dataSource, gateway.newTenant(), stats);
    const [{ pid }] = await tx.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await kill(pid, () => tx.manager.queryRunner!.isReleased);
    for (const work of [() => tx.query("SELECT 1"), () => tx.manager.query("SELECT 1")]) {
      const error = await failure(work);
      expect(answered(error)).toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    }
    await tx.end(false);
    // The pool still serves.
    expect(await gateway.dataSource.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });
});
