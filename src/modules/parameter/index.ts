import { ClientParameter } from "./parameter.entity";
import { ClientParametersFieldResolver } from "./parameter.resolver";
import { parameterWriteResolvers } from "./parameter.writes";

export const parameterEntities = [ClientParameter];
export const parameterResolvers = [ClientParametersFieldResolver, ...parameterWriteResolvers] as const;
