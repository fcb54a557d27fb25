import { Args, ArgsType, Ctx, Field, ID, Mutation, Resolver } from "type-graphql";
import { MutationControls, specsPerServer } from "../../common/mutation/mutation-controls";
import { runMutation } from "../../common/mutation/pipeline";
import { DateTime } from "../../common/scalars";
import type { RequestContext } from "../../context";
import { CreateClientInput, UpdateClientInput } from "./client.inputs";
import { clientMutations, MAX_BULK_INPUTS } from "./client.mutations";
import { BulkCreateClientsPayload, bulkPayload, ClientPayload, clientPayload } from "./client.payloads";

@ArgsType()
class CreateClientArgs extends MutationControls {
  @Field(() => CreateClientInput, { description: "The new client's fields; name is required" })
  input: CreateClientInput;
}

@ArgsType()
class UpdateClientArgs extends MutationControls {
  @Field(() => ID, { description: "The client's id" })
  id: string;

  @Field(() => UpdateClientInput, { description: "The fields to change: a field left out stays as it is, null clears it" })
  patch: UpdateClientInput;

  @Field(() => DateTime, { nullable: true, description: "The updatedAt you read: the update is refused (PRECONDITION_FAILED) if the client changed since" })
  expectedUpdatedAt?: Date | null;
}

@ArgsType()
class ClientIdArgs extends MutationControls {
  @Field(() => ID, { description: "The client's id" })
  id: string;
}

@ArgsType()
class BulkCreateClientsArgs extends MutationControls {
  @Field(() => [CreateClientInput], { description: `1..${MAX_BULK_INPUTS} clients, each validated and inserted on its own` })
  inputs: CreateClientInput[];

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Commit every input or none" })
  allOrNothing: boolean | null;
}

/** A new client's responsible user: the caller, unless the input names one (or null: nobody). */
function withResponsibleUser(input: CreateClientInput, ctx: RequestContext): CreateClientInput {
  return input.responsibleUser === undefined ? Object.assign(Object.create(Object.getPrototypeOf(input) as object) as CreateClientInput, input, { responsibleUser: ctx.caller.subject }) : input;
}

/** The client mutations: thin, each one call of the mutation pipeline with its spec. */
@Resolver()
export class ClientMutationResolver {
  @Mutation(() => ClientPayload, { description: "Creates a client. Needs clients:write." })
  async createClient(@Args() { idempotencyKey, dryRun, ...args }: CreateClientArgs, @Ctx() ctx: RequestContext): Promise<ClientPayload> {
    return clientPayload(await runMutation(ctx, specs(ctx).createClient, { args: { input: withResponsibleUser(args.input, ctx) }, idempotencyKey, dryRun }));
  }

  @Mutation(() => ClientPayload, { description: "Changes some fields of a client (a partial patch). Needs clients:write." })
  async updateClient(@Args() { idempotencyKey, dryRun, ...args }: UpdateClientArgs, @Ctx() ctx: RequestContext): Promise<ClientPayload> {
    return clientPayload(await runMutation(ctx, specs(ctx).updateClient, { args, idempotencyKey, dryRun }));
  }

  @Mutation(() => ClientPayload, { description: "Archives (soft-deletes) a client, keeping every relation; refused while it has open invoices. Needs clients:write." })
  async archiveClient(@Args() { idempotencyKey, dryRun, ...args }: ClientIdArgs, @Ctx() ctx: RequestContext): Promise<ClientPayload> {
    return clientPayload(await runMutation(ctx, specs(ctx).archiveClient, { args, idempotencyKey, dryRun }));
  }

  @Mutation(() => ClientPayload, { description: "Restores an archived client. Needs clients:write." })
  async restoreClient(@Args() { idempotencyKey, dryRun, ...args }: ClientIdArgs, @Ctx() ctx: RequestContext): Promise<ClientPayload> {
    return clientPayload(await runMutation(ctx, specs(ctx).restoreClient, { args, idempotencyKey, dryRun }));
  }

  @Mutation(() => BulkCreateClientsPayload, { description: `Creates 1..${MAX_BULK_INPUTS} clients; failures don't roll back successes unless allOrNothing. Needs clients:write.` })
  async bulkCreateClients(@Args() { idempotencyKey, dryRun, ...args }: BulkCreateClientsArgs, @Ctx() ctx: RequestContext): Promise<BulkCreateClientsPayload> {
    const inputs = args.inputs.map((input) => withResponsibleUser(input, ctx));
    return bulkPayload(await runMutation(ctx, specs(ctx).bulkCreateClients, { args: { ...args, inputs }, idempotencyKey, dryRun }));
  }
}

const specs = specsPerServer(clientMutations);
