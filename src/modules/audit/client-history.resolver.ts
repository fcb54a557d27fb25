import { lazyPage } from "../../common/pagination/page";
import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { badUserInput } from "../../common/errors";
import { isBigintId } from "../../common/validation/checksums";
import { keyOf, keysetPagePerParent } from "../../common/loaders";
import { PageInfo } from "../../common/pagination/page-info";
import { pageKeyOf, pageWindow, WindowArgs, windowPage } from "../../common/pagination/window";
import { databaseField } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { AuditEntry } from "./audit-entry.entity";

@ObjectType({ description: "A change and its cursor" })
export class AuditEntryEdge {
  @Field({ description: "Opaque cursor of this item: pass it as after to read the items that follow it" })
  cursor: string;

  @Field(() => AuditEntry, { description: "The item" })
  node: AuditEntry;
}

@ObjectType({ description: "A page of a client's history, newest first" })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: "The page's items, each with its cursor" })
  edges: AuditEntryEdge[];

  @Field(() => [AuditEntry], { description: "The page's items, in order, without cursors" })
  nodes: AuditEntry[];

  @Field(() => PageInfo, { description: "Whether more items follow or precede, and the cursors at the page's ends" })
  pageInfo: PageInfo;
}

/** Pages of a client's audit entries, newest first: one statement for a page of clients. */
export const historyPageLoader = keysetPagePerParent("Client.history", AuditEntry, {
  parentColumn: "clientId",
  orderBy: [
    ["occurredAt", "timestamptz"],
    ["id", "bigint"],
  ],
});


const HISTORY_PAGE = 20;

/** History has one order and no filter: its cursors are bound to the list only. */
const HISTORY_SCOPE = { list: "Client.history", order: "occurredAt DESC,id DESC" };

function decodeHistoryCursor(ctx: RequestContext, cursor: string, argument: "after" | "before"): string[] {
  const [occurredAt, id] = ctx.cursors.decode(cursor, 2, argument, HISTORY_SCOPE);
  if (typeof occurredAt !== "string" || Number.isNaN(Date.parse(occurredAt)) || typeof id !== "string" || !isBigintId(id)) {
    throw badUserInput(`"${argument}" is not a cursor of this list`, argument);
  }
  return [occurredAt, id];
}

type HistoryArgs = Pick<WindowArgs, "first" | "after" | "last" | "before">;

const loadHistory = databaseField(
  "Client",
  "history",
  async (client: Client, args: HistoryArgs, ctx): Promise<AuditEntryConnection> => {
    const window = pageWindow(args, { defaultSize: HISTORY_PAGE, max: 100 }, (cursor, argument) => decodeHistoryCursor(ctx, cursor, argument));
    const { nodes, ...more } = windowPage(await ctx.loaders.get(historyPageLoader).load(pageKeyOf(keyOf(client), window)), window);
    return lazyPage(nodes, (node) => ctx.cursors.encode([node.occurredAt.toISOString(), node.id], HISTORY_SCOPE), more);
  },
);

/** `Client.history`: the audit trail of a client and its resources. */
@Resolver(() => Client)
export class ClientHistoryResolver {
  @FieldResolver(() => AuditEntryConnection, { description: "Committed changes of this client and its resources, newest first" })
  history(
    @Root() client: Client,
    @Ctx() ctx: RequestContext,
    // Each cursor before its size: type-graphql lists arguments in reverse, so the SDL reads (first, after, last, before).
    @Arg("before", () => String, { nullable: true, description: "The changes before (newer than) this cursor, the startCursor of the next page; with last, the page just before it" })
    before: string | null | undefined,
    @Arg("last", () => Int, { nullable: true, description: "Page size from the end (or from before), 1..100: paging backward; not with first" })
    last: number | null | undefined,
    @Arg("after", () => String, { nullable: true, description: "The changes after (older than) this cursor: the endCursor of the previous page" })
    after: string | null | undefined,
    @Arg("first", () => Int, { nullable: true, defaultValue: HISTORY_PAGE, description: "Page size from the start (or from after), 1..100; not used with last" })
    first: number | null,
  ): Promise<AuditEntryConnection> {
    return loadHistory(client, { first, after, last, before }, ctx);
  }
}
