import { Candidate, Candidates, matchKeys, reconcile, RecordIdentity } from "./reconcile";

const record: RecordIdentity = { sourceSystemId: "crm", sourceId: "17", countryCode: "se", orgNumber: "556036-0793", vatNumber: "556036079301" };
const none: Candidates = { linked: null, byOrgNumber: [], byVatNumber: [], byExternalIdentifier: [] };
const client = (clientId: string, ...linked: [string, string][]): Candidate => ({
  clientId,
  linkedRecords: linked.map(([sourceSystemId, sourceId]) => ({ sourceSystemId, sourceId })),
});

describe("reconcile", () => {
  it("looks candidates up by the normalised keys: org number without dash, VAT with its country prefix", () => {
    expect(matchKeys(record)).toEqual({ countryCode: "SE", orgNumber: "5560360793", vatNumber: "SE556036079301" });
    expect(matchKeys({ sourceSystemId: "crm", sourceId: "1" })).toEqual({ countryCode: "", orgNumber: "", vatNumber: "" });
  });

  it("updates the client the record is already linked to, whatever else matches (rule 1)", () => {
    expect(reconcile(record, { ...none, linked: client("9"), byOrgNumber: [client("1"), client("2")] })).toEqual({
      kind: "UPDATE",
      clientId: "9",
      matchedBy: "LINK",
    });
  });

  it("matches by org number, then VAT number, then external identifier, else creates (rule 2)", () => {
    expect(reconcile(record, { ...none, byOrgNumber: [client("1")], byVatNumber: [client("1")] })).toMatchObject({ clientId: "1", matchedBy: "ORG_NUMBER" });
    expect(reconcile(record, { ...none, byVatNumber: [client("2")], byExternalIdentifier: [client("2")] })).toMatchObject({ clientId: "2", matchedBy: "VAT_NUMBER" });
    expect(reconcile(record, { ...none, byExternalIdentifier: [client("3")] })).toMatchObject({ clientId: "3", matchedBy: "EXTERNAL_IDENTIFIER" });
    expect(reconcile(record, none)).toEqual({ kind: "CREATE" });
  });

  it("joins a client that only other sources describe: one client, two source records", () => {
    expect(reconcile(record, { ...none, byOrgNumber: [client("1", ["invoicing", "c-5"])] })).toMatchObject({ kind: "UPDATE", clientId: "1" });
    // The same client found twice by one rule (two identifiers) is still one client.
    expect(reconcile(record, { ...none, byExternalIdentifier: [client("3"), client("3")] })).toMatchObject({ kind: "UPDATE", clientId: "3" });
  });

  it("never merges ambiguity: two clients for one record is a conflict naming both (rule 3)", () => {
    expect(reconcile(record, { ...none, byOrgNumber: [client("1"), client("2")] })).toEqual({
      kind: "CONFLICT",
      clientIds: ["1", "2"],
      reason: "2 clients match this record (by org number)",
    });
    // Different keys finding different clients is as ambiguous.
    expect(reconcile(record, { ...none, byOrgNumber: [client("1")], byVatNumber: [client("2")] })).toEqual({
      kind: "CONFLICT",
      clientIds: ["1", "2"],
      reason: "2 clients match this record (by org number, VAT number)",
    });
  });

  it("never merges two records of one source into one client: a conflict with that client", () => {
    const result = reconcile(record, { ...none, byVatNumber: [client("1", ["crm", "18"])] });
    expect(result).toEqual({ kind: "CONFLICT", clientIds: ["1"], reason: "the client matched by VAT number already has record 18 of the same source" });
    // Its own earlier link (the same source id) is no conflict.
    expect(reconcile(record, { ...none, byVatNumber: [client("1", ["crm", "17"])] })).toMatchObject({ kind: "UPDATE", clientId: "1" });
  });
});
