import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { DirectDebitMandate } from "./mandate.entity";
import { directDebitMandatesByClient } from "./mandate.loaders";

/** Client.directDebitMandates, batched per request. */
@Resolver(() => Client)
export class ClientDirectDebitMandatesFieldResolver {
  @FieldResolver(() => [DirectDebitMandate], { description: "Oldest first" })
  directDebitMandates(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<DirectDebitMandate[]> {
    return ctx.loaders.get(directDebitMandatesByClient).load(keyOf(client));
  }
}
