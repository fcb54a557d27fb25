import { ClientContract } from "./client-contract.entity";
import { ClientContractFieldResolver, ClientContractIdNumberResolver } from "./client-contract.resolver";
import { clientContractApi } from "./client-contract.writes";

export { ClientContract, ClientContractFieldResolver };
export { contractByClient } from "./client-contract.loaders";

export const contractEntities = [ClientContract];
export const contractResolvers = [ClientContractFieldResolver, ClientContractIdNumberResolver, ...clientContractApi.resolvers] as const;
