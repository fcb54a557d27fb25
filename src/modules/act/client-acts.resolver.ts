import { lazyPage } from "../../common/pagination/page";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ActConnection } from "./act-connection.type";
import { decodeActCursor, encodeActCursor } from "./act-cursor";
import { Act } from "./act.entity";
import { actPageLoader } from "./act.loaders";
import { assertPageSize } from "../../common/pagination/page-size";
import { databaseField, NoArgs } from "../../common/prefetch";

const loadLatestAct = databaseField("Client", "latestAct", async (client: Client, _args: NoArgs, ctx): Promise<Act | null> => {
  // The first page of one: shares its statement with `acts(first)` when both are selected.
  const acts = await ctx.loaders.get(actPageLoader).load({ ...keyOf(client), first: 1, after: null });
  return acts[0] ?? null;
});

const loadActs = databaseField(
  "Client",
  "acts",
  async (client: Client, { first, after }: { first?: number | null; after?: string | null }, ctx): Promise<ActConnection> => {
    const size = assertPageSize(first, 100);
    const cursor = after == null ? null : decodeActCursor(ctx.cursors, after);
    const position = cursor && [cursor.periodEnd, cursor.id];
    const rows = await ctx.loaders.get(actPageLoader).load({ ...keyOf(client), first: size, after: position });
    const nodes = rows.slice(0, size);
    return lazyPage(nodes, (node) => encodeActCursor(ctx.cursors, node), { hasNextPage: rows.length > size, hasPreviousPage: cursor !== null });
  },
);

/** The financial statements of a client, newest first, batched per request by dataloader. */
@Resolver(() => Client)
export class ClientActsResolver {
  @FieldResolver(() => Act, { nullable: true, description: "The newest act (by periodEnd), if any" })
  latestAct(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<Act | null> {
    return loadLatestAct(client, {}, ctx);
  }

  @FieldResolver(() => ActConnection, { description: "The client's acts, newest first" })
  acts(
    @Root() client: Client,
    @Ctx() ctx: RequestContext,
    // `after` before `first`: type-graphql lists arguments in reverse, so the SDL reads (first, after).
    @Arg("after", () => String, { nullable: true, description: "The endCursor of the previous page" })
    after: string | null | undefined,
    @Arg("first", () => Int, { nullable: true, defaultValue: 10, description: "Page size, 1..100" })
    first: number | null,
  ): Promise<ActConnection> {
    return loadActs(client, { first, after }, ctx);
  }
}
