import { Args, ArgsType, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import { specsPerServer } from "../common/mutation/mutation-controls";
import { MutationError } from "../common/mutation/mutation-error";
import { MutationOutcome, runMutation } from "../common/mutation/pipeline";
import type { RequestContext } from "../context";
import { SyncRun, SyncStatus } from "./sync-run.entity";
import { syncRunMutations } from "./sync-run.mutations";

/** startSync and cancelSync take a key but no dryRun: queueing is all they do. */
@ArgsType()
class SyncControls {
  @Field(() => String, { description: "1..255 characters; a retry with the same key and arguments gets the stored payload (replayed: true)" })
  idempotencyKey: string;
}

@ArgsType()
class StartSyncArgs extends SyncControls {
  @Field(() => ID, { description: "The id of the source system to sync" })
  sourceId: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Read everything, not only what changed since the last run" })
  full: boolean | null;
}

@ArgsType()
class CancelSyncArgs extends SyncControls {
  @Field(() => ID, { description: "The id of the run to cancel (QUEUED or RUNNING)" })
  runId: string;
}

@ObjectType({ description: "The outcome of startSync or cancelSync" })
export class SyncRunPayload {
  @Field(() => SyncRun, { nullable: true, description: "The run queued, the source's open run, the cancelled run, or (SYNC_RUN_FINISHED) the run as it ended" })
  run: SyncRun | null;

  @Field(() => MutationError, { nullable: true, description: "Null on success" })
  error: MutationError | null;

  @Field(() => Boolean, { description: "This is the stored answer of an earlier call with the same idempotency key" })
  replayed: boolean;
}

const payload = (outcome: MutationOutcome<SyncRun>): SyncRunPayload => ({ run: outcome.result, error: outcome.error, replayed: outcome.replayed });

/** Starting and cancelling syncs: one call of the mutation pipeline each, with the scope sources:admin. */
@Resolver()
export class SyncRunMutationResolver {
  @Mutation(() => SyncRunPayload, {
    description: "Queues a run of a source; a source with an open run answers that run. SOURCE_DISABLED for a disabled source. Needs sources:admin.",
  })
  async startSync(@Args() { idempotencyKey, sourceId, full }: StartSyncArgs, @Ctx() ctx: RequestContext): Promise<SyncRunPayload> {
    const outcome = await runMutation(ctx, specs(ctx).startSync, { args: { sourceId, full: full === true, requestedBy: ctx.caller.subject }, idempotencyKey, dryRun: false });
    // Committed: hand the run to the job queue now rather than on the dispatcher's next tick.
    if (!outcome.replayed && !outcome.error && outcome.result?.status === SyncStatus.QUEUED) {
      await ctx.sync.dispatch().catch((error: unknown) => ctx.logError(error));
    }
    return payload(outcome);
  }

  @Mutation(() => SyncRunPayload, {
    description: "Cancels an open run (a running one stops before its next page; what it committed stays). SYNC_RUN_FINISHED for a finished run. Needs sources:admin.",
  })
  async cancelSync(@Args() { idempotencyKey, runId }: CancelSyncArgs, @Ctx() ctx: RequestContext): Promise<SyncRunPayload> {
    return payload(await runMutation(ctx, specs(ctx).cancelSync, { args: { runId }, idempotencyKey, dryRun: false }));
  }
}

const specs = specsPerServer(syncRunMutations);
