import { Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { MutationControls, specsPerServer } from "../../common/mutation/mutation-controls";
import { MutationError, MutationErrorCode } from "../../common/mutation/mutation-error";
import { ChangeScope, MutationOutcome, runMutation } from "../../common/mutation/pipeline";
import { ChildResource, childResourceSpecs, ChildRow, clientRefOf } from "../../common/resource/child-resource";
import { ClientRefControls } from "../../common/resource/client-ref-args";
import { declareResourceFields, ResourceValues } from "../../common/resource/fields";
import { DateTime } from "../../common/scalars";
import type { RequestContext } from "../../context";
import { databaseField, NoArgs } from "../../common/prefetch";
import { Client } from "./client.entity";
import { clientById } from "./client.loaders";

/** What every nested resource's payload holds besides the record itself. */
export interface ResourcePayloadShape {
  preview: object | null;
  error: MutationError | null;
  dryRun: boolean;
  replayed: boolean;
  /** The client the record belongs to (its `client` field). */
  clientId: string | null;
}

/** A payload's `client`: read through the request's loader, which a committed write has renewed. */
export function clientAfterWrite(clientId: string | null, ctx: RequestContext): Promise<Client | null> | null {
  return clientId ? ctx.loaders.get(clientById).load({ tenantId: ctx.tenantId, id: clientId }) : null;
}

/**
 * A nested resource's payload type, in the shape of ClientPayload (API.md: "nested resources
 * follow the same shape"): the record under `field` (null on error and in a dry run), `preview`
 * (dry run), `error`, `dryRun`, `replayed`, and its `client` read afresh after the write (for
 * caches to update the client's lists and summary in the same round trip).
 */
export function resourcePayload<E extends { clientId: string }>(options: {
  name: string;
  description: string;
  field: string;
  type: new () => E;
  preview: new () => object;
}) {
  @ObjectType(options.name, { description: options.description })
  class ResourcePayload implements ResourcePayloadShape {
    preview: object | null;

    @Field(() => MutationError, { nullable: true, description: "Null on success" })
    error: MutationError | null;

    @Field(() => Boolean, { description: "Whether this was a dry run: validated and previewed, nothing written" })
    dryRun: boolean;

    @Field(() => Boolean, { description: "This is the stored answer of an earlier call with the same idempotency key" })
    replayed: boolean;

    clientId: string | null;
  }
  Field(() => options.type, { nullable: true, description: "As written (a delete: as it was); null on error and in a dry run" })(ResourcePayload.prototype, options.field);
  Field(() => options.preview, { nullable: true, description: "Dry run only: what would have been written (a delete: what would be removed)" })(ResourcePayload.prototype, "preview");

  const loadClient = databaseField(options.name, "client", (payload: ResourcePayload, _args: NoArgs, ctx) => clientAfterWrite(payload.clientId, ctx));

  @Resolver(() => ResourcePayload)
  class ResourcePayloadResolver {
    @FieldResolver(() => Client, { nullable: true, description: "The client, read after the write (null on NOT_FOUND)" })
    client(@Root() payload: ResourcePayload, @Ctx() ctx: RequestContext): Promise<Client | null> | null {
      return loadClient(payload, {}, ctx);
    }
  }

  const toPayload = (outcome: MutationOutcome<E>): ResourcePayload => {
    const ok = outcome.result && !outcome.error ? outcome.result : null;
    return Object.assign(new ResourcePayload(), {
      [options.field]: outcome.dryRun ? null : ok,
      preview: outcome.dryRun ? ok : null,
      error: outcome.error,
      dryRun: outcome.dryRun,
      replayed: outcome.replayed,
      clientId: outcome.result?.clientId ?? null,
    });
  };

  return { Payload: ResourcePayload, PayloadResolver: ResourcePayloadResolver, toPayload };
}

/**
 * The GraphQL side of a nested resource with create / update / delete: its inputs (made from the
 * field table), preview, payload and a thin resolver whose three mutations each run one spec of
 * `childResourceSpecs` through the pipeline. Updates and deletes find the row by the client when
 * there is one per client (`one`), else by the row's id.
 */
export function childResourceApi<E extends ChildRow>(options: {
  resource: ChildResource<E>;
  type: new () => E;
  names: { create: string; update: string; delete: string };
  payloadField: string;
  one?: { existsCode: MutationErrorCode };
  defaults?(scope: ChangeScope, clientId: string, input: ResourceValues): Promise<ResourceValues>;
  descriptions: { create: string; update: string; delete: string };
}) {
  const { resource, names } = options;
  const typeName = resource.typeName;

  @InputType(`Create${typeName}Input`, { description: `A new ${resource.label}` })
  class CreateInput {}
  declareResourceFields(CreateInput, resource.fields, "create");

  @InputType(`Update${typeName}Input`, { description: `The ${resource.label}'s fields to change: a field left out stays, null clears it` })
  class UpdateInput {}
  declareResourceFields(UpdateInput, resource.fields, "update");

  @ObjectType(`${typeName}Preview`, { description: `What a dry run would have written: the ${resource.label} without id and timestamps` })
  class Preview {}
  declareResourceFields(Preview, resource.fields, "output");

  const payload = resourcePayload({
    name: `${typeName}Payload`,
    description: `The outcome of a ${resource.label} mutation`,
    field: options.payloadField,
    type: options.type,
    preview: Preview,
  });

  @ArgsType()
  class CreateArgs extends ClientRefControls {
    @Field(() => CreateInput, { description: `The new ${resource.label}'s fields` })
    input: ResourceValues;
  }

  // One per client: by the client's id or GUID (ClientRefControls); else by the row's id.
  @ArgsType()
  class LocateArgs extends (options.one ? ClientRefControls : MutationControls) {}
  if (!options.one) Field(() => ID, { description: `The ${resource.label}'s id` })(LocateArgs.prototype, "id");

  @ArgsType()
  class UpdateArgs extends LocateArgs {
    @Field(() => UpdateInput, { description: "The fields to change: a field left out stays as it is, null clears it" })
    patch: ResourceValues;

    @Field(() => DateTime, { nullable: true, description: "The updatedAt you read: the update is refused (PRECONDITION_FAILED) if it changed since" })
    expectedUpdatedAt?: Date | null;
  }

  const locateCall = (args: object) => (options.one ? clientRefOf(args as ClientRefControls) : { id: (args as { id: string }).id });
  const specs = specsPerServer((dataSource) => childResourceSpecs(dataSource, resource, names, { one: options.one, defaults: options.defaults }));
  type Payload = InstanceType<typeof payload.Payload>;

  @Resolver()
  class ChildMutationResolver {
    @Mutation(() => payload.Payload, { name: names.create, description: `${options.descriptions.create} Needs clients:write.` })
    async create(@Args() { idempotencyKey, dryRun, ...args }: CreateArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
      return payload.toPayload(await runMutation(ctx, specs(ctx).create, { args: { ...clientRefOf(args), input: { ...args.input } }, idempotencyKey, dryRun }));
    }

    @Mutation(() => payload.Payload, { name: names.update, description: `${options.descriptions.update} Needs clients:write.` })
    async update(@Args() { idempotencyKey, dryRun, ...args }: UpdateArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
      const call = { ...locateCall(args), patch: { ...args.patch }, expectedUpdatedAt: args.expectedUpdatedAt ?? null };
      return payload.toPayload(await runMutation(ctx, specs(ctx).update, { args: call, idempotencyKey, dryRun }));
    }

    @Mutation(() => payload.Payload, { name: names.delete, description: `${options.descriptions.delete} Needs clients:write.` })
    async remove(@Args() { idempotencyKey, dryRun, ...args }: LocateArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
      const call = locateCall(args);
      return payload.toPayload(await runMutation(ctx, specs(ctx).delete, { args: call, idempotencyKey, dryRun }));
    }
  }

  return { resolvers: [ChildMutationResolver, payload.PayloadResolver] as const, payload, Preview, specs };
}
