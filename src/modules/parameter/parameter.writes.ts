import { Args, ArgsType, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import { specsPerServer } from "../../common/mutation/mutation-controls";
import { runMutation } from "../../common/mutation/pipeline";
import { ChildResource, clientRefOf, namedChildSpecs } from "../../common/resource/child-resource";
import { ClientRefControls } from "../../common/resource/client-ref-args";
import { declareResourceFields, ResourceFields, ResourceValues } from "../../common/resource/fields";
import type { RequestContext } from "../../context";
import { resourcePayload } from "../client/client-resource";
import { ClientParameter } from "./parameter.entity";

/** A parameter's fields (seed 003's client parameter); the name is unique per client. */
export const CLIENT_PARAMETER_FIELDS: ResourceFields = {
  name: { kind: "text", max: 100, required: true, description: "Unique per client" },
  type: { kind: "text", max: 50 },
  value: { kind: "text", max: 100_000 },
  href: { kind: "text", max: 255 },
};

export const parameterResource: ChildResource<ClientParameter> = {
  entity: ClientParameter,
  typeName: "ClientParameter",
  label: "parameter",
  fields: CLIENT_PARAMETER_FIELDS,
};

const { name: _name, ...VALUE_FIELDS } = CLIENT_PARAMETER_FIELDS;

@InputType({ description: "A parameter's value: setClientParameter replaces all of it (a field left out is cleared)" })
class ClientParameterInput {}
declareResourceFields(ClientParameterInput, VALUE_FIELDS, "create");

@ObjectType({ description: "What a dry run would have written: the parameter without id and timestamps" })
class ClientParameterPreview {}
declareResourceFields(ClientParameterPreview, CLIENT_PARAMETER_FIELDS, "output");

const payload = resourcePayload({
  name: "ClientParameterPayload",
  description: "The outcome of a parameter mutation",
  field: "parameter",
  type: ClientParameter,
  preview: ClientParameterPreview,
});

const specs = specsPerServer((dataSource) => namedChildSpecs(dataSource, parameterResource, { set: "setClientParameter", delete: "deleteClientParameter" }, "input"));

@ArgsType()
class NamedParameterArgs extends ClientRefControls {
  @Field(() => String, { description: "The parameter's name, unique per client" })
  name: string;
}

@ArgsType()
class SetClientParameterArgs extends NamedParameterArgs {
  @Field(() => ClientParameterInput, { description: "The parameter's type and value" })
  input: ResourceValues;
}

type Payload = InstanceType<typeof payload.Payload>;

@Resolver()
class ClientParameterMutationResolver {
  @Mutation(() => payload.Payload, { description: "Creates the client's parameter of this name, or replaces its value. Needs clients:write." })
  async setClientParameter(@Args() { idempotencyKey, dryRun, clientId, clientUniqueId, name, input }: SetClientParameterArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
    return payload.toPayload(await runMutation(ctx, specs(ctx).set, { args: { ...clientRefOf({ clientId, clientUniqueId }), name, values: { ...input } }, idempotencyKey, dryRun }));
  }

  @Mutation(() => payload.Payload, { description: "Deletes the client's parameter of this name. Needs clients:write." })
  async deleteClientParameter(@Args() { idempotencyKey, dryRun, clientId, clientUniqueId, name }: NamedParameterArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
    return payload.toPayload(await runMutation(ctx, specs(ctx).delete, { args: { ...clientRefOf({ clientId, clientUniqueId }), name }, idempotencyKey, dryRun }));
  }
}

export const parameterWriteResolvers = [ClientParameterMutationResolver, payload.PayloadResolver] as const;
