import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { Pricelist } from "./pricelist.entity";
import { pricelistsByClient } from "./pricelist.loaders";

/** Client.pricelists, batched per request. */
@Resolver(() => Client)
export class ClientPricelistsFieldResolver {
  @FieldResolver(() => [Pricelist], { description: "The default first, then by name" })
  pricelists(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<Pricelist[]> {
    return ctx.loaders.get(pricelistsByClient).load(keyOf(client));
  }
}
