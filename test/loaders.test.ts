import { RequestLoaders } from "../src/common/loaders";
import { TenantSession } from "../src/db/tenant-session";
import { bankAccountsByClient } from "../src/modules/bank-account/bank-account.loaders";
import { TestGateway } from "./helpers/harness";
import { createClients } from "./helpers/fixtures";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(() => gateway.stop());

describe("RequestLoaders", () => {
  it("answers N load() calls with one SQL statement, each key with its own rows", async () => {
    const tenant = gateway.newTenant();
    const ids = await createClients(
      gateway,
      tenant,
      Array.from({ length: 20 }, (_, i) => ({ name: `L${i}`, bankAccounts: Array.from({ length: i % 3 }, (_, j) => ({ bankAccountNo: `${i}-${j}` })) })) as never,
    );
    const session = new TenantSession(gateway.dataSource, tenant);
    const loaders = new RequestLoaders(session);
    const results = await Promise.all(ids.map((id) => loaders.get(bankAccountsByClient).load({ tenantId: tenant, id })));
    await session.close();
    expect(session.stats.statements).toBe(1);
    expect(results.map((accounts) => accounts.length)).toEqual(ids.map((_, i) => i % 3));
    expect(results[5].map((a) => a.bankAccountNo)).toEqual(["5-0", "5-1"]);
  });

  it("gives a key of another tenant nothing, without running SQL", async () => {
    const other = gateway.newTenant();
    const [foreignId] = await createClients(gateway, other, [{ name: "theirs", bankAccounts: [{ bankAccountNo: "1" }] }] as never);
    const session = new TenantSession(gateway.dataSource, gateway.newTenant());
    const accounts = await new RequestLoaders(session).get(bankAccountsByClient).load({ tenantId: other, id: foreignId });
    await session.close();
    expect(accounts).toEqual([]);
    expect(session.stats.statements).toBe(0);
  });
});
