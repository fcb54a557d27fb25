import { ExtraField } from "./extra-field.entity";
import { ClientExtraFieldsFieldResolver } from "./extra-field.resolver";

export const extraFieldEntities = [ExtraField];
export const extraFieldResolvers = [ClientExtraFieldsFieldResolver] as const;
