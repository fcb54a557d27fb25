import { formatOrgNumber } from "../../common/validation/checksums";
import { ClientType } from "../../modules/client/client.enums";
import type { DemoClient } from "../../db/seed/demo-data";
import { apticDataset, type ApticSimClient } from "../aptic/simulator";

/**
 * What the simulated Aptic (factoring platform) holds in development: the simulator's own
 * deterministic dataset (src/sources/aptic/dataset.ts), of which the first clients are made some
 * of the seeded demo tenant's businesses (their org number, country, VAT number and legal name, so
 * that a sync reconciles them onto the gateway's clients and gives them their factoring data), and
 * the rest companies the gateway doesn't have yet (a sync creates them).
 */

/** Every how many-th seeded business Aptic has. */
const EVERY = 4;
/** Companies only Aptic has. */
export const DEMO_APTIC_NEW_COUNT = 10;

export interface DemoApticData {
  clients: ApticSimClient[];
  /** Indexes (in the seeded demo data) of the demo clients Aptic has. */
  matchedIndexes: number[];
}

export function demoApticData(seeded: readonly DemoClient[], seed = 1): DemoApticData {
  const matchedIndexes = seeded.flatMap((client, index) => (index % EVERY === 1 && client.clientType === ClientType.BUSINESS ? [index] : []));
  // Seed 9 on: the Aptic dataset's own org numbers, apart from the demo generator's. Its clients
  // cycle through the five countries: five times as many as needed give one of each demo client's
  // country (its legal forms, bank accounts and locale fit it), and companies of Aptic's own.
  const pool = apticDataset({ count: (matchedIndexes.length + DEMO_APTIC_NEW_COUNT) * 5, seed: seed + 8 });
  const used = new Set<number>();
  const take = (fits: (client: ApticSimClient) => boolean): ApticSimClient => {
    const at = pool.findIndex((client, i) => !used.has(i) && fits(client));
    used.add(at);
    return pool[at];
  };
  const clients = matchedIndexes.map((index) => {
    const demo = seeded[index];
    const aptic = take((client) => client.client.countryCode === demo.countryCode);
    aptic.client = {
      ...aptic.client,
      // As the platform writes it: with the country's dash or space.
      idNumber: formatOrgNumber(demo.countryCode, demo.orgNumber),
      vatNumber: demo.vatNumber,
      fullName: demo.legalName,
    };
    return aptic;
  });
  for (let i = 0; i < DEMO_APTIC_NEW_COUNT; i++) clients.push(take(() => true));
  return { clients, matchedIndexes };
}
