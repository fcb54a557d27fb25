import { Args, ArgsType, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import { specsPerServer } from "../../common/mutation/mutation-controls";
import { runMutation } from "../../common/mutation/pipeline";
import { ChildResource, clientRefOf, namedChildSpecs } from "../../common/resource/child-resource";
import { ClientRefControls } from "../../common/resource/client-ref-args";
import { declareResourceFields, ResourceFields } from "../../common/resource/fields";
import type { RequestContext } from "../../context";
import { resourcePayload } from "../client/client-resource";
import { ExtraField } from "./extra-field.entity";

/** An extra field's fields (seed 003's client extra field); the name is unique per client. */
export const EXTRA_FIELD_FIELDS: ResourceFields = {
  name: { kind: "text", max: 100, required: true, description: "Unique per client" },
  values: { kind: "textList", max: 4000, maxItems: 100, notNull: true },
};

export const extraFieldResource: ChildResource<ExtraField> = {
  entity: ExtraField,
  typeName: "ExtraField",
  label: "extra field",
  fields: EXTRA_FIELD_FIELDS,
};

@ObjectType({ description: "What a dry run would have written: the extra field without id and timestamps" })
class ExtraFieldPreview {}
declareResourceFields(ExtraFieldPreview, EXTRA_FIELD_FIELDS, "output");

const payload = resourcePayload({
  name: "ExtraFieldPayload",
  description: "The outcome of an extra field mutation",
  field: "extraField",
  type: ExtraField,
  preview: ExtraFieldPreview,
});

const specs = specsPerServer((dataSource) => namedChildSpecs(dataSource, extraFieldResource, { set: "setExtraField", delete: "deleteExtraField" }, ""));

@ArgsType()
class NamedExtraFieldArgs extends ClientRefControls {
  @Field(() => String, { description: "The extra field's name, unique per client" })
  name: string;
}

@ArgsType()
class SetExtraFieldArgs extends NamedExtraFieldArgs {
  @Field(() => [String], { description: "Its values, in order (replacing the old ones): at most 100, each at most 4000 characters" })
  values: string[];
}

type Payload = InstanceType<typeof payload.Payload>;

@Resolver()
class ExtraFieldMutationResolver {
  @Mutation(() => payload.Payload, { description: "Creates the client's extra field of this name, or replaces its values. Needs clients:write." })
  async setExtraField(@Args() { idempotencyKey, dryRun, clientId, clientUniqueId, name, values }: SetExtraFieldArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
    return payload.toPayload(await runMutation(ctx, specs(ctx).set, { args: { ...clientRefOf({ clientId, clientUniqueId }), name, values: { values } }, idempotencyKey, dryRun }));
  }

  @Mutation(() => payload.Payload, { description: "Deletes the client's extra field of this name. Needs clients:write." })
  async deleteExtraField(@Args() { idempotencyKey, dryRun, clientId, clientUniqueId, name }: NamedExtraFieldArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
    return payload.toPayload(await runMutation(ctx, specs(ctx).delete, { args: { ...clientRefOf({ clientId, clientUniqueId }), name }, idempotencyKey, dryRun }));
  }
}

export const extraFieldWriteResolvers = [ExtraFieldMutationResolver, payload.PayloadResolver] as const;
