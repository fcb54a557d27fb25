import { DEFAULT_PRECEDENCE, fieldGroupOf, takesValue } from "./precedence";

const offer = (field: string, source: "CRM" | "APTIC" | "INVOICING" | "CREDIT_DATA", previous?: unknown) => ({ field, source, value: "new", previous });

describe("field precedence", () => {
  it("groups the fields as SOURCES.md's defaults name them", () => {
    expect([fieldGroupOf("name"), fieldGroupOf("email"), fieldGroupOf("vatRate"), fieldGroupOf("paymentTerms"), fieldGroupOf("creditLimit")]).toEqual([
      "IDENTITY", "CONTACT", "FINANCE", "BILLING", "CREDIT",
    ]);
    // The invoicing system's own class of the customer is billing; the coarse clientType identity.
    expect([fieldGroupOf("customerType"), fieldGroupOf("clientType"), fieldGroupOf("sdiCode")]).toEqual(["BILLING", "IDENTITY", "BILLING"]);
    expect(DEFAULT_PRECEDENCE.IDENTITY[0]).toBe("CRM");
    expect(DEFAULT_PRECEDENCE.FINANCE[0]).toBe("APTIC");
    expect(DEFAULT_PRECEDENCE.BILLING[0]).toBe("INVOICING");
    expect(DEFAULT_PRECEDENCE.CREDIT[0]).toBe("CREDIT_DATA");
  });

  it("fills a field nobody set, from any source", () => {
    expect(takesValue(offer("name", "CREDIT_DATA"), undefined)).toBe(true);
  });

  it("lets a source override only a source ranked as low or lower for the group", () => {
    expect(takesValue(offer("name", "CRM"), { source: "INVOICING" })).toBe(true);
    expect(takesValue(offer("name", "INVOICING"), { source: "CRM" })).toBe(false);
    expect(takesValue(offer("paymentTerms", "INVOICING"), { source: "CRM" })).toBe(true);
    expect(takesValue(offer("creditLimit", "CRM"), { source: "CREDIT_DATA" })).toBe(false);
    // The same source: its value changed there.
    expect(takesValue(offer("name", "INVOICING"), { source: "INVOICING" })).toBe(true);
  });

  it("follows a tenant's own list for a group", () => {
    expect(takesValue(offer("name", "INVOICING"), { source: "CRM" }, { IDENTITY: ["INVOICING", "CRM"] })).toBe(true);
    // A kind the tenant's list leaves out ranks below every listed one.
    expect(takesValue(offer("name", "APTIC"), { source: "CRM" }, { IDENTITY: ["INVOICING", "CRM"] })).toBe(false);
  });

  it("keeps what a person wrote until the field changes in its owning source", () => {
    const manual = { source: null };
    expect(takesValue(offer("name", "CRM", undefined), manual)).toBe(false); // the owner's first value
    expect(takesValue(offer("name", "CRM", "new"), manual)).toBe(false); // unchanged there
    expect(takesValue(offer("name", "CRM", "old"), manual)).toBe(true); // changed in the CRM
    expect(takesValue(offer("name", "INVOICING", "old"), manual)).toBe(false); // not the owner
  });
});
