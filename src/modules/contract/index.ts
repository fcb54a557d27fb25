import { ClientContract } from "./client-contract.entity";
import { ClientContractFieldResolver, ClientContractIdNumberResolver, ClientContractPreviewIdNumberResolver } from "./client-contract.resolver";
import { clientContractApi } from "./client-contract.writes";

export { ClientContract, ClientContractFieldResolver };
export { contractByClient } from "./client-contract.loaders";

export const contractEntities = [ClientContract];
export const contractResolvers = [ClientContractFieldResolver, ClientContractIdNumberResolver, ClientContractPreviewIdNumberResolver, ...clientContractApi.resolvers] as const;
