import { ClientAccount } from "./client-account.entity";
import { ClientChartOfAccountsFieldResolver } from "./client-account.resolver";

export { ClientAccount } from "./client-account.entity";
export const chartOfAccountsEntities = [ClientAccount];
export const chartOfAccountsResolvers = [ClientChartOfAccountsFieldResolver] as const;
