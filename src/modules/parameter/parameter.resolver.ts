import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ClientParameter } from "./parameter.entity";
import { parametersByClient } from "./parameter.loaders";

const loadParameters = databaseField("Client", "parameters", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(parametersByClient).load(keyOf(client)));

/** Client.parameters, batched per request. */
@Resolver(() => Client)
export class ClientParametersFieldResolver {
  @FieldResolver(() => [ClientParameter], { description: "By name" })
  parameters(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientParameter[]> {
    return loadParameters(client, {}, ctx);
  }
}
