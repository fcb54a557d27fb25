import type { DataSource } from "typeorm";
import { fail, invalidData, MutationErrorCode, MutationFailure } from "../../common/mutation/mutation-error";
import type { MutationEnvironment, MutationSpec } from "../../common/mutation/pipeline";
import { fromSnapshot, snapshotOf } from "../../db/snapshot";
import { findForUpdate, insertReturning } from "../../db/write";
import type { ClientChangeKind } from "../change-feed/feed";
import { resolveTarget, urlProblem, WebhookAddressRefused } from "./address-guard";
import { newSigningSecret } from "./signature";
import { WebhookSubscription } from "./webhook.entity";

/** The scope that creates, lists and deletes webhooks: a subscription reads every client's changes, and holds a secret. */
export const WEBHOOKS_SCOPE = "webhooks:admin";

export interface CreateWebhookSubscriptionArgs {
  input: { url: URL | string; kinds?: ClientChangeKind[] | null };
  createdBy: string;
}
export interface WebhookSubscriptionIdArgs {
  id: string;
}

/** A created subscription and its secret; the secret is never stored with the payload, so a replay has none. */
export interface CreatedSubscription {
  subscription: WebhookSubscription;
  signingSecret: string | null;
}

/** What is kept for replay: the columns but the sealed secret and the feed position. */
function subscriptionStore(dataSource: DataSource) {
  return {
    serialise: (subscription: WebhookSubscription) => {
      const { secret: _sealed, feedSeq: _seq, feedId: _id, ...kept } = snapshotOf(dataSource, WebhookSubscription, subscription);
      return kept;
    },
    restore: (stored: unknown) => Object.assign(fromSnapshot(dataSource, WebhookSubscription, stored as Record<string, unknown>), { secret: "", feedSeq: null, feedId: null }),
  };
}

/**
 * Webhook subscriptions as specs of the one pipeline, with the scope webhooks:admin. Not audited:
 * the audit trail is a client's history, and a subscription belongs to no client.
 */
export function webhookMutations(environment: MutationEnvironment) {
  const cipher = environment.credentials;
  const store = subscriptionStore(environment.dataSource);

  const createWebhookSubscription: MutationSpec<CreateWebhookSubscriptionArgs, CreatedSubscription> = {
    name: "createWebhookSubscription",
    scope: WEBHOOKS_SCOPE,
    fingerprint: ({ input }) => ({ url: String(input.url), kinds: input.kinds ?? null }),
    validate: ({ input }) => {
      const problem = urlProblem(String(input.url));
      return problem ? [{ field: "input.url", message: problem }] : [];
    },
    async change(scope, { input, createdBy }) {
      const url = String(input.url);
      // Checked against what the name resolves to now; checked again at every delivery.
      try {
        await resolveTarget(url, environment.webhookPolicy);
      } catch (error) {
        if (error instanceof WebhookAddressRefused) throw new MutationFailure(invalidData([{ field: "input.url", message: error.message }]));
        throw error;
      }
      const secret = newSigningSecret();
      const kinds = input.kinds && input.kinds.length > 0 ? [...new Set(input.kinds)] : null;
      // A new subscription starts at the feed's end (what this transaction sees committed): it
      // gets the changes committed after it, which take a higher seq (src/modules/change-feed/feed.ts).
      const [end] = (await scope.tx.query(
        `SELECT c.seq::text AS seq, (SELECT max(ch.id) FROM client_change ch WHERE ch.tenant_id = c.tenant_id AND ch.xact = c.xact)::text AS id
           FROM client_change_commit c WHERE c.tenant_id = $1 AND c.seq IS NOT NULL ORDER BY c.seq DESC LIMIT 1`,
        [scope.tenantId],
      )) as { seq: string; id: string | null }[];
      const subscription = await insertReturning(scope.tx, WebhookSubscription, {
        tenantId: scope.tenantId,
        url,
        kinds,
        // The cipher seals source credentials; the secret goes in as an API key of that shape.
        secret: cipher.encrypt({ apiKey: secret }),
        createdBy,
        feedSeq: end?.seq ?? null,
        feedId: end ? (end.id ?? "0") : null,
      });
      return { subscription, signingSecret: secret };
    },
    serialise: (result) => ({ subscription: store.serialise(result.subscription) }),
    restore: (stored) => ({ subscription: store.restore((stored as { subscription: unknown }).subscription), signingSecret: null }),
  };

  const deleteWebhookSubscription: MutationSpec<WebhookSubscriptionIdArgs, CreatedSubscription> = {
    name: "deleteWebhookSubscription",
    scope: WEBHOOKS_SCOPE,
    fingerprint: (args) => args,
    validate: () => [],
    async change(scope, { id }) {
      const before = await findForUpdate(scope.tx, WebhookSubscription, id);
      if (!before) throw fail(MutationErrorCode.NOT_FOUND, "No webhook subscription with this id");
      // Its deliveries go with it (FK cascade): nothing more is sent.
      await scope.tx.query(`DELETE FROM webhook_subscription WHERE id = $1`, [before.id]);
      return { subscription: before, signingSecret: null };
    },
    serialise: (result) => ({ subscription: store.serialise(result.subscription) }),
    restore: (stored) => ({ subscription: store.restore((stored as { subscription: unknown }).subscription), signingSecret: null }),
  };

  return { createWebhookSubscription, deleteWebhookSubscription };
}

/** Opens a subscription's sealed secret (for signing). */
export function signingSecretOf(environment: Pick<MutationEnvironment, "credentials">, sealed: string): string {
  const opened = environment.credentials.decrypt(sealed).apiKey;
  if (!opened) throw new Error("A webhook subscription's sealed secret holds no key");
  return opened;
}
