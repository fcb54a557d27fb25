import { lazyPage } from "../../common/pagination/page";
import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { badUserInput } from "../../common/errors";
import { isBigintId } from "../../common/validation/checksums";
import { keyOf, keysetPagePerParent } from "../../common/loaders";
import { PageInfo } from "../../common/pagination/page-info";
import { assertPageSize } from "../../common/pagination/page-size";
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


/** History has one order and no filter: its cursors are bound to the list only. */
const HISTORY_SCOPE = { list: "Client.history", order: "occurredAt DESC,id DESC" };

function decodeHistoryCursor(ctx: RequestContext, after: string): string[] {
  const [occurredAt, id] = ctx.cursors.decode(after, 2, "after", HISTORY_SCOPE);
  if (typeof occurredAt !== "string" || Number.isNaN(Date.parse(occurredAt)) || typeof id !== "string" || !isBigintId(id)) {
    throw badUserInput('"after" is not a cursor of this list', "after");
  }
  return [occurredAt, id];
}

const loadHistory = databaseField(
  "Client",
  "history",
  async (client: Client, { first, after }: { first?: number | null; after?: string | null }, ctx): Promise<AuditEntryConnection> => {
    const size = assertPageSize(first, 100);
    const position = after == null ? null : decodeHistoryCursor(ctx, after);
    const rows = await ctx.loaders.get(historyPageLoader).load({ ...keyOf(client), first: size, after: position });
    const nodes = rows.slice(0, size);
    return lazyPage(nodes, (node) => ctx.cursors.encode([node.occurredAt.toISOString(), node.id], HISTORY_SCOPE), { hasNextPage: rows.length > size, hasPreviousPage: position !== null });
  },
);

/** `Client.history`: the audit trail of a client and its resources. */
@Resolver(() => Client)
export class ClientHistoryResolver {
  @FieldResolver(() => AuditEntryConnection, { description: "Committed changes of this client and its resources, newest first" })
  history(
    @Root() client: Client,
    @Ctx() ctx: RequestContext,
    // `after` before `first`: type-graphql lists arguments in reverse, so the SDL reads (first, after).
    @Arg("after", () => String, { nullable: true, description: "The endCursor of the previous page" })
    after: string | null | undefined,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "Page size, 1..100" })
    first: number | null,
  ): Promise<AuditEntryConnection> {
    return loadHistory(client, { first, after }, ctx);
  }
}
