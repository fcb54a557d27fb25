import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { badUserInput } from "../../common/errors";
import { MutationControls } from "../../common/mutation/mutation-controls";
import { MutationError } from "../../common/mutation/mutation-error";
import type { MutationEnvironment, MutationOutcome } from "../../common/mutation/pipeline";
import { runMutation } from "../../common/mutation/pipeline";
import { lazyPage } from "../../common/pagination/page";
import { PageInfo } from "../../common/pagination/page-info";
import { assertPageSize } from "../../common/pagination/page-size";
import { databaseField, NoArgs } from "../../common/prefetch";
import { URLScalar } from "../../common/scalars";
import { isBigintId } from "../../common/validation/checksums";
import type { RequestContext } from "../../context";
import { entityColumns, queryEntities } from "../../db/hydrate";
import { ClientChangeKind } from "../change-feed/feed";
import { WebhookDelivery, WebhookSubscription } from "./webhook.entity";
import { CreatedSubscription, webhookMutations, WEBHOOKS_SCOPE } from "./webhook.mutations";

@InputType({ description: "A webhook: where to POST the changes, and which kinds" })
class CreateWebhookSubscriptionInput {
  @Field(() => URLScalar, { description: "http or https; in production not a loopback, link-local or private address unless configured (WEBHOOK_ALLOWED_HOSTS, WEBHOOK_ALLOW_PRIVATE)" })
  url: URL;

  @Field(() => [ClientChangeKind], { nullable: true, description: "The kinds to send; null or empty: every kind" })
  kinds?: ClientChangeKind[] | null;
}

@ArgsType()
class CreateWebhookSubscriptionArgs extends MutationControls {
  @Field(() => CreateWebhookSubscriptionInput, { description: "The subscription to create: endpoint URL and the kinds of change to send" })
  input: CreateWebhookSubscriptionInput;
}

@ArgsType()
class WebhookSubscriptionIdArgs extends MutationControls {
  @Field(() => ID, { description: "The webhook subscription's id" })
  id: string;
}

@ObjectType({ description: "The outcome of a webhook-subscription mutation" })
export class WebhookSubscriptionPayload {
  @Field(() => WebhookSubscription, { nullable: true, description: "The subscription as committed (as it was, for deleteWebhookSubscription); null on error and in a dry run" })
  subscription: WebhookSubscription | null;

  @Field(() => String, {
    nullable: true,
    description: "The signing secret, shown once: in the answer of the createWebhookSubscription call that made it. Null on replay (the stored answer never holds it), in a dry run, on error and for deletes",
  })
  signingSecret: string | null;

  @Field(() => MutationError, { nullable: true, description: "Null on success" })
  error: MutationError | null;

  @Field(() => Boolean, { description: "True when nothing was saved (dryRun: true was asked)" })
  dryRun: boolean;

  @Field(() => Boolean, { description: "This is the stored answer of an earlier call with the same idempotency key" })
  replayed: boolean;
}

function payload(outcome: MutationOutcome<CreatedSubscription>): WebhookSubscriptionPayload {
  const shown = !outcome.dryRun && !outcome.error && outcome.result !== null;
  return {
    subscription: shown ? outcome.result!.subscription : null,
    signingSecret: shown && !outcome.replayed ? outcome.result!.signingSecret : null,
    error: outcome.error,
    dryRun: outcome.dryRun,
    replayed: outcome.replayed,
  };
}

@ObjectType({ description: "A delivery and its cursor" })
class WebhookDeliveryEdge {
  @Field({ description: "Opaque cursor of this item: pass it as after to read the items that follow it" }) cursor: string;
  @Field(() => WebhookDelivery, { description: "The item" }) node: WebhookDelivery;
}

@ObjectType({ description: "A page of a webhook's deliveries, newest first" })
class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge], { description: "The page's items, each with its cursor" }) edges: WebhookDeliveryEdge[];
  @Field(() => [WebhookDelivery], { description: "The page's items, in order, without cursors" }) nodes: WebhookDelivery[];
  @Field(() => PageInfo, { description: "Whether more items follow or precede, and the cursors at the page's ends" }) pageInfo: PageInfo;
}

const loadSubscriptions = databaseField("Query", "webhookSubscriptions", async (_root: unknown, _args: NoArgs, ctx): Promise<WebhookSubscription[]> => {
  const manager = await ctx.session.manager();
  return queryEntities(manager, WebhookSubscription, `SELECT ${entityColumns(manager, WebhookSubscription, "s")} FROM "webhook_subscription" s WHERE s."tenant_id" = $1 ORDER BY s."id"`, [
    ctx.session.tenantId,
  ]);
});

const loadDeliveries = databaseField(
  "WebhookSubscription",
  "deliveries",
  async (subscription: WebhookSubscription, { first, after }: { first?: number | null; after?: string | null }, ctx): Promise<WebhookDeliveryConnection> => {
    const size = assertPageSize(first ?? 20, 100);
    let before: string | null = null;
    if (after != null) {
      const [tag, id] = ctx.cursors.decode(after, 2);
      if (tag !== "delivery" || typeof id !== "string" || !isBigintId(id)) throw badUserInput('"after" is not a cursor of this list', "after");
      before = id;
    }
    const manager = await ctx.session.manager();
    // One statement a subscription: a company has a handful of them, and this is an admin's read.
    const rows = await queryEntities(
      manager,
      WebhookDelivery,
      `SELECT ${entityColumns(manager, WebhookDelivery, "d")} FROM "webhook_delivery" d
        WHERE d."tenant_id" = $1 AND d."subscription_id" = $2 AND ($3::bigint IS NULL OR d."id" < $3::bigint)
        ORDER BY d."id" DESC LIMIT $4`,
      [ctx.session.tenantId, subscription.id, before, size + 1],
    );
    return lazyPage(rows.slice(0, size), (row) => ctx.cursors.encode(["delivery", row.id]), { hasNextPage: rows.length > size, hasPreviousPage: before !== null });
  },
);

@ArgsType()
class DeliveriesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: "At most 100" })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of a delivery: the page starts after it; null for the newest first page" })
  after?: string | null;
}

/** Reading webhooks: webhooks:admin, as managing them (a subscription's URL and deliveries are the integration's, not a client's). */
@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionResolver {
  @Authorized(WEBHOOKS_SCOPE)
  @Query(() => [WebhookSubscription], { description: "The company's webhook subscriptions, oldest first. Needs webhooks:admin." })
  webhookSubscriptions(@Ctx() ctx: RequestContext): Promise<WebhookSubscription[]> {
    return loadSubscriptions(undefined, {}, ctx);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: "What was sent, newest first: status, attempts, the last error (a short summary, never a response body)" })
  deliveries(
    @Root() subscription: WebhookSubscription,
    @Ctx() ctx: RequestContext,
    @Args(() => DeliveriesArgs) { first, after }: DeliveriesArgs,
  ): Promise<WebhookDeliveryConnection> {
    return loadDeliveries(subscription, { first, after }, ctx);
  }
}

/** Managing webhooks: each one call of the mutation pipeline, with the scope webhooks:admin. */
@Resolver()
export class WebhookMutationResolver {
  @Mutation(() => WebhookSubscriptionPayload, {
    description:
      "Subscribes a URL to the company's client changes (POSTed, signed with the secret this answer shows once; a replay of the call does not show it again). Needs webhooks:admin.",
  })
  async createWebhookSubscription(@Args() { idempotencyKey, dryRun, ...args }: CreateWebhookSubscriptionArgs, @Ctx() ctx: RequestContext): Promise<WebhookSubscriptionPayload> {
    return payload(await runMutation(ctx, specs(ctx).createWebhookSubscription, { args: { ...args, createdBy: ctx.caller.subject }, idempotencyKey, dryRun }));
  }

  @Mutation(() => WebhookSubscriptionPayload, { description: "Deletes a webhook subscription and its deliveries: nothing more is sent. Needs webhooks:admin." })
  async deleteWebhookSubscription(@Args() { idempotencyKey, dryRun, ...args }: WebhookSubscriptionIdArgs, @Ctx() ctx: RequestContext): Promise<WebhookSubscriptionPayload> {
    return payload(await runMutation(ctx, specs(ctx).deleteWebhookSubscription, { args, idempotencyKey, dryRun }));
  }
}

const made = new WeakMap<MutationEnvironment, ReturnType<typeof webhookMutations>>();
function specs(ctx: RequestContext): ReturnType<typeof webhookMutations> {
  let found = made.get(ctx.mutations);
  if (!found) made.set(ctx.mutations, (found = webhookMutations(ctx.mutations)));
  return found;
}
