import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField, dbFreeFields, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { displayIdNumber } from "../client/client.display";
import { Client } from "../client/client.entity";
import { ExternalIdentifier } from "./external-identifier.entity";
import { externalIdentifiersByClient } from "./external-identifier.loaders";
import { ExternalIdentifierPreview } from "./external-identifier.writes";

const loadExternalIdentifiers = databaseField("Client", "externalIdentifiers", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(externalIdentifiersByClient).load(keyOf(client)));

/** Client.externalIdentifiers (deleted ones left out), batched per request. */
@Resolver(() => Client)
export class ClientExternalIdentifiersFieldResolver {
  @FieldResolver(() => [ExternalIdentifier], { description: "By source; deleted ones left out" })
  externalIdentifiers(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ExternalIdentifier[]> {
    return loadExternalIdentifiers(client, {}, ctx);
  }
}

dbFreeFields("ExternalIdentifier", ["externalId"]);
dbFreeFields("ExternalIdentifierPreview", ["externalId"]);

/** An identifier can be a personnummer (a registry's id of a sole trader): shown by the personnummer rule, as a contract's idNumber. */
@Resolver(() => ExternalIdentifier)
export class ExternalIdentifierValueResolver {
  @FieldResolver(() => String, { description: "The client's id in that system; a personnummer is masked without clients:pii" })
  externalId(@Root() identifier: ExternalIdentifier, @Ctx() ctx: RequestContext): string {
    return displayIdNumber(identifier.externalId, ctx.caller.scopes.has("clients:pii"))!;
  }
}

/** A dry run's preview shows the identifier by the same rule. */
@Resolver(() => ExternalIdentifierPreview)
export class ExternalIdentifierPreviewValueResolver {
  @FieldResolver(() => String, { description: "As written; a personnummer is masked without clients:pii" })
  externalId(@Root() preview: { externalId: string }, @Ctx() ctx: RequestContext): string {
    return displayIdNumber(preview.externalId, ctx.caller.scopes.has("clients:pii"))!;
  }
}
