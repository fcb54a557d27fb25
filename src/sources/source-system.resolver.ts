import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { keyOf } from "../common/loaders";
import { lazyPage } from "../common/pagination/page";
import { assertPageSize } from "../common/pagination/page-size";
import { databaseField, dbFreeFields, NoArgs } from "../common/prefetch";
import { authKindOfSealed, SourceAuthKind } from "./source-auth-kind";
import type { RequestContext } from "../context";
import { decodeRunCursor, encodeRunCursor, SyncRunConnection } from "../sync/sync-run.connection";
import { SyncRun } from "../sync/sync-run.entity";
import { SourceSystem } from "./source-system.entity";
import { lastRunBySource, runsPageBySource } from "./source-system.loaders";
import { sourceSystemService } from "./source-system.service";

const loadSourceSystems = databaseField("Query", "sourceSystems", (_root: unknown, _args: NoArgs, ctx) => sourceSystemService.list(ctx.session));
const loadSourceSystem = databaseField("Query", "sourceSystem", (_root: unknown, { id }: { id: string }, ctx) => sourceSystemService.findById(ctx.session, id));

const loadLastRun = databaseField("SourceSystem", "lastRun", async (source: SourceSystem, _args: NoArgs, ctx): Promise<SyncRun | null> => {
  const [run] = await ctx.loaders.get(lastRunBySource).load({ ...keyOf(source), first: 1 });
  return run ?? null;
});

const loadRuns = databaseField(
  "SourceSystem",
  "runs",
  async (source: SourceSystem, { first, after }: { first?: number | null; after?: string | null }, ctx): Promise<SyncRunConnection> => {
    const size = assertPageSize(first ?? 20, 100);
    const position = after == null ? null : decodeRunCursor(ctx.cursors, after);
    const rows = await ctx.loaders.get(runsPageBySource).load({ ...keyOf(source), first: size, after: position });
    return lazyPage(rows.slice(0, size), (run) => encodeRunCursor(ctx.cursors, run), { hasNextPage: rows.length > size, hasPreviousPage: position !== null });
  },
);

dbFreeFields("SourceSystem", ["authKind"]);

/**
 * Reading source systems: their definitions need clients:read, as reading runs and provenance does
 * (SOURCES.md); sources:admin is for changing them. Nothing of the credentials is a field.
 */
@Resolver(() => SourceSystem)
export class SourceSystemResolver {
  @Authorized("clients:read")
  @Query(() => [SourceSystem], { description: "The company's source systems, by name. Needs clients:read." })
  sourceSystems(@Ctx() ctx: RequestContext): Promise<SourceSystem[]> {
    return loadSourceSystems(undefined, {}, ctx);
  }

  @Authorized("clients:read")
  @Query(() => SourceSystem, { nullable: true, description: "A source system by id. Needs clients:read." })
  sourceSystem(@Arg("id", () => ID, { description: "The source system's id" }) id: string, @Ctx() ctx: RequestContext): Promise<SourceSystem | null> {
    return loadSourceSystem(undefined, { id }, ctx);
  }

  @FieldResolver(() => SourceAuthKind, { nullable: true, description: "Which kind of credentials are set (never the credentials); null if they can't be opened with this server's key" })
  authKind(@Root() source: SourceSystem, @Ctx() ctx: RequestContext): SourceAuthKind | null {
    // A replayed payload keeps the kind, not the sealed credentials (source-system.mutations.ts).
    if (source.authKind !== undefined) return source.authKind;
    return authKindOfSealed(ctx.mutations.credentials, source.credentials);
  }

  @FieldResolver(() => SyncRun, { nullable: true, description: "The newest run (by queuedAt), open or finished" })
  lastRun(@Root() source: SourceSystem, @Ctx() ctx: RequestContext): Promise<SyncRun | null> {
    return loadLastRun(source, {}, ctx);
  }

  @FieldResolver(() => SyncRunConnection, { description: "The source's runs, newest first" })
  runs(
    @Root() source: SourceSystem,
    @Ctx() ctx: RequestContext,
    // `after` before `first`: type-graphql lists arguments in reverse, so the SDL reads (first, after).
    @Arg("after", () => String, { nullable: true, description: "The endCursor of the previous page" })
    after: string | null | undefined,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1..100; 20 when not given (SOURCES.md fixes the argument without a default)" })
    first: number | null,
  ): Promise<SyncRunConnection> {
    return loadRuns(source, { first, after }, ctx);
  }
}
