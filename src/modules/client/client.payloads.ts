import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { MutationError } from "../../common/mutation/mutation-error";
import type { MutationOutcome } from "../../common/mutation/pipeline";
import { dbFreeFields } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { displayOrgNumber, displayVatNumber } from "./client.display";
import { Client } from "./client.entity";
import { ClientType } from "./client.enums";
import { CLIENT_FIELD_NAMES, ClientValues, declareClientFields } from "./client.fields";
import { appliedTo } from "../template/applied";
import { ChartOfAccountTemplateAccount, ParameterTemplateEntry, PricelistTemplateLine } from "../template/template-lines.types";

/** The would-be client of a dry run: every field, without id, GUID and timestamps. */
@ObjectType({ description: "What a dry run would have written: the client without id, uniqueId and timestamps" })
export class ClientPreview {
  @Field(() => Boolean, { description: "Whether the client would be archived (archiveClient, restoreClient)" })
  archived: boolean;

  @Field(() => [PricelistTemplateLine], { nullable: true, description: "A create: the pricelists its pricelistTemplate would give it (empty without one); null for other mutations" })
  pricelists: PricelistTemplateLine[] | null;

  @Field(() => [ParameterTemplateEntry], { nullable: true, description: "A create: the parameters its parameterTemplate would give it (empty without one); null for other mutations" })
  parameters: ParameterTemplateEntry[] | null;

  @Field(() => [ChartOfAccountTemplateAccount], { nullable: true, description: "A create: the chart of accounts its chartOfAccountTemplate would give it (empty without one); null for other mutations" })
  chartOfAccounts: ChartOfAccountTemplateAccount[] | null;
}
export interface ClientPreview extends ClientValues {
  clientType: ClientType;
}
declareClientFields(ClientPreview, "output", ["orgNumber", "vatNumber"]);

/** The preview of a client as the dry run left it (before its rollback). */
export function previewOf(client: Client): ClientPreview {
  const preview = new ClientPreview() as unknown as Record<string, unknown>;
  for (const name of CLIENT_FIELD_NAMES) preview[name] = (client as unknown as Record<string, unknown>)[name] ?? null;
  preview.archived = client.archivedAt !== null;
  const applied = appliedTo(client);
  preview.pricelists = applied?.pricelists ?? null;
  preview.parameters = applied?.parameters ?? null;
  preview.chartOfAccounts = applied?.chartOfAccounts ?? null;
  return preview as unknown as ClientPreview;
}

dbFreeFields("ClientPreview", ["orgNumber", "vatNumber"]);

/** A preview shows org and VAT numbers by the same rules as a client (masked without clients:pii). */
@Resolver(() => ClientPreview)
export class ClientPreviewResolver {
  @FieldResolver(() => String, { nullable: true, description: "As Client.orgNumber" })
  orgNumber(@Root() preview: ClientPreview, @Ctx() ctx: RequestContext): string | null {
    return displayOrgNumber(identity(preview), ctx.caller.scopes.has("clients:pii"));
  }

  @FieldResolver(() => String, { nullable: true, description: "As Client.vatNumber" })
  vatNumber(@Root() preview: ClientPreview, @Ctx() ctx: RequestContext): string | null {
    return displayVatNumber(identity(preview), ctx.caller.scopes.has("clients:pii"));
  }
}

const identity = (preview: ClientPreview) => ({
  clientType: preview.clientType,
  countryCode: preview.countryCode ?? null,
  orgNumber: preview.orgNumber ?? null,
  vatNumber: preview.vatNumber ?? null,
});

@ObjectType({ description: "The outcome of a client mutation" })
export class ClientPayload {
  @Field(() => Client, { nullable: true, description: "The client as committed (null on error and in a dry run)" })
  client: Client | null;

  @Field(() => ClientPreview, { nullable: true, description: "Dry run only: what would have been written" })
  preview: ClientPreview | null;

  @Field(() => MutationError, { nullable: true, description: "Null on success" })
  error: MutationError | null;

  @Field(() => Boolean, { description: "Whether this was a dry run: validated and previewed, nothing written" })
  dryRun: boolean;

  @Field(() => Boolean, { description: "This is the stored answer of an earlier call with the same idempotency key" })
  replayed: boolean;
}

export function clientPayload(outcome: MutationOutcome<Client>): ClientPayload {
  return {
    client: !outcome.dryRun && !outcome.error ? outcome.result : null,
    preview: outcome.dryRun && outcome.result && !outcome.error ? previewOf(outcome.result) : null,
    error: outcome.error,
    dryRun: outcome.dryRun,
    replayed: outcome.replayed,
  };
}

@ObjectType({ description: "One input of a bulk create, in input order" })
export class BulkCreateClientResult {
  @Field(() => Boolean, { description: "Whether this input succeeded (in a dry run: would succeed); false: see error" })
  ok: boolean;

  @Field(() => Int, { description: "The input's index in `inputs`" })
  requestIndex: number;

  @Field(() => Client, { nullable: true, description: "The client as committed; null on error and in a dry run" })
  client: Client | null;

  @Field(() => ClientPreview, { nullable: true, description: "Dry run only" })
  preview: ClientPreview | null;

  @Field(() => MutationError, { nullable: true, description: "Why this input failed; null when ok" })
  error: MutationError | null;
}

@ObjectType({ description: "Counts of a bulk create's results" })
export class BulkSummary {
  @Field(() => Int, { description: "How many inputs there were" })
  total: number;

  @Field(() => Int, { description: "How many succeeded (in a dry run: would succeed)" })
  succeeded: number;

  @Field(() => Int, { description: "How many failed" })
  failed: number;
}

@ObjectType({ description: "The outcome of a bulk create: one result per input, in input order" })
export class BulkCreateClientsPayload {
  @Field(() => [BulkCreateClientResult], { description: "One result per input, in input order" })
  results: BulkCreateClientResult[];

  @Field(() => BulkSummary, { description: "Totals over results" })
  summary: BulkSummary;

  @Field(() => MutationError, { nullable: true, description: "Set when the batch as a whole failed (limits, the key, an allOrNothing batch with a failed item)" })
  error: MutationError | null;

  @Field(() => Boolean, { description: "Whether this was a dry run: validated and previewed, nothing written" })
  dryRun: boolean;

  @Field(() => Boolean, { description: "This is the stored answer of an earlier call with the same idempotency key" })
  replayed: boolean;
}

/** One item of a bulk create as the change produced it. */
export interface BulkItem {
  requestIndex: number;
  client: Client | null;
  error: MutationError | null;
}

export function bulkPayload(outcome: MutationOutcome<BulkItem[]>): BulkCreateClientsPayload {
  const items = outcome.result ?? [];
  const results = items.map((item) => ({
    ok: item.error === null && outcome.error === null,
    requestIndex: item.requestIndex,
    client: outcome.dryRun || item.error ? null : item.client,
    preview: outcome.dryRun && item.client && !item.error ? previewOf(item.client) : null,
    error: item.error,
  }));
  const succeeded = results.filter((r) => r.ok).length;
  return {
    results,
    summary: { total: results.length, succeeded, failed: results.length - succeeded },
    error: outcome.error,
    dryRun: outcome.dryRun,
    replayed: outcome.replayed,
  };
}
