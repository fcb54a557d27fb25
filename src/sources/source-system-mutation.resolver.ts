import { Args, ArgsType, Ctx, Field, ID, Mutation, Resolver } from "type-graphql";
import { MutationControls } from "../common/mutation/mutation-controls";
import type { MutationEnvironment } from "../common/mutation/pipeline";
import { runMutation } from "../common/mutation/pipeline";
import { DateTime } from "../common/scalars";
import type { RequestContext } from "../context";
import { CreateSourceSystemInput, UpdateSourceSystemInput } from "./source-system.inputs";
import { sourceSystemMutations } from "./source-system.mutations";
import { SourceSystemPayload, sourceSystemPayload } from "./source-system.payloads";

@ArgsType()
class CreateSourceSystemArgs extends MutationControls {
  @Field(() => CreateSourceSystemInput, { description: "The source to register: its kind, name, base URL, credentials and schedule" })
  input: CreateSourceSystemInput;
}

@ArgsType()
class UpdateSourceSystemArgs extends MutationControls {
  @Field(() => ID, { description: "The source system's id" })
  id: string;

  @Field(() => UpdateSourceSystemInput, { description: "The fields to change; a field left out or null stays as it is" })
  patch: UpdateSourceSystemInput;

  @Field(() => DateTime, { nullable: true, description: "The updatedAt you read: the update is refused (PRECONDITION_FAILED) if the source changed since" })
  expectedUpdatedAt?: Date | null;
}

@ArgsType()
class SourceSystemIdArgs extends MutationControls {
  @Field(() => ID, { description: "The source system's id" })
  id: string;
}

/** Managing source systems: each one call of the mutation pipeline, with the scope sources:admin. */
@Resolver()
export class SourceSystemMutationResolver {
  @Mutation(() => SourceSystemPayload, { description: "Adds a source system to sync clients from. Needs sources:admin." })
  async createSourceSystem(@Args() { idempotencyKey, dryRun, ...args }: CreateSourceSystemArgs, @Ctx() ctx: RequestContext): Promise<SourceSystemPayload> {
    return sourceSystemPayload(await runMutation(ctx, specs(ctx).createSourceSystem, { args, idempotencyKey, dryRun }));
  }

  @Mutation(() => SourceSystemPayload, { description: "Changes some fields of a source system; auth replaces its credentials. Needs sources:admin." })
  async updateSourceSystem(@Args() { idempotencyKey, dryRun, ...args }: UpdateSourceSystemArgs, @Ctx() ctx: RequestContext): Promise<SourceSystemPayload> {
    return sourceSystemPayload(await runMutation(ctx, specs(ctx).updateSourceSystem, { args, idempotencyKey, dryRun }));
  }

  @Mutation(() => SourceSystemPayload, {
    description: "Deletes a source system with its runs, source records and field provenance; refused while it has an open run (SYNC_RUN_OPEN). Needs sources:admin.",
  })
  async deleteSourceSystem(@Args() { idempotencyKey, dryRun, ...args }: SourceSystemIdArgs, @Ctx() ctx: RequestContext): Promise<SourceSystemPayload> {
    return sourceSystemPayload(await runMutation(ctx, specs(ctx).deleteSourceSystem, { args, idempotencyKey, dryRun }));
  }
}

/** The specs of one server, made once (they hold its credentials cipher). */
const made = new WeakMap<MutationEnvironment, ReturnType<typeof sourceSystemMutations>>();
function specs(ctx: RequestContext): ReturnType<typeof sourceSystemMutations> {
  let found = made.get(ctx.mutations);
  if (!found) made.set(ctx.mutations, (found = sourceSystemMutations(ctx.mutations)));
  return found;
}
