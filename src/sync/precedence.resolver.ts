import { Args, ArgsType, Authorized, Ctx, Field, Mutation, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import { specsPerServer } from "../common/mutation/mutation-controls";
import { MutationError } from "../common/mutation/mutation-error";
import { MutationSpec, runMutation } from "../common/mutation/pipeline";
import { databaseField, NoArgs } from "../common/prefetch";
import type { RequestContext } from "../context";
import { CLIENT_FIELD_NAMES } from "../modules/client/client.fields";
import { SourceKind } from "../sources/source-system.entity";
import { DEFAULT_PRECEDENCE, FIELD_GROUPS, FieldGroup, fieldsOfGroup, SourceKindName } from "./precedence";

/**
 * Which source wins which client fields (SOURCES.md rule 4), per tenant: read with clients:read,
 * set per field group with sources:admin. A group the tenant has not set has the default.
 */

const FieldGroupEnum = Object.fromEntries(FIELD_GROUPS.map((group) => [group, group])) as { [G in FieldGroup]: G };
registerEnumType(FieldGroupEnum, {
  name: "FieldGroup",
  description: "A group of client fields that one precedence of sources decides",
  valuesConfig: {
    IDENTITY: { description: "Who the client is: names, numbers, type (every field not in another group)" },
    CONTACT: { description: "E-mail, phones, address, website" },
    FINANCE: { description: "VAT, tax, currency, ledger, factoring terms and templates" },
    BILLING: { description: "Payment terms, e-invoicing codes (SDI, intent) and customer type" },
    CREDIT: { description: "Credit limit, its currency and the rating from credit data" },
  },
});

@ObjectType({ description: "Which source's value a group of client fields takes: the first kind listed, then the next" })
export class FieldGroupPrecedence {
  @Field(() => FieldGroupEnum, { description: "The group of client fields" })
  group: FieldGroup;

  @Field(() => [SourceKind], { description: "Source kinds, the winner first; kinds not listed rank after every listed one" })
  sources: SourceKindName[];

  @Field(() => [String], { description: "The Client fields of the group" })
  fields: string[];

  @Field(() => Boolean, { description: "The gateway's default (the company set none for this group)" })
  isDefault: boolean;
}

const precedenceOf = (group: FieldGroup, own: SourceKindName[] | undefined): FieldGroupPrecedence => ({
  group,
  sources: own ?? [...DEFAULT_PRECEDENCE[group]],
  fields: fieldsOfGroup(group, CLIENT_FIELD_NAMES),
  isDefault: own === undefined,
});

const loadPrecedence = databaseField("Query", "sourcePrecedence", async (_root: unknown, _args: NoArgs, ctx): Promise<FieldGroupPrecedence[]> => {
  const manager = await ctx.session.manager();
  const rows = (await manager.query(`SELECT field_group, sources FROM source_precedence WHERE tenant_id = $1`, [ctx.session.tenantId])) as { field_group: FieldGroup; sources: SourceKindName[] }[];
  const own = new Map(rows.map((row) => [row.field_group, row.sources]));
  return FIELD_GROUPS.map((group) => precedenceOf(group, own.get(group)));
});

@ArgsType()
class SetSourcePrecedenceArgs {
  @Field(() => FieldGroupEnum, { description: "The group of client fields" })
  group: FieldGroup;

  @Field(() => [SourceKind], { nullable: true, description: "The kinds, the winner first, each once; null: back to the default" })
  sources: SourceKindName[] | null;

  @Field(() => String, { description: "1..255 characters; a retry with the same key and arguments gets the stored payload (replayed: true)" })
  idempotencyKey: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Validate and answer as if saved, without saving" })
  dryRun: boolean | null;
}

@ObjectType({ description: "The outcome of setSourcePrecedence" })
export class SourcePrecedencePayload {
  @Field(() => FieldGroupPrecedence, { nullable: true, description: "The group's precedence as saved (or as it would be, for a dry run); null on error" })
  precedence: FieldGroupPrecedence | null;

  @Field(() => MutationError, { nullable: true, description: "Null on success" })
  error: MutationError | null;

  @Field(() => Boolean, { description: "True when nothing was saved (dryRun: true was asked)" })
  dryRun: boolean;

  @Field(() => Boolean, { description: "True when this answers a repeated idempotency key with the first answer" })
  replayed: boolean;
}

interface SetArgs {
  group: FieldGroup;
  sources: SourceKindName[] | null;
}

const specs = specsPerServer(() => {
  const setSourcePrecedence: MutationSpec<SetArgs, FieldGroupPrecedence> = {
    name: "setSourcePrecedence",
    scope: "sources:admin",
    fingerprint: (args) => args,
    validate({ sources }) {
      if (sources === null) return [];
      if (sources.length === 0) return [{ field: "sources", message: "List at least one source kind, or send null for the default" }];
      const twice = sources.filter((kind, i) => sources.indexOf(kind) !== i);
      return twice.length > 0 ? [{ field: "sources", message: `Each kind once: ${[...new Set(twice)].join(", ")} is listed twice` }] : [];
    },
    async change(scope, { group, sources }) {
      // The next run reads it at its start; a run under way goes on with what it read.
      if (sources === null) await scope.tx.query(`DELETE FROM source_precedence WHERE field_group = $1`, [group]);
      else {
        await scope.tx.query(
          `INSERT INTO source_precedence (tenant_id, field_group, sources) VALUES ($1, $2, $3)
           ON CONFLICT (tenant_id, field_group) DO UPDATE SET sources = EXCLUDED.sources, updated_at = clock_timestamp()`,
          [scope.tenantId, group, JSON.stringify(sources)],
        );
      }
      return precedenceOf(group, sources ?? undefined);
    },
    serialise: (result) => result,
    restore: (stored) => stored as FieldGroupPrecedence,
  };
  return { setSourcePrecedence };
});

@Resolver()
export class SourcePrecedenceResolver {
  @Authorized("clients:read")
  @Query(() => [FieldGroupPrecedence], { description: "Which source wins which client fields, per field group (SOURCES.md rule 4). Needs clients:read." })
  sourcePrecedence(@Ctx() ctx: RequestContext): Promise<FieldGroupPrecedence[]> {
    return loadPrecedence(undefined, {}, ctx);
  }

  @Mutation(() => SourcePrecedencePayload, {
    description:
      "Sets which source kinds win a field group, the winner first (null: the default again). Later runs apply it; a value a person wrote still stands until its owning source changes it. Needs sources:admin.",
  })
  async setSourcePrecedence(@Args() { group, sources, idempotencyKey, dryRun }: SetSourcePrecedenceArgs, @Ctx() ctx: RequestContext): Promise<SourcePrecedencePayload> {
    const outcome = await runMutation(ctx, specs(ctx).setSourcePrecedence, { args: { group, sources: sources ?? null }, idempotencyKey, dryRun });
    return { precedence: outcome.result, error: outcome.error, dryRun: outcome.dryRun, replayed: outcome.replayed };
  }
}
