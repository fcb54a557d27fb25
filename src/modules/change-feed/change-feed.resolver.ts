import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { GatewayError, RequestErrorCode, badUserInput } from "../../common/errors";
import { lazyPage } from "../../common/pagination/page";
import { PageInfo } from "../../common/pagination/page-info";
import { assertPageSize } from "../../common/pagination/page-size";
import { databaseField, NoArgs } from "../../common/prefetch";
import { DateTime } from "../../common/scalars";
import { isBigintId } from "../../common/validation/checksums";
import type { RequestContext } from "../../context";
import { SourceSystem } from "../../sources/source-system.entity";
import { sourceSystemById } from "../../sources/source-system.loaders";
import { ClientChangeKind } from "./change-kind";
import { ChangeRow, FeedPosition, isBefore, readFeedPage } from "./feed";

@ObjectType({ description: "One committed change of a client or of one of its nested records, as the change feed has it" })
export class ClientChange {
  @Field(() => ID, { description: "The client changed (or whose nested record changed)" })
  clientId: string;

  @Field(() => ClientChangeKind, { description: "What the change did to the client or one of its nested records" })
  kind: ClientChangeKind;

  @Field(() => String, { nullable: true, description: "The GraphQL type name of the nested record changed (e.g. BankAccount, ClientParameter); null for the client itself" })
  resource: string | null;

  @Field(() => ID, { nullable: true, description: "The id of the nested record changed; null for the client itself" })
  resourceId: string | null;

  @Field(() => DateTime, { description: "When the change's transaction committed" })
  changedAt: Date;

  @Field(() => [String], { description: "The names of the fields that changed (their values are in Client.history, masked as there)" })
  fields: string[];

  @Field(() => String, { nullable: true, description: "The request that made the change (its extensions.requestId); a sync's run id is not a request" })
  requestId: string | null;

  /** The source system whose sync made the change. */
  sourceSystemId: string | null;
  tenantId: string;
}

@ObjectType({ description: "A change and its cursor" })
export class ClientChangeEdge {
  @Field({ description: "The position after this change: pass it as `after` to go on from here" })
  cursor: string;

  @Field(() => ClientChange, { description: "The item" })
  node: ClientChange;
}

@ObjectType({ description: "A page of the company's change feed, oldest first" })
export class ClientChangeConnection {
  @Field(() => [ClientChangeEdge], { description: "The page's items, each with its cursor" })
  edges: ClientChangeEdge[];

  @Field(() => [ClientChange], { description: "The page's items, in order, without cursors" })
  nodes: ClientChange[];

  @Field(() => PageInfo, { description: "endCursor is the position to store: on an empty page it is the `after` given, so a poller never goes back" })
  pageInfo: PageInfo;
}

const MAX_PAGE = 1000;

function decodeFeedCursor(ctx: RequestContext, after: string): FeedPosition {
  const [tag, seq, id] = ctx.cursors.decode(after, 3);
  if (tag !== "feed" || typeof seq !== "string" || !isBigintId(seq) || typeof id !== "string" || !isBigintId(id)) {
    throw badUserInput('"after" is not a cursor of the change feed', "after");
  }
  return { seq, id };
}

const encodeFeedCursor = (ctx: RequestContext, position: FeedPosition): string => ctx.cursors.encode(["feed", position.seq, position.id]);

/** The error of a cursor from before what the feed still keeps: it names the oldest cursor still served. */
function cursorExpired(ctx: RequestContext, horizon: FeedPosition): GatewayError {
  return new GatewayError(
    RequestErrorCode.BAD_USER_INPUT,
    "This cursor is older than what the change feed keeps (see CHANGE_FEED_RETENTION_DAYS): changes after it were removed. Read the current state again, then follow the feed from extensions.oldestCursor",
    { argumentName: "after", reason: "CURSOR_EXPIRED", oldestCursor: encodeFeedCursor(ctx, horizon) },
  );
}

const nodeOf = (tenantId: string, row: ChangeRow): ClientChange =>
  Object.assign(new ClientChange(), {
    clientId: row.clientId,
    kind: row.kind,
    resource: row.resource,
    resourceId: row.resourceId,
    changedAt: row.changedAt,
    fields: row.fields,
    requestId: row.requestId,
    sourceSystemId: row.sourceSystemId,
    tenantId,
  });

const loadChanges = databaseField(
  "Query",
  "clientChanges",
  async (_root: unknown, { first, after }: { first?: number | null; after?: string | null }, ctx): Promise<ClientChangeConnection> => {
    const size = assertPageSize(first, MAX_PAGE);
    const position = after == null ? null : decodeFeedCursor(ctx, after);
    const manager = await ctx.session.manager();
    const { rows, horizon } = await readFeedPage(manager, position, size + 1);
    if (position !== null && isBefore(position, horizon)) throw cursorExpired(ctx, horizon!);
    const page = lazyPage(
      rows.slice(0, size).map((row) => ({ node: nodeOf(ctx.tenantId, row), position: { seq: row.seq, id: row.id } })),
      (item) => encodeFeedCursor(ctx, item.position),
      { hasNextPage: rows.length > size, hasPreviousPage: position !== null },
    );
    const pageInfo = page.pageInfo;
    const given = after ?? null;
    return {
      nodes: page.nodes.map((item) => item.node),
      edges: page.edges.map((edge) => ({ node: edge.node.node, get cursor() { return edge.cursor; } })),
      pageInfo: {
        hasNextPage: pageInfo.hasNextPage,
        hasPreviousPage: pageInfo.hasPreviousPage,
        get startCursor() { return pageInfo.startCursor; },
        get endCursor() { return pageInfo.endCursor ?? given; },
      },
    };
  },
);

const loadSource = databaseField("ClientChange", "source", async (change: ClientChange, _args: NoArgs, ctx): Promise<SourceSystem | null> => {
  if (change.sourceSystemId === null) return null;
  return ctx.loaders.get(sourceSystemById).load({ tenantId: change.tenantId, id: change.sourceSystemId });
});

/** `clientChanges`: the company's change feed (API.md). Needs clients:read, as the clients it names. */
@Resolver(() => ClientChange)
export class ChangeFeedResolver {
  @Authorized("clients:read")
  @Query(() => ClientChangeConnection, {
    description:
      "Every committed change of the company's clients and their nested records, in commit order, each exactly once: store pageInfo.endCursor and poll with `after`. A change committed late never lands behind a cursor already handed out. Kept for CHANGE_FEED_RETENTION_DAYS (30 by default); an older cursor is refused with extensions.oldestCursor. Needs clients:read.",
  })
  clientChanges(
    @Ctx() ctx: RequestContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 100, description: `Page size, 1..${MAX_PAGE}` })
    first: number | null,
    @Arg("after", () => String, { nullable: true, description: "The endCursor of the previous page; from the oldest change kept when absent" })
    after: string | null | undefined,
  ): Promise<ClientChangeConnection> {
    return loadChanges(undefined, { first, after }, ctx);
  }

  @FieldResolver(() => SourceSystem, { nullable: true, description: "The source system whose sync made the change; null for a change made through the API" })
  source(@Root() change: ClientChange, @Ctx() ctx: RequestContext): Promise<SourceSystem | null> {
    return loadSource(change, {}, ctx);
  }
}
