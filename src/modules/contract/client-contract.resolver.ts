import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ClientContract } from "./client-contract.entity";
import { contractByClient } from "./client-contract.loaders";

/** `Client.contract`: the client's service contract, batched per request. */
@Resolver(() => Client)
export class ClientContractFieldResolver {
  @FieldResolver(() => ClientContract, { nullable: true })
  contract(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientContract | null> {
    return ctx.loaders.get(contractByClient).load(keyOf(client));
  }
}
