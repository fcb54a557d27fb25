import { Args, ArgsType, Ctx, Field, InputType, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { MutationControls, specsPerServer } from "../../common/mutation/mutation-controls";
import { MutationError } from "../../common/mutation/mutation-error";
import { MutationOutcome, runMutation } from "../../common/mutation/pipeline";
import { declareResourceFields, ResourceValues } from "../../common/resource/fields";
import type { RequestContext } from "../../context";
import { ChartOfAccountTemplate } from "./chart-of-account-template.entity";
import { ParameterTemplate } from "./parameter-template.entity";
import { PricelistService } from "./pricelist-service.entity";
import { PricelistTemplate } from "./pricelist-template.entity";
import { ChartOfAccountTemplateAccount, ParameterTemplateEntry, PricelistTemplateLine } from "./template-lines.types";
import { SERVICE_FIELDS, serviceSpecs, templateSpecs } from "./template.mutations";
import { chartOfAccountTemplateKind, parameterTemplateKind, pricelistTemplateKind, TemplateKind, TemplateRow } from "./template.kinds";

/**
 * The GraphQL side of defining templates: per kind an input (its fields and its items), a preview
 * and a payload in the shape of every other (record, preview, error, dryRun, replayed), and
 * set{Kind}(name, input) / delete{Kind}(name), each one spec of the pipeline. Needs clients:write.
 */

function payloadType<E>(name: string, field: string, type: new () => E, preview: new () => object, description: string) {
  @ObjectType(name, { description })
  class Payload {
    @Field(() => MutationError, { nullable: true, description: "Null on success" })
    error: MutationError | null;

    @Field(() => Boolean, { description: "Whether this was a dry run (nothing stored)" })
    dryRun: boolean;

    @Field(() => Boolean, { description: "This is the stored answer of an earlier call with the same idempotency key" })
    replayed: boolean;
  }
  Field(() => type, { nullable: true, description: "As written (a delete: as it was); null on error and in a dry run" })(Payload.prototype, field);
  Field(() => preview, { nullable: true, description: "Dry run only: what would have been written (a delete: what would be removed)" })(Payload.prototype, "preview");
  const toPayload = (outcome: MutationOutcome<E>): Payload => {
    const ok = outcome.result && !outcome.error ? outcome.result : null;
    return Object.assign(new Payload(), { [field]: outcome.dryRun ? null : ok, preview: outcome.dryRun ? ok : null, error: outcome.error, dryRun: outcome.dryRun, replayed: outcome.replayed });
  };
  return { Payload, toPayload };
}

function templateApi<E extends TemplateRow>(kind: TemplateKind<E>, type: new () => E, itemType: new () => object, payloadField: string) {
  const { typeName, label, itemsField } = kind;

  @InputType(`${itemType.name}Input`, { description: `One item of a ${label}` })
  class ItemInput {}
  declareResourceFields(ItemInput, kind.itemFields, "create");

  @InputType(`${typeName}Input`, { description: `A ${label}'s definition: set${typeName} replaces all of it (a field left out is cleared)` })
  class TemplateInput {}
  declareResourceFields(TemplateInput, kind.fields, "create");
  Field(() => [ItemInput], { description: `1..${kind.maxItems} items, in order` })(TemplateInput.prototype, itemsField);

  @ObjectType(`${typeName}Preview`, { description: `What a dry run would have written: the ${label} without id and timestamps` })
  class Preview {
    @Field(() => String, { description: "The template's name" })
    name: string;
  }
  declareResourceFields(Preview, kind.fields, "output");
  Field(() => [itemType], { description: "Its items, as they would be stored" })(Preview.prototype, itemsField);

  const payload = payloadType(`${typeName}Payload`, payloadField, type, Preview, `The outcome of set${typeName} or delete${typeName}`);

  @ArgsType()
  class NameArgs extends MutationControls {
    @Field(() => String, { description: "The template's name, unique per company: what createClient's " + kind.clientField + " takes. At most 80 characters" })
    name: string;
  }

  @ArgsType()
  class SetArgs extends NameArgs {
    @Field(() => TemplateInput, { description: "The whole definition" })
    input: ResourceValues;
  }

  const specs = specsPerServer((dataSource) => templateSpecs(dataSource, kind));
  type Payload = InstanceType<typeof payload.Payload>;

  @Resolver()
  class TemplateMutationResolver {
    @Mutation(() => payload.Payload, { name: `set${typeName}`, description: `Creates the company's ${label} of this name, or replaces it; createClient's ${kind.clientField} applies it. Needs clients:write.` })
    async set(@Args() { idempotencyKey, dryRun, name, input }: SetArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
      const { [itemsField]: items, ...values } = input;
      const args = { name, values: { ...values }, items: ((items as ResourceValues[] | null | undefined) ?? []).map((item) => ({ ...item })) };
      return payload.toPayload(await runMutation(ctx, specs(ctx).set, { args, idempotencyKey, dryRun }));
    }

    @Mutation(() => payload.Payload, { name: `delete${typeName}`, description: `Deletes the company's ${label} of this name (clients it was applied to keep what it gave them). Needs clients:write.` })
    async remove(@Args() { idempotencyKey, dryRun, name }: NameArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
      return payload.toPayload(await runMutation(ctx, specs(ctx).delete, { args: { name }, idempotencyKey, dryRun }));
    }
  }

  return TemplateMutationResolver;
}

@InputType({ description: "A pricelist service: setPricelistService replaces all of it (a field left out is cleared)" })
class PricelistServiceInput {}
declareResourceFields(PricelistServiceInput, SERVICE_FIELDS, "create");

@ObjectType({ description: "What a dry run would have written: the service without id and timestamps" })
class PricelistServicePreview {
  @Field(() => Int, { description: "The service's id" })
  serviceId: number;
}
declareResourceFields(PricelistServicePreview, SERVICE_FIELDS, "output");

const servicePayload = payloadType("PricelistServicePayload", "service", PricelistService, PricelistServicePreview, "The outcome of setPricelistService or deletePricelistService");

@ArgsType()
class ServiceArgs extends MutationControls {
  @Field(() => Int, { description: "The service's id, as pricelists name it (0..2147483647)" })
  serviceId: number;
}

@ArgsType()
class SetServiceArgs extends ServiceArgs {
  @Field(() => PricelistServiceInput, { description: "The whole definition" })
  input: ResourceValues;
}

const serviceMutations = specsPerServer(serviceSpecs);
type ServicePayload = InstanceType<typeof servicePayload.Payload>;

@Resolver()
class PricelistServiceMutationResolver {
  @Mutation(() => servicePayload.Payload, { description: "Creates the company's pricelist service of this id, or replaces it. Needs clients:write." })
  async setPricelistService(@Args() { idempotencyKey, dryRun, serviceId, input }: SetServiceArgs, @Ctx() ctx: RequestContext): Promise<ServicePayload> {
    return servicePayload.toPayload(await runMutation(ctx, serviceMutations(ctx).set, { args: { serviceId, values: { ...input } }, idempotencyKey, dryRun }));
  }

  @Mutation(() => servicePayload.Payload, { description: "Deletes the company's pricelist service of this id; refused (SERVICE_IN_USE) while a pricelist template prices it. Needs clients:write." })
  async deletePricelistService(@Args() { idempotencyKey, dryRun, serviceId }: ServiceArgs, @Ctx() ctx: RequestContext): Promise<ServicePayload> {
    return servicePayload.toPayload(await runMutation(ctx, serviceMutations(ctx).delete, { args: { serviceId }, idempotencyKey, dryRun }));
  }
}

export const templateMutationResolvers = [
  templateApi(pricelistTemplateKind, PricelistTemplate as new () => PricelistTemplate & TemplateRow, PricelistTemplateLine, "pricelistTemplate"),
  templateApi(parameterTemplateKind, ParameterTemplate as new () => ParameterTemplate & TemplateRow, ParameterTemplateEntry, "parameterTemplate"),
  templateApi(chartOfAccountTemplateKind, ChartOfAccountTemplate as new () => ChartOfAccountTemplate & TemplateRow, ChartOfAccountTemplateAccount, "chartOfAccountTemplate"),
  PricelistServiceMutationResolver,
] as const;

