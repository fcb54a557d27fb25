import type { FollowUp, MutationEnvironment } from "../../common/mutation/pipeline";
import { findForUpdate, updateReturning } from "../../db/write";
import type { VatCheckOutcome } from "../../integrations/vies/vies-client";
import { Client } from "./client.entity";
import { ClientType } from "./client.enums";
import { recordChange } from "./client.mutations";

/** The countries VIES answers for: the 27 EU members and Northern Ireland (XI). */
export const VIES_COUNTRIES: ReadonlySet<string> = new Set([
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "GR", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT",
  "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
]);

/** How many VIES calls one mutation makes at a time (a bulk create of 50 is 10 rounds at worst). */
export const CONCURRENT_VAT_CHECKS = 5;

/** An EU business with a VAT number that VIES has not confirmed yet. */
export const needsVatCheck = (client: Client): boolean =>
  client.clientType === ClientType.BUSINESS && !!client.vatNumber && !!client.countryCode && VIES_COUNTRIES.has(client.countryCode) && !client.vatNumberValidated;

async function checkAll(clients: Client[], environment: MutationEnvironment): Promise<VatCheckOutcome[]> {
  const outcomes: VatCheckOutcome[] = new Array(clients.length);
  let next = 0;
  const worker = async () => {
    while (next < clients.length) {
      const i = next++;
      outcomes[i] = await environment.vatChecker.check(clients[i].countryCode!, clients[i].vatNumber!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_VAT_CHECKS, clients.length) }, worker));
  return outcomes;
}

/**
 * The VIES check after commit (API.md, VAT validation): the calls run with no transaction open;
 * an invalid number, a timeout or an outage leaves vatNumberValidated false and fails nothing. A
 * confirmed number is recorded (vatNumberValidated, vatNumberValidatedAt) in a short transaction
 * of its own, unless the client's VAT number changed meanwhile. Resolves to the clients as they
 * are afterwards, in the same order.
 */
export async function vatFollowUp(clients: Client[], environment: MutationEnvironment): Promise<FollowUp<Client[]> | undefined> {
  const candidates = clients.filter(needsVatCheck);
  if (candidates.length === 0) return undefined;
  const outcomes = await checkAll(candidates, environment);
  const confirmed = new Map<string, Date>();
  candidates.forEach((client, i) => {
    const outcome = outcomes[i];
    if (outcome.status === "VALID") confirmed.set(client.id, outcome.checkedAt);
  });
  if (confirmed.size === 0) return undefined;
  return {
    async apply(scope) {
      const updated = new Map<string, Client>();
      for (const [id, checkedAt] of confirmed) {
        const before = await findForUpdate(scope.tx, Client, id);
        const checked = candidates.find((client) => client.id === id)!;
        if (!before || before.vatNumber !== checked.vatNumber || before.vatNumberValidated) continue;
        const after = await updateReturning(scope.tx, Client, id, { vatNumberValidated: true, vatNumberValidatedAt: checkedAt });
        recordChange(scope, before, after);
        updated.set(id, after);
      }
      return clients.map((client) => updated.get(client.id) ?? client);
    },
  };
}
