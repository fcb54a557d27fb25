import { ClientType, CustomerType, customerTypeClientType } from "../../modules/client/client.enums";
import { camelCase, countryCodeOf } from "../mapping-kit";
import { InvoiceStatus } from "../../modules/invoice/invoice.enums";
import { INVOICING_CREATED_EXAMPLE, INVOICING_DETAIL_EXAMPLE, INVOICING_INVOICE_EXAMPLE, INVOICING_LIST_EXAMPLE, INVOICING_PATCHED_EXAMPLE } from "./examples";
import { CUSTOMER_TYPES, INVOICING_FIELDS, mapInvoicingCustomer, type InvoicingClientRecord } from "./mapping";

function mapped(raw: unknown): InvoicingClientRecord {
  const result = mapInvoicingCustomer(raw);
  if (!result.ok) throw new Error(result.rejected.message);
  return result.record;
}

describe("mapInvoicingCustomer", () => {
  it("maps 004's detail example field by field", () => {
    expect(mapped(INVOICING_DETAIL_EXAMPLE)).toEqual({
      kind: "INVOICING",
      sourceId: "a8f1…",
      sourceCreatedAt: "2025-04-12T08:30:00Z",
      sourceUpdatedAt: "2026-04-30T11:22:09Z",
      deletedInSource: false,
      deletedAt: null,
      values: {
        customerType: CustomerType.BUSINESS,
        clientType: ClientType.BUSINESS,
        name: "Acme AB",
        email: "finance@acme.example",
        orgNumber: "556677-8899",
        vatNumber: "SE556677889901",
        countryCode: "SE",
        paymentTerms: 30,
      },
      // The source's VIES verdict, which 004 says can be stale: the gateway checks every VAT number
      // it stores with VIES itself (client.vat-check), and its vatNumberValidated is that check's.
      unmapped: { vatNumberValidated: true },
      issues: [],
      externalIdentifiers: [],
      openInvoices: null, // the detail was read without ?expand=invoices: invoices left alone
      rejectedInvoices: [],
      raw: INVOICING_DETAIL_EXAMPLE,
    });
  });

  it("maps every field of 004's examples without loss: onto the client's values, the record's own fields, or (one, justified) unmapped", () => {
    // The record's own (source_record, not Client): id -> sourceId, created_at/updated_at ->
    // sourceCreatedAt/sourceUpdatedAt, archived_at -> deletedInSource (and deletedAt).
    const RECORD_OWN = ["id", "created_at", "updated_at", "archived_at"];
    // vat_number_validated is the source's VIES verdict, "can become stale" (004): the gateway runs
    // its own VIES check of every VAT number it stores, and Client.vatNumberValidated is that one's.
    // Kept in raw and unmapped, not a second verdict on the client.
    const UNMAPPED = ["vat_number_validated"];
    for (const example of [INVOICING_DETAIL_EXAMPLE, INVOICING_CREATED_EXAMPLE, INVOICING_PATCHED_EXAMPLE, INVOICING_LIST_EXAMPLE]) {
      const record = mapped(example);
      const raw = example as Record<string, unknown>;
      expect(record).toMatchObject({
        sourceId: example.id,
        sourceCreatedAt: example.created_at ?? null,
        sourceUpdatedAt: example.updated_at ?? null,
        deletedInSource: false,
        deletedAt: null,
      });
      expect(record.unmapped).toEqual(Object.fromEntries(UNMAPPED.filter((k) => k in raw).map((k) => [camelCase(k), raw[k]])));
      const expected: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(raw)) {
        if (RECORD_OWN.includes(key) || UNMAPPED.includes(key)) continue;
        if (key === "customer_type") {
          expected.customerType = CUSTOMER_TYPES[value as string];
          expected.clientType = customerTypeClientType(CUSTOMER_TYPES[value as string]);
          if (value === "swedish_business" && !("country" in raw)) expected.countryCode = "SE";
        } else {
          expected[INVOICING_FIELDS[key]] = key === "country" ? countryCodeOf(value as string) : value;
        }
      }
      // The list example's org number can't be checked without the country its item lacks (the
      // listing of SOURCES.md carries it; and a sync maps the detail, not the list item): an issue.
      if (example === INVOICING_LIST_EXAMPLE) {
        delete expected.orgNumber;
        expect(record.issues.map((i) => [i.sourceField, i.value])).toEqual([["org_number", "556677-8899"]]);
      } else {
        expect(record.issues).toEqual([]);
      }
      expect(record.values).toEqual(expected);
    }
  });

  it("maps the list example, whose org number needs the country the list item lacks", () => {
    const record = mapped(INVOICING_LIST_EXAMPLE);
    expect(record.values).toEqual({ customerType: CustomerType.BUSINESS, clientType: ClientType.BUSINESS, name: "Acme AB", email: "finance@acme.example", vatNumber: "SE556677889901", paymentTerms: 30 });
    expect(record.issues).toEqual([{ field: "orgNumber", sourceField: "org_number", value: "556677-8899", message: "countryCode is required with an org number" }]);
    expect(record.sourceUpdatedAt).toBeNull();
  });

  it("maps the create and patch examples (swedish_business, notes, partial records)", () => {
    const created = mapped(INVOICING_CREATED_EXAMPLE);
    expect(created.values).toMatchObject({ customerType: CustomerType.SWEDISH_BUSINESS, clientType: ClientType.BUSINESS, email: "finance@acme.test" });
    expect(created.unmapped).toEqual({ vatNumberValidated: false });
    // No country in the record, but a swedish_business is Swedish: its org number is checked as such
    expect(created.values).toMatchObject({ countryCode: "SE", orgNumber: "556677-8899" });
    expect(mapped({ ...INVOICING_CREATED_EXAMPLE, country: "Finland", org_number: "1572860-0" }).values).toMatchObject({ countryCode: "FI", orgNumber: "1572860-0" });
    expect(mapped({ ...INVOICING_CREATED_EXAMPLE, org_number: "556677-8890" }).issues.map((i) => [i.field, i.value])).toEqual([["orgNumber", "556677-8890"]]);
    const patched = mapped(INVOICING_PATCHED_EXAMPLE);
    expect(patched.values).toEqual({ name: "Acme AB", paymentTerms: 14, notes: "New payment terms agreed 2026-05-12." });
    expect(patched.issues).toEqual([]);
  });

  it("maps open invoices onto Invoice fields, exactly, and derives the paid amount", () => {
    const record = mapped({ ...INVOICING_DETAIL_EXAMPLE, invoices: [INVOICING_INVOICE_EXAMPLE] });
    expect(record.openInvoices).toEqual([
      {
        sourceId: "inv_7f3a",
        invoiceNumber: "2026-0042",
        status: InvoiceStatus.PARTIALLY_PAID,
        currencyCode: "SEK",
        totalAmount: "12500.00",
        openAmount: "4500.50",
        paidAmount: "7999.50",
        issueDate: "2026-04-01",
        dueDate: "2026-05-01",
        raw: INVOICING_INVOICE_EXAMPLE,
      },
    ]);
    expect(mapped({ ...INVOICING_DETAIL_EXAMPLE, invoices: [] }).openInvoices).toEqual([]);
  });

  it("keeps an invoice it can't store as rejected (not to be closed), with its issues", () => {
    const bad = { ...INVOICING_INVOICE_EXAMPLE, id: "inv_bad", status: "paid", open_amount: "13000.00", due_date: "2026-02-30" };
    const record = mapped({ ...INVOICING_DETAIL_EXAMPLE, invoices: [INVOICING_INVOICE_EXAMPLE, bad] });
    expect(record.openInvoices!.map((i) => i.sourceId)).toEqual(["inv_7f3a"]);
    expect(record.rejectedInvoices).toEqual([{ sourceId: "inv_bad", invoiceNumber: "2026-0042", raw: bad }]);
    expect(record.issues.map((i) => [i.field, i.value])).toEqual([
      ["openInvoices.1.status", "paid"],
      ["openInvoices.1.openAmount", "13000.00"],
      ["openInvoices.1.dueDate", "2026-02-30"],
    ]);
  });

  it("maps individuals, archived customers, and flags masked and unknown values", () => {
    const individual = mapped({ id: "c1", name: "Anna Andersson", customer_type: "individual", country: "SE", org_number: "811218-9876", archived_at: "2026-03-01T10:00:00Z" });
    expect(individual.values).toEqual({ customerType: CustomerType.INDIVIDUAL, clientType: ClientType.INDIVIDUAL, name: "Anna Andersson", countryCode: "SE", orgNumber: "811218-9876" });
    expect(individual).toMatchObject({ deletedInSource: true, deletedAt: "2026-03-01T10:00:00Z", issues: [] });
    const masked = mapped({ id: "c2", name: "B", customer_type: "individual", country: "SE", org_number: "811218-****" });
    expect(masked.values.orgNumber).toBeUndefined();
    expect(masked.issues.map((i) => i.field)).toEqual(["orgNumber"]);
    const odd = mapped({ id: "c3", name: "C", customer_type: "government", default_payment_terms: "30", vat_number: "FI12345678", country: "FI" });
    expect(odd.values).toEqual({ name: "C", countryCode: "FI" });
    expect(odd.unmapped).toEqual({});
    expect(odd.issues.map((i) => i.field).sort()).toEqual(["customerType", "paymentTerms", "vatNumber"]);
    expect(odd.issues.find((i) => i.field === "customerType")).toMatchObject({ sourceField: "customer_type", value: "government" });
  });

  it("keeps each customer_type as sent in customerType, with the clientType it implies", () => {
    const types = ["business", "individual", "swedish_business", "eu_business"].map((type) => mapped({ id: "t", name: "T", customer_type: type }).values);
    expect(types.map((v) => [v.customerType, v.clientType])).toEqual([
      [CustomerType.BUSINESS, ClientType.BUSINESS],
      [CustomerType.INDIVIDUAL, ClientType.INDIVIDUAL],
      [CustomerType.SWEDISH_BUSINESS, ClientType.BUSINESS],
      [CustomerType.EU_BUSINESS, ClientType.BUSINESS],
    ]);
    // 004's bulk-create example: a Finnish eu_business
    expect(mapped({ id: "f", name: "Foo OY", customer_type: "eu_business", vat_number: "FI12345678" }).values).toMatchObject({ customerType: CustomerType.EU_BUSINESS, vatNumber: "FI12345678" });
    const cleared = mapped({ id: "n", name: "N", customer_type: null });
    expect(cleared.values).toEqual({ name: "N", customerType: null });
    expect(cleared.issues).toEqual([]);
    // Not a key of the table: an inherited property is no customer type
    expect(mapped({ id: "p", name: "P", customer_type: "constructor" }).issues.map((i) => i.field)).toEqual(["customerType"]);
  });

  it("rejects a customer without an id", () => {
    expect(mapInvoicingCustomer({ name: "x" })).toMatchObject({ ok: false, rejected: { kind: "INVOICING" } });
  });
});
