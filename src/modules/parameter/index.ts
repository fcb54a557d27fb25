import { ClientParameter } from "./parameter.entity";
import { ClientParametersFieldResolver } from "./parameter.resolver";

export const parameterEntities = [ClientParameter];
export const parameterResolvers = [ClientParametersFieldResolver] as const;
