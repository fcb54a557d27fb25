import { ClientContract } from "./client-contract.entity";
import { ClientContractFieldResolver } from "./client-contract.resolver";

export { ClientContract, ClientContractFieldResolver };
export { contractByClient } from "./client-contract.loaders";

export const contractEntities = [ClientContract];
export const contractResolvers = [ClientContractFieldResolver] as const;
