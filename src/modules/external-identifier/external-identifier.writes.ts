import { Args, ArgsType, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import { MutationControls, specsPerServer } from "../../common/mutation/mutation-controls";
import { fail, MutationErrorCode } from "../../common/mutation/mutation-error";
import { CallerAccess, MutationSpec, runMutation } from "../../common/mutation/pipeline";
import { ChildResource, clientIdOf, ClientRef, clientRefFailures, clientRefOf, findChild, found, insertChild, recordChildChange, rowStore } from "../../common/resource/child-resource";
import { UUID } from "../../common/scalars";
import { declareResourceFields, ResourceFields, resourceFieldFailures } from "../../common/resource/fields";
import { updateReturning } from "../../db/write";
import type { RequestContext } from "../../context";
import { resourcePayload } from "../client/client-resource";
import { displayIdNumber } from "../client/client.display";
import { ExternalIdentifier } from "./external-identifier.entity";

export const EXTERNAL_IDENTIFIER_FIELDS: ResourceFields = {
  source: { kind: "text", max: 50, required: true, description: "The other system (the CRM's type)" },
  externalId: {
    kind: "text",
    max: 255,
    required: true,
    personal: true,
    description: "The client's id in that system; (source, externalId) is unique per company; a personnummer needs clients:pii",
  },
};

const inUse = () =>
  fail(MutationErrorCode.EXTERNAL_IDENTIFIER_IN_USE, "Another client of this company has this identifier: remove it there first", [
    { field: "externalId", message: "Already used for this source" },
  ]);

export const externalIdentifierResource: ChildResource<ExternalIdentifier> = {
  entity: ExternalIdentifier,
  typeName: "ExternalIdentifier",
  label: "external identifier",
  fields: EXTERNAL_IDENTIFIER_FIELDS,
  auditedExtra: ["clientId", "deletedAt"],
  // The audit trail is kept for good: a personnummer used as an identifier is kept masked.
  auditMask: (field, value) => (field === "externalId" && typeof value === "string" ? displayIdNumber(value, false) : value),
  uniqueIndexes: { UQ_external_identifier_source: inUse },
};

@ObjectType({ description: "What a dry run would have written: the identifier without id and timestamps" })
export class ExternalIdentifierPreview {}
declareResourceFields(ExternalIdentifierPreview, EXTERNAL_IDENTIFIER_FIELDS, "output");

const payload = resourcePayload({
  name: "ExternalIdentifierPayload",
  description: "The outcome of an external identifier mutation",
  field: "externalIdentifier",
  type: ExternalIdentifier,
  preview: ExternalIdentifierPreview,
});

interface IdentifierArgs {
  source: string;
  externalId: string;
}

const specs = specsPerServer((dataSource) => {
  const store = rowStore(dataSource, ExternalIdentifier);
  const validate = (args: IdentifierArgs, access: CallerAccess) => resourceFieldFailures(EXTERNAL_IDENTIFIER_FIELDS, { ...args }, "", "create", access);
  const resource = externalIdentifierResource;

  const addExternalIdentifier: MutationSpec<IdentifierArgs & ClientRef, ExternalIdentifier> = {
    name: "addExternalIdentifier",
    fingerprint: (args) => args,
    validate: (args, access) => [...clientRefFailures(args), ...validate({ source: args.source, externalId: args.externalId }, access)],
    async change(scope, ref) {
      const args = { ...ref, clientId: await clientIdOf(scope, ref, true) };
      const existing = await findChild(scope.tx, resource, { source: args.source, externalId: args.externalId });
      if (existing && !existing.deletedAt) {
        if (existing.clientId === args.clientId) return existing; // already there: nothing to do
        throw inUse();
      }
      if (existing) {
        // Removed earlier (from this client or another): it comes back, for this client.
        const after = await updateReturning(scope.tx, ExternalIdentifier, existing.id, { clientId: args.clientId, deletedAt: null });
        recordChildChange(scope, resource, existing, after);
        return after;
      }
      return insertChild(scope, resource, args.clientId, { source: args.source, externalId: args.externalId }, {}, "");
    },
    ...store,
  };

  const removeExternalIdentifier: MutationSpec<IdentifierArgs, ExternalIdentifier> = {
    name: "removeExternalIdentifier",
    fingerprint: (args) => args,
    validate,
    async change(scope, args) {
      const existing = await findChild(scope.tx, resource, { source: args.source, externalId: args.externalId });
      const before = found(existing && !existing.deletedAt ? existing : null, "No client of this company has this identifier");
      const after = await updateReturning(scope.tx, ExternalIdentifier, before.id, { deletedAt: () => "clock_timestamp()" });
      recordChildChange(scope, resource, before, after);
      return after;
    },
    ...store,
  };

  return { addExternalIdentifier, removeExternalIdentifier };
});

@ArgsType()
class IdentifierArgsType extends MutationControls {
  @Field(() => String, { description: "The other system" })
  source: string;

  @Field(() => String, { description: "The client's id in that system" })
  externalId: string;
}

@ArgsType()
class AddExternalIdentifierArgs extends IdentifierArgsType {
  @Field(() => ID, { nullable: true, description: "The client's id; or give clientUniqueId (exactly one of the two)" })
  clientId?: string | null;

  @Field(() => UUID, { nullable: true, description: "The client's GUID (uniqueId); or give clientId (exactly one of the two)" })
  clientUniqueId?: string | null;
}

type Payload = InstanceType<typeof payload.Payload>;

@Resolver()
class ExternalIdentifierMutationResolver {
  @Mutation(() => payload.Payload, {
    description: "Records the client's id in another system; clientByExternalId finds it. (source, externalId) is unique per company: EXTERNAL_IDENTIFIER_IN_USE. Needs clients:write.",
  })
  async addExternalIdentifier(@Args() { idempotencyKey, dryRun, clientId, clientUniqueId, source, externalId }: AddExternalIdentifierArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
    return payload.toPayload(await runMutation(ctx, specs(ctx).addExternalIdentifier, { args: { ...clientRefOf({ clientId, clientUniqueId }), source, externalId }, idempotencyKey, dryRun }));
  }

  @Mutation(() => payload.Payload, { description: "Removes an identifier of another system from the client that has it. Needs clients:write." })
  async removeExternalIdentifier(@Args() { idempotencyKey, dryRun, source, externalId }: IdentifierArgsType, @Ctx() ctx: RequestContext): Promise<Payload> {
    return payload.toPayload(await runMutation(ctx, specs(ctx).removeExternalIdentifier, { args: { source, externalId }, idempotencyKey, dryRun }));
  }
}

export const externalIdentifierWriteResolvers = [ExternalIdentifierMutationResolver, payload.PayloadResolver] as const;
