import { camelCase, countryCodeOf } from "../mapping-kit";
import type { SourceClientRecord } from "../source-record";
import { CRM_DETAIL_EXAMPLE, CRM_LIST_EXAMPLE } from "./examples";
import { CRM_RENAMED, mapCrmClient } from "./mapping";

function mapped(raw: unknown): SourceClientRecord {
  const result = mapCrmClient(raw);
  if (!result.ok) throw new Error(result.rejected.message);
  return result.record;
}

describe("mapCrmClient", () => {
  it("maps 001's example record field by field", () => {
    const record = mapped(CRM_LIST_EXAMPLE);
    expect(record).toEqual({
      kind: "CRM",
      sourceId: "1",
      sourceCreatedAt: "2026-05-15T17:08:59.529Z",
      sourceUpdatedAt: "2026-05-15T17:08:59.529Z",
      deletedInSource: true,
      deletedAt: "2026-05-15T17:08:59.529Z",
      values: {
        name: "First client",
        acronym: "First client acronym",
        email: "example@example.com",
        notes: "Some notes",
        website: "https://example.com",
        linkedin: "https://linkedin.com/in/example",
        description: "A brief description",
        street: "123 Main St",
        zipCode: "12345",
        city: "Townsville",
        countryCode: "US",
        vatNumber: "123456789",
        paymentCondition: "Payment terms",
        groupCompany: 1,
        sdiCode: "SDI12345",
        pec: "pec@example.com",
        administrationEmail: "admin@example.com",
        orgNumber: "1234567890",
        legalName: "Legal Name",
        intentCode: "Intent Code",
        intentDate: "2024-01-01",
        phone: "123-456-7890",
        taxReference: "Tax Reference",
        groupId: 1,
        bankAccountId: 1,
        vatRateId: 1,
        paymentTermId: 1,
      },
      // 8 characters: not a FatturaPA length, but the client is in the US, where Italy's rule doesn't apply
      issues: [],
      externalIdentifiers: [
        { source: "string", externalId: "SF-0001", deletedAt: null, sourceRecordId: "1", sourceCreatedAt: "2026-05-15T17:08:59.529Z", sourceUpdatedAt: "2026-05-15T17:08:59.529Z" },
      ],
      unmapped: {},
      raw: CRM_LIST_EXAMPLE,
    });
  });

  it("maps every field of 001's and 002's examples without loss: onto the client's values, or the record's own fields", () => {
    // What describes the record rather than the client is the record's (stored on source_record,
    // not on Client): id -> sourceId, created_at/updated_at -> sourceCreatedAt/sourceUpdatedAt,
    // deleted_at -> deletedInSource (and deletedAt); external_identifiers -> ExternalIdentifier rows.
    const RECORD_OWN = ["id", "created_at", "updated_at", "deleted_at", "external_identifiers"];
    for (const example of [CRM_LIST_EXAMPLE, CRM_DETAIL_EXAMPLE]) {
      const record = mapped(example);
      expect(record.issues).toEqual([]);
      expect(record.unmapped).toEqual({});
      expect(record).toMatchObject({
        sourceId: String(example.id),
        sourceCreatedAt: example.created_at,
        sourceUpdatedAt: example.updated_at,
        deletedInSource: true,
        deletedAt: example.deleted_at,
      });
      expect(record.externalIdentifiers).toEqual(
        example.external_identifiers!.map((e) => ({ source: e.type, externalId: e.external_id, sourceRecordId: String(e.id), sourceCreatedAt: e.created_at, sourceUpdatedAt: e.updated_at, deletedAt: null })),
      );
      const clientFields = Object.keys(example).filter((key) => !RECORD_OWN.includes(key));
      for (const key of clientFields) {
        const value = example[key];
        const field = CRM_RENAMED[key] ?? camelCase(key);
        // the country's name becomes its ISO code, which names it again: no loss
        const expected = key === "country" ? countryCodeOf(value as string) : value;
        expect([key, field, record.values[field as keyof typeof record.values]]).toEqual([key, field, expected]);
      }
      expect(Object.keys(record.values)).toHaveLength(clientFields.length);
      expect(record.raw).toBe(example);
    }
    expect(new Intl.DisplayNames(["en"], { type: "region" }).of(mapped(CRM_LIST_EXAMPLE).values.countryCode!)).toBe("United States");
  });

  it("keeps values the gateway's checks refuse as issues, and maps the rest", () => {
    const record = mapped({
      id: 7,
      corporate_name: "Acme AB",
      country: "Sverige",
      company_registration_number: "556036-0794", // bad check digit
      vat: "SE556036079301",
      email: "not-an-email",
      website: "ftp://example.com",
      group_id: "3",
      intent_date: "2024-02-30",
      updated_at: "yesterday",
      favourite_colour: "blue",
    });
    expect(record.values).toEqual({ name: "Acme AB", countryCode: "SE", vatNumber: "SE556036079301" });
    expect(record.issues.map((i) => [i.field, i.sourceField, i.value])).toEqual(
      expect.arrayContaining([
        ["orgNumber", "company_registration_number", "556036-0794"],
        ["email", "email", "not-an-email"],
        ["website", "website", "ftp://example.com"],
        ["groupId", "group_id", "3"],
        ["intentDate", "intent_date", "2024-02-30"],
        ["updatedAt", "updated_at", "yesterday"],
      ]),
    );
    expect(record.issues).toHaveLength(6);
    expect(record.sourceUpdatedAt).toBeNull();
    expect(record.unmapped).toEqual({ favouriteColour: "blue" });
    expect(record.deletedInSource).toBe(false);
  });

  it("takes SDI codes as the CRM sends them, and holds Italian ones to FatturaPA's 7 (or 6) characters", () => {
    expect(mapped({ id: 11, corporate_name: "A", country: "US", sdi_code: "SDI12345" }).values.sdiCode).toBe("SDI12345");
    expect(mapped({ id: 12, corporate_name: "B", country: "Italia", sdi_code: "M5UXCR1" }).values.sdiCode).toBe("M5UXCR1");
    expect(mapped({ id: 13, corporate_name: "C", country: "IT", sdi_code: "UFY9MH" }).values.sdiCode).toBe("UFY9MH");
    const italian = mapped({ id: 14, corporate_name: "D", country: "IT", sdi_code: "SDI12345" });
    expect(italian.values).toEqual({ name: "D", countryCode: "IT" });
    expect(italian.issues).toEqual([{ field: "sdiCode", sourceField: "sdi_code", value: "SDI12345", message: "An Italian recipient code is 7 letters and digits (6 for public administration)" }]);
    const odd = mapped({ id: 15, corporate_name: "E", sdi_code: "SDI-1" });
    expect(odd.issues.map((i) => [i.field, i.value])).toEqual([["sdiCode", "SDI-1"]]);
  });

  it("flags a VAT number that doesn't match the org number, and an unknown country", () => {
    const mismatch = mapped({ id: 8, corporate_name: "X", country: "SE", company_registration_number: "556036-0793", vat: "SE556677889901" });
    expect(mismatch.values).toMatchObject({ orgNumber: "556036-0793", countryCode: "SE" });
    expect(mismatch.values.vatNumber).toBeUndefined();
    expect(mismatch.issues.map((i) => i.field)).toEqual(["vatNumber"]);
    const nowhere = mapped({ id: 9, corporate_name: "Y", country: "Atlantis", company_registration_number: "12345" });
    expect(nowhere.values).toEqual({ name: "Y" });
    expect(nowhere.issues.map((i) => [i.field, i.value])).toEqual([["countryCode", "Atlantis"], ["orgNumber", "12345"]]);
  });

  it("flags malformed external identifiers and keeps the good ones", () => {
    const record = mapped({ id: 10, corporate_name: "Z", external_identifiers: [{ external_id: "A-1", type: "salesforce", deleted_at: "2026-01-01T00:00:00Z" }, { type: "hubspot" }] });
    expect(record.externalIdentifiers).toEqual([{ source: "salesforce", externalId: "A-1", deletedAt: "2026-01-01T00:00:00Z", sourceRecordId: null, sourceCreatedAt: null, sourceUpdatedAt: null }]);
    expect(record.issues).toEqual([{ field: "externalIdentifiers.1", sourceField: "external_identifiers.1", value: '{"type":"hubspot"}', message: "external_id must be text of 1..255 characters" }]);
  });

  it("keeps an identifier whose own id or times are unreadable, and flags those values", () => {
    const record = mapped({ id: 16, corporate_name: "W", external_identifiers: [{ id: 1.5, created_at: "yesterday", updated_at: "2026-01-02T03:04:05Z", external_id: "B-2", type: "erp" }] });
    expect(record.externalIdentifiers).toEqual([{ source: "erp", externalId: "B-2", deletedAt: null, sourceRecordId: null, sourceCreatedAt: null, sourceUpdatedAt: "2026-01-02T03:04:05Z" }]);
    expect(record.issues.map((i) => [i.field, i.sourceField, i.value])).toEqual([
      ["externalIdentifiers.0.sourceRecordId", "external_identifiers.0.id", "1.5"],
      ["externalIdentifiers.0.sourceCreatedAt", "external_identifiers.0.created_at", "yesterday"],
    ]);
  });

  it("rejects a record without a usable id", () => {
    expect(mapCrmClient({ corporate_name: "No id" })).toMatchObject({ ok: false, rejected: { kind: "CRM" } });
    expect(mapCrmClient([])).toMatchObject({ ok: false });
    expect(mapCrmClient({ id: "12" })).toMatchObject({ ok: true, record: { sourceId: "12" } });
  });
});

describe("countryCodeOf", () => {
  it("reads ISO codes and names in the sources' languages", () => {
    expect(["United States", "USA", "se", "SE", "Sverige", "Italia", "Deutschland", "Suomi", "Norge", "the Netherlands", "Côte d’Ivoire", "united kingdom"].map(countryCodeOf))
      .toEqual(["US", "US", "SE", "SE", "SE", "IT", "DE", "FI", "NO", "NL", "CI", "GB"]);
    expect(countryCodeOf("Atlantis")).toBeNull();
    expect(countryCodeOf("ZZ")).toBeNull();
  });
});
