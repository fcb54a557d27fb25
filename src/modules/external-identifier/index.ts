import { ExternalIdentifier } from "./external-identifier.entity";
import { ClientExternalIdentifiersFieldResolver, ExternalIdentifierPreviewValueResolver, ExternalIdentifierValueResolver } from "./external-identifier.resolver";
import { externalIdentifierWriteResolvers } from "./external-identifier.writes";

export const externalIdentifierEntities = [ExternalIdentifier];
export const externalIdentifierResolvers = [
  ClientExternalIdentifiersFieldResolver,
  ExternalIdentifierValueResolver,
  ExternalIdentifierPreviewValueResolver,
  ...externalIdentifierWriteResolvers,
] as const;
