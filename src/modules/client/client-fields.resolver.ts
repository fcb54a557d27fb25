import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context";
import { keyOf } from "../../common/loaders";
import { databaseField, dbFreeFields, NoArgs } from "../../common/prefetch";
import { displayOrgNumber, displayVatNumber } from "./client.display";
import { Client } from "./client.entity";
import { companyTypeCode } from "./client.enums";
import { childrenByParent, clientById } from "./client.loaders";

dbFreeFields("Client", ["orgNumber", "vatNumber", "companyTypeCode", "fullAddress"]);

const loadParent = databaseField("Client", "parent", (client: Client, _args: NoArgs, ctx) =>
  client.parentId ? ctx.loaders.get(clientById).load({ tenantId: client.tenantId, id: client.parentId }) : null,
);
const loadChildren = databaseField("Client", "children", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(childrenByParent).load(keyOf(client)));

/**
 * Where the GraphQL Client differs from the stored one: the org number is shown in the country's
 * format and, for individuals, masked unless the caller has `clients:pii`; the relations come
 * through the request's loaders.
 */
@Resolver(() => Client)
export class ClientFieldsResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "In the country's usual format. For INDIVIDUAL clients a personal identity number, masked without clients:pii",
  })
  orgNumber(@Root() client: Client, @Ctx() ctx: RequestContext): string | null {
    return displayOrgNumber(client, ctx.caller.scopes.has("clients:pii"));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "For INDIVIDUAL clients it can embed the personal identity number, masked like orgNumber without clients:pii",
  })
  vatNumber(@Root() client: Client, @Ctx() ctx: RequestContext): string | null {
    return displayVatNumber(client, ctx.caller.scopes.has("clients:pii"));
  }

  @FieldResolver(() => Int, { nullable: true, description: "The factoring platform's companyType code (1..30)" })
  companyTypeCode(@Root() client: Client): number | null {
    return client.companyType ? companyTypeCode(client.companyType) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Street, house number, zip code and city on one line" })
  fullAddress(@Root() client: Client): string | null {
    const street = [client.street, [client.houseNo, client.houseNoExtension].filter(Boolean).join("")].filter(Boolean).join(" ");
    const town = [client.zipCode, client.city].filter(Boolean).join(" ");
    const line = [street, town].filter(Boolean).join(", ");
    return line || null;
  }

  @FieldResolver(() => Client, { nullable: true, description: "The group parent" })
  parent(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<Client | null> | null {
    return loadParent(client, {}, ctx);
  }

  @FieldResolver(() => [Client], { description: "Group companies whose parent this client is" })
  children(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<Client[]> {
    return loadChildren(client, {}, ctx);
  }
}
