import { Args, ArgsType, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import { specsPerServer } from "../../common/mutation/mutation-controls";
import { MutationSpec, runMutation } from "../../common/mutation/pipeline";
import { ChildResource, clientIdOf, clientRefFailures, clientRefOf, CreateChildArgs, createFailures, findChild, insertChild, patchChild, rowStore } from "../../common/resource/child-resource";
import { ClientRefControls } from "../../common/resource/client-ref-args";
import { declareResourceFields, ResourceFields, ResourceValues } from "../../common/resource/fields";
import type { RequestContext } from "../../context";
import { resourcePayload } from "../client/client-resource";
import { Pricelist } from "./pricelist.entity";

/** A pricelist's fields (seed 003's "Insert client pricelist" body, every field). */
export const PRICELIST_FIELDS: ResourceFields = {
  pricelistName: { kind: "text", max: 100, required: true },
  currencyCode: { kind: "currency", description: "ISO 4217 currency of the pricelist's amounts" },
  isActive: { kind: "bool", notNull: true, description: "Default true" },
  serviceId: { kind: "int", range: [0, 2147483647] },
  isDefaultPricelist: { kind: "bool", notNull: true, description: "Default false. True makes it the client's one default: the previous default stops being it" },
  condition: { kind: "text", max: 255 },
  validFrom: { kind: "date" },
  creditorFeeEvents: { kind: "bool", notNull: true, description: "Default false" },
  templatePricelistId: { kind: "int", range: [0, 2147483647], description: "The source system's id of the template pricelist" },
};

export const pricelistResource: ChildResource<Pricelist> = {
  entity: Pricelist,
  typeName: "Pricelist",
  label: "pricelist",
  fields: PRICELIST_FIELDS,
};

@InputType({ description: "A new pricelist of a client" })
class CreateClientPricelistInput {}
declareResourceFields(CreateClientPricelistInput, PRICELIST_FIELDS, "create");

@ObjectType({ description: "What a dry run would have written: the pricelist without id, GUID and timestamps" })
class PricelistPreview {}
declareResourceFields(PricelistPreview, PRICELIST_FIELDS, "output");

const payload = resourcePayload({
  name: "PricelistPayload",
  description: "The outcome of a pricelist mutation",
  field: "pricelist",
  type: Pricelist,
  preview: PricelistPreview,
});

const specs = specsPerServer((dataSource) => {
  const createClientPricelist: MutationSpec<CreateChildArgs, Pricelist> = {
    name: "createClientPricelist",
    fingerprint: (args) => args,
    validate: (args, access) => [...clientRefFailures(args), ...createFailures(pricelistResource, args.input, access)],
    async change(scope, args) {
      const clientId = await clientIdOf(scope, args, true);
      if (args.input.isDefaultPricelist === true) {
        // One default per client (a partial unique index): the new one takes over, audited on both.
        const previous = await findChild(scope.tx, pricelistResource, { clientId, isDefaultPricelist: true });
        if (previous) await patchChild(scope, pricelistResource, previous, { isDefaultPricelist: false }, null);
      }
      return insertChild(scope, pricelistResource, clientId, args.input);
    },
    ...rowStore(dataSource, Pricelist),
  };
  return { createClientPricelist };
});

@ArgsType()
class CreateClientPricelistArgs extends ClientRefControls {
  @Field(() => CreateClientPricelistInput, { description: "The pricelist to add to the client" })
  input: ResourceValues;
}

type Payload = InstanceType<typeof payload.Payload>;

@Resolver()
class PricelistMutationResolver {
  @Mutation(() => payload.Payload, { description: "Adds a pricelist to a client; isDefaultPricelist makes it the one default. Needs clients:write." })
  async createClientPricelist(@Args() { idempotencyKey, dryRun, clientId, clientUniqueId, input }: CreateClientPricelistArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
    return payload.toPayload(await runMutation(ctx, specs(ctx).createClientPricelist, { args: { ...clientRefOf({ clientId, clientUniqueId }), input: { ...input } }, idempotencyKey, dryRun }));
  }
}

export const pricelistWriteResolvers = [PricelistMutationResolver, payload.PayloadResolver] as const;
