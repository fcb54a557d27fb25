import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context";
import { databaseField, NoArgs } from "../../common/prefetch";
import { CountryCode, UUID } from "../../common/scalars";
import { ClientConnection } from "./client.connection";
import { Client } from "./client.entity";
import { ClientFilter, DeletionFilter } from "./client.filters";
import { ClientOrder } from "./client.order";
import { clientService, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./client.service";

@ArgsType()
class ClientsArgs {
  @Field(() => ClientFilter, { nullable: true, description: "Conditions the clients must meet; none: every client" }) filter?: ClientFilter;
  @Field(() => String, { nullable: true, description: "Case-insensitive match on name, legal/informal name and org number (with or without dash)" })
  search?: string;
  @Field(() => DeletionFilter, { defaultValue: DeletionFilter.EXCLUDE, description: "Whether archived clients are left out (EXCLUDE, the default), included or alone" }) deleted: DeletionFilter;
  @Field(() => [ClientOrder], { nullable: true, description: "Default: CREATED_AT ASC, ID ASC" }) orderBy?: ClientOrder[];
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size from the start (or from after), 1..${MAX_PAGE_SIZE}; not used with last` }) first?: number;
  @Field(() => String, { nullable: true, description: "Cursor paging: the rows after this cursor (the endCursor of the previous page)" }) after?: string;
  @Field(() => Int, { nullable: true, description: `Page size from the end (or from before), 1..${MAX_PAGE_SIZE}: paging backward; not with first` }) last?: number;
  @Field(() => String, { nullable: true, description: "Cursor paging: the rows before this cursor (the startCursor of the next page); with last, the page just before it" }) before?: string;
  @Field(() => Int, { nullable: true, description: "Offset paging forward (not with after, last or before)" }) offset?: number;
}

@ArgsType()
class ClientByOrgNumberArgs {
  @Field({ description: "Organisation number, with or without dash; a personnummer needs clients:pii" }) orgNumber: string;
  @Field(() => CountryCode, { nullable: true, description: "ISO 3166-1 alpha-2 country the number belongs to; needed when clients of several countries share the number" }) countryCode?: string;
}

@ArgsType()
class ClientByExternalIdArgs {
  @Field({ description: "The other system, as ExternalIdentifier.source" }) source: string;
  @Field({ description: "The client's id in that source system" }) externalId: string;
}

// The root queries read in their resolvers, before the planner looks beneath them (src/common/prefetch.ts).
const loadClient = databaseField("Query", "client", async (_root: unknown, { id }: { id: string }, ctx): Promise<Client | null> => {
  const client = await clientService.findById(ctx.session, id);
  // Only noted here; written after the request by the recorder, never in this read transaction.
  if (client) ctx.openedClients.record(ctx.tenantId, ctx.caller.subject, client.id);
  return client;
});
const loadByUniqueId = databaseField("Query", "clientByUniqueId", (_root: unknown, { uniqueId }: { uniqueId: string }, ctx) =>
  clientService.findByUniqueId(ctx.session, uniqueId),
);
const loadByOrgNumber = databaseField("Query", "clientByOrgNumber", (_root: unknown, args: ClientByOrgNumberArgs, ctx) =>
  clientService.findByOrgNumber(ctx.session, args.orgNumber, args.countryCode, ctx.caller.scopes.has("clients:pii")),
);
const loadByExternalId = databaseField("Query", "clientByExternalId", (_root: unknown, args: ClientByExternalIdArgs, ctx) =>
  clientService.findByExternalId(ctx.session, args.source, args.externalId, ctx.caller.scopes.has("clients:pii")),
);
const loadClients = databaseField("Query", "clients", (_root: unknown, args: ClientsArgs, ctx) =>
  clientService.list(ctx.session, ctx.cursors, { ...args, pii: ctx.caller.scopes.has("clients:pii") }),
);
/** The COUNT(*) of a page's filter, run by the page (ClientService.list). */
const loadTotalCount = databaseField("ClientConnection", "totalCount", (connection: ClientConnection, _args: NoArgs) => connection.count());

/** The client queries: thin, each one call into ClientService with the request's session. */
@Resolver(() => Client)
export class ClientQueryResolver {
  @Authorized("clients:read")
  @Query(() => Client, { nullable: true, description: "A client by id, archived ones too (archivedAt tells). Noted for the caller's clientsSummary.latestOpened" })
  client(@Arg("id", () => ID, { description: "The client's id" }) id: string, @Ctx() ctx: RequestContext): Promise<Client | null> {
    return loadClient(undefined, { id }, ctx);
  }

  @Authorized("clients:read")
  @Query(() => Client, { nullable: true, description: "A client by its GUID (uniqueId, the factoring platform's clientGuid), archived ones too; null when none" })
  clientByUniqueId(@Arg("uniqueId", () => UUID, { description: "The client's uniqueId" }) uniqueId: string, @Ctx() ctx: RequestContext): Promise<Client | null> {
    return loadByUniqueId(undefined, { uniqueId }, ctx);
  }

  @Authorized("clients:read")
  @Query(() => Client, { nullable: true, description: "By org number, with or without dash; countryCode when several countries share it" })
  clientByOrgNumber(@Args() args: ClientByOrgNumberArgs, @Ctx() ctx: RequestContext): Promise<Client | null> {
    return loadByOrgNumber(undefined, args, ctx);
  }

  @Authorized("clients:read")
  @Query(() => Client, { nullable: true, description: "By an identifier of another system; without clients:pii one that carries a personnummer finds nothing" })
  clientByExternalId(@Args() args: ClientByExternalIdArgs, @Ctx() ctx: RequestContext): Promise<Client | null> {
    return loadByExternalId(undefined, args, ctx);
  }

  @Authorized("clients:read")
  @Query(() => ClientConnection, { description: "A page of the company's clients: filtered, searched, sorted, by cursor (after) or offset. Archived clients are left out unless deleted says otherwise" })
  clients(@Args() args: ClientsArgs, @Ctx() ctx: RequestContext): Promise<ClientConnection> {
    return loadClients(undefined, args, ctx);
  }
}

@Resolver(() => ClientConnection)
export class ClientConnectionResolver {
  @FieldResolver(() => Int, { description: "Clients matching filter, search and deleted (all pages)" })
  totalCount(@Root() connection: ClientConnection, @Ctx() ctx: RequestContext): Promise<number> {
    return loadTotalCount(connection, {}, ctx);
  }
}
