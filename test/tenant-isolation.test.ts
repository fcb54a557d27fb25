import {
  ClientByExternalIdDocument,
  ClientByIdDocument,
  ClientByOrgNumberDocument,
  ClientByUniqueIdDocument,
  ClientsPageDocument,
  ClientsWithRelationsDocument,
} from "./generated/graphql";
import { dataOf, TestGateway } from "./helpers/harness";
import { createClients } from "./helpers/fixtures";
import { APP_ROLE } from "../src/db/tenant-session";

let gateway: TestGateway;
let tenantA: string;
let tenantB: string;
let bId: string;
let bUniqueId: string;

beforeAll(async () => {
  gateway = await TestGateway.start();
  tenantA = gateway.newTenant();
  tenantB = gateway.newTenant();
  await createClients(gateway, tenantA, [{ name: "A's own", countryCode: "SE", orgNumber: "5560360793" }] as never);
  [bId] = await createClients(gateway, tenantB, [
    {
      name: "B's secret",
      countryCode: "SE",
      orgNumber: "5568184747",
      externalIdentifiers: [{ source: "crm", externalId: "B-1" }],
      bankAccounts: [{ iban: "SE4550000000058398257466", ownerType: "CREDITOR" }],
    },
  ] as never);
  bUniqueId = dataOf(await gateway.call(ClientByIdDocument, { id: bId }, { tenant: tenantB })).client!.uniqueId;
});
afterAll(() => gateway.stop());

describe("another tenant's data through the API", () => {
  it("is visible to its own tenant (the control)", async () => {
    expect(dataOf(await gateway.call(ClientByIdDocument, { id: bId }, { tenant: tenantB })).client?.name).toBe("B's secret");
    expect(dataOf(await gateway.call(ClientByExternalIdDocument, { source: "crm", externalId: "B-1" }, { tenant: tenantB })).clientByExternalId?.id).toBe(bId);
  });

  it("is null by id, GUID, org number and external id", async () => {
    const as = { tenant: tenantA };
    expect(dataOf(await gateway.call(ClientByIdDocument, { id: bId }, as)).client).toBeNull();
    expect(dataOf(await gateway.call(ClientByUniqueIdDocument, { uniqueId: bUniqueId }, as)).clientByUniqueId).toBeNull();
    expect(dataOf(await gateway.call(ClientByOrgNumberDocument, { orgNumber: "556818-4747", countryCode: "SE" }, as)).clientByOrgNumber).toBeNull();
    expect(dataOf(await gateway.call(ClientByExternalIdDocument, { source: "crm", externalId: "B-1" }, as)).clientByExternalId).toBeNull();
  });

  it("is absent from lists, searches and filters on its id", async () => {
    const as = { tenant: tenantA };
    const all = dataOf(await gateway.call(ClientsPageDocument, { withTotal: true, deleted: "INCLUDE" }, as)).clients;
    expect(all.edges.map((e) => e.node.name)).toEqual(["A's own"]);
    expect(all.totalCount).toBe(1);
    const searched = dataOf(await gateway.call(ClientsPageDocument, { withTotal: true, search: "secret" }, as)).clients;
    expect(searched.totalCount).toBe(0);
    const byId = dataOf(await gateway.call(ClientsPageDocument, { withTotal: false, filter: { id: { eq: bId } } }, as)).clients;
    expect(byId.edges).toEqual([]);
  });

  it("never reaches a tenant's relations from another tenant's page", async () => {
    const page = dataOf(await gateway.call(ClientsWithRelationsDocument, { first: 10 }, { tenant: tenantA })).clients.nodes;
    expect(page.flatMap((c) => c.bankAccounts)).toEqual([]);
    expect(page.flatMap((c) => c.externalIdentifiers)).toEqual([]);
  });
});

describe("row-level security in the database", () => {
  async function asAppRole<T>(tenant: string | null, sql: string): Promise<T[]> {
    return gateway.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('role', $1, true)`, [APP_ROLE]);
      if (tenant) await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      return manager.query(sql) as Promise<T[]>;
    });
  }

  it("returns no row to a query that forgets its tenant", async () => {
    for (const table of ["client", "external_identifier", "bank_account"]) {
      expect(await asAppRole(null, `SELECT * FROM "${table}"`)).toEqual([]);
    }
  });

  it("returns only the tenant's rows to a query without a tenant filter", async () => {
    const rows = await asAppRole<{ tenant_id: string }>(tenantB, `SELECT tenant_id FROM "client"`);
    expect(rows.map((r) => r.tenant_id)).toEqual([tenantB]);
  });

  it("refuses to write a row into another tenant", async () => {
    await expect(asAppRole(tenantA, `INSERT INTO "client" ("tenant_id", "name") VALUES ('${tenantB}', 'smuggled')`)).rejects.toThrow(
      /row-level security/,
    );
  });

  it("refuses to move a row to another tenant", async () => {
    await expect(asAppRole(tenantB, `UPDATE "client" SET "tenant_id" = '${tenantA}'`)).rejects.toThrow(/row-level security/);
  });
});
