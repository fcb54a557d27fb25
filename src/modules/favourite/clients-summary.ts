import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { MutationControls, specsPerServer } from "../../common/mutation/mutation-controls";
import { MutationError } from "../../common/mutation/mutation-error";
import { MutationSpec, runMutation } from "../../common/mutation/pipeline";
import { lockClient } from "../../common/resource/child-resource";
import { assertPageSize } from "../../common/pagination/page-size";
import { entityColumns, queryEntities } from "../../db/hydrate";
import type { TenantSession } from "../../db/tenant-session";
import type { RequestContext } from "../../context";
import { databaseField, NoArgs } from "../../common/prefetch";
import { Client } from "../client/client.entity";
import { clientAfterWrite } from "../client/client-resource";
import { KEEP_OPENED_PER_CALLER } from "./opened-clients.recorder";
import { CHARTS_DESCRIPTION, COMPANY_CHARTS_SQL, MonthlyOpenAmount } from "../summary/open-amount-chart";

/** The caller's view over the company's clients (Aptic's clients summary). */
@ObjectType({ description: "The company's clients as the caller sees them: how many, the caller's favourites, the ones the caller opened last" })
export class ClientsSummary {
  /** The caller's token subject: favourites and opens are per caller. */
  subject: string;

  /** The company's client counts, read once for the fields that show them. */
  counts?: Promise<{ active: number; archived: number; mine: number }>;
}

function clientCounts(summary: ClientsSummary, session: TenantSession): Promise<{ active: number; archived: number; mine: number }> {
  summary.counts ??= session
    .query<{ active: number; archived: number; mine: number }>(
      `SELECT (count(*) FILTER (WHERE archived_at IS NULL))::int AS active, (count(*) FILTER (WHERE archived_at IS NOT NULL))::int AS archived,
              (count(*) FILTER (WHERE archived_at IS NULL AND responsible_user = $2))::int AS mine
         FROM client WHERE tenant_id = $1`,
      [session.tenantId, summary.subject],
    )
    .then(([row]) => row);
  return summary.counts;
}

const MAX_LIST = KEEP_OPENED_PER_CALLER;

/** Clients of the tenant joined from a per-caller table, newest first. */
async function callerClients(session: TenantSession, table: "favourite_client" | "opened_client", order: string, subject: string, first: number): Promise<Client[]> {
  const manager = await session.manager();
  return queryEntities(
    manager,
    Client,
    `SELECT ${entityColumns(manager, Client, "c")} FROM "${table}" x JOIN client c ON c.id = x.client_id
      WHERE x.tenant_id = $1 AND x.subject = $2 ORDER BY x.${order} DESC, x.id DESC LIMIT $3`,
    [session.tenantId, subject, first],
  );
}

// The summary itself reads nothing: its fields do (the planner reads them before values complete).
const loadSummary = databaseField("Query", "clientsSummary", (_root: unknown, _args: NoArgs, ctx) =>
  Object.assign(new ClientsSummary(), { subject: ctx.caller.subject }),
);
const loadAccessible = databaseField("ClientsSummary", "accessibleClients", async (summary: ClientsSummary, _args: NoArgs, ctx) =>
  (await clientCounts(summary, ctx.session)).active,
);
const loadArchived = databaseField("ClientsSummary", "archivedClients", async (summary: ClientsSummary, _args: NoArgs, ctx) =>
  (await clientCounts(summary, ctx.session)).archived,
);
const loadMyClients = databaseField("ClientsSummary", "myClients", async (summary: ClientsSummary, _args: NoArgs, ctx) =>
  (await clientCounts(summary, ctx.session)).mine,
);
const loadCharts = databaseField("ClientsSummary", "charts", (_summary: ClientsSummary, _args: NoArgs, ctx) =>
  ctx.session.query<MonthlyOpenAmount>(COMPANY_CHARTS_SQL, [ctx.tenantId]),
);
const loadFavoriteCount = databaseField("ClientsSummary", "favoriteCount", async (summary: ClientsSummary, _args: NoArgs, ctx) => {
  const [row] = await ctx.session.query<{ n: number }>(`SELECT count(*)::int AS n FROM favourite_client WHERE tenant_id = $1 AND subject = $2`, [ctx.tenantId, summary.subject]);
  return row.n;
});
const loadFavorites = databaseField("ClientsSummary", "favorites", (summary: ClientsSummary, { first }: { first: number }, ctx) =>
  callerClients(ctx.session, "favourite_client", "created_at", summary.subject, assertPageSize(first, MAX_LIST)),
);
const loadLatestOpened = databaseField("ClientsSummary", "latestOpened", (summary: ClientsSummary, { first }: { first: number }, ctx) =>
  callerClients(ctx.session, "opened_client", "opened_at", summary.subject, assertPageSize(first, MAX_LIST)),
);

@Resolver(() => ClientsSummary)
export class ClientsSummaryResolver {
  @Authorized("clients:read")
  @Query(() => ClientsSummary, { description: "Counts over the company's clients, the caller's favourites and the clients the caller opened most recently" })
  clientsSummary(@Ctx() ctx: RequestContext): ClientsSummary {
    return loadSummary(undefined, {}, ctx);
  }

  @FieldResolver(() => Int, { description: "Clients of the company that are not archived" })
  accessibleClients(@Root() summary: ClientsSummary, @Ctx() ctx: RequestContext): Promise<number> {
    return loadAccessible(summary, {}, ctx);
  }

  @FieldResolver(() => Int, { description: "Archived clients of the company" })
  archivedClients(@Root() summary: ClientsSummary, @Ctx() ctx: RequestContext): Promise<number> {
    return loadArchived(summary, {}, ctx);
  }

  @FieldResolver(() => Int, {
    description: "Clients of the company, not archived, whose responsibleUser is the caller (the token's subject): set to the caller by createClient unless the input names another, changed with updateClient",
  })
  myClients(@Root() summary: ClientsSummary, @Ctx() ctx: RequestContext): Promise<number> {
    return loadMyClients(summary, {}, ctx);
  }

  @FieldResolver(() => [MonthlyOpenAmount], { description: `The company's invoices. ${CHARTS_DESCRIPTION}` })
  charts(@Root() summary: ClientsSummary, @Ctx() ctx: RequestContext): Promise<MonthlyOpenAmount[]> {
    return loadCharts(summary, {}, ctx);
  }

  @FieldResolver(() => Int, { description: "How many clients the caller marked as favourite" })
  favoriteCount(@Root() summary: ClientsSummary, @Ctx() ctx: RequestContext): Promise<number> {
    return loadFavoriteCount(summary, {}, ctx);
  }

  @FieldResolver(() => [Client], { description: `The caller's favourites, the last marked first (archived ones too: archivedAt tells). first: 1..${MAX_LIST}` })
  favorites(@Root() summary: ClientsSummary, @Arg("first", () => Int, { defaultValue: 10, description: `How many clients, 1..${MAX_LIST} (default 10)` }) first: number, @Ctx() ctx: RequestContext): Promise<Client[]> {
    return loadFavorites(summary, { first }, ctx);
  }

  @FieldResolver(() => [Client], {
    description: `The clients the caller opened with the client query, the latest first. Recorded after the query, so an open shows here within a second or so. first: 1..${MAX_LIST}`,
  })
  latestOpened(@Root() summary: ClientsSummary, @Arg("first", () => Int, { defaultValue: 10, description: `How many clients, 1..${MAX_LIST} (default 10)` }) first: number, @Ctx() ctx: RequestContext): Promise<Client[]> {
    return loadLatestOpened(summary, { first }, ctx);
  }
}

@ObjectType({ description: "The outcome of addFavoriteClient / removeFavoriteClient" })
export class FavoriteClientPayload {
  @Field(() => Boolean, { description: "Whether the client is now (in a dry run: would be) one of the caller's favourites" })
  isFavorite: boolean;

  @Field(() => MutationError, { nullable: true, description: "Null on success" })
  error: MutationError | null;

  @Field(() => Boolean, { description: "Whether this was a dry run: validated and previewed, nothing written" })
  dryRun: boolean;

  @Field(() => Boolean, { description: "This is the stored answer of an earlier call with the same idempotency key" })
  replayed: boolean;

  clientId: string | null;
}

interface FavoriteArgs {
  clientId: string;
}
interface FavoriteResult {
  clientId: string;
  isFavorite: boolean;
}

/** Favourites are the caller's own preference: they need clients:read, not clients:write, and aren't audited. */
const specs = specsPerServer(() => {
  const spec = (name: string, isFavorite: boolean, sql: string): MutationSpec<FavoriteArgs & { subject: string }, FavoriteResult> => ({
    name,
    scope: "clients:read",
    fingerprint: (args) => args,
    validate: () => [],
    async change(scope, args) {
      await lockClient(scope, args.clientId);
      await scope.tx.query(sql, [scope.tenantId, args.subject, args.clientId]);
      return { clientId: args.clientId, isFavorite };
    },
    serialise: (result) => result,
    restore: (stored) => stored as FavoriteResult,
  });
  return {
    add: spec("addFavoriteClient", true, `INSERT INTO favourite_client (tenant_id, subject, client_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`),
    remove: spec("removeFavoriteClient", false, `DELETE FROM favourite_client WHERE tenant_id = $1 AND subject = $2 AND client_id = $3`),
  };
});

@ArgsType()
class FavoriteClientArgs extends MutationControls {
  @Field(() => ID, { description: "The client's id" })
  clientId: string;
}

const toPayload = (outcome: { result: FavoriteResult | null; error: MutationError | null; dryRun: boolean; replayed: boolean }): FavoriteClientPayload =>
  Object.assign(new FavoriteClientPayload(), {
    isFavorite: outcome.result?.isFavorite ?? false,
    error: outcome.error,
    dryRun: outcome.dryRun,
    replayed: outcome.replayed,
    clientId: outcome.result?.clientId ?? null,
  });

const loadPayloadClient = databaseField("FavoriteClientPayload", "client", (payload: FavoriteClientPayload, _args: NoArgs, ctx) =>
  clientAfterWrite(payload.clientId, ctx),
);

@Resolver(() => FavoriteClientPayload)
export class FavoriteClientResolver {
  @Mutation(() => FavoriteClientPayload, { description: "Marks a client as one of the caller's favourites (again: no change). Needs clients:read." })
  async addFavoriteClient(@Args() { idempotencyKey, dryRun, clientId }: FavoriteClientArgs, @Ctx() ctx: RequestContext): Promise<FavoriteClientPayload> {
    return toPayload(await runMutation(ctx, specs(ctx).add, { args: { clientId, subject: ctx.caller.subject }, idempotencyKey, dryRun }));
  }

  @Mutation(() => FavoriteClientPayload, { description: "Unmarks a favourite (not one: no change). Needs clients:read." })
  async removeFavoriteClient(@Args() { idempotencyKey, dryRun, clientId }: FavoriteClientArgs, @Ctx() ctx: RequestContext): Promise<FavoriteClientPayload> {
    return toPayload(await runMutation(ctx, specs(ctx).remove, { args: { clientId, subject: ctx.caller.subject }, idempotencyKey, dryRun }));
  }

  @FieldResolver(() => Client, { nullable: true, description: "The client, read after the change (null on NOT_FOUND)" })
  client(@Root() payload: FavoriteClientPayload, @Ctx() ctx: RequestContext): Promise<Client | null> | null {
    return loadPayloadClient(payload, {}, ctx);
  }
}
