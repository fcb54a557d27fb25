import { Field, ObjectType } from "type-graphql";
import { MutationError } from "../common/mutation/mutation-error";
import type { MutationOutcome } from "../common/mutation/pipeline";
import { SourceSystem } from "./source-system.entity";

@ObjectType({ description: "The outcome of a source-system mutation" })
export class SourceSystemPayload {
  @Field(() => SourceSystem, { nullable: true, description: "The source as committed (as it was, for deleteSourceSystem); null on error and in a dry run" })
  sourceSystem: SourceSystem | null;

  @Field(() => MutationError, { nullable: true, description: "Null on success" })
  error: MutationError | null;

  @Field(() => Boolean, { description: "True when nothing was saved (dryRun: true was asked)" })
  dryRun: boolean;

  @Field(() => Boolean, { description: "This is the stored answer of an earlier call with the same idempotency key" })
  replayed: boolean;
}

export function sourceSystemPayload(outcome: MutationOutcome<SourceSystem>): SourceSystemPayload {
  return {
    sourceSystem: !outcome.dryRun && !outcome.error ? outcome.result : null,
    error: outcome.error,
    dryRun: outcome.dryRun,
    replayed: outcome.replayed,
  };
}
