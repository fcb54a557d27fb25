import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { MutationControls, specsPerServer } from "../../common/mutation/mutation-controls";
import { MutationError, mutationError, MutationErrorCode } from "../../common/mutation/mutation-error";
import { MutationOutcome, runMutation } from "../../common/mutation/pipeline";
import { databaseField, NoArgs } from "../../common/prefetch";
import { JSONScalar, UUID } from "../../common/scalars";
import { isBigintId } from "../../common/validation/checksums";
import { entityColumns, queryEntities } from "../../db/hydrate";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { clientById } from "../client/client.loaders";
import { ActionRunError, ActionRunStatus, ClientActionRun } from "./client-action-run.entity";
import { clientActionMutations, InvokeArgs, InvokeResult, MAX_ACTION_INPUT_BYTES } from "./client-action.mutations";

@ArgsType()
class ActionCallArgs extends MutationControls {
  @Field(() => String, { description: "The service definition to invoke (1..200 characters), as the factoring platform names it" })
  serviceDefinition: string;

  @Field(() => JSONScalar, { nullable: true, description: `The JSON body sent to the action (at most ${MAX_ACTION_INPUT_BYTES} bytes); {} when left out` })
  input?: unknown;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Run it on the gateway's job queue (and ask the source to run it asynchronously): the payload's run is QUEUED, poll clientActionRun(id)" })
  async: boolean | null;
}

@ArgsType()
class InvokeClientActionArgs extends ActionCallArgs {
  @Field(() => ID, { nullable: true, description: "The client (or clientUniqueId, not both)" })
  clientId?: string | null;

  @Field(() => UUID, { nullable: true, description: "The client by its uniqueId (or clientId, not both)" })
  clientUniqueId?: string | null;
}

@ArgsType()
class InvokeActionArgs extends ActionCallArgs {
  @Field(() => ID, { nullable: true, description: "The Aptic source system to call, when the company has several" })
  sourceId?: string | null;
}

@ObjectType({ description: "What a dry run checked: where the call would go (nothing was sent)" })
class ClientActionPreview {
  @Field(() => String, { description: "The service definition it would invoke" })
  serviceDefinition: string;

  @Field(() => Boolean, { description: "Whether it would run on the job queue" })
  async: boolean;

  @Field(() => ID, { nullable: true, description: "The client it would act on (null: a global action)" })
  clientId: string | null;

  @Field(() => ID, { nullable: true, description: "The Aptic source system it would go to" })
  sourceId: string | null;
}

@ObjectType({ description: "The outcome of invokeClientAction or invokeAction" })
class ClientActionPayload {
  @Field(() => ClientActionRun, { nullable: true, description: "The run: SUCCEEDED or FAILED for a sync call, QUEUED for an async one; null on a refusal and in a dry run" })
  run: ClientActionRun | null;

  @Field(() => ClientActionPreview, { nullable: true, description: "Dry run only: where the call would go" })
  preview: ClientActionPreview | null;

  @Field(() => MutationError, {
    nullable: true,
    description: "Null on success. A sync call the source refused: SOURCE_ERROR (or SOURCE_UNAVAILABLE), with the source's status and redacted problem in the message; the run says the same",
  })
  error: MutationError | null;

  @Field(() => Boolean, { description: "Whether this was a dry run (nothing sent, nothing stored)" })
  dryRun: boolean;

  @Field(() => Boolean, { description: "This is the stored answer of an earlier call with the same idempotency key (the action was not sent again)" })
  replayed: boolean;
}

/** A sync call's failed run is the payload's error too (derived, so that a replay answers the same). */
function payloadOf(outcome: MutationOutcome<InvokeResult>): ClientActionPayload {
  const run = outcome.result?.run ?? null;
  const ok = run && !outcome.error ? run : null;
  const failed = ok && !ok.async && ok.status === ActionRunStatus.FAILED;
  const code = ok?.errorCode === "SOURCE_UNAVAILABLE" ? MutationErrorCode.SOURCE_UNAVAILABLE : MutationErrorCode.SOURCE_ERROR;
  return Object.assign(new ClientActionPayload(), {
    run: outcome.dryRun ? null : ok,
    preview: outcome.dryRun && ok ? Object.assign(new ClientActionPreview(), { serviceDefinition: ok.serviceDefinition, async: ok.async, clientId: ok.clientId, sourceId: ok.sourceSystemId }) : null,
    error: outcome.error ?? (failed ? mutationError(code, ok.errorMessage ?? "The source refused the action") : null),
    dryRun: outcome.dryRun,
    replayed: outcome.replayed,
  });
}

const specs = specsPerServer(clientActionMutations);

const loadRun = databaseField("Query", "clientActionRun", async (_root: unknown, { id }: { id: string }, ctx): Promise<ClientActionRun | null> => {
  if (!isBigintId(id)) return null;
  const manager = await ctx.session.manager();
  const [run] = await queryEntities(manager, ClientActionRun, `SELECT ${entityColumns(manager, ClientActionRun, "r")} FROM client_action_run r WHERE r.tenant_id = $1 AND r.id = $2`, [ctx.tenantId, id]);
  return run ?? null;
});
const loadClient = databaseField("ClientActionRun", "client", (run: ClientActionRun, _args: NoArgs, ctx) =>
  run.clientId ? ctx.loaders.get(clientById).load({ tenantId: run.tenantId, id: run.clientId }) : null,
);
// Reads nothing: registered so that the planner walks beneath it (its value is the run's two columns as one).
const loadError = databaseField("ClientActionRun", "error", (run: ClientActionRun, _args: NoArgs): ActionRunError | null =>
  run.errorCode ? Object.assign(new ActionRunError(), { code: run.errorCode, message: run.errorMessage ?? "" }) : null,
);

/** Custom actions: the two mutations (thin, one spec each) and the run a caller polls. */
@Resolver(() => ClientActionRun)
export class ClientActionResolver {
  @Mutation(() => ClientActionPayload, {
    description:
      "Invokes a custom action of the client in the factoring platform (003: a service definition with a JSON body), forwarded to the Aptic source the client was synced from. " +
      "A dry run checks and forwards nothing; a retry with the key answers the stored outcome without calling again. Needs clients:write.",
  })
  async invokeClientAction(@Args() { idempotencyKey, dryRun, ...args }: InvokeClientActionArgs, @Ctx() ctx: RequestContext): Promise<ClientActionPayload> {
    const call: InvokeArgs = { ...args, async: args.async === true, input: args.input ?? null, requestedBy: ctx.caller.subject };
    return payloadOf(await runMutation(ctx, specs(ctx).invokeClientAction, { args: call, idempotencyKey, dryRun }));
  }

  @Mutation(() => ClientActionPayload, { description: "Invokes a global custom action of the factoring platform (003), forwarded to the company's Aptic source; as invokeClientAction otherwise. Needs clients:write." })
  async invokeAction(@Args() { idempotencyKey, dryRun, ...args }: InvokeActionArgs, @Ctx() ctx: RequestContext): Promise<ClientActionPayload> {
    const call: InvokeArgs = { ...args, async: args.async === true, input: args.input ?? null, requestedBy: ctx.caller.subject };
    return payloadOf(await runMutation(ctx, specs(ctx).invokeAction, { args: call, idempotencyKey, dryRun }));
  }

  @Authorized("clients:read")
  @Query(() => ClientActionRun, { nullable: true, description: "A custom action's run by id (poll an async call until SUCCEEDED or FAILED); null for another company's. Needs clients:read." })
  clientActionRun(@Arg("id", () => ID, { description: "The run's id (the payload's run.id)" }) id: string, @Ctx() ctx: RequestContext): Promise<ClientActionRun | null> {
    return loadRun(undefined, { id }, ctx);
  }

  @FieldResolver(() => ActionRunError, { nullable: true, description: "Why it failed (FAILED only)" })
  error(@Root() run: ClientActionRun, @Ctx() ctx: RequestContext): ActionRunError | null {
    return loadError(run, {}, ctx);
  }

  @FieldResolver(() => Client, { nullable: true, description: "The client it acts on (null: a global action)" })
  client(@Root() run: ClientActionRun, @Ctx() ctx: RequestContext): Promise<Client | null> | null {
    return loadClient(run, {}, ctx);
  }
}
