import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ExtraField } from "./extra-field.entity";
import { extraFieldsByClient } from "./extra-field.loaders";

/** Client.extraFields, batched per request. */
@Resolver(() => Client)
export class ClientExtraFieldsFieldResolver {
  @FieldResolver(() => [ExtraField], { description: "By name" })
  extraFields(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ExtraField[]> {
    return ctx.loaders.get(extraFieldsByClient).load(keyOf(client));
  }
}
