import { lazyPage } from "../../common/pagination/page";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ActConnection } from "./act-connection.type";
import { decodeActCursor, encodeActCursor } from "./act-cursor";
import { Act } from "./act.entity";
import { actPageLoader } from "./act.loaders";
import { pageKeyOf, pageWindow, WindowArgs, windowPage } from "../../common/pagination/window";
import { databaseField, NoArgs } from "../../common/prefetch";

const ACTS_PAGE = 10;

const loadLatestAct = databaseField("Client", "latestAct", async (client: Client, _args: NoArgs, ctx): Promise<Act | null> => {
  // The first page of one: shares its statement with `acts(first)` when both are selected.
  const acts = await ctx.loaders.get(actPageLoader).load({ ...keyOf(client), first: 1, after: null });
  return acts[0] ?? null;
});

const loadActs = databaseField(
  "Client",
  "acts",
  async (client: Client, args: Pick<WindowArgs, "first" | "after" | "last" | "before">, ctx): Promise<ActConnection> => {
    const window = pageWindow(args, { defaultSize: ACTS_PAGE, max: 100 }, (cursor, argument) => {
      const { periodEnd, id } = decodeActCursor(ctx.cursors, cursor, argument);
      return [periodEnd, id];
    });
    const { nodes, ...more } = windowPage(await ctx.loaders.get(actPageLoader).load(pageKeyOf(keyOf(client), window)), window);
    return lazyPage(nodes, (node) => encodeActCursor(ctx.cursors, node), more);
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
    // Each cursor before its size: type-graphql lists arguments in reverse, so the SDL reads (first, after, last, before).
    @Arg("before", () => String, { nullable: true, description: "The acts before (newer than) this cursor, the startCursor of the next page; with last, the page just before it" })
    before: string | null | undefined,
    @Arg("last", () => Int, { nullable: true, description: "Page size from the end (or from before), 1..100: paging backward; not with first" })
    last: number | null | undefined,
    @Arg("after", () => String, { nullable: true, description: "The acts after (older than) this cursor: the endCursor of the previous page" })
    after: string | null | undefined,
    @Arg("first", () => Int, { nullable: true, defaultValue: ACTS_PAGE, description: "Page size from the start (or from after), 1..100; not used with last" })
    first: number | null,
  ): Promise<ActConnection> {
    return loadActs(client, { first, after, last, before }, ctx);
  }
}
