/**
 * What the simulated credit-data provider holds in development: derived from the demo tenant's own
 * data (src/db/seed/demo-data.ts), so that a sync reconciles it onto the seeded clients by org
 * number and shows their credit limits, ratings and acts with data points.
 *
 * - The account's portfolio (listed): most of the demo businesses, with the seed's credit limit
 *   (a few raised, a few ratings changed: the sync updates them) and the seed's financial
 *   statements as acts (the seeded acts are taken over by period, not doubled).
 * - The provider's register (not listed, found by a lookup by org number): some businesses the
 *   simulated CRM has (src/sources/demo/demo-source-data.ts) that the portfolio lacks.
 * - Sole traders are left out (a personnummer is not a company the provider rates).
 * - Deterministic: seeded and relative to DEMO_REFERENCE_DATE, like the other demo sources.
 */
import { formatOrgNumber } from "../../common/validation/checksums";
import { ClientType } from "../../modules/client/client.enums";
import { formatCents, generateDemoClients, type DemoAct, type DemoClient } from "../../db/seed/demo-data";
import type { CreditDataSimClient } from "../credit-data/simulator";
import type { CreditDataActWire, CreditDataPointWire } from "../credit-data/wire";
import { crmIdOf, demoSourceData, REF_DAY, Rng, type DemoSourceDataOptions } from "./demo-source-data";

export interface DemoCreditData {
  clients: CreditDataSimClient[];
  facts: {
    /** Ids of the portfolio's clients (listed). */
    listedIds: string[];
    /** Ids of the register's clients a lookup by org number finds (all known to the CRM). */
    lookupOnlyIds: string[];
    /** Listed clients whose credit limit is above the seed's. */
    raisedLimitIds: string[];
  };
}

/** The provider's id of the demo client at `index`. */
export const creditDataIdOf = (index: number): string => `CD-${String(index + 1).padStart(6, "0")}`;

const RATINGS = ["AAA", "AA", "A", "BBB", "BB", "B", "C"] as const;

const cents = (amount: string): number => {
  const [whole, fraction = "0"] = amount.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2)) * (whole.startsWith("-") ? -1 : 1);
};

function actOf(index: number, act: DemoAct): CreditDataActWire {
  const money = (code: string, label: string, value: string | null): CreditDataPointWire[] => (value === null ? [] : [{ code, label, value, unit: act.currencyCode }]);
  return {
    id: `ACT-${index + 1}-${act.periodEnd.slice(0, 4)}`,
    period_start: act.periodStart,
    period_end: act.periodEnd,
    published_at: act.publishedAt ? act.publishedAt.toISOString() : null,
    data_points: [
      ...money("REVENUE", "Net sales", act.revenue),
      ...money("NET_RESULT", "Net result", act.result),
      ...money("EQUITY", "Equity", act.equity),
      ...money("TOTAL_ASSETS", "Total assets", act.totalAssets),
      ...(act.employees === null ? [] : [{ code: "EMPLOYEES", label: "Employees", value: String(act.employees), unit: "COUNT" }]),
      ...act.dataPoints.map((p) => ({ code: p.code, label: p.label, value: p.value, unit: p.code === "EBITDA" ? act.currencyCode : p.value === null ? null : "PERCENT" })),
    ],
  };
}

function record(rng: Rng, index: number, client: DemoClient, monitored: boolean, raise: boolean, rerate: boolean): CreditDataSimClient {
  const created = rng.instant(REF_DAY - rng.int(300, 2000));
  const updated = rng.instant(REF_DAY - rng.int(1, 250));
  const rating = rerate ? RATINGS[Math.min(RATINGS.length - 1, RATINGS.indexOf(client.rating) + 1)] : client.rating;
  return {
    id: creditDataIdOf(index),
    company_name: client.legalName,
    org_number: rng.chance(0.5) ? formatOrgNumber(client.countryCode, client.orgNumber) : client.orgNumber,
    country: client.countryCode,
    // A quarter more, in whole units: integer cents throughout, never a float.
    credit_limit: raise ? formatCents(cents(client.creditLimit) + (cents(client.creditLimit) - (cents(client.creditLimit) % 400)) / 4) : client.creditLimit,
    credit_limit_currency: client.creditLimitCurrency,
    rating,
    contact_name: client.contactPerson,
    email: client.email,
    phone: client.phone,
    created_at: created,
    updated_at: updated < created ? created : updated,
    acts: client.acts.map((act) => actOf(index, act)),
    monitored,
  };
}

/** The simulated provider's clients, derived from the demo tenant's (the same count and seed as seed.ts). Deterministic. */
export function demoCreditData(options: DemoSourceDataOptions = {}): DemoCreditData {
  const count = options.demoClientCount ?? 200;
  const seed = options.seed ?? 1;
  const clients = generateDemoClients(count, seed);
  const inCrm = new Set(demoSourceData(options).crm.map((r) => Number(r.id)));
  const rng = new Rng((seed * 0x2545f491) ^ 0xc7ed17);
  const out: CreditDataSimClient[] = [];
  const facts: DemoCreditData["facts"] = { listedIds: [], lookupOnlyIds: [], raisedLimitIds: [] };
  clients.forEach((client, index) => {
    if (client.clientType !== ClientType.BUSINESS) return;
    const listed = rng.chance(0.65);
    const lookupOnly = !listed && inCrm.has(crmIdOf(index)) && rng.chance(0.6);
    if (!listed && !lookupOnly) return;
    const raise = listed && rng.chance(0.1);
    const next = record(rng, index, client, listed, raise, listed && !raise && rng.chance(0.05));
    out.push(next);
    (listed ? facts.listedIds : facts.lookupOnlyIds).push(String(next.id));
    if (raise) facts.raisedLimitIds.push(String(next.id));
  });
  return { clients: out, facts };
}
