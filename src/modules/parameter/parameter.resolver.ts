import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ClientParameter } from "./parameter.entity";
import { parametersByClient } from "./parameter.loaders";

/** Client.parameters, batched per request. */
@Resolver(() => Client)
export class ClientParametersFieldResolver {
  @FieldResolver(() => [ClientParameter], { description: "By name" })
  parameters(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientParameter[]> {
    return ctx.loaders.get(parametersByClient).load(keyOf(client));
  }
}
