import { TestGateway } from "./helpers/harness";
import { newKey } from "./helpers/mutations";
import { freshTenant } from "./helpers/sync";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start();
});
afterAll(async () => {
  await gateway.stop();
});

const ADMIN = ["clients:read", "sources:admin"];
const SET = `mutation ($group: FieldGroup!, $sources: [SourceKind!], $key: String!, $dryRun: Boolean) {
  setSourcePrecedence(group: $group, sources: $sources, idempotencyKey: $key, dryRun: $dryRun) { precedence { group sources isDefault } error { code failures { field message } } dryRun replayed }
}`;
const READ = `{ sourcePrecedence { group sources fields isDefault } }`;

type Group = { group: string; sources: string[]; fields: string[]; isDefault: boolean };

describe("source precedence", () => {
  it("answers the defaults, takes a company's own ranking of a group, and goes back to the default on null", async () => {
    const tenant = freshTenant("precedence-api");
    const read = async () => (await gateway.send<{ sourcePrecedence: Group[] }>(READ, {}, { tenant })).data!.sourcePrecedence;
    const defaults = await read();
    expect(defaults.map((g) => [g.group, g.sources[0], g.isDefault])).toEqual([
      ["IDENTITY", "CRM", true],
      ["CONTACT", "CRM", true],
      ["FINANCE", "APTIC", true],
      ["BILLING", "INVOICING", true],
      ["CREDIT", "CREDIT_DATA", true],
    ]);
    expect(defaults.find((g) => g.group === "CONTACT")!.fields).toContain("email");
    expect(defaults.find((g) => g.group === "IDENTITY")!.fields).toContain("name");

    const dry = await gateway.send<{ setSourcePrecedence: Record<string, unknown> }>(SET, { group: "CONTACT", sources: ["INVOICING", "CRM"], key: newKey(), dryRun: true }, { tenant, scopes: ADMIN });
    expect(dry.data!.setSourcePrecedence).toMatchObject({ dryRun: true, error: null });
    expect((await read()).find((g) => g.group === "CONTACT")!.isDefault).toBe(true);

    const key = newKey();
    const set = await gateway.send<{ setSourcePrecedence: Record<string, unknown> }>(SET, { group: "CONTACT", sources: ["INVOICING", "CRM"], key }, { tenant, scopes: ADMIN });
    expect(set.data!.setSourcePrecedence).toEqual({ precedence: { group: "CONTACT", sources: ["INVOICING", "CRM"], isDefault: false }, error: null, dryRun: false, replayed: false });
    const replay = await gateway.send<{ setSourcePrecedence: Record<string, unknown> }>(SET, { group: "CONTACT", sources: ["INVOICING", "CRM"], key }, { tenant, scopes: ADMIN });
    expect(replay.data!.setSourcePrecedence).toMatchObject({ replayed: true });
    expect((await read()).find((g) => g.group === "CONTACT")).toMatchObject({ sources: ["INVOICING", "CRM"], isDefault: false });

    await gateway.send(SET, { group: "CONTACT", sources: null, key: newKey() }, { tenant, scopes: ADMIN });
    expect((await read()).find((g) => g.group === "CONTACT")).toMatchObject({ sources: ["CRM", "APTIC", "INVOICING", "CREDIT_DATA"], isDefault: true });
  });

  it("refuses an empty list and a kind listed twice", async () => {
    const tenant = freshTenant("precedence-bad");
    for (const [sources, message] of [[[], /at least one/], [["CRM", "APTIC", "CRM"], /CRM is listed twice/]] as const) {
      const answer = await gateway.send<{ setSourcePrecedence: { error: { code: string; failures: { field: string; message: string }[] } } }>(SET, { group: "IDENTITY", sources, key: newKey() }, { tenant, scopes: ADMIN });
      const error = answer.data!.setSourcePrecedence.error;
      expect(error.code).toBe("INVALID_DATA");
      expect(error.failures).toEqual([{ field: "sources", message: expect.stringMatching(message) }]);
    }
  });
});
