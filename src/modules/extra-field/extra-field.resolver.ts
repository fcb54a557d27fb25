import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { namedPerParent, nestedList } from "../../common/pagination/nested-list";
import { databaseField } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ExtraField } from "./extra-field.entity";
import { extraFieldsByClient } from "./extra-field.loaders";

/** Client.extraFields (a list, as before, with optional arguments) and Client.extraFieldsConnection, batched per request. */
export const extraFieldLists = nestedList({
  parentType: Client,
  parentTypeName: "Client",
  parentKey: keyOf,
  node: ExtraField,
  entity: ExtraField,
  nodeName: "ExtraField",
  label: "extra field",
  parentColumn: "client_id",
  listField: "extraFields",
  connectionField: "extraFieldsConnection",
  orderDescription: "by name",
  filters: {
    id: { column: "id", kind: "id" },
    name: { column: "name", kind: "string" },
    createdAt: { column: "created_at", kind: "datetime" },
    updatedAt: { column: "updated_at", kind: "datetime" },
  },
  sorts: {
    NAME: { property: "name", column: "name", kind: "string", nullable: false },
    CREATED_AT: { property: "createdAt", column: "created_at", kind: "timestamptz", nullable: false },
    UPDATED_AT: { property: "updatedAt", column: "updated_at", kind: "timestamptz", nullable: false },
  },
  defaultOrder: [["NAME", "ASC"]],
  plain: { spec: extraFieldsByClient },
});

export const [ClientExtraFieldsFieldResolver] = extraFieldLists.resolvers;

/** A client's extra field by name: one statement per batch of clients and names. */
export const extraFieldByName = namedPerParent("extraFieldByName", ExtraField, { parent: "client_id", name: "name" });

const loadExtraField = databaseField("Client", "extraField", (client: Client, { name }: { name: string }, ctx) =>
  ctx.loaders.get(extraFieldByName).load({ ...keyOf(client), args: name }),
);

/** Client.extraField(name:). */
@Resolver(() => Client)
export class ClientExtraFieldByNameResolver {
  @FieldResolver(() => ExtraField, { nullable: true, description: "The client's extra field of this name (names are unique per client and case-sensitive); null when it has none" })
  extraField(@Root() client: Client, @Arg("name", () => String, { description: "The extra field's name" }) name: string, @Ctx() ctx: RequestContext): Promise<ExtraField | null> {
    return loadExtraField(client, { name }, ctx);
  }
}
