import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { DirectDebitMandate } from "./mandate.entity";
import { directDebitMandatesByClient } from "./mandate.loaders";

const loadDirectDebitMandates = databaseField("Client", "directDebitMandates", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(directDebitMandatesByClient).load(keyOf(client)));

/** Client.directDebitMandates, batched per request. */
@Resolver(() => Client)
export class ClientDirectDebitMandatesFieldResolver {
  @FieldResolver(() => [DirectDebitMandate], { description: "Oldest first" })
  directDebitMandates(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<DirectDebitMandate[]> {
    return loadDirectDebitMandates(client, {}, ctx);
  }
}
