import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ExtraField } from "./extra-field.entity";
import { extraFieldsByClient } from "./extra-field.loaders";

const loadExtraFields = databaseField("Client", "extraFields", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(extraFieldsByClient).load(keyOf(client)));

/** Client.extraFields, batched per request. */
@Resolver(() => Client)
export class ClientExtraFieldsFieldResolver {
  @FieldResolver(() => [ExtraField], { description: "By name" })
  extraFields(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ExtraField[]> {
    return loadExtraFields(client, {}, ctx);
  }
}
