import { CREDIT_DATA_ACT_EXAMPLE, CREDIT_DATA_CLIENT_EXAMPLE } from "./examples";
import { mapCreditDataActs, mapCreditDataClient, type CreditDataClientRecord } from "./mapping";

function mapped(raw: unknown, acts: Parameters<typeof mapCreditDataClient>[1] = null): CreditDataClientRecord {
  const result = mapCreditDataClient(raw, acts);
  if (!result.ok) throw new Error(result.rejected.message);
  return result.record;
}

describe("mapCreditDataClient", () => {
  it("maps every field SOURCES.md fixes onto the Client's, the record's times apart", () => {
    expect(mapped(CREDIT_DATA_CLIENT_EXAMPLE)).toEqual({
      kind: "CREDIT_DATA",
      sourceId: "cd_7f3a91",
      sourceCreatedAt: "2025-04-12T08:30:00Z",
      sourceUpdatedAt: "2026-04-30T11:22:09Z",
      deletedInSource: false,
      deletedAt: null,
      values: {
        name: "Acme AB",
        orgNumber: "556677-8899",
        countryCode: "SE",
        creditLimit: "250000.00",
        creditLimitCurrency: "SEK",
        rating: "AA",
        contactPerson: "Anna Andersson",
        email: "finance@acme.example",
        phone: "+46 8 123 45 67",
      },
      unmapped: {},
      issues: [],
      externalIdentifiers: [],
      acts: null, // not read: the gateway's acts are left alone
      refusedActIds: [],
      raw: CREDIT_DATA_CLIENT_EXAMPLE,
    });
  });

  it("takes a JSON number credit limit by its exact text, never through arithmetic, and refuses one that is no decimal", () => {
    expect(mapped({ ...CREDIT_DATA_CLIENT_EXAMPLE, credit_limit: 125000.5 }).values.creditLimit).toBe("125000.5");
    const bad = mapped({ ...CREDIT_DATA_CLIENT_EXAMPLE, credit_limit: "lots", credit_limit_currency: "KRONOR", rating: "X".repeat(17), country: "Narnia" });
    expect(bad.values).not.toHaveProperty("creditLimit");
    expect(bad.values).not.toHaveProperty("creditLimitCurrency");
    expect(bad.values).not.toHaveProperty("rating");
    expect(bad.values.name).toBe("Acme AB");
    expect(bad.issues.map((i) => [i.field, i.sourceField, i.value])).toEqual(
      expect.arrayContaining([
        ["creditLimit", "credit_limit", "lots"],
        ["creditLimitCurrency", "credit_limit_currency", "KRONOR"],
        ["rating", "rating", "X".repeat(17)],
        ["countryCode", "country", "Narnia"],
      ]),
    );
  });

  it("keeps fields it has no column for in unmapped, and refuses a record without an id", () => {
    expect(mapped({ ...CREDIT_DATA_CLIENT_EXAMPLE, risk_class: 3, sni_code: "62010" }).unmapped).toEqual({ riskClass: 3, sniCode: "62010" });
    expect(mapCreditDataClient({ company_name: "No id" })).toMatchObject({ ok: false, rejected: { kind: "CREDIT_DATA" } });
  });
});

describe("mapCreditDataActs", () => {
  it("fills the Act columns from the known data point codes, keeps every data point, and takes the amounts' currency", () => {
    const issues: never[] = [];
    const { acts, refused } = mapCreditDataActs({ latest: CREDIT_DATA_ACT_EXAMPLE, list: [] }, issues);
    expect(refused).toEqual([]);
    expect(issues).toEqual([]);
    expect(acts).toEqual([
      {
        sourceId: "act_2025_556677",
        periodStart: "2025-01-01",
        periodEnd: "2025-12-31",
        publishedAt: "2026-03-14T09:00:00Z",
        currencyCode: "SEK",
        revenue: "12500000.00",
        result: "830000.00",
        equity: "4100000.00",
        totalAssets: "9800000.00",
        employees: 42,
        dataPoints: CREDIT_DATA_ACT_EXAMPLE.data_points!.map((p) => ({ code: p.code, label: p.label, value: p.value, unit: p.unit })),
      },
    ]);
  });

  it("merges the latest act into the list by id, refuses an act without a readable period, and keeps a bad value as null with an issue", () => {
    const issues: Parameters<typeof mapCreditDataActs>[1] = [];
    const list = [
      { ...CREDIT_DATA_ACT_EXAMPLE, id: "a-1" },
      { id: "a-2", period_start: "2024-12-31", period_end: "2024-01-01", data_points: [] },
      { id: "a-3", period_start: "2023-01-01T00:00:00Z", period_end: "2023-12-31", data_points: [{ code: "REVENUE", label: "Net sales", value: "1,5 MSEK", unit: "SEK" }] },
    ];
    const { acts, refused } = mapCreditDataActs({ latest: { ...CREDIT_DATA_ACT_EXAMPLE, id: "a-1" }, list }, issues);
    expect(acts.map((a) => a.sourceId)).toEqual(["a-1", "a-3"]);
    expect(refused).toEqual(["a-2"]);
    expect(acts[1]).toMatchObject({ periodStart: "2023-01-01", revenue: null, currencyCode: null, dataPoints: [{ code: "REVENUE", value: null, unit: "SEK" }] });
    expect(issues.map((i) => i.field)).toEqual(["acts.1.periodEnd", "acts.2.dataPoints.0.value"]);
  });

  it("keeps a JSON number written with an exponent as its decimal (not refused as 'Not a decimal')", () => {
    const issues: Parameters<typeof mapCreditDataActs>[1] = [];
    const act = { id: "a-9", period_start: "2024-01-01", period_end: "2024-12-31", data_points: [{ code: "MARKET_CAP", label: "Market cap", value: 1.25e21, unit: "SEK" }] };
    const { acts } = mapCreditDataActs({ latest: null, list: [act] }, issues);
    expect(issues).toEqual([]);
    expect(acts[0].dataPoints).toEqual([{ code: "MARKET_CAP", label: "Market cap", value: "1250000000000000000000", unit: "SEK" }]);
  });
});
