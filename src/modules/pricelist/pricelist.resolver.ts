import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { Pricelist } from "./pricelist.entity";
import { pricelistsByClient } from "./pricelist.loaders";

const loadPricelists = databaseField("Client", "pricelists", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(pricelistsByClient).load(keyOf(client)));

/** Client.pricelists, batched per request. */
@Resolver(() => Client)
export class ClientPricelistsFieldResolver {
  @FieldResolver(() => [Pricelist], { description: "The default first, then by name" })
  pricelists(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<Pricelist[]> {
    return loadPricelists(client, {}, ctx);
  }
}
