import { ExternalIdentifier } from "./external-identifier.entity";
import { ClientExternalIdentifiersFieldResolver } from "./external-identifier.resolver";
import { externalIdentifierWriteResolvers } from "./external-identifier.writes";

export const externalIdentifierEntities = [ExternalIdentifier];
export const externalIdentifierResolvers = [ClientExternalIdentifiersFieldResolver, ...externalIdentifierWriteResolvers] as const;
