import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { keyOf } from "../common/loaders";
import { lazyPage } from "../common/pagination/page";
import { assertPageSize } from "../common/pagination/page-size";
import { databaseField, dbFreeFields, NoArgs } from "../common/prefetch";
import { JSONScalar } from "../common/scalars";
import type { RequestContext } from "../context";
import { SourceSystem } from "../sources/source-system.entity";
import { issuesPageByRun, sourceSystemById } from "../sources/source-system.loaders";
import { sourceSystemService } from "../sources/source-system.service";
import { maskPersonalNumbersIn } from "./data-quality-issue.type";
import { SyncIssue } from "./sync-issue.entity";
import { decodeIssueCursor, encodeIssueCursor, SyncIssueConnection } from "./sync-run.connection";
import { SyncRun } from "./sync-run.entity";

const loadRun = databaseField("Query", "syncRun", (_root: unknown, { id }: { id: string }, ctx) => sourceSystemService.findRun(ctx.session, id));

const loadSource = databaseField("SyncRun", "source", async (run: SyncRun, _args: NoArgs, ctx): Promise<SourceSystem> => {
  const source = await ctx.loaders.get(sourceSystemById).load({ tenantId: run.tenantId, id: run.sourceSystemId });
  // A run cascades with its source (FK), so within one snapshot the source is there.
  if (!source) throw new Error(`Sync run ${run.id} has no source system`);
  return source;
});

const loadIssues = databaseField(
  "SyncRun",
  "issues",
  async (run: SyncRun, { first, after }: { first?: number | null; after?: string | null }, ctx): Promise<SyncIssueConnection> => {
    const size = assertPageSize(first ?? 20, 100);
    const position = after == null ? null : decodeIssueCursor(ctx.cursors, after);
    const rows = await ctx.loaders.get(issuesPageByRun).load({ ...keyOf(run), first: size, after: position });
    return lazyPage(rows.slice(0, size), (issue) => encodeIssueCursor(ctx.cursors, issue), { hasNextPage: rows.length > size, hasPreviousPage: position !== null });
  },
);

/** Sync runs: reading them needs clients:read (SOURCES.md). */
@Resolver(() => SyncRun)
export class SyncRunResolver {
  @Authorized("clients:read")
  @Query(() => SyncRun, { nullable: true, description: "A sync run by id. Needs clients:read." })
  syncRun(@Arg("id", () => ID, { description: "The sync run's id" }) id: string, @Ctx() ctx: RequestContext): Promise<SyncRun | null> {
    return loadRun(undefined, { id }, ctx);
  }

  @FieldResolver(() => SourceSystem, { description: "The source system the run reads" })
  source(@Root() run: SyncRun, @Ctx() ctx: RequestContext): Promise<SourceSystem> {
    return loadSource(run, {}, ctx);
  }

  @FieldResolver(() => SyncIssueConnection, { description: "What the run could not apply as it was, newest first" })
  issues(
    @Root() run: SyncRun,
    @Ctx() ctx: RequestContext,
    @Arg("after", () => String, { nullable: true, description: "The endCursor of the previous page" })
    after: string | null | undefined,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1..100; 20 when not given (SOURCES.md fixes the argument without a default)" })
    first: number | null,
  ): Promise<SyncIssueConnection> {
    return loadIssues(run, { first, after }, ctx);
  }
}

dbFreeFields("SyncIssue", ["detail"]);

/** A conflict's detail holds both records: their personnummer masked without clients:pii, as everywhere. */
@Resolver(() => SyncIssue)
export class SyncIssueResolver {
  @FieldResolver(() => JSONScalar, {
    nullable: true,
    description: "Both sides of a conflict; a source's status and its error body (redacted). Personal identity numbers masked without clients:pii",
  })
  detail(@Root() issue: SyncIssue, @Ctx() ctx: RequestContext): unknown {
    return maskPersonalNumbersIn(issue.detail, ctx.caller.scopes.has("clients:pii"));
  }
}
