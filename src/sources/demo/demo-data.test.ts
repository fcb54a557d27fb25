import {
  canonicalOrgNumber,
  isValidOrgNumber,
  isValidVatNumber,
  normaliseOrgNumber,
} from "../../common/validation/checksums";
import { countryCodeOf } from "../mapping-kit";
import { mapCrmClient } from "../crm/mapping";
import { mapInvoicingCustomer } from "../invoicing/mapping";
import { generateDemoClients } from "../../db/seed/demo-data";
import { DEMO_CLIENT_COUNT } from "../../db/seed/seed";
import { demoSourceData } from "./demo-source-data";
import type { InvoicingCustomerWire } from "../invoicing/wire";

const data = demoSourceData();
const gateway = generateDemoClients(DEMO_CLIENT_COUNT, 1);
const OPEN = new Set(["sent", "partially_paid", "overdue"]);

/** The key reconciliation matches on: country + the org number in its stored form. */
const key = (country: string | null | undefined, org: string | null | undefined, individual = false): string | null => {
  const code = country ? countryCodeOf(country) : null;
  if (!code || !org) return null;
  return `${code}:${canonicalOrgNumber(code, org, { individual })}`;
};
const gatewayKeys = new Set(gateway.map((c) => `${c.countryCode}:${c.orgNumber}`));
const crmKeys = new Map(data.crm.map((r) => [key(r.country, r.company_registration_number), r]));
const invoicingKey = (c: InvoicingCustomerWire) => key(c.country, c.org_number, c.customer_type === "individual");
const invoicingKeys = new Map(data.invoicing.map((c) => [invoicingKey(c), c]));
/** The detail as the simulator answers it (`?expand=invoices`): open invoices only. */
const detail = (c: InvoicingCustomerWire): InvoicingCustomerWire => ({ ...c, invoices: (c.invoices ?? []).filter((i) => OPEN.has(String(i.status))) });

describe("demoSourceData", () => {
  it("is deterministic: the same options give the same records, another seed other ones", () => {
    expect(demoSourceData()).toEqual(data);
    expect(JSON.stringify(demoSourceData({ seed: 1, demoClientCount: DEMO_CLIENT_COUNT }))).toBe(JSON.stringify(data));
    expect(demoSourceData({ seed: 2 }).crm).not.toEqual(data.crm);
  });

  it("is small enough to sync in a couple of seconds, and holds most of the gateway's clients", () => {
    expect(data.crm.length).toBeGreaterThanOrEqual(100);
    expect(data.crm.length).toBeLessThanOrEqual(200);
    expect(data.invoicing.length).toBeGreaterThanOrEqual(50);
    expect(data.invoicing.length).toBeLessThanOrEqual(120);
    const known = data.crm.filter((r) => gatewayKeys.has(key(r.country, r.company_registration_number)!));
    expect(known.length).toBeGreaterThan(data.crm.length * 0.8);
  });

  it("has unique ids and unique org numbers per source", () => {
    for (const ids of [data.crm.map((r) => String(r.id)), data.invoicing.map((c) => c.id)]) expect(new Set(ids).size).toBe(ids.length);
    expect(crmKeys.size).toBe(data.crm.length);
    expect(invoicingKeys.size).toBe(data.invoicing.length);
  });

  it("overlaps by normalised org number, written with a dash in one system and without in the other", () => {
    const both = [...invoicingKeys.keys()].filter((k) => crmKeys.has(k));
    expect(both.length).toBeGreaterThanOrEqual(30);
    // Only in the gateway and the invoicing system, and only in the gateway and the CRM.
    expect([...invoicingKeys.keys()].filter((k) => !crmKeys.has(k) && gatewayKeys.has(k!)).length).toBeGreaterThanOrEqual(10);
    expect([...crmKeys.keys()].filter((k) => !invoicingKeys.has(k) && gatewayKeys.has(k!)).length).toBeGreaterThanOrEqual(30);
    const differentlyWritten = both.filter((k) => crmKeys.get(k)!.company_registration_number !== invoicingKeys.get(k)!.org_number);
    expect(differentlyWritten.length).toBeGreaterThanOrEqual(10);
    expect(differentlyWritten.some((k) => /-/.test(crmKeys.get(k)!.company_registration_number!) && !/-/.test(invoicingKeys.get(k)!.org_number!))).toBe(true);
    expect(differentlyWritten.some((k) => !/-/.test(crmKeys.get(k)!.company_registration_number!) && /-/.test(invoicingKeys.get(k)!.org_number!))).toBe(true);
    for (const k of differentlyWritten) {
      expect(normaliseOrgNumber(crmKeys.get(k)!.company_registration_number)).toBe(normaliseOrgNumber(invoicingKeys.get(k)!.org_number));
    }
  });

  it("has companies the gateway doesn't have, in the CRM, in the invoicing system and in both", () => {
    const newInCrm = data.crm.filter((r) => !gatewayKeys.has(key(r.country, r.company_registration_number)!));
    expect(newInCrm.map((r) => Number(r.id)).sort()).toEqual([...data.facts.newCrmIds, data.facts.americanCrmId].sort());
    expect(data.facts.newCrmIds.length).toBeGreaterThanOrEqual(3);
    const newInInvoicing = data.invoicing.filter((c) => !gatewayKeys.has(invoicingKey(c)!));
    expect(newInInvoicing.map((c) => c.id)).toEqual(data.facts.newInvoicingIds);
    expect(newInInvoicing.some((c) => crmKeys.has(invoicingKey(c)))).toBe(true);
    expect(newInInvoicing.some((c) => !crmKeys.has(invoicingKey(c)))).toBe(true);
  });

  it("has exactly one deleted CRM client, known to no other source", () => {
    const deleted = data.crm.filter((r) => r.deleted_at !== null && r.deleted_at !== undefined);
    expect(deleted.map((r) => r.id)).toEqual([data.facts.deletedCrmId]);
    expect(invoicingKeys.has(key(deleted[0].country, deleted[0].company_registration_number))).toBe(false);
    expect(gatewayKeys.has(key(deleted[0].country, deleted[0].company_registration_number)!)).toBe(true);
    expect(data.invoicing.filter((c) => c.archived_at !== null)).toEqual([]);
  });

  it("has exactly one invalid VAT number (a wrong check digit), and every other value passes the gateway's checks", () => {
    const vats = [
      ...data.crm.map((r) => ({ id: String(r.id), vat: r.vat, country: countryCodeOf(r.country!) })),
      ...data.invoicing.map((c) => ({ id: c.id, vat: c.vat_number, country: countryCodeOf(c.country!) })),
    ].filter((v) => v.vat !== null && v.vat !== undefined);
    const invalid = vats.filter((v) => !isValidVatNumber(v.vat, v.country));
    expect(invalid).toEqual([{ id: String(data.facts.invalidVat.crmId), vat: data.facts.invalidVat.vat, country: "SE" }]);
    expect(isValidVatNumber(data.facts.invalidVat.vat, "SE", { checksum: false })).toBe(true);

    // Through the connectors' own mappings (the gateway's checks): that one VAT number is the only issue.
    const issues = [
      ...data.crm.flatMap((r) => {
        const mapped = mapCrmClient(r);
        if (!mapped.ok) throw new Error(`CRM ${r.id} rejected: ${mapped.rejected.message}`);
        return mapped.record.issues.map((i) => ({ id: String(r.id), field: i.field }));
      }),
      ...data.invoicing.flatMap((c) => {
        const mapped = mapInvoicingCustomer(detail(c));
        if (!mapped.ok) throw new Error(`Invoicing ${c.id} rejected: ${mapped.rejected.message}`);
        return mapped.record.issues.map((i) => ({ id: c.id, field: i.field }));
      }),
    ];
    expect(issues).toEqual([{ id: String(data.facts.invalidVat.crmId), field: "vatNumber" }]);
  });

  it.each([2, 3, 42])("keeps its special cases with another seed (%i)", (seed) => {
    const other = demoSourceData({ seed });
    expect(other.crm.filter((r) => r.deleted_at).map((r) => r.id)).toEqual([other.facts.deletedCrmId]);
    const issues = [
      ...other.crm.flatMap((r) => {
        const mapped = mapCrmClient(r);
        return mapped.ok ? mapped.record.issues.map((i) => `${r.id} ${i.field}`) : [`${r.id} rejected`];
      }),
      ...other.invoicing.flatMap((c) => {
        const mapped = mapInvoicingCustomer(detail(c));
        return mapped.ok ? mapped.record.issues.map((i) => `${c.id} ${i.field}`) : [`${c.id} rejected`];
      }),
    ];
    expect(issues).toEqual([`${other.facts.invalidVat.crmId} vatNumber`]);
    expect(other.facts.newCrmIds.length).toBeGreaterThanOrEqual(3);
  });

  it("writes org numbers the gateway accepts, with checksums", () => {
    for (const r of data.crm) {
      const country = countryCodeOf(r.country!);
      expect(country).not.toBeNull();
      expect(isValidOrgNumber(country, r.company_registration_number, { individual: false })).toBe(true);
    }
    for (const c of data.invoicing) {
      const country = countryCodeOf(c.country!);
      expect(isValidOrgNumber(country, c.org_number, { individual: c.customer_type === "individual" })).toBe(true);
    }
    expect(data.invoicing.some((c) => c.customer_type === "individual")).toBe(true);
  });

  it("writes countries as names and as codes, one of them \"United States\"", () => {
    const american = data.crm.find((r) => r.id === data.facts.americanCrmId)!;
    expect(american.country).toBe("United States");
    expect(countryCodeOf(american.country!)).toBe("US");
    const countries = new Set(data.crm.map((r) => r.country));
    expect([...countries].some((c) => /^[A-Z]{2}$/.test(c!))).toBe(true);
    expect(countries.has("Sweden")).toBe(true);
    expect(countries.size).toBeGreaterThan(8);
  });

  it("differs from the gateway here and there: changed phones, a moved client", () => {
    const byCrmId = (id: number) => gateway[id - 100_000];
    expect(data.facts.changedPhoneCrmIds.length).toBe(3);
    for (const id of data.facts.changedPhoneCrmIds) {
      const record = data.crm.find((r) => r.id === id)!;
      expect(record.phone).not.toBe(byCrmId(id).phone);
      expect(record.phone!.replace(/\d{2}$/, "")).toBe(byCrmId(id).phone!.replace(/\d{2}$/, ""));
    }
    const moved = data.crm.find((r) => r.id === data.facts.movedCrmId)!;
    expect(moved.street).not.toBe(byCrmId(data.facts.movedCrmId).street);
    // Everything else the CRM has of a known client is what the gateway has.
    const special = new Set([...data.facts.changedPhoneCrmIds, data.facts.movedCrmId]);
    for (const r of data.crm.filter((r) => Number(r.id) - 100_000 < DEMO_CLIENT_COUNT && !special.has(Number(r.id)))) {
      const client = byCrmId(Number(r.id));
      expect({ name: r.corporate_name, phone: r.phone, street: r.street, city: r.town, email: r.email }).toEqual({
        name: client.name, phone: client.phone, street: client.street, city: client.city, email: client.email,
      });
    }
  });

  it("carries external identifiers in the CRM, and the demo data's ids", () => {
    const withIds = data.crm.filter((r) => (r.external_identifiers ?? []).length > 0);
    expect(withIds.length).toBeGreaterThan(data.crm.length / 2);
    expect(new Set(withIds.flatMap((r) => r.external_identifiers!.map((e) => e.type)))).toEqual(new Set(["aptic", "invoicing", "salesforce"]));
    // The CRM ids are the ones the gateway's demo clients list as their `crm` external ids.
    const crmIds = new Set(gateway.flatMap((c) => c.externalIdentifiers.filter((e) => e.source === "crm" && !e.deletedAt).map((e) => Number(e.externalId))));
    expect(data.crm.filter((r) => crmIds.has(Number(r.id))).length).toBeGreaterThan(data.crm.length * 0.7);
  });

  it("gives the invoicing customers open invoices with decimal-string amounts, and some paid ones", () => {
    const invoices = data.invoicing.flatMap((c) => c.invoices ?? []);
    const open = invoices.filter((i) => OPEN.has(String(i.status)));
    expect(new Set(open.map((i) => i.status))).toEqual(OPEN);
    expect(invoices.some((i) => i.status === "paid")).toBe(true);
    expect(data.invoicing.filter((c) => (c.invoices ?? []).some((i) => OPEN.has(String(i.status)))).length).toBeGreaterThan(data.invoicing.length * 0.8);
    expect(new Set(invoices.map((i) => i.id)).size).toBe(invoices.length);
    expect(new Set(invoices.map((i) => i.invoice_number)).size).toBe(invoices.length);
    // Not the gateway's own invoice numbers (those are unique per tenant).
    const gatewayNumbers = new Set(gateway.flatMap((c) => c.invoices.map((i) => i.invoiceNumber)));
    expect(invoices.filter((i) => gatewayNumbers.has(i.invoice_number!))).toEqual([]);
    for (const i of invoices) {
      expect(i.total_amount).toMatch(/^\d+\.\d{2}$/);
      expect(i.open_amount).toMatch(/^\d+\.\d{2}$/);
      const [total, openAmount] = [Number(i.total_amount), Number(i.open_amount)];
      if (i.status === "paid") expect(openAmount).toBe(0);
      else if (i.status === "partially_paid") expect(openAmount > 0 && openAmount < total).toBe(true);
      else expect(openAmount).toBe(total);
      expect(i.due_date! > i.issue_date!).toBe(true);
    }
  });
});
