/**
 * The source systems of bench/sync.ts, in a child process of their own so that their CPU and
 * memory are not the gateway's: a CRM simulator and an invoicing simulator per data set, filled
 * with records made from the demo generator (src/db/seed/demo-data.ts: realistic names, valid org
 * and VAT numbers of five countries, external identifiers). Driven over IPC (SourcesRequest).
 *
 * A data set of N: the CRM has N businesses; the invoicing system has the second half of them (by
 * org number, written with or without the country's dash/space) and N/2 customers of its own
 * (sole traders among them), so N in all, about 40% with open invoices.
 */
import { formatOrgNumber } from "../src/common/validation/checksums";
import { formatCents, generateDemoClients, type DemoClient } from "../src/db/seed/demo-data";
import { isoDay, REF_DAY, Rng } from "../src/sources/demo/demo-source-data";
import { ClientType } from "../src/modules/client/client.enums";
import { CrmSimulator } from "../src/sources/crm/simulator";
import type { CrmClientWire } from "../src/sources/crm/wire";
import { InvoicingSimulator } from "../src/sources/invoicing/simulator";
import type { InvoicingCustomerWire, InvoicingInvoiceWire } from "../src/sources/invoicing/wire";
import { apticDataset, ApticSimulator } from "../src/sources/aptic/simulator";
import { BENCH_APTIC_CLIENT, BENCH_APTIC_SECRET, BENCH_COMPANY, BENCH_TOKEN, type SourcesReply, type SourcesRequest } from "./sync-protocol";


const COUNTRY_NAMES: Record<string, string> = { SE: "Sweden", FI: "Finland", NO: "Norway", DK: "Denmark", NL: "Netherlands" };
const crmIdOf = (index: number) => 100_000 + index;
const invoicingIdOf = (index: number) => `CUST-${String(index + 1).padStart(6, "0")}`;

function crmRecord(rng: Rng, index: number, client: DemoClient): CrmClientWire {
  const createdDay = REF_DAY - rng.int(200, 2400);
  const created = rng.instant(createdDay);
  const updated = rng.instant(Math.min(REF_DAY - 1, createdDay + rng.int(0, 900)));
  return {
    id: crmIdOf(index),
    created_at: created,
    updated_at: updated < created ? created : updated,
    corporate_name: client.name,
    acronym: client.acronym ?? null,
    email: client.email,
    notes: client.notes,
    website: client.website,
    street: client.street,
    zip_code: client.zipCode,
    town: client.city,
    country: rng.chance(0.7) ? COUNTRY_NAMES[client.countryCode] : client.countryCode,
    vat: client.vatNumber,
    payment_condition: `${client.paymentTerms} days net`,
    administration_email: client.administrationEmail,
    company_registration_number: rng.chance(0.8) ? formatOrgNumber(client.countryCode, client.orgNumber) : client.orgNumber,
    legal_name: client.legalName,
    phone: client.phone,
    external_identifiers: client.externalIdentifiers
      .filter((e) => e.source !== "crm" && !e.deletedAt)
      .map((e, n) => ({ id: crmIdOf(index) * 10 + n, created_at: created, updated_at: created, external_id: e.externalId, type: e.source, deleted_at: null })),
    deleted_at: null,
  } as CrmClientWire;
}

function invoicingCustomer(rng: Rng, index: number, client: DemoClient, numbering: { next: number }): InvoicingCustomerWire {
  const createdDay = REF_DAY - rng.int(120, 1800);
  const created = rng.instant(createdDay);
  const updated = rng.instant(Math.min(REF_DAY - 1, createdDay + rng.int(0, 400)));
  const invoices: InvoicingInvoiceWire[] = [];
  const invoice = (status: string, totalCents: number, openCents: number, issueDay: number) => {
    const number = numbering.next++;
    invoices.push({
      id: `inv_${number.toString(16)}`,
      invoice_number: `F${isoDay(issueDay).slice(0, 4)}-${String(number).padStart(6, "0")}`,
      status,
      currency: client.currencyCode,
      total_amount: formatCents(totalCents),
      open_amount: formatCents(openCents),
      issue_date: isoDay(issueDay),
      due_date: isoDay(issueDay + client.paymentTerms),
    });
  };
  if (rng.chance(0.4)) {
    for (let n = rng.int(1, 3); n > 0; n--) {
      const total = rng.int(20, 2_000) * 500;
      const partly = rng.chance(0.25);
      invoice(rng.pick(["sent", "overdue", partly ? "partially_paid" : "sent"]), total, partly ? Math.floor(total / 2) : total, REF_DAY - rng.int(1, 60));
    }
  }
  for (let n = rng.int(0, 2); n > 0; n--) invoice("paid", rng.int(20, 2_000) * 500, 0, REF_DAY - rng.int(60, 300));
  const individual = client.clientType === ClientType.INDIVIDUAL;
  return {
    id: invoicingIdOf(index),
    name: client.name,
    customer_type: individual ? "individual" : client.countryCode === "SE" ? "swedish_business" : ["FI", "DK", "NL"].includes(client.countryCode) ? "eu_business" : "business",
    email: client.administrationEmail ?? client.email,
    org_number: individual || rng.chance(0.5) ? formatOrgNumber(client.countryCode, client.orgNumber) : client.orgNumber,
    vat_number: client.vatNumber,
    vat_number_validated: client.vatNumber !== null,
    country: rng.chance(0.5) ? client.countryCode : COUNTRY_NAMES[client.countryCode],
    default_payment_terms: client.paymentTerms,
    archived_at: null,
    created_at: created,
    updated_at: updated < created ? created : updated,
    invoices,
  } as InvoicingCustomerWire;
}

interface DataSet {
  crm: CrmSimulator;
  invoicing: InvoicingSimulator;
  rng: Rng;
}

export function makeRecords(records: number, seed: number): { crm: CrmClientWire[]; invoicing: InvoicingCustomerWire[]; overlap: number } {
  const half = Math.floor(records / 2);
  // Sole traders are about a tenth of the generator's clients; generate enough for both sets.
  const clients = generateDemoClients(Math.ceil((records + half) * 1.2) + 100, seed);
  const rng = new Rng(seed * 7919 + 1);
  const crm: CrmClientWire[] = [];
  const invoicing: InvoicingCustomerWire[] = [];
  const numbering = { next: 1 };
  const inCrm = new Set<number>();
  for (let i = 0; i < clients.length && crm.length < records; i++) {
    if (clients[i].clientType !== ClientType.BUSINESS) continue;
    inCrm.add(i);
    crm.push(crmRecord(rng, i, clients[i]));
  }
  // The second half of the CRM's clients, then clients only the invoicing system has.
  for (const record of crm.slice(crm.length - half)) {
    const i = Number(record.id) - 100_000;
    invoicing.push(invoicingCustomer(rng, i, clients[i], numbering));
  }
  for (let i = 0; i < clients.length && invoicing.length < records; i++) {
    if (!inCrm.has(i)) invoicing.push(invoicingCustomer(rng, i, clients[i], numbering));
  }
  if (crm.length < records || invoicing.length < records) throw new Error("bench: the demo generator gave too few clients");
  return { crm, invoicing, overlap: half };
}

async function main(): Promise<void> {
  if (!process.send) throw new Error("Run me through bench/sync.ts (I need an IPC channel)");
  const send = (reply: SourcesReply) => process.send!(reply);
  const sets = new Map<string, DataSet>();
  const aptics = new Map<string, ApticSimulator>();
  const apticLatency = new Map<string, number>();
  process.on("message", (request: SourcesRequest) => {
    void (async () => {
      switch (request.type) {
        case "start": {
          const data = makeRecords(request.records, request.seed);
          // The simulators sort their whole list on every page; given in that order, the sort is linear.
          data.crm.sort((a, b) => Number(a.id) - Number(b.id));
          data.invoicing.sort((a, b) => String(a.created_at ?? "").localeCompare(String(b.created_at ?? "")) || a.id.localeCompare(b.id));
          const crm = await CrmSimulator.start({ token: BENCH_TOKEN, companyId: BENCH_COMPANY, records: data.crm });
          const invoicing = await InvoicingSimulator.start({ token: BENCH_TOKEN, companyId: BENCH_COMPANY, customers: data.invoicing });
          sets.set(request.set, { crm, invoicing, rng: new Rng(request.seed + 17) });
          const openInvoices = data.invoicing.reduce((n, c) => n + (c.invoices ?? []).filter((i) => ["sent", "overdue", "partially_paid"].includes(String(i.status))).length, 0);
          send({ type: "started", set: request.set, crmUrl: crm.url, invoicingUrl: invoicing.url, crm: data.crm.length, invoicing: data.invoicing.length, openInvoices, overlap: data.overlap });
          break;
        }
        case "change": {
          const set = sets.get(request.set)!;
          const now = new Date().toISOString();
          let crm = 0;
          let invoicing = 0;
          // In place: upsert() would search the list for each record.
          for (const record of set.crm.records) {
            if (!set.rng.chance(request.fraction)) continue;
            record.phone = `+46 8 ${set.rng.int(100, 999)} ${set.rng.int(10, 99)} ${set.rng.int(10, 99)}`;
            record.updated_at = now;
            crm++;
          }
          for (const customer of set.invoicing.customers) {
            if (!set.rng.chance(request.fraction)) continue;
            customer.email = `changed${set.rng.int(1, 1e6)}@${String(customer.email ?? "x@example.com").split("@")[1]}`;
            customer.updated_at = now;
            invoicing++;
          }
          send({ type: "changed", set: request.set, crm, invoicing });
          break;
        }
        case "start-aptic": {
          const clients = apticDataset({ count: request.clients, seed: request.seed });
          // Tokens that live an hour: the run needs one (a test covers the expiry).
          const sim = await ApticSimulator.start({ oauth2: { clientId: BENCH_APTIC_CLIENT, clientSecret: BENCH_APTIC_SECRET }, clients });
          // A source's own time per request (a remote API's network and work), played on every answer.
          apticLatency.set(request.set, request.latencyMs);
          if (request.latencyMs > 0) sim.server.fault({ delayMs: request.latencyMs, times: Infinity });
          // The simulator's own request log would grow by some 12 entries a client: it is cleared at each count.
          aptics.set(request.set, sim);
          const transactions = clients.reduce((n, c) => n + (c.factoringLoanContract ? (c.factoringLoanTransactions?.length ?? 0) : 0), 0);
          send({ type: "aptic-started", set: request.set, url: sim.url, tokenUrl: sim.tokenUrl, clients: clients.length, transactions });
          break;
        }
        case "aptic-requests": {
          const sim = aptics.get(request.set)!;
          send({ type: "aptic-requests", set: request.set, requests: sim.server.requests.length, maxInFlight: sim.server.maxInFlight });
          sim.server.reset();
          const latencyMs = apticLatency.get(request.set) ?? 0;
          if (latencyMs > 0) sim.server.fault({ delayMs: latencyMs, times: Infinity });
          break;
        }
        case "cpu": {
          const used = process.cpuUsage();
          send({ type: "cpu", userMs: used.user / 1000, systemMs: used.system / 1000, rssMb: process.memoryUsage.rss() / 2 ** 20 });
          break;
        }
        case "stop":
          for (const set of sets.values()) await Promise.all([set.crm.close(), set.invoicing.close()]);
          for (const sim of aptics.values()) await sim.close();
          send({ type: "stopped" });
          process.disconnect();
          break;
      }
    })().catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
  process.on("disconnect", () => setTimeout(() => process.exit(0), 1_000).unref());
}

if (require.main === module) void main();
