import { ExtraField } from "./extra-field.entity";
import { ClientExtraFieldByNameResolver, ClientExtraFieldsFieldResolver } from "./extra-field.resolver";
import { extraFieldWriteResolvers } from "./extra-field.writes";

export const extraFieldEntities = [ExtraField];
export const extraFieldResolvers = [ClientExtraFieldsFieldResolver, ClientExtraFieldByNameResolver, ...extraFieldWriteResolvers] as const;
