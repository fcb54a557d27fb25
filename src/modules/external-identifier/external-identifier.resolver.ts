import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ExternalIdentifier } from "./external-identifier.entity";
import { externalIdentifiersByClient } from "./external-identifier.loaders";

/** Client.externalIdentifiers (deleted ones left out), batched per request. */
@Resolver(() => Client)
export class ClientExternalIdentifiersFieldResolver {
  @FieldResolver(() => [ExternalIdentifier], { description: "By source; deleted ones left out" })
  externalIdentifiers(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ExternalIdentifier[]> {
    return ctx.loaders.get(externalIdentifiersByClient).load(keyOf(client));
  }
}
