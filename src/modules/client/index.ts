import { ClientFieldsResolver } from "./client-fields.resolver";
import { Client } from "./client.entity";
import { ClientConnectionResolver, ClientQueryResolver } from "./client.resolver";

export const clientEntities = [Client];
export const clientResolvers = [ClientQueryResolver, ClientConnectionResolver, ClientFieldsResolver] as const;
