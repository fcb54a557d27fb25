import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { namedPerParent, nestedList } from "../../common/pagination/nested-list";
import { databaseField } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ClientParameter } from "./parameter.entity";
import { parametersByClient } from "./parameter.loaders";

/** Client.parameters (a list, as before, with optional arguments) and Client.parametersConnection, batched per request. */
export const parameterLists = nestedList({
  parentType: Client,
  parentTypeName: "Client",
  parentKey: keyOf,
  node: ClientParameter,
  entity: ClientParameter,
  nodeName: "ClientParameter",
  label: "parameter",
  parentColumn: "client_id",
  listField: "parameters",
  connectionField: "parametersConnection",
  orderDescription: "by name",
  filters: {
    id: { column: "id", kind: "id" },
    name: { column: "name", kind: "string" },
    type: { column: "type", kind: "string" },
    value: { column: "value", kind: "string" },
    href: { column: "href", kind: "string" },
    createdAt: { column: "created_at", kind: "datetime" },
    updatedAt: { column: "updated_at", kind: "datetime" },
  },
  sorts: {
    NAME: { property: "name", column: "name", kind: "string", nullable: false },
    TYPE: { property: "type", column: "type", kind: "string", nullable: true },
    CREATED_AT: { property: "createdAt", column: "created_at", kind: "timestamptz", nullable: false },
    UPDATED_AT: { property: "updatedAt", column: "updated_at", kind: "timestamptz", nullable: false },
  },
  defaultOrder: [["NAME", "ASC"]],
  plain: { spec: parametersByClient },
});

export const [ClientParametersFieldResolver] = parameterLists.resolvers;

/** A client's parameter by name: one statement per batch of clients and names. */
export const parameterByName = namedPerParent("parameterByName", ClientParameter, { parent: "client_id", name: "name" });

const loadParameter = databaseField("Client", "parameter", (client: Client, { name }: { name: string }, ctx) =>
  ctx.loaders.get(parameterByName).load({ ...keyOf(client), args: name }),
);

/** Client.parameter(name:). */
@Resolver(() => Client)
export class ClientParameterByNameResolver {
  @FieldResolver(() => ClientParameter, { nullable: true, description: "The client's parameter of this name (names are unique per client and case-sensitive); null when it has none" })
  parameter(@Root() client: Client, @Arg("name", () => String, { description: "The parameter's name" }) name: string, @Ctx() ctx: RequestContext): Promise<ClientParameter | null> {
    return loadParameter(client, { name }, ctx);
  }
}
