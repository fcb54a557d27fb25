import { Args, ArgsType, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import { MutationControls, specsPerServer } from "../../common/mutation/mutation-controls";
import { ClientRefControls } from "../../common/resource/client-ref-args";
import { fail, MutationErrorCode } from "../../common/mutation/mutation-error";
import { MutationSpec, runMutation } from "../../common/mutation/pipeline";
import {
  ChildResource, clientIdOf, clientRefFailures, clientRefOf, CreateChildArgs, createFailures, findChild, found, insertChild, recordChildChange, rowStore,
} from "../../common/resource/child-resource";
import { CrossRule, dateOrder, declareResourceFields, ResourceFields, resourceValueProblem, ResourceValues } from "../../common/resource/fields";
import { DateTime } from "../../common/scalars";
import { updateReturning } from "../../db/write";
import type { RequestContext } from "../../context";
import { accountNumberProblem, maskAccountNumber } from "../bank-account/account-number";
import { BankAccountClass } from "../bank-account/bank-account.enums";
import { resourcePayload } from "../client/client-resource";
import { DirectDebitMandate } from "./mandate.entity";
import { DirectDebitMandateType } from "./mandate.enums";

/** The writable fields of a direct debit mandate (seed 003's create body, every field). */
export const DIRECT_DEBIT_MANDATE_FIELDS: ResourceFields = {
  mandateType: { kind: "enum", enum: DirectDebitMandateType, required: true, description: "Direct debit scheme" },
  receivingBankAccountNo: { kind: "text", max: 50, required: true, description: "The receiving (creditor's) account" },
  sendingBankAccountClass: { kind: "enum", enum: BankAccountClass, description: "The payer's account class; its number is checked by it" },
  sendingBankAccountNo: { kind: "text", max: 50, description: "The payer's account" },
  referenceNo: { kind: "text", max: 50, description: "Direct debit mandate reference number" },
  requestedAt: { kind: "instant", description: "When the mandate was requested" },
  approvedAt: { kind: "instant", description: "When the mandate was approved" },
  signedAt: { kind: "instant", description: "When the payer signed (Aptic signedDate)" },
  validFrom: { kind: "date", description: "On or before validUntil" },
  validUntil: { kind: "date", description: "Last day the mandate is valid; null: open-ended" },
};

const RULES: CrossRule<ResourceValues>[] = [
  dateOrder<ResourceValues>("validFrom", "validUntil", "validUntil can't be before validFrom"),
  {
    fields: ["sendingBankAccountNo", "sendingBankAccountClass"],
    // Checked by its class; without one, as any account number (letters, digits and separators).
    problem: (r) => (typeof r.sendingBankAccountNo === "string" ? accountNumberProblem(r.sendingBankAccountClass as BankAccountClass | null, r.sendingBankAccountNo) : null),
  },
  {
    fields: ["receivingBankAccountNo"],
    problem: (r) => (typeof r.receivingBankAccountNo === "string" && r.receivingBankAccountNo.trim() !== "" ? accountNumberProblem(null, r.receivingBankAccountNo) : null),
  },
];

export const mandateResource: ChildResource<DirectDebitMandate> = {
  entity: DirectDebitMandate,
  typeName: "DirectDebitMandate",
  label: "direct debit mandate",
  fields: DIRECT_DEBIT_MANDATE_FIELDS,
  rules: RULES,
  auditedExtra: ["closedAt"],
  auditMask: (field, value) => (field.endsWith("BankAccountNo") ? maskAccountNumber(value) : value),
};

@InputType({ description: "A new direct debit mandate" })
class CreateDirectDebitMandateInput {}
declareResourceFields(CreateDirectDebitMandateInput, DIRECT_DEBIT_MANDATE_FIELDS, "create");

@ObjectType({ description: "What a dry run would have written: the mandate without id and timestamps" })
class DirectDebitMandatePreview {
  @Field(() => DateTime, { nullable: true, description: "When the mandate would be closed; null while open" })
  closedAt: Date | null;
}
declareResourceFields(DirectDebitMandatePreview, DIRECT_DEBIT_MANDATE_FIELDS, "output");

const payload = resourcePayload({
  name: "DirectDebitMandatePayload",
  description: "The outcome of a direct debit mandate mutation",
  field: "mandate",
  type: DirectDebitMandate,
  preview: DirectDebitMandatePreview,
});

/** How far a caller's clock may run ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

interface CloseMandateArgs {
  id: string;
  closedAt: Date | null;
}

function mandateSpecs(dataSource: Parameters<typeof rowStore>[0]) {
  const store = rowStore(dataSource, DirectDebitMandate);

  const createDirectDebitMandate: MutationSpec<CreateChildArgs, DirectDebitMandate> = {
    name: "createDirectDebitMandate",
    fingerprint: (args) => args,
    validate: (args, access) => [...clientRefFailures(args), ...createFailures(mandateResource, args.input, access)],
    async change(scope, args) {
      return insertChild(scope, mandateResource, await clientIdOf(scope, args, true), args.input);
    },
    ...store,
  };

  const closeDirectDebitMandate: MutationSpec<CloseMandateArgs, DirectDebitMandate> = {
    name: "closeDirectDebitMandate",
    fingerprint: (args) => args,
    validate(args) {
      if (args.closedAt === null) return [];
      const problem = resourceValueProblem({ kind: "instant" }, args.closedAt);
      if (problem) return [{ field: "closedAt", message: problem }];
      // A mandate is closed now or was closed before: a future closing would stop it counting as active early.
      return args.closedAt.getTime() > Date.now() + CLOCK_SKEW_MS ? [{ field: "closedAt", message: "Can't be in the future" }] : [];
    },
    async change(scope, args) {
      const before = found(await findChild(scope.tx, mandateResource, { id: args.id }), "No direct debit mandate with this id");
      if (before.closedAt) {
        throw fail(MutationErrorCode.MANDATE_ALREADY_CLOSED, `The mandate was closed at ${before.closedAt.toISOString()}`);
      }
      const closedAt = args.closedAt === null ? () => "clock_timestamp()" : new Date(args.closedAt);
      const after = await updateReturning(scope.tx, DirectDebitMandate, before.id, { closedAt });
      recordChildChange(scope, mandateResource, before, after);
      return after;
    },
    ...store,
  };

  return { createDirectDebitMandate, closeDirectDebitMandate };
}

const specs = specsPerServer(mandateSpecs);

@ArgsType()
class CreateDirectDebitMandateArgs extends ClientRefControls {
  @Field(() => CreateDirectDebitMandateInput, { description: "The new mandate's fields" })
  input: ResourceValues;
}

@ArgsType()
class CloseDirectDebitMandateArgs extends MutationControls {
  @Field(() => ID, { description: "The mandate's id" })
  id: string;

  @Field(() => DateTime, { nullable: true, description: "When it was closed (ISO 8601 instant); now when left out" })
  closedAt?: Date | null;
}

type Payload = InstanceType<typeof payload.Payload>;

/** The mandate mutations: thin, each one spec through the pipeline. */
@Resolver()
class DirectDebitMandateMutationResolver {
  @Mutation(() => payload.Payload, { description: "Registers a direct debit mandate of a client. Needs clients:write." })
  async createDirectDebitMandate(@Args() { idempotencyKey, dryRun, clientId, clientUniqueId, input }: CreateDirectDebitMandateArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
    const args = { ...clientRefOf({ clientId, clientUniqueId }), input: { ...input } };
    return payload.toPayload(await runMutation(ctx, specs(ctx).createDirectDebitMandate, { args, idempotencyKey, dryRun }));
  }

  @Mutation(() => payload.Payload, { description: "Closes a mandate; closing a closed one fails with MANDATE_ALREADY_CLOSED. Needs clients:write." })
  async closeDirectDebitMandate(@Args() { idempotencyKey, dryRun, id, closedAt }: CloseDirectDebitMandateArgs, @Ctx() ctx: RequestContext): Promise<Payload> {
    const args = { id, closedAt: closedAt ?? null };
    return payload.toPayload(await runMutation(ctx, specs(ctx).closeDirectDebitMandate, { args, idempotencyKey, dryRun }));
  }
}

export const mandateWriteResolvers = [DirectDebitMandateMutationResolver, payload.PayloadResolver] as const;
