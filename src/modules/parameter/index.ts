import { ClientParameter } from "./parameter.entity";
import { ClientParameterByNameResolver, ClientParametersFieldResolver } from "./parameter.resolver";
import { parameterWriteResolvers } from "./parameter.writes";

export const parameterEntities = [ClientParameter];
export const parameterResolvers = [ClientParametersFieldResolver, ClientParameterByNameResolver, ...parameterWriteResolvers] as const;
