/**
 * What the simulated CRM and invoicing system hold in development: derived from the demo tenant's
 * own data (src/db/seed/demo-data.ts), so that a sync of both has something to reconcile.
 *
 * - The CRM holds most of the demo businesses (id 100000 + the client's index, as the demo data's
 *   `crm` external ids and `crmRecord` parameters say), a few with a changed phone or a moved
 *   address, some companies the gateway doesn't have yet (the demo generator's next clients), one
 *   American company (`country: "United States"`), exactly one deleted client (`deleted_at`) and
 *   exactly one client with an invalid VAT number (a wrong check digit). Countries are names
 *   ("Sweden", "Sverige", "Holland") or ISO codes, as CRMs write them.
 * - The invoicing system holds a subset overlapping the CRM and the gateway by org number (written
 *   with the country's dash or space in one system and without it in the other, so reconciliation
 *   must normalise), a few customers of its own, and open invoices (sent / partially_paid /
 *   overdue, decimal-string amounts, its own invoice numbers) besides some paid ones it doesn't list.
 * - Deterministic: seeded (mulberry32, never Math.random) and without a clock: every date is
 *   relative to DEMO_REFERENCE_DATE, so a restart serves the same records and an incremental sync
 *   finds nothing changed.
 */
import { OPEN_INVOICE_STATUSES, InvoiceStatus } from "../../modules/invoice/invoice.enums";
import { formatOrgNumber } from "../../common/validation/checksums";
import { ClientType } from "../../modules/client/client.enums";
import { DEMO_REFERENCE_DATE, formatCents, generateDemoClients, mulberry32, type DemoClient, type DemoCountryCode } from "../../db/seed/demo-data";
import type { CrmClientWire, CrmExternalIdentifierWire } from "../crm/wire";
import { demoApticData, type DemoApticData } from "./demo-aptic-data";
import type { InvoicingCustomerType, InvoicingCustomerWire, InvoicingInvoiceWire } from "../invoicing/wire";

export interface DemoSourceDataOptions {
  /** How many demo clients the gateway was seeded with (seed.ts: DEMO_CLIENT_COUNT). Default 200. */
  demoClientCount?: number;
  /** The seed of the demo clients (seed.ts seeds with 1) and of the choices made here. Default 1. */
  seed?: number;
}

/** What the data are built to show (for tests, logs and the README). */
export interface DemoSourceFacts {
  /** CRM ids of demo clients the CRM has with another phone number than the gateway. */
  changedPhoneCrmIds: number[];
  /** CRM id of a demo client that moved (another street in the CRM). */
  movedCrmId: number;
  /** The one deleted CRM client. */
  deletedCrmId: number;
  /** The one record with an invalid VAT number (a CRM client). */
  invalidVat: { crmId: number; vat: string };
  /** The CRM's client with a country written as "United States". */
  americanCrmId: number;
  /** CRM ids of companies the gateway doesn't have (not in its demo data). */
  newCrmIds: number[];
  /** Invoicing ids of customers the gateway doesn't have. */
  newInvoicingIds: string[];
}

export interface DemoSourceData {
  crm: CrmClientWire[];
  /** The simulated Aptic's clients: some of the seeded demo businesses, and companies of its own (demo-aptic-data.ts). */
  aptic: DemoApticData;
  /** Every customer with all its invoices, open or not (the simulator lists the open ones). */
  invoicing: InvoicingCustomerWire[];
  facts: DemoSourceFacts;
}

/** The CRM's id of the demo client at `index` (as the demo data's `crm` external ids). */
export const crmIdOf = (index: number): number => 100_000 + index;
/** The invoicing system's id of the demo client at `index` (as the demo data's `invoicing` external ids). */
export const invoicingIdOf = (index: number): string => `CUST-${String(index + 1).padStart(6, "0")}`;

/** New companies (the demo generator's clients after the seeded ones): in the CRM, and the first few in invoicing too. */
const NEW_IN_CRM = 8;
const NEW_IN_BOTH = 4;
/** New companies only the invoicing system has. */
const NEW_IN_INVOICING_ONLY = 4;

export const DAY_MS = 86_400_000;
/** The demo data's reference date, in days since the epoch. */
export const REF_DAY = Date.parse(`${DEMO_REFERENCE_DATE}T00:00:00Z`) / DAY_MS;
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A seeded random source with the few draws the source data needs (also the sync bench's). */
export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  /** A business-hours instant (07:00-17:59 UTC) on `day`, with milliseconds, as an API sends it. */
  instant(day: number): string {
    return new Date(day * DAY_MS + this.int(7 * 3600_000, 18 * 3600_000 - 1)).toISOString();
  }
}

/** How CRMs write countries: mostly English names, some local names, some ISO codes. */
const CRM_COUNTRY_NAMES: Record<DemoCountryCode, readonly string[]> = {
  SE: ["Sweden", "Sweden", "Sweden", "Sverige", "SE"],
  FI: ["Finland", "Finland", "Suomi", "FI"],
  NO: ["Norway", "Norway", "Norge", "NO"],
  DK: ["Denmark", "Denmark", "Danmark", "DK"],
  NL: ["Netherlands", "The Netherlands", "Holland", "Nederland", "NL"],
};
const INVOICING_COUNTRY_NAMES: Record<DemoCountryCode, string> = { SE: "Sweden", FI: "Finland", NO: "Norway", DK: "Denmark", NL: "Netherlands" };
/** Where the client that moved went (the first street, or the second when it was there already). */
const MOVED_TO: Record<DemoCountryCode, readonly [string, string]> = {
  SE: ["Hamngatan", "Industrivägen"],
  FI: ["Satamakatu", "Teollisuuskatu"],
  NO: ["Havnegata", "Industriveien"],
  DK: ["Havnegade", "Industrivej"],
  NL: ["Havenstraat", "Industrieweg"],
};
const EU_COUNTRIES = new Set<DemoCountryCode>(["FI", "DK", "NL"]);

/** The org number as a person types it: the country's display form (dash or spaces) or bare. */
const orgAsWritten = (client: DemoClient, formatted: boolean): string =>
  formatted ? formatOrgNumber(client.countryCode, client.orgNumber) : client.orgNumber;

/** Another phone number of the same shape: the last two digits changed. */
function changedPhone(phone: string): string {
  const match = /(\d)(\d)$/.exec(phone);
  if (!match) return `${phone} 1`;
  const last2 = (Number(`${match[1]}${match[2]}`) + 37) % 100;
  return `${phone.slice(0, -2)}${String(last2).padStart(2, "0")}`;
}

function crmRecord(rng: Rng, index: number, client: DemoClient, formatted: boolean): CrmClientWire {
  const createdDay = REF_DAY - rng.int(200, 2400);
  const updatedDay = Math.min(REF_DAY - 1, createdDay + rng.int(0, 900));
  const created = rng.instant(createdDay);
  const updated = rng.instant(updatedDay);
  const identifiers: CrmExternalIdentifierWire[] = client.externalIdentifiers
    // The CRM's own ids are not external to it.
    .filter((e) => e.source !== "crm")
    .map((e, n) => ({
      id: crmIdOf(index) * 10 + n,
      created_at: created,
      updated_at: e.deletedAt ? e.deletedAt.toISOString() : created,
      external_id: e.externalId,
      type: e.source,
      deleted_at: e.deletedAt ? e.deletedAt.toISOString() : null,
    }));
  const slug = client.website ? new URL(client.website).hostname.replace(/^www\./, "").split(".")[0] : null;
  return {
    id: crmIdOf(index),
    created_at: created,
    updated_at: updated < created ? created : updated,
    corporate_name: client.name,
    acronym: client.acronym ?? null,
    email: client.email,
    notes: client.notes,
    website: client.website,
    linkedin: slug && client.clientType === ClientType.BUSINESS && rng.chance(0.4) ? `https://www.linkedin.com/company/${slug}` : null,
    description: null,
    street: client.street,
    zip_code: client.zipCode,
    town: client.city,
    country: rng.pick(CRM_COUNTRY_NAMES[client.countryCode]),
    vat: client.vatNumber,
    payment_condition: `${client.paymentTerms} days net`,
    group_company: null,
    sdi_code: null,
    pec: null,
    administration_email: client.administrationEmail,
    company_registration_number: orgAsWritten(client, formatted),
    legal_name: client.legalName,
    intent_code: null,
    intent_date: null,
    phone: client.phone,
    tax_reference: null,
    group_id: null,
    bank_account_id: null,
    vat_rate_id: null,
    payment_term_id: null,
    external_identifiers: identifiers,
    deleted_at: null,
  };
}

function customerType(client: DemoClient): InvoicingCustomerType {
  if (client.clientType === ClientType.INDIVIDUAL) return "individual";
  if (client.countryCode === "SE") return "swedish_business";
  return EU_COUNTRIES.has(client.countryCode) ? "eu_business" : "business";
}

const OPEN_STATUS: Record<string, "sent" | "partially_paid" | "overdue"> = { SENT: "sent", PARTIALLY_PAID: "partially_paid", OVERDUE: "overdue" };

/** Cents of a demo amount ("1234.50" -> 123450). */
const cents = (amount: string): number => {
  const [whole, fraction = "0"] = amount.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
};

function invoicingCustomer(rng: Rng, index: number, client: DemoClient, formatted: boolean, numbering: { next: number }): InvoicingCustomerWire {
  const createdDay = REF_DAY - rng.int(120, 1800);
  const updatedDay = Math.min(REF_DAY - 1, createdDay + rng.int(0, 400));
  const created = rng.instant(createdDay);
  const updated = rng.instant(updatedDay);
  const invoices: InvoicingInvoiceWire[] = [];
  const invoice = (status: string, totalCents: number, openCents: number, issueDay: number): void => {
    const number = numbering.next++;
    const year = isoDay(issueDay).slice(0, 4);
    invoices.push({
      id: `inv_${(0x10000 + number * 7919).toString(16)}`,
      invoice_number: `F${year}-${String(number).padStart(5, "0")}`,
      status,
      currency: client.currencyCode,
      total_amount: formatCents(totalCents),
      open_amount: formatCents(openCents),
      issue_date: isoDay(issueDay),
      due_date: isoDay(issueDay + client.paymentTerms),
    });
  };
  // The demo client's open invoices, as the invoicing system numbers them.
  for (const demo of client.invoices) {
    const status = OPEN_STATUS[demo.status];
    if (!status) continue;
    const issueDay = Date.parse(`${demo.issueDate}T00:00:00Z`) / DAY_MS;
    invoice(status, cents(demo.totalAmount), cents(demo.totalAmount) - cents(demo.paidAmount), issueDay);
  }
  // Some of its own: a recent one still open, older ones paid (not listed as open).
  if (invoices.length === 0 || rng.chance(0.4)) {
    const issueDay = REF_DAY - rng.int(1, 40);
    const total = rng.int(20, 2_000) * 500;
    const overdue = issueDay + client.paymentTerms < REF_DAY;
    const partly = rng.chance(0.25);
    invoice(overdue ? (partly ? "partially_paid" : "overdue") : partly ? "partially_paid" : "sent", total, partly ? total - rng.int(1, Math.max(1, total / 500 - 1)) * 100 : total, issueDay);
  }
  for (let n = rng.int(0, 2); n > 0; n--) {
    const total = rng.int(20, 2_000) * 500;
    invoice("paid", total, 0, REF_DAY - rng.int(60, 300));
  }
  const individual = client.clientType === ClientType.INDIVIDUAL;
  return {
    id: invoicingIdOf(index),
    name: client.name,
    customer_type: customerType(client),
    email: client.administrationEmail ?? client.email,
    // A personnummer is written as the Tax Agency does (YYYYMMDD-XXXX) or bare.
    org_number: orgAsWritten(client, formatted || individual),
    vat_number: client.vatNumber,
    vat_number_validated: client.vatNumber !== null,
    country: rng.chance(0.5) ? client.countryCode : INVOICING_COUNTRY_NAMES[client.countryCode],
    default_payment_terms: client.paymentTerms,
    archived_at: null,
    created_at: created,
    updated_at: updated < created ? created : updated,
    invoices,
  };
}

/** An American prospect the CRM has and nobody else: its country as a name. */
function americanCompany(rng: Rng, id: number): CrmClientWire {
  const created = rng.instant(REF_DAY - 45);
  return {
    id,
    created_at: created,
    updated_at: created,
    corporate_name: "Harborline Analytics",
    acronym: "HLA",
    email: "ap@harborline-analytics.com",
    notes: "Prospect from the Boston trade fair; wants Nordic factoring for its EU subsidiaries.",
    website: "https://www.harborline-analytics.com",
    linkedin: "https://www.linkedin.com/company/harborline-analytics",
    description: "Supply-chain analytics software",
    street: "Atlantic Avenue 300",
    zip_code: "02110",
    town: "Boston",
    country: "United States",
    vat: null,
    payment_condition: "30 days net",
    group_company: null,
    sdi_code: null,
    pec: null,
    administration_email: "billing@harborline-analytics.com",
    // An EIN: the gateway accepts any letters and digits outside the Nordics and the Netherlands.
    company_registration_number: "84-2716395",
    legal_name: "Harborline Analytics, Inc.",
    intent_code: null,
    intent_date: null,
    phone: "+1 617 555 0142",
    tax_reference: null,
    group_id: null,
    bank_account_id: null,
    vat_rate_id: null,
    payment_term_id: null,
    external_identifiers: [{ id: id * 10, created_at: created, updated_at: created, external_id: "0015g00000XyZ1AAI", type: "salesforce", deleted_at: null }],
    deleted_at: null,
  };
}

/** A Swedish VAT number with the embedded org number's check digit wrong: the shape is right, the checksum not. */
function withBadCheckDigit(vat: string): string {
  const digit = Number(vat[11]);
  return `${vat.slice(0, 11)}${(digit + 1) % 10}${vat.slice(12)}`;
}

/**
 * The simulated CRM's clients and invoicing system's customers, derived from the demo tenant's
 * data (the same count and seed as seed.ts, so they overlap the gateway's clients). Deterministic:
 * the same options give the same records.
 */
export function demoSourceData(options: DemoSourceDataOptions = {}): DemoSourceData {
  const count = options.demoClientCount ?? 200;
  const seed = options.seed ?? 1;
  const total = count + NEW_IN_CRM + NEW_IN_INVOICING_ONLY;
  // The first `count` equal the seeded clients (demo-data.ts: a longer run extends a shorter one).
  const clients = generateDemoClients(total, seed);
  const rng = new Rng((seed * 0x9e3779b1) ^ 0xc0ffee);
  const numbering = { next: 1 };

  const inCrm: boolean[] = [];
  const inInvoicing: boolean[] = [];
  for (let i = 0; i < count; i++) {
    // Sole traders are the invoicing system's: the CRM has no client type, and the gateway's checks
    // take a number without one for an organisationsnummer, so it would refuse their personnummer.
    inCrm.push(rng.chance(0.7) && clients[i].clientType === ClientType.BUSINESS);
    inInvoicing.push(rng.chance(inCrm[i] ? 0.4 : 0.3));
  }
  for (let i = count; i < total; i++) {
    const n = i - count;
    const business = clients[i].clientType === ClientType.BUSINESS;
    inCrm.push(n < NEW_IN_CRM && business);
    inInvoicing.push(n < NEW_IN_BOTH || n >= NEW_IN_CRM || !business);
  }

  const crm: CrmClientWire[] = [];
  const invoicing: InvoicingCustomerWire[] = [];
  for (let i = 0; i < total; i++) {
    const crmFormatted = rng.chance(0.8);
    if (inCrm[i]) {
      crm.push(crmRecord(rng, i, clients[i], crmFormatted));
    }
    // Where both systems have it, mostly written the other way in the invoicing system.
    if (inInvoicing[i]) invoicing.push(invoicingCustomer(rng, i, clients[i], inCrm[i] ? (rng.chance(0.7) ? !crmFormatted : crmFormatted) : rng.chance(0.5), numbering));
  }

  // The special cases, each on a different demo client the CRM has: businesses with a phone.
  const candidates = crm.filter((r) => {
    const index = Number(r.id) - 100_000;
    return index < count && clients[index].clientType === ClientType.BUSINESS;
  });
  const take = (ok: (record: CrmClientWire, index: number) => boolean): CrmClientWire => {
    const at = candidates.findIndex((r) => ok(r, Number(r.id) - 100_000));
    if (at < 0) throw new Error("demoSourceData: no demo client fits a special case (too few demo clients?)");
    return candidates.splice(at, 1)[0];
  };
  // Deleted in the CRM and in no other source, with no open invoice: the gateway archives it (an
  // open invoice would keep it, by the archive guard).
  const deleted = take((_, i) => !inInvoicing[i] && clients[i].invoices.every((invoice) => !OPEN_INVOICE_STATUSES.includes(invoice.status as InvoiceStatus)));
  deleted.deleted_at = rng.instant(REF_DAY - 12);
  deleted.updated_at = deleted.deleted_at;
  // A typo in the VAT number: SE + org number + 01 with the check digit off by one.
  const badVat = take((r, i) => !inInvoicing[i] && clients[i].countryCode === "SE" && typeof r.vat === "string");
  badVat.vat = withBadCheckDigit(badVat.vat as string);
  badVat.updated_at = rng.instant(REF_DAY - 20);
  const phones = [take((_, i) => inInvoicing[i]), take(() => true), take(() => true)].filter((r) => typeof r.phone === "string");
  for (const record of phones) {
    record.phone = changedPhone(record.phone as string);
    record.updated_at = rng.instant(REF_DAY - rng.int(2, 30));
  }
  const moved = take(() => true);
  const streets = MOVED_TO[clients[Number(moved.id) - 100_000].countryCode];
  moved.street = streets[0] === moved.street ? streets[1] : streets[0];
  moved.updated_at = rng.instant(REF_DAY - 5);

  const americanId = crmIdOf(total);
  crm.push(americanCompany(rng, americanId));

  return {
    crm,
    aptic: demoApticData(clients.slice(0, count), seed),
    invoicing,
    facts: {
      changedPhoneCrmIds: phones.map((r) => Number(r.id)),
      movedCrmId: Number(moved.id),
      deletedCrmId: Number(deleted.id),
      invalidVat: { crmId: Number(badVat.id), vat: badVat.vat as string },
      americanCrmId: americanId,
      newCrmIds: crm.map((r) => Number(r.id)).filter((id) => id - 100_000 >= count && id !== americanId),
      newInvoicingIds: invoicing.filter((c) => Number(c.id.slice(5)) > count).map((c) => c.id),
    },
  };
}
