import { ClientFieldsResolver } from "./client-fields.resolver";
import { ClientMutationResolver } from "./client-mutation.resolver";
import { Client } from "./client.entity";
import { ClientPreviewResolver } from "./client.payloads";
import { ClientConnectionResolver, ClientQueryResolver } from "./client.resolver";

export const clientEntities = [Client];
export const clientResolvers = [ClientQueryResolver, ClientConnectionResolver, ClientFieldsResolver, ClientMutationResolver, ClientPreviewResolver] as const;
