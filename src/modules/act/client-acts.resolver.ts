import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { badUserInput } from "../../common/errors";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ActConnection } from "./act-connection.type";
import { decodeActCursor, encodeActCursor } from "./act-cursor";
import { Act } from "./act.entity";
import { actPageLoader, latestActLoader } from "./act.loaders";

/** The financial statements of a client, newest first, batched per request by dataloader. */
@Resolver(() => Client)
export class ClientActsResolver {
  @FieldResolver(() => Act, { nullable: true, description: "The newest act (by periodEnd), if any" })
  async latestAct(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<Act | null> {
    const acts = await ctx.loaders.get(latestActLoader).load({ ...keyOf(client), first: 1 });
    return acts[0] ?? null;
  }

  @FieldResolver(() => ActConnection, { description: "The client's acts, newest first" })
  async acts(
    @Root() client: Client,
    @Ctx() ctx: RequestContext,
    // `after` before `first`: type-graphql lists arguments in reverse, so the SDL reads (first, after).
    @Arg("after", () => String, { nullable: true, description: "The endCursor of the previous page" })
    after: string | null | undefined,
    @Arg("first", () => Int, { nullable: true, defaultValue: 10, description: "Page size, 1..100" })
    first: number | null,
  ): Promise<ActConnection> {
    if (first === null || !Number.isInteger(first) || first < 1 || first > 100) {
      throw badUserInput('"first" must be between 1 and 100', "first");
    }
    const cursor = after == null ? null : decodeActCursor(ctx.cursors, after);
    const rows = await ctx.loaders.get(actPageLoader).load({ ...keyOf(client), first, after: cursor });
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({ cursor: encodeActCursor(ctx.cursors, node), node }));
    return {
      edges,
      nodes,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: cursor !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }
}
