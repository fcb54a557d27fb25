import { ExternalIdentifier } from "./external-identifier.entity";
import { ClientExternalIdentifiersFieldResolver } from "./external-identifier.resolver";

export const externalIdentifierEntities = [ExternalIdentifier];
export const externalIdentifierResolvers = [ClientExternalIdentifiersFieldResolver] as const;
