import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ClientSummary } from "./client-summary.type";
import { clientSummaryLoader } from "./summary.loaders";

/** `Client.summary`: one statement per batch of clients. */
@Resolver(() => Client)
export class ClientSummaryResolver {
  @FieldResolver(() => ClientSummary, { description: "Counts and totals over the client's related data" })
  summary(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientSummary> {
    return ctx.loaders.get(clientSummaryLoader).load(keyOf(client));
  }
}
